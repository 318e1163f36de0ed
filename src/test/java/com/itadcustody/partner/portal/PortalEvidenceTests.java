package com.itadcustody.partner.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.itadcustody.retirement.EvidenceFile;
import com.itadcustody.retirement.EvidenceFiles;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.shared.Role;
import com.itadcustody.shared.Sha256;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files uploaded on the portal (the recycling certificate, the on-site sanitization report) are kept as the
 * retirement's evidence: stored with their SHA-256, named in the step's custody event, listed on the asset page and
 * downloadable by the vendor that uploaded them and by staff, never by another vendor.
 */
class PortalEvidenceTests extends IntegrationTest {

    static final byte[] CERTIFICATE = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% MetalCo recycling certificate"
            + " RC-2026-0042\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    static final Pattern DOWNLOAD = Pattern.compile("href=\"(/portal/assets/[0-9a-f-]{36}/evidence/([0-9a-f-]{36}))\"");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Lots lots;

    @Autowired
    Retirements retirements;

    @Autowired
    EvidenceFiles evidenceFiles;

    @Autowired
    JdbcClient jdbc;

    static PortalFixture fixture;
    static UUID vendorA;
    static String userOfA;
    static String userOfB;
    static String tokenOfB;
    static String staffToken;

    @BeforeAll
    static void twoVendors(@Autowired ApplicationContext context) {
        fixture = PortalFixture.from(context);
        vendorA = fixture.certifiedVendor("Evidence vendor A");
        UUID vendorB = fixture.certifiedVendor("Evidence vendor B");
        userOfA = fixture.user("evidence.a", Role.VENDOR, vendorA);
        userOfB = fixture.user("evidence.b", Role.VENDOR, vendorB);
        TestUsers users = TestUsers.from(context);
        tokenOfB = users.tokenForVendor(vendorB);
        staffToken = users.tokenFor(Role.IT_STAFF);
    }

    @Test
    void keepsTheRecyclingCertificateDownloadableByTheVendorAndStaffButNotAnotherVendor() {
        UUID retirement = receivedRetirement();
        PortalSession a = PortalSession.signedIn(port, userOfA, PortalFixture.PASSWORD);
        a.get("/portal/assets/" + retirement);

        PortalSession.Response recorded = a.postMultipart("/portal/assets/" + retirement + "/processing",
                recycling(), List.of(new PortalSession.FilePart("recyclingCertificate", "metalco-RC-42.pdf",
                        CERTIFICATE)));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(302);
        String page = a.get("/portal/assets/" + retirement).body();
        assertThat(page).contains("id=\"evidence-files\"").contains("metalco-RC-42.pdf")
                .contains(Sha256.hex(CERTIFICATE)).contains("Recycling by MetalCo GmbH (R2v3 R2-4711); weight 2.5 kg");
        Matcher link = DOWNLOAD.matcher(page);
        assertThat(link.find()).as("a download link on the asset page").isTrue();
        String fileId = link.group(2);

        PortalSession.Response download = a.get(link.group(1));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(Sha256.hex(download.bytes())).isEqualTo(Sha256.hex(CERTIFICATE));
        assertThat(disposedEventEvidence(retirement)).contains(Sha256.hex(CERTIFICATE));

        PortalSession b = PortalSession.signedIn(port, userOfB, PortalFixture.PASSWORD);
        assertThat(b.get(link.group(1)).status()).isEqualTo(404);
        assertThat(b.get(link.group(1)).body()).doesNotContain("RC-2026-0042");
        String api = "/api/v1/retirements/" + retirement + "/evidence";
        assertThat(ApiClient.withToken(port, tokenOfB).get(api).status()).isEqualTo(404);
        assertThat(ApiClient.withToken(port, tokenOfB).get(api + "/" + fileId + "/content").status()).isEqualTo(404);
        ApiClient.Response staffList = ApiClient.withToken(port, staffToken).get(api);
        assertThat(staffList.status()).isEqualTo(200);
        assertThat(staffList.json().get(0).get("sha256").asText()).isEqualTo(Sha256.hex(CERTIFICATE));
        assertThat(staffList.json().get(0).get("kind").asText()).isEqualTo("RECYCLING_CERTIFICATE");
        assertThat(ApiClient.withToken(port, staffToken).get(api + "/" + fileId + "/content").body())
                .isEqualTo(CERTIFICATE);
    }

    @Test
    void refusesARecyclingWithoutACertificateOrWithAFileThatIsNoDocumentAndKeepsNothing() {
        UUID retirement = receivedRetirement();
        PortalSession a = PortalSession.signedIn(port, userOfA, PortalFixture.PASSWORD);
        a.get("/portal/assets/" + retirement);

        PortalSession.Response without = a.postMultipart("/portal/assets/" + retirement + "/processing",
                recycling(), List.of());
        PortalSession.Response executable = a.postMultipart("/portal/assets/" + retirement + "/processing",
                recycling(), List.of(new PortalSession.FilePart("recyclingCertificate", "certificate.pdf",
                        new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0})));

        assertThat(without.status()).isEqualTo(422);
        assertThat(without.body()).contains("id=\"recyclingCertificate-error\"");
        assertThat(executable.status()).isEqualTo(422);
        assertThat(executable.body()).contains("id=\"recyclingCertificate-error\"").contains("application/pdf")
                .doesNotContain("Exception");
        assertThat(evidenceFiles.list(retirement, fixture.staff)).isEmpty();
        assertThat(retirements.get(retirement).openTask()).isEqualTo("Task_ProcessAsset");
    }

    @Test
    void keepsTheOnSiteSanitizationReportAsEvidenceOfTheMedium() {
        UUID retirement = fixture.retirementSanitizedOnSiteBy(vendorA);
        SanitizationPlanItem medium = retirements.sanitizationPlan(retirement).get(0);
        byte[] report = ("serial,method,result\n" + medium.mediumSerial() + ",PURGE,PASSED\n")
                .getBytes(StandardCharsets.UTF_8);
        PortalSession a = PortalSession.signedIn(port, userOfA, PortalFixture.PASSWORD);
        String path = "/portal/sanitization/" + retirement + "/" + medium.mediumId();
        a.get(path);

        PortalSession.Response recorded = a.postMultipart(path, Map.of("operatorName", "Kim Tech", "operatorTitle",
                "Technician", "operatorOrganisation", "Vendor", "technique", medium.technique(), "tool", "nwipe",
                "toolVersion", "0.37", "verificationMethod", "FULL", "passed", "true",
                "postSanitizationClassification", "Unclassified", "completedAt", minutesAgo(10)),
                List.of(new PortalSession.FilePart("report", "nwipe.csv", report)));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(302);
        List<EvidenceFile> files = evidenceFiles.list(retirement, fixture.vendorActor(vendorA));
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.kind()).isEqualTo(EvidenceFile.Kind.SANITIZATION_REPORT);
            assertThat(file.mediumId()).isEqualTo(medium.mediumId());
            assertThat(file.mediaType()).isEqualTo("text/csv");
            assertThat(file.sha256()).isEqualTo(Sha256.hex(report));
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                select count(*) from custody_entry where convert_from(envelope, 'UTF8') like :sha
                   and convert_from(envelope, 'UTF8') like '%"MEDIUM_SANITIZED"%'""")
                .param("sha", "%" + Sha256.hex(report) + "%").query(Long.class).single() == 1);
    }

    private UUID receivedRetirement() {
        UUID lot = fixture.lotReceived(vendorA, 1);
        return lots.get(lot, fixture.staff).items().get(0).retirementId();
    }

    private static Map<String, String> recycling() {
        return Map.of("grade", "D", "functional", "false", "disposition", "RECYCLING", "recycler", "MetalCo GmbH",
                "recyclerCertification", "R2v3 R2-4711", "weightKg", "2.5", "place", "Leipzig",
                "completedAt", minutesAgo(30));
    }

    /** The evidence of the retirement's disposition event once it is in the custody log (JSON text). */
    private String disposedEventEvidence(UUID retirementId) {
        String[] envelope = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            envelope[0] = jdbc.sql("""
                    select convert_from(e.envelope, 'UTF8') from custody_entry e
                      join retirement_request r on r.disposed_event_id = e.event_id where r.id = :id""")
                    .param("id", retirementId).query(String.class).optional().orElse(null);
            return envelope[0] != null;
        });
        return envelope[0].substring(envelope[0].indexOf("\"evidence\""));
    }

    private static String minutesAgo(int minutes) {
        return LocalDateTime.now(ZoneOffset.UTC).minusMinutes(minutes).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
