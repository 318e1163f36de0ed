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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Three assets from registration to closure through the REST API only, each step done by the right user, including
 * the vendor's: certificates issued and verifiable, seats freed, the custody audit passes and every chain shows the
 * steps in order.
 */
class RetirementEndToEndTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void threeAssetsGoFromRequestToACertificateOfDispositionWithEveryStepInTheCustodyChain() {
        ApiClient staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
        ApiClient manager = ApiClient.withToken(port, users.tokenFor(Role.ASSET_MANAGER));
        ApiClient verifier = ApiClient.withToken(port, users.tokenFor(Role.VERIFIER));
        ApiClient admin = ApiClient.withToken(port, users.tokenFor(Role.ADMIN));
        ApiClient compliance = ApiClient.withToken(port, users.tokenFor(Role.COMPLIANCE));
        UUID vendorId = users.vendorId("E2E Recycler " + UUID.randomUUID());
        ApiClient vendor = ApiClient.withToken(port, users.tokenForVendor(vendorId));
        ApiClient otherVendor = ApiClient.withToken(port, users.tokenForVendor(users.vendorId("Other " + UUID.randomUUID())));
        assertThat(admin.post("/api/v1/vendors/" + vendorId + "/certifications", """
                {"scheme": "R2v3", "certificateId": "R2-98765", "issuer": "SERI auditor", "validFrom": "%s",
                 "validUntil": "%s"}""".formatted(LocalDate.now().minusYears(1), LocalDate.now().plusYears(1)))
                .status()).isEqualTo(201);

        // three assets, one with a license seat
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<JsonNode> assets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String media = i == 0
                    ? "[{\"mediaType\": \"NVME\", \"serialNumber\": \"E2E-N-" + run + "\", \"selfEncrypting\": true},"
                            + " {\"mediaType\": \"SSD_SATA\", \"serialNumber\": \"E2E-S-" + run + "\"}]"
                    : "[{\"mediaType\": \"HDD_ATA\", \"serialNumber\": \"E2E-H" + i + "-" + run + "\"}]";
            Response registered = staff.post("/api/v1/assets", """
                    {"tag": "E2E-%d-%s", "serialNumber": "SER-%d-%s", "type": "LAPTOP", "make": "Dell",
                     "model": "Latitude", "media": %s}""".formatted(i, run, i, run, media));
            assertThat(registered.status()).as(registered.text()).isEqualTo(201);
            assets.add(registered.json());
        }
        String pool = manager.post("/api/v1/license-pools", "{\"publisher\": \"Contoso\", \"product\": \"Suite " + run
                + "\", \"metric\": \"PER_DEVICE\", \"seatsOwned\": 5}").json().get("id").asText();
        staff.post("/api/v1/license-pools/" + pool + "/seats", "{\"assetId\": \"" + id(assets.get(0)) + "\"}");

        // request, approve, confirm backup, de-provision
        List<String> retirements = new ArrayList<>();
        for (JsonNode asset : assets) {
            retirements.add(staff.post("/api/v1/retirements", """
                    {"assetId": "%s", "reason": "Refresh cycle", "confidentiality": "MODERATE",
                     "destination": "LEAVES_ORGANISATION"}""".formatted(id(asset))).json().get("id").asText());
        }
        for (String r : retirements) {
            awaitTask(manager, r, "Task_ApproveRetirement");
            assertThat(manager.post("/api/v1/retirements/" + r + "/decision", "{\"approve\": true}").status())
                    .isEqualTo(200);
            assertThat(staff.post("/api/v1/retirements/" + r + "/backup-confirmation",
                    "{\"backupLocation\": \"Vault 3\"}").status()).isEqualTo(200);
            awaitTask(staff, r, "Task_AttestDeprovisioning");
            assertThat(staff.post("/api/v1/retirements/" + r + "/deprovisioning",
                    RetirementWorkflowTests.ALL_SYSTEMS).status()).isEqualTo(200);
        }
        // sanitize and verify every medium
        for (int i = 0; i < 3; i++) {
            String r = retirements.get(i);
            for (JsonNode medium : assets.get(i).get("media")) {
                String path = "/api/v1/retirements/" + r + "/media/" + id(medium);
                await().atMost(Duration.ofSeconds(30)).until(() -> hasTask(staff, r, "Task_SanitizeMedium",
                        id(medium)));
                assertThat(staff.post(path + "/sanitization", sanitization()).status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(30)).until(() -> hasTask(verifier, r, "Task_VerifyMedium",
                        id(medium)));
                assertThat(verifier.post(path + "/verification", verification()).status()).isEqualTo(200);
            }
        }
        // handoff: lot, sign-off, pickup, receipt with a discrepancy, resolution
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            items.append(i == 0 ? "" : ",").append("{\"retirementId\": \"").append(retirements.get(i))
                    .append("\", \"sealNumber\": \"SEAL-").append(i).append("\"}");
        }
        String lotBody = "{\"vendorId\": \"" + vendorId + "\", \"items\": [" + items + "], \"carrier\": \"DHL\","
                + " \"trackingNumber\": \"JD0001\", \"pickupContact\": \"Dock 4, J. Doe\"}";
        String[] lot = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response created = staff.post("/api/v1/lots", lotBody);
            if (created.status() == 201) {
                lot[0] = created.json().get("id").asText();
                return true;
            }
            assertThat(created.json().get("rule").asText()).isEqualTo("not-ready-for-handoff");
            return false;
        });
        String lotPath = "/api/v1/lots/" + lot[0];
        awaitLotStep(staff, lotPath, "Task_SignOffManifest");
        assertThat(staff.post(lotPath + "/sign-off", null).json().get("manifestSha256").asText()).hasSize(64);
        awaitLotStep(staff, lotPath, "Task_ConfirmPickup");
        assertThat(otherVendor.get(lotPath).status()).isEqualTo(404);
        assertThat(otherVendor.post(lotPath + "/pickup", null).status()).isEqualTo(404);
        assertThat(vendor.post(lotPath + "/pickup", null).status()).isEqualTo(200);
        String receipt = "{\"serials\": [\"" + assets.get(0).get("serialNumber").asText() + "\", \""
                + assets.get(1).get("serialNumber").asText() + "\", \"STRAY-" + run + "\"]}";
        JsonNode received = vendor.post(lotPath + "/receipt", receipt).json();
        assertThat(received.get("discrepancies")).hasSize(2);
        awaitLotStep(staff, lotPath, "Task_ResolveDiscrepancies");
        Response incomplete = staff.post(lotPath + "/discrepancy-resolution", "{\"resolutions\": [{\"serial\": \"STRAY-"
                + run + "\", \"resolution\": \"RETURNED_TO_SENDER\"}]}");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(staff.post(lotPath + "/discrepancy-resolution", "{\"resolutions\": [{\"serial\": \"STRAY-" + run
                + "\", \"resolution\": \"RETURNED_TO_SENDER\"}, {\"serial\": \""
                + assets.get(2).get("serialNumber").asText() + "\", \"resolution\": \"FOUND\"}]}").status())
                .isEqualTo(200);

        // vendor processing and settlement
        String[] dispositions = {
            "{\"grade\": \"A\", \"functional\": true, \"disposition\": \"RESALE\", \"dispositionDetails\":"
                    + " {\"salePrice\": 180, \"currency\": \"EUR\", \"buyerReference\": \"B-1\"},"
                    + " \"place\": \"Leipzig\", \"completedAt\": \"2026-01-10T10:00:00Z\"}",
            "{\"grade\": \"D\", \"functional\": false, \"disposition\": \"RECYCLING\", \"dispositionDetails\":"
                    + " {\"downstreamRecycler\": \"MetalCo\", \"recyclerCertification\": \"R2v3\", \"weightKg\": 2.1},"
                    + " \"place\": \"Leipzig\", \"completedAt\": \"2026-01-10T10:00:00Z\"}",
            "{\"grade\": \"SCRAP\", \"functional\": false, \"disposition\": \"DESTRUCTION\", \"details\": \"Shredded\","
                    + " \"dispositionDetails\": {\"destructionMethod\": \"Shredding\", \"witness\": \"K. Lee\"},"
                    + " \"particleSize\": \"20 mm\", \"place\": \"Leipzig\", \"completedAt\": \"2026-01-10T10:00:00Z\"}"};
        for (int i = 0; i < 3; i++) {
            String r = retirements.get(i);
            awaitTask(vendor, r, "Task_ProcessAsset");
            assertThat(otherVendor.post("/api/v1/retirements/" + r + "/vendor-processing", dispositions[i]).status())
                    .isEqualTo(404);
            assertThat(vendor.post("/api/v1/retirements/" + r + "/vendor-processing", dispositions[i]).status())
                    .isEqualTo(200);
            awaitTask(staff, r, "Task_SettleAsset");
            assertThat(staff.post("/api/v1/retirements/" + r + "/settlement",
                    "{\"valueRecovered\": " + (i == 0 ? 180 : 0) + ", \"fees\": 12.50, \"currency\": \"EUR\"}")
                    .status()).isEqualTo(200);
        }
        for (String r : retirements) {
            await().atMost(Duration.ofSeconds(60)).until(() -> staff.get("/api/v1/retirements/" + r).json()
                    .get("status").asText().equals("CLOSED"));
        }

        // the outcome
        for (JsonNode asset : assets) {
            assertThat(staff.get("/api/v1/assets/" + id(asset)).json().get("status").asText()).isEqualTo("DISPOSED");
            JsonNode certificates = verifier.get("/api/v1/certificates?assetId=" + id(asset)).json().get("content");
            assertThat(certificates).hasSize(asset.get("media").size() + 1);
            for (JsonNode certificate : certificates) {
                assertThat(ApiClient.anonymous(port).get("/api/v1/public/certificates/"
                        + certificate.get("number").asText() + "/verification").json().get("verdict").asText())
                        .isEqualTo("VALID");
            }
        }
        assertThat(staff.get("/api/v1/assets/" + id(assets.get(0)) + "/seats").json()).isEmpty();
        Response audit = compliance.post("/api/v1/custody/checkpoints", null);
        assertThat(audit.status()).isLessThan(300);
        String auditId = compliance.post("/api/v1/custody/audits", null).json().get("id").asText();
        JsonNode done = await().atMost(Duration.ofMinutes(2)).until(() -> compliance.get("/api/v1/custody/audits/"
                + auditId).json(), s -> s.hasNonNull("report"));
        assertThat(done.get("report").get("ok").asBoolean()).as(done.toString()).isTrue();
        JsonNode chain = compliance.get("/api/v1/custody/assets/" + id(assets.get(2)) + "/chain").json();
        List<String> types = new ArrayList<>();
        chain.get("links").forEach(l -> types.add(RetirementWorkflowTestsAccess.type(l.get("envelope").asText())));
        assertThat(types).containsSubsequence("ASSET_REGISTERED", "RETIREMENT_REQUESTED", "RETIREMENT_APPROVED",
                "BACKUP_CONFIRMED", "DEPROVISIONED", "SANITIZATION_METHOD_DECIDED", "MEDIUM_SANITIZED",
                "SANITIZATION_VERIFIED", "CERTIFICATE_ISSUED", "LOT_ASSIGNED", "MANIFEST_SIGNED", "PICKED_UP",
                "RECEIPT_DISCREPANCY", "RECEIVED", "ASSET_GRADED", "ASSET_DESTROYED", "SETTLED", "CERTIFICATE_ISSUED",
                "RETIREMENT_CLOSED");
    }

    private static String id(JsonNode node) {
        return node.get("id").asText();
    }

    private static boolean hasTask(ApiClient client, String retirementId, String step, String mediumId) {
        for (JsonNode t : client.get("/api/v1/tasks?retirementId=" + retirementId).json()) {
            if (retirementId.equals(t.path("retirementId").asText()) && step.equals(t.get("step").asText())
                    && (mediumId == null || mediumId.equals(t.path("mediumId").asText()))) {
                return true;
            }
        }
        return false;
    }

    private static void awaitTask(ApiClient client, String retirementId, String step) {
        await().atMost(Duration.ofSeconds(60)).until(() -> hasTask(client, retirementId, step, null));
    }

    private static void awaitLotStep(ApiClient client, String lotPath, String step) {
        await().atMost(Duration.ofSeconds(30)).until(() -> step.equals(client.get(lotPath).json().path("openTask")
                .asText()));
    }

    private static String sanitization() {
        return """
                {"performedBy": {"name": "Alex Operator", "title": "Technician", "organisation": "Example Corp IT"},
                 "technique": "OVERWRITE", "methodDetails": "ATA SANITIZE overwrite", "tool": "hdparm",
                 "toolVersion": "9.65", "verificationMethod": "QUICK_SAMPLING", "passed": true,
                 "postSanitizationClassification": "Unclassified", "completedAt": "2026-01-05T10:00:00Z"}""";
    }

    private static String verification() {
        return """
                {"verifiedBy": {"name": "Sam Verifier", "title": "Verifier", "organisation": "Example Corp IT"},
                 "method": "FULL", "passed": true, "notes": "Full read-back"}""";
    }
}
