package com.itadcustody.partner.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import com.itadcustody.vendor.LotFlow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vendors' systems post signed events to {@code /api/v1/partner/webhooks/{vendorId}}: a good delivery is applied as
 * that vendor, once per idempotency key; a bad signature, a stale or future timestamp, an unknown vendor, another
 * vendor's lot, malformed JSON and missing fields are each refused and change nothing.
 */
class WebhookTests extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    LotFlow flow;
    UUID vendorA;
    String secretA;
    UUID vendorB;
    String secretB;

    @BeforeEach
    void twoVendorsWithSecrets() {
        flow = new LotFlow(port, users);
        ApiClient admin = ApiClient.withToken(port, users.tokenFor(Role.ADMIN));
        vendorA = users.vendorId("Webhook A " + UUID.randomUUID());
        vendorB = users.vendorId("Webhook B " + UUID.randomUUID());
        flow.certify(vendorA, LocalDate.now().minusYears(1), LocalDate.now().plusYears(1));
        secretA = admin.post("/api/v1/vendors/" + vendorA + "/webhook-secret", null).json().get("secret").asText();
        secretB = admin.post("/api/v1/vendors/" + vendorB + "/webhook-secret", null).json().get("secret").asText();
    }

    @Test
    void appliesSignedPickupAndReceiptAndAnswersARedeliveryWithTheFirstResult() throws Exception {
        LotFlow.Ready ready = flow.readyForHandoff();
        String lot = lotAwaitingPickup(ready);
        String pickup = "{\"event\": \"pickup_confirmed\", \"lotId\": \"" + lot + "\"}";

        Answer first = deliver(vendorA, secretA, now(), "pickup-" + lot, pickup);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("lotStatus").asText()).isEqualTo("PICKED_UP");
        assertThat(first.json().get("replayed").asBoolean()).isFalse();
        flow.awaitLotStep(lot, "Task_ReconcileReceipt");
        assertThat(flow.lot(lot).get("status").asText()).isEqualTo("PICKED_UP");

        Answer again = deliver(vendorA, secretA, now(), "pickup-" + lot, pickup);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.replayedHeader()).isTrue();
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(again.json().get("deliveryId")).isEqualTo(first.json().get("deliveryId"));
        assertThat(appliedDeliveries(vendorA, "pickup-" + lot)).isEqualTo(1);
        assertThat(custodyEvents(ready.assetSerial(), "PICKED_UP")).isEqualTo(1);

        Answer reused = deliver(vendorA, secretA, now(), "pickup-" + lot, pickup.replace("}", ", \"serials\": []}"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("rule").asText()).isEqualTo("idempotency-key-reused");

        Answer received = deliver(vendorA, secretA, now(), "receipt-" + lot, """
                {"event": "received", "lotId": "%s", "serials": ["%s"]}""".formatted(lot, ready.assetSerial()));

        assertThat(received.status()).as(received.body()).isEqualTo(200);
        assertThat(received.json().get("openDiscrepancies")).isEmpty();
        assertThat(flow.lot(lot).get("items").get(0).get("outcome").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void recordsGradingAndDispositionAsOneProcessedEvent() throws Exception {
        LotFlow.Ready ready = flow.readyForHandoff();
        String lot = lotAwaitingPickup(ready);
        assertThat(deliver(vendorA, secretA, now(), "p-" + lot, "{\"event\": \"pickup_confirmed\", \"lotId\": \""
                + lot + "\"}").status()).isEqualTo(200);
        flow.awaitLotStep(lot, "Task_ReconcileReceipt");
        assertThat(deliver(vendorA, secretA, now(), "r-" + lot, """
                {"event": "received", "lotId": "%s", "serials": ["%s"]}""".formatted(lot, ready.assetSerial()))
                .status()).isEqualTo(200);
        flow.awaitRetirementStep(ready.retirementId(), "Task_ProcessAsset");
        String processed = """
                {"event": "processed", "lotId": "%s", "assetSerial": "%s", "processing": {
                  "grade": "B", "functional": true, "disposition": "RESALE",
                  "dispositionDetails": {"salePrice": 120, "currency": "EUR", "buyerReference": "REF-77"},
                  "place": "Berlin plant",
                  "completedAt": "2026-01-10T09:00:00Z"}}""".formatted(lot, ready.assetSerial());

        Answer answer = deliver(vendorA, secretA, now(), "g-" + lot, processed);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("retirementId").asText()).isEqualTo(ready.retirementId());
        assertThat(custodyEvents(ready.assetSerial(), "ASSET_GRADED")).isEqualTo(1);
        assertThat(custodyEvents(ready.assetSerial(), "ASSET_SOLD")).isEqualTo(1);
        flow.awaitRetirementStep(ready.retirementId(), "Task_SettleAsset");
    }

    @Test
    void recordsAnOnSiteSanitizationByMediumSerialAndRefusesItToAnotherVendor() throws Exception {
        LotFlow.OnSite onSite = flow.awaitingOnSiteSanitization(vendorA);
        String sanitized = """
                {"event": "sanitized", "retirementId": "%s", "mediumSerial": "%s", "sanitization": {
                  "performedBy": {"name": "Kim Field", "title": "Field engineer", "organisation": "Webhook A"},
                  "technique": "OVERWRITE", "tool": "nwipe", "toolVersion": "0.37", "verificationMethod": "FULL",
                  "passed": true, "postSanitizationClassification": "Unclassified",
                  "completedAt": "2026-01-05T10:00:00Z"}}""".formatted(onSite.retirementId(), onSite.mediumSerial());

        Answer foreign = deliver(vendorB, secretB, now(), "s-" + onSite.mediumSerial(), sanitized);

        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(flow.retirement(onSite.retirementId()).path("openTask").asText()).isEqualTo("Task_SanitizeMedium");

        Answer answer = deliver(vendorA, secretA, now(), "s-" + onSite.mediumSerial(), sanitized);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        flow.awaitRetirementStep(onSite.retirementId(), "Task_VerifyMedium");
        assertThat(appliedDeliveries(vendorA, "s-" + onSite.mediumSerial())).isEqualTo(1);
        assertThat(appliedDeliveries(vendorB, "s-" + onSite.mediumSerial())).isZero();
    }

    @Test
    void refusesEveryBadDeliveryAndAppliesNothing() throws Exception {
        LotFlow.Ready ready = flow.readyForHandoff();
        String lot = lotAwaitingPickup(ready);
        String pickup = "{\"event\": \"pickup_confirmed\", \"lotId\": \"" + lot + "\"}";
        long now = now();

        Answer badSignature = deliver(vendorA, secretB, now, "k1", pickup);
        Answer unknownVendor = deliver(UUID.randomUUID(), secretA, now, "k2", pickup);
        Answer tooOld = deliver(vendorA, secretA, now - 301, "k3", pickup);
        Answer tooNew = deliver(vendorA, secretA, now + 301, "k4", pickup);
        Answer otherVendorsLot = deliver(vendorB, secretB, now, "k5", pickup);
        Answer malformed = deliver(vendorA, secretA, now, "k6", "{\"event\": \"pickup_confirmed\", ");
        Answer missingLot = deliver(vendorA, secretA, now, "k7", "{\"event\": \"pickup_confirmed\"}");
        Answer unknownEvent = deliver(vendorA, secretA, now, "k8", "{\"event\": \"teleported\", \"lotId\": \""
                + lot + "\"}");
        Answer tamperedBody = send(vendorA, now, "k9", pickup.replace("pickup_confirmed", "received"),
                signature(secretA, now, pickup));
        Answer noKey = send(vendorA, now, null, pickup, signature(secretA, now, pickup));

        assertProblem(badSignature, 401, "webhook-signature");
        assertProblem(unknownVendor, 401, "webhook-signature");
        assertThat(unknownVendor.json().get("detail")).isEqualTo(badSignature.json().get("detail"));
        assertProblem(tooOld, 401, "webhook-timestamp");
        assertProblem(tooNew, 401, "webhook-timestamp");
        assertProblem(otherVendorsLot, 404, "not-found");
        assertThat(otherVendorsLot.body()).doesNotContain(vendorA.toString());
        assertProblem(malformed, 400, "malformed-body");
        assertProblem(missingLot, 400, "validation");
        assertThat(missingLot.json().get("errors").findValuesAsText("field")).containsExactly("lotId");
        assertProblem(unknownEvent, 400, "validation");
        assertThat(unknownEvent.json().get("errors").findValuesAsText("field")).containsExactly("event");
        assertProblem(tamperedBody, 401, "webhook-signature");
        assertProblem(noKey, 400, "header-required");
        assertThat(noKey.json().get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");

        assertThat(flow.lot(lot).get("status").asText()).isEqualTo("SIGNED_OFF");
        assertThat(flow.lot(lot).get("openTask").asText()).isEqualTo("Task_ConfirmPickup");
        assertThat(custodyEvents(ready.assetSerial(), "PICKED_UP")).isZero();
        assertThat(jdbc.sql("select count(*) from webhook_delivery where outcome = 'APPLIED' and vendor_id in (?, ?)")
                .param(vendorA).param(vendorB).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select outcome || ' ' || http_status from webhook_delivery where vendor_id = ?"
                + " and idempotency_key = 'k5'").param(vendorB).query(String.class).list())
                .containsExactly("REJECTED 404");

        Answer afterAll = deliver(vendorA, secretA, now(), "k7", pickup);
        assertThat(afterAll.status()).as("a key whose delivery was refused may be used again").isEqualTo(200);
    }

    @Test
    void refusesABodyOverTheSizeLimit() throws Exception {
        String body = "{\"event\": \"received\", \"lotId\": \"" + UUID.randomUUID() + "\", \"serials\": [\""
                + "X".repeat(300 * 1024) + "\"]}";
        long now = now();

        Answer answer = deliver(vendorA, secretA, now, "big", body);

        assertProblem(answer, 413, "body-too-large");
    }

    private String lotAwaitingPickup(LotFlow.Ready ready) {
        String lot = flow.lotSignedOff(vendorA, ready.retirementId());
        flow.awaitLotStep(lot, "Task_ConfirmPickup");
        return lot;
    }

    private long appliedDeliveries(UUID vendor, String key) {
        return jdbc.sql("select count(*) from webhook_delivery where vendor_id = ? and idempotency_key = ?"
                + " and outcome = 'APPLIED'").param(vendor).param(key).query(Long.class).single();
    }

    /** Events of this type on the asset's chain, whether still in the custody inbox or sequenced (one snapshot). */
    private long custodyEvents(String assetSerial, String type) {
        return jdbc.sql("""
                select (select count(*) from custody_inbox i join asset a on a.id = i.asset_id
                        where a.serial_number = :serial and i.type = :type)
                     + (select count(*) from custody_entry e join asset a on a.id = e.asset_id
                        where a.serial_number = :serial and convert_from(e.envelope, 'UTF8') like :pattern)""")
                .param("serial", assetSerial).param("type", type).param("pattern", "%\"type\":\"" + type + "\"%")
                .query(Long.class).single();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    static String signature(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private Answer deliver(UUID vendor, String secret, long timestamp, String key, String body) throws Exception {
        return send(vendor, timestamp, key, body, signature(secret, timestamp, body));
    }

    private Answer send(UUID vendor, long timestamp, String key, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/partner/webhooks/" + vendor))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-ITAD-Timestamp", Long.toString(timestamp))
                .header("X-ITAD-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Idempotent-Replayed").isPresent(), response.body());
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).endsWith("/" + type);
    }

    record Answer(int status, String contentType, boolean replayedHeader, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }
}
