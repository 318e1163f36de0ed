package com.itadcustody.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.MediaType;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.retirement.process.LotProcess;
import com.itadcustody.retirement.process.RetirementProcess;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.vendor.Vendors;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process doors find a step's waiting task with one SQL statement on the engine's tables (ADR 20): these tests
 * hold every answer against what the engine's own query API says about the same instance.
 */
class ProcessLookupTests extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    Retirements retirements;

    @Autowired
    AssetRegistry assets;

    @Autowired
    Lots lots;

    @Autowired
    Vendors vendors;

    @Autowired
    RetirementProcess process;

    @Autowired
    LotProcess lotProcess;

    RetirementDriver drive;

    @BeforeEach
    void useTheApplicationsEngine() {
        drive = new RetirementDriver(engine, retirements, lots, assets, vendors);
    }

    @Test
    void eachMediumsWaitingTaskIsTheOneTheEngineGivesThatMediumsId() {
        UUID id = drive.request(laptopWithMedia(3), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        drive.approveAndPrepare(id);
        List<SanitizationPlanItem> plan = drive.plan(id);
        plan.forEach(m -> drive.awaitMediumAt(id, m.mediumId(), RetirementProcess.SANITIZE_MEDIUM));

        List<String> found = plan.stream().map(m -> process.waitingTaskForMedium(id, RetirementProcess.SANITIZE_MEDIUM,
                m.mediumId()).orElseThrow()).toList();

        assertThat(found).doesNotHaveDuplicates().hasSize(3);
        for (int i = 0; i < plan.size(); i++) {
            assertThat(found.get(i)).isEqualTo(engineTaskFor(id, RetirementProcess.SANITIZE_MEDIUM,
                    plan.get(i).mediumId()).orElseThrow());
        }
        assertThat(process.waitingTaskForMedium(id, RetirementProcess.SANITIZE_MEDIUM, UUID.randomUUID()))
                .as("a medium of no instance").isEmpty();
        assertThat(process.waitingTaskForMedium(id, RetirementProcess.VERIFY_MEDIUM, plan.get(0).mediumId()))
                .as("a step the medium is not at").isEmpty();
        assertThat(process.waitingTaskForMedium(UUID.randomUUID(), RetirementProcess.SANITIZE_MEDIUM,
                plan.get(0).mediumId())).as("another retirement's medium").isEmpty();
    }

    @Test
    void aSanitizedMediumWaitsForVerificationWhileTheOthersStillWaitToBeSanitized() {
        UUID id = drive.request(laptopWithMedia(2), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        drive.approveAndPrepare(id);
        UUID first = drive.plan(id).get(0).mediumId();
        UUID second = drive.plan(id).get(1).mediumId();

        drive.sanitize(id, first, true);
        drive.awaitMediumAt(id, first, RetirementProcess.VERIFY_MEDIUM);

        assertThat(process.waitingTaskForMedium(id, RetirementProcess.SANITIZE_MEDIUM, first)).isEmpty();
        assertThat(process.waitingTaskForMedium(id, RetirementProcess.VERIFY_MEDIUM, first))
                .isEqualTo(engineTaskFor(id, RetirementProcess.VERIFY_MEDIUM, first)).isPresent();
        assertThat(process.waitingTaskForMedium(id, RetirementProcess.SANITIZE_MEDIUM, second))
                .isEqualTo(engineTaskFor(id, RetirementProcess.SANITIZE_MEDIUM, second)).isPresent();
        assertThat(process.currentStep(id)).as("the first open task by id").isEqualTo(Optional.of(engine
                .getTaskService().createTaskQuery().processInstanceBusinessKey(id.toString()).orderByTaskId().asc()
                .list().get(0).getTaskDefinitionKey()));
    }

    @Test
    void aStepIsFoundOnlyInTheProcessItBelongsTo() {
        UUID id = drive.request(laptopWithMedia(1), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);

        assertThat(process.waitingTask(id, RetirementProcess.APPROVE)).isEqualTo(Optional.of(engine.getTaskService()
                .createTaskQuery().processInstanceBusinessKey(id.toString()).singleResult().getId()));
        assertThat(process.currentStep(id)).contains(RetirementProcess.APPROVE);
        assertThat(lotProcess.waitingTask(id, RetirementProcess.APPROVE)).as("not a lot's business key").isEmpty();
        assertThat(lotProcess.currentStep(id)).isEmpty();
        assertThat(process.waitingTask(id, RetirementProcess.SETTLE)).isEmpty();
        assertThat(process.waitingTask(UUID.randomUUID(), RetirementProcess.APPROVE)).isEmpty();
    }

    @Test
    void aStepClaimedBySomeoneElseIsRefusedAndTheClaimantMayCompleteIt() {
        UUID id = drive.request(laptopWithMedia(1), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        String task = process.waitingTask(id, RetirementProcess.APPROVE).orElseThrow();
        UUID claimant = drive.manager.userId();
        process.claim(task, claimant);

        assertThatThrownBy(() -> process.completeApproval(task, true, UUID.randomUUID()))
                .isInstanceOfSatisfying(DomainRuleViolated.class,
                        e -> assertThat(e.rule()).isEqualTo("claimed-by-another"));
        assertThatThrownBy(() -> process.release(task, UUID.randomUUID()))
                .isInstanceOfSatisfying(DomainRuleViolated.class,
                        e -> assertThat(e.rule()).isEqualTo("claimed-by-another"));
        assertThat(process.waitingTask(id, RetirementProcess.APPROVE)).as("still open").contains(task);

        process.completeApproval(task, true, claimant);

        assertThat(process.waitingTask(id, RetirementProcess.APPROVE)).isEmpty();
    }

    /** The task the engine's own API finds: the step's tasks, each asked for its {@code mediumId}. */
    private Optional<String> engineTaskFor(UUID id, String step, UUID mediumId) {
        List<Task> atStep = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id.toString())
                .taskDefinitionKey(step).list();
        return atStep.stream().filter(t -> mediumId.toString().equals(engine.getRuntimeService()
                .getVariable(t.getExecutionId(), "mediumId"))).map(Task::getId).findFirst();
    }

    private static AssetInput laptopWithMedia(int media) {
        String id = AssetFixtures.unique();
        return new AssetInput("LKP-" + id, "SNL-" + id, AssetType.LAPTOP, "Dell", "Latitude 7440", null, null, null,
                null, "Berlin HQ", "j.doe", "Engineering", java.util.stream.IntStream.range(0, media)
                        .mapToObj(i -> AssetFixtures.anyMedium(i % 2 == 0 ? MediaType.NVME : MediaType.SSD_SATA))
                        .toList());
    }
}
