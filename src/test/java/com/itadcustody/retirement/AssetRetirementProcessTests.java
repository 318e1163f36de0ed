package com.itadcustody.retirement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.assertj.core.api.Assertions;
import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.MediaType;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.retirement.VerificationReport.OnFailure;
import com.itadcustody.retirement.process.ProcessMessages;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.vendor.Vendors;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
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

/**
 * The asset-retirement model's paths, asserted on the engine with camunda-bpm-assert, driven by the module API as
 * the right people: the happy path to resale, rejection, cancellation, verification failures, the verification
 * sample, the vendor-processing SLA and a message that arrives before its wait state.
 */
class AssetRetirementProcessTests extends IntegrationTest {

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
    Escalations escalations;

    @Autowired
    ProcessMessages messages;

    @Autowired
    Deprovisioning deprovisioning;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    final Actor staff = new Actor(UUID.randomUUID(), "staff", Set.of(Role.IT_STAFF), null);
    final Actor manager = new Actor(UUID.randomUUID(), "manager", Set.of(Role.ASSET_MANAGER), null);
    RetirementDriver drive;

    @BeforeEach
    void useTheApplicationsEngine() {
        BpmnAwareTests.init(engine);
        drive = new RetirementDriver(engine, retirements, lots, assets, vendors);
    }

    @Test
    void aLaptopWithTwoMediaGoesFromRequestThroughEveryStepToResaleAndClosure() {
        UUID id = drive.request(laptopWithTwoMedia(), DataConfidentiality.MODERATE,
                AssetDestination.LEAVES_ORGANISATION);
        ProcessInstance instance = drive.instance(id);
        drive.sanitizeAndVerifyEveryMedium(id);
        UUID vendorId = drive.vendor(LocalDate.now().minusYears(1), LocalDate.now().plusYears(1));
        Actor vendor = RetirementDriver.actor(Role.VENDOR, vendorId);
        UUID lot = drive.handedOverAndReceived(vendorId, vendor, id);

        drive.resellAndSettle(id, vendor);
        drive.awaitEnded(id);

        assertThat(instance).isEnded().hasPassedInOrder("StartEvent_RetirementRequested", "Task_ApproveRetirement",
                "Gateway_RetirementApproved", "Gateway_BackupNeeded", "Task_ConfirmBackup", "Gateway_SplitPreparation",
                "Gateway_JoinPreparation", "Task_DecideSanitization", "SubProcess_Medium", "Event_LotReceived",
                "Task_ProcessAsset", "Task_SettleAsset", "Task_IssueDispositionCertificate",
                "EndEvent_RetirementClosed")
                .hasPassed("Task_ReclaimLicenses", "Task_AttestDeprovisioning")
                .hasNotPassed("EndEvent_RetirementRejected", "EndEvent_RetirementCancelled", "EndEvent_AssetLost",
                        "Task_EscalateApproval", "Task_EscalateVendorProcessing");
        Assertions.assertThat(completions(instance, "Task_SanitizeMedium")).isEqualTo(2);
        Assertions.assertThat(completions(instance, "Task_VerifyMedium")).isEqualTo(2);
        Assertions.assertThat(completions(instance, "Task_IssueSanitizationCertificate")).isEqualTo(2);
        Assertions.assertThat(completions(instance, "EndEvent_MediumCertified")).isEqualTo(2);
        assertThat(drive.instance(lot)).isNull();
        Assertions.assertThat(retirements.get(id).status()).isEqualTo(RetirementStatus.CLOSED);
    }

    @Test
    void aRunningRetirementsHistoryAlreadyCarriesItsRemovalTime180DaysAfterItsStart() {
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        ProcessInstance instance = drive.instance(id);

        var history = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult();
        Assertions.assertThat(history.getEndTime()).as("still running").isNull();
        Assertions.assertThat(history.getRemovalTime()).as("removal time written at the start")
                .isEqualTo(java.util.Date.from(history.getStartTime().toInstant().plus(Duration.ofDays(180))));
        Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).list())
                .isNotEmpty()
                .allSatisfy(activity -> Assertions.assertThat(activity.getRemovalTime())
                        .isEqualTo(history.getRemovalTime()));
    }

    @Test
    void theEnginesHistoryKeepsPathsTasksAndVariablesButNotTheRoutineJobLogOrEachVariableChange() {
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        String instance = drive.instance(id).getId();
        drive.approveAndPrepare(id);
        var history = engine.getHistoryService();

        Assertions.assertThat(jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'",
                String.class)).as("the level recorded for the engine's start-up check").isEqualTo("21");
        Assertions.assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).list())
                .extracting(a -> a.getActivityId())
                .contains("StartEvent_RetirementRequested", "Task_ApproveRetirement", "Task_ReclaimLicenses",
                        "Task_RunDeprovisioningConnectors", "Gateway_JoinPreparation", "Task_DecideSanitization");
        var approval = history.createHistoricTaskInstanceQuery().processInstanceId(instance)
                .taskDefinitionKey("Task_ApproveRetirement").finished().singleResult();
        Assertions.assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().list())
                .extracting(t -> t.getTaskDefinitionKey())
                .containsExactlyInAnyOrder("Task_ApproveRetirement", "Task_AttestDeprovisioning");
        Assertions.assertThat(history.createHistoricIdentityLinkLogQuery().taskId(approval.getId()).list())
                .as("who could do the step").extracting(l -> l.getGroupId()).contains("ASSET_MANAGER");
        Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("approved").singleResult().getValue()).isEqualTo(true);
        Assertions.assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count())
                .as("no row per variable change").isZero();
        Assertions.assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).count())
                .as("no rows for jobs that ran as planned").isZero();
    }

    @Test
    void aDatabaseThatRanTheFullHistoryLevelIsMovedToTheWorkingLevelSoTheEngineStillStarts() throws Exception {
        String migration;
        try (var in = getClass().getClassLoader()
                .getResourceAsStream("migrations/retirement/012-working-history-level.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("--")).collect(java.util.stream.Collectors.joining("\n"));
        }
        var configured = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).getHistoryLevel();
        Assertions.assertThat(configured.getName()).isEqualTo("working");
        // in a transaction rolled back at the end: the property the engine checks at start-up, as "full" left it
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.update("update act_ge_property set value_ = '3' where name_ = 'historyLevel'");
            jdbc.execute(migration);
            Assertions.assertThat(jdbc.queryForObject(
                    "select value_ from act_ge_property where name_ = 'historyLevel'", String.class))
                    .isEqualTo(String.valueOf(configured.getId())).isEqualTo("21");
        });
    }

    @Test
    void aFailedVerificationSendsTheMediumBackToBeSanitizedAgainAndThenPasses() {
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        ProcessInstance instance = drive.instance(id);
        drive.approveAndPrepare(id);
        UUID medium = drive.plan(id).get(0).mediumId();
        String method = drive.plan(id).get(0).methodType();

        drive.sanitize(id, medium, true);
        drive.verify(id, medium, false, OnFailure.RESANITIZE);
        drive.awaitMediumAt(id, medium, "Task_SanitizeMedium");
        Assertions.assertThat(drive.plan(id).get(0).methodType()).as("same method")
                .isEqualTo(method);
        drive.sanitize(id, medium, true);
        drive.verify(id, medium, true, null);
        drive.awaitAt(id, "Event_LotReceived");

        assertThat(instance).isWaitingAt("Event_LotReceived").hasPassed("Task_IssueSanitizationCertificate");
        Assertions.assertThat(completions(instance, "Task_SanitizeMedium")).isEqualTo(2);
        Assertions.assertThat(completions(instance, "Task_VerifyMedium")).isEqualTo(2);
        Assertions.assertThat(completions(instance, "Task_IssueSanitizationCertificate")).isEqualTo(1);
    }

    @Test
    void aFailedVerificationEscalatedToDestroyIsDestroyedVerifiedAndCertified() {
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        ProcessInstance instance = drive.instance(id);
        drive.approveAndPrepare(id);
        UUID medium = drive.plan(id).get(0).mediumId();

        drive.sanitize(id, medium, true);
        drive.verify(id, medium, false, OnFailure.DESTROY);
        Assertions.assertThat(drive.plan(id).get(0).methodType()).isEqualTo("DESTROY");
        drive.sanitize(id, medium, true);
        drive.verify(id, medium, true, null);
        drive.awaitAt(id, "Event_LotReceived");

        assertThat(instance).isWaitingAt("Event_LotReceived").hasPassed("Task_IssueSanitizationCertificate");
        Assertions.assertThat(completions(instance, "Task_SanitizeMedium")).isEqualTo(2);
    }

    @Test
    void aSampledMediumNeedsAFullVerificationBySomeoneOtherThanItsSanitizer() {
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        ProcessInstance instance = drive.instance(id);
        drive.approveAndPrepare(id);
        UUID medium = drive.plan(id).get(0).mediumId();
        // no medium sampled yet: the next logically sanitized medium must be sampled to keep the rate
        jdbc.update("update verification_sample_counter set logical = 0, sampled = 0 where id = 1");

        drive.sanitize(id, medium, true);
        drive.awaitMediumAt(id, medium, "Task_VerifyMedium");

        assertThat(instance).hasPassed("Task_SelectVerificationSample");
        Assertions.assertThat(jdbc.queryForObject("select sampled from medium_sanitization"
                + " where retirement_id = ? and medium_id = ?", Boolean.class, id, medium)).isTrue();
        Actor sanitizer = drive.staff;
        Actor sanitizerAsVerifier = new Actor(sanitizer.userId(), "staff", Set.of(Role.VERIFIER), null);
        assertThatThrownBy(() -> retirements.recordVerification(id, medium, new VerificationReport(
                RetirementDriver.VALIDATOR, VerificationMethod.FULL, true, null, null), sanitizerAsVerifier))
                .isInstanceOfSatisfying(DomainRuleViolated.class,
                        e -> Assertions.assertThat(e.rule()).isEqualTo("verifier-is-not-sanitizer"));
        assertThatThrownBy(() -> retirements.recordVerification(id, medium, new VerificationReport(
                RetirementDriver.VALIDATOR, VerificationMethod.QUICK_SAMPLING, true, null, null), drive.verifier))
                .isInstanceOfSatisfying(DomainRuleViolated.class, e -> Assertions
                        .assertThat(e.rule()).isEqualTo("full-verification-required"));
        assertThat(instance).isWaitingAt("Task_VerifyMedium");

        drive.verify(id, medium, true, null);
        drive.awaitAt(id, "Event_LotReceived");
    }

    @Test
    void mediaAssignedToAVendorAreSanitizedOnSiteByThatVendorOnly() {
        UUID vendorId = drive.vendor(LocalDate.now().minusYears(1), LocalDate.now().plusYears(1));
        Actor vendor = RetirementDriver.actor(Role.VENDOR, vendorId);
        Actor otherVendor = RetirementDriver.actor(Role.VENDOR, drive.vendor(LocalDate.now().minusYears(1),
                LocalDate.now().plusYears(1)));
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.DISPOSAL,
                vendorId);
        ProcessInstance instance = drive.instance(id);
        drive.approveAndPrepare(id);
        UUID medium = drive.plan(id).get(0).mediumId();

        assertThat(instance).task("Task_SanitizeMedium").hasCandidateGroup("VENDOR");
        Assertions.assertThat(retirements.tasksFor(vendor)).anySatisfy(t -> {
            Assertions.assertThat(t.retirementId()).isEqualTo(id);
            Assertions.assertThat(t.step()).isEqualTo("Task_SanitizeMedium");
        });
        Assertions.assertThat(retirements.tasksFor(otherVendor)).noneSatisfy(t -> Assertions
                .assertThat(t.retirementId()).isEqualTo(id));
        Assertions.assertThat(retirements.tasksFor(drive.staff)).noneSatisfy(t -> Assertions
                .assertThat(t.step() + t.retirementId()).isEqualTo("Task_SanitizeMedium" + id));
        assertThatThrownBy(() -> drive.sanitize(id, medium, true, otherVendor))
                .isInstanceOf(com.itadcustody.shared.NotFound.class);
        assertThatThrownBy(() -> drive.sanitize(id, medium, true, drive.staff))
                .isInstanceOfSatisfying(DomainRuleViolated.class,
                        e -> Assertions.assertThat(e.rule()).isEqualTo("sanitized-by-vendor"));

        drive.sanitize(id, medium, true, vendor);
        drive.verify(id, medium, true, null);
        drive.awaitAt(id, "Event_LotReceived");

        assertThat(instance).hasPassed("Task_SanitizeMedium", "Task_VerifyMedium", "Task_IssueSanitizationCertificate");
    }

    @Test
    void anOverdueVendorProcessingIsEscalatedWithoutStoppingTheVendorsTask() {
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        ProcessInstance instance = drive.instance(id);
        drive.sanitizeAndVerifyEveryMedium(id);
        UUID vendorId = drive.vendor(LocalDate.now().minusYears(1), LocalDate.now().plusYears(1));
        Actor vendor = RetirementDriver.actor(Role.VENDOR, vendorId);
        UUID lot = drive.handedOverAndReceived(vendorId, vendor, id);
        drive.awaitAt(id, "Task_ProcessAsset");

        drive.fireTimer(id, "Timer_VendorProcessingOverdue", Duration.ofDays(30));
        drive.awaitAt(id, "Task_ProcessAsset", "Task_FollowUpOverdueVendorProcessing");

        assertThat(instance).hasPassed("Timer_VendorProcessingOverdue", "Task_EscalateVendorProcessing");
        assertThat(instance).task("Task_FollowUpOverdueVendorProcessing").hasCandidateGroup("ASSET_MANAGER");
        escalations.acknowledgeRetirement(id, "Called the vendor", manager);
        assertThat(instance).isWaitingAt("Task_ProcessAsset").hasPassed("EndEvent_VendorEscalationHandled");
        drive.resellAndSettle(id, vendor);
        drive.awaitEnded(id);
        assertThat(instance).hasPassed("EndEvent_RetirementClosed");
    }

    @Test
    void anOverdueApprovalIsEscalatedAndTheApprovalStaysOpen() {
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        ProcessInstance instance = drive.instance(id);

        drive.fireTimer(id, "Timer_ApprovalOverdue", Duration.ofDays(3));
        drive.awaitAt(id, "Task_ApproveRetirement", "Task_FollowUpOverdueApproval");

        assertThat(instance).hasPassed("Task_EscalateApproval");
        escalations.acknowledgeRetirement(id, null, manager);
        assertThat(instance).isWaitingAt("Task_ApproveRetirement").hasPassed("EndEvent_EscalationHandled");
    }

    @Test
    void aLotReceivedBeforeTheRetirementWaitsForItIsKeptAndDeliveredWhenItDoes() {
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        ProcessInstance instance = drive.instance(id);
        UUID vendorId = UUID.randomUUID();

        boolean now = messages.send("LotReceived", id.toString(), Map.of("vendorId", vendorId.toString()));
        boolean again = messages.send("LotReceived", id.toString(), Map.of("vendorId", vendorId.toString()));

        Assertions.assertThat(now).as("not waiting yet: kept").isFalse();
        Assertions.assertThat(again).isFalse();
        Assertions.assertThat(jdbc.queryForObject("select count(*) from process_message_inbox"
                + " where business_key = ? and delivered_at is null", Integer.class, id.toString()))
                .as("kept once").isOne();
        messages.deliverPendingFor(id.toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Assertions.assertThat(jdbc.queryForList(
                "select last_error from process_message_inbox where business_key = ? and delivered_at is null"
                        + " and attempts > 0", String.class, id.toString()))
                .as("tried, still kept, retried later").containsExactly("not yet waiting for LotReceived"));
        assertThat(instance).isWaitingAt("Task_ApproveRetirement");

        drive.sanitizeAndVerifyEveryMedium(id);
        drive.awaitAt(id, "Task_ProcessAsset");

        assertThat(instance).hasPassed("Event_LotReceived").isWaitingAt("Task_ProcessAsset")
                .variables().containsEntry("vendorId", vendorId.toString());
        Assertions.assertThat(jdbc.queryForObject("select count(*) from process_message_inbox"
                + " where business_key = ? and delivered_at is not null", Integer.class, id.toString())).isOne();
    }

    @Test
    void aMessageForAnInstanceThatEndedExpiresWithItsReasonInsteadOfVanishing() {
        UUID id = drive.request(AssetFixtures.anyLaptop(), DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE);
        messages.send("LotReceived", id.toString(), Map.of("vendorId", UUID.randomUUID().toString()));
        retirements.decide(id, false, "Still needed", manager);
        drive.awaitEnded(id);

        messages.deliverPendingFor(id.toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Assertions.assertThat(
                jdbc.queryForList("select last_error from process_message_inbox where business_key = ?"
                        + " and expired_at is not null", String.class, id.toString()))
                .singleElement().asString().contains("no running process instance"));
        Assertions.assertThat(deprovisioning.openIncidents()).as("shown to IT staff with the incidents")
                .anySatisfy(incident -> {
                    Assertions.assertThat(incident.retirementId()).isEqualTo(id);
                    Assertions.assertThat(incident.activityId()).isEqualTo("message:LotReceived");
                    Assertions.assertThat(incident.message()).contains("no running process instance");
                });
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

    private long completions(ProcessInstance instance, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).finished().count();
    }

    private static AssetInput laptopWithTwoMedia() {
        String id = AssetFixtures.unique();
        return new AssetInput("LT2-" + id, "SN2-" + id, AssetType.LAPTOP, "Dell", "Precision 5680", null, null, null,
                null, "Berlin HQ", "j.doe", "Engineering", List.of(AssetFixtures.anyMedium(MediaType.NVME),
                AssetFixtures.anyMedium(MediaType.SSD_SATA)));
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
