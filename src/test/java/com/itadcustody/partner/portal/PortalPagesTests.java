package com.itadcustody.partner.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

class PortalPagesTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Lots lots;

    @Autowired
    Retirements retirements;

    static PortalFixture fixture;
    static UUID vendor;
    static String vendorUser;

    @BeforeAll
    static void vendorWithAUser(@Autowired ApplicationContext context) {
        fixture = PortalFixture.from(context);
        vendor = fixture.certifiedVendor("Portal pages recycler");
        vendorUser = fixture.user("portal.vendor", Role.VENDOR, vendor);
    }

    @Test
    void sendsAnonymousVisitorsToThePortalsOwnSignInPage() {
        PortalSession.Response page = PortalSession.anonymous(port).get("/portal");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/portal/login");
        assertThat(PortalSession.anonymous(port).get("/portal/login").body()).contains("ITAD partner portal")
                .contains("name=\"_csrf\"");
    }

    @Test
    void signsAVendorUserInToTheDashboard() {
        PortalSession session = PortalSession.anonymous(port);

        PortalSession.Response signIn = session.login(vendorUser, PortalFixture.PASSWORD);

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).endsWith("/portal");
        PortalSession.Response dashboard = session.get("/portal");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dashboard").contains("Portal pages recycler");
    }

    @Test
    void refusesAWrongPassword() {
        PortalSession session = PortalSession.anonymous(port);

        assertThat(session.login(vendorUser, "not-the-password").location()).endsWith("/portal/login?error");
        assertThat(session.get("/portal").status()).isEqualTo(302);
    }

    @Test
    void signsANonVendorUserStraightOutWithAClearMessage() {
        String staff = fixture.user("portal.staff", Role.IT_STAFF, null);
        PortalSession session = PortalSession.anonymous(port);

        PortalSession.Response signIn = session.login(staff, PortalFixture.PASSWORD);

        assertThat(signIn.location()).endsWith("/portal/login?refused");
        assertThat(session.get("/portal/login?refused").body()).contains("This portal is for users of an ITAD vendor");
        assertThat(session.get("/portal").location()).as("signed out again").endsWith("/portal/login");
    }

    @Test
    void showsStaffSignedInOnTheMainPagesThatThePortalIsNotForThem() {
        String staff = fixture.user("portal.staff", Role.IT_STAFF, null);
        PortalSession session = PortalSession.anonymous(port);
        session.get("/login");
        session.post("/login", Map.of("username", staff, "password", PortalFixture.PASSWORD));

        PortalSession.Response portal = session.get("/portal");

        assertThat(portal.location()).endsWith("/portal/refused");
        PortalSession.Response refused = session.get("/portal/refused");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Not a vendor account").contains(staff);
    }

    @Test
    void refusesAFormWithoutItsCsrfToken() {
        UUID lot = fixture.lotSignedOff(vendor, 1);
        PortalSession session = PortalSession.signedIn(port, vendorUser, PortalFixture.PASSWORD);

        PortalSession.Response pickup = session.postWithoutCsrf("/portal/lots/" + lot + "/pickup", Map.of());

        assertThat(pickup.status()).isEqualTo(302);
        assertThat(pickup.location()).endsWith("/portal/login?expired");
        assertThat(lots.get(lot, fixture.staff).status()).isEqualTo("SIGNED_OFF");
    }

    @Test
    void confirmsThePickupAndReconcilesAReceiptWithAMissingAndAnUnexpectedSerial() {
        UUID lot = fixture.lotSignedOff(vendor, 2);
        List<String> manifest = lots.get(lot, fixture.staff).items().stream().map(LotView.Item::assetSerial).toList();
        PortalSession session = PortalSession.signedIn(port, vendorUser, PortalFixture.PASSWORD);

        PortalSession.Response page = session.get("/portal/lots/" + lot);
        assertThat(page.body()).contains(manifest.get(0)).contains(manifest.get(1)).contains("DHL Freight")
                .contains("Dock 3").contains("id=\"confirm-pickup\"");
        assertThat(session.get("/portal").body()).contains(lot.toString()).contains("Confirm the pickup")
                .contains("UTC");

        PortalSession.Response pickedUp = session.post("/portal/lots/" + lot + "/pickup", Map.of());
        assertThat(pickedUp.location()).endsWith("/portal/lots/" + lot);
        assertThat(session.get("/portal/lots/" + lot).body()).contains("Pickup confirmed");
        fixture.awaitLotAt(lot, "Task_ReconcileReceipt");

        String typed = manifest.get(0).toLowerCase() + "\n  \nEXTRA-" + UUID.randomUUID().toString().substring(0, 6);
        PortalSession.Response checked = session.post("/portal/lots/" + lot + "/receipt",
                Map.of("serials", typed, "action", "check"));
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.body()).contains("id=\"matched-count\">1<").contains("id=\"missing-count\">1<")
                .contains("id=\"unexpected-count\">1<");
        assertThat(lots.get(lot, fixture.staff).status()).as("checking records nothing").isEqualTo("PICKED_UP");

        PortalSession.Response submitted = session.post("/portal/lots/" + lot + "/receipt",
                Map.of("serials", typed, "action", "submit"));

        assertThat(submitted.location()).endsWith("/portal/lots/" + lot);
        LotView received = lots.get(lot, fixture.staff);
        assertThat(received.status()).isEqualTo("RECEIVED");
        assertThat(received.discrepancies()).extracting(LotView.Discrepancy::kind)
                .containsExactlyInAnyOrder("MISSING", "UNEXPECTED");
        assertThat(session.get("/portal/lots/" + lot).body()).contains("Discrepancies").contains(manifest.get(1))
                .contains("open: waiting for the client").contains("2 discrepancies");
    }

    @Test
    void rejectsAnOverlongSerialNextToTheFieldAndRecordsNothing() {
        UUID lot = fixture.lotSignedOff(vendor, 1);
        PortalSession session = PortalSession.signedIn(port, vendorUser, PortalFixture.PASSWORD);
        session.post("/portal/lots/" + lot + "/pickup", Map.of());
        fixture.awaitLotAt(lot, "Task_ReconcileReceipt");
        PortalSession.Response form = session.get("/portal/lots/" + lot + "/receipt");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"scan\"").contains("id=\"serials\"").contains("id=\"submit-receipt\"");

        PortalSession.Response refused = session.post("/portal/lots/" + lot + "/receipt",
                Map.of("serials", "X".repeat(201), "action", "submit"));
        PortalSession.Response empty = session.post("/portal/lots/" + lot + "/receipt",
                Map.of("serials", " \n ", "action", "submit"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"serials-error\"").contains("aria-describedby=\"serials-error")
                .contains("A serial is at most 200 characters");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("Scan, type or paste the serials");
        assertThat(lots.get(lot, fixture.staff).status()).isEqualTo("PICKED_UP");
        assertThat(lots.get(lot, fixture.staff).openTask()).isEqualTo("Task_ReconcileReceipt");
    }

    @Test
    void recordsAResaleAndShowsTheSettlementAndTheCertificate() {
        UUID lot = fixture.lotReceived(vendor, 1);
        UUID retirement = lots.get(lot, fixture.staff).items().get(0).retirementId();
        PortalSession session = PortalSession.signedIn(port, vendorUser, PortalFixture.PASSWORD);
        assertThat(session.get("/portal/assets/" + retirement).body()).contains("id=\"processing-form\"");

        PortalSession.Response incomplete = session.post("/portal/assets/" + retirement + "/processing",
                Map.of("grade", "A", "functional", "true", "disposition", "RESALE", "currency", "EUR",
                        "buyerReference", "B-77", "place", "Leipzig", "completedAt", minutesAgo(5)));

        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.body()).contains("id=\"price-error\"").contains("aria-describedby=\"price-error")
                .contains("aria-invalid=\"true\"").doesNotContain("Exception");
        assertThat(retirements.get(retirement).openTask()).isEqualTo("Task_ProcessAsset");

        PortalSession.Response future = session.post("/portal/assets/" + retirement + "/processing",
                Map.of("grade", "A", "functional", "true", "disposition", "RESALE", "price", "310.00",
                        "currency", "EUR", "buyerReference", "B-77", "place", "Leipzig",
                        "completedAt", LocalDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES)
                                .toString()));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("id=\"completedAt-error\"");

        PortalSession.Response recorded = session.post("/portal/assets/" + retirement + "/processing",
                Map.of("grade", "A", "functional", "true", "disposition", "RESALE", "price", "310.00",
                        "currency", "eur", "buyerReference", "B-77", "place", "Leipzig",
                        "completedAt", minutesAgo(5)));

        assertThat(recorded.location()).endsWith("/portal/assets/" + retirement);
        fixture.settle(retirement);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> fixture.certificateOf(retirement, vendor) != null);
        String certificate = fixture.certificateOf(retirement, vendor);
        PortalSession.Response asset = session.get("/portal/assets/" + retirement);
        assertThat(asset.body()).contains("Resale for 310.00 EUR; buyer reference B-77").contains("310.00 EUR")
                .contains("25.00 EUR").contains(certificate);
        assertThat(session.get("/portal/certificates").body()).contains(certificate);
        PortalSession.Response pdf = session.get("/portal/certificates/" + certificate + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void answersAnUnknownOrMalformedIdWithTheNotFoundPage() {
        PortalSession session = PortalSession.signedIn(port, vendorUser, PortalFixture.PASSWORD);

        for (String path : List.of("/portal/lots/" + UUID.randomUUID(), "/portal/lots/not-an-id",
                "/portal/assets/" + UUID.randomUUID(), "/portal/lots/" + UUID.randomUUID() + "/receipt",
                "/portal/certificates/COD-NOPE/pdf", "/portal/sanitization/" + UUID.randomUUID() + "/"
                        + UUID.randomUUID())) {
            PortalSession.Response page = session.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("id=\"not-found\"").doesNotContain("Exception");
        }
    }

    @Test
    void recordsAnOnSiteSanitizationOfTheVendorsMedium() {
        UUID retirement = fixture.retirementSanitizedOnSiteBy(vendor);
        var medium = retirements.sanitizationPlan(retirement).get(0);
        PortalSession session = PortalSession.signedIn(port, vendorUser, PortalFixture.PASSWORD);
        String path = "/portal/sanitization/" + retirement + "/" + medium.mediumId();
        assertThat(session.get("/portal").body()).contains(path);
        assertThat(session.get(path).body()).contains(medium.mediumSerial()).contains(medium.methodType());

        PortalSession.Response withoutTool = session.post(path, Map.of("operatorName", "Kim Tech", "operatorTitle",
                "Technician", "operatorOrganisation", "Vendor", "technique", medium.technique(),
                "verificationMethod", "FULL", "passed", "true", "postSanitizationClassification", "Unclassified",
                "completedAt", minutesAgo(10)));
        assertThat(withoutTool.status()).isEqualTo(422);
        assertThat(withoutTool.body()).contains("id=\"tool-error\"");

        PortalSession.Response recorded = session.post(path, Map.of("operatorName", "Kim Tech", "operatorTitle",
                "Technician", "operatorOrganisation", "Vendor", "technique", medium.technique(), "tool", "nwipe",
                "toolVersion", "0.37", "verificationMethod", "FULL", "passed", "true",
                "postSanitizationClassification", "Unclassified", "completedAt", minutesAgo(10)));

        assertThat(recorded.status()).isEqualTo(302);
        fixture.awaitRetirementAt(retirement, "Task_VerifyMedium");
    }

    private static String minutesAgo(int minutes) {
        return LocalDateTime.ofInstant(Instant.now().minusSeconds(60L * minutes), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
