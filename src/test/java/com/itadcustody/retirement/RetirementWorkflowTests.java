package com.itadcustody.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.AssetLifecycle;
import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogEntry;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first steps of the asset-retirement process through the REST API: request, decision, cancellation. */
class RetirementWorkflowTests extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    AssetRegistry assets;

    @Autowired
    AssetLifecycle lifecycle;

    @Autowired
    HistoryService history;

    @Autowired
    LogStore log;

    @Autowired
    CustodySequencer sequencer;

    ApiClient staff;
    ApiClient manager;

    @BeforeEach
    void signIn() {
        staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
        manager = ApiClient.withToken(port, users.tokenFor(Role.ASSET_MANAGER));
    }

    @Test
    void anApprovedRetirementMovesTheAssetOnAndWaitsForTheBackupConfirmation() {
        Asset laptop = laptop();
        Response requested = staff.post("/api/v1/retirements", body(laptop.id(), "End of lease"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        String id = requested.json().get("id").asText();
        assertThat(requested.json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(lifecycle.statusOf(laptop.id())).isEqualTo(AssetStatus.RETIREMENT_REQUESTED);
        awaitStep(id, "Task_ApproveRetirement");

        Response approved = manager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}");

        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().get("openTask").asText()).isEqualTo("Task_ConfirmBackup");
        assertThat(approved.json().get("confidentiality").asText()).isEqualTo("HIGH");
        assertThat(approved.json().get("decidedBy").asText()).isEqualTo(users.userId(Role.ASSET_MANAGER).toString());
        assertThat(lifecycle.statusOf(laptop.id())).isEqualTo(AssetStatus.RETIREMENT_APPROVED);
        assertThat(eventTypes(laptop)).containsSubsequence("ASSET_REGISTERED", "RETIREMENT_REQUESTED",
                "ASSET_STATUS_CHANGED", "RETIREMENT_APPROVED");
        assertThat(visited(id)).containsSubsequence("StartEvent_RetirementRequested", "Task_ApproveRetirement",
                "Gateway_RetirementApproved", "Task_ConfirmBackup");
    }

    @Test
    void afterApprovalTheBackupDeprovisioningAndLicenseReclaimLeadToAMethodPerMedium() {
        Asset laptop = laptop();
        ApiClient managerOfLicenses = manager;
        String pool = managerOfLicenses.post("/api/v1/license-pools", "{\"publisher\": \"Contoso\", \"product\":"
                + " \"Office " + UUID.randomUUID() + "\", \"metric\": \"PER_DEVICE\", \"seatsOwned\": 2}").json()
                .get("id").asText();
        assertThat(staff.post("/api/v1/license-pools/" + pool + "/seats", "{\"assetId\": \"" + laptop.id() + "\"}")
                .status()).isEqualTo(201);
        String id = staff.post("/api/v1/retirements", body(laptop.id(), "Lease end")).json().get("id").asText();
        awaitStep(id, "Task_ApproveRetirement");
        manager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}");

        Response neither = staff.post("/api/v1/retirements/" + id + "/backup-confirmation", "{}");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().get("rule").asText()).isEqualTo("location-or-nothing-to-keep");
        Response backedUp = staff.post("/api/v1/retirements/" + id + "/backup-confirmation",
                "{\"backupLocation\": \"Backup vault BV-7, job 5521\"}");
        assertThat(backedUp.status()).as(backedUp.text()).isEqualTo(200);
        assertThat(backedUp.json().get("backupLocation").asText()).startsWith("Backup vault");
        awaitStep(id, "Task_AttestDeprovisioning");

        Response missing = staff.post("/api/v1/retirements/" + id + "/deprovisioning",
                "{\"systems\": [{\"system\": \"MDM\", \"outcome\": \"DONE\", \"evidence\": \"x\"}]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).contains("DIRECTORY", "DEVICE_CERTIFICATES",
                "REMOTE_ACCOUNTS");
        assertThat(manager.post("/api/v1/retirements/" + id + "/deprovisioning", ALL_SYSTEMS).status())
                .isEqualTo(403);
        Response attested = staff.post("/api/v1/retirements/" + id + "/deprovisioning", ALL_SYSTEMS);
        assertThat(attested.status()).as(attested.text()).isEqualTo(200);
        awaitStep(id, "Task_SanitizeMedium");

        JsonNode retirement = staff.get("/api/v1/retirements/" + id).json();
        assertThat(retirement.get("licensesReleased").asInt()).isEqualTo(1);
        assertThat(staff.get("/api/v1/assets/" + laptop.id() + "/seats").json()).isEmpty();
        JsonNode plan = staff.get("/api/v1/retirements/" + id + "/sanitization-plan").json();
        assertThat(plan).hasSize(laptop.media().size());
        assertThat(plan.get(0).get("mediumSerial").asText()).isEqualTo(laptop.media().get(0).serialNumber());
        assertThat(plan.get(0).get("methodType").asText()).isEqualTo("DESTROY");
        assertThat(plan.get(0).get("guidance").asText()).isNotBlank();
        assertThat(eventTypes(laptop)).containsSubsequence("RETIREMENT_APPROVED", "BACKUP_CONFIRMED")
                .contains("LICENSES_RECLAIMED", "DEPROVISIONED", "SANITIZATION_METHOD_DECIDED");
        assertThat(visited(id)).contains("Task_ConfirmBackup", "Task_ReclaimLicenses", "Task_AttestDeprovisioning",
                "Gateway_JoinPreparation", "Task_DecideSanitization", "Task_SanitizeMedium");
    }

    @Test
    void lowConfidentialityDataForInternalReuseSkipsTheBackupAndIsCleared() {
        Asset laptop = laptop();
        String id = staff.post("/api/v1/retirements", body(laptop.id(), "Re-issue", "LOW", "INTERNAL_REUSE")).json()
                .get("id").asText();
        awaitStep(id, "Task_ApproveRetirement");
        manager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}");
        awaitStep(id, "Task_AttestDeprovisioning");
        assertThat(staff.post("/api/v1/retirements/" + id + "/backup-confirmation",
                "{\"nothingToKeep\": true}").json().get("rule").asText()).isEqualTo("step-not-open");

        staff.post("/api/v1/retirements/" + id + "/deprovisioning", ALL_SYSTEMS);
        awaitStep(id, "Task_SanitizeMedium");

        assertThat(visited(id)).doesNotContain("Task_ConfirmBackup");
        assertThat(staff.get("/api/v1/retirements/" + id + "/sanitization-plan").json())
                .allSatisfy(item -> assertThat(item.get("methodType").asText()).isEqualTo("CLEAR"));
    }

    @Test
    void eachMediumIsSanitizedThenVerifiedBySomeoneElseAndCertifiedAndFailuresGoBackOrEscalateToDestroy() {
        Asset laptop = laptop();
        String medium = laptop.media().get(0).id().toString();
        String id = staff.post("/api/v1/retirements", body(laptop.id(), "Resale", "MODERATE", "LEAVES_ORGANISATION"))
                .json().get("id").asText();
        awaitStep(id, "Task_ApproveRetirement");
        manager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}");
        staff.post("/api/v1/retirements/" + id + "/backup-confirmation", "{\"nothingToKeep\": true}");
        awaitStep(id, "Task_AttestDeprovisioning");
        staff.post("/api/v1/retirements/" + id + "/deprovisioning", ALL_SYSTEMS);
        awaitStep(id, "Task_SanitizeMedium");
        assertThat(staff.get("/api/v1/retirements/" + id + "/sanitization-plan").json().get(0).get("methodType")
                .asText()).isEqualTo("PURGE");
        String sanitizePath = "/api/v1/retirements/" + id + "/media/" + medium + "/sanitization";
        String verifyPath = "/api/v1/retirements/" + id + "/media/" + medium + "/verification";
        ApiClient verifier = ApiClient.withToken(port, users.tokenFor(Role.VERIFIER));

        assertThat(staff.post(sanitizePath, sanitization(false, true)).status()).isEqualTo(422);
        assertThat(staff.post(sanitizePath, sanitization(false, false)).status()).isEqualTo(200);
        awaitTask(staff, id, "Task_SanitizeMedium");
        assertThat(staff.post(sanitizePath, sanitization(true, false)).status()).isEqualTo(200);
        awaitTask(verifier, id, "Task_VerifyMedium");
        assertThat(staff.post(verifyPath, verification(true, "Sam Verifier", null)).status()).isEqualTo(403);
        Response sameName = verifier.post(verifyPath, verification(true, "Alex Operator", null));
        assertThat(sameName.status()).isEqualTo(422);
        assertThat(sameName.json().get("rule").asText()).isEqualTo("verifier-is-not-sanitizer");
        assertThat(verifier.post(verifyPath, verification(false, "Sam Verifier", null)).status()).isEqualTo(400);
        assertThat(verifier.post(verifyPath, verification(false, "Sam Verifier", "DESTROY")).status())
                .isEqualTo(200);
        awaitTask(staff, id, "Task_SanitizeMedium");
        assertThat(staff.get("/api/v1/retirements/" + id + "/sanitization-plan").json().get(0).get("methodType")
                .asText()).isEqualTo("DESTROY");
        assertThat(staff.post(sanitizePath, destruction()).status()).isEqualTo(200);
        awaitTask(verifier, id, "Task_VerifyMedium");
        assertThat(verifier.post(verifyPath, verification(true, "Sam Verifier", null)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> verifier.get("/api/v1/certificates?assetId="
                + laptop.id()).json().get("content").size() == 1);

        JsonNode certificate = verifier.get("/api/v1/certificates?assetId=" + laptop.id()).json().get("content")
                .get(0);
        assertThat(certificate.get("mediumSerial").asText()).isEqualTo(laptop.media().get(0).serialNumber());
        assertThat(ApiClient.anonymous(port).get("/api/v1/public/certificates/" + certificate.get("number").asText()
                + "/verification").json().get("verdict").asText()).isEqualTo("VALID");
        assertThat(eventTypes(laptop)).containsSubsequence("SANITIZATION_METHOD_DECIDED", "SANITIZATION_FAILED",
                "MEDIUM_SANITIZED", "VERIFICATION_FAILED", "MEDIUM_SANITIZED", "SANITIZATION_VERIFIED",
                "CERTIFICATE_ISSUED");
        assertThat(visited(id)).contains("Task_SelectVerificationSample", "Task_IssueSanitizationCertificate",
                "EndEvent_MediumCertified", "Event_LotReceived");
    }

    @Test
    void theVerificationSampleNeverFallsBelowItsRate(@Autowired com.itadcustody.retirement.internal
            .RetirementRequests requests, @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        for (int i = 0; i < 300; i++) {
            requests.drawSample(0.05, 0.99);
            long[] counts = jdbc.queryForObject("select sum(logical), sum(sampled) from verification_sample_counter",
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
            assertThat(counts[1]).as("sampled after %d logical", counts[0])
                    .isGreaterThanOrEqualTo((long) Math.ceil(0.05 * counts[0]));
        }
        long before = jdbc.queryForObject("select sum(sampled) from verification_sample_counter", Long.class);
        assertThat(requests.drawSample(0.05, 0.01)).as("a low draw is always sampled").isTrue();
        assertThat(jdbc.queryForObject("select sum(sampled) from verification_sample_counter", Long.class))
                .isEqualTo(before + 1);
    }

    private void awaitTask(ApiClient client, String retirementId, String step) {
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(client, retirementId).contains(step));
    }

    private static String sanitization(boolean passed, boolean withoutTool) {
        return """
                {"performedBy": {"name": "Alex Operator", "title": "Technician", "organisation": "Example Corp IT"},
                 "technique": "CRYPTO_ERASE", "methodDetails": "NVMe Format, Secure Erase Setting 2",
                 %s "verificationMethod": "QUICK_SAMPLING", "passed": %s,
                 "postSanitizationClassification": "Unclassified", "completedAt": "2026-01-01T10:00:00Z"}"""
                .formatted(withoutTool ? "" : "\"tool\": \"nvme-cli\", \"toolVersion\": \"2.4\",", passed);
    }

    private static String destruction() {
        return """
                {"performedBy": {"name": "Alex Operator", "title": "Technician", "organisation": "Example Corp IT"},
                 "technique": "DISINTEGRATE", "methodDetails": "Disintegrator, 2 mm screen",
                 "verificationMethod": "FULL", "passed": true, "postSanitizationClassification": "Unclassified",
                 "destinationDetails": "GreenCycle GmbH (R2v3)", "completedAt": "2026-01-01T12:00:00Z"}""";
    }

    private static String verification(boolean passed, String name, String onFailure) {
        return """
                {"verifiedBy": {"name": "%s", "title": "Verifier", "organisation": "Example Corp IT"},
                 "method": "FULL", "passed": %s, "notes": "Read back the whole drive"%s}"""
                .formatted(name, passed, onFailure == null ? "" : ", \"onFailure\": \"" + onFailure + "\"");
    }

    @Test
    void aBatchStartsEveryAssetsRetirementInTheBackgroundAndReportsEachRefusal() {
        Asset first = laptop();
        Asset second = laptop();
        Asset alreadyRetiring = laptop();
        staff.post("/api/v1/retirements", body(alreadyRetiring.id(), "Earlier"));
        UUID unknown = UUID.randomUUID();
        String assets = List.of(first.id(), unknown, second.id(), alreadyRetiring.id()).stream()
                .map(a -> "\"" + a + "\"").collect(java.util.stream.Collectors.joining(","));

        Response accepted = staff.post("/api/v1/retirements/batches", "{\"assetIds\": [" + assets + "], \"reason\":"
                + " \"Data centre DC-2 decommission\", \"confidentiality\": \"HIGH\", \"destination\": \"DISPOSAL\"}");

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String batch = accepted.json().get("id").asText();
        assertThat(accepted.json().get("total").asInt()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(60)).until(() -> staff.get("/api/v1/retirements/batches/" + batch).json()
                .get("done").asBoolean());
        JsonNode done = staff.get("/api/v1/retirements/batches/" + batch).json();
        assertThat(done.get("started").asInt()).isEqualTo(2);
        assertThat(done.get("refused").asInt()).isEqualTo(2);
        assertThat(done.get("refusals")).extracting(r -> r.get("position").asInt() + ":" + r.get("rule").asText())
                .containsExactly("1:not-found", "3:illegal-status-transition");
        assertThat(lifecycle.statusOf(first.id())).isEqualTo(AssetStatus.RETIREMENT_REQUESTED);
        assertThat(lifecycle.statusOf(second.id())).isEqualTo(AssetStatus.RETIREMENT_REQUESTED);
        ApiClient otherStaff = ApiClient.withToken(port, users.tokenForNewUser(Role.IT_STAFF));
        assertThat(otherStaff.get("/api/v1/retirements/batches/" + batch).status()).isEqualTo(404);
        assertThat(manager.get("/api/v1/retirements/batches/" + batch).status()).isEqualTo(200);
    }

    @Test
    void aBatchMayNameTheVendorThatSanitizesEveryAssetOnSite(
            @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        Asset first = laptop();
        Asset second = laptop();
        UUID vendorId = users.vendorId("On-site shredding " + UUID.randomUUID());
        String assets = "\"" + first.id() + "\", \"" + second.id() + "\"";

        Response unknownVendor = staff.post("/api/v1/retirements/batches", "{\"assetIds\": [" + assets + "],"
                + " \"reason\": \"DC-3\", \"confidentiality\": \"HIGH\", \"destination\": \"DISPOSAL\","
                + " \"sanitizationVendorId\": \"" + UUID.randomUUID() + "\"}");
        assertThat(unknownVendor.status()).isEqualTo(422);
        assertThat(unknownVendor.json().get("rule").asText()).isEqualTo("vendor-known");
        assertThat(lifecycle.statusOf(first.id())).isEqualTo(AssetStatus.IN_SERVICE);

        Response accepted = staff.post("/api/v1/retirements/batches", "{\"assetIds\": [" + assets + "],"
                + " \"reason\": \"DC-3\", \"confidentiality\": \"HIGH\", \"destination\": \"DISPOSAL\","
                + " \"sanitizationVendorId\": \"" + vendorId + "\"}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String batch = accepted.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> staff.get("/api/v1/retirements/batches/" + batch).json()
                .get("done").asBoolean());

        for (Asset asset : List.of(first, second)) {
            UUID retirement = jdbc.queryForObject("select id from retirement_request where asset_id = ?", UUID.class,
                    asset.id());
            assertThat(staff.get("/api/v1/retirements/" + retirement).json().get("sanitizationVendorId").asText())
                    .isEqualTo(vendorId.toString());
        }
    }

    @Test
    void aBatchIsRefusedWholeWhenAnAssetRepeatsOrItIsTooLarge() {
        Asset laptop = laptop();
        Response repeated = staff.post("/api/v1/retirements/batches", "{\"assetIds\": [\"" + laptop.id() + "\", \""
                + laptop.id() + "\"], \"reason\": \"x\", \"confidentiality\": \"LOW\", \"destination\": \"DISPOSAL\"}");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.json().get("rule").asText()).isEqualTo("unique");
        String many = java.util.stream.IntStream.range(0, 10_001).mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        Response tooMany = staff.post("/api/v1/retirements/batches", "{\"assetIds\": [" + many + "], \"reason\":"
                + " \"x\", \"confidentiality\": \"LOW\", \"destination\": \"DISPOSAL\"}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text()).contains("assetIds");
        assertThat(lifecycle.statusOf(laptop.id())).isEqualTo(AssetStatus.IN_SERVICE);
    }

    @Test
    void anOverdueApprovalIsEscalatedToTheAssetManagersWithoutStoppingIt(
            @Autowired org.camunda.bpm.engine.ManagementService management,
            @Autowired org.camunda.bpm.engine.RuntimeService runtime) {
        Asset laptop = laptop();
        String id = staff.post("/api/v1/retirements", body(laptop.id(), "Old")).json().get("id").asText();
        awaitStep(id, "Task_ApproveRetirement");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        assertThat(management.createJobQuery().processInstanceId(instance).timers().executable().count()).isZero();

        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                    java.time.Instant.now().plus(Duration.ofDays(3)).plusSeconds(60)));
            var timer = management.createJobQuery().processInstanceId(instance).timers().executable().singleResult();
            assertThat(timer).as("the approval SLA timer is due after three days").isNotNull();
            management.executeJob(timer.getId());
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(manager, id).contains("Task_FollowUpOverdueApproval"));

        assertThat(steps(manager, id)).contains("Task_ApproveRetirement", "Task_FollowUpOverdueApproval");
        assertThat(eventTypes(laptop)).contains("RETIREMENT_ESCALATED");
        Response acknowledged = manager.post("/api/v1/retirements/" + id + "/escalation-acknowledgement",
                "{\"comment\": \"Chasing the budget owner\"}");
        assertThat(acknowledged.status()).as(acknowledged.text()).isEqualTo(200);
        assertThat(steps(manager, id)).containsExactly("Task_ApproveRetirement");
        assertThat(ApiClient.withToken(port, users.tokenForNewUser(Role.ASSET_MANAGER))
                .post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}").status()).isEqualTo(200);
        assertThat(eventTypes(laptop)).containsSubsequence("RETIREMENT_ESCALATED", "ESCALATION_ACKNOWLEDGED",
                "RETIREMENT_APPROVED");
    }

    @Test
    void aClaimedStepIsDoneOnlyByWhoeverClaimedItUntilTheyReleaseIt() {
        Asset laptop = laptop();
        String id = staff.post("/api/v1/retirements", body(laptop.id(), "Old")).json().get("id").asText();
        awaitStep(id, "Task_ApproveRetirement");
        manager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\": true}");
        awaitStep(id, "Task_ConfirmBackup");
        String task = taskOf(staff, id, "Task_ConfirmBackup").get("id").asText();
        ApiClient colleague = ApiClient.withToken(port, users.tokenForNewUser(Role.IT_STAFF));
        ApiClient verifier = ApiClient.withToken(port, users.tokenForNewUser(Role.VERIFIER));
        ApiClient vendor = ApiClient.withToken(port, users.tokenForNewUser(Role.VENDOR));

        Response claimed = staff.post("/api/v1/tasks/" + task + "/claim", null);

        assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
        assertThat(claimed.json().get("assignee").asText()).isNotBlank();
        assertThat(taskOf(colleague, id, "Task_ConfirmBackup").get("assignee").asText())
                .isEqualTo(claimed.json().get("assignee").asText());
        Response taken = colleague.post("/api/v1/retirements/" + id + "/backup-confirmation",
                "{\"backupLocation\": \"//nas/backup\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("rule").asText()).isEqualTo("claimed-by-another");
        assertThat(colleague.post("/api/v1/tasks/" + task + "/claim", null).status()).isEqualTo(409);
        assertThat(colleague.delete("/api/v1/tasks/" + task + "/claim").status()).isEqualTo(409);
        assertThat(verifier.post("/api/v1/tasks/" + task + "/claim", null).status()).as("not a verifier's step")
                .isEqualTo(404);
        assertThat(vendor.post("/api/v1/tasks/" + task + "/claim", null).status()).isEqualTo(404);
        assertThat(staff.post("/api/v1/tasks/not-a-task/claim", null).status()).isEqualTo(400);
        assertThat(steps(staff, id)).containsExactly("Task_ConfirmBackup");

        Response released = staff.delete("/api/v1/tasks/" + task + "/claim");
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().hasNonNull("assignee")).isFalse();
        assertThat(colleague.post("/api/v1/retirements/" + id + "/backup-confirmation",
                "{\"backupLocation\": \"//nas/backup\"}").status()).isEqualTo(200);
    }

    private JsonNode taskOf(ApiClient client, String retirementId, String step) {
        for (JsonNode t : client.get("/api/v1/tasks?retirementId=" + retirementId).json()) {
            if (retirementId.equals(t.path("retirementId").asText()) && step.equals(t.path("step").asText())) {
                return t;
            }
        }
        throw new AssertionError(step + " of " + retirementId + " is not in the task list");
    }

    @Test
    void theRequesterCannotDecideOnTheirOwnRequest() {
        Asset laptop = laptop();
        String id = manager.post("/api/v1/retirements", body(laptop.id(), "Broken screen")).json().get("id").asText();
        awaitStep(id, "Task_ApproveRetirement");

        Response own = manager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}");

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("rule").asText()).isEqualTo("requester-cannot-approve");
        assertThat(lifecycle.statusOf(laptop.id())).isEqualTo(AssetStatus.RETIREMENT_REQUESTED);
        ApiClient otherManager = ApiClient.withToken(port, users.tokenForNewUser(Role.ASSET_MANAGER));
        assertThat(otherManager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}").status())
                .isEqualTo(200);
        assertThat(staff.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}").status())
                .isEqualTo(403);
    }

    @Test
    void aRejectionNeedsACommentAndReturnsTheAssetToService() {
        Asset laptop = laptop();
        String id = staff.post("/api/v1/retirements", body(laptop.id(), "Slow")).json().get("id").asText();
        awaitStep(id, "Task_ApproveRetirement");

        Response noComment = manager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":false}");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.text()).contains("\"comment\"");

        Response rejected = manager.post("/api/v1/retirements/" + id + "/decision",
                "{\"approve\":false,\"comment\":\"Still under warranty: repair it\"}");

        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.json().has("openTask")).isFalse();
        assertThat(lifecycle.statusOf(laptop.id())).isEqualTo(AssetStatus.IN_SERVICE);
        assertThat(visited(id)).contains("EndEvent_RetirementRejected").doesNotContain("Task_ConfirmBackup");
        assertThat(eventTypes(laptop)).contains("RETIREMENT_REJECTED");
        assertThat(manager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}").json()
                .get("rule").asText()).isEqualTo("not-awaiting-decision");
    }

    @Test
    void aCancelledRetirementReturnsTheAssetToServiceAndKeepsItsHistory() {
        Asset laptop = laptop();
        String id = staff.post("/api/v1/retirements", body(laptop.id(), "Project ended")).json().get("id").asText();
        awaitStep(id, "Task_ApproveRetirement");
        manager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}");

        Response cancelled = staff.post("/api/v1/retirements/" + id + "/cancellation",
                "{\"reason\":\"The laptop goes to a new hire instead\"}");

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(lifecycle.statusOf(laptop.id())).isEqualTo(AssetStatus.IN_SERVICE);
        assertThat(visited(id)).containsSubsequence("Task_ApproveRetirement", "Task_ConfirmBackup",
                "StartEvent_RetirementCancelled", "EndEvent_RetirementCancelled");
        assertThat(eventTypes(laptop)).containsSubsequence("RETIREMENT_REQUESTED", "RETIREMENT_APPROVED",
                "RETIREMENT_CANCELLED");
        assertThat(staff.post("/api/v1/retirements/" + id + "/cancellation", "{\"reason\":\"again\"}").json()
                .get("rule").asText()).isEqualTo("not-cancellable");
        String again = staff.post("/api/v1/retirements", body(laptop.id(), "Retire it after all")).json()
                .get("status").asText();
        assertThat(again).isEqualTo("REQUESTED");
    }

    @Test
    void anAssetAlreadyBeingRetiredOrUnknownCannotBeRequestedAgain() {
        Asset laptop = laptop();
        staff.post("/api/v1/retirements", body(laptop.id(), "First"));

        Response second = staff.post("/api/v1/retirements", body(laptop.id(), "Second"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("rule").asText()).isEqualTo("illegal-status-transition");
        assertThat(staff.post("/api/v1/retirements", body(UUID.randomUUID(), "Nope")).status()).isEqualTo(404);
        Response invalid = staff.post("/api/v1/retirements", "{\"assetId\":\"" + laptop.id() + "\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("reason", "confidentiality", "destination");
        assertThat(staff.post("/api/v1/retirements", body(laptop.id(), "x", "SECRET", "DISPOSAL")).status())
                .isEqualTo(400);
    }

    @Test
    void eachRoleSeesTheStepsItMayDo() {
        Asset laptop = laptop();
        String id = staff.post("/api/v1/retirements", body(laptop.id(), "Tasks")).json().get("id").asText();
        awaitStep(id, "Task_ApproveRetirement");

        assertThat(steps(manager, id)).containsExactly("Task_ApproveRetirement");
        assertThat(steps(staff, id)).isEmpty();
        ApiClient vendor = ApiClient.withToken(port, users.tokenFor(Role.VENDOR));
        assertThat(steps(vendor, id)).isEmpty();
        manager.post("/api/v1/retirements/" + id + "/decision", "{\"approve\":true}");
        assertThat(steps(staff, id)).containsExactly("Task_ConfirmBackup");
        assertThat(steps(manager, id)).isEmpty();
        assertThat(steps(staff, UUID.randomUUID().toString())).as("an unknown retirement has no steps").isEmpty();
        Response malformed = staff.get("/api/v1/tasks?retirementId=not-a-uuid");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text()).contains("retirementId");
    }

    private List<String> steps(ApiClient client, String retirementId) {
        Response tasks = client.get("/api/v1/tasks?retirementId=" + retirementId);
        assertThat(tasks.status()).as(tasks.text()).isEqualTo(200);
        java.util.ArrayList<String> steps = new java.util.ArrayList<>();
        tasks.json().forEach(t -> {
            assertThat(t.path("retirementId").asText()).as("the listing has only the asked retirement's steps")
                    .isEqualTo(retirementId);
            steps.add(t.get("step").asText());
        });
        return steps;
    }

    private void awaitStep(String retirementId, String step) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode view = staff.get("/api/v1/retirements/" + retirementId).json();
            return view.has("openTask") && step.equals(view.get("openTask").asText());
        });
    }

    private List<String> visited(String retirementId) {
        String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(retirementId)
                .singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private List<String> eventTypes(Asset asset) {
        sequencer.drainNow();
        return log.entriesOfAsset(asset.id()).stream().map(LogEntry::envelope).map(bytes -> {
            try {
                return JSON.readTree(bytes).get("type").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private Asset laptop() {
        return assets.register(AssetFixtures.anyLaptop(), AssetFixtures.actor(Role.IT_STAFF));
    }

    private static String body(UUID assetId, String reason) {
        return body(assetId, reason, "HIGH", "LEAVES_ORGANISATION");
    }

    private static String body(UUID assetId, String reason, String confidentiality, String destination) {
        return "{\"assetId\":\"" + assetId + "\",\"reason\":\"" + reason + "\",\"confidentiality\":\""
                + confidentiality + "\",\"destination\":\"" + destination + "\"}";
    }

    static final String ALL_SYSTEMS = """
            {"systems": [
              {"system": "MDM", "outcome": "DONE", "evidence": "Intune retire, request 7f3c"},
              {"system": "DIRECTORY", "outcome": "DONE", "evidence": "AD computer object disabled, CHG-1234"},
              {"system": "DEVICE_CERTIFICATES", "outcome": "DONE", "evidence": "2 certificates revoked, CHG-1234"},
              {"system": "REMOTE_ACCOUNTS", "outcome": "NOT_APPLICABLE", "evidence": "no paired accounts"}]}""";
}
