package com.itadcustody.retirement.web;

import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Escalations;
import com.itadcustody.retirement.Lots;
import com.itadcustody.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lots handed to a vendor: manifest sign-off, pickup, receipt, discrepancies. Vendors reach only their own lots. */
@RestController
@RequestMapping("/api/v1/lots")
@Tag(name = "Lots", description = "Vendor handoff of retired assets")
class LotController {

    private final Lots lots;
    private final Escalations escalations;
    private final CurrentActor actor;

    LotController(Lots lots, Escalations escalations, CurrentActor actor) {
        this.lots = lots;
        this.escalations = escalations;
        this.actor = actor;
    }

    @PostMapping
    @PreAuthorize("hasRole('IT_STAFF')")
    @Operation(summary = "Make a lot of retired assets whose media are certified, for one vendor pickup")
    ResponseEntity<LotView> create(@Valid @RequestBody NewLot request) {
        LotView lot = lots.create(request.vendorId(), request.items().stream()
                .map(i -> new Lots.NewItem(i.retirementId(), i.sealNumber())).toList(), request.carrier(),
                request.trackingNumber(), request.pickupContact(), actor.get());
        return ResponseEntity.created(URI.create("/api/v1/lots/" + lot.id())).body(lot);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('IT_STAFF','ASSET_MANAGER','VERIFIER','COMPLIANCE','ADMIN','VENDOR')")
    @Operation(summary = "A lot with its manifest, receipt and discrepancies (vendors: their own lots only)")
    LotView get(@PathVariable UUID id) {
        return lots.get(id, actor.get());
    }

    @PostMapping("/{id}/sign-off")
    @PreAuthorize("hasRole('IT_STAFF')")
    @Operation(summary = "Sign off the manifest; its SHA-256 goes into each asset's custody chain")
    LotView signOff(@PathVariable UUID id) {
        return lots.signOff(id, actor.get());
    }

    @PostMapping("/{id}/handoff-retry")
    @PreAuthorize("hasRole('IT_STAFF')")
    @Operation(summary = "Retry a handoff blocked for want of a valid vendor certification")
    LotView retry(@PathVariable UUID id) {
        return lots.retryHandoff(id, actor.get());
    }

    @PostMapping("/{id}/escalation-acknowledgement")
    @PreAuthorize("hasRole('ASSET_MANAGER')")
    @Operation(summary = "Acknowledge an escalated SLA breach (overdue pickup or receipt); the vendor's step stays"
            + " open")
    LotView acknowledgeEscalation(@PathVariable UUID id, @Valid @RequestBody EscalationAcknowledgement body) {
        escalations.acknowledgeLot(id, body.comment(), actor.get());
        return lots.get(id, actor.get());
    }

    @PostMapping("/{id}/pickup")
    @PreAuthorize("hasRole('VENDOR')")
    @Operation(summary = "The vendor confirms the pickup")
    LotView pickup(@PathVariable UUID id) {
        return lots.confirmPickup(id, actor.get());
    }

    @PostMapping("/{id}/receipt")
    @PreAuthorize("hasRole('VENDOR')")
    @Operation(summary = "The vendor lists every serial received; missing and extra serials open discrepancies")
    LotView receipt(@PathVariable UUID id, @Valid @RequestBody Receipt receipt) {
        return lots.reconcileReceipt(id, receipt.serials(), actor.get());
    }

    @PostMapping("/{id}/discrepancy-resolution")
    @PreAuthorize("hasRole('IT_STAFF')")
    @Operation(summary = "Resolve every open discrepancy: FOUND or LOST_IN_TRANSIT (missing), RETURNED_TO_SENDER"
            + " (unexpected)")
    LotView resolve(@PathVariable UUID id, @Valid @RequestBody Resolutions resolutions) {
        return lots.resolveDiscrepancies(id, resolutions.resolutions().stream()
                .map(r -> new Lots.Resolution(r.serial(), r.resolution())).toList(), actor.get());
    }

    /** A new lot. */
    record NewLot(@NotNull UUID vendorId, @NotNull @Size(min = 1, max = 10_000) List<@Valid @NotNull Item> items,
            @NotBlank @Size(max = 200) String carrier, @Size(max = 100) String trackingNumber,
            @NotBlank @Size(max = 200) String pickupContact) {
    }

    /** One asset of a new lot. */
    record Item(@NotNull UUID retirementId, @Size(max = 100) String sealNumber) {
    }

    /** The serials received. */
    record Receipt(@NotNull @Size(max = 10_000) List<@NotBlank @Size(max = 200) String> serials) {
    }

    /** Resolutions of discrepancies. */
    record Resolutions(@NotNull @Size(min = 1, max = 10_000) List<@Valid @NotNull Resolved> resolutions) {
    }

    /** How one discrepancy is resolved. */
    record Resolved(@NotBlank @Size(max = 200) String serial,
            @NotNull @Pattern(regexp = "FOUND|LOST_IN_TRANSIT|RETURNED_TO_SENDER") String resolution) {
    }

    /** An asset manager's acknowledgement of an escalation, with an optional comment. */
    record EscalationAcknowledgement(@Size(max = 2000) String comment) {
    }
}
