package com.itadcustody.retirement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Connectors for MDM and the directory only: IT staff attest the other two systems, and only those. */
class DeprovisioningMixedTests extends DeprovisioningTestBase {

    @DynamicPropertySource
    static void connectors(DynamicPropertyRegistry registry) {
        common(registry);
        connector(registry, "mdm", StubSystems.MDM);
        connector(registry, "directory", StubSystems.DIRECTORY);
    }

    @Test
    void theManualTaskAsksForTheSystemsWithoutAConnectorOnly() {
        Asset laptop = laptop();
        UUID id = approvedRetirement(laptop);

        assertThat(runJobs(id)).isEmpty();

        assertThat(waitingAt(id)).containsExactly("Task_AttestDeprovisioning");
        JsonNode status = staff.get("/api/v1/retirements/" + id + "/deprovisioning").json();
        assertThat(system(status, "MDM").get("method").asText()).isEqualTo("CONNECTOR");
        assertThat(system(status, "MDM").get("state").asText()).isEqualTo("DONE");
        assertThat(system(status, "DIRECTORY").get("state").asText()).isEqualTo("DONE");
        assertThat(system(status, "DEVICE_CERTIFICATES").get("method").asText()).isEqualTo("MANUAL");
        assertThat(system(status, "DEVICE_CERTIFICATES").get("state").asText()).isEqualTo("PENDING");
        assertThat(system(status, "REMOTE_ACCOUNTS").get("state").asText()).isEqualTo("PENDING");
        assertThat(STUB.received(StubSystems.CERTIFICATES)).isEmpty();

        Response all = staff.post("/api/v1/retirements/" + id + "/deprovisioning", RetirementWorkflowTests.ALL_SYSTEMS);
        assertThat(all.status()).isEqualTo(400);
        assertThat(all.json().get("rule").asText()).isEqualTo("already-deprovisioned");
        assertThat(all.json().get("errors").get(0).get("field").asText()).isEqualTo("systems");
        assertThat(all.json().get("detail").asText()).contains("MDM", "DIRECTORY", "connectors");
        Response one = staff.post("/api/v1/retirements/" + id + "/deprovisioning", """
                {"systems": [{"system": "DEVICE_CERTIFICATES", "outcome": "DONE", "evidence": "CHG-1"}]}""");
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.json().get("rule").asText()).isEqualTo("every-system");
        assertThat(one.json().get("detail").asText()).contains("REMOTE_ACCOUNTS").doesNotContain("MDM");
        Response attested = staff.post("/api/v1/retirements/" + id + "/deprovisioning", """
                {"systems": [
                  {"system": "DEVICE_CERTIFICATES", "outcome": "DONE", "evidence": "2 certificates revoked, CHG-1"},
                  {"system": "REMOTE_ACCOUNTS", "outcome": "NOT_APPLICABLE", "evidence": "no paired accounts"}]}""");
        assertThat(attested.status()).as(attested.text()).isEqualTo(200);
        assertThat(runJobs(id)).isEmpty();

        assertThat(waitingAt(id)).containsExactly("Task_SanitizeMedium");
        status = staff.get("/api/v1/retirements/" + id + "/deprovisioning").json();
        assertThat(status.get("systems")).allSatisfy(s -> assertThat(s.get("state").asText()).isEqualTo("DONE"));
        JsonNode certificates = system(status, "DEVICE_CERTIFICATES");
        assertThat(certificates.get("method").asText()).isEqualTo("MANUAL");
        assertThat(certificates.get("recordedBy").asText()).isEqualTo(staff.get("/api/v1/me").json().get("id").asText());
        assertThat(certificates.get("evidence").asText()).isEqualTo("2 certificates revoked, CHG-1");
        assertThat(events(laptop, "DEPROVISIONED")).extracting(e -> e.get("data").get("system").asText())
                .containsExactlyInAnyOrder("MDM", "DIRECTORY", "DEVICE_CERTIFICATES", "REMOTE_ACCOUNTS");
        assertThat(visited(id)).containsSubsequence("Task_RunDeprovisioningConnectors", "Gateway_ManualDeprovisioning",
                "Task_AttestDeprovisioning", "Gateway_DeprovisioningDone");
    }
}
