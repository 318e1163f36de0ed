package com.itadcustody.custody.web;

import com.itadcustody.custody.internal.AuditRuns;
import com.itadcustody.custody.internal.CustodyProofs;
import com.itadcustody.custody.internal.CustodyProofs.AssetChain;
import com.itadcustody.custody.internal.CustodyProofs.ConsistencyProof;
import com.itadcustody.custody.internal.CustodyProofs.InclusionProof;
import com.itadcustody.custody.internal.StoredCheckpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The custody log's REST API: the latest checkpoint and the log's public keys for anyone; proofs, asset chains
 * and checkpoints on demand for compliance officers and administrators.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Custody log", description = "Tamper-evident log: checkpoints, inclusion and consistency proofs")
class CustodyLogController {

    static final String AUDITORS = "hasAnyRole('COMPLIANCE','ADMIN')";
    static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final CustodyProofs proofs;
    private final com.itadcustody.custody.internal.LogExport export;

    private final AuditRuns audits;

    CustodyLogController(CustodyProofs proofs, com.itadcustody.custody.internal.LogExport export,
            AuditRuns audits) {
        this.proofs = proofs;
        this.export = export;
        this.audits = audits;
    }

    @GetMapping(path = "/public/custody/checkpoint", produces = "text/plain")
    @Operation(summary = "The latest signed checkpoint as a C2SP signed note (public)")
    ResponseEntity<String> latestCheckpointNote() {
        return ResponseEntity.ok().contentType(TEXT).body(proofs.latestCheckpoint().note());
    }

    @GetMapping(path = "/public/custody/keys", produces = "text/plain")
    @Operation(summary = "Every key the log has signed with, as C2SP verifier keys, one per line (public)")
    ResponseEntity<String> keys() {
        return ResponseEntity.ok().contentType(TEXT).body(String.join("\n", proofs.verifierKeys()) + "\n");
    }

    @GetMapping("/custody/checkpoints")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Every checkpoint ever issued, oldest first")
    List<CheckpointView> checkpoints() {
        return proofs.checkpoints().stream().map(CheckpointView::of).toList();
    }

    @GetMapping("/custody/checkpoints/{treeSize}/timestamp")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "The RFC 3161 timestamp token over a checkpoint's signed note (DER), if a TSA is configured",
            description = "Check it with: openssl ts -verify -token_in -in token.tst -data checkpoint.note "
                    + "-CAfile tsa-ca.pem")
    ResponseEntity<byte[]> timestamp(@PathVariable long treeSize) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/timestamp-reply"))
                .body(proofs.timestampToken(treeSize));
    }

    @PostMapping("/custody/checkpoints")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Sign a checkpoint now (if the log has grown since the last one)")
    CheckpointView checkpointNow() {
        return CheckpointView.of(proofs.checkpointNow());
    }

    @GetMapping("/custody/entries/{seq}/proof")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Inclusion proof of the entry with this sequence number, against the latest checkpoint")
    InclusionProof proofBySeq(@PathVariable long seq) {
        return proofs.inclusion(seq);
    }

    @GetMapping(path = "/custody/entries/{seq}/tlog-proof", produces = "text/plain")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "The same inclusion proof as a C2SP tlog-proof@v1 text")
    ResponseEntity<String> proofBySeqText(@PathVariable long seq) {
        return ResponseEntity.ok().contentType(TEXT).body(proofs.inclusion(seq).tlogProof());
    }

    @GetMapping("/custody/events/{eventId}/proof")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Inclusion proof of an event, by event id")
    InclusionProof proofByEvent(@PathVariable UUID eventId) {
        return proofs.inclusionOfEvent(eventId);
    }

    @GetMapping(path = "/custody/events/{eventId}/tlog-proof", produces = "text/plain")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "The same inclusion proof as a C2SP tlog-proof@v1 text")
    ResponseEntity<String> proofByEventText(@PathVariable UUID eventId) {
        return ResponseEntity.ok().contentType(TEXT).body(proofs.inclusionOfEvent(eventId).tlogProof());
    }

    @GetMapping("/custody/consistency")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Consistency proof between two tree sizes (RFC 9162)")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        return proofs.consistency(from, to);
    }

    @GetMapping("/custody/assets/{assetId}/chain")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "An asset's custody chain: its envelopes in order, each with its inclusion proof")
    AssetChain chain(@PathVariable UUID assetId) {
        return proofs.chain(assetId);
    }

    @GetMapping("/custody/export")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Bulk export of entries [from, to) with keys and checkpoints, verifiable offline",
            description = "A zip: manifest.json, keys.txt, checkpoints/<size>.note, entries.jsonl. Verify it with "
                    + "java -jar itad-custody.jar verify-log export.zip (docs/custody-log-format.md).")
    void export(@RequestParam(defaultValue = "0") long from, @RequestParam(required = false) Long to,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        export.checkRange(from, to);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"custody-log-" + from + "-"
                + (to == null ? "end" : to) + ".zip\"");
        export.export(from, to, response.getOutputStream());
    }

    @PostMapping("/custody/audits")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Start a full audit of the log; poll its status for progress and the report")
    ResponseEntity<AuditRuns.Status> startAudit() {
        AuditRuns.Status status = audits.start();
        return ResponseEntity.accepted().location(java.net.URI.create("/api/v1/custody/audits/" + status.id()))
                .body(status);
    }

    @GetMapping("/custody/audits/{id}")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Progress and, once finished, the report of an audit: OK, or the first bad sequence number"
            + " and why")
    AuditRuns.Status audit(@PathVariable UUID id) {
        return audits.status(id);
    }

    /** A checkpoint as JSON. */
    record CheckpointView(long treeSize, String rootHash, String keyId, java.time.Instant issuedAt, String note) {
        static CheckpointView of(StoredCheckpoint c) {
            return new CheckpointView(c.treeSize(), Base64.getEncoder().encodeToString(c.rootHash()), c.keyId(),
                    c.issuedAt(), c.note());
        }
    }
}
