package com.itadcustody.retirement.web;

import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.RetirementView;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

/** Retirements and the steps waiting for people: request, decide, cancel, and "my tasks". */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Retirement workflow", description = "Retirement requests, decisions and tasks")
class RetirementController {

    static final String REQUESTERS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','ADMIN')";
    static final String READERS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','VERIFIER','COMPLIANCE','ADMIN')";
    static final String STAFF = "hasAnyRole('IT_STAFF','ASSET_MANAGER','VERIFIER','COMPLIANCE','ADMIN','VENDOR')";

    private final Retirements retirements;
    private final CurrentActor actor;

    RetirementController(Retirements retirements, CurrentActor actor) {
        this.retirements = retirements;
        this.actor = actor;
    }

    @PostMapping("/retirements")
    @PreAuthorize(REQUESTERS)
    @Operation(summary = "Request the retirement of an asset in service; starts its retirement process")
    ResponseEntity<RetirementView> request(@Valid @RequestBody RetirementRequest request) {
        RetirementView view = retirements.request(request.assetId(), request.reason(), actor.get());
        return ResponseEntity.created(URI.create("/api/v1/retirements/" + view.id())).body(view);
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

    @GetMapping("/tasks")
    @PreAuthorize(STAFF)
    @Operation(summary = "The retirement steps my roles may do, oldest first")
    List<RetirementTask> myTasks() {
        return retirements.tasksFor(actor.get());
    }

    /** A retirement request for one asset. */
    record RetirementRequest(@NotNull UUID assetId, @NotBlank @Size(max = 2000) String reason) {
    }

    /** An asset manager's decision. */
    record Decision(@NotNull Boolean approve, @Size(max = 2000) String comment) {
    }

    /** Why a retirement is cancelled. */
    record Cancellation(@NotBlank @Size(max = 2000) String reason) {
    }
}
