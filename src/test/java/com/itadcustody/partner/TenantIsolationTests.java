package com.itadcustody.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.identity.ApiTokens;
import com.itadcustody.identity.Users;
import com.itadcustody.partner.portal.PortalFixture;
import com.itadcustody.partner.portal.PortalSession;
import com.itadcustody.retirement.EvidenceFile;
import com.itadcustody.retirement.EvidenceFiles;
import com.itadcustody.partner.inbound.ErasureReportResult;
import com.itadcustody.partner.inbound.ErasureReports;
import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import com.itadcustody.vendor.Vendors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Vendor A's user against vendor B's lots, assets, media, tasks and certificates, on every portal page and every
 * API endpoint a vendor can reach: each answers 404 (403 where no vendor may use the endpoint at all), a list
 * holds none of B's records, and nothing of B's changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTests extends IntegrationTest {

    /**
     * Every portal page and vendor-reachable API endpoint, with the status vendor A's user must get for vendor B's
     * record. Add a row for every new endpoint or page a vendor can reach; the placeholders are B's ids from
     * {@link #vendorBsRecords}: {lot} (signed off, waiting for pickup), {receivedLot}, {retirement} (received,
     * waiting for grading), {onSite} and {medium} (a medium B sanitizes on site), {asset}, {task} (B's pickup
     * step), {certificate} (a sanitization certificate of B's asset) and {evidence} (an evidence file B uploaded
     * for {retirement}), {vendorB} (the organisation), {report} and {exception} (an erasure report of B with one
     * open exception). Add ids for new kinds of record there.
     */
    static final List<Probe> VENDOR_REACHABLE = List.of(
            // partner portal pages (vendor A signed in on /portal/login)
            Probe.portal("GET", "/portal/lots/{lot}", 404),
            Probe.portal("GET", "/portal/lots/{lot}/receipt", 404),
            Probe.portal("POST", "/portal/lots/{lot}/pickup", 404),
            Probe.portal("POST", "/portal/lots/{receivedLot}/receipt", 404),
            Probe.portal("GET", "/portal/assets/{retirement}", 404),
            Probe.portal("POST", "/portal/assets/{retirement}/processing", 404),
            Probe.portal("GET", "/portal/sanitization/{onSite}/{medium}", 404),
            Probe.portal("POST", "/portal/sanitization/{onSite}/{medium}", 404),
            Probe.portal("GET", "/portal/certificates/{certificate}/pdf", 404),
            Probe.portal("GET", "/portal/assets/{retirement}/evidence/{evidence}", 404),
            // REST API (vendor A's API token)
            Probe.api("GET", "/api/v1/lots/{lot}", null, 404),
            Probe.api("POST", "/api/v1/lots/{lot}/pickup", null, 404),
            Probe.api("POST", "/api/v1/lots/{lot}/receipt", "{\"serials\":[\"{assetSerial}\"]}", 404),
            Probe.api("POST", "/api/v1/lots/{receivedLot}/receipt", "{\"serials\":[]}", 404),
            Probe.api("POST", "/api/v1/lots/{lot}/discrepancy-resolution",
                    "{\"resolutions\":[{\"serial\":\"{assetSerial}\",\"resolution\":\"FOUND\"}]}", 403),
            Probe.api("GET", "/api/v1/retirements/{retirement}", null, 403),
            Probe.api("GET", "/api/v1/retirements/{retirement}/sanitization-plan", null, 403),
            Probe.api("POST", "/api/v1/retirements/{retirement}/vendor-processing", "{\"grade\":\"A\","
                    + "\"functional\":true,\"disposition\":\"RESALE\",\"details\":\"Resale\",\"place\":\"Leipzig\","
                    + "\"completedAt\":\"{past}\"}", 404),
            Probe.api("POST", "/api/v1/retirements/{retirement}/settlement",
                    "{\"valueRecovered\":1,\"fees\":0,\"currency\":\"EUR\"}", 403),
            Probe.api("POST", "/api/v1/retirements/{onSite}/media/{medium}/sanitization", "{\"performedBy\":"
                    + "{\"name\":\"Mallory\",\"title\":\"Tech\",\"organisation\":\"Vendor A\"},\"technique\":"
                    + "\"OVERWRITE\",\"tool\":\"nwipe\",\"toolVersion\":\"0.37\",\"verificationMethod\":\"FULL\","
                    + "\"passed\":true,\"postSanitizationClassification\":\"Unclassified\",\"completedAt\":"
                    + "\"{past}\"}", 404),
            Probe.api("GET", "/api/v1/retirements/{retirement}/evidence", null, 404),
            Probe.api("GET", "/api/v1/retirements/{retirement}/evidence/{evidence}/content", null, 404),
            Probe.api("POST", "/api/v1/tasks/{task}/claim", null, 404),
            Probe.api("DELETE", "/api/v1/tasks/{task}/claim", null, 404),
            Probe.api("GET", "/api/v1/certificates/{certificate}", null, 403),
            Probe.api("GET", "/api/v1/certificates/{certificate}/pdf", null, 403),
            Probe.api("GET", "/api/v1/certificates?assetId={asset}", null, 403),
            // the vendor registry: a vendor reads only its own organisation
            Probe.api("GET", "/api/v1/vendors/{vendorB}", null, 404),
            Probe.api("GET", "/api/v1/vendors/{vendorB}/contacts", null, 404),
            Probe.api("GET", "/api/v1/vendors/{vendorB}/sites", null, 404),
            Probe.api("GET", "/api/v1/vendors/{vendorB}/certifications", null, 404),
            // inbound erasure reports and their exceptions queue
            Probe.api("GET", "/api/v1/partner/erasure-reports/{report}", null, 404),
            Probe.api("GET", "/api/v1/partner/erasure-reports/{report}/original", null, 404),
            Probe.api("GET", "/api/v1/partner/erasure-exceptions/{exception}", null, 404),
            Probe.api("POST", "/api/v1/partner/erasure-exceptions/{exception}/resolution",
                    "{\"note\":\"resolved by someone else\"}", 404),
            Probe.api("POST", "/api/v1/partner/erasure-exceptions/{exception}/retry", null, 404));

    /** One request of vendor A's user: on the portal (session) or the API (token), with its expected status. */
    record Probe(boolean portal, String method, String path, String body, int expected) {

        static Probe portal(String method, String path, int expected) {
            return new Probe(true, method, path, null, expected);
        }

        static Probe api(String method, String path, String body, int expected) {
            return new Probe(false, method, path, body, expected);
        }

        @Override
        public String toString() {
            return (portal ? "portal " : "api ") + method + " " + path + " -> " + expected;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Lots lots;

    @Autowired
    Retirements retirements;

    @Autowired
    Certificates certificates;

    PortalFixture fixture;
    UUID vendorA;
    UUID vendorB;
    UUID lotOfA;
    String userOfA;
    String tokenOfA;
    final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void vendorBsRecords() {
        fixture = PortalFixture.from(context);
        vendorA = fixture.certifiedVendor("Isolation vendor A");
        vendorB = fixture.certifiedVendor("Isolation vendor B");
        userOfA = fixture.user("isolation.a", Role.VENDOR, vendorA);
        tokenOfA = new TestUsers(context.getBean(Users.class), context.getBean(ApiTokens.class),
                context.getBean(Vendors.class)).tokenForVendor(vendorA);
        lotOfA = fixture.lotSignedOff(vendorA, 1);

        UUID lot = fixture.lotSignedOff(vendorB, 1);
        UUID receivedLot = fixture.lotReceived(vendorB, 1);
        LotView.Item item = lots.get(lot, fixture.staff).items().get(0);
        UUID retirement = lots.get(receivedLot, fixture.staff).items().get(0).retirementId();
        UUID onSite = fixture.retirementSanitizedOnSiteBy(vendorB);
        UUID medium = retirements.sanitizationPlan(onSite).get(0).mediumId();
        RetirementTask pickup = fixture.tasksOf(vendorB).stream()
                .filter(t -> lot.equals(t.lotId()) && t.step().equals("Task_ConfirmPickup")).findFirst()
                .orElseThrow();
        CertificateView certificate = certificates.list(item.assetId(), null, null, 0, 10).content().get(0);
        ids.put("lot", lot.toString());
        ids.put("receivedLot", receivedLot.toString());
        ids.put("retirement", retirement.toString());
        ids.put("onSite", onSite.toString());
        ids.put("medium", medium.toString());
        ids.put("asset", item.assetId().toString());
        ids.put("assetSerial", item.assetSerial());
        ids.put("task", pickup.id());
        ids.put("certificate", certificate.number());
        ids.put("evidence", context.getBean(EvidenceFiles.class).store(retirement, null,
                EvidenceFile.Kind.RECYCLING_CERTIFICATE, "b.pdf", "%PDF-1.4 vendor B".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII), fixture.vendorActor(vendorB)).id().toString());
        ErasureReportResult report = erasureReportOf(vendorB);
        ids.put("vendorB", vendorB.toString());
        ids.put("report", report.report().id().toString());
        ids.put("exception", report.lines().get(0).exceptionId().toString());
        ids.put("certificateSha256", certificate.sha256());
        ids.put("pickupContact", "Dock 3, Mo-Fr 8-16");
        ids.put("past", Instant.now().minusSeconds(3600).toString());
    }

    Stream<Probe> probes() {
        return VENDOR_REACHABLE.stream();
    }

    @ParameterizedTest
    @MethodSource("probes")
    void refusesVendorAnAccessToVendorBsRecordAndChangesNothing(Probe probe) {
        List<String> before = stateOfVendorB();
        String path = fill(probe.path());

        int status;
        String body;
        if (probe.portal()) {
            PortalSession session = PortalSession.signedIn(port, userOfA, PortalFixture.PASSWORD);
            PortalSession.Response response = probe.method().equals("GET") ? session.get(path)
                    : session.post(path, formFor(path));
            status = response.status();
            body = response.body();
        } else {
            ApiClient.Response response = ApiClient.withToken(port, tokenOfA).send(probe.method(), path,
                    probe.body() == null ? null : "application/json",
                    probe.body() == null ? null : fill(probe.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            status = response.status();
            body = response.text();
        }

        assertThat(status).as(probe.toString()).isEqualTo(probe.expected());
        // the ids are in the request (and echoed in a problem's "instance"); B's serial and PDF hash are not
        for (String key : List.of("assetSerial", "certificateSha256", "pickupContact")) {
            assertThat(body == null ? "" : body).as("%s shows none of B's records", probe).doesNotContain(ids.get(key));
        }
        assertThat(stateOfVendorB()).as("nothing of vendor B's changed after %s", probe).isEqualTo(before);
    }

    @Test
    void listsNoneOfVendorBsRecordsToVendorA() {
        PortalSession session = PortalSession.signedIn(port, userOfA, PortalFixture.PASSWORD);
        String dashboard = session.get("/portal").body();
        String certificatesPage = session.get("/portal/certificates").body();
        String tasks = ApiClient.withToken(port, tokenOfA).get("/api/v1/tasks").text();
        String tasksOfBsRetirement = ApiClient.withToken(port, tokenOfA)
                .get("/api/v1/tasks?retirementId=" + ids.get("retirement")).text();

        assertThat(dashboard).as("A's own lot is listed").contains(lotOfA.toString());
        for (String key : List.of("lot", "receivedLot", "retirement", "onSite", "medium", "task", "certificate")) {
            assertThat(dashboard).as("dashboard, " + key).doesNotContain(ids.get(key));
            assertThat(certificatesPage).as("certificates, " + key).doesNotContain(ids.get(key));
            assertThat(tasks).as("API tasks, " + key).doesNotContain(ids.get(key));
            assertThat(tasksOfBsRetirement).as("API tasks of B's retirement, " + key).doesNotContain(ids.get(key));
        }
        assertThat(ApiClient.withToken(port, tokenOfA).get("/api/v1/tasks").status()).isEqualTo(200);
    }

    @Test
    void coversEveryVendorStepOfTheRetirementModule() {
        Set<String> covered = Set.copyOf(VENDOR_REACHABLE.stream().map(p -> p.method() + " " + p.path()).toList());

        assertThat(covered).contains("POST /api/v1/lots/{lot}/pickup", "POST /api/v1/lots/{lot}/receipt",
                "POST /api/v1/retirements/{retirement}/vendor-processing",
                "POST /api/v1/retirements/{onSite}/media/{medium}/sanitization", "POST /api/v1/tasks/{task}/claim",
                "POST /portal/lots/{lot}/pickup", "POST /portal/assets/{retirement}/processing");
    }

    /** What vendor B's records look like now: lots, steps, claims, retirements and certificates. */
    private List<String> stateOfVendorB() {
        List<String> state = new ArrayList<>();
        for (String lot : List.of(ids.get("lot"), ids.get("receivedLot"))) {
            LotView view = lots.get(UUID.fromString(lot), fixture.staff);
            state.add(lot + " " + view.status() + " " + view.openTask() + " " + view.discrepancies());
            view.items().forEach(i -> state.add(i.retirementId() + " " + i.outcome() + " "
                    + retirements.get(i.retirementId()).status() + " " + retirements.get(i.retirementId()).openTask()));
        }
        state.add(ids.get("onSite") + " " + retirements.get(UUID.fromString(ids.get("onSite"))).openTask());
        fixture.tasksOf(vendorB).forEach(t -> state.add(t.id() + " " + t.step() + " " + t.assignee()));
        state.add(certificates.get(ids.get("certificate")).status().name());
        state.add(context.getBean(ErasureReports.class).exception(UUID.fromString(ids.get("exception")), fixture.staff)
                .state());
        return state;
    }

    /** An erasure report of the vendor naming a serial nobody has: one report, one open exception. */
    private ErasureReportResult erasureReportOf(UUID vendor) {
        byte[] csv = ("mediumSerial,methodType,technique,tool,toolVersion,operator,result,startedAt,finishedAt,"
                + "verificationMethod\nNO-SUCH-SERIAL-B,CLEAR,OVERWRITE,nwipe,0.37,Bea,passed,"
                + "2026-01-05T09:00:00Z,2026-01-05T10:00:00Z,QUICK_SAMPLING\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            ErasureReportResult result = context.getBean(ErasureReports.class).receive(vendor, "b.csv",
                    new java.io.ByteArrayInputStream(csv), csv.length, ErasureReports.Source.UPLOAD,
                    fixture.vendorActor(vendor));
            assertThat(result.lines()).singleElement().satisfies(line -> assertThat(line.exceptionId()).isNotNull());
            return result;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String fill(String template) {
        String filled = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    /** A complete, valid form for the portal page, so that only the tenant check can refuse it. */
    private Map<String, String> formFor(String path) {
        String past = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        if (path.endsWith("/receipt")) {
            return Map.of("serials", ids.get("assetSerial"), "action", "submit");
        }
        if (path.endsWith("/processing")) {
            return Map.of("grade", "A", "functional", "true", "disposition", "RESALE", "price", "1", "currency",
                    "EUR", "buyerReference", "X", "place", "Leipzig", "completedAt", past);
        }
        if (path.startsWith("/portal/sanitization/")) {
            return Map.of("operatorName", "Mallory", "operatorTitle", "Tech", "operatorOrganisation", "Vendor A",
                    "technique", "OVERWRITE", "tool", "nwipe", "toolVersion", "0.37", "verificationMethod", "FULL",
                    "passed", "true", "postSanitizationClassification", "Unclassified", "completedAt", past);
        }
        return Map.of();
    }
}
