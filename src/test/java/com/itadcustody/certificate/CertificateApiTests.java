package com.itadcustody.certificate;

import static com.itadcustody.certificate.CertificateFixtures.destruction;
import static com.itadcustody.certificate.CertificateFixtures.purge;
import static com.itadcustody.certificate.CertificateFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogEntry;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.PdfCommands;
import com.itadcustody.support.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

class CertificateApiTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    AssetRegistry assets;

    @Autowired
    LogStore log;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustodySequencer sequencer;

    @TempDir
    Path work;

    ApiClient verifier;
    ApiClient compliance;

    @BeforeEach
    void signIn() {
        verifier = ApiClient.withToken(port, users.tokenFor(Role.VERIFIER));
        compliance = ApiClient.withToken(port, users.tokenFor(Role.COMPLIANCE));
    }

    @Test
    void issuesASanitizationCertificateThatPdfsigAndQpdfAcceptAndThatTheCustodyLogRecords() throws Exception {
        Asset server = server(assets);

        Response issued = verifier.post("/api/v1/certificates/sanitization",
                purge(server.id(), server.media().get(0).id()).toString());

        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        JsonNode certificate = issued.json();
        String number = certificate.get("number").asText();
        assertThat(number).matches("COS-\\d{4}-\\d{6}-\\d");
        assertThat(certificate.get("status").asText()).isEqualTo("VALID");
        assertThat(certificate.get("mediumSerial").asText()).isEqualTo(server.media().get(0).serialNumber());
        byte[] pdf = verifier.get("/api/v1/certificates/" + number + "/pdf").body();
        assertThat(sha256(pdf)).isEqualTo(certificate.get("sha256").asText());

        PdfCommands.Run pdfsig = PdfCommands.pdfsig(work, pdf, caPem());
        assertThat(pdfsig.output()).contains("Signature is Valid", "Certificate is Trusted", "Total document signed",
                "ETSI.CAdES.detached");
        PdfCommands.Run qpdf = PdfCommands.qpdfCheck(work, pdf);
        assertThat(qpdf.exitCode()).as(qpdf.output()).isZero();
        assertThat(qpdf.output()).contains("No syntax or stream encoding errors found");
        assertThat(PdfCommands.text(work, pdf)).contains(number, "Certificate of Sanitization", "Crypto erase",
                server.media().get(0).serialNumber(), "nwipe", "Custody evidence");

        List<JsonNode> events = events(server);
        assertThat(events).extracting(e -> e.get("type").asText())
                .containsSubsequence("SANITIZATION_RECORDED", "CERTIFICATE_ISSUED");
        JsonNode issuedEvent = events.stream().filter(e -> e.get("type").asText().equals("CERTIFICATE_ISSUED"))
                .findFirst().orElseThrow();
        assertThat(issuedEvent.at("/data/sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(issuedEvent.at("/data/number").asText()).isEqualTo(number);
        assertThat(issuedEvent.at("/evidence/0/sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(issuedEvent.toString()).doesNotContain("Alex Operator", "Sam Verifier");
    }

    @Test
    void aMediumHasOneValidCertificateAndNistRulesAreNamedByField() {
        Asset server = server(assets);
        String medium = server.media().get(0).id().toString();
        ObjectNode record = purge(server.id(), server.media().get(0).id());
        assertThat(verifier.post("/api/v1/certificates/sanitization", record.toString()).status()).isEqualTo(201);

        Response again = verifier.post("/api/v1/certificates/sanitization", record.toString());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("rule").asText()).isEqualTo("already-certified");

        ObjectNode noTool = purge(server.id(), server.media().get(1).id());
        noTool.remove("tool");
        assertProblem(verifier.post("/api/v1/certificates/sanitization", noTool.toString()), 422, "tool-required",
                "tool");
        ObjectNode sameValidator = purge(server.id(), server.media().get(1).id());
        sameValidator.set("validatedBy", sameValidator.get("performedBy"));
        assertProblem(verifier.post("/api/v1/certificates/sanitization", sameValidator.toString()), 422,
                "validator-is-not-performer", "validatedBy.name");
        ObjectNode shredAsPurge = purge(server.id(), server.media().get(1).id());
        shredAsPurge.put("methodUsed", "SHRED");
        assertProblem(verifier.post("/api/v1/certificates/sanitization", shredAsPurge.toString()), 422,
                "technique-matches-method", "methodUsed");
        ObjectNode missing = purge(server.id(), server.media().get(1).id());
        missing.remove("performedBy");
        missing.put("methodType", "SCRUB");
        Response invalid = verifier.post("/api/v1/certificates/sanitization", missing.toString());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.isProblem()).isTrue();
        assertThat(invalid.text()).contains("methodType");
        ObjectNode otherAssetsMedium = purge(server(assets).id(), server.media().get(1).id());
        assertThat(verifier.post("/api/v1/certificates/sanitization", otherAssetsMedium.toString()).status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from certificate where medium_id = ?::uuid", Long.class,
                medium)).isEqualTo(1);
    }

    @Test
    void onlyVerifiersAndAdministratorsIssueAndOnlyComplianceAndAdministratorsRevoke() {
        Asset server = server(assets);
        String record = purge(server.id(), server.media().get(0).id()).toString();
        ApiClient staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
        ApiClient vendor = ApiClient.withToken(port, users.tokenForVendor(users.vendorId(TestUsers.DEFAULT_VENDOR)));

        assertThat(staff.post("/api/v1/certificates/sanitization", record).status()).isEqualTo(403);
        assertThat(compliance.post("/api/v1/certificates/sanitization", record).status()).isEqualTo(403);
        assertThat(vendor.get("/api/v1/certificates").status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/api/v1/certificates").status()).isEqualTo(401);
        String number = verifier.post("/api/v1/certificates/sanitization", record).json().get("number").asText();

        assertThat(verifier.post("/api/v1/certificates/" + number + "/revocation", "{\"reason\":\"test\"}")
                .status()).isEqualTo(403);
        assertThat(staff.get("/api/v1/certificates/" + number).status()).isEqualTo(200);
        assertThat(staff.get("/api/v1/certificates?assetId=" + server.id()).json().get("content")).hasSize(1);
    }

    @Test
    void revocationNeedsAReasonKeepsTheCertificateAndHappensOnce() {
        Asset server = server(assets);
        String number = verifier.post("/api/v1/certificates/sanitization",
                purge(server.id(), server.media().get(0).id()).toString()).json().get("number").asText();

        assertProblem(compliance.post("/api/v1/certificates/" + number + "/revocation", "{\"reason\":\" \"}"), 400,
                null, "reason");
        Response revoked = compliance.post("/api/v1/certificates/" + number + "/revocation",
                "{\"reason\":\"Wrong serial number recorded by the operator\"}");

        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.json().get("statusReason").asText()).contains("Wrong serial");
        assertThat(compliance.post("/api/v1/certificates/" + number + "/revocation", "{\"reason\":\"again\"}")
                .json().get("rule").asText()).isEqualTo("certificate-not-valid");
        assertThat(compliance.get("/api/v1/certificates/" + number + "/pdf").status()).isEqualTo(200);
        assertThat(events(server)).extracting(e -> e.get("type").asText()).contains("CERTIFICATE_REVOKED");
        assertThat(compliance.post("/api/v1/certificates/COS-2026-999999-0/revocation", "{\"reason\":\"x\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void aCorrectionSupersedesTheOldCertificateAndBothStayLinked() {
        Asset server = server(assets);
        ObjectNode record = purge(server.id(), server.media().get(0).id());
        String old = verifier.post("/api/v1/certificates/sanitization", record.toString()).json().get("number")
                .asText();
        record.put("toolVersion", "0.38");
        ObjectNode correction = CertificateFixtures.JSON.createObjectNode();
        correction.put("reason", "The tool version was 0.38, not 0.37");
        correction.set("sanitization", record);

        Response corrected = verifier.post("/api/v1/certificates/" + old + "/supersession", correction.toString());

        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
        String successor = corrected.json().get("number").asText();
        assertThat(corrected.json().get("supersedes").asText()).isEqualTo(old);
        JsonNode previous = verifier.get("/api/v1/certificates/" + old).json();
        assertThat(previous.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(previous.get("supersededBy").asText()).isEqualTo(successor);
        assertThat(PdfCommands.text(work, verifier.get("/api/v1/certificates/" + successor + "/pdf").body()))
                .contains("Supersedes certificate", old, "0.38");
        assertThat(events(server)).extracting(e -> e.get("type").asText()).contains("CERTIFICATE_SUPERSEDED");
        ObjectNode otherMedium = purge(server.id(), server.media().get(1).id());
        correction.set("sanitization", otherMedium);
        assertProblem(verifier.post("/api/v1/certificates/" + successor + "/supersession", correction.toString()),
                422, "same-subject", "mediumId");
    }

    @Test
    void aDispositionCertificateNeedsEveryMediumCertifiedAndListsTheirCertificates() throws Exception {
        Asset server = server(assets);
        Response early = verifier.post("/api/v1/certificates/disposition", destruction(server.id()).toString());
        assertProblem(early, 409, "media-not-certified", "assetId");
        assertThat(early.json().get("detail").asText()).contains(server.media().get(0).serialNumber(),
                server.media().get(1).serialNumber());
        String first = verifier.post("/api/v1/certificates/sanitization", purge(server.id(),
                server.media().get(0).id()).toString()).json().get("number").asText();
        String second = verifier.post("/api/v1/certificates/sanitization", purge(server.id(),
                server.media().get(1).id()).toString()).json().get("number").asText();
        ObjectNode noParticleSize = destruction(server.id());
        noParticleSize.remove("particleSize");
        assertProblem(verifier.post("/api/v1/certificates/disposition", noParticleSize.toString()), 422,
                "details-required", "particleSize");

        Response issued = verifier.post("/api/v1/certificates/disposition", destruction(server.id()).toString());

        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String number = issued.json().get("number").asText();
        assertThat(number).startsWith("COD-");
        byte[] pdf = verifier.get("/api/v1/certificates/" + number + "/pdf").body();
        assertThat(PdfCommands.pdfsig(work, pdf, caPem()).output()).contains("Signature is Valid",
                "Certificate is Trusted", "Total document signed");
        assertThat(PdfCommands.text(work, pdf)).contains(first, second, "20 mm", "R2v3");
        assertThat(verifier.post("/api/v1/certificates/disposition", destruction(server.id()).toString()).json()
                .get("rule").asText()).isEqualTo("already-certified");
    }

    @Test
    void theApplicationRoleCannotRewriteOrDeleteAnIssuedCertificate() {
        Asset server = server(assets);
        String number = verifier.post("/api/v1/certificates/sanitization",
                purge(server.id(), server.media().get(0).id()).toString()).json().get("number").asText();

        assertThatThrownBy(() -> jdbc.update("update certificate set pdf = '\\x00'::bytea where number = ?", number))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("only its status can change");
        assertThatThrownBy(() -> jdbc.update("delete from certificate where number = ?", number))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("never removed");
        assertThatThrownBy(() -> jdbc.update("delete from certificate_signing_key"))
                .isInstanceOf(DataAccessException.class);
        jdbc.update("update certificate set status = 'REVOKED', status_changed_at = now(), status_reason = 'x'"
                + " where number = ?", number);
        assertThatThrownBy(() -> jdbc.update("update certificate set status = 'VALID', status_changed_at = null,"
                + " status_reason = null where number = ?", number))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("cannot change again");
    }

    @Test
    void theCaCertificateIsPublicAndNoPrivateKeyIsEverServed() {
        Response ca = ApiClient.anonymous(port).get("/api/v1/public/certificates/ca.pem");

        assertThat(ca.status()).isEqualTo(200);
        assertThat(ca.text()).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
    }

    private String caPem() {
        return ApiClient.anonymous(port).get("/api/v1/public/certificates/ca.pem").text();
    }

    private List<JsonNode> events(Asset asset) {
        sequencer.drainNow();
        return log.entriesOfAsset(asset.id()).stream().map(LogEntry::envelope).map(CertificateApiTests::json)
                .toList();
    }

    static void assertProblem(Response response, int status, String rule, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        if (rule != null) {
            assertThat(response.json().get("rule").asText()).isEqualTo(rule);
        }
        String text = response.text();
        assertThat(text).contains("\"" + field + "\"");
    }

    static JsonNode json(byte[] bytes) {
        try {
            return CertificateFixtures.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
