package com.itadcustody.partner.inbound;

import static com.itadcustody.partner.inbound.ErasureFixture.HEADER;
import static com.itadcustody.partner.inbound.ErasureFixture.csv;
import static com.itadcustody.partner.inbound.ErasureFixture.csvLine;
import static com.itadcustody.partner.inbound.ErasureFixture.unknownSerial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.partner.inbound.ErasureFixture.Waiting;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import com.itadcustody.vendor.Vendors;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The vendors' file drop, polled by Spring Integration: a dropped report is applied like an upload and moved to
 * processed/ with its result beside it; refused files move to failed/ with the reason. Runs in a context of its own
 * (with its own database) because the drop is configured at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErasureReportDropTests {

    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("itad-drop-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void drop(DynamicPropertyRegistry registry) {
        IntegrationTest.useDatabase(registry, TestDatabase.fresh());
        registry.add("itad.partner.drop.root", ROOT::toString);
        registry.add("itad.partner.drop.poll-interval", () -> "PT0.2S");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var files = Files.walk(ROOT)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Autowired
    Retirements retirements;

    @Autowired
    AssetRegistry assets;

    @Autowired
    Vendors vendors;

    @Autowired
    JdbcTemplate jdbc;

    ErasureFixture fixture;
    UUID vendorId;
    Path vendorDir;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new ErasureFixture(retirements, assets);
        vendorId = vendors.register("Drop vendor " + UUID.randomUUID(), new Actor(UUID.randomUUID(), "admin",
                java.util.Set.of(Role.ADMIN), null)).id();
        vendorDir = ROOT.resolve(vendorId.toString());
        Files.createDirectories(vendorDir.resolve("inbox"));
    }

    @Test
    void aDroppedReportIsAppliedAndMovedToProcessedWithItsResult() throws IOException {
        List<Waiting> media = fixture.waitingMedia(vendorId, 2);
        String file = csv(media) + csvLine(unknownSerial(), null, "PURGE", "CRYPTO_ERASE", "passed");

        drop("wipe-2026-11-30.csv", file.getBytes(StandardCharsets.UTF_8));

        JsonNode result = awaitResult("processed", "wipe-2026-11-30.csv");
        assertThat(vendorDir.resolve("inbox/wipe-2026-11-30.csv")).doesNotExist();
        assertThat(vendorDir.resolve("processed/wipe-2026-11-30.csv")).hasContent(file);
        assertThat(result.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(result.at("/report/applied").asInt()).isEqualTo(2);
        assertThat(result.get("lines")).extracting(l -> l.get("outcome").asText())
                .containsExactly("APPLIED", "APPLIED", "EXCEPTION");
        for (Waiting m : media) {
            fixture.awaitStep(m.retirementId(), "Task_VerifyMedium");
        }
        assertThat(jdbc.queryForObject("select source from erasure_report where vendor_id = ?", String.class,
                vendorId)).isEqualTo("DROP");

        drop("wipe-again.csv", file.getBytes(StandardCharsets.UTF_8));
        JsonNode again = awaitResult("processed", "wipe-again.csv");
        assertThat(again.get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(jdbc.queryForObject("select count(*) from medium_sanitization where retirement_id = ?",
                Integer.class, media.get(0).retirementId())).isEqualTo(1);
    }

    @Test
    void refusedFilesMoveToFailedWithTheReasonAndNothingIsApplied() throws IOException {
        List<Waiting> media = fixture.waitingMedia(vendorId, 1);
        drop("broken.xml", ErasureFixture.xml(media).replace("</erasure-records>", "")
                .getBytes(StandardCharsets.UTF_8));
        drop("columns.csv", "mediumSerial,result\nX,passed\n".getBytes(StandardCharsets.UTF_8));

        JsonNode broken = awaitResult("failed", "broken.xml");
        JsonNode columns = awaitResult("failed", "columns.csv");

        assertThat(broken.get("status").asText()).isEqualTo("REFUSED");
        assertThat(broken.get("type").asText()).isEqualTo("malformed-xml");
        assertThat(broken.get("reason").asText()).contains("not well-formed XML");
        assertThat(columns.get("type").asText()).isEqualTo("missing-column");
        assertThat(columns.get("reason").asText()).contains("methodType", "operator");
        assertThat(vendorDir.resolve("failed/broken.xml")).exists();
        assertThat(jdbc.queryForObject("select count(*) from medium_sanitization where retirement_id = ?",
                Integer.class, media.get(0).retirementId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from erasure_report where vendor_id = ?", Integer.class,
                vendorId)).isZero();
    }

    @Test
    void aHundredMegabyteDropIsRefusedWithoutBeingRead() throws IOException {
        Path partial = vendorDir.resolve("inbox/huge.csv.part");
        byte[] line = csvLine(unknownSerial(), null, "PURGE", "CRYPTO_ERASE", "passed")
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(partial)) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 100L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        Files.move(partial, vendorDir.resolve("inbox/huge.csv"));

        JsonNode result = awaitResult("failed", "huge.csv");

        assertThat(result.get("type").asText()).isEqualTo("file-too-large");
        assertThat(result.get("reason").asText()).contains("at most 52428800 bytes");
        assertThat(Files.size(vendorDir.resolve("failed/huge.csv"))).isGreaterThan(100L * 1024 * 1024);
    }

    @Test
    void aFileOfAnUnknownVendorMovesToFailed() throws IOException {
        Path stranger = ROOT.resolve(UUID.randomUUID().toString());
        Files.createDirectories(stranger.resolve("inbox"));
        Files.writeString(stranger.resolve("inbox/r.csv"), HEADER);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(stranger.resolve("failed/r.csv.result.json")));
        assertThat(Files.readString(stranger.resolve("failed/r.csv.result.json"))).contains("vendor-known");
    }

    private void drop(String name, byte[] content) throws IOException {
        Path partial = vendorDir.resolve("inbox/." + name + ".part");
        Files.write(partial, content);
        Files.move(partial, vendorDir.resolve("inbox/" + name));
    }

    private JsonNode awaitResult(String folder, String name) throws IOException {
        Path result = vendorDir.resolve(folder + "/" + name + ".result.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(result));
        return ErasureFixture.JSON.readTree(result.toFile());
    }
}
