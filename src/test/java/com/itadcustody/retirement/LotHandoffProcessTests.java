package com.itadcustody.retirement;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.assertj.core.api.Assertions;
import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.vendor.Vendors;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lot-handoff model's paths, asserted on the engine with camunda-bpm-assert, driven by the module API: an
 * uncertified vendor blocks the handoff, the pickup and receipt SLAs escalate, a missing serial is found or lost in
 * transit, and each received asset's retirement continues with the vendor.
 */
class LotHandoffProcessTests extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    Retirements retirements;

    @Autowired
    Lots lots;

    @Autowired
    AssetRegistry assets;

    @Autowired
    Vendors vendors;

    @Autowired
    Escalations escalations;

    RetirementDriver drive;

    @BeforeEach
    void useTheApplicationsEngine() {
        BpmnAwareTests.init(engine);
        drive = new RetirementDriver(engine, retirements, lots, assets, vendors);
    }

    @Test
    void aVendorWhoseCertificationExpiredIsBlockedAtTheHandoffUntilARenewalIsRecorded() {
        UUID vendorId = drive.vendor(LocalDate.now().minusYears(3), LocalDate.now().minusDays(1));
        UUID retirement = ready();
        UUID lot = drive.lotSignedOff(vendorId, retirement);
        ProcessInstance handoff = drive.instance(lot);
        drive.awaitAt(lot, "Task_HandoffBlocked");

        assertThat(handoff).isWaitingAt("Task_HandoffBlocked").hasNotPassed("Task_ConfirmPickup");
        assertThat(handoff).task().hasCandidateGroup("IT_STAFF");
        lots.retryHandoff(lot, drive.staff);
        drive.awaitAt(lot, "Task_HandoffBlocked");
        assertThat(handoff).isWaitingAt("Task_HandoffBlocked");

        drive.certify(vendorId, LocalDate.now().minusDays(1), LocalDate.now().plusYears(1));
        lots.retryHandoff(lot, drive.staff);
        drive.awaitAt(lot, "Task_ConfirmPickup");

        assertThat(handoff).isWaitingAt("Task_ConfirmPickup").task().hasCandidateGroup("VENDOR");
        Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(handoff.getId()).activityId("Task_HandoffBlocked").finished().count()).isEqualTo(2);
    }

    @Test
    void anOverduePickupAndAnOverdueReceiptAreEscalatedWithoutCancellingTheVendorsSteps() {
        UUID vendorId = drive.vendor(LocalDate.now().minusYears(1), LocalDate.now().plusYears(1));
        Actor vendor = RetirementDriver.actor(Role.VENDOR, vendorId);
        UUID retirement = ready();
        UUID lot = drive.lotSignedOff(vendorId, retirement);
        ProcessInstance handoff = drive.instance(lot);
        drive.awaitAt(lot, "Task_ConfirmPickup");

        drive.fireTimer(lot, "Timer_PickupOverdue", Duration.ofDays(5));
        drive.awaitAt(lot, "Task_ConfirmPickup", "Task_FollowUpOverduePickup");
        assertThat(handoff).hasPassed("Task_EscalatePickup");
        assertThat(handoff).task("Task_FollowUpOverduePickup").hasCandidateGroup("ASSET_MANAGER");
        escalations.acknowledgeLot(lot, "Carrier rebooked", drive.manager);
        lots.confirmPickup(lot, vendor);
        drive.awaitAt(lot, "Task_ReconcileReceipt");

        drive.fireTimer(lot, "Timer_ReceiptOverdue", Duration.ofDays(2));
        drive.awaitAt(lot, "Task_ReconcileReceipt", "Task_FollowUpOverdueReceipt");
        assertThat(handoff).hasPassed("Task_EscalateReceipt");
        lots.reconcileReceipt(lot, List.of(drive.serialOf(retirement)), vendor);
        drive.awaitAt(retirement, "Task_ProcessAsset");
        assertThat(handoff).isWaitingAt("Task_FollowUpOverdueReceipt").hasPassed("Task_ReleaseReceivedAssets");
        escalations.acknowledgeLot(lot, null, drive.manager);

        assertThat(handoff).isEnded().hasPassed("EndEvent_PickupEscalationHandled", "EndEvent_ReceiptEscalationHandled",
                "EndEvent_LotReleased");
    }

    @Test
    void aMissingSerialFoundAfterAllAndAnUnexpectedOneReturnedLetTheLotContinue() {
        UUID vendorId = drive.vendor(LocalDate.now().minusYears(1), LocalDate.now().plusYears(1));
        Actor vendor = RetirementDriver.actor(Role.VENDOR, vendorId);
        UUID first = ready();
        UUID second = ready();
        UUID lot = drive.lotSignedOff(vendorId, first, second);
        ProcessInstance handoff = drive.instance(lot);
        drive.awaitAt(lot, "Task_ConfirmPickup");
        lots.confirmPickup(lot, vendor);
        drive.awaitAt(lot, "Task_ReconcileReceipt");

        lots.reconcileReceipt(lot, List.of(drive.serialOf(first), "NOT-ON-MANIFEST-1"), vendor);
        drive.awaitAt(lot, "Task_ResolveDiscrepancies");
        assertThat(handoff).hasPassed("Gateway_Discrepancies").task().hasCandidateGroup("IT_STAFF");
        lots.resolveDiscrepancies(lot, List.of(new Lots.Resolution(drive.serialOf(second), "FOUND"),
                new Lots.Resolution("NOT-ON-MANIFEST-1", "RETURNED_TO_SENDER")), drive.staff);

        drive.awaitAt(first, "Task_ProcessAsset");
        drive.awaitAt(second, "Task_ProcessAsset");
        drive.awaitEnded(lot);
        assertThat(handoff).hasPassedInOrder("Task_ReconcileReceipt", "Task_ResolveDiscrepancies",
                "Task_ReleaseReceivedAssets", "EndEvent_LotReleased");
    }

    @Test
    void aMissingSerialDeclaredLostInTransitEndsThatRetirementAndTheOthersContinue() {
        UUID vendorId = drive.vendor(LocalDate.now().minusYears(1), LocalDate.now().plusYears(1));
        Actor vendor = RetirementDriver.actor(Role.VENDOR, vendorId);
        UUID received = ready();
        UUID lost = ready();
        ProcessInstance lostInstance = drive.instance(lost);
        UUID lot = drive.lotSignedOff(vendorId, received, lost);
        drive.awaitAt(lot, "Task_ConfirmPickup");
        lots.confirmPickup(lot, vendor);
        drive.awaitAt(lot, "Task_ReconcileReceipt");
        lots.reconcileReceipt(lot, List.of(drive.serialOf(received)), vendor);
        drive.awaitAt(lot, "Task_ResolveDiscrepancies");

        lots.resolveDiscrepancies(lot, List.of(new Lots.Resolution(drive.serialOf(lost), "LOST_IN_TRANSIT")),
                drive.staff);

        drive.awaitEnded(lost);
        assertThat(lostInstance).isEnded().hasPassed("StartEvent_AssetLostInTransit", "EndEvent_AssetLost")
                .hasNotPassed("Task_ProcessAsset");
        Assertions.assertThat(retirements.get(lost).status()).isEqualTo(RetirementStatus.LOST);
        drive.awaitAt(received, "Task_ProcessAsset");
        drive.awaitEnded(lot);
    }

    private UUID ready() {
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        drive.sanitizeAndVerifyEveryMedium(id);
        return id;
    }
}
