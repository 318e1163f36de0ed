package com.itadcustody.console.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.compliance.CustodyAudits;
import com.itadcustody.compliance.VerificationHistory;
import com.itadcustody.custody.CustodyAudit;
import com.itadcustody.partner.portal.PortalFixture;
import com.itadcustody.partner.portal.PortalSession;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

/**
 * The custody log page (full audit as a background job with progress, its result on a clean and on a tampered log,
 * the history of runs, the event lookup) and the certificate verification page (checks from the public page, the
 * public API and the console, all in the history, filtered by result and period).
 */
class ComplianceCustodyAndVerificationTests extends IntegrationTest {

    static final Pattern AUDIT = Pattern.compile("/compliance/custody/audits/([0-9a-f-]{36})");
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    CustodyAudits audits;

    @Autowired
    CustodyAudit custody;

    @Autowired
    VerificationHistory history;

    @Autowired
    Certificates certificates;

    static PortalFixture fixture;
    static String complianceUser;
    static String certificateNumber;

    @BeforeAll
    static void aClosedRetirementWithCertificates(@Autowired ApplicationContext context) {
        fixture = PortalFixture.from(context);
        complianceUser = fixture.user("compliance.custody", Role.COMPLIANCE, null);
        UUID vendor = fixture.certifiedVendor("Audit recycler");
        UUID lot = fixture.lotReceived(vendor, 1);
        UUID retirement = context.getBean(com.itadcustody.retirement.Lots.class).get(lot, fixture.staff).items()
                .get(0).retirementId();
        certificateNumber = fixture.resoldAndClosed(retirement, vendor);
    }

    // ---- custody audit ------------------------------------------------------------------------------------------

    @Test
    void runsTheFullAuditInTheBackgroundAndReportsThatACleanLogPasses() throws Exception {
        PortalSession session = signedIn();

        UUID run = startAudit(session);

        JsonNode state = awaitFinished(session, run);
        assertThat(state.get("state").asText()).isEqualTo("Passed");
        assertThat(state.get("done").asLong()).isEqualTo(state.get("total").asLong()).isPositive();
        assertThat(state.get("link").asText()).isEqualTo("/compliance/custody/audits/" + run);
        PortalSession.Response page = session.get("/compliance/custody/audits/" + run);
        assertThat(page.body()).contains("id=\"audit-passed\"").contains("<progress");
        assertThat(session.get("/compliance/custody").body()).contains("data-state=\"PASSED\"");
        assertThat(audits.history(0, 5).content()).anyMatch(r -> r.id().equals(run) && r.state().equals("PASSED")
                && r.startedBy().equals(complianceUser));
    }

    @Test
    void reportsTheTamperedSequenceNumberWhenAnEnvelopeWasChanged() throws Exception {
        long seq = custody.size() / 2;
        byte[] original = envelope(seq);
        PortalSession session = signedIn();
        UUID run;
        try {
            admin(seq, "update custody_entry set envelope = envelope || '\\x20'::bytea where seq = ?");
            run = startAudit(session);
            JsonNode state = awaitFinished(session, run);
            assertThat(state.get("state").asText()).isEqualTo("Failed at sequence number " + seq);
        } finally {
            restore(seq, original);
        }
        CustodyAudits.Run failed = audits.get(run);
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.firstBadSeq()).isEqualTo(seq);
        assertThat(failed.reason()).isNotBlank();
        PortalSession.Response page = session.get("/compliance/custody/audits/" + run);
        assertThat(page.body()).contains("id=\"audit-failed\"").contains("<strong id=\"first-bad-seq\">" + seq
                + "</strong>").contains("href=\"/custody/entries/" + seq + "\"");
        assertThat(session.get("/compliance/custody").body()).contains("Failed at sequence number " + seq);
    }

    @Test
    void showsTheProgressPageWithAProgressBarThatWorksWithoutJavaScript() {
        PortalSession session = signedIn();
        UUID run = startAudit(session);

        PortalSession.Response page = session.get("/compliance/custody/audits/" + run);

        assertThat(page.body()).contains("data-poll=\"/compliance/custody/audits/" + run + "/state\"")
                .contains("<progress").contains("id=\"audit-state\"");
        awaitFinished(session, run);
    }

    @Test
    void sendsAnEventLookupToTheEventPageAndExplainsABadSequenceNumber() {
        PortalSession session = signedIn();

        PortalSession.Response found = session.get("/compliance/custody/lookup?seq=42");
        PortalSession.Response bad = session.get("/compliance/custody/lookup?seq=forty-two");
        PortalSession.Response empty = session.get("/compliance/custody/lookup?seq=");

        assertThat(found.status()).isEqualTo(302);
        assertThat(found.location()).endsWith("/custody/entries/42");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"seq-error\"").contains("whole number")
                .contains("aria-describedby=\"seq-error\"").contains("value=\"forty-two\"");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Enter a sequence number");
    }

    @Test
    void listsTheLatestCheckpointsWithTheirTimestampStatus() {
        List<CustodyAudit.CheckpointSummary> latest = audits.latestCheckpoints(3);

        assertThat(latest).isNotEmpty();
        assertThat(latest).isSortedAccordingTo((x, y) -> Long.compare(y.treeSize(), x.treeSize()));
        PortalSession.Response page = signedIn().get("/compliance/custody");
        assertThat(page.body()).contains("data-tree-size=\"" + latest.get(0).treeSize() + "\"")
                .contains(latest.get(0).rootHash());
    }

    // ---- verification history -----------------------------------------------------------------------------------

    @Test
    void recordsChecksFromThePublicPageThePublicApiAndTheConsole() {
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.get("/api/v1/public/certificates/" + certificateNumber + "/verification").status())
                .isEqualTo(200);
        assertThat(PortalSession.anonymous(port).get("/verify/" + certificateNumber).status()).isEqualTo(200);
        PortalSession session = signedIn();
        session.get("/compliance/verifications");

        PortalSession.Response byNumber = session.post("/compliance/verifications",
                Map.of("number", certificateNumber));
        PortalSession.Response byUpload = session.postMultipart("/compliance/verifications", Map.of(),
                List.of(new PortalSession.FilePart("file", "certificate.pdf", certificates.pdf(certificateNumber))));

        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.body()).contains("data-verdict=\"VALID\"").contains("Genuine and valid");
        assertThat(byUpload.status()).isEqualTo(200);
        assertThat(byUpload.body()).contains("data-verdict=\"VALID\"");
        List<VerificationHistory.Check> checks = history.list(null, null, 0, 10).content().stream()
                .filter(c -> certificateNumber.equals(c.certificateNumber())).toList();
        assertThat(checks).extracting(VerificationHistory.Check::channel).contains("PUBLIC_API", "PUBLIC_PAGE",
                "CONSOLE");
        assertThat(checks).filteredOn(c -> c.channel().equals("PUBLIC_API")).allMatch(c -> c.username() == null
                && c.result().equals("VALID") && certificateNumber.equals(c.submittedNumber()));
        assertThat(checks).filteredOn(c -> c.channel().equals("CONSOLE")).hasSize(2)
                .allMatch(c -> complianceUser.equals(c.username()))
                .anyMatch(c -> c.fileSha256() != null && c.fileSha256().matches("[0-9a-f]{64}")
                        && c.submittedNumber() == null);
        PortalSession.Response list = session.get("/compliance/verifications?result=VALID");
        assertThat(list.body()).contains("data-channel=\"PUBLIC_API\"").contains("data-channel=\"CONSOLE\"")
                .contains(complianceUser).doesNotContain("data-result=\"NOT_FOUND\"");
    }

    @Test
    void recordsAMalformedNumberAndExplainsItNextToTheField() {
        PortalSession session = signedIn();
        session.get("/compliance/verifications");

        PortalSession.Response typo = session.post("/compliance/verifications", Map.of("number", "not a number"));

        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body()).contains("id=\"number-error\"").contains("aria-describedby=\"number-error\"")
                .contains("value=\"not a number\"");
        assertThat(history.list("MALFORMED_NUMBER", null, 0, 5).content()).anyMatch(c ->
                "not a number".equals(c.submittedNumber()) && complianceUser.equals(c.username()));
    }

    @Test
    void filtersTheHistoryByPeriodAndRefusesAnUnknownResult() {
        PortalSession session = signedIn();

        PortalSession.Response longAgo = session.get("/compliance/verifications?from=2001-01-01&to=2001-01-31");
        PortalSession.Response unknown = session.get("/compliance/verifications?result=MAYBE");
        PortalSession.Response reversed = session.get("/compliance/verifications?from=2020-02-01&to=2020-01-01");

        assertThat(longAgo.status()).isEqualTo(200);
        assertThat(longAgo.body()).contains("id=\"no-checks\"");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"result-error\"").contains("choose one of");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("id=\"to-error\"").contains("before the start date");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    PortalSession signedIn() {
        PortalSession session = PortalSession.anonymous(port);
        session.get("/login");
        PortalSession.Response login = session.post("/login", Map.of("username", complianceUser,
                "password", PortalFixture.PASSWORD));
        assertThat(login.location()).doesNotContain("error");
        return session;
    }

    UUID startAudit(PortalSession session) {
        session.get("/compliance/custody");
        PortalSession.Response started = session.post("/compliance/custody/audits", Map.of());
        assertThat(started.status()).isEqualTo(302);
        Matcher id = AUDIT.matcher(started.location());
        assertThat(id.find()).as(started.location()).isTrue();
        return UUID.fromString(id.group(1));
    }

    JsonNode awaitFinished(PortalSession session, UUID run) {
        JsonNode[] state = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            PortalSession.Response answer = session.get("/compliance/custody/audits/" + run + "/state");
            assertThat(answer.contentType()).startsWith("application/json");
            state[0] = JSON.readTree(answer.body());
            return state[0].get("finished").asBoolean();
        });
        return state[0];
    }

    static byte[] envelope(long seq) throws SQLException {
        try (Connection c = TestDatabase.get().adminConnection();
                PreparedStatement s = c.prepareStatement("select envelope from custody_entry where seq = ?")) {
            s.setLong(1, seq);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    static void restore(long seq, byte[] original) throws SQLException {
        try (Connection c = TestDatabase.get().adminConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                    PreparedStatement update = c.prepareStatement(
                            "update custody_entry set envelope = ? where seq = ?")) {
                s.execute("alter table custody_entry disable trigger user");
                update.setBytes(1, original);
                update.setLong(2, seq);
                update.executeUpdate();
                s.execute("alter table custody_entry enable trigger user");
            }
            c.commit();
        }
    }

    static void admin(long seq, String statement) throws SQLException {
        try (Connection c = TestDatabase.get().adminConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement(); PreparedStatement update = c.prepareStatement(statement)) {
                s.execute("alter table custody_entry disable trigger user");
                update.setLong(1, seq);
                update.executeUpdate();
                s.execute("alter table custody_entry enable trigger user");
            }
            c.commit();
        }
    }
}
