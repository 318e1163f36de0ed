package com.itadcustody.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every system on an HTTP connector (a real server, {@link StubSystems}): de-provisioning without a manual task, the
 * answers kept as evidence, retries with backoff, timeouts, refusals, and a connector that keeps failing: an incident
 * for IT staff that holds the retirement until they retry it.
 */
class DeprovisioningConnectorTests extends DeprovisioningTestBase {

    static final String REMOTE_ACCOUNTS_ANSWER = "{\"outcome\": \"NOT_APPLICABLE\", \"note\": \"no paired accounts\"}";

    @DynamicPropertySource
    static void connectors(DynamicPropertyRegistry registry) {
        common(registry);
        connector(registry, "mdm", StubSystems.MDM);
        connector(registry, "directory", StubSystems.DIRECTORY);
        connector(registry, "device-certificates", StubSystems.CERTIFICATES);
        connector(registry, "remote-accounts", StubSystems.ACCOUNTS);
        registry.add("itad.deprovisioning.connectors.mdm.token", () -> "mdm-secret-token");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everySystemWithAConnectorIsDeprovisionedWithoutAManualTaskAndEachAnswerIsKeptAsEvidence() throws Exception {
        STUB.always(StubSystems.ACCOUNTS, StubSystems.Reply.ok(REMOTE_ACCOUNTS_ANSWER));
        Asset laptop = laptop();
        UUID id = approvedRetirement(laptop);

        assertThat(runJobs(id)).isEmpty();

        assertThat(waitingAt(id)).containsExactly("Task_SanitizeMedium");
        assertThat(visited(id)).contains("Task_RunDeprovisioningConnectors", "Gateway_ManualDeprovisioning",
                "Gateway_DeprovisioningDone", "Gateway_JoinPreparation", "Task_DecideSanitization")
                .doesNotContain("Task_AttestDeprovisioning");
        StubSystems.Received mdm = STUB.received(StubSystems.MDM).get(0);
        JsonNode sent = JSON.readTree(mdm.body());
        assertThat(sent.get("assetTag").asText()).isEqualTo(laptop.tag());
        assertThat(sent.get("serialNumber").asText()).isEqualTo(laptop.serialNumber());
        assertThat(sent.get("retirementId").asText()).isEqualTo(id.toString());
        assertThat(sent.get("system").asText()).isEqualTo("MDM");
        assertThat(mdm.idempotencyKey()).isEqualTo(sent.get("requestId").asText());
        assertThat(mdm.contentType()).isEqualTo("application/json");
        assertThat(mdm.authorization()).isEqualTo("Bearer mdm-secret-token");
        assertThat(STUB.received(StubSystems.DIRECTORY).get(0).authorization()).isNull();
        for (String path : List.of(StubSystems.MDM, StubSystems.DIRECTORY, StubSystems.CERTIFICATES,
                StubSystems.ACCOUNTS)) {
            assertThat(STUB.received(path)).as(path).hasSize(1);
        }

        JsonNode status = staff.get("/api/v1/retirements/" + id + "/deprovisioning").json();
        assertThat(status.get("systems")).hasSize(4).allSatisfy(s -> {
            assertThat(s.get("method").asText()).isEqualTo("CONNECTOR");
            assertThat(s.get("state").asText()).isEqualTo("DONE");
            assertThat(s.get("httpStatus").asInt()).isEqualTo(200);
            assertThat(s.has("recordedBy")).isFalse();
        });
        assertThat(status.has("incident")).isFalse();
        assertThat(system(status, "MDM").get("outcome").asText()).isEqualTo("DONE");
        assertThat(system(status, "MDM").get("endpoint").asText()).isEqualTo(STUB.url(StubSystems.MDM));
        JsonNode accounts = system(status, "REMOTE_ACCOUNTS");
        assertThat(accounts.get("outcome").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(accounts.get("responseSha256").asText()).isEqualTo(sha256(REMOTE_ACCOUNTS_ANSWER));
        assertThat(jdbc.queryForObject("select response_body from retirement_deprovisioning where retirement_id = ?"
                + " and system = 'REMOTE_ACCOUNTS'", String.class, id)).isEqualTo(REMOTE_ACCOUNTS_ANSWER);

        List<JsonNode> deprovisioned = events(laptop, "DEPROVISIONED");
        assertThat(deprovisioned).extracting(e -> e.get("data").get("system").asText())
                .containsExactlyInAnyOrder("MDM", "DIRECTORY", "DEVICE_CERTIFICATES", "REMOTE_ACCOUNTS");
        JsonNode accountsEvent = deprovisioned.stream()
                .filter(e -> e.get("data").get("system").asText().equals("REMOTE_ACCOUNTS")).findFirst().orElseThrow();
        assertThat(accountsEvent.get("data").get("method").asText()).isEqualTo("CONNECTOR");
        assertThat(accountsEvent.get("data").get("outcome").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(accountsEvent.get("evidence").get(0).get("sha256").asText()).isEqualTo(sha256(REMOTE_ACCOUNTS_ANSWER));
        assertThat(events(laptop, "DEPROVISIONING_FAILED")).isEmpty();
    }

    @Test
    void aConnectorThatFailsTwiceWith503IsRetriedWithTheSameRequestIdAndSucceeds() {
        STUB.script(StubSystems.DIRECTORY, StubSystems.Reply.status(503, "{\"error\": \"busy\"}"),
                StubSystems.Reply.status(503, "{\"error\": \"busy\"}"));
        Asset laptop = laptop();
        UUID id = approvedRetirement(laptop);

        assertThat(runJobs(id)).isEmpty();

        List<StubSystems.Received> calls = STUB.received(StubSystems.DIRECTORY);
        assertThat(calls).hasSize(3);
        assertThat(calls).extracting(StubSystems.Received::idempotencyKey).containsOnly(calls.get(0).idempotencyKey());
        JsonNode directory = system(staff.get("/api/v1/retirements/" + id + "/deprovisioning").json(), "DIRECTORY");
        assertThat(directory.get("state").asText()).isEqualTo("DONE");
        assertThat(directory.get("evidence").asText()).contains("3 attempts", "HTTP 200");
        assertThat(directory.get("failures").asInt()).isZero();
        assertThat(waitingAt(id)).containsExactly("Task_SanitizeMedium");
        assertThat(events(laptop, "DEPROVISIONING_FAILED")).isEmpty();
    }

    @Test
    void aConnectorThatKeepsFailingOpensAnIncidentAndHoldsTheRetirementUntilItIsRetried() {
        STUB.always(StubSystems.CERTIFICATES, StubSystems.Reply.status(503, "{\"error\": \"CA offline\"}"));
        Asset laptop = laptop();
        UUID id = approvedRetirement(laptop);

        List<String> failures = runJobs(id);

        assertThat(failures).singleElement().asString().contains("DEVICE_CERTIFICATES", "HTTP 503", "CA offline",
                "after 3 attempts");
        JsonNode status = staff.get("/api/v1/retirements/" + id + "/deprovisioning").json();
        assertThat(system(status, "DEVICE_CERTIFICATES").get("state").asText()).isEqualTo("FAILED");
        assertThat(system(status, "DEVICE_CERTIFICATES").get("lastError").asText()).contains("HTTP 503", "CA offline");
        assertThat(system(status, "MDM").get("state").asText()).isEqualTo("DONE");
        assertThat(status.has("incident")).as("retries left: no incident yet").isFalse();

        Job job = connectorsJob(id);
        int runs = 1;
        while (job.getRetries() > 0) {
            String jobId = job.getId();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
                    .hasMessageContaining("DEVICE_CERTIFICATES");
            runs++;
            assertThat(runs).as("the retry cycle R2 gives up").isLessThanOrEqualTo(5);
            job = connectorsJob(id);
        }
        assertThat(STUB.received(StubSystems.MDM)).as("a retried step calls only the failed system again").hasSize(1);
        assertThat(STUB.received(StubSystems.CERTIFICATES)).hasSize(3 * runs);

        ApiClient manager = as(Role.ASSET_MANAGER);
        Response incidents = manager.get("/api/v1/retirements/incidents");
        assertThat(incidents.status()).as(incidents.text()).isEqualTo(200);
        JsonNode incident = find(incidents.json(), id);
        assertThat(incident.get("process").asText()).isEqualTo("asset-retirement");
        assertThat(incident.get("activityId").asText()).isEqualTo("Task_RunDeprovisioningConnectors");
        assertThat(incident.get("message").asText()).contains("DEVICE_CERTIFICATES", "HTTP 503");
        assertThat(incident.get("occurredAt").asText()).isNotBlank();
        assertThat(as(Role.VERIFIER).get("/api/v1/retirements/incidents")
                .status()).isEqualTo(403);
        status = staff.get("/api/v1/retirements/" + id + "/deprovisioning").json();
        assertThat(status.get("incident").get("activityId").asText()).isEqualTo("Task_RunDeprovisioningConnectors");
        assertThat(system(status, "DEVICE_CERTIFICATES").get("failures").asInt()).isEqualTo(runs);
        assertThat(waitingAt(id)).as("nothing skipped: no manual task instead").isEmpty();
        assertThat(visited(id)).doesNotContain("Task_DecideSanitization", "Task_AttestDeprovisioning");
        assertThat(runJobs(id)).isEmpty();
        assertThat(events(laptop, "DEPROVISIONING_FAILED")).hasSize(runs)
                .allSatisfy(e -> assertThat(e.get("data").get("system").asText()).isEqualTo("DEVICE_CERTIFICATES"));
        assertThat(events(laptop, "DEPROVISIONED")).hasSize(3);

        STUB.always(StubSystems.CERTIFICATES, StubSystems.Reply.ok("{\"revoked\": 2}"));
        assertThat(manager.post("/api/v1/retirements/" + id + "/deprovisioning/retry", "").status()).isEqualTo(403);
        Response retried = staff.post("/api/v1/retirements/" + id + "/deprovisioning/retry", "");
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.json().has("incident")).isFalse();
        assertThat(runJobs(id)).isEmpty();
        var history = engine.getHistoryService();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance(id)).failureLog().count())
                .as("every failed run stays in the engine's history").isEqualTo(runs);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance(id)).successLog().count())
                .as("the routine job log is left out (history level working)").isZero();
        assertThat(history.createHistoricIncidentQuery().processInstanceId(instance(id)).resolved().count())
                .as("the incident, resolved by the retry").isEqualTo(1);

        assertThat(waitingAt(id)).containsExactly("Task_SanitizeMedium");
        assertThat(system(staff.get("/api/v1/retirements/" + id + "/deprovisioning").json(), "DEVICE_CERTIFICATES")
                .get("state").asText()).isEqualTo("DONE");
        assertThat(events(laptop).stream().map(e -> e.get("type").asText()).toList())
                .containsSubsequence("DEPROVISIONING_FAILED", "DEPROVISIONING_RETRIED", "DEPROVISIONED");
        Response again = staff.post("/api/v1/retirements/" + id + "/deprovisioning/retry", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("rule").asText()).isEqualTo("nothing-to-retry");
        assertThat(find(manager.get("/api/v1/retirements/incidents").json(), id)).isNull();
    }

    @Test
    void aSystemThatDoesNotAnswerInTimeIsRetriedAndThenFails() {
        STUB.always(StubSystems.MDM, StubSystems.Reply.hang());
        Asset laptop = laptop();
        UUID id = approvedRetirement(laptop);

        List<String> failures = runJobs(id);

        assertThat(failures).singleElement().asString().contains("MDM", "no answer", "within PT0.5S");
        assertThat(STUB.received(StubSystems.MDM)).hasSize(3);
        assertThat(events(laptop, "DEPROVISIONING_FAILED")).singleElement()
                .satisfies(e -> assertThat(e.get("data").get("error").asText()).contains("no answer"));
        assertThat(waitingAt(id)).isEmpty();
    }

    @Test
    void aRefusalIsNotRetried() {
        STUB.always(StubSystems.ACCOUNTS, StubSystems.Reply.status(404, "{\"error\": \"unknown device\"}"));
        Asset laptop = laptop();
        UUID id = approvedRetirement(laptop);

        List<String> failures = runJobs(id);

        assertThat(failures).singleElement().asString().contains("REMOTE_ACCOUNTS", "HTTP 404", "unknown device",
                "not retried");
        assertThat(STUB.received(StubSystems.ACCOUNTS)).hasSize(1);
        JsonNode accounts = system(staff.get("/api/v1/retirements/" + id + "/deprovisioning").json(),
                "REMOTE_ACCOUNTS");
        assertThat(accounts.get("state").asText()).isEqualTo("FAILED");
        assertThat(accounts.get("method").asText()).isEqualTo("CONNECTOR");
        assertThat(events(laptop, "DEPROVISIONING_FAILED")).singleElement()
                .satisfies(e -> assertThat(e.get("data").get("httpStatus").asInt()).isEqualTo(404));
    }

    @Test
    void aConnectorSystemCannotBeAttestedByHandAndUnknownRetirementsAre404() {
        UUID unknown = UUID.randomUUID();
        assertThat(staff.get("/api/v1/retirements/" + unknown + "/deprovisioning").status()).isEqualTo(404);
        assertThat(staff.post("/api/v1/retirements/" + unknown + "/deprovisioning/retry", "").status())
                .isEqualTo(404);
        Asset laptop = laptop();
        UUID id = approvedRetirement(laptop);
        Response early = staff.post("/api/v1/retirements/" + id + "/deprovisioning/retry", "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("rule").asText()).isEqualTo("nothing-to-retry");
        assertThat(runJobs(id)).isEmpty();
        Response attested = staff.post("/api/v1/retirements/" + id + "/deprovisioning", RetirementWorkflowTests.ALL_SYSTEMS);
        assertThat(attested.status()).isEqualTo(409);
        assertThat(attested.json().get("rule").asText()).isEqualTo("step-not-open");
    }

    private static JsonNode find(JsonNode incidents, UUID retirementId) {
        for (JsonNode incident : incidents) {
            if (incident.has("retirementId") && incident.get("retirementId").asText().equals(retirementId.toString())) {
                return incident;
            }
        }
        return null;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
