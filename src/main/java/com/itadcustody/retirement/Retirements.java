package com.itadcustody.retirement;

import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.asset.AssetLifecycle;
import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.AssetSummary;
import com.itadcustody.asset.LicenseSeats;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.certificate.DispositionRecord;
import com.itadcustody.certificate.SanitizationRecord;
import com.itadcustody.vendor.Vendors;
import java.time.LocalDate;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import com.itadcustody.custody.CustodyEvent;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.retirement.internal.RetirementBatches;
import com.itadcustody.retirement.internal.RetirementRequests;
import com.itadcustody.retirement.process.RetirementProcess;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retirement module's API: request the retirement of an asset, decide on it (an asset manager who is not the
 * requester), cancel it before handoff, and see the steps waiting for a person. Each change moves the asset's
 * status, appends its custody event and advances the process instance in one transaction.
 */
@Service
public class Retirements {

    /** The most steps one task listing returns. */
    public static final int MAX_TASKS = 500;

    /** Roles that may request and cancel a retirement. */
    static final Set<Role> REQUESTERS = EnumSet.of(Role.IT_STAFF, Role.ASSET_MANAGER, Role.ADMIN);

    private final RetirementRequests requests;
    private final com.itadcustody.retirement.internal.DeprovisioningStore deprovisioned;
    private final RetirementProcess process;
    private final AssetLifecycle lifecycle;
    private final AssetCatalog assets;
    private final CustodyLog custody;
    private final LicenseSeats seats;
    private final RetirementBatches batches;
    private final Certificates certificates;
    private final Vendors vendors;
    private final String organisation;
    private final ObjectMapper mapper;
    private final double sampleRate;
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final org.springframework.context.ApplicationEventPublisher events;

    Retirements(RetirementRequests requests, RetirementProcess process, AssetLifecycle lifecycle,
            AssetCatalog assets, CustodyLog custody, LicenseSeats seats, RetirementBatches batches,
            Certificates certificates, Vendors vendors, ObjectMapper mapper,
            @Value("${itad.retirement.verification-sample-rate:0.05}") double sampleRate,
            @Value("${itad.certificates.organisation:ITAD Custody (demo)}") String organisation,
            com.itadcustody.retirement.internal.DeprovisioningStore deprovisioned,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.deprovisioned = deprovisioned;
        if (sampleRate < 0.05 || sampleRate > 1) {
            throw new IllegalArgumentException("itad.retirement.verification-sample-rate must be between 0.05 and 1");
        }
        this.seats = seats;
        this.batches = batches;
        this.certificates = certificates;
        this.vendors = vendors;
        this.organisation = organisation;
        this.mapper = mapper;
        this.sampleRate = sampleRate;
        this.requests = requests;
        this.process = process;
        this.lifecycle = lifecycle;
        this.assets = assets;
        this.custody = custody;
    }

    /**
     * Requests the retirement of an asset that is in service and starts its process; 409
     * {@code illegal-status-transition} if the asset is not in service (e.g. already being retired).
     */
    @Transactional
    public RetirementView request(UUID assetId, String reason, DataConfidentiality confidentiality,
            AssetDestination destination, Actor actor) {
        return request(assetId, reason, confidentiality, destination, null, actor);
    }

    /**
     * As {@link #request(UUID, String, DataConfidentiality, AssetDestination, Actor)}, with the media sanitized on
     * site by this vendor instead of in-house (null: in-house); 422 {@code vendor-known} for an unknown vendor.
     */
    @Transactional
    public RetirementView request(UUID assetId, String reason, DataConfidentiality confidentiality,
            AssetDestination destination, UUID sanitizationVendorId, Actor actor) {
        requireRole(actor, REQUESTERS, "request a retirement");
        requireText(reason, "reason");
        if (sanitizationVendorId != null && vendors.find(sanitizationVendorId).isEmpty()) {
            throw DomainRuleViolated.unprocessable("vendor-known", "sanitizationVendorId",
                    "no vendor " + sanitizationVendorId);
        }
        AssetSummary asset = assets.describe(assetId);
        lifecycle.transition(assetId, AssetStatus.RETIREMENT_REQUESTED, actor, reason.strip());
        UUID id = UUID.randomUUID();
        requests.insert(id, assetId, reason.strip(), confidentiality, destination, sanitizationVendorId,
                actor.userId(), now());
        Map<String, Object> data = new HashMap<>(Map.of("retirementId", id.toString(), "reason", reason.strip(),
                "confidentiality", confidentiality.name(), "destination", destination.name()));
        if (sanitizationVendorId != null) {
            data.put("sanitizationVendorId", sanitizationVendorId.toString());
        }
        custody.append(WorkflowEvents.of(asset, "RETIREMENT_REQUESTED", actor, data));
        process.start(id, assetId, confidentiality.needsBackupDecision(), sanitizationVendorId);
        return get(id);
    }

    /** At most this many assets in one batch. */
    public static final int MAX_BATCH = 10_000;

    /**
     * Accepts the retirement of many assets at once (up to {@link #MAX_BATCH}, each at most once) and returns at
     * once; the retirements are started in the background, one asset at a time, and every refused asset is
     * reported with its rule ({@link #batch}).
     */
    @Transactional
    public RetirementBatchView startBatch(List<UUID> assetIds, String reason, DataConfidentiality confidentiality,
            AssetDestination destination, Actor actor) {
        return startBatch(assetIds, reason, confidentiality, destination, null, actor);
    }

    /**
     * As {@link #startBatch(List, String, DataConfidentiality, AssetDestination, Actor)}, with every asset's media
     * sanitized on site by this vendor (null: in-house); 422 {@code vendor-known} for an unknown vendor.
     */
    @Transactional
    public RetirementBatchView startBatch(List<UUID> assetIds, String reason, DataConfidentiality confidentiality,
            AssetDestination destination, UUID sanitizationVendorId, Actor actor) {
        requireRole(actor, REQUESTERS, "request retirements");
        requireText(reason, "reason");
        if (sanitizationVendorId != null && vendors.find(sanitizationVendorId).isEmpty()) {
            throw DomainRuleViolated.unprocessable("vendor-known", "sanitizationVendorId",
                    "no vendor " + sanitizationVendorId);
        }
        if (assetIds.isEmpty() || assetIds.size() > MAX_BATCH) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "batch-size", "assetIds",
                    "give between 1 and " + MAX_BATCH + " assets");
        }
        Set<UUID> seen = new java.util.HashSet<>();
        List<String> duplicates = assetIds.stream().filter(a -> !seen.add(a)).map(UUID::toString).distinct()
                .limit(20).toList();
        if (!duplicates.isEmpty()) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "unique", "assetIds",
                    "each asset at most once; repeated: " + String.join(", ", duplicates));
        }
        UUID id = UUID.randomUUID();
        batches.insert(id, assetIds, reason.strip(), confidentiality, destination, sanitizationVendorId,
                actor.userId(), actor.roles().stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(",")),
                now());
        return batch(id, actor);
    }

    /** A batch's progress; 404 for someone else's batch unless the caller is an asset manager or admin. */
    @Transactional(readOnly = true)
    public RetirementBatchView batch(UUID batchId, Actor actor) {
        boolean anyUser = actor.has(Role.ASSET_MANAGER) || actor.has(Role.ADMIN);
        return batches.view(batchId, actor.userId(), anyUser)
                .orElseThrow(() -> new NotFound("retirement batch", batchId));
    }

    /**
     * IT staff confirm where the asset's data was backed up, or ({@code location} null) that nothing must be kept;
     * completes the backup step.
     */
    @Transactional
    public RetirementView confirmBackup(UUID retirementId, String location, Actor actor) {
        requireRole(actor, EnumSet.of(Role.IT_STAFF), "confirm backups");
        RetirementView request = approved(retirementId);
        String task = step(retirementId, RetirementProcess.CONFIRM_BACKUP);
        String where = location == null || location.isBlank() ? null : location.strip();
        requests.confirmBackup(retirementId, where, actor.userId(), now());
        Map<String, Object> data = new HashMap<>();
        data.put("retirementId", retirementId.toString());
        data.put("backedUp", where != null);
        custody.append(WorkflowEvents.of(assets.describe(request.assetId()), "BACKUP_CONFIRMED", actor, data));
        process.complete(task, actor.userId());
        return get(retirementId);
    }

    /**
     * IT staff attest that the asset was removed from every system its connectors did not de-provision (all four
     * without connectors: MDM, directory, device certificates, remote accounts), each with evidence; each remaining
     * system exactly once, and none a connector recorded (400 otherwise). Completes the de-provisioning step.
     */
    @Transactional
    public RetirementView attestDeprovisioning(UUID retirementId, List<DeprovisioningAttestation> attestations,
            Actor actor) {
        requireRole(actor, EnumSet.of(Role.IT_STAFF), "attest de-provisioning");
        Set<DeprovisioningAttestation.System> systems = EnumSet.noneOf(DeprovisioningAttestation.System.class);
        for (DeprovisioningAttestation a : attestations) {
            if (!systems.add(a.system())) {
                throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "each-system-once", "systems",
                        a.system() + " is attested twice");
            }
        }
        RetirementView request = approved(retirementId);
        String task = step(retirementId, RetirementProcess.ATTEST_DEPROVISIONING);
        Set<DeprovisioningAttestation.System> pending = deprovisioned.pending(retirementId);
        Set<DeprovisioningAttestation.System> recorded = EnumSet.complementOf(EnumSet.copyOf(pending));
        recorded.retainAll(systems);
        if (!recorded.isEmpty()) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "already-deprovisioned", "systems",
                    recorded + " already de-provisioned by " + (recorded.size() == 1 ? "its connector" : "their"
                    + " connectors") + "; attest only " + pending);
        }
        if (!systems.equals(pending)) {
            Set<DeprovisioningAttestation.System> missing = EnumSet.copyOf(pending);
            missing.removeAll(systems);
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "every-system", "systems",
                    "attest every system without a connector; missing: " + missing);
        }
        AssetSummary asset = assets.describe(request.assetId());
        Instant at = now();
        for (DeprovisioningAttestation a : attestations) {
            requests.attest(retirementId, a, actor.userId(), at);
            custody.append(WorkflowEvents.of(asset, "DEPROVISIONED", actor, Map.of("retirementId", retirementId.toString(),
                    "system", a.system().name(), "outcome", a.outcome().name(), "evidence", a.evidence().strip())));
        }
        process.complete(task, actor.userId());
        return get(retirementId);
    }

    /**
     * Releases every license seat the asset holds (the workflow's license-reclaim step); idempotent: a second call
     * releases nothing and records nothing.
     */
    @Transactional
    public int reclaimLicenses(UUID retirementId) {
        RetirementView request = requests.lock(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        if (request.licensesReleased() != null) {
            return 0;
        }
        int released = seats.releaseAllSeatsOf(request.assetId(), Actor.system());
        requests.recordLicensesReleased(retirementId, released);
        custody.append(WorkflowEvents.of(assets.describe(request.assetId()), "LICENSES_RECLAIMED", Actor.system(),
                Map.of("retirementId", retirementId.toString(), "released", released)));
        return released;
    }

    /**
     * Decides the NIST SP 800-88 method for every storage medium of the asset with the DMN decision and records
     * the plan (one {@code SANITIZATION_METHOD_DECIDED} custody event per medium); idempotent.
     */
    @Transactional
    public List<SanitizationPlanItem> decideSanitization(UUID retirementId) {
        RetirementView request = requests.lock(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        AssetSummary asset = assets.describe(request.assetId());
        Instant at = now();
        for (AssetSummary.Medium medium : asset.media()) {
            RetirementProcess.SanitizationDecision decision = process.decideSanitization(medium.mediaType().name(),
                    request.confidentiality().name(), request.destination().name(), medium.selfEncrypting());
            SanitizationPlanItem item = new SanitizationPlanItem(medium.id(), medium.serialNumber(),
                    medium.mediaType().name(), decision.methodType(), decision.technique(), decision.guidance(), at);
            if (requests.plan(retirementId, item)) {
                custody.append(new CustodyEvent(UUID.randomUUID(), asset.id(), asset.serialNumber(),
                        medium.serialNumber(), "SANITIZATION_METHOD_DECIDED", Instant.now(), Actor.system(), null,
                        List.of(), Map.of("retirementId", retirementId.toString(), "methodType",
                                decision.methodType(), "technique", decision.technique(), "ruleSet",
                                decision.ruleSet())));
            }
        }
        requests.sanitizationDecided(retirementId, at);
        return requests.plan(retirementId);
    }

    /**
     * The operator records the sanitization of one medium with the decided method (IT staff; the medium's
     * sanitization step must be open). A failed attempt is sanitized again.
     */
    @Transactional
    public RetirementView recordSanitization(UUID retirementId, UUID mediumId, SanitizationReport report,
            Actor actor) {
        return recordSanitization(retirementId, mediumId, report, List.of(), actor);
    }

    /**
     * As {@link #recordSanitization(UUID, UUID, SanitizationReport, Actor)}, with files that back the record (e.g.
     * the vendor's erasure report, by SHA-256) in its custody event's evidence.
     */
    @Transactional
    public RetirementView recordSanitization(UUID retirementId, UUID mediumId, SanitizationReport report,
            List<CustodyEvent.Evidence> evidence, Actor actor) {
        Read read = new Read();
        applySanitization(checkSanitization(retirementId, mediumId, report, actor, read), report, evidence, actor,
                read);
        return get(retirementId);
    }

    /**
     * Records many sanitizations in the caller's transaction, as {@link #recordSanitization(UUID, UUID,
     * SanitizationReport, List, Actor)} does each (same rules, custody events and process moves; the retirements are
     * not read back), in the given order. An entry refused before anything is changed for it gets its refusal as
     * its outcome and the others go on; a failure while an entry is being recorded is thrown, and the caller rolls
     * the whole transaction back (e.g. to record the entries one by one).
     */
    @Transactional
    public List<SanitizationOutcome> recordSanitizations(List<SanitizationEntry> entries,
            List<CustodyEvent.Evidence> evidence, Actor actor) {
        List<SanitizationOutcome> outcomes = new java.util.ArrayList<>(entries.size());
        Read read = new Read();
        for (SanitizationEntry entry : entries) {
            SanitizationCheck checked;
            try {
                checked = checkSanitization(entry.retirementId(), entry.mediumId(), entry.report(), actor, read);
            } catch (DomainRuleViolated | NotFound refused) {
                outcomes.add(new SanitizationOutcome(refused));
                continue;
            }
            applySanitization(checked, entry.report(), evidence, actor, read);
            outcomes.add(SanitizationOutcome.RECORDED);
        }
        return outcomes;
    }

    /** A sanitization that passed its checks, with what recording it needs; nothing is changed yet. */
    private record SanitizationCheck(RetirementView request, UUID mediumId, SanitizationPlanItem planned,
            String task) {
    }

    /**
     * What recording sanitizations reads that recording them does not change, read once per retirement or asset in
     * one transaction: the retirement, checked and locked for the sanitizer (its row stays locked until the
     * transaction ends, so it cannot change meanwhile), the sanitization plan (changed only by a failed verification)
     * and the asset's description.
     */
    private static final class Read {
        final Map<UUID, RetirementView> retirements = new HashMap<>();
        final Map<UUID, List<SanitizationPlanItem>> plans = new HashMap<>();
        final Map<UUID, AssetSummary> assets = new HashMap<>();
    }

    /** The rules of recording a medium's sanitization, checked before anything changes (reads and locks only). */
    private SanitizationCheck checkSanitization(UUID retirementId, UUID mediumId, SanitizationReport report,
            Actor actor, Read read) {
        RetirementView request = read.retirements.computeIfAbsent(retirementId,
                id -> sanitizersRetirement(id, actor));
        SanitizationPlanItem planned = read.plans.computeIfAbsent(retirementId, requests::plan).stream()
                .filter(p -> p.mediumId().equals(mediumId)).findFirst()
                .orElseThrow(() -> new NotFound("planned medium of retirement " + retirementId, mediumId));
        String task = process.waitingTaskForMedium(retirementId, RetirementProcess.SANITIZE_MEDIUM, mediumId)
                .orElseThrow(() -> DomainRuleViolated.conflict("step-not-open", "mediumId",
                        "medium " + planned.mediumSerial() + " is not waiting to be sanitized"));
        boolean destroy = planned.methodType().equals("DESTROY");
        if (!destroy && (blank(report.tool()) || blank(report.toolVersion()))) {
            throw DomainRuleViolated.unprocessable("tool-required", blank(report.tool()) ? "tool" : "toolVersion",
                    "Clear and Purge must name the tool and its version");
        }
        return new SanitizationCheck(request, mediumId, planned, task);
    }

    /** Records a checked sanitization: attempt, custody event, the process moved on. */
    private void applySanitization(SanitizationCheck checked, SanitizationReport report,
            List<CustodyEvent.Evidence> evidence, Actor actor, Read read) {
        RetirementView request = checked.request();
        UUID retirementId = request.id();
        UUID mediumId = checked.mediumId();
        SanitizationPlanItem planned = checked.planned();
        String task = checked.task();
        int attempt = requests.latestAttempt(retirementId, mediumId).map(a -> a.attempt() + 1).orElse(1);
        AssetSummary asset = read.assets.computeIfAbsent(request.assetId(), assets::describe);
        Map<String, Object> data = new HashMap<>();
        data.put("retirementId", retirementId.toString());
        data.put("attempt", attempt);
        data.put("methodType", planned.methodType());
        data.put("technique", report.technique().name());
        data.put("verificationMethod", report.verificationMethod().name());
        if (!blank(report.tool())) {
            data.put("tool", report.tool().strip());
        }
        if (!blank(report.toolVersion())) {
            data.put("toolVersion", report.toolVersion().strip());
        }
        UUID event = custody.append(new CustodyEvent(UUID.randomUUID(), asset.id(), asset.serialNumber(),
                planned.mediumSerial(), report.passed() ? "MEDIUM_SANITIZED" : "SANITIZATION_FAILED",
                report.completedAt(), actor, null, evidence, data));
        requests.recordAttempt(retirementId, mediumId, attempt, planned.methodType(), json(report), report.passed(),
                actor.userId(), now(), event);
        process.complete(task, actor.userId());
        if (!report.passed()) {
            events.publishEvent(new SanitizationFailed(retirementId, asset.id(), mediumId, planned.mediumSerial(),
                    attempt, SanitizationFailed.Stage.SANITIZATION, request.sanitizationVendorId(), now()));
        }
    }

    /**
     * A verifier who did not sanitize the medium checks it and validates the record (fully when it was sampled:
     * 409 {@code full-verification-required} otherwise). A failure sends the medium back to sanitization, with
     * the same method or escalated to Destroy.
     */
    @Transactional
    public RetirementView recordVerification(UUID retirementId, UUID mediumId, VerificationReport report,
            Actor actor) {
        requireRole(actor, EnumSet.of(Role.VERIFIER), "verify sanitizations");
        RetirementView request = approved(retirementId);
        String task = process.waitingTaskForMedium(retirementId, RetirementProcess.VERIFY_MEDIUM, mediumId)
                .orElseThrow(() -> DomainRuleViolated.conflict("step-not-open", "mediumId",
                        "medium " + mediumId + " is not waiting for verification"));
        RetirementRequests.Attempt attempt = requests.latestAttempt(retirementId, mediumId).orElseThrow();
        if (actor.userId().equals(attempt.performedBy())) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "verifier-is-not-sanitizer", null,
                    "the medium must be verified by someone other than the person who sanitized it");
        }
        SanitizationReport sanitized = read(attempt.record(), SanitizationReport.class);
        if (sanitized.performedBy().name().strip().equalsIgnoreCase(report.verifiedBy().name().strip())) {
            throw DomainRuleViolated.unprocessable("verifier-is-not-sanitizer", "verifiedBy.name",
                    "the validator named is the person who performed the sanitization");
        }
        if (Boolean.TRUE.equals(attempt.sampled())
                && report.method() != com.itadcustody.certificate.SanitizationRecord.VerificationMethod.FULL) {
            throw DomainRuleViolated.conflict("full-verification-required", "method",
                    "this medium was sampled for an independent full verification");
        }
        if (!report.passed() && report.onFailure() == null) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "required", "onFailure",
                    "say whether a failed medium is sanitized again or destroyed");
        }
        AssetSummary asset = assets.describe(request.assetId());
        SanitizationPlanItem planned = requests.plan(retirementId).stream()
                .filter(p -> p.mediumId().equals(mediumId)).findFirst().orElseThrow();
        requests.recordVerification(retirementId, mediumId, attempt.attempt(), json(report), report.passed(),
                actor.userId(), now());
        Map<String, Object> data = new HashMap<>();
        data.put("retirementId", retirementId.toString());
        data.put("attempt", attempt.attempt());
        data.put("method", report.method().name());
        data.put("sampled", Boolean.TRUE.equals(attempt.sampled()));
        if (!report.passed()) {
            data.put("onFailure", report.onFailure().name());
            if (report.onFailure() == VerificationReport.OnFailure.DESTROY && !planned.methodType().equals("DESTROY")) {
                requests.replan(retirementId, mediumId, "DESTROY", "DISINTEGRATE",
                        "Escalated after a failed verification: destroy the medium (disintegrate or shred) and"
                                + " record the destruction.");
            }
        }
        custody.append(new CustodyEvent(UUID.randomUUID(), asset.id(), asset.serialNumber(), planned.mediumSerial(),
                report.passed() ? "SANITIZATION_VERIFIED" : "VERIFICATION_FAILED", Instant.now(), actor, null,
                List.of(), data));
        process.complete(task, actor.userId());
        if (!report.passed()) {
            events.publishEvent(new SanitizationFailed(retirementId, asset.id(), mediumId, planned.mediumSerial(),
                    attempt.attempt(), SanitizationFailed.Stage.VERIFICATION, request.sanitizationVendorId(), now()));
        }
        return get(retirementId);
    }

    /** Whether the latest sanitization attempt of the medium passed (asked by the process). */
    @Transactional(readOnly = true)
    public boolean sanitizationPassed(UUID retirementId, UUID mediumId) {
        return requests.latestAttempt(retirementId, mediumId).map(RetirementRequests.Attempt::passed).orElse(false);
    }

    /** Whether the latest attempt of the medium was verified (asked by the process). */
    @Transactional(readOnly = true)
    public boolean verificationPassed(UUID retirementId, UUID mediumId) {
        return requests.latestAttempt(retirementId, mediumId).map(a -> Boolean.TRUE.equals(a.verified()))
                .orElse(false);
    }

    /**
     * Decides whether the medium's latest attempt joins the independent full-verification sample: logically
     * sanitized media (Clear, Purge) at the configured rate, at least; destroyed media are not sampled.
     */
    @Transactional
    public boolean selectForVerification(UUID retirementId, UUID mediumId) {
        RetirementRequests.Attempt attempt = requests.latestAttempt(retirementId, mediumId).orElseThrow();
        if (attempt.sampled() != null) {
            return attempt.sampled();
        }
        boolean sampled = !attempt.methodType().equals("DESTROY")
                && requests.drawSample(sampleRate, random.nextDouble());
        requests.markSampled(retirementId, mediumId, attempt.attempt(), sampled);
        return sampled;
    }

    /**
     * Issues the certificate of sanitization of a verified medium through the certificate module, certifying its
     * {@code MEDIUM_SANITIZED} custody event; idempotent.
     */
    @Transactional
    public String issueSanitizationCertificate(UUID retirementId, UUID mediumId) {
        RetirementView request = requests.find(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        RetirementRequests.Attempt attempt = requests.latestAttempt(retirementId, mediumId).orElseThrow();
        if (attempt.certificateNumber() != null) {
            return attempt.certificateNumber();
        }
        SanitizationReport s = read(attempt.record(), SanitizationReport.class);
        VerificationReport v = read(attempt.verification(), VerificationReport.class);
        SanitizationPlanItem planned = requests.plan(retirementId).stream()
                .filter(p -> p.mediumId().equals(mediumId)).findFirst().orElseThrow();
        SanitizationRecord record = new SanitizationRecord(request.assetId(), mediumId, s.performedBy(),
                request.confidentiality().name().charAt(0) + request.confidentiality().name().substring(1)
                        .toLowerCase(java.util.Locale.ROOT),
                request.backupLocation() != null ? SanitizationRecord.BackupStatus.YES
                        : SanitizationRecord.BackupStatus.NO, request.backupLocation(),
                SanitizationRecord.SanitizationMethodType.valueOf(attempt.methodType()), s.technique(),
                blank(s.methodDetails()) ? planned.guidance() : s.methodDetails(), s.tool(), s.toolVersion(),
                v.method(), s.postSanitizationClassification(), notes(s, v), destinationOf(request.destination()),
                s.destinationDetails(), s.completedAt(), v.verifiedBy());
        String number = certificates.issueSanitizationCertificate(record, attempt.sanitizedEventId(),
                Actor.system()).number();
        requests.recordCertificate(retirementId, mediumId, attempt.attempt(), number);
        return number;
    }

    /**
     * The vendor that received the asset records its grading and final disposition (only that vendor: 404 for
     * others); 422 {@code details-required} naming the missing field for what each disposition must record (resale:
     * price and currency; donation: recipient; recycling: downstream recycler and weight; destruction: method,
     * particle size and witness), {@code details-not-applicable} for details of another disposition and
     * {@code currency-known} for an unknown currency.
     */
    @Transactional
    public RetirementView recordVendorProcessing(UUID retirementId, VendorProcessing processing, Actor actor) {
        return recordVendorProcessing(retirementId, processing, List.of(), actor);
    }

    /**
     * As {@link #recordVendorProcessing(UUID, VendorProcessing, Actor)}, with files that back the disposition (e.g.
     * the recycling certificate or a photo of the destruction, see {@link EvidenceFiles}) in its custody event's
     * evidence.
     */
    @Transactional
    public RetirementView recordVendorProcessing(UUID retirementId, VendorProcessing processing,
            List<CustodyEvent.Evidence> evidence, Actor actor) {
        RetirementView request = vendorsRetirement(retirementId, actor);
        String task = step(retirementId, RetirementProcess.PROCESS_ASSET);
        if (processing.disposition() == DispositionRecord.DispositionMethod.DESTRUCTION
                && blank(processing.particleSize())) {
            throw DomainRuleViolated.unprocessable("details-required", "particleSize",
                    "a destruction records the particle size");
        }
        checkDispositionDetails(processing);
        AssetSummary asset = assets.describe(request.assetId());
        custody.append(WorkflowEvents.of(asset, "ASSET_GRADED", actor, Map.of("retirementId", retirementId.toString(),
                "grade", processing.grade().strip(), "functional", processing.functional())));
        String type = switch (processing.disposition()) {
            case RESALE -> "ASSET_SOLD";
            case DONATION -> "ASSET_DONATED";
            case RECYCLING -> "ASSET_RECYCLED";
            case DESTRUCTION -> "ASSET_DESTROYED";
        };
        Map<String, Object> data = new HashMap<>();
        data.put("retirementId", retirementId.toString());
        data.put("disposition", processing.disposition().name());
        if (!blank(processing.particleSize())) {
            data.put("particleSize", processing.particleSize().strip());
        }
        if (processing.dispositionDetails() != null) {
            data.putAll(processing.dispositionDetails().given());
        }
        if (!blank(processing.details())) {
            data.put("details", processing.details().strip());
        }
        UUID disposed = custody.append(new CustodyEvent(UUID.randomUUID(), asset.id(), asset.serialNumber(), null,
                type, processing.completedAt(), actor, processing.place().strip(), List.copyOf(evidence), data));
        requests.recordProcessing(retirementId, json(processing), actor.userId(), now(), disposed);
        process.complete(task, actor.userId());
        return get(retirementId);
    }

    /** IT staff record the settlement: value recovered and the vendor's fees. */
    @Transactional
    public RetirementView settle(UUID retirementId, Settlement settlement, Actor actor) {
        requireRole(actor, EnumSet.of(Role.IT_STAFF), "settle retirements");
        RetirementView request = approved(retirementId);
        String task = step(retirementId, RetirementProcess.SETTLE);
        requests.recordSettlement(retirementId, json(settlement), actor.userId(), now());
        custody.append(WorkflowEvents.of(assets.describe(request.assetId()), "SETTLED", actor, Map.of(
                "retirementId", retirementId.toString(), "valueRecovered", settlement.valueRecovered().toPlainString(),
                "fees", settlement.fees().toPlainString(), "currency", settlement.currency())));
        process.complete(task, actor.userId());
        return get(retirementId);
    }

    /**
     * Closes a retirement: the certificate module issues the asset's certificate of disposition (certifying its
     * disposition event), the asset becomes DISPOSED and the request CLOSED; idempotent.
     */
    @Transactional
    public String close(UUID retirementId) {
        RetirementView request = requests.lock(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        RetirementRequests.Disposal disposal = requests.disposal(retirementId);
        if (request.status() == RetirementStatus.CLOSED) {
            return disposal.certificate();
        }
        VendorProcessing processing = read(disposal.processing(), VendorProcessing.class);
        Settlement settlement = read(disposal.settlement(), Settlement.class);
        UUID vendorId = requests.vendorOf(retirementId).orElseThrow();
        var vendor = vendors.find(vendorId).orElseThrow();
        LocalDate day = processing.completedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        List<DispositionRecord.VendorCertification> certifications = vendors.certificationsOf(vendorId).stream()
                .filter(c -> c.validOn(day)).map(c -> new DispositionRecord.VendorCertification(c.scheme(),
                        c.certificateId(), c.validUntil())).toList();
        String notes = "Grade " + processing.grade().strip() + (processing.functional() ? ", functional" : ", not"
                + " functional") + ". Value recovered " + settlement.valueRecovered().toPlainString() + " "
                + settlement.currency() + ", fees " + settlement.fees().toPlainString() + " " + settlement.currency()
                + ".";
        DispositionRecord record = new DispositionRecord(request.assetId(), organisation, vendor.name(),
                certifications, processing.disposition(), printedDetails(processing),
                blank(processing.particleSize()) ? null : processing.particleSize().strip(), processing.completedAt(),
                processing.place().strip(), notes);
        String number = certificates.issueDispositionCertificate(record, disposal.disposedEventId(), Actor.system())
                .number();
        AssetSummary asset = assets.describe(request.assetId());
        lifecycle.transition(asset.id(), AssetStatus.DISPOSED, Actor.system(), "retirement closed with " + number);
        requests.closeWithCertificate(retirementId, number, now());
        custody.append(WorkflowEvents.of(asset, "RETIREMENT_CLOSED", Actor.system(), Map.of("retirementId",
                retirementId.toString(), "dispositionCertificate", number)));
        return number;
    }

    /** The disposition's details a certificate of disposition prints (at most 500 characters), or null. */
    private static String printedDetails(VendorProcessing processing) {
        String structured = processing.dispositionDetails() == null ? null
                : processing.dispositionDetails().printed(processing.disposition());
        String words = blank(processing.details()) ? null : processing.details().strip();
        String printed = structured == null ? words : words == null ? structured : structured + ". " + words;
        return printed == null || printed.length() <= 500 ? printed : printed.substring(0, 499) + "\u2026";
    }

    /** The structured details the disposition needs, none of another disposition's, and a known currency. */
    private static void checkDispositionDetails(VendorProcessing processing) {
        DispositionRecord.DispositionMethod method = processing.disposition();
        Map<String, Object> given = processing.dispositionDetails() == null ? Map.of()
                : processing.dispositionDetails().given();
        String kind = switch (method) {
            case RESALE -> "a resale";
            case DONATION -> "a donation";
            case RECYCLING -> "a recycling";
            case DESTRUCTION -> "a destruction";
        };
        for (String field : DispositionDetails.requiredFor(method)) {
            if (!given.containsKey(field)) {
                throw DomainRuleViolated.unprocessable("details-required", "dispositionDetails." + field,
                        kind + " records " + switch (field) {
                            case "salePrice" -> "the sale price";
                            case "currency" -> "the sale price's currency";
                            case "recipient" -> "the recipient";
                            case "downstreamRecycler" -> "the downstream recycler";
                            case "weightKg" -> "the weight in kg";
                            case "destructionMethod" -> "the destruction method";
                            case "witness" -> "the witness";
                            default -> field;
                        });
            }
        }
        List<String> applicable = DispositionDetails.applicableTo(method);
        for (String field : given.keySet()) {
            if (!applicable.contains(field)) {
                throw DomainRuleViolated.unprocessable("details-not-applicable", "dispositionDetails." + field,
                        field + " is not a detail of " + kind);
            }
        }
        if (given.containsKey("currency")) {
            try {
                java.util.Currency.getInstance((String) given.get("currency"));
            } catch (IllegalArgumentException unknown) {
                throw DomainRuleViolated.unprocessable("currency-known", "dispositionDetails.currency",
                        given.get("currency") + " is not an ISO 4217 currency code");
            }
        }
    }

    private RetirementView vendorsRetirement(UUID retirementId, Actor actor) {
        if (!actor.has(Role.VENDOR) || actor.vendorId() == null) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "only the asset's vendor does this");
        }
        RetirementView request = requests.lock(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        if (!requests.vendorOf(retirementId).map(actor.vendorId()::equals).orElse(false)) {
            throw new NotFound("retirement", retirementId);
        }
        return request;
    }

    /** The method decided for each medium of the retired asset, empty before the decision. */
    @Transactional(readOnly = true)
    public List<SanitizationPlanItem> sanitizationPlan(UUID retirementId) {
        get(retirementId);
        return requests.plan(retirementId);
    }

    /**
     * Records an asset manager's decision and completes the approval step: approved, the asset moves on;
     * rejected, it is back in service. The requester cannot decide on their own request (403
     * {@code requester-cannot-approve}); a decided or cancelled request answers 409.
     */
    @Transactional
    public RetirementView decide(UUID retirementId, boolean approve, String comment, Actor actor) {
        requireRole(actor, EnumSet.of(Role.ASSET_MANAGER), "decide on a retirement");
        RetirementView request = requests.lock(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        if (request.status() != RetirementStatus.REQUESTED) {
            throw DomainRuleViolated.conflict("not-awaiting-decision", null,
                    "retirement " + retirementId + " is " + request.status() + ", not waiting for a decision");
        }
        if (actor.userId().equals(request.requestedBy())) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "requester-cannot-approve", null,
                    "a retirement must be decided by an asset manager other than the person who requested it");
        }
        if (!approve) {
            requireText(comment, "comment");
        }
        String task = process.waitingTask(retirementId, RetirementProcess.APPROVE).orElseThrow(() ->
                DomainRuleViolated.conflict("step-not-ready", null, "the approval step of retirement "
                        + retirementId + " is not open yet; try again in a moment"));
        AssetSummary asset = assets.describe(request.assetId());
        requests.decide(retirementId, approve ? RetirementStatus.APPROVED : RetirementStatus.REJECTED,
                actor.userId(), now(), comment == null ? null : comment.strip());
        lifecycle.transition(asset.id(), approve ? AssetStatus.RETIREMENT_APPROVED : AssetStatus.IN_SERVICE, actor,
                approve ? "retirement approved" : "retirement rejected");
        Map<String, Object> data = new HashMap<>();
        data.put("retirementId", retirementId.toString());
        if (comment != null && !comment.isBlank()) {
            data.put("comment", comment.strip());
        }
        custody.append(WorkflowEvents.of(asset, approve ? "RETIREMENT_APPROVED" : "RETIREMENT_REJECTED", actor, data));
        process.completeApproval(task, approve, actor.userId());
        return get(retirementId);
    }

    /**
     * Cancels a retirement before handoff; the asset is back in service, and every step so far stays in the
     * history and the custody log.
     */
    @Transactional
    public RetirementView cancel(UUID retirementId, String reason, Actor actor) {
        requireRole(actor, REQUESTERS, "cancel a retirement");
        requireText(reason, "reason");
        RetirementView request = requests.lock(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        if (request.status() != RetirementStatus.REQUESTED && request.status() != RetirementStatus.APPROVED) {
            throw DomainRuleViolated.conflict("not-cancellable", null,
                    "retirement " + retirementId + " is " + request.status() + " and can no longer be cancelled");
        }
        AssetSummary asset = assets.describe(request.assetId());
        requests.close(retirementId, RetirementStatus.CANCELLED, actor.userId(), now(), reason.strip());
        lifecycle.transition(asset.id(), AssetStatus.IN_SERVICE, actor, "retirement cancelled");
        custody.append(WorkflowEvents.of(asset, "RETIREMENT_CANCELLED", actor, Map.of("retirementId", retirementId.toString(),
                "reason", reason.strip())));
        if (process.isRunning(retirementId)) {
            process.cancel(retirementId);
        }
        return get(retirementId);
    }

    /** The request with the step it waits at; 404 if there is none. */
    @Transactional(readOnly = true)
    public RetirementView get(UUID retirementId) {
        RetirementView request = requests.find(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        return request.withOpenTask(process.currentStep(retirementId).orElse(null));
    }

    /**
     * Retirement and lot steps that the actor's roles may do, oldest first, at most {@value #MAX_TASKS}; a
     * vendor's only for its own lots.
     */
    @Transactional(readOnly = true)
    public List<RetirementTask> tasksFor(Actor actor) {
        return tasksFor(actor, null);
    }

    /**
     * As {@link #tasksFor(Actor)}; with a retirement id (null: any), only the steps of that retirement (none for
     * an unknown one or one the actor may not see).
     */
    @Transactional(readOnly = true)
    public List<RetirementTask> tasksFor(Actor actor, UUID retirementId) {
        if (actor.has(Role.VENDOR)) {
            return actor.vendorId() == null ? List.of()
                    : process.tasksFor(EnumSet.of(Role.VENDOR), actor.vendorId(), retirementId, MAX_TASKS);
        }
        return process.tasksFor(actor.roles(), null, retirementId, MAX_TASKS);
    }

    private static String notes(SanitizationReport s, VerificationReport v) {
        String notes = (blank(s.notes()) ? "" : s.notes().strip())
                + (blank(v.notes()) ? "" : (blank(s.notes()) ? "" : " ") + "Verification: " + v.notes().strip());
        return notes.isEmpty() ? null : notes;
    }

    private static SanitizationRecord.MediaDestination destinationOf(AssetDestination destination) {
        return switch (destination) {
            case INTERNAL_REUSE -> SanitizationRecord.MediaDestination.INTERNAL_REUSE;
            case LEAVES_ORGANISATION -> SanitizationRecord.MediaDestination.EXTERNAL_REUSE;
            case DISPOSAL -> SanitizationRecord.MediaDestination.RECYCLING_FACILITY;
        };
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored record of " + type.getSimpleName() + " unreadable", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The retirement whose media this actor may sanitize: IT staff when in-house; only the assigned vendor when a
     * vendor sanitizes on site (404 for any other vendor, 403 for IT staff).
     */
    private RetirementView sanitizersRetirement(UUID retirementId, Actor actor) {
        RetirementView found = requests.find(retirementId).orElseThrow(() -> new NotFound("retirement", retirementId));
        UUID assigned = found.sanitizationVendorId();
        if (actor.has(Role.VENDOR)) {
            if (assigned == null || !assigned.equals(actor.vendorId())) {
                throw new NotFound("retirement", retirementId);
            }
        } else if (assigned != null) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "sanitized-by-vendor", null,
                    "this asset's media are sanitized on site by vendor " + assigned + ", who records it");
        } else {
            requireRole(actor, EnumSet.of(Role.IT_STAFF), "record sanitizations");
        }
        return approved(retirementId);
    }

    private RetirementView approved(UUID retirementId) {
        RetirementView request = requests.lock(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        if (request.status() != RetirementStatus.APPROVED) {
            throw DomainRuleViolated.conflict("not-in-progress", null,
                    "retirement " + retirementId + " is " + request.status());
        }
        return request;
    }

    private String step(UUID retirementId, String step) {
        return process.waitingTask(retirementId, step).orElseThrow(() -> DomainRuleViolated.conflict(
                "step-not-open", null, "retirement " + retirementId + " is not waiting at " + step));
    }

    private static void requireRole(Actor actor, Set<Role> allowed, String what) {
        if (actor.roles().stream().noneMatch(allowed::contains)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "your roles may not " + what);
        }
    }

    private static void requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "required", field, field + " is required");
        }
        if (text.length() > 2000) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "max-length", field,
                    field + " is longer than 2000 characters");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
