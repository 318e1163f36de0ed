package com.itadcustody.console.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.compliance.ComplianceReports;
import com.itadcustody.compliance.Report;
import com.itadcustody.compliance.ReportPeriod;
import com.itadcustody.partner.portal.PortalFixture;
import com.itadcustody.partner.portal.PortalSession;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.Escalations;
import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.VerificationReport;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.PdfCommands;
import com.itadcustody.support.TestUsers;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The period reports on a known data set: three retirements driven to closure through the module APIs (one with a
 * license seat, one lot with a missing serial found again, SLA escalations), erasure exceptions and certificates,
 * then moved into March 2015 (and just outside it) so that the figures for 2015-03-01 to 2015-03-31 are exactly
 * known and every boundary is tested. Also the CSV and signed PDF exports, bad periods and who may open the pages.
 */
class ComplianceReportsTests extends IntegrationTest {

    static final String FROM = "2015-03-01";
    static final String TO = "2015-03-31";
    static final ReportPeriod MARCH = ReportPeriod.parse(FROM, TO);
    static final Person OPERATOR = new Person("Alex Operator", "Technician", "Example Corp IT", "Berlin", null);
    static final Person VALIDATOR = new Person("Sam Verifier", "Verifier", "Example Corp IT", "Berlin", null);

    @LocalServerPort
    int port;

    @Autowired
    ComplianceReports reports;

    static PortalFixture fixture;
    static String vendorName;
    static String product;
    static String complianceUser;
    static String staffUser;
    static String adminUser;
    static UUID a;
    static UUID b;
    static UUID c;
    static Map<UUID, List<SanitizationPlanItem>> plans = new HashMap<>();

    @BeforeAll
    static void knownRetirementsInMarch2015(@Autowired ApplicationContext context, @Autowired TestUsers users,
            @org.springframework.beans.factory.annotation.Value("${local.server.port}") int port) {
        fixture = PortalFixture.from(context);
        complianceUser = fixture.user("compliance.reports", Role.COMPLIANCE, null);
        staffUser = fixture.user("staff.reports", Role.IT_STAFF, null);
        adminUser = fixture.user("admin.reports", Role.ADMIN, null);
        AssetRegistry assets = context.getBean(AssetRegistry.class);
        Retirements retirements = context.getBean(Retirements.class);
        Lots lots = context.getBean(Lots.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        UUID vendor = fixture.certifiedVendor("Report recycler");
        vendorName = jdbc.sql("select name from vendor where id = :id").param("id", vendor).query(String.class)
                .single();

        // a license pool with one seat on asset A and one on asset C
        product = "Suite " + UUID.randomUUID().toString().substring(0, 8);
        ApiClient manager = ApiClient.withToken(port, users.tokenFor(Role.ASSET_MANAGER));
        ApiClient staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
        String pool = manager.post("/api/v1/license-pools", "{\"publisher\": \"Contoso\", \"product\": \"" + product
                + "\", \"metric\": \"PER_DEVICE\", \"seatsOwned\": 5}").json().get("id").asText();

        AssetInput laptopA = AssetFixtures.anyLaptop();
        AssetInput serverB = AssetFixtures.anyServerWithTwoDisks();
        AssetInput laptopC = AssetFixtures.anyLaptop();
        UUID assetA = assets.register(laptopA, fixture.staff).id();
        UUID assetB = assets.register(serverB, fixture.staff).id();
        UUID assetC = assets.register(laptopC, fixture.staff).id();
        for (UUID asset : List.of(assetA, assetC)) {
            assertThat(staff.post("/api/v1/license-pools/" + pool + "/seats", "{\"assetId\": \"" + asset + "\"}")
                    .status()).isEqualTo(201);
        }
        a = certified(retirements, assetA, AssetDestination.LEAVES_ORGANISATION);
        b = certified(retirements, assetB, AssetDestination.DISPOSAL);
        c = certified(retirements, assetC, AssetDestination.LEAVES_ORGANISATION);

        // one lot; the vendor misses C's serial at receipt, IT staff find it again
        LotView lot = PortalFixture.when(() -> lots.create(vendor, List.of(new Lots.NewItem(a, "SEAL-A"),
                new Lots.NewItem(b, "SEAL-B"), new Lots.NewItem(c, "SEAL-C")), "DHL Freight", "TRK-1",
                "Dock 3", fixture.staff));
        PortalFixture.when(() -> lots.signOff(lot.id(), fixture.staff));
        fixture.awaitLotAt(lot.id(), "Task_ConfirmPickup");
        context.getBean(Escalations.class).escalateLot(lot.id(), "Task_ConfirmPickup", "P2D");
        lots.confirmPickup(lot.id(), fixture.vendorActor(vendor));
        fixture.awaitLotAt(lot.id(), "Task_ReconcileReceipt");
        PortalFixture.when(() -> lots.reconcileReceipt(lot.id(), List.of(laptopA.serialNumber(),
                serverB.serialNumber()), fixture.vendorActor(vendor)));
        fixture.resolveMissing(lot.id(), "FOUND");
        context.getBean(Escalations.class).escalateRetirement(a, "Task_ProcessAsset", "P10D");
        for (UUID id : List.of(a, b, c)) {
            fixture.awaitRetirementAt(id, "Task_ProcessAsset");
            fixture.resoldAndClosed(id, vendor);
        }

        // move everything into March 2015, or just outside it
        backdate(jdbc, a, "2015-03-01T00:00:00Z", "2015-03-10T12:00:00Z", "2015-03-05T09:00:00Z", true);
        backdate(jdbc, b, "2015-03-31T23:59:59.999Z", "2015-02-28T23:59:59.999Z", "2015-03-31T12:00:00Z", false);
        backdate(jdbc, c, "2015-04-01T00:00:00Z", "2015-03-15T08:00:00Z", "2015-02-28T23:59:59Z", false);
        jdbc.sql("update seat_assignment set released_at = :at where asset_id = :asset").param("asset", assetA)
                .param("at", at("2015-03-01T00:00:00Z")).update();
        jdbc.sql("update seat_assignment set released_at = :at where asset_id = :asset").param("asset", assetC)
                .param("at", at("2015-04-01T00:00:00Z")).update();
        jdbc.sql("update compliance_receipt_discrepancy set found_at = :at where lot_id = :lot")
                .param("lot", lot.id()).param("at", at("2015-03-20T10:00:00Z")).update();
        jdbc.sql("update compliance_sla_breach set breached_at = :at where retirement_id = :id").param("id", a)
                .param("at", at("2015-03-12T10:00:00Z")).update();
        jdbc.sql("update compliance_sla_breach set breached_at = :at where lot_id = :lot").param("lot", lot.id())
                .param("at", at("2015-04-01T00:00:00Z")).update();
        erasureExceptions(jdbc, vendor);
        certificates(jdbc);
    }

    /** A retirement of the asset, approved, de-provisioned, each medium sanitized, verified and certified. */
    static UUID certified(Retirements retirements, UUID asset, AssetDestination destination) {
        UUID id = retirements.request(asset, "Compliance report test", DataConfidentiality.LOW, destination,
                fixture.staff).id();
        PortalFixture.when(() -> retirements.decide(id, true, null, fixture.manager));
        PortalFixture.when(() -> retirements.attestDeprovisioning(id, Arrays.stream(
                DeprovisioningAttestation.System.values()).map(s -> new DeprovisioningAttestation(s,
                DeprovisioningAttestation.Outcome.DONE, "Ticket IT-" + s)).toList(), fixture.staff));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> !retirements.sanitizationPlan(id).isEmpty());
        List<SanitizationPlanItem> plan = retirements.sanitizationPlan(id);
        plans.put(id, plan);
        for (SanitizationPlanItem medium : plan) {
            boolean destroy = medium.methodType().equals("DESTROY");
            PortalFixture.when(() -> retirements.recordSanitization(id, medium.mediumId(), new SanitizationReport(
                    OPERATOR, SanitizationTechnique.valueOf(medium.technique()), destroy ? "Shredded" : null,
                    destroy ? null : "nwipe", destroy ? null : "0.37", VerificationMethod.FULL, true, "Unclassified",
                    null, null, Instant.now().minusSeconds(60)), fixture.staff));
            PortalFixture.when(() -> retirements.recordVerification(id, medium.mediumId(), new VerificationReport(
                    VALIDATOR, VerificationMethod.FULL, true, "No data recovered", null), fixture.verifier));
        }
        return id;
    }

    static void backdate(JdbcClient jdbc, UUID id, String closed, String settled, String sanitized, boolean sampled) {
        jdbc.sql("update retirement_request set closed_at = :closed, settled_at = :settled where id = :id")
                .param("closed", at(closed)).param("settled", at(settled)).param("id", id).update();
        jdbc.sql("update medium_sanitization set performed_at = :at, sampled = case when method_type = 'DESTROY'"
                + " then false else :sampled end where retirement_id = :id").param("at", at(sanitized))
                .param("sampled", sampled).param("id", id).update();
    }

    /** Three exceptions raised in March (two unknown serials, one resolved; a failed erasure), one in April. */
    static void erasureExceptions(JdbcClient jdbc, UUID vendor) {
        UUID report = UUID.randomUUID();
        jdbc.sql("""
                insert into erasure_report (id, vendor_id, file_name, format, sha256, size_bytes, content, source,
                    received_at, status, records)
                values (:id, :vendor, 'report.csv', 'GENERIC_CSV', :sha, 1, '\\x41'::bytea, 'UPLOAD', :at,
                    'PROCESSED', 4)""").param("id", report).param("vendor", vendor)
                .param("sha", UUID.randomUUID().toString()).param("at", at("2015-03-02T00:00:00Z")).update();
        exception(jdbc, report, vendor, "UNKNOWN_SERIAL", "2015-03-01T00:00:00Z", false);
        exception(jdbc, report, vendor, "UNKNOWN_SERIAL", "2015-03-02T00:00:00Z", true);
        exception(jdbc, report, vendor, "FAILED_ERASURE", "2015-03-31T23:59:59Z", false);
        exception(jdbc, report, vendor, "FAILED_ERASURE", "2015-04-01T00:00:00Z", false);
    }

    static void exception(JdbcClient jdbc, UUID report, UUID vendor, String kind, String created, boolean resolved) {
        jdbc.sql("""
                insert into erasure_exception (id, report_id, vendor_id, kind, rule, message, state, resolution,
                    resolved_at, created_at)
                values (:id, :report, :vendor, :kind, 'test', 'test', :state, :resolution, :resolvedAt, :at)""")
                .param("id", UUID.randomUUID()).param("report", report).param("vendor", vendor).param("kind", kind)
                .param("state", resolved ? "RESOLVED" : "OPEN").param("resolution", resolved ? "Re-sent" : null)
                .param("resolvedAt", resolved ? at("2015-03-03T00:00:00Z") : null).param("at", at(created)).update();
    }

    /** A certificate issued in March, one revoked in March (issued in February), one issued on 1 April. */
    static void certificates(JdbcClient jdbc) {
        certificate(jdbc, "SANITIZATION", "2015-03-02T00:00:00Z", null);
        certificate(jdbc, "DISPOSITION", "2015-02-20T00:00:00Z", "2015-03-03T00:00:00Z");
        certificate(jdbc, "SANITIZATION", "2015-04-01T00:00:00Z", null);
    }

    static void certificate(JdbcClient jdbc, String type, String issued, String revoked) {
        jdbc.sql("""
                insert into certificate (id, number, type, asset_id, medium_id, data, pdf, sha256, signing_key_id,
                    certified_event_id, certified_seq, issued_at, issued_event_id, status, status_changed_at,
                    status_reason)
                values (:id, :number, :type, :asset, :medium, '\\x7b7d'::bytea, '\\x25'::bytea, sha256(:seed::bytea),
                    (select key_id from certificate_signing_key limit 1), :event, 0, :issued, :event, :status,
                    :changed, :reason)""")
                .param("id", UUID.randomUUID()).param("number", "TEST-2015-" + UUID.randomUUID())
                .param("type", type).param("asset", UUID.randomUUID())
                .param("medium", type.equals("SANITIZATION") ? UUID.randomUUID() : null)
                .param("seed", UUID.randomUUID().toString()).param("event", UUID.randomUUID())
                .param("issued", at(issued)).param("status", revoked == null ? "VALID" : "REVOKED")
                .param("changed", revoked == null ? null : at(revoked))
                .param("reason", revoked == null ? null : "Test revocation").update();
    }

    static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    // ---- figures ------------------------------------------------------------------------------------------------

    @Test
    void countsAssetsRetiredInThePeriodByTypeDestinationAndVendorIncludingBothBoundaryDays() {
        assertThat(rows("retired-by-type")).containsExactly(List.of("Laptop", "1"), List.of("Server", "1"),
                List.of("Total", "2"));
        assertThat(rows("retired-by-destination")).containsExactly(List.of("Disposal", "Resale", "1"),
                List.of("Leaves the organisation", "Resale", "1"), List.of("Total", "", "2"));
        assertThat(rows("retired-by-vendor")).containsExactly(List.of(vendorName, "2"), List.of("Total", "2"));
    }

    @Test
    void countsMediaOfTheRetiredAssetsByTheirSanitizationMethod() {
        Map<String, long[]> expected = new HashMap<>();
        for (UUID id : List.of(a, b)) {
            java.util.Set<String> methods = new java.util.HashSet<>();
            for (SanitizationPlanItem medium : plans.get(id)) {
                expected.computeIfAbsent(medium.methodType(), m -> new long[2])[0]++;
                methods.add(medium.methodType());
            }
            methods.forEach(m -> expected.get(m)[1]++);
        }
        List<List<String>> rows = rows("retired-by-method");
        for (String method : List.of("CLEAR", "PURGE", "DESTROY")) {
            long[] counts = expected.getOrDefault(method, new long[2]);
            String label = method.charAt(0) + method.substring(1).toLowerCase();
            assertThat(rows).contains(List.of(label, Long.toString(counts[0]), Long.toString(counts[1])));
        }
        assertThat(rows).contains(List.of("Total media", "3", ""),
                List.of("Assets without data-bearing media", "0", "0"));
    }

    @Test
    void reportsTheSampleRateOfLogicallySanitizedMediaInThePeriod() {
        long logical = 0;
        long sampled = 0;
        for (UUID id : List.of(a, b)) {
            for (SanitizationPlanItem medium : plans.get(id)) {
                if (!medium.methodType().equals("DESTROY")) {
                    logical++;
                    sampled += id.equals(a) ? 1 : 0;
                }
            }
        }
        List<String> total = rows("verification-sample").stream().filter(r -> r.get(0).equals("Total")).findFirst()
                .orElseThrow();
        assertThat(total.subList(0, 3)).containsExactly("Total", Long.toString(logical), Long.toString(sampled));
        assertThat(total.get(4)).isEqualTo("5 %");
        assertThat(total.get(5)).isEqualTo(Long.toString(logical));
        assertThat(total.get(6)).isEqualTo("0");
    }

    @Test
    void countsCertificatesIssuedAndRevokedInThePeriod() {
        assertThat(rows("certificates")).containsExactly(List.of("Certificate of Sanitization", "1", "0", "0"),
                List.of("Certificate of Disposition", "0", "1", "0"), List.of("Total", "1", "1", "0"));
    }

    @Test
    void countsExceptionsAndDiscrepanciesWithTheirResolution() {
        assertThat(rows("erasure-exceptions")).containsExactly(List.of("Unknown serial", "2", "1", "1"),
                List.of("Failed erasure", "1", "0", "1"), List.of("Total", "3", "1", "2"));
        assertThat(rows("receipt-discrepancies")).containsExactly(List.of("Missing at receipt", "Found", "1"),
                List.of("Total", "", "1"));
    }

    @Test
    void countsSlaBreachesSeatsReclaimedAndValueRecoveredInThePeriodOnly() {
        assertThat(rows("sla-breaches")).containsExactly(
                List.of("Vendor's grading and disposition", "P10D", "1", "1"), List.of("Total", "", "1", "1"));
        assertThat(rows("license-seats")).containsExactly(List.of("Contoso", product, "1"),
                List.of("Total", "", "1"));
        assertThat(rows("value-recovered")).containsExactly(List.of("EUR", "2", "620.00", "50.00", "570.00"));
    }

    @Test
    void showsNothingForAPeriodWithoutRecords() {
        Report empty = reports.report("retired-by-type", ReportPeriod.parse("2014-01-01", "2014-01-31"));

        assertThat(empty.rows()).containsExactly(List.of("Total", "0"));
    }

    // ---- page and exports ---------------------------------------------------------------------------------------

    @Test
    void showsEveryReportOnThePageWithItsExportLinks() {
        PortalSession.Response page = signedIn(complianceUser).get("/compliance/reports?from=" + FROM + "&to=" + TO);

        assertThat(page.status()).isEqualTo(200);
        for (String name : reports.names()) {
            assertThat(page.body()).contains("id=\"report-" + name + "\"")
                    .contains("/compliance/reports/" + name + ".csv?from=" + FROM + "&amp;to=" + TO)
                    .contains("/compliance/reports/" + name + ".pdf?from=" + FROM + "&amp;to=" + TO);
        }
        assertThat(page.body()).contains("620.00").contains(vendorName).contains("all.pdf");
    }

    @Test
    void showsThisMonthToDateWhenNoPeriodIsChosen() {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

        PortalSession.Response page = signedIn(complianceUser).get("/compliance/reports");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"" + today.withDayOfMonth(1) + "\"")
                .contains("value=\"" + today + "\"").contains("id=\"report-value-recovered\"");
    }

    @Test
    void exportsAReportAsRfc4180CsvInUtf8() {
        PortalSession.Response csv = signedIn(complianceUser).get("/compliance/reports/value-recovered.csv?from="
                + FROM + "&to=" + TO);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "Currency,Assets settled,Value recovered,Vendor fees,Net\r\nEUR,2,620.00,50.00,570.00\r\n");
        assertThat(signedIn(complianceUser).get("/compliance/reports/retired-by-vendor.csv?from=" + FROM + "&to="
                + TO).body()).isEqualTo("Vendor,Assets retired\r\n" + csvField(vendorName) + ",2\r\nTotal,2\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndDisarmsFormulas() {
        Report report = new Report("x", "X", null, List.of("a", "b"), List.of(List.of("one, two", "say \"hi\""),
                List.of("=SUM(A1)", "-12.50"), List.of("line\nbreak", "")));

        assertThat(reports.csv(report)).isEqualTo("a,b\r\n\"one, two\",\"say \"\"hi\"\"\"\r\n'=SUM(A1),-12.50\r\n"
                + "\"line\nbreak\",\r\n");
    }

    @Test
    void signsTheReportPdfSoThatPdfsigTrustsItAndFindsTheWholeDocumentSigned(@TempDir Path dir,
            @Autowired Certificates certificates) {
        PortalSession.Response pdf = signedIn(complianceUser).get("/compliance/reports/all.pdf?from=" + FROM + "&to="
                + TO);

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        PdfCommands.Run check = PdfCommands.pdfsig(dir, pdf.bytes(), certificates.trustAnchorsPem());
        assertThat(check.output()).contains("Signature is Valid").contains("Certificate is Trusted")
                .contains("Total document signed");
        assertThat(PdfCommands.text(dir, pdf.bytes())).contains("Compliance report").contains("2015-03-01")
                .contains("Value recovered").contains("570.00").contains("License seats reclaimed");

        PortalSession.Response one = signedIn(complianceUser).get("/compliance/reports/certificates.pdf?from=" + FROM
                + "&to=" + TO);
        assertThat(PdfCommands.pdfsig(dir, one.bytes(), certificates.trustAnchorsPem()).output())
                .contains("Signature is Valid").contains("Total document signed");
        byte[] changed = one.bytes().clone();
        int middle = changed.length / 3;
        changed[middle] = (byte) (changed[middle] ^ 0x01);
        assertThat(PdfCommands.pdfsig(dir, changed, certificates.trustAnchorsPem()).output())
                .doesNotContain("Signature is Valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2015-13-01&to=2015-03-31|from-error|is not a date",
            "from=2015-03-31&to=2015-03-01|to-error|before the start date",
            "from=2015-03-01|to-error|end date is required",
            "from=yesterday&to=2015-03-01|from-error|is not a date"})
    void explainsABadPeriodNextToTheDateField(String input) {
        String[] parts = input.split("\\|");

        PortalSession.Response page = signedIn(complianceUser).get("/compliance/reports?" + parts[0]);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"" + parts[1] + "\"").contains(parts[2])
                .contains("aria-describedby=\"" + parts[1] + "\"").contains("aria-invalid=\"true\"");
    }

    @Test
    void refusesAnExportForABadPeriodWithAClearMessage() {
        PortalSession.Response csv = signedIn(complianceUser).get(
                "/compliance/reports/certificates.csv?from=2015-03-31&to=2015-03-01");
        PortalSession.Response pdf = signedIn(complianceUser).get("/compliance/reports/all.pdf?from=&to=2015-03-01");
        PortalSession.Response unknown = signedIn(complianceUser).get(
                "/compliance/reports/no-such-report.csv?from=" + FROM + "&to=" + TO);

        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.body()).contains("before the start date");
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.body()).contains("start date is required");
        assertThat(unknown.status()).isEqualTo(404);
    }

    // ---- who may see the pages ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/compliance", "/compliance/reports", "/compliance/verifications",
            "/compliance/custody", "/compliance/reports/certificates.csv?from=2015-03-01&to=2015-03-31",
            "/compliance/reports/all.pdf?from=2015-03-01&to=2015-03-31"})
    void refusesItStaffTheCompliancePages(String path) {
        PortalSession.Response page = signedIn(staffUser).get(path);

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("Contoso").doesNotContain("Compliance reports");
    }

    @Test
    void refusesItStaffStartingAnAuditAndSendsAnonymousVisitorsToSignIn() {
        PortalSession staff = signedIn(staffUser);
        staff.get("/");

        assertThat(staff.post("/compliance/custody/audits", Map.of()).status()).isEqualTo(403);
        PortalSession.Response anonymous = PortalSession.anonymous(port).get("/compliance/reports");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
    }

    @Test
    void letsAdministratorsReadTheCompliancePages() {
        PortalSession admin = signedIn(adminUser);

        assertThat(admin.get("/compliance").status()).isEqualTo(200);
        assertThat(admin.get("/compliance/reports?from=" + FROM + "&to=" + TO).status()).isEqualTo(200);
    }

    @Test
    void linksTheLandingPageToEveryCompliancePageAndShowsTheLatestCheckpoints() {
        PortalSession.Response page = signedIn(complianceUser).get("/compliance");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/compliance/custody\"").contains("href=\"/compliance/verifications\"")
                .contains("href=\"/compliance/reports\"").contains("href=\"/compliance/evidence-packs\"")
                .contains("Latest custody checkpoints").contains("RFC 3161 timestamp");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    List<List<String>> rows(String name) {
        return reports.report(name, MARCH).rows();
    }

    PortalSession signedIn(String username) {
        PortalSession session = PortalSession.anonymous(port);
        session.get("/login");
        PortalSession.Response login = session.post("/login", Map.of("username", username,
                "password", PortalFixture.PASSWORD));
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).doesNotContain("error");
        return session;
    }

    static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
