package com.itadcustody.certificate.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.certificate.CertificateStatus;
import com.itadcustody.certificate.CertificateVerification;
import com.itadcustody.certificate.CertificateVerification.Check;
import com.itadcustody.certificate.CertificateVerification.Verdict;
import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.internal.pdf.CertificatePdfReader;
import com.itadcustody.certificate.internal.signing.SignatureInspector;
import com.itadcustody.certificate.internal.signing.SignatureReport;
import com.itadcustody.custody.CustodyEvidence;
import com.itadcustody.custody.CustodyEvidence.ProofCheck;
import com.itadcustody.shared.Sha256;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers whether a certificate PDF can be trusted, from its bytes alone: the PAdES signature (intact, covering the
 * whole file, by one of our registered keys), the registry (known number, same SHA-256 as issued: the deciding
 * check, since it does not rest on any PDF parser's reading of revisions), its status, and the custody proof it
 * embeds.
 */
@Component
public class CertificateVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignatureInspector signatures;
    private final CertificateRegistry registry;
    private final CustodyEvidence custody;

    CertificateVerifier(SignatureInspector signatures, CertificateRegistry registry, CustodyEvidence custody) {
        this.signatures = signatures;
        this.registry = registry;
        this.custody = custody;
    }

    /** Verifies an uploaded PDF. */
    public CertificateVerification verifyPdf(byte[] pdf) {
        byte[] digest = Sha256.digest(pdf);
        String sha256 = HexFormat.of().formatHex(digest);
        List<Check> checks = new ArrayList<>();
        SignatureReport signature = signatures.inspect(pdf);
        checks.add(new Check("signature-present", signature.signed(), signature.signed()
                ? signature.signatureCount() + " signature(s), level " + signature.level()
                : "the file carries no digital signature"));
        if (signature.signed()) {
            checks.add(new Check("signature-integrity", signature.integrityValid(), signature.integrityValid()
                    ? "the signed bytes hash to the signed digest and the signature value verifies"
                    : "the signed content was changed after signing, or the signature value is wrong"));
            checks.add(new Check("covers-whole-document", signature.coversWholeDocument(),
                    signature.coversWholeDocument() ? "nothing was added after the signature"
                            : "content was added to the file after it was signed (an incremental update)"));
            boolean ours = signature.chainTrusted() && signature.signerKeyId() != null;
            checks.add(new Check("signer-is-ours", ours, ours ? "signed by " + signature.signerSubject()
                    + ", key " + signature.signerKeyId() + ", which chains to our certificate authority"
                    : "signed by " + signature.signerSubject() + ", which is not one of our signing keys"));
            checks.add(new Check("signer-valid-at-signing", signature.certificateValidAtSigning(),
                    signature.certificateValidAtSigning() ? "the signing certificate was valid at " + signature.signedAt()
                            : "the signing certificate was not valid when the document was signed"));
            if (signature.timestamped()) {
                checks.add(new Check("timestamp", signature.timestampValid(), signature.timestampValid()
                        ? "an RFC 3161 timestamp proves the signature existed at " + signature.signedAt()
                        : "the signature's timestamp does not verify"));
            }
        }
        Optional<JsonNode> data = CertificatePdfReader.embeddedJson(pdf).flatMap(CertificateVerifier::parse);
        String number = data.map(d -> d.path("number").asText(null)).orElse(null);
        Optional<CertificateView> registered = number != null ? registry.find(number)
                : registry.findBySha256(digest);
        if (number == null && registered.isPresent()) {
            number = registered.get().number();
        }
        checks.add(new Check("registered", registered.isPresent(), registered.isPresent()
                ? "certificate " + number + " is in our registry"
                : number == null ? "the file carries no certificate data and matches no issued certificate"
                        : "no certificate " + number + " was ever issued"));
        registered.ifPresent(c -> checks.add(new Check("matches-registry", c.sha256().equals(sha256),
                c.sha256().equals(sha256) ? "the file is byte for byte the one we issued (SHA-256 " + sha256 + ")"
                        : "the file differs from the one we issued: SHA-256 " + sha256 + " instead of "
                                + c.sha256())));
        data.ifPresent(d -> {
            JsonNode evidence = d.path("custody");
            ProofCheck proof = custody.verify(evidence.path("leafHash").asText(null),
                    evidence.path("seq").asLong(-1), evidence.path("tlogProof").asText(null));
            boolean sameEvent = registered.map(c -> c.certifiedSeq() == evidence.path("seq").asLong(-1))
                    .orElse(true);
            boolean passed = proof.valid() && sameEvent;
            checks.add(new Check("custody-proof", passed, passed ? "the embedded inclusion proof shows custody log"
                    + " entry " + evidence.path("seq").asLong() + " in a checkpoint signed by our log"
                    : !proof.valid() ? proof.reason()
                            : "the embedded proof is for another custody event than the one certified"));
        });
        if (data.isEmpty()) {
            checks.add(new Check("custody-proof", false, "the file carries no embedded custody evidence"));
        }
        return conclude(number, registered.orElse(null), signature, sha256, checks);
    }

    /** The answer for a number that was never issued. */
    public static CertificateVerification notFound(String number) {
        return new CertificateVerification(Verdict.NOT_FOUND, "No certificate with the number " + number
                + " has been issued. Check the number on the document; if it is right, the document is not genuine.",
                number, null, null, null, null, null, null, null, null, null,
                List.of(new Check("registered", false, "no certificate " + number + " was ever issued")));
    }

    private static CertificateVerification conclude(String number, CertificateView registered,
            SignatureReport signature, String sha256, List<Check> checks) {
        Optional<Check> failed = checks.stream().filter(c -> !c.passed()).findFirst();
        Verdict verdict;
        String summary;
        if (failed.isPresent()) {
            verdict = Verdict.INVALID;
            summary = "This document cannot be trusted: " + failed.get().detail() + ".";
        } else if (registered.status() == CertificateStatus.REVOKED) {
            verdict = Verdict.REVOKED;
            summary = "This certificate is genuine but was revoked on " + registered.statusChangedAt()
                    + ". Reason: " + registered.statusReason();
        } else if (registered.status() == CertificateStatus.SUPERSEDED) {
            verdict = Verdict.SUPERSEDED;
            summary = "This certificate is genuine but was replaced by the corrected certificate "
                    + registered.supersededBy() + ". Use that one.";
        } else {
            verdict = Verdict.VALID;
            summary = "This certificate is genuine: it was issued by us, has not been changed since it was signed,"
                    + " is in force, and the event it certifies is in our tamper-evident custody log.";
        }
        return new CertificateVerification(verdict, summary, number, registered == null ? null : registered.type(),
                registered == null ? null : registered.status(),
                registered == null ? null : registered.statusChangedAt(),
                registered == null ? null : registered.statusReason(),
                registered == null ? null : registered.supersededBy(), signature.signerSubject(),
                signature.signedAt(), signature.level(), sha256, checks);
    }

    private static Optional<JsonNode> parse(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
