package com.itadcustody.certificate;

import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.asset.AssetSummary;
import com.itadcustody.certificate.SanitizationRecord.MediaDestination;
import com.itadcustody.certificate.SanitizationRecord.SanitizationMethodType;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.internal.CertificateContent;
import com.itadcustody.certificate.internal.CertificateContent.Header;
import com.itadcustody.certificate.internal.CertificateDocument;
import com.itadcustody.certificate.internal.CertificateNumbers;
import com.itadcustody.certificate.internal.CertificateRegistry;
import com.itadcustody.certificate.internal.CertificateVerifier;
import com.itadcustody.certificate.internal.pdf.CertificatePdfRenderer;
import com.itadcustody.certificate.internal.signing.CertificateSigningSettings;
import com.itadcustody.certificate.internal.signing.DocumentSigner;
import com.itadcustody.certificate.internal.signing.SignedPdf;
import com.itadcustody.certificate.internal.signing.SigningKeys;
import com.itadcustody.custody.CustodyEvent;
import com.itadcustody.custody.CustodyEvidence;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import com.itadcustody.shared.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The certificate module's API: issues signed Certificates of Sanitization (per medium) and of Disposition (per
 * asset) with their custody evidence, revokes and supersedes them (never deleting any), and reads the registry.
 * The retirement workflow calls the issue methods; until it exists, the REST API does.
 */
@Service
public class Certificates {

    /** How long issuing waits for the certified event to be sequenced and checkpointed. */
    static final Duration EVIDENCE_TIMEOUT = Duration.ofSeconds(15);

    private final AssetCatalog assets;
    private final CustodyLog custody;
    private final CustodyEvidence evidence;
    private final CertificateNumbers numbers;
    private final CertificateRegistry registry;
    private final CertificatePdfRenderer renderer;
    private final DocumentSigner signer;
    private final CertificateSigningSettings signing;
    private final TransactionTemplate tx;
    private final CertificateVerifier verifier;
    private final SigningKeys keys;
    private final String publicUrl;
    private final org.springframework.context.ApplicationEventPublisher events;

    Certificates(AssetCatalog assets, CustodyLog custody, CustodyEvidence evidence, CertificateNumbers numbers,
            CertificateRegistry registry, CertificatePdfRenderer renderer, DocumentSigner signer,
            CertificateSigningSettings signing, TransactionTemplate tx, CertificateVerifier verifier, SigningKeys keys,
            @Value("${itad.public-url:http://localhost:8080}") String publicUrl,
            org.springframework.context.ApplicationEventPublisher events) {
        this.assets = assets;
        this.custody = custody;
        this.evidence = evidence;
        this.numbers = numbers;
        this.registry = registry;
        this.renderer = renderer;
        this.signer = signer;
        this.signing = signing;
        this.tx = tx;
        this.verifier = verifier;
        this.keys = keys;
        this.events = events;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Issues the Certificate of Sanitization of one medium. {@code certifiedEventId} is the custody event that
     * recorded the sanitization (the workflow passes its own); when null, a {@code SANITIZATION_RECORDED} event
     * with the record's non-personal details is appended first. Refused with 409 {@code already-certified} when
     * the medium has a valid certificate (correct it with {@link #supersede}).
     */
    public CertificateView issueSanitizationCertificate(SanitizationRecord record, UUID certifiedEventId,
            Actor actor) {
        return issueSanitization(record, certifiedEventId, actor, null, null);
    }

    /**
     * Issues the Certificate of Disposition of an asset, listing the valid certificates of sanitization of all its
     * media (409 {@code media-not-certified} if one is missing). {@code certifiedEventId} as for sanitization; when
     * null, a {@code DISPOSITION_RECORDED} event is appended first.
     */
    public CertificateView issueDispositionCertificate(DispositionRecord record, UUID certifiedEventId,
            Actor actor) {
        return issueDisposition(record, certifiedEventId, actor, null, null);
    }

    /**
     * Replaces a valid certificate with a corrected one of the same type and subject: both are kept and linked, the
     * old one becomes SUPERSEDED. {@code corrected} must be a {@link SanitizationRecord} or a
     * {@link DispositionRecord} matching the certificate's type.
     */
    public CertificateView supersede(String number, Object corrected, String reason, Actor actor) {
        requireReason(reason);
        CertificateView old = get(number);
        requireValid(old);
        if (old.type() == CertificateType.SANITIZATION && corrected instanceof SanitizationRecord r) {
            if (!r.mediumId().equals(old.mediumId()) || !r.assetId().equals(old.assetId())) {
                throw DomainRuleViolated.unprocessable("same-subject", "mediumId",
                        "a correction must be for the same asset and medium as " + number);
            }
            return issueSanitization(r, null, actor, old, reason.strip());
        }
        if (old.type() == CertificateType.DISPOSITION && corrected instanceof DispositionRecord r) {
            if (!r.assetId().equals(old.assetId())) {
                throw DomainRuleViolated.unprocessable("same-subject", "assetId",
                        "a correction must be for the same asset as " + number);
            }
            return issueDisposition(r, null, actor, old, reason.strip());
        }
        throw DomainRuleViolated.unprocessable("same-type", old.type() == CertificateType.SANITIZATION
                ? "sanitization" : "disposition", number + " is a " + old.type().title()
                + "; the correction must be of the same type");
    }

    /**
     * Revokes a valid certificate (compliance officers and administrators only); the certificate stays in the
     * registry with the reason, and a {@code CERTIFICATE_REVOKED} custody event records it.
     */
    public CertificateView revoke(String number, String reason, Actor actor) {
        if (!actor.has(Role.COMPLIANCE) && !actor.has(Role.ADMIN)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "revoker-role", null,
                    "only compliance officers and administrators revoke certificates");
        }
        requireReason(reason);
        CertificateView certificate = get(number);
        requireValid(certificate);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        tx.executeWithoutResult(status -> {
            if (!registry.changeStatus(certificate.id(), CertificateStatus.REVOKED, now, actor.userId(),
                    reason.strip(), null)) {
                throw notValid(number);
            }
            custody.append(event(certificate, "CERTIFICATE_REVOKED", actor, Map.of("number", number,
                    "reason", reason.strip()), List.of()));
        });
        return get(number);
    }

    /** The certificate with this number; 404 if there is none. */
    public CertificateView get(String number) {
        return registry.find(number).orElseThrow(() -> new NotFound("certificate", number));
    }

    /** The signed PDF of the certificate; 404 if there is none. */
    public byte[] pdf(String number) {
        return registry.pdf(number).orElseThrow(() -> new NotFound("certificate", number));
    }

    /** Certificates matching the filter (each may be null), newest first. */
    public PageResult<CertificateView> list(UUID assetId, CertificateType type, CertificateStatus status, int page,
            int size) {
        return registry.list(assetId, type, status, page, size);
    }

    /**
     * Certificates matching the filter (each may be null), newest first: {@code text} matches the number or the
     * medium serial (substring, any case), or the certificates of {@code assetIds} (e.g. the asset whose serial or
     * tag the text is).
     */
    public PageResult<CertificateView> search(CertificateType type, CertificateStatus status, String text,
            java.util.Collection<UUID> assetIds, int page, int size) {
        return registry.search(type, status, text, assetIds, page, size);
    }

    /**
     * Verifies a certificate by its number: 400 {@code invalid-certificate-number} if the text is not a number or
     * its check digit is wrong (a typo); verdict NOT_FOUND if it was never issued; else the stored PDF is checked.
     * Recorded in the history of checks as a {@link VerificationChannel#SERVICE} check.
     */
    public CertificateVerification verifyNumber(String text) {
        return verifyNumber(text, VerificationChannel.SERVICE);
    }

    /**
     * As {@link #verifyNumber(String)}, asked for through {@code channel}; every check, a refused number included,
     * is published as a {@link CertificateVerified} event for the history of checks.
     */
    public CertificateVerification verifyNumber(String text, VerificationChannel channel) {
        java.util.Optional<String> parsed = CertificateNumbers.parse(text);
        if (parsed.isEmpty()) {
            verified(channel, text, null, null, null);
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "invalid-certificate-number", "number",
                    CertificateNumbers.looksLikeNumber(text)
                            ? "the check digit (the last digit) does not match: the number was probably mistyped"
                            : "a certificate number looks like COS-2026-000123-4");
        }
        String number = parsed.get();
        CertificateVerification result = registry.pdf(number).map(verifier::verifyPdf)
                .orElseGet(() -> CertificateVerifier.notFound(number));
        verified(channel, text, null, result.verdict(), result.number());
        return result;
    }

    /** Verifies an uploaded PDF: signature, registry match, status and embedded custody proof. */
    public CertificateVerification verifyPdf(byte[] pdf) {
        return verifyPdf(pdf, VerificationChannel.SERVICE);
    }

    /** As {@link #verifyPdf(byte[])}, asked for through {@code channel}; published as {@link CertificateVerified}. */
    public CertificateVerification verifyPdf(byte[] pdf, VerificationChannel channel) {
        CertificateVerification result = verifier.verifyPdf(pdf);
        verified(channel, null, HexFormat.of().formatHex(Sha256.digest(pdf)), result.verdict(), result.number());
        return result;
    }

    private void verified(VerificationChannel channel, String text, String sha256,
            CertificateVerification.Verdict verdict, String number) {
        String submitted = text == null ? null : text.strip();
        if (submitted != null && submitted.length() > 100) {
            submitted = submitted.substring(0, 100);
        }
        events.publishEvent(new CertificateVerified(Instant.now(), channel, submitted, sha256, verdict, number));
    }

    /** The PEM certificates of our document-signing certificate authorities, for verifiers to trust. */
    public String trustAnchorsPem() {
        return keys.trustAnchorsPem();
    }

    // ---- issuing ------------------------------------------------------------------------------------------------

    private CertificateView issueSanitization(SanitizationRecord r, UUID certifiedEventId, Actor actor,
            CertificateView replaces, String correction) {
        checkSanitizationRules(r);
        AssetSummary asset = assets.describe(r.assetId());
        AssetSummary.Medium medium = asset.medium(r.mediumId())
                .orElseThrow(() -> new NotFound("storage medium of asset " + r.assetId(), r.mediumId()));
        registry.validSanitizationOf(medium.id()).filter(c -> replaces == null || !c.id().equals(replaces.id()))
                .ifPresent(c -> {
                    throw DomainRuleViolated.conflict("already-certified", "mediumId", "medium "
                            + medium.serialNumber() + " already has the valid certificate " + c.number()
                            + "; supersede it to correct it");
                });
        UUID eventId = certifiedEventId != null ? certifiedEventId : record(new CustodyEvent(UUID.randomUUID(),
                asset.id(), asset.serialNumber(), medium.serialNumber(), "SANITIZATION_RECORDED", Instant.now(),
                actor, null, List.of(), sanitizationEventData(r, replaces, correction)));
        CustodyEvidence.Evidence proof = evidenceOf(eventId, asset.id());
        String number = numbers.next(CertificateType.SANITIZATION);
        Header header = header(number, CertificateType.SANITIZATION, replaces);
        CertificateDocument document = CertificateContent.sanitization(header, r, asset, medium, proof);
        return store(document, header, asset, medium.id(), medium.serialNumber(), proof, actor, replaces,
                correction);
    }

    private CertificateView issueDisposition(DispositionRecord r, UUID certifiedEventId, Actor actor,
            CertificateView replaces, String correction) {
        checkDispositionRules(r);
        AssetSummary asset = assets.describe(r.assetId());
        registry.validDispositionOf(asset.id()).filter(c -> replaces == null || !c.id().equals(replaces.id()))
                .ifPresent(c -> {
                    throw DomainRuleViolated.conflict("already-certified", "assetId", "asset " + asset.tag()
                            + " already has the valid certificate " + c.number() + "; supersede it to correct it");
                });
        List<CertificateView> mediaCertificates = new ArrayList<>();
        List<String> uncertified = new ArrayList<>();
        for (AssetSummary.Medium medium : asset.media()) {
            registry.validSanitizationOf(medium.id()).ifPresentOrElse(mediaCertificates::add,
                    () -> uncertified.add(medium.serialNumber()));
        }
        if (!uncertified.isEmpty()) {
            throw DomainRuleViolated.conflict("media-not-certified", "assetId", "these media of asset "
                    + asset.tag() + " have no valid certificate of sanitization: " + String.join(", ", uncertified));
        }
        Map<String, Object> data = new HashMap<>();
        data.put("method", r.method().name());
        data.put("disposedAt", r.disposedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        data.put("mediaCertificates", mediaCertificates.stream().map(CertificateView::number).toList());
        corrections(data, replaces, correction);
        UUID eventId = certifiedEventId != null ? certifiedEventId : record(new CustodyEvent(UUID.randomUUID(),
                asset.id(), asset.serialNumber(), null, "DISPOSITION_RECORDED", Instant.now(), actor, r.place(),
                List.of(), data));
        CustodyEvidence.Evidence proof = evidenceOf(eventId, asset.id());
        String number = numbers.next(CertificateType.DISPOSITION);
        Header header = header(number, CertificateType.DISPOSITION, replaces);
        CertificateDocument document = CertificateContent.disposition(header, r, asset, mediaCertificates, proof);
        return store(document, header, asset, null, null, proof, actor, replaces, correction);
    }

    private CertificateView store(CertificateDocument document, Header header, AssetSummary asset, UUID mediumId,
            String mediumSerial, CustodyEvidence.Evidence proof, Actor actor, CertificateView replaces,
            String correction) {
        byte[] unsigned = renderer.render(document);
        SignedPdf signed = signer.sign(unsigned, header.type().title() + " " + header.number(),
                signing.organisation());
        byte[] sha256 = Sha256.digest(signed.pdf());
        String shaHex = HexFormat.of().formatHex(sha256);
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            Map<String, Object> data = new HashMap<>();
            data.put("number", header.number());
            data.put("type", header.type().name());
            data.put("sha256", shaHex);
            data.put("signingKeyId", signed.keyId());
            data.put("certifiedEventId", proof.eventId().toString());
            data.put("certifiedSeq", proof.seq());
            if (replaces != null) {
                data.put("supersedes", replaces.number());
            }
            UUID issuedEvent = custody.append(new CustodyEvent(UUID.randomUUID(), asset.id(), asset.serialNumber(),
                    mediumSerial, "CERTIFICATE_ISSUED", Instant.now(), actor, null,
                    List.of(new CustodyEvent.Evidence(shaHex, "application/pdf", header.number() + ".pdf")), data));
            if (replaces != null) {
                if (!registry.changeStatus(replaces.id(), CertificateStatus.SUPERSEDED, header.issuedAt(),
                        actor.userId(), correction, id)) {
                    throw notValid(replaces.number());
                }
                custody.append(event(replaces, "CERTIFICATE_SUPERSEDED", actor, Map.of("number", replaces.number(),
                        "supersededBy", header.number(), "reason", correction), List.of()));
            }
            registry.insert(new CertificateRegistry.NewCertificate(id, header.number(), header.type(), asset.id(), mediumId,
                    mediumSerial, document.json(), signed.pdf(), sha256, signed.keyId(), proof.eventId(),
                    proof.seq(), header.issuedAt(), actor.userId(), issuedEvent,
                    replaces == null ? null : replaces.id()));
        });
        return get(header.number());
    }

    private Header header(String number, CertificateType type, CertificateView replaces) {
        return new Header(number, type, Instant.now().truncatedTo(ChronoUnit.MILLIS), signing.organisation(),
                replaces == null ? null : replaces.number(), publicUrl + "/verify/" + number);
    }

    private UUID record(CustodyEvent event) {
        return tx.execute(status -> custody.append(event));
    }

    private CustodyEvidence.Evidence evidenceOf(UUID eventId, UUID assetId) {
        CustodyEvidence.Evidence proof = evidence.of(eventId, EVIDENCE_TIMEOUT);
        if (!proof.assetId().equals(assetId)) {
            throw DomainRuleViolated.unprocessable("event-of-another-asset", "certifiedEventId",
                    "custody event " + eventId + " belongs to another asset");
        }
        return proof;
    }

    private static Map<String, Object> sanitizationEventData(SanitizationRecord r, CertificateView replaces,
            String correction) {
        Map<String, Object> data = new HashMap<>();
        data.put("mediumId", r.mediumId().toString());
        data.put("methodType", r.methodType().name());
        data.put("methodUsed", r.methodUsed().name());
        if (r.tool() != null) {
            data.put("tool", r.tool());
        }
        if (r.toolVersion() != null) {
            data.put("toolVersion", r.toolVersion());
        }
        data.put("verificationMethod", r.verificationMethod().name());
        data.put("destination", r.destination().name());
        data.put("completedAt", r.sanitizedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        corrections(data, replaces, correction);
        return data;
    }

    private static void corrections(Map<String, Object> data, CertificateView replaces, String correction) {
        if (replaces != null) {
            data.put("corrects", replaces.number());
            data.put("correction", correction);
        }
    }

    private static CustodyEvent event(CertificateView c, String type, Actor actor, Map<String, Object> data,
            List<CustodyEvent.Evidence> files) {
        return new CustodyEvent(UUID.randomUUID(), c.assetId(), null, c.mediumSerial(), type, Instant.now(), actor,
                null, files, data);
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    /** NIST SP 800-88 consistency of a sanitization record, beyond the per-field checks. */
    static void checkSanitizationRules(SanitizationRecord r) {
        boolean destructive = switch (r.methodUsed()) {
            case SHRED, DISINTEGRATE, PULVERIZE, INCINERATE -> true;
            default -> false;
        };
        if (r.methodType() == SanitizationMethodType.DESTROY && !destructive
                && r.methodUsed() != SanitizationTechnique.OTHER) {
            throw DomainRuleViolated.unprocessable("technique-matches-method", "methodUsed",
                    "Destroy needs a destructive technique (shred, disintegrate, pulverize, incinerate, other)");
        }
        if (r.methodType() != SanitizationMethodType.DESTROY && destructive) {
            throw DomainRuleViolated.unprocessable("technique-matches-method", "methodUsed",
                    label(r.methodUsed()) + " destroys the medium; record it with method type Destroy");
        }
        if (r.methodType() == SanitizationMethodType.CLEAR && r.methodUsed() != SanitizationTechnique.OVERWRITE
                && r.methodUsed() != SanitizationTechnique.OTHER) {
            throw DomainRuleViolated.unprocessable("technique-matches-method", "methodUsed",
                    "Clear is done by overwriting (or another documented technique), not by "
                            + label(r.methodUsed()));
        }
        if (r.methodType() != SanitizationMethodType.DESTROY && (blank(r.tool()) || blank(r.toolVersion()))) {
            throw DomainRuleViolated.unprocessable("tool-required", blank(r.tool()) ? "tool" : "toolVersion",
                    "Clear and Purge must name the tool and its version");
        }
        if (r.methodUsed() == SanitizationTechnique.OTHER && blank(r.methodDetails())) {
            throw DomainRuleViolated.unprocessable("details-required", "methodDetails",
                    "describe the technique when the method used is Other");
        }
        if (r.dataBackedUp() == SanitizationRecord.BackupStatus.YES && blank(r.backupLocation())) {
            throw DomainRuleViolated.unprocessable("details-required", "backupLocation",
                    "say where the backup is when the data was backed up");
        }
        if (r.destination() == MediaDestination.OTHER && blank(r.destinationDetails())) {
            throw DomainRuleViolated.unprocessable("details-required", "destinationDetails",
                    "describe the destination when it is Other");
        }
        if (r.performedBy().name().strip().equalsIgnoreCase(r.validatedBy().name().strip())) {
            throw DomainRuleViolated.unprocessable("validator-is-not-performer", "validatedBy.name",
                    "the sanitization must be validated by someone other than the person who performed it");
        }
    }

    static void checkDispositionRules(DispositionRecord r) {
        if (r.method() == DispositionRecord.DispositionMethod.DESTRUCTION && blank(r.particleSize())) {
            throw DomainRuleViolated.unprocessable("details-required", "particleSize",
                    "a destruction records the particle size");
        }
        if (r.method() != DispositionRecord.DispositionMethod.DESTRUCTION && blank(r.methodDetails())) {
            throw DomainRuleViolated.unprocessable("details-required", "methodDetails",
                    "name the buyer reference, recipient or downstream recycler");
        }
    }

    private static void requireReason(String reason) {
        if (blank(reason)) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "required", "reason", "a reason is required");
        }
        if (reason.length() > 1000) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "max-length", "reason",
                    "the reason is longer than 1000 characters");
        }
    }

    private static void requireValid(CertificateView c) {
        if (c.status() != CertificateStatus.VALID) {
            throw notValid(c.number());
        }
    }

    private static DomainRuleViolated notValid(String number) {
        return DomainRuleViolated.conflict("certificate-not-valid", "number", "certificate " + number
                + " is revoked or superseded already; its status cannot change again");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
