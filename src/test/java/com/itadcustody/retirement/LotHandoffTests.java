package com.itadcustody.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The lot handoff's failure paths: an uncertified vendor, an asset lost in transit, another vendor's reach. */
class LotHandoffTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    RuntimeService runtime;

    ApiClient staff;
    ApiClient manager;
    ApiClient verifier;
    ApiClient admin;

    @BeforeEach
    void signIn() {
        staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
        manager = ApiClient.withToken(port, users.tokenFor(Role.ASSET_MANAGER));
        verifier = ApiClient.withToken(port, users.tokenFor(Role.VERIFIER));
        admin = ApiClient.withToken(port, users.tokenFor(Role.ADMIN));
    }

    @Test
    void aVendorWithoutAValidCertificationBlocksTheHandoffUntilOneIsRecorded() {
        UUID vendorId = users.vendorId("Uncertified " + UUID.randomUUID());
        certify(vendorId, LocalDate.now().minusYears(2), LocalDate.now().minusDays(1));
        String retirement = readyForHandoff();
        String lot = lot(vendorId, retirement);
        staff.post("/api/v1/lots/" + lot + "/sign-off", null);

        awaitLotStep(lot, "Task_HandoffBlocked");
        ApiClient vendor = ApiClient.withToken(port, users.tokenForVendor(vendorId));
        assertThat(vendor.post("/api/v1/lots/" + lot + "/pickup", null).json().get("rule").asText())
                .isEqualTo("step-not-open");
        staff.post("/api/v1/lots/" + lot + "/handoff-retry", null);
        awaitLotStep(lot, "Task_HandoffBlocked");

        certify(vendorId, LocalDate.now().minusDays(1), LocalDate.now().plusYears(1));
        staff.post("/api/v1/lots/" + lot + "/handoff-retry", null);
        awaitLotStep(lot, "Task_ConfirmPickup");
        assertThat(vendor.post("/api/v1/lots/" + lot + "/pickup", null).status()).isEqualTo(200);
    }

    @Test
    void aMissingAssetDeclaredLostInTransitEndsItsRetirementAndOpensAnIncident() {
        UUID vendorId = users.vendorId("Certified " + UUID.randomUUID());
        certify(vendorId, LocalDate.now().minusDays(10), LocalDate.now().plusYears(1));
        String retirement = readyForHandoff();
        JsonNode asset = staff.get("/api/v1/assets/" + staff.get("/api/v1/retirements/" + retirement).json()
                .get("assetId").asText()).json();
        String lot = lot(vendorId, retirement);
        staff.post("/api/v1/lots/" + lot + "/sign-off", null);
        awaitLotStep(lot, "Task_ConfirmPickup");
        ApiClient vendor = ApiClient.withToken(port, users.tokenForVendor(vendorId));
        ApiClient stranger = ApiClient.withToken(port, users.tokenForVendor(users.vendorId("Stranger "
                + UUID.randomUUID())));
        assertThat(stranger.get("/api/v1/tasks").json()).noneSatisfy(t -> assertThat(t.path("lotId").asText())
                .isEqualTo(lot));
        assertThat(vendor.get("/api/v1/tasks").json()).anySatisfy(t -> assertThat(t.path("lotId").asText())
                .isEqualTo(lot));
        vendor.post("/api/v1/lots/" + lot + "/pickup", null);
        awaitLotStep(lot, "Task_ReconcileReceipt");

        JsonNode received = vendor.post("/api/v1/lots/" + lot + "/receipt", "{\"serials\": []}").json();
        assertThat(received.get("discrepancies")).singleElement()
                .satisfies(d -> assertThat(d.get("kind").asText()).isEqualTo("MISSING"));
        awaitLotStep(lot, "Task_ResolveDiscrepancies");
        Response wrong = staff.post("/api/v1/lots/" + lot + "/discrepancy-resolution", "{\"resolutions\": [{\"serial\":"
                + " \"" + asset.get("serialNumber").asText() + "\", \"resolution\": \"RETURNED_TO_SENDER\"}]}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("rule").asText()).isEqualTo("resolve-every-discrepancy");
        assertThat(staff.post("/api/v1/lots/" + lot + "/discrepancy-resolution", "{\"resolutions\": [{\"serial\": \""
                + asset.get("serialNumber").asText() + "\", \"resolution\": \"LOST_IN_TRANSIT\"}]}").status())
                .isEqualTo(200);

        assertThat(staff.get("/api/v1/assets/" + asset.get("id").asText()).json().get("status").asText())
                .isEqualTo("LOST");
        assertThat(staff.get("/api/v1/retirements/" + retirement).json().get("status").asText()).isEqualTo("LOST");
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(retirement).count() == 0);
    }

    /** Registers an asset and drives its retirement to the wait for a lot; returns the retirement id. */
    private String readyForHandoff() {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonNode asset = staff.post("/api/v1/assets", """
                {"tag": "LH-%s", "serialNumber": "LHS-%s", "type": "DESKTOP",
                 "media": [{"mediaType": "HDD_ATA", "serialNumber": "LHM-%s"}]}""".formatted(run, run, run)).json();
        String retirement = staff.post("/api/v1/retirements", """
                {"assetId": "%s", "reason": "Lot test", "confidentiality": "LOW", "destination": "INTERNAL_REUSE"}"""
                .formatted(asset.get("id").asText())).json().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "Task_ApproveRetirement".equals(
                staff.get("/api/v1/retirements/" + retirement).json().path("openTask").asText()));
        manager.post("/api/v1/retirements/" + retirement + "/decision", "{\"approve\": true}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "Task_AttestDeprovisioning".equals(
                staff.get("/api/v1/retirements/" + retirement).json().path("openTask").asText()));
        staff.post("/api/v1/retirements/" + retirement + "/deprovisioning", RetirementWorkflowTests.ALL_SYSTEMS);
        String medium = "/api/v1/retirements/" + retirement + "/media/" + asset.get("media").get(0).get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "Task_SanitizeMedium".equals(
                staff.get("/api/v1/retirements/" + retirement).json().path("openTask").asText()));
        assertThat(staff.post(medium + "/sanitization", """
                {"performedBy": {"name": "Alex Operator", "title": "Technician", "organisation": "Example Corp IT"},
                 "technique": "OVERWRITE", "tool": "nwipe", "toolVersion": "0.37", "verificationMethod": "FULL",
                 "passed": true, "postSanitizationClassification": "Unclassified",
                 "completedAt": "2026-01-05T10:00:00Z"}""").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Task_VerifyMedium".equals(
                staff.get("/api/v1/retirements/" + retirement).json().path("openTask").asText()));
        assertThat(verifier.post(medium + "/verification", """
                {"verifiedBy": {"name": "Sam Verifier", "title": "Verifier", "organisation": "Example Corp IT"},
                 "method": "FULL", "passed": true}""").status()).isEqualTo(200);
        return retirement;
    }

    private String lot(UUID vendorId, String retirement) {
        String body = "{\"vendorId\": \"" + vendorId + "\", \"items\": [{\"retirementId\": \"" + retirement
                + "\"}], \"carrier\": \"UPS\", \"pickupContact\": \"Front desk\"}";
        String[] lot = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response created = staff.post("/api/v1/lots", body);
            lot[0] = created.status() == 201 ? created.json().get("id").asText() : null;
            return lot[0] != null;
        });
        awaitLotStep(lot[0], "Task_SignOffManifest");
        return lot[0];
    }

    private void certify(UUID vendorId, LocalDate from, LocalDate until) {
        assertThat(admin.post("/api/v1/vendors/" + vendorId + "/certifications", """
                {"scheme": "R2v3", "certificateId": "R2-%s", "issuer": "SERI", "validFrom": "%s", "validUntil": "%s"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), from, until)).status()).isEqualTo(201);
    }

    private void awaitLotStep(String lot, String step) {
        await().atMost(Duration.ofSeconds(30)).until(() -> step.equals(staff.get("/api/v1/lots/" + lot).json()
                .path("openTask").asText()));
    }
}
