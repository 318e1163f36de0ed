package com.itadcustody.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.notification.MailServer.Received;
import com.itadcustody.retirement.Escalations;
import com.itadcustody.retirement.SlaBreached;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.vendor.VendorContact;
import com.itadcustody.vendor.Vendors;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The notification mails against a real SMTP server: the vendor hears of a lot ready for pickup, IT staff of
 * receipt discrepancies and failed sanitizations, the asset managers of SLA breaches, each once, with a link to a
 * page that exists; an SMTP outage delays the mail but not the workflow step.
 */
class NotificationMailTests extends MailIntegrationTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
    private static final Actor ADMIN = new Actor(UUID.randomUUID(), "mail-test-admin", Set.of(Role.ADMIN), null);

    @Autowired
    Vendors vendors;

    @Autowired
    Escalations escalations;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    com.itadcustody.custody.CustodyLog custody;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    Person staff;
    Person otherStaff;
    Person manager;
    Person verifier;

    @BeforeEach
    void people() {
        staff = person(Role.IT_STAFF, null);
        otherStaff = person(Role.IT_STAFF, null);
        manager = person(Role.ASSET_MANAGER, null);
        verifier = person(Role.VERIFIER, null);
        disabled(Role.IT_STAFF);
        disabled(Role.ASSET_MANAGER);
    }

    @Test
    void mailsTheVendorsContactsWhenALotIsReadyAndItStaffWhenItsReceiptDoesNotMatch() {
        String run = run();
        UUID vendorId = vendors.register("Mail test recycler " + run, ADMIN).id();
        vendors.addCertification(vendorId, "R2v3", "R2-" + run, "SERI", LocalDate.now().minusDays(10),
                LocalDate.now().plusYears(1), ADMIN);
        String dispatch = "dispatch-" + run + "@recycler.example.test";
        vendors.addContact(vendorId, new VendorContact.Details("Dana Dispatch", "Logistics lead", dispatch, null,
                true), ADMIN);
        vendors.addContact(vendorId, new VendorContact.Details("Finn Finance", "Accounts",
                "finance-" + run + "@recycler.example.test", null, false), ADMIN);
        Person vendor = person(Role.VENDOR, vendorId);
        Retirement retirement = readyForHandoff();
        String lot = lot(vendorId, retirement.id());

        assertThat(staff.api().post("/api/v1/lots/" + lot + "/sign-off", null).status()).isEqualTo(200);

        Received ready = single("Lot ready for pickup", lot);
        assertThat(ready.to()).containsExactly(dispatch);
        assertThat(ready.from()).contains("itad@example.test");
        assertThat(ready.subject()).isEqualTo("Lot ready for pickup: 1 asset(s) for Mail test recycler " + run);
        String portalLink = PUBLIC_URL + "/portal/lots/" + lot;
        assertThat(ready.text()).contains(portalLink, "Carrier:        UPS", "Pickup contact: Front desk");
        assertThat(ready.html()).contains("href=\"" + portalLink + "\"");

        awaitLotStep(lot, "Task_ConfirmPickup");
        assertThat(vendor.api().post("/api/v1/lots/" + lot + "/pickup", null).status()).isEqualTo(200);
        awaitLotStep(lot, "Task_ReconcileReceipt");
        List<String> itStaff = addressesOf(Role.IT_STAFF);
        assertThat(vendor.api().post("/api/v1/lots/" + lot + "/receipt",
                "{\"serials\": [\"STRAY-" + run + "\"]}").status()).isEqualTo(200);

        List<Received> discrepancy = awaitMails("Receipt discrepancy in lot " + lot, itStaff.size());
        assertThat(discrepancy).flatMap(Received::to).containsExactlyInAnyOrderElementsOf(itStaff)
                .contains(staff.email(), otherStaff.email());
        String lotLink = PUBLIC_URL + "/api/v1/lots/" + lot;
        assertThat(discrepancy.get(0).text()).contains("Missing (on the manifest, not received):\n  - "
                + retirement.serial(), "Unexpected (received, not on the manifest):\n  - STRAY-" + run.toUpperCase(), lotLink);
        assertThat(linkOpens(lotLink, staff).get("id").asText()).isEqualTo(lot);
        assertThat(hasGetHandler("/portal/lots/" + lot)).as("the portal's lot page exists").isTrue();
    }

    @Test
    void aVendorWithoutNotificationContactsHearsThroughItsEnabledVendorUsers() {
        String run = run();
        UUID vendorId = vendors.register("Contactless recycler " + run, ADMIN).id();
        Person vendorUser = person(Role.VENDOR, vendorId);
        person(Role.VENDOR, vendors.register("Unrelated recycler " + run, ADMIN).id());
        UUID lot = UUID.randomUUID();

        publish(new com.itadcustody.retirement.LotReadyForPickup(lot, vendorId, 2, "DHL", null, "Dock 3", "ab12",
                Instant.now()));

        assertThat(single("Lot ready for pickup", lot.toString()).to()).containsExactly(vendorUser.email());
    }

    @Test
    void aFailedSanitizationAndAFailedVerificationAreMailedToItStaffWithALinkToTheRetirement() {
        Retirement retirement = requested();
        approveAndPrepare(retirement);
        List<String> itStaff = addressesOf(Role.IT_STAFF);

        assertThat(sanitize(retirement, false).status()).isEqualTo(200);
        List<Received> failed = awaitMails("Sanitization failed: medium " + retirement.medium() + ", attempt 1",
                itStaff.size());
        assertThat(failed).flatMap(Received::to).containsExactlyInAnyOrderElementsOf(itStaff);
        String link = PUBLIC_URL + "/api/v1/retirements/" + retirement.id();
        assertThat(failed.get(0).text()).contains("The sanitization of medium " + retirement.medium() + " failed",
                link);
        assertThat(linkOpens(link, staff).get("id").asText()).isEqualTo(retirement.id());

        awaitStep(retirement.id(), "Task_SanitizeMedium");
        assertThat(sanitize(retirement, true).status()).isEqualTo(200);
        awaitStep(retirement.id(), "Task_VerifyMedium");
        assertThat(verifier.api().post(retirement.mediumPath() + "/verification", """
                {"verifiedBy": {"name": "Sam Verifier", "title": "Verifier", "organisation": "Example Corp IT"},
                 "method": "FULL", "passed": false, "notes": "Readable sectors", "onFailure": "RESANITIZE"}""")
                .status()).isEqualTo(200);
        List<Received> unverified = awaitMails("Verification failed: medium " + retirement.medium() + ", attempt 2",
                itStaff.size());
        assertThat(unverified.get(0).text()).contains("data was found after sanitization", link);
    }

    @Test
    void anSlaBreachIsMailedToEveryEnabledAssetManagerOnceEvenWhenTheEventIsDeliveredTwice() {
        Person secondManager = person(Role.ASSET_MANAGER, null);
        Retirement retirement = requested();
        List<String> managers = addressesOf(Role.ASSET_MANAGER);
        SlaBreached breach = new SlaBreached(UUID.fromString(retirement.id()), null,
                List.of(UUID.fromString(retirement.assetId())), "Task_ApproveRetirement", "P3D",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));

        publish(breach);
        publish(breach);

        String subject = "SLA missed: the approval of the retirement (retirement " + retirement.id() + ")";
        List<Received> mails = awaitMails(subject, managers.size());
        assertThat(mails).flatMap(Received::to).containsExactlyInAnyOrderElementsOf(managers)
                .contains(manager.email(), secondManager.email());
        String link = PUBLIC_URL + "/api/v1/retirements/" + retirement.id();
        assertThat(mails.get(0).text()).contains("longer than its SLA of P3D", link);
        assertThat(linkOpens(link, manager).get("id").asText()).isEqualTo(retirement.id());
        await().atMost(MAIL_WAIT).until(() -> outbox(retirement.id()).stream()
                .allMatch(m -> m.get("status").asText().equals("SENT")));
        assertThat(outbox(retirement.id())).hasSize(managers.size());
        assertThat(SMTP.received(subject)).hasSize(managers.size());
    }

    @Test
    void anSmtpOutageDelaysTheMailButNotTheWorkflowStepAndTheMailGoesOutOnceTheServerIsBack() {
        Retirement retirement = requested();
        List<String> managers = addressesOf(Role.ASSET_MANAGER);
        SMTP.down();
        try {
            long before = custody.countEvents(UUID.fromString(retirement.assetId()));
            escalations.escalateRetirement(UUID.fromString(retirement.id()), "Task_ApproveRetirement", "P3D");

            assertThat(custody.countEvents(UUID.fromString(retirement.assetId()))).as("the escalation committed")
                    .isEqualTo(before + 1);
            await().atMost(MAIL_WAIT).until(() -> !outbox(retirement.id()).isEmpty() && outbox(retirement.id())
                    .stream().allMatch(m -> m.get("attempts").asInt() >= 2));
            assertThat(outbox(retirement.id())).hasSize(managers.size()).allSatisfy(m -> {
                assertThat(m.get("status").asText()).isEqualTo("PENDING");
                assertThat(m.get("lastError").asText()).containsIgnoringCase("connect");
            });
        } finally {
            SMTP.up();
        }
        List<Received> mails = awaitMails("(retirement " + retirement.id() + ")", managers.size());
        assertThat(mails).flatMap(Received::to).containsExactlyInAnyOrderElementsOf(managers);
        await().atMost(MAIL_WAIT).until(() -> outbox(retirement.id()).stream()
                .allMatch(m -> m.get("status").asText().equals("SENT") && m.get("sentAt") != null));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A requested retirement of a new desktop with one hard disk. */
    record Retirement(String id, String assetId, String serial, String medium, String mediumPath) {
    }

    private Retirement requested() {
        String run = run().toUpperCase();
        JsonNode asset = staff.api().post("/api/v1/assets", """
                {"tag": "NM-%s", "serialNumber": "NMS-%s", "type": "DESKTOP",
                 "media": [{"mediaType": "HDD_ATA", "serialNumber": "NMM-%s"}]}""".formatted(run, run, run)).json();
        String id = staff.api().post("/api/v1/retirements", """
                {"assetId": "%s", "reason": "Mail test", "confidentiality": "LOW", "destination": "INTERNAL_REUSE"}"""
                .formatted(asset.get("id").asText())).json().get("id").asText();
        JsonNode medium = asset.get("media").get(0);
        return new Retirement(id, asset.get("id").asText(), asset.get("serialNumber").asText(),
                medium.get("serialNumber").asText(), "/api/v1/retirements/" + id + "/media/" + medium.get("id").asText());
    }

    private void approveAndPrepare(Retirement retirement) {
        awaitStep(retirement.id(), "Task_ApproveRetirement");
        assertThat(manager.api().post("/api/v1/retirements/" + retirement.id() + "/decision", "{\"approve\": true}")
                .status()).isEqualTo(200);
        awaitStep(retirement.id(), "Task_AttestDeprovisioning");
        assertThat(staff.api().post("/api/v1/retirements/" + retirement.id() + "/deprovisioning", """
                {"systems": [{"system": "MDM", "outcome": "DONE", "evidence": "T-1"},
                             {"system": "DIRECTORY", "outcome": "DONE", "evidence": "T-2"},
                             {"system": "DEVICE_CERTIFICATES", "outcome": "DONE", "evidence": "T-3"},
                             {"system": "REMOTE_ACCOUNTS", "outcome": "DONE", "evidence": "T-4"}]}""").status())
                .isEqualTo(200);
        awaitStep(retirement.id(), "Task_SanitizeMedium");
    }

    private Response sanitize(Retirement retirement, boolean passed) {
        return staff.api().post(retirement.mediumPath() + "/sanitization", """
                {"performedBy": {"name": "Alex Operator", "title": "Technician", "organisation": "Example Corp IT"},
                 "technique": "OVERWRITE", "tool": "nwipe", "toolVersion": "0.37", "verificationMethod": "FULL",
                 "passed": %s, "postSanitizationClassification": "Unclassified",
                 "completedAt": "2026-01-05T10:00:00Z"}""".formatted(passed));
    }

    private Retirement readyForHandoff() {
        Retirement retirement = requested();
        approveAndPrepare(retirement);
        assertThat(sanitize(retirement, true).status()).isEqualTo(200);
        awaitStep(retirement.id(), "Task_VerifyMedium");
        assertThat(verifier.api().post(retirement.mediumPath() + "/verification", """
                {"verifiedBy": {"name": "Sam Verifier", "title": "Verifier", "organisation": "Example Corp IT"},
                 "method": "FULL", "passed": true}""").status()).isEqualTo(200);
        return retirement;
    }

    private String lot(UUID vendorId, String retirement) {
        String body = "{\"vendorId\": \"" + vendorId + "\", \"items\": [{\"retirementId\": \"" + retirement
                + "\"}], \"carrier\": \"UPS\", \"pickupContact\": \"Front desk\"}";
        String[] lot = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response created = staff.api().post("/api/v1/lots", body);
            lot[0] = created.status() == 201 ? created.json().get("id").asText() : null;
            return lot[0] != null;
        });
        awaitLotStep(lot[0], "Task_SignOffManifest");
        return lot[0];
    }

    private void awaitStep(String retirement, String step) {
        await().atMost(Duration.ofSeconds(30)).until(() -> step.equals(staff.api()
                .get("/api/v1/retirements/" + retirement).json().path("openTask").asText()));
    }

    private void awaitLotStep(String lot, String step) {
        await().atMost(Duration.ofSeconds(30)).until(() -> step.equals(staff.api().get("/api/v1/lots/" + lot).json()
                .path("openTask").asText()));
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** The addresses of the enabled users holding the role, as the tests made them. */
    private List<String> addressesOf(Role role) {
        List<String> addresses = new ArrayList<>();
        users.withRole(role).forEach(u -> addresses.add(u.email()));
        assertThat(addresses).as("only enabled users").noneMatch(a -> users.findByUsername(a.substring(0,
                a.indexOf('@'))).map(u -> !u.enabled()).orElse(false));
        return addresses;
    }

    /** Waits for exactly one mail whose subject has {@code subject} and whose text has {@code about}. */
    private Received single(String subject, String about) {
        await().atMost(MAIL_WAIT).until(() -> SMTP.received(subject).stream().anyMatch(m -> m.text().contains(about)));
        List<Received> mails = SMTP.received(subject).stream().filter(m -> m.text().contains(about)).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** Waits until {@code count} mails with this subject arrived, and checks no more did. */
    private List<Received> awaitMails(String subject, int count) {
        await().atMost(MAIL_WAIT).until(() -> SMTP.received(subject).size() >= count);
        List<Received> mails = SMTP.received(subject);
        assertThat(mails).hasSize(count);
        return mails;
    }

    /** The outbox rows of mails about this record, as an administrator lists them. */
    private List<JsonNode> outbox(String recordId) {
        Person admin = person(Role.ADMIN, null);
        List<JsonNode> rows = new ArrayList<>();
        admin.api().get("/api/v1/notifications?limit=500").json().forEach(m -> {
            if (m.get("eventKey").asText().contains(recordId)) {
                rows.add(m);
            }
        });
        return rows;
    }

    /** GETs the link's path on this server as the person: it must answer 200 with the record. */
    private JsonNode linkOpens(String link, Person person) {
        assertThat(link).startsWith(PUBLIC_URL + "/");
        Response response = person.api().get(link.substring(PUBLIC_URL.length()));
        assertThat(response.status()).as("GET %s", link).isEqualTo(200);
        return response.json();
    }

    private boolean hasGetHandler(String path) {
        try {
            HttpServletRequest request = new MockHttpServletRequest("GET", path);
            ServletRequestPathUtils.parseAndCache(request);
            return handlers.getHandler(request) != null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
