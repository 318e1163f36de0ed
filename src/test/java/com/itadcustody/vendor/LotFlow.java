package com.itadcustody.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.TestUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Drives retirements and lots through the REST API up to the vendor's steps, for the vendor and webhook tests:
 * an asset ready for handoff, a lot signed off for a vendor, a vendor certified for a period.
 */
public final class LotFlow {

    private static final String ALL_SYSTEMS = """
            {"systems": [
              {"system": "MDM", "outcome": "DONE", "evidence": "MDM retire"},
              {"system": "DIRECTORY", "outcome": "DONE", "evidence": "directory object disabled"},
              {"system": "DEVICE_CERTIFICATES", "outcome": "DONE", "evidence": "certificates revoked"},
              {"system": "REMOTE_ACCOUNTS", "outcome": "NOT_APPLICABLE", "evidence": "none"}]}""";

    private final ApiClient staff;
    private final ApiClient manager;
    private final ApiClient verifier;
    private final ApiClient admin;

    /** A driver acting as the shared test users of each role. */
    public LotFlow(int port, TestUsers users) {
        staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
        manager = ApiClient.withToken(port, users.tokenFor(Role.ASSET_MANAGER));
        verifier = ApiClient.withToken(port, users.tokenFor(Role.VERIFIER));
        admin = ApiClient.withToken(port, users.tokenFor(Role.ADMIN));
    }

    /** Records an R2v3 certification of the vendor valid from {@code from} to {@code until}. */
    public void certify(UUID vendorId, LocalDate from, LocalDate until) {
        assertThat(admin.post("/api/v1/vendors/" + vendorId + "/certifications", """
                {"scheme": "R2V3", "certificateId": "R2-%s", "issuer": "SERI", "validFrom": "%s", "validUntil": "%s"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), from, until)).status()).isEqualTo(201);
    }

    /** Registers an asset with one medium and drives its retirement to the wait for a lot; returns its ids. */
    public Ready readyForHandoff() {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonNode asset = staff.post("/api/v1/assets", """
                {"tag": "VF-%s", "serialNumber": "VFS-%s", "type": "DESKTOP",
                 "media": [{"mediaType": "HDD_ATA", "serialNumber": "VFM-%s"}]}""".formatted(run, run, run)).json();
        String retirement = staff.post("/api/v1/retirements", """
                {"assetId": "%s", "reason": "Vendor test", "confidentiality": "LOW", "destination": "INTERNAL_REUSE"}"""
                .formatted(asset.get("id").asText())).json().get("id").asText();
        awaitRetirementStep(retirement, "Task_ApproveRetirement");
        manager.post("/api/v1/retirements/" + retirement + "/decision", "{\"approve\": true}");
        awaitRetirementStep(retirement, "Task_AttestDeprovisioning");
        assertThat(staff.post("/api/v1/retirements/" + retirement + "/deprovisioning", ALL_SYSTEMS).status())
                .isEqualTo(200);
        String medium = "/api/v1/retirements/" + retirement + "/media/" + asset.get("media").get(0).get("id").asText();
        awaitRetirementStep(retirement, "Task_SanitizeMedium");
        assertThat(staff.post(medium + "/sanitization", """
                {"performedBy": {"name": "Alex Operator", "title": "Technician", "organisation": "Example Corp IT"},
                 "technique": "OVERWRITE", "tool": "nwipe", "toolVersion": "0.37", "verificationMethod": "FULL",
                 "passed": true, "postSanitizationClassification": "Unclassified",
                 "completedAt": "2026-01-05T10:00:00Z"}""").status()).isEqualTo(200);
        awaitRetirementStep(retirement, "Task_VerifyMedium");
        assertThat(verifier.post(medium + "/verification", """
                {"verifiedBy": {"name": "Sam Verifier", "title": "Verifier", "organisation": "Example Corp IT"},
                 "method": "FULL", "passed": true}""").status()).isEqualTo(200);
        return new Ready(retirement, asset.get("serialNumber").asText());
    }

    /**
     * Registers an asset with one medium whose sanitization the vendor does on site and drives its retirement to
     * that step; returns the retirement id and the medium's serial.
     */
    public OnSite awaitingOnSiteSanitization(UUID vendorId) {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonNode asset = staff.post("/api/v1/assets", """
                {"tag": "OS-%s", "serialNumber": "OSS-%s", "type": "SERVER",
                 "media": [{"mediaType": "HDD_ATA", "serialNumber": "OSM-%s"}]}""".formatted(run, run, run)).json();
        String retirement = staff.post("/api/v1/retirements", """
                {"assetId": "%s", "reason": "On-site erasure", "confidentiality": "LOW",
                 "destination": "INTERNAL_REUSE", "sanitizationVendorId": "%s"}"""
                .formatted(asset.get("id").asText(), vendorId)).json().get("id").asText();
        awaitRetirementStep(retirement, "Task_ApproveRetirement");
        manager.post("/api/v1/retirements/" + retirement + "/decision", "{\"approve\": true}");
        awaitRetirementStep(retirement, "Task_AttestDeprovisioning");
        assertThat(staff.post("/api/v1/retirements/" + retirement + "/deprovisioning", ALL_SYSTEMS).status())
                .isEqualTo(200);
        awaitRetirementStep(retirement, "Task_SanitizeMedium");
        return new OnSite(retirement, asset.get("media").get(0).get("serialNumber").asText());
    }

    /** A retirement whose medium waits for the vendor's on-site sanitization, and that medium's serial. */
    public record OnSite(String retirementId, String mediumSerial) {
    }

    /** Makes a lot of the retirement for the vendor and signs its manifest off; returns the lot id. */
    public String lotSignedOff(UUID vendorId, String retirement) {
        String body = "{\"vendorId\": \"" + vendorId + "\", \"items\": [{\"retirementId\": \"" + retirement
                + "\"}], \"carrier\": \"UPS\", \"pickupContact\": \"Front desk\"}";
        String[] lot = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response created = staff.post("/api/v1/lots", body);
            lot[0] = created.status() == 201 ? created.json().get("id").asText() : null;
            return lot[0] != null;
        });
        awaitLotStep(lot[0], "Task_SignOffManifest");
        assertThat(staff.post("/api/v1/lots/" + lot[0] + "/sign-off", null).status()).isEqualTo(200);
        return lot[0];
    }

    /** The lot as IT staff see it. */
    public JsonNode lot(String lot) {
        return staff.get("/api/v1/lots/" + lot).json();
    }

    /** The retirement as IT staff see it. */
    public JsonNode retirement(String retirement) {
        return staff.get("/api/v1/retirements/" + retirement).json();
    }

    /** Waits until the lot waits at that step. */
    public void awaitLotStep(String lot, String step) {
        await().atMost(Duration.ofSeconds(30)).until(() -> step.equals(lot(lot).path("openTask").asText()));
    }

    /** Waits until the retirement waits at that step. */
    public void awaitRetirementStep(String retirement, String step) {
        await().atMost(Duration.ofSeconds(30)).until(() -> step.equals(retirement(retirement).path("openTask")
                .asText()));
    }

    /** A retirement ready for a lot and its asset's serial. */
    public record Ready(String retirementId, String assetSerial) {
    }
}
