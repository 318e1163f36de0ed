package com.itadcustody.retirement.web;

import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.RetirementBatchView;
import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.Settlement;
import com.itadcustody.retirement.VendorProcessing;
import com.itadcustody.retirement.VerificationReport;
import com.itadcustody.retirement.RetirementView;
import com.itadcustody.retirement.Escalations;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Retirements and the steps waiting for people: request, decide, cancel, and "my tasks". */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Retirement workflow", description = "Retirement requests, decisions and tasks")
class RetirementController {

    static final String REQUESTERS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','ADMIN')";
    static final String READERS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','VERIFIER','COMPLIANCE','ADMIN')";
    static final String STAFF = "hasAnyRole('IT_STAFF','ASSET_MANAGER','VERIFIER','COMPLIANCE','ADMIN','VENDOR')";

    private final Retirements retirements;
    private final Escalations escalations;
    private final CurrentActor actor;

    RetirementController(Retirements retirements, Escalations escalations, CurrentActor actor) {
        this.retirements = retirements;
        this.escalations = escalations;
        this.actor = actor;
    }

    @PostMapping("/retirements")
    @PreAuthorize(REQUESTERS)
    @Operation(summary = "Request the retirement of an asset in service; starts its retirement process")
    ResponseEntity<RetirementView> request(@Valid @RequestBody RetirementRequest request) {
        RetirementView view = retirements.request(request.assetId(), request.reason(), request.confidentiality(),
                request.destination(), request.sanitizationVendorId(), actor.get());
        return ResponseEntity.created(URI.create("/api/v1/retirements/" + view.id())).body(view);
    }

    @PostMapping("/retirements/batches")
    @PreAuthorize(REQUESTERS)
    @Operation(summary = "Request the retirement of up to 10,000 assets at once; started in the background",
            description = "Answers 202 with the batch; poll GET /retirements/batches/{id} for progress and the"
                    + " assets that were refused, each with its rule.")
    ResponseEntity<RetirementBatchView> startBatch(@Valid @RequestBody BatchRequest request) {
        RetirementBatchView batch = retirements.startBatch(request.assetIds(), request.reason(),
                request.confidentiality(), request.destination(), request.sanitizationVendorId(), actor.get());
        return ResponseEntity.accepted().location(URI.create("/api/v1/retirements/batches/" + batch.id()))
                .body(batch);
    }

    @GetMapping("/retirements/batches/{id}")
    @PreAuthorize(REQUESTERS)
    @Operation(summary = "Progress of a batch of retirements, with every refused asset and why")
    RetirementBatchView batch(@PathVariable UUID id) {
        return retirements.batch(id, actor.get());
    }

    @GetMapping("/retirements/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A retirement request and the step it waits at")
    RetirementView get(@PathVariable UUID id) {
        return retirements.get(id);
    }

    @PostMapping("/retirements/{id}/decision")
    @PreAuthorize("hasRole('ASSET_MANAGER')")
    @Operation(summary = "Approve or reject (an asset manager other than the requester; a rejection needs a comment)")
    RetirementView decide(@PathVariable UUID id, @Valid @RequestBody Decision decision) {
        return retirements.decide(id, decision.approve(), decision.comment(), actor.get());
    }

    @PostMapping("/retirements/{id}/cancellation")
    @PreAuthorize(REQUESTERS)
    @Operation(summary = "Cancel a retirement before handoff; the asset returns to service, the history stays")
    RetirementView cancel(@PathVariable UUID id, @Valid @RequestBody Cancellation cancellation) {
        return retirements.cancel(id, cancellation.reason(), actor.get());
    }

    @PostMapping("/retirements/{id}/backup-confirmation")
    @PreAuthorize("hasRole('IT_STAFF')")
    @Operation(summary = "Confirm where the data was backed up, or that nothing must be kept")
    RetirementView confirmBackup(@PathVariable UUID id, @Valid @RequestBody BackupConfirmation confirmation) {
        boolean located = confirmation.backupLocation() != null && !confirmation.backupLocation().isBlank();
        if (located == Boolean.TRUE.equals(confirmation.nothingToKeep())) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "location-or-nothing-to-keep", "backupLocation",
                    "give the backup location, or nothingToKeep: true (not both)");
        }
        return retirements.confirmBackup(id, located ? confirmation.backupLocation() : null, actor.get());
    }

    @PostMapping("/retirements/{id}/deprovisioning")
    @PreAuthorize("hasRole('IT_STAFF')")
    @Operation(summary = "Attest that the asset was removed from MDM, directory, device certificates and remote"
            + " accounts, each with evidence")
    RetirementView attestDeprovisioning(@PathVariable UUID id, @Valid @RequestBody Deprovisioning deprovisioning) {
        return retirements.attestDeprovisioning(id, deprovisioning.systems(), actor.get());
    }

    @PostMapping("/retirements/{id}/media/{mediumId}/sanitization")
    @PreAuthorize("hasAnyRole('IT_STAFF','VENDOR')")
    @Operation(summary = "Record the sanitization of one medium with its decided method (a failed one is repeated)",
            description = "IT staff in-house; when a vendor was named to sanitize on site, only that vendor (404 for"
                    + " other vendors, 403 for IT staff).")
    RetirementView recordSanitization(@PathVariable UUID id, @PathVariable UUID mediumId,
            @Valid @RequestBody SanitizationReport report) {
        return retirements.recordSanitization(id, mediumId, report, actor.get());
    }

    @PostMapping("/retirements/{id}/media/{mediumId}/verification")
    @PreAuthorize("hasRole('VERIFIER')")
    @Operation(summary = "Verify and validate one medium's sanitization (not by the person who sanitized it; FULL"
            + " when sampled); a failure is sanitized again or escalated to Destroy")
    RetirementView recordVerification(@PathVariable UUID id, @PathVariable UUID mediumId,
            @Valid @RequestBody VerificationReport report) {
        return retirements.recordVerification(id, mediumId, report, actor.get());
    }

    @PostMapping("/retirements/{id}/escalation-acknowledgement")
    @PreAuthorize("hasRole('ASSET_MANAGER')")
    @Operation(summary = "Acknowledge an escalated SLA breach (overdue approval or vendor processing); the overdue"
            + " step stays open")
    RetirementView acknowledgeEscalation(@PathVariable UUID id, @Valid @RequestBody Acknowledgement body) {
        escalations.acknowledgeRetirement(id, body.comment(), actor.get());
        return retirements.get(id);
    }

    @PostMapping("/retirements/{id}/vendor-processing")
    @PreAuthorize("hasRole('VENDOR')")
    @Operation(summary = "The vendor records grading and the final disposition (its own assets only)")
    RetirementView vendorProcessing(@PathVariable UUID id, @Valid @RequestBody VendorProcessing processing) {
        return retirements.recordVendorProcessing(id, processing, actor.get());
    }

    @PostMapping("/retirements/{id}/settlement")
    @PreAuthorize("hasRole('IT_STAFF')")
    @Operation(summary = "Record the value recovered and the vendor's fees; the certificate of disposition follows")
    RetirementView settle(@PathVariable UUID id, @Valid @RequestBody Settlement settlement) {
        return retirements.settle(id, settlement, actor.get());
    }

    @GetMapping("/retirements/{id}/sanitization-plan")
    @PreAuthorize(READERS)
    @Operation(summary = "The NIST SP 800-88 method decided for each medium (empty before the decision)")
    List<SanitizationPlanItem> sanitizationPlan(@PathVariable UUID id) {
        return retirements.sanitizationPlan(id);
    }

    @GetMapping("/tasks")
    @PreAuthorize(STAFF)
    @Operation(summary = "The retirement steps my roles may do, oldest first (at most "
            + Retirements.MAX_TASKS + "); with retirementId, only that retirement's steps")
    List<RetirementTask> myTasks(@RequestParam(required = false) UUID retirementId) {
        return retirements.tasksFor(actor.get(), retirementId);
    }

    /** A retirement request for one asset. */
    record RetirementRequest(@NotNull UUID assetId, @NotBlank @Size(max = 2000) String reason,
            @NotNull DataConfidentiality confidentiality, @NotNull AssetDestination destination,
            @Schema(description = "the vendor that sanitizes the media on site; omit when IT staff sanitize in-house")
            UUID sanitizationVendorId) {
    }

    /** Retirements of many assets at once. */
    record BatchRequest(@NotNull @Size(min = 1, max = 10_000) List<@NotNull UUID> assetIds,
            @NotBlank @Size(max = 2000) String reason, @NotNull DataConfidentiality confidentiality,
            @NotNull AssetDestination destination,
            @Schema(description = "the vendor that sanitizes every asset's media on site; omit for in-house")
            UUID sanitizationVendorId) {
    }

    /** An asset manager's note on an escalation. */
    record Acknowledgement(@Size(max = 2000) String comment) {
    }

    /** Where the data was backed up, or that nothing must be kept. */
    record BackupConfirmation(@Size(max = 500) String backupLocation, Boolean nothingToKeep) {
    }

    /** One attestation per system. */
    record Deprovisioning(@NotNull @Size(min = 1, max = 10) List<@Valid @NotNull DeprovisioningAttestation> systems) {
    }

    /** An asset manager's decision. */
    record Decision(@NotNull Boolean approve, @Size(max = 2000) String comment) {
    }

    /** Why a retirement is cancelled. */
    record Cancellation(@NotBlank @Size(max = 2000) String reason) {
    }
}
