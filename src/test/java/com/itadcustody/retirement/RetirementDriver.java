package com.itadcustody.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.retirement.VerificationReport.OnFailure;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.Vendors;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives retirements and lots through the retirement module's API as the right people, and waits for the engine's
 * asynchronous steps, for the process tests.
 */
final class RetirementDriver {

    static final Person OPERATOR = new Person("Alex Operator", "Technician", "Example Corp IT", "Berlin", null);
    static final Person VALIDATOR = new Person("Sam Verifier", "Verifier", "Example Corp IT", "Berlin", null);
    static final List<DeprovisioningAttestation> ALL_SYSTEMS = Arrays.stream(DeprovisioningAttestation.System.values())
            .map(s -> new DeprovisioningAttestation(s, DeprovisioningAttestation.Outcome.DONE, "Ticket IT-" + s))
            .toList();

    final Actor staff = actor(Role.IT_STAFF, null);
    final Actor manager = actor(Role.ASSET_MANAGER, null);
    final Actor verifier = actor(Role.VERIFIER, null);

    private final ProcessEngine engine;
    private final Retirements retirements;
    private final Lots lots;
    private final AssetRegistry assets;
    private final Vendors vendors;

    RetirementDriver(ProcessEngine engine, Retirements retirements, Lots lots, AssetRegistry assets, Vendors vendors) {
        this.engine = engine;
        this.retirements = retirements;
        this.lots = lots;
        this.assets = assets;
        this.vendors = vendors;
    }

    static Actor actor(Role role, UUID vendorId) {
        return new Actor(UUID.randomUUID(), role.name().toLowerCase(), Set.of(role), vendorId);
    }

    /** Registers the asset and requests its retirement; returns the retirement id once approval waits. */
    UUID request(AssetInput input, DataConfidentiality confidentiality, AssetDestination destination) {
        return request(input, confidentiality, destination, null);
    }

    /** As {@link #request(AssetInput, DataConfidentiality, AssetDestination)}, sanitized on site by a vendor. */
    UUID request(AssetInput input, DataConfidentiality confidentiality, AssetDestination destination,
            UUID sanitizationVendorId) {
        Asset asset = assets.register(input, actor(Role.IT_STAFF, null));
        UUID id = retirements.request(asset.id(), "Process test", confidentiality, destination, sanitizationVendorId,
                staff).id();
        awaitAt(id, "Task_ApproveRetirement");
        return id;
    }

    /** The retirement's process instance. */
    ProcessInstance instance(UUID businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey.toString()).singleResult();
    }

    /** Waits until the instance with this business key is active at every one of these activities. */
    void awaitAt(UUID businessKey, String... activities) {
        RuntimeService runtime = engine.getRuntimeService();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ProcessInstance instance = instance(businessKey);
            return instance != null
                    && runtime.getActiveActivityIds(instance.getId()).containsAll(Arrays.asList(activities));
        });
    }

    /** Waits until no instance with this business key runs any more. */
    void awaitEnded(UUID businessKey) {
        await().atMost(Duration.ofSeconds(60)).until(() -> instance(businessKey) == null);
    }

    /** Approves, confirms the backup when asked, attests de-provisioning; returns once sanitization waits. */
    void approveAndPrepare(UUID id) {
        retirements.decide(id, true, null, manager);
        if (retirements.get(id).confidentiality() != DataConfidentiality.LOW) {
            awaitAt(id, "Task_ConfirmBackup");
            retirements.confirmBackup(id, "Backup share //nas/retired/" + id, staff);
        }
        awaitAt(id, "Task_AttestDeprovisioning");
        retirements.attestDeprovisioning(id, ALL_SYSTEMS, staff);
        awaitAt(id, "Task_SanitizeMedium");
    }

    /** The planned media of the retirement. */
    List<SanitizationPlanItem> plan(UUID id) {
        return retirements.sanitizationPlan(id);
    }

    /** Records the operator's sanitization of one medium with its planned method (waits until the step is open). */
    void sanitize(UUID id, UUID mediumId, boolean passed) {
        sanitize(id, mediumId, passed, staff);
    }

    /** As {@link #sanitize(UUID, UUID, boolean)}, recorded by this actor. */
    void sanitize(UUID id, UUID mediumId, boolean passed, Actor operator) {
        awaitMediumAt(id, mediumId, "Task_SanitizeMedium");
        SanitizationPlanItem planned = plan(id).stream().filter(p -> p.mediumId().equals(mediumId)).findFirst()
                .orElseThrow();
        boolean destroy = planned.methodType().equals("DESTROY");
        retirements.recordSanitization(id, mediumId, new SanitizationReport(OPERATOR,
                SanitizationTechnique.valueOf(planned.technique()), destroy ? "Shredded on site" : null,
                destroy ? null : "nwipe", destroy ? null : "0.37", VerificationMethod.FULL, passed, "Unclassified",
                null, null, Instant.now().minusSeconds(60)), operator);
    }

    /** Records an independent full verification of one medium (waits until the step is open). */
    void verify(UUID id, UUID mediumId, boolean passed, OnFailure onFailure) {
        awaitMediumAt(id, mediumId, "Task_VerifyMedium");
        retirements.recordVerification(id, mediumId, new VerificationReport(VALIDATOR, VerificationMethod.FULL, passed,
                passed ? "No data recovered" : "Readable sectors found", onFailure), verifier);
    }

    /** Waits until the step of one medium (multi-instance) is open. */
    void awaitMediumAt(UUID id, UUID mediumId, String step) {
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(id.toString()).taskDefinitionKey(step).list().stream()
                .anyMatch(t -> mediumId.toString().equals(engine.getRuntimeService()
                        .getVariable(t.getExecutionId(), "mediumId"))));
    }

    /** Drives a requested retirement through approval, preparation, and a passing sanitization and verification. */
    void sanitizeAndVerifyEveryMedium(UUID id) {
        approveAndPrepare(id);
        for (SanitizationPlanItem medium : plan(id)) {
            sanitize(id, medium.mediumId(), true);
            verify(id, medium.mediumId(), true, null);
        }
    }

    /** A vendor with an R2v3 certification valid from {@code from} until {@code until}. */
    UUID vendor(LocalDate from, LocalDate until) {
        UUID vendorId = vendors.register("Process test recycler " + UUID.randomUUID(), staff).id();
        certify(vendorId, from, until);
        return vendorId;
    }

    void certify(UUID vendorId, LocalDate from, LocalDate until) {
        vendors.addCertification(vendorId, "R2v3", "R2-" + UUID.randomUUID().toString().substring(0, 6), "SERI", from,
                until, actor(Role.ADMIN, null));
    }

    /**
     * Makes a lot of these retirements for the vendor, once every medium is certified, and signs its manifest off;
     * returns the lot id.
     */
    UUID lotSignedOff(UUID vendorId, UUID... retirementIds) {
        for (UUID id : retirementIds) {
            awaitAt(id, "Event_LotReceived");
        }
        UUID lot = lots.create(vendorId, Arrays.stream(retirementIds).map(id -> new Lots.NewItem(id, "SEAL-1"))
                .toList(), "DHL Freight", "TRK-" + UUID.randomUUID(), "Dock 3, Mo-Fr 8-16", staff).id();
        awaitAt(lot, "Task_SignOffManifest");
        lots.signOff(lot, staff);
        return lot;
    }

    /**
     * Hands these retirements to the vendor in one lot: manifest signed off, picked up and every serial received;
     * returns the lot id.
     */
    UUID handedOverAndReceived(UUID vendorId, Actor vendor, UUID... retirementIds) {
        UUID lot = lotSignedOff(vendorId, retirementIds);
        awaitAt(lot, "Task_ConfirmPickup");
        lots.confirmPickup(lot, vendor);
        awaitAt(lot, "Task_ReconcileReceipt");
        lots.reconcileReceipt(lot, Arrays.stream(retirementIds).map(this::serialOf).toList(), vendor);
        return lot;
    }

    /** The serial the lot's manifest lists for this retirement's asset. */
    String serialOf(UUID retirementId) {
        return assets.get(retirements.get(retirementId).assetId()).serialNumber();
    }

    /** The vendor's resale of a received asset, then IT staff's settlement. */
    void resellAndSettle(UUID id, Actor vendor) {
        awaitAt(id, "Task_ProcessAsset");
        retirements.recordVendorProcessing(id, new VendorProcessing("A", true, DispositionMethod.RESALE,
                "Buyer ref B-1042, EUR 310", null, "Leipzig", Instant.now().minusSeconds(60),
                DispositionDetails.resale(new BigDecimal("310.00"), "EUR", "B-1042")), vendor);
        awaitAt(id, "Task_SettleAsset");
        retirements.settle(id, new Settlement(new BigDecimal("310.00"), new BigDecimal("25.00"), "EUR"), staff);
    }

    /**
     * Moves the engine clock past the SLA, fires the instance's due timer at this boundary event, and puts the clock
     * back; the escalation then runs on the job executor.
     */
    void fireTimer(UUID businessKey, String timerId, Duration sla) {
        ManagementService management = engine.getManagementService();
        String instance = instance(businessKey).getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().activityId(timerId)
                .singleResult();
        assertThat(timer).as("timer %s is set", timerId).isNotNull();
        assertThat(timer.getDuedate().toInstant()).as("due after the SLA")
                .isAfter(Instant.now().plus(sla).minusSeconds(120)).isBefore(Instant.now().plus(sla).plusSeconds(60));
        Task watched = engine.getTaskService().createTaskQuery().executionId(timer.getExecutionId()).singleResult();
        assertThat(watched).as("the step timer %s watches", timerId).isNotNull();
        assertThat(watched.getDueDate()).as("the step's due date is its timer's deadline")
                .isCloseTo(timer.getDuedate(), 5_000);
        try {
            ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(sla).plusSeconds(60)));
            assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isOne();
            management.executeJob(timer.getId());
        } finally {
            ClockUtil.reset();
        }
    }
}
