package com.itadcustody.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.compliance.EvidencePackView.State;
import com.itadcustody.custody.CustodyEvidence;
import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.Users;
import com.itadcustody.partner.portal.PortalSession;
import com.itadcustody.retirement.DisposedAssets;
import com.itadcustody.retirement.DisposedAssets.Disposed;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.Role;
import com.itadcustody.shared.Sha256;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import com.itadcustody.support.TestTimestampAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Evidence packs on a real database with a real RFC 3161 authority: an asset driven to disposal (certificates, a
 * vendor's erasure report, a recycling certificate) gets a pack that verifies with the very commands its README
 * gives (sha256sum, pdfsig, openssl, the offline verifier), and that fails those commands once a file is changed;
 * lot and period packs, progress and failure, validation, and the pages' roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidencePackTests {

    static final TestTimestampAuthority TSA = new TestTimestampAuthority();
    static final Path WORK = temporaryDirectory("evidence-pack-tests");
    static final Path DATA = temporaryDirectory(WORK, "data-");
    static final String PASSWORD = "evidence-pack-password-1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.useDatabase(registry, TestDatabase.fresh());
        registry.add("itad.data-dir", DATA::toString);
        registry.add("itad.custody.tsa-url", TSA::url);
    }

    @AfterAll
    void stopTsaAndCleanUp() throws IOException {
        TSA.close();
        try (Stream<Path> files = Files.walk(WORK)) {
            // the unpacked packs; the data directory stays, as the context may outlive this class
            for (Path file : files.filter(f -> !f.startsWith(DATA) && !f.equals(WORK))
                    .sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    EvidencePacks packs;

    @Autowired
    CustodyEvidence custody;

    @Autowired
    Users users;

    private final Actor compliance = actor(Role.COMPLIANCE);
    private final ObjectMapper json = new ObjectMapper();
    private Disposed disposed;

    // ---- the asset's pack, verified by its own README ---------------------------------------------------------

    @Test
    void anAssetsPackVerifiesWithTheCommandsOfItsOwnReadmeAndFailsThemOnceAFileIsChanged() throws Exception {
        Disposed asset = disposed();
        EvidencePackView pack = awaitFinished(packs.requestForAsset(asset.tag(), compliance));
        assertThat(pack.state()).as(String.valueOf(pack.error())).isEqualTo(State.DONE);
        assertThat(pack.done()).isEqualTo(pack.total()).isEqualTo(2);
        EvidencePackFile file = packs.file(pack.id(), compliance);
        assertThat(Sha256.hex(Files.readAllBytes(file.path()))).isEqualTo(pack.sha256()).isEqualTo(file.sha256());

        Path dir = unzip(file.path());
        String assetDir = "assets/" + asset.assetId() + "/";
        List<String> envelopes = list(dir, assetDir + "custody", ".json");
        assertThat(envelopes).hasSize(custody.entriesOfAsset(asset.assetId(), Duration.ofSeconds(30)).size())
                .hasSizeGreaterThan(20);
        assertThat(list(dir, assetDir + "custody", ".tlog-proof")).hasSameSizeAs(envelopes);
        assertThat(list(dir, assetDir + "certificates", ".pdf")).hasSize(3)
                .anyMatch(name -> name.startsWith("COD-")).filteredOn(name -> name.startsWith("COS-")).hasSize(2);
        assertThat(Files.readAllBytes(only(dir, assetDir + "erasure-reports"))).isEqualTo(asset.erasureReport());
        assertThat(Files.readAllBytes(only(dir, assetDir + "evidence"))).isEqualTo(asset.recyclingCertificate());
        assertThat(list(dir, "checkpoints", ".note")).isNotEmpty();
        assertThat(list(dir, "checkpoints", ".tst")).hasSameSizeAs(list(dir, "checkpoints", ".note"));
        assertThat(dir.resolve("keys/custody-log-keys.txt")).content().isEqualTo(String.join("\n",
                custody.verifierKeys()) + "\n");
        assertThat(dir.resolve("keys/document-signing-ca.pem")).content().contains("BEGIN CERTIFICATE");
        JsonNode manifest = json.readTree(dir.resolve("pack.json").toFile());
        assertThat(manifest.get("assets").get(0).get("tag").asText()).isEqualTo(asset.tag());
        assertThat(Files.readAllLines(dir.resolve("SHA256SUMS"))).hasSize(countFiles(dir) - 1)
                .allMatch(line -> line.matches("[0-9a-f]{64}  \\S+"));
        byte[] firstEnvelope = Files.readAllBytes(dir.resolve(assetDir + "custody/" + envelopes.get(0)));
        assertThat(new String(firstEnvelope, StandardCharsets.UTF_8)).startsWith("{\"actor\":").doesNotEndWith("\n")
                .contains("\"type\":\"ASSET_REGISTERED\"");

        PackReadmeCommands commands = PackReadmeCommands.of(dir);
        List<PackReadmeCommands.Result> results = commands.runAll(environment());
        assertThat(results).hasSize(7).allSatisfy(r -> assertThat(r.passed())
                .as("step %d of the README failed:%n%s", r.step(), r.output()).isTrue());
        assertThat(results.get(commands.stepUsing("sha256sum --check") - 1).output()).contains(": OK")
                .doesNotContain("FAILED");
        assertThat(results.get(commands.stepUsing("pdfsig") - 1).output())
                .containsOnlyOnce("COD-").contains("signature valid, signer trusted, whole document signed");
        assertThat(results.get(commands.stepUsing("pkeyutl") - 1).output()).contains("OK: checkpoints/");
        assertThat(results.get(commands.stepUsing("openssl ts") - 1).output()).contains(".tst timestamps");
        assertThat(results.get(commands.stepUsing("verify-proof") - 1).output().lines()
                .filter(line -> line.startsWith("OK: leaf ")).count()).isEqualTo(envelopes.size());
        assertThat(results.get(commands.stepUsing("assetPrev") - 1).output())
                .contains("one chain of " + envelopes.size() + " entries");
        assertThat(results.get(commands.stepUsing("is named by a custody event") - 1).output())
                .contains("erasure-reports/").contains("evidence/").doesNotContain("NOTE:");

        // an envelope changed: the manifest, the offline verifier and the chain all refuse it
        Path changedEnvelope = copy(dir);
        replace(changedEnvelope.resolve(assetDir + "custody/" + envelopes.get(0)), "ASSET_REGISTERED",
                "ASSET_REGISTERES");
        Map<String, Boolean> outcome = outcomes(changedEnvelope);
        assertThat(outcome).containsEntry("sha256sum --check", false).containsEntry("verify-proof", false)
                .containsEntry("assetPrev", false).containsEntry("pdfsig", true).containsEntry("pkeyutl", true);

        // the same change with SHA256SUMS rewritten to match: the signatures still refuse it
        rewriteSums(changedEnvelope);
        assertThat(outcomes(changedEnvelope)).containsEntry("sha256sum --check", true)
                .containsEntry("verify-proof", false).containsEntry("assetPrev", false);

        // a certificate changed: pdfsig refuses it, and no custody event names it any more
        Path changedCertificate = copy(dir);
        Path cod = dir.resolve(assetDir + "certificates").resolve(list(dir, assetDir + "certificates", ".pdf")
                .stream().filter(n -> n.startsWith("COD-")).findFirst().orElseThrow());
        flipByte(changedCertificate.resolve(dir.relativize(cod)), 2000);
        assertThat(outcomes(changedCertificate)).containsEntry("sha256sum --check", false)
                .containsEntry("pdfsig", false).containsEntry("is named by a custody event", false)
                .containsEntry("verify-proof", true);

        // a checkpoint changed: its signature and its timestamp no longer verify
        Path changedCheckpoint = copy(dir);
        String note = list(dir, "checkpoints", ".note").get(0);
        Path notePath = changedCheckpoint.resolve("checkpoints/" + note);
        List<String> lines = new ArrayList<>(Files.readAllLines(notePath));
        lines.set(1, Long.toString(Long.parseLong(lines.get(1)) + 1));
        Files.writeString(notePath, String.join("\n", lines) + "\n");
        assertThat(outcomes(changedCheckpoint)).containsEntry("sha256sum --check", false)
                .containsEntry("pkeyutl", false).containsEntry("openssl ts", false);
    }

    // ---- lots, periods, progress and failure -------------------------------------------------------------------

    @Test
    void aLotsPackAndAPeriodsPackHoldTheirAssetsAndPassTheManifestAndChainChecks() throws Exception {
        Disposed asset = disposed();
        EvidencePackView lot = awaitFinished(packs.requestForLot(asset.lotId().toString(), compliance));
        assertThat(lot.state()).as(String.valueOf(lot.error())).isEqualTo(State.DONE);
        assertThat(lot.label()).contains("1 asset");
        assertThat(lot.total()).isEqualTo(2);
        JsonNode lotAssets = json.readTree(unzip(packs.file(lot.id(), compliance).path()).resolve("pack.json")
                .toFile()).get("assets");
        assertThat(lotAssets).hasSize(1);
        assertThat(lotAssets.get(0).get("id").asText()).isEqualTo(asset.assetId().toString());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        EvidencePackView period = awaitFinished(packs.requestForPeriod(today.minusDays(1), today, compliance));
        assertThat(period.state()).as(String.valueOf(period.error())).isEqualTo(State.DONE);
        assertThat(period.label()).isEqualTo("custody events from " + today.minusDays(1) + " to " + today + " (UTC)");
        Path dir = unzip(packs.file(period.id(), compliance).path());
        JsonNode periodAssets = json.readTree(dir.resolve("pack.json").toFile()).get("assets");
        assertThat(periodAssets).extracting(a -> a.get("id").asText()).contains(asset.assetId().toString());
        assertThat(period.total()).isEqualTo(periodAssets.size() + 1);
        assertThat(period.done()).isEqualTo(period.total());
        PackReadmeCommands commands = PackReadmeCommands.of(dir);
        for (String step : List.of("sha256sum --check", "assetPrev", "pkeyutl")) {
            PackReadmeCommands.Result result = commands.run(commands.stepUsing(step), environment());
            assertThat(result.passed()).as(result.output()).isTrue();
        }

        assertThat(packs.list(0, 100, compliance).content()).extracting(EvidencePackView::id)
                .contains(lot.id(), period.id());
    }

    @Test
    void aPackThatCannotBeWrittenEndsFailedWithItsReasonAndIsNotDownloadable() throws Exception {
        Disposed asset = disposed();
        Path packsDir = DATA.resolve("evidence-packs");
        Path aside = DATA.resolve("evidence-packs.aside");
        if (Files.exists(packsDir)) {
            Files.move(packsDir, aside);
        }
        Files.writeString(packsDir, "not a directory");
        try {
            EvidencePackView pack = awaitFinished(packs.requestForAsset(asset.assetId().toString(), compliance));
            assertThat(pack.state()).isEqualTo(State.FAILED);
            assertThat(pack.error()).contains("could not be built").contains("FileAlreadyExistsException");
            assertThat(pack.finishedAt()).isNotNull();
            assertThat(pack.sha256()).isNull();
            DomainRuleViolated refused = catchThrowableOfType(DomainRuleViolated.class,
                    () -> packs.file(pack.id(), compliance));
            assertThat(refused.rule()).isEqualTo("pack-not-ready");
            assertThat(refused.getMessage()).contains("could not be built");
        } finally {
            Files.delete(packsDir);
            if (Files.exists(aside)) {
                Files.move(aside, packsDir);
            }
        }
    }

    @Test
    void progressIsReportedAsStepsDoneOfTotalWhileThePackIsBuilt() {
        Disposed asset = disposed();
        EvidencePackView requested = packs.requestForAsset(asset.tag(), compliance);
        assertThat(requested.state()).isEqualTo(State.QUEUED);
        assertThat(requested.total()).isZero();
        List<int[]> seen = new ArrayList<>();
        EvidencePackView done = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    EvidencePackView now = packs.get(requested.id(), compliance);
                    seen.add(new int[] {now.done(), now.total()});
                    return now;
                }, EvidencePackView::finished);
        assertThat(done.state()).isEqualTo(State.DONE);
        assertThat(done.startedAt()).isNotNull().isBeforeOrEqualTo(done.finishedAt());
        assertThat(seen).allSatisfy(s -> assertThat(s[0]).isBetween(0, Math.max(s[1], 0)));
        assertThat(seen.stream().mapToInt(s -> s[0]).toArray()).isSorted();
        assertThat(seen.get(seen.size() - 1)).containsExactly(2, 2);
    }

    // ---- validation and roles ----------------------------------------------------------------------------------

    @Test
    void refusesBadRequestsWithTheFieldAndAClearMessage() {
        DomainRuleViolated unknownAsset = catchThrowableOfType(DomainRuleViolated.class,
                () -> packs.requestForAsset("NO-SUCH-TAG-42", compliance));
        assertThat(unknownAsset.status().value()).isEqualTo(422);
        assertThat(unknownAsset.field()).isEqualTo("assetId");
        assertThat(unknownAsset.rule()).isEqualTo("unknown-asset");
        assertThat(unknownAsset.getMessage()).isEqualTo("no asset has the tag or id NO-SUCH-TAG-42");
        assertThat(catchThrowableOfType(DomainRuleViolated.class, () -> packs.requestForAsset(
                UUID.randomUUID().toString(), compliance)).rule()).isEqualTo("unknown-asset");
        assertThat(catchThrowableOfType(DomainRuleViolated.class, () -> packs.requestForAsset(" ", compliance))
                .rule()).isEqualTo("required");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DomainRuleViolated reversed = catchThrowableOfType(DomainRuleViolated.class,
                () -> packs.requestForPeriod(today, today.minusDays(3), compliance));
        assertThat(reversed.field()).isEqualTo("to");
        assertThat(reversed.rule()).isEqualTo("period-reversed");
        assertThat(reversed.getMessage()).isEqualTo("the last day (" + today.minusDays(3)
                + ") is before the first day (" + today + ")");
        assertThat(catchThrowableOfType(DomainRuleViolated.class, () -> packs.requestForPeriod(today.plusDays(2),
                today.plusDays(3), compliance)).rule()).isEqualTo("in-the-future");
        assertThat(catchThrowableOfType(DomainRuleViolated.class, () -> packs.requestForPeriod(
                LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 31), compliance)).rule())
                .isEqualTo("no-custody-events");
        assertThat(catchThrowableOfType(DomainRuleViolated.class, () -> packs.requestForPeriod(null, today,
                compliance)).field()).isEqualTo("from");

        assertThat(catchThrowableOfType(DomainRuleViolated.class, () -> packs.requestForLot("lot-7", compliance))
                .rule()).isEqualTo("invalid-id");
        assertThat(catchThrowableOfType(DomainRuleViolated.class, () -> packs.requestForLot(
                UUID.randomUUID().toString(), compliance)).rule()).isEqualTo("unknown-lot");

        DomainRuleViolated staff = catchThrowableOfType(DomainRuleViolated.class,
                () -> packs.requestForAsset("anything", actor(Role.IT_STAFF)));
        assertThat(staff.status().value()).isEqualTo(403);
        assertThat(catchThrowableOfType(DomainRuleViolated.class, () -> packs.list(0, 20, actor(Role.VERIFIER)))
                .status().value()).isEqualTo(403);
    }

    @Test
    void thePagesAreForComplianceAndAdminsAndShowErrorsNextToTheirFields() throws Exception {
        Disposed asset = disposed();
        PortalSession staff = signedIn(Role.IT_STAFF);
        UUID someId = UUID.randomUUID();
        for (String path : List.of("/compliance/evidence-packs", "/compliance/evidence-packs/new?assetId=x",
                "/compliance/evidence-packs/" + someId, "/compliance/evidence-packs/" + someId + "/state",
                "/compliance/evidence-packs/" + someId + "/download")) {
            assertThat(staff.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(staff.post("/compliance/evidence-packs", Map.of("scope", "ASSET", "assetId", asset.tag()))
                .status()).isEqualTo(403);
        assertThat(signedIn(Role.ADMIN).get("/compliance/evidence-packs").status()).isEqualTo(200);

        PortalSession officer = signedIn(Role.COMPLIANCE);
        PortalSession.Response list = officer.get("/compliance/evidence-packs");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"asset-pack-form\"").contains("id=\"period-pack-form\"")
                .contains("<label for=\"assetId\">");
        assertThat(officer.get("/compliance/evidence-packs/new?assetId=" + asset.tag()).body())
                .contains("value=\"" + asset.tag() + "\"");
        assertThat(officer.get("/compliance/evidence-packs/new?lotId=" + asset.lotId()).body())
                .contains("value=\"" + asset.lotId() + "\"");

        PortalSession.Response unknown = officer.post("/compliance/evidence-packs",
                Map.of("scope", "ASSET", "assetId", "NOT-A-TAG-9"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("id=\"assetId-error\"").contains("No asset has the tag or id NOT-A-TAG-9.")
                .contains("aria-invalid=\"true\"").contains("value=\"NOT-A-TAG-9\"");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PortalSession.Response reversed = officer.post("/compliance/evidence-packs", Map.of("scope", "PERIOD",
                "from", today.toString(), "to", today.minusDays(1).toString()));
        assertThat(reversed.status()).isEqualTo(422);
        assertThat(reversed.body()).contains("id=\"to-error\"").contains("is before the first day")
                .contains("value=\"" + today + "\"");
        PortalSession.Response notADate = officer.post("/compliance/evidence-packs", Map.of("scope", "PERIOD",
                "from", "31.01.2026", "to", ""));
        assertThat(notADate.status()).isEqualTo(422);
        assertThat(notADate.body()).contains("Enter a date like 2026-01-31.").contains("Enter the period")
                .contains("value=\"31.01.2026\"");

        PortalSession.Response requested = officer.post("/compliance/evidence-packs",
                Map.of("scope", "ASSET", "assetId", asset.tag()));
        assertThat(requested.status()).isEqualTo(302);
        assertThat(requested.location()).matches(".*/compliance/evidence-packs/[0-9a-f-]{36}");
        String packPath = requested.location().substring(requested.location().indexOf("/compliance/"));
        PortalSession.Response page = officer.get(packPath);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<progress").contains("asset " + asset.tag());
        JsonNode state = await().atMost(Duration.ofMinutes(3)).until(
                () -> json.readTree(officer.get(packPath + "/state").body()), s -> s.get("finished").asBoolean());
        assertThat(state.get("state").asText()).isEqualTo("Ready to download");
        assertThat(state.get("done").asInt()).isEqualTo(state.get("total").asInt()).isEqualTo(2);
        assertThat(state.get("link").asText()).isEqualTo(packPath + "/download");
        assertThat(officer.get(packPath).body()).doesNotContain("data-poll").contains("Download the pack (zip)");
        PortalSession.Response download = officer.get(packPath + "/download");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/zip");
        EvidencePackView pack = packs.get(UUID.fromString(packPath.substring(packPath.lastIndexOf('/') + 1)),
                compliance);
        assertThat(Sha256.hex(download.bytes())).isEqualTo(pack.sha256());
        assertThat(officer.get("/compliance/evidence-packs").body()).contains(packPath);

        assertThat(officer.get("/compliance/evidence-packs/" + someId).status()).isEqualTo(404);
        assertThat(officer.get("/compliance/evidence-packs/not-an-id").status()).isEqualTo(404);
        assertThat(officer.get("/compliance/evidence-packs/" + someId + "/download").status()).isEqualTo(404);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private synchronized Disposed disposed() {
        if (disposed == null) {
            disposed = new DisposedAssets(context).dispose();
        }
        return disposed;
    }

    private EvidencePackView awaitFinished(EvidencePackView requested) {
        return await().atMost(Duration.ofMinutes(3)).until(() -> packs.get(requested.id(), compliance),
                EvidencePackView::finished);
    }

    /** Which of these steps of the README pass on the pack in {@code dir}, by a text each step contains. */
    private Map<String, Boolean> outcomes(Path dir) {
        PackReadmeCommands commands = PackReadmeCommands.of(dir);
        Map<String, Boolean> outcome = new java.util.LinkedHashMap<>();
        for (String step : List.of("sha256sum --check", "pdfsig", "is named by a custody event", "pkeyutl",
                "openssl ts", "verify-proof", "assetPrev")) {
            outcome.put(step, commands.run(commands.stepUsing(step), environment()).passed());
        }
        return outcome;
    }

    /** What the README tells an auditor to set: the verifier's command and the TSA's certificate. */
    private static Map<String, String> environment() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return Map.of("VERIFY", java + " -cp " + System.getProperty("java.class.path")
                + " com.itadcustody.ItadCustodyApplication", "TSA_CA", tsaCertificate().toString());
    }

    private static Path tsaCertificate() {
        Path pem = DATA.resolve("test-tsa.pem");
        try {
            if (!Files.exists(pem)) {
                Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64,
                        "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(TSA.certificate().getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
            }
            return pem;
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PortalSession signedIn(Role role) {
        String username = "ep." + role.name().toLowerCase().replace('_', '.') + "." + UUID.randomUUID().toString()
                .substring(0, 6);
        users.register(new NewUser(username, "Evidence pack " + role, username + "@test.itadcustody.invalid",
                PASSWORD, Set.of(role), null), actor(Role.ADMIN));
        PortalSession session = PortalSession.anonymous(port);
        session.get("/login");
        PortalSession.Response login = session.post("/login", Map.of("username", username, "password", PASSWORD));
        assertThat(login.location()).doesNotContain("error");
        return session;
    }

    private static Actor actor(Role role) {
        return new Actor(UUID.randomUUID(), role.name().toLowerCase(), Set.of(role), null);
    }

    private static Path unzip(Path zip) throws IOException {
        Path dir = Files.createTempDirectory(WORK, "unpacked-");
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = dir.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(dir)).as(entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
            }
        }
        return dir;
    }

    private static Path copy(Path dir) throws IOException {
        Path copy = Files.createTempDirectory(WORK, "changed-");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(dir.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return copy;
    }

    private static List<String> list(Path dir, String folder, String suffix) throws IOException {
        Path path = dir.resolve(folder);
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static Path only(Path dir, String folder) throws IOException {
        List<String> names = list(dir, folder, "");
        assertThat(names).as(folder).hasSize(1);
        return dir.resolve(folder).resolve(names.get(0));
    }

    private static int countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static void flipByte(Path file, int offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= 0x01;
        Files.write(file, bytes);
    }

    /** Recomputes SHA256SUMS as someone rewriting the pack would. */
    private static void rewriteSums(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("SHA256SUMS"))) {
            String path = line.substring(66);
            lines.add(Sha256.hex(Files.readAllBytes(dir.resolve(path))) + "  " + path);
        }
        Files.write(dir.resolve("SHA256SUMS"), lines);
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory(Path parent, String prefix) {
        try {
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
