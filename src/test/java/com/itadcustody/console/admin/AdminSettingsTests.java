package com.itadcustody.console.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.certificate.CertificateKeys;
import com.itadcustody.certificate.CertificateVerification;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.console.admin.AdminSession.Response;
import com.itadcustody.custody.CustodyEvent;
import com.itadcustody.custody.CustodyEvidence;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.custody.LogKeys;
import com.itadcustody.identity.Users;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.ConnectorSettings;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DeprovisioningConnector;
import com.itadcustody.retirement.DeprovisioningRequest;
import com.itadcustody.retirement.DeprovisioningResult;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SlaSettings;
import com.itadcustody.retirement.TaskInbox;
import com.itadcustody.retirement.internal.DeprovisioningConnectors;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import com.itadcustody.support.TestUsers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin pages' runtime settings and signing keys on the running service: connector settings apply to the next
 * connector call (against a local HTTP stub), SLA changes to the next step's timer, key rotation keeps old signatures
 * verifiable and signs new ones with the new key; bad input is refused next to its field with nothing changed.
 */
@org.springframework.boot.test.context.SpringBootTest(
        webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminSettingsTests {

    /**
     * Key rotation rewrites the key files in the data directory and the keys registered in the database: this class
     * gets a database and a data directory of its own (so not the shared context of {@link IntegrationTest}, which
     * would be a second node on the shared database, signing with its own key), and the other classes' contexts keep
     * the keys they loaded.
     */
    @DynamicPropertySource
    static void ownDatabaseAndDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        IntegrationTest.useDatabase(registry, TestDatabase.fresh());
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("admin-settings-tests-data");
        registry.add("itad.data-dir", data::toString);
    }

    static HttpServer stub;
    static final List<String> calls = new CopyOnWriteArrayList<>();
    static String admin;

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    ConnectorSettings connectorSettings;

    @Autowired
    DeprovisioningConnectors connectors;

    @Autowired
    SlaSettings slaSettings;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void stubSystemAndAdministrator(@Autowired Users users) throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            calls.add(exchange.getRequestURI().getPath());
            byte[] body = "{\"outcome\":\"DONE\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        admin = AdminSession.user(users, Role.ADMIN, null);
    }

    @AfterAll
    static void stopStub() {
        stub.stop(0);
    }

    @AfterEach
    void backToConfiguration() {
        Actor system = new Actor(null, "test", Set.of(Role.ADMIN), null);
        for (DeprovisioningAttestation.System s : DeprovisioningAttestation.System.values()) {
            connectorSettings.reset(s, system);
        }
        for (SlaSettings.Step step : SlaSettings.Step.values()) {
            slaSettings.reset(step, system);
        }
        calls.clear();
    }

    AdminSession asAdmin() {
        return AdminSession.signedIn(port, admin, AdminSession.PASSWORD);
    }

    static String stubUrl(String path) {
        return "http://127.0.0.1:" + stub.getAddress().getPort() + path;
    }

    @Test
    void connectorSettingsApplyToTheNextConnectorCall() {
        AdminSession session = asAdmin();
        assertThat(connectors.of(DeprovisioningAttestation.System.MDM)).as("configuration: none").isEmpty();

        Response saved = session.post("/admin/connectors/MDM", Map.of("mode", "CONNECTOR", "url",
                stubUrl("/mdm-a"), "timeout", "2", "maxAttempts", "1", "backoff", "0"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        callMdm();
        assertThat(calls).containsExactly("/mdm-a");

        session.post("/admin/connectors/MDM", Map.of("mode", "CONNECTOR", "url", stubUrl("/mdm-b"), "timeout", "3",
                "maxAttempts", "2", "backoff", "1"));
        callMdm();
        assertThat(calls).containsExactly("/mdm-a", "/mdm-b");
        ConnectorSettings.Setting setting = connectorSettings.of(DeprovisioningAttestation.System.MDM);
        assertThat(setting.source()).isEqualTo(ConnectorSettings.Source.ADMINISTRATOR);
        assertThat(setting.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(setting.changedBy()).isEqualTo(users.findByUsername(admin).orElseThrow().id());

        session.post("/admin/connectors/MDM", Map.of("mode", "MANUAL", "url", "", "timeout", "10",
                "maxAttempts", "3", "backoff", "1"));
        assertThat(connectors.of(DeprovisioningAttestation.System.MDM)).as("attested by hand now").isEmpty();

        String page = session.get("/admin/connectors").body();
        assertThat(page).contains("manual attestation").contains(admin).contains("connector.MDM")
                .contains(stubUrl("/mdm-b"));
        assertThat(session.post("/admin/connectors/MDM/reset", Map.of()).status()).isEqualTo(302);
        assertThat(connectorSettings.of(DeprovisioningAttestation.System.MDM).source())
                .isEqualTo(ConnectorSettings.Source.CONFIGURATION);
    }

    @Test
    void aConnectorSetOnThePageServesTheNextRetirementsConnectorsStep(@Autowired AssetRegistry assets,
            @Autowired Retirements retirements) {
        AdminSession session = asAdmin();
        session.post("/admin/connectors/DIRECTORY", Map.of("mode", "CONNECTOR", "url", stubUrl("/directory"),
                "timeout", "2", "maxAttempts", "1", "backoff", "0"));
        Asset laptop = assets.register(AssetFixtures.anyLaptop(), AssetFixtures.actor(Role.IT_STAFF));
        UUID id = retirements.request(laptop.id(), "Admin connector test", DataConfidentiality.LOW,
                AssetDestination.INTERNAL_REUSE, new Actor(UUID.randomUUID(), "staff", Set.of(Role.IT_STAFF), null))
                .id();
        Actor manager = new Actor(UUID.randomUUID(), "manager", Set.of(Role.ASSET_MANAGER), null);
        await().atMost(Duration.ofSeconds(60)).ignoreException(com.itadcustody.shared.DomainRuleViolated.class)
                .until(() -> retirements.decide(id, true, null, manager) != null);

        await().atMost(Duration.ofSeconds(60)).until(() -> calls.contains("/directory"));
        ApiClient staff = ApiClient.withToken(port, new TestUsers(users, apiTokens, vendors).tokenFor(Role.IT_STAFF));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                staff.get("/api/v1/retirements/" + id + "/deprovisioning").text())
                .contains("\"method\":\"CONNECTOR\"").contains(stubUrl("/directory")));
    }

    @Autowired
    com.itadcustody.identity.ApiTokens apiTokens;

    @Autowired
    com.itadcustody.vendor.Vendors vendors;

    @Test
    void refusesBadConnectorSettingsNextToTheFieldAndChangesNothing() {
        AdminSession session = asAdmin();
        long changesBefore = connectorSettings.history(0, 1).totalElements();
        Map<String, String> good = Map.of("mode", "CONNECTOR", "url", stubUrl("/x"), "timeout", "5",
                "maxAttempts", "3", "backoff", "1");

        Response ftp = session.post("/admin/connectors/MDM", with(good, "url", "ftp://mdm.example.com/x"));
        assertThat(ftp.status()).isEqualTo(200);
        assertThat(AdminPagesTests.errorOf(ftp.body(), "connector-url")).contains("http:// or https://");
        assertThat(ftp.body()).contains("value=\"ftp://mdm.example.com/x\"");
        assertThat(AdminPagesTests.errorOf(session.post("/admin/connectors/MDM", with(good, "url", "")).body(),
                "connector-url")).contains("http:// or https://");
        assertThat(AdminPagesTests.errorOf(session.post("/admin/connectors/MDM", with(good, "timeout", "0")).body(),
                "connector-timeout")).contains("between 1 and 60");
        assertThat(AdminPagesTests.errorOf(session.post("/admin/connectors/MDM", with(good, "timeout", "ten"))
                .body(), "connector-timeout")).contains("whole number");
        assertThat(AdminPagesTests.errorOf(session.post("/admin/connectors/MDM", with(good, "maxAttempts", "11"))
                .body(), "connector-maxAttempts")).contains("between 1 and 10");
        assertThat(AdminPagesTests.errorOf(session.post("/admin/connectors/MDM", with(good, "backoff", "61"))
                .body(), "connector-backoff")).contains("between 0 and 60");
        session.post("/admin/connectors/DIRECTORY", with(good, "timeout", "60", "maxAttempts", "2"));
        Response worst = session.post("/admin/connectors/MDM", with(good, "timeout", "60", "maxAttempts", "3"));
        assertThat(AdminPagesTests.errorOf(worst.body(), "connector-timeout")).contains("worst case");

        assertThat(connectorSettings.of(DeprovisioningAttestation.System.MDM).source())
                .isEqualTo(ConnectorSettings.Source.CONFIGURATION);
        assertThat(connectorSettings.history(0, 1).totalElements()).as("only DIRECTORY's change")
                .isEqualTo(changesBefore + 1);
        assertThat(session.get("/admin/connectors/NOT-A-SYSTEM").status()).isEqualTo(404);
    }

    @Test
    void anSlaChangeAppliesToTheNextStepsTimerAndNotToRunningSteps(@Autowired AssetRegistry assets,
            @Autowired Retirements retirements, @Autowired RuntimeService runtime,
            @Autowired ManagementService management, @Autowired TaskInbox inbox) {
        AdminSession session = asAdmin();
        UUID before = requested(assets, retirements);
        awaitApprovalTimer(runtime, management, before);

        Response saved = session.post("/admin/sla", Map.of("approval", "PT7H", "pickup", "P5D", "receipt", "P2D",
                "vendorProcessing", "P30D"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        UUID after = requested(assets, retirements);

        Instant now = Instant.now();
        assertThat(awaitApprovalTimer(runtime, management, after).getDuedate().toInstant())
                .isBetween(now.plus(Duration.ofHours(7)).minusSeconds(120), now.plus(Duration.ofHours(7)).plusSeconds(5));
        assertThat(awaitApprovalTimer(runtime, management, before).getDuedate().toInstant())
                .as("a running step keeps its deadline").isAfter(now.plus(Duration.ofDays(2)));
        Actor manager = AssetFixtures.actor(Role.ASSET_MANAGER);
        for (UUID retirement : List.of(before, after)) {
            assertThat(retirements.tasksFor(manager, retirement)).singleElement()
                    .satisfies(step -> assertThat(inbox.dueAt(step))
                            .as("the inbox shows the deadline the step's escalation timer has")
                            .isCloseTo(awaitApprovalTimer(runtime, management, retirement).getDuedate().toInstant(),
                                    within(5, ChronoUnit.SECONDS)));
        }
        assertThat(slaSettings.current(SlaSettings.Step.APPROVAL)).isEqualTo(Duration.ofHours(7));
        assertThat(slaSettings.current(SlaSettings.Step.PICKUP)).isEqualTo(Duration.ofDays(5));
        String page = session.get("/admin/sla").body();
        assertThat(page).contains("sla.APPROVAL").contains("PT7H").contains(admin);
        assertThat(slaSettings.history(0, 10).content()).filteredOn(c -> c.setting().equals("sla.APPROVAL"))
                .first().satisfies(c -> {
                    assertThat(c.newValue()).isEqualTo("PT7H");
                    assertThat(c.oldValue()).isEqualTo("configuration: PT72H");
                });
    }

    @Test
    void refusesBadSlasNextToTheFieldAndChangesNothing() {
        AdminSession session = asAdmin();

        Response bad = session.post("/admin/sla", Map.of("approval", "3 days", "pickup", "P400D", "receipt", "PT0S",
                "vendorProcessing", "P10D"));

        assertThat(bad.status()).isEqualTo(200);
        assertThat(AdminPagesTests.errorOf(bad.body(), "sla-approval")).contains("not an ISO-8601 duration");
        assertThat(AdminPagesTests.errorOf(bad.body(), "sla-pickup")).contains("at most P365D");
        assertThat(AdminPagesTests.errorOf(bad.body(), "sla-receipt")).contains("longer than zero");
        assertThat(AdminPagesTests.errorOf(bad.body(), "sla-vendorProcessing")).isEmpty();
        assertThat(bad.body()).contains("value=\"3 days\"").contains("value=\"P10D\"");
        assertThat(slaSettings.list()).allMatch(s -> !s.overridden());
    }

    @Test
    void rotatingTheCustodyKeyKeepsOldProofsValidAndSignsNewCheckpointsWithTheNewKey(
            @Autowired LogKeys logKeys, @Autowired CustodyLog custody, @Autowired CustodyEvidence evidence,
            @Autowired AssetRegistry assets,
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        AdminSession session = asAdmin();
        String oldKey = logKeys.list().stream().filter(LogKeys.LogKey::active).findFirst().orElseThrow().keyId();
        CustodyEvidence.Evidence before = evidence.of(event(custody, assets, transaction), Duration.ofSeconds(60));

        assertThat(session.get("/admin/keys/log/rotation").body()).contains("id=\"rotation-form\"");
        Response unconfirmed = session.post("/admin/keys/log/rotation", Map.of());
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("id=\"confirm-error\"");
        assertThat(logKeys.list().stream().filter(LogKeys.LogKey::active).findFirst().orElseThrow().keyId())
                .isEqualTo(oldKey);
        Response rotated = session.post("/admin/keys/log/rotation", Map.of("confirm", "true"));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(302);

        String newKey = logKeys.list().stream().filter(LogKeys.LogKey::active).findFirst().orElseThrow().keyId();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(evidence.verify(before.leafHash(), before.seq(), before.tlogProof()).valid())
                .as("a proof against a checkpoint of the old key").isTrue();
        CustodyEvidence.Evidence after = evidence.of(event(custody, assets, transaction), Duration.ofSeconds(60));
        assertThat(evidence.verify(after.leafHash(), after.seq(), after.tlogProof()).valid()).isTrue();
        String signedBy = jdbc.sql("select key_id from custody_checkpoint where tree_size = ?")
                .param(after.treeSize()).query(String.class).single();
        assertThat(signedBy).isEqualTo(newKey);
        assertThat(logKeys.rotations(5)).first().satisfies(r -> {
            assertThat(r.oldKeyId()).isEqualTo(oldKey);
            assertThat(r.newKeyId()).isEqualTo(newKey);
            assertThat(r.rotatedBy()).isEqualTo(users.findByUsername(admin).orElseThrow().id());
        });
        String page = session.get("/admin/keys").body();
        assertThat(page).contains("log-key-" + oldKey).contains("log-key-" + newKey).contains("retired")
                .contains(admin);
        assertThat(ApiClient.anonymous(port).get("/api/v1/public/custody/keys").text()).contains(oldKey)
                .contains(newKey);
    }

    @Test
    void rotatingTheCertificateKeyKeepsOldCertificatesValidAndSignsNewOnesWithTheNewKey(
            @Autowired CertificateKeys certificateKeys, @Autowired Certificates certificates,
            @Autowired AssetRegistry assets) {
        AdminSession session = asAdmin();
        ApiClient verifier = ApiClient.withToken(port, new TestUsers(users, apiTokens, vendors)
                .tokenFor(Role.VERIFIER));
        String oldKey = certificateKeys.list().stream().filter(CertificateKeys.SigningCertificate::active)
                .findFirst().orElseThrow().keyId();
        String first = issue(verifier, assets);

        Response rotated = session.post("/admin/keys/certificate/rotation", Map.of("confirm", "true"));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(302);
        String newKey = certificateKeys.list().stream().filter(CertificateKeys.SigningCertificate::active)
                .findFirst().orElseThrow().keyId();
        assertThat(newKey).isNotEqualTo(oldKey);

        String second = issue(verifier, assets);
        assertThat(certificates.get(first).signingKeyId()).isEqualTo(oldKey);
        assertThat(certificates.get(second).signingKeyId()).isEqualTo(newKey);
        for (String number : List.of(first, second)) {
            CertificateVerification verified = certificates.verifyPdf(certificates.pdf(number));
            assertThat(verified.verdict()).as(number + ": " + verified.summary())
                    .isEqualTo(CertificateVerification.Verdict.VALID);
        }
        assertThat(certificateKeys.trustAnchorsPem().split("BEGIN CERTIFICATE", -1)).hasSizeGreaterThan(2);
        assertThat(certificateKeys.rotations(5)).first().satisfies(r -> {
            assertThat(r.oldKeyId()).isEqualTo(oldKey);
            assertThat(r.newKeyId()).isEqualTo(newKey);
        });
        assertThat(session.get("/admin/keys").body()).contains("certificate-key-" + oldKey)
                .contains("certificate-key-" + newKey);
    }

    private String issue(ApiClient verifier, AssetRegistry assets) {
        Asset server = assets.register(AssetFixtures.anyServerWithTwoDisks(), AssetFixtures.actor(Role.IT_STAFF));
        ObjectNode record = purge(server.id(), server.media().get(0).id());
        var issued = verifier.post("/api/v1/certificates/sanitization", record.toString());
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        return issued.json().get("number").asText();
    }

    private static ObjectNode purge(UUID assetId, UUID mediumId) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        ObjectNode r = json.createObjectNode();
        r.put("assetId", assetId.toString());
        r.put("mediumId", mediumId.toString());
        r.set("performedBy", person(json, "Alex Operator", "Sanitization technician"));
        r.put("classification", "Confidential");
        r.put("dataBackedUp", "NO");
        r.put("methodType", "PURGE");
        r.put("methodUsed", "CRYPTO_ERASE");
        r.put("methodDetails", "ATA SANITIZE CRYPTO SCRAMBLE EXT");
        r.put("tool", "nwipe");
        r.put("toolVersion", "0.37");
        r.put("verificationMethod", "FULL");
        r.put("postSanitizationClassification", "Unclassified");
        r.put("destination", "RECYCLING_FACILITY");
        r.put("destinationDetails", "GreenCycle GmbH, Leipzig (R2v3)");
        r.put("sanitizedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        r.set("validatedBy", person(json, "Sam Verifier", "Compliance analyst"));
        return r;
    }

    private static ObjectNode person(com.fasterxml.jackson.databind.ObjectMapper json, String name, String title) {
        ObjectNode p = json.createObjectNode();
        p.put("name", name);
        p.put("title", title);
        p.put("organisation", "Example Corp IT");
        p.put("location", "Berlin data centre");
        p.put("phone", "+49 30 1234567");
        return p;
    }

    private static UUID event(CustodyLog custody, AssetRegistry assets, TransactionTemplate transaction) {
        Asset laptop = assets.register(AssetFixtures.anyLaptop(), AssetFixtures.actor(Role.IT_STAFF));
        return transaction.execute(status -> custody.append(CustodyEvent.now(laptop.id(), laptop.serialNumber(),
                "LABEL_PRINTED", AssetFixtures.actor(Role.IT_STAFF), Map.of("note", "key rotation test"))));
    }

    private static UUID requested(AssetRegistry assets, Retirements retirements) {
        Asset laptop = assets.register(AssetFixtures.anyLaptop(), AssetFixtures.actor(Role.IT_STAFF));
        return retirements.request(laptop.id(), "SLA test", DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE,
                new Actor(UUID.randomUUID(), "staff", Set.of(Role.IT_STAFF), null)).id();
    }

    private static Job awaitApprovalTimer(RuntimeService runtime, ManagementService management, UUID retirement) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(retirement.toString())
                    .singleResult();
            return instance == null ? null : management.createJobQuery().processInstanceId(instance.getId())
                    .activityId("Timer_ApprovalOverdue").singleResult();
        }, job -> job != null);
    }

    private static Map<String, String> with(Map<String, String> form, String... changes) {
        Map<String, String> changed = new java.util.LinkedHashMap<>(form);
        for (int i = 0; i < changes.length; i += 2) {
            changed.put(changes[i], changes[i + 1]);
        }
        return changed;
    }

    private void callMdm() {
        DeprovisioningConnector connector = connectors.of(DeprovisioningAttestation.System.MDM).orElseThrow();
        UUID retirement = UUID.randomUUID();
        DeprovisioningResult result = connector.deprovision(new DeprovisioningRequest(
                DeprovisioningRequest.requestIdOf(retirement, DeprovisioningAttestation.System.MDM), retirement,
                DeprovisioningAttestation.System.MDM, UUID.randomUUID(), "TAG-1", "SN-1", "LAPTOP", "Make", "Model"));
        assertThat(result.httpStatus()).isEqualTo(200);
    }
}
