package com.itadcustody.retirement.web;

import com.itadcustody.retirement.Deprovisioning;
import com.itadcustody.retirement.DeprovisioningStatus;
import com.itadcustody.retirement.RetirementIncident;
import com.itadcustody.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** De-provisioning per system (connector or attestation), failed workflow steps (incidents) and their retry. */
@RestController
@RequestMapping("/api/v1/retirements")
@Tag(name = "Retirement workflow", description = "Retirement requests, decisions and tasks")
class DeprovisioningController {

    static final String INCIDENT_READERS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','ADMIN')";

    private final Deprovisioning deprovisioning;
    private final CurrentActor actor;

    DeprovisioningController(Deprovisioning deprovisioning, CurrentActor actor) {
        this.deprovisioning = deprovisioning;
        this.actor = actor;
    }

    @GetMapping("/{id}/deprovisioning")
    @PreAuthorize(RetirementController.READERS)
    @Operation(summary = "Where de-provisioning stands per system: by connector or attested, done, pending or failed"
            + " with the last error, and the retirement's open incident")
    DeprovisioningStatus status(@PathVariable UUID id) {
        return deprovisioning.status(id);
    }

    @PostMapping("/{id}/deprovisioning/retry")
    @PreAuthorize("hasRole('IT_STAFF')")
    @Operation(summary = "Run the failed de-provisioning connectors again now (after fixing the cause); resolves"
            + " the incident")
    DeprovisioningStatus retry(@PathVariable UUID id) {
        return deprovisioning.retry(id, actor.get());
    }

    @GetMapping("/incidents")
    @PreAuthorize(INCIDENT_READERS)
    @Operation(summary = "Open incidents of retirement and lot processes (steps the engine gave up on), newest first")
    List<RetirementIncident> incidents() {
        return deprovisioning.openIncidents();
    }
}
