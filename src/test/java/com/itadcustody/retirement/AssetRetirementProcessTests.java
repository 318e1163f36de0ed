package com.itadcustody.retirement;

import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The asset-retirement model's paths, asserted on the engine with camunda-bpm-assert, driven by the module API. */
class AssetRetirementProcessTests extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    Retirements retirements;

    @Autowired
    AssetRegistry assets;

    final Actor staff = new Actor(UUID.randomUUID(), "staff", Set.of(Role.IT_STAFF), null);
    final Actor manager = new Actor(UUID.randomUUID(), "manager", Set.of(Role.ASSET_MANAGER), null);

    @BeforeEach
    void useTheApplicationsEngine() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void anApprovedLowConfidentialityRetirementSkipsTheBackupAndRunsPreparationInParallel() {
        ProcessInstance instance = requested("LOW", AssetDestination.INTERNAL_REUSE);
        assertThat(instance).isWaitingAt("Task_ApproveRetirement").task().hasCandidateGroup("ASSET_MANAGER");

        retirements.decide(UUID.fromString(instance.getBusinessKey()), true, null, manager);

        await().atMost(Duration.ofSeconds(30)).until(() -> !engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).executable().list().stream().findAny().isPresent()
                && !engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().isEmpty());
        assertThat(instance).hasPassed("Gateway_RetirementApproved", "Gateway_BackupNeeded", "Gateway_BackupDone",
                "Gateway_SplitPreparation").hasNotPassed("Task_ConfirmBackup")
                .isWaitingAt("Task_AttestDeprovisioning");
        assertThat(instance).task("Task_AttestDeprovisioning").hasCandidateGroup("IT_STAFF");
    }

    @Test
    void aRejectedRetirementEndsAtTheRejectionEndEvent() {
        ProcessInstance instance = requested("HIGH", AssetDestination.DISPOSAL);

        retirements.decide(UUID.fromString(instance.getBusinessKey()), false, "Keep it", manager);

        assertThat(instance).isEnded().hasPassed("EndEvent_RetirementRejected").hasNotPassed("Task_ConfirmBackup");
    }

    @Test
    void aCancelledRetirementEndsThroughTheCancellationSubProcess() {
        ProcessInstance instance = requested("MODERATE", AssetDestination.LEAVES_ORGANISATION);
        retirements.decide(UUID.fromString(instance.getBusinessKey()), true, null, manager);
        assertThat(instance).isWaitingAt("Task_ConfirmBackup");

        retirements.cancel(UUID.fromString(instance.getBusinessKey()), "Reassigned", staff);

        assertThat(instance).isEnded().hasPassed("StartEvent_RetirementCancelled", "EndEvent_RetirementCancelled")
                .hasNotPassed("Task_AttestDeprovisioning");
    }

    private ProcessInstance requested(String confidentiality, AssetDestination destination) {
        Asset asset = assets.register(AssetFixtures.anyLaptop(), AssetFixtures.actor(Role.IT_STAFF));
        UUID id = retirements.request(asset.id(), "Process test", DataConfidentiality.valueOf(confidentiality),
                destination, staff).id();
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(id.toString()).singleResult();
        await().atMost(Duration.ofSeconds(30)).until(() -> !engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId()).list().isEmpty());
        return instance;
    }

}
