package com.itadcustody.partner.inbound;

import static com.itadcustody.partner.inbound.ErasureFixture.HEADER;
import static com.itadcustody.partner.inbound.ErasureFixture.csv;
import static com.itadcustody.partner.inbound.ErasureFixture.csvLine;
import static com.itadcustody.partner.inbound.ErasureFixture.multipart;
import static com.itadcustody.partner.inbound.ErasureFixture.unknownSerial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.partner.inbound.ErasureFixture.Multipart;
import com.itadcustody.partner.inbound.ErasureFixture.Waiting;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.Role;
import com.itadcustody.shared.Sha256;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure reports delivered through the upload endpoint: every layout applied end to end, records the queue must
 * hold, duplicates, files refused as a whole with nothing applied, and one vendor never seeing another's.
 */
class ErasureReportUploadTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    Retirements retirements;

    @Autowired
    AssetRegistry assets;

    @Autowired
    ErasureReports reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustodySequencer sequencer;

    @Autowired
    LogStore log;

    ErasureFixture fixture;
    UUID vendorId;
    ApiClient vendor;

    @BeforeEach
    void setUp() {
        fixture = new ErasureFixture(retirements, assets);
        vendorId = users.vendorId("Erasure vendor " + UUID.randomUUID());
        vendor = ApiClient.withToken(port, users.tokenForVendor(vendorId));
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("report.csv", (Function<List<Waiting>, String>) ErasureFixture::csv, "GENERIC_CSV"),
                Arguments.of("report.json", (Function<List<Waiting>, String>) ErasureFixture::json, "GENERIC_JSON"),
                Arguments.of("report.xml", (Function<List<Waiting>, String>) ErasureFixture::xml, "GENERIC_XML"),
                Arguments.of("tool-report.xml", (Function<List<Waiting>, String>) m -> ErasureFixture.toolXml(
                        m.get(0).assetSerial(), m), "TOOL_XML"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("layouts")
    void appliesEveryLayoutEndToEndAndTheProcessMovesOn(String fileName, Function<List<Waiting>, String> layout,
            String format) {
        List<Waiting> media = fixture.waitingMedia(vendorId, 2);
        byte[] file = layout.apply(media).getBytes(StandardCharsets.UTF_8);

        Response answer = upload(vendor, fileName, file);

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        JsonNode result = answer.json();
        assertThat(result.at("/report/format").asText()).isEqualTo(format);
        assertThat(result.at("/report/applied").asInt()).isEqualTo(2);
        assertThat(result.get("lines")).extracting(l -> l.get("outcome").asText()).containsOnly("APPLIED");
        String sha = Sha256.hex(file);
        assertThat(result.at("/report/sha256").asText()).isEqualTo(sha);
        for (Waiting m : media) {
            fixture.awaitStep(m.retirementId(), "Task_VerifyMedium");
            JsonNode sanitized = ErasureFixture.events(sequencer, log, m.assetId()).stream()
                    .filter(e -> e.get("type").asText().equals("MEDIUM_SANITIZED")).findFirst().orElseThrow();
            assertThat(sanitized.at("/evidence/0/sha256").asText()).isEqualTo(sha);
            assertThat(sanitized.at("/evidence/0/name").asText()).isEqualTo(fileName);
            assertThat(sanitized.at("/actor/org").asText()).isEqualTo(vendorId.toString());
        }
        Response original = vendor.get("/api/v1/partner/erasure-reports/" + result.at("/report/id").asText()
                + "/original");
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(file);
    }

    @Test
    void appliesTheGoodRecordsAndQueuesThreeUnknownSerials() {
        List<Waiting> media = fixture.waitingMedia(vendorId, 2);
        String file = HEADER + csvLine(unknownSerial(), null, "PURGE", "CRYPTO_ERASE", "passed")
                + csv(media.subList(0, 1)).substring(HEADER.length())
                + csvLine(unknownSerial(), null, "PURGE", "CRYPTO_ERASE", "passed")
                + csv(media.subList(1, 2)).substring(HEADER.length())
                + csvLine(unknownSerial(), null, "CLEAR", "OVERWRITE", "passed");

        JsonNode result = upload(vendor, "mixed.csv", file.getBytes(StandardCharsets.UTF_8)).json();

        assertThat(result.get("lines")).extracting(l -> l.get("line").asInt() + ":" + l.get("outcome").asText()
                + ":" + l.path("kind").asText()).containsExactly("2:EXCEPTION:UNKNOWN_SERIAL", "3:APPLIED:",
                "4:EXCEPTION:UNKNOWN_SERIAL", "5:APPLIED:", "6:EXCEPTION:UNKNOWN_SERIAL");
        for (Waiting m : media) {
            fixture.awaitStep(m.retirementId(), "Task_VerifyMedium");
        }
        JsonNode queue = vendor.get("/api/v1/partner/erasure-exceptions?state=OPEN&reportId="
                + result.at("/report/id").asText()).json();
        assertThat(queue.get("totalElements").asInt()).isEqualTo(3);
        assertThat(queue.get("content")).extracting(e -> e.get("rule").asText()).containsOnly("unknown-serial");
    }

    @Test
    void theSameFileDeliveredTwiceIsAppliedOnce() {
        List<Waiting> media = fixture.waitingMedia(vendorId, 1);
        byte[] file = csv(media).getBytes(StandardCharsets.UTF_8);

        Response first = upload(vendor, "batch-1.csv", file);
        Response again = upload(vendor, "batch-1-resent.csv", file);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().at("/report/id").asText()).isEqualTo(first.json().at("/report/id").asText());
        assertThat(attempts(media.get(0))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from erasure_report where vendor_id = ?", Integer.class,
                vendorId)).isEqualTo(1);
        JsonNode queue = vendor.get("/api/v1/partner/erasure-exceptions?kind=DUPLICATE_REPORT").json();
        assertThat(queue.get("totalElements").asInt()).isEqualTo(1);
        assertThat(queue.at("/content/0/message").asText()).contains("batch-1-resent.csv", "applied once");
    }

    @Test
    void aFailedErasureIsRecordedAsFailedAndRaisedForItStaff() {
        List<Waiting> media = fixture.waitingMedia(vendorId, 1);
        Waiting m = media.get(0);
        String file = HEADER + csvLine(m.serial(), null, m.methodType(), m.technique(), "failed");

        JsonNode result = upload(vendor, "failed.csv", file.getBytes(StandardCharsets.UTF_8)).json();

        assertThat(result.at("/lines/0/outcome").asText()).isEqualTo("APPLIED_FAILED");
        assertThat(result.at("/lines/0/kind").asText()).isEqualTo("FAILED_ERASURE");
        assertThat(ErasureFixture.events(sequencer, log, m.assetId())).extracting(e -> e.get("type").asText())
                .contains("SANITIZATION_FAILED");
        ApiClient staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
        JsonNode queue = staff.get("/api/v1/partner/erasure-exceptions?kind=FAILED_ERASURE&vendorId=" + vendorId)
                .json();
        assertThat(queue.get("content")).extracting(e -> e.get("mediumSerial").asText()).containsExactly(m.serial());
        String id = queue.at("/content/0/id").asText();
        Response resolved = staff.post("/api/v1/partner/erasure-exceptions/" + id + "/resolution",
                "{\"note\": \"Vendor re-runs the erasure tomorrow\"}");
        assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
        assertThat(resolved.json().get("state").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("resolution").asText()).isEqualTo("Vendor re-runs the erasure tomorrow");
        assertThat(resolved.json().get("resolvedBy").asText()).isEqualTo(users.userId(Role.IT_STAFF).toString());
        assertThat(staff.post("/api/v1/partner/erasure-exceptions/" + id + "/resolution", "{\"note\": \"again\"}")
                .json().get("rule").asText()).isEqualTo("already-resolved");
    }

    @Test
    void inconsistentRecordsAreQueuedWithTheirRuleAndNothingIsRecordedForThem() {
        List<Waiting> media = fixture.waitingMedia(vendorId, 3);
        Waiting wrongMethod = media.get(0);
        Waiting noTool = media.get(1);
        Waiting sanitizedTwice = media.get(2);
        String other = wrongMethod.methodType().equals("CLEAR") ? "PURGE" : "CLEAR";
        String file = HEADER + csvLine(wrongMethod.serial(), null, other, wrongMethod.technique(), "passed")
                + noTool.serial() + ",," + noTool.methodType() + "," + noTool.technique() + ",,,Jo Technician,passed,"
                + ErasureFixture.START + "," + ErasureFixture.START.plusMinutes(5) + ",FULL,\n"
                + csvLine(sanitizedTwice.serial(), null, sanitizedTwice.methodType(), sanitizedTwice.technique(),
                        "passed")
                + csvLine(sanitizedTwice.serial(), null, sanitizedTwice.methodType(), sanitizedTwice.technique(),
                        "passed");

        JsonNode result = upload(vendor, "inconsistent.csv", file.getBytes(StandardCharsets.UTF_8)).json();

        assertThat(result.get("lines")).extracting(l -> l.get("outcome").asText() + ":" + l.path("rule").asText())
                .containsExactly("EXCEPTION:method-mismatch", "EXCEPTION:tool-required", "APPLIED:",
                        "EXCEPTION:already-sanitized");
        assertThat(attempts(wrongMethod)).isZero();
        assertThat(attempts(noTool)).isZero();
        assertThat(attempts(sanitizedTwice)).isEqualTo(1);
    }

    @Test
    void itStaffUploadNamingTheVendorAndTheVendorIsRequired() {
        List<Waiting> media = fixture.waitingMedia(vendorId, 1);
        ApiClient staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
        Multipart body = multipart("r.csv", csv(media).getBytes(StandardCharsets.UTF_8));

        Response withoutVendor = staff.send("POST", "/api/v1/partner/erasure-reports", body.contentType(),
                body.body());
        assertThat(withoutVendor.status()).isEqualTo(400);
        assertThat(withoutVendor.text()).contains("vendorId");

        Response named = staff.send("POST", "/api/v1/partner/erasure-reports?vendorId=" + vendorId,
                body.contentType(), body.body());
        assertThat(named.status()).as(named.text()).isEqualTo(201);
        assertThat(named.json().at("/lines/0/outcome").asText()).isEqualTo("APPLIED");
    }

    // ---- files refused as a whole ----

    @Test
    void brokenXmlIsRefusedAndNothingIsApplied() {
        List<Waiting> media = fixture.waitingMedia(vendorId, 1);
        String broken = ErasureFixture.xml(media).replace("</erasure-records>", "");

        Response answer = upload(vendor, "broken.xml", broken.getBytes(StandardCharsets.UTF_8));

        assertRefused(answer, 400, "malformed-xml", media);
        assertThat(answer.json().get("detail").asText()).contains("not well-formed XML", "line");
    }

    @Test
    void anXmlExternalEntityIsRefusedWithoutReadingTheFileOrTheUrl(@TempDir Path dir) throws IOException {
        List<Waiting> media = fixture.waitingMedia(vendorId, 1);
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<!ENTITY x 'y'>".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        try {
            String withFile = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE erasure-records [\n"
                    + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                    + ErasureFixture.xml(media).substring(ErasureFixture.xml(media).indexOf("<erasure-records>"))
                    .replace("<notes>Bay 3 &amp; rack B</notes>", "<notes>&xxe;</notes>");
            String withUrl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE erasure-records SYSTEM \"http://"
                    + "127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd\">\n"
                    + ErasureFixture.xml(media).substring(ErasureFixture.xml(media).indexOf("<erasure-records>"));

            for (String xml : List.of(withFile, withUrl)) {
                Response answer = upload(vendor, "xxe.xml", xml.getBytes(StandardCharsets.UTF_8));
                assertRefused(answer, 400, "xml-doctype-refused", media);
                assertThat(answer.json().get("detail").asText()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
            }
            assertThat(fetched).as("the DTD's URL is never fetched").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFileInAnotherEncodingIsRefusedNamingTheReason() {
        List<Waiting> media = fixture.waitingMedia(vendorId, 1);
        Waiting m = media.get(0);
        String text = HEADER + m.serial() + ",," + m.methodType() + "," + m.technique()
                + ",DiskWipe,7.4,Jürgen Müller,passed," + ErasureFixture.START + "," + ErasureFixture.START.plusMinutes(5)
                + ",FULL,\n";

        Response latin1 = upload(vendor, "latin1.csv", text.getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(latin1, 400, "not-utf8", media);
        assertThat(latin1.json().get("detail").asText()).contains("not valid UTF-8", "offset");

        Response utf16 = upload(vendor, "utf16.csv", text.getBytes(StandardCharsets.UTF_16));
        assertRefused(utf16, 400, "not-utf8", media);

        String declared = ErasureFixture.xml(media).replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        Response xml = upload(vendor, "declared.xml", declared.getBytes(StandardCharsets.UTF_8));
        assertRefused(xml, 400, "not-utf8", media);
        assertThat(xml.json().get("detail").asText()).contains("ISO-8859-1");
    }

    @Test
    void missingColumnsAndFieldsAreRefusedNamingThem() {
        List<Waiting> media = fixture.waitingMedia(vendorId, 1);
        String withoutOperatorAndResult = csv(media).lines()
                .map(l -> String.join(",", dropColumns(l.split(",", -1), 6, 7)))
                .reduce("", (a, b) -> a + b + "\n");

        Response csvAnswer = upload(vendor, "columns.csv", withoutOperatorAndResult.getBytes(StandardCharsets.UTF_8));
        assertRefused(csvAnswer, 400, "missing-column", media);
        assertThat(csvAnswer.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("operator", "result");

        String json = ErasureFixture.json(media).replace("\"finishedAt\"", "\"finished\"");
        Response jsonAnswer = upload(vendor, "fields.json", json.getBytes(StandardCharsets.UTF_8));
        assertRefused(jsonAnswer, 422, "report-invalid", media);
        assertThat(jsonAnswer.json().get("errors")).extracting(e -> e.get("field").asText())
                .contains("finished", "finishedAt");
        assertThat(jsonAnswer.json().get("detail").asText()).contains("finishedAt");

        String xml = ErasureFixture.xml(media).replaceAll("<operator>[^<]*</operator>", "");
        Response xmlAnswer = upload(vendor, "fields.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertRefused(xmlAnswer, 422, "report-invalid", media);
        assertThat(xmlAnswer.json().at("/errors/0/field").asText()).isEqualTo("operator");
    }

    @Test
    void aHundredMegabyteFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("huge.csv");
        byte[] line = csvLine(unknownSerial(), null, "PURGE", "CRYPTO_ERASE", "passed")
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            long written = HEADER.length();
            while (written < 100L * 1024 * 1024) {
                out.write(line);
                written += line.length;
            }
        }
        AtomicInteger read = new AtomicInteger();
        try (InputStream in = new java.io.FilterInputStream(Files.newInputStream(big)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                read.addAndGet(len);
                return super.read(b, off, len);
            }
        }) {
            InputRejected refused = catchThrowableOfType(InputRejected.class, () -> reports.receive(vendorId,
                    "huge.csv", in, Files.size(big), ErasureReports.Source.UPLOAD,
                    ErasureFixture.actor(Role.IT_STAFF)));
            assertThat(refused.type()).isEqualTo("file-too-large");
            assertThat(refused.getMessage()).contains("104857", "at most 52428800 bytes");
        }
        assertThat(read).as("not a byte was read").hasValue(0);
        assertThat(jdbc.queryForObject("select count(*) from erasure_report where vendor_id = ?", Integer.class,
                vendorId)).isZero();
    }

    // ---- tenants ----

    @Test
    void aVendorNeverSeesAnotherVendorsReportsExceptionsOrMedia() {
        List<Waiting> media = fixture.waitingMedia(vendorId, 1);
        UUID otherVendor = users.vendorId("Other erasure vendor " + UUID.randomUUID());
        ApiClient other = ApiClient.withToken(port, users.tokenForVendor(otherVendor));
        String file = csv(media) + csvLine(unknownSerial(), null, "PURGE", "CRYPTO_ERASE", "passed").strip();
        JsonNode mine = upload(vendor, "mine.csv", file.getBytes(StandardCharsets.UTF_8)).json();
        String reportId = mine.at("/report/id").asText();
        String exceptionId = mine.at("/lines/1/exceptionId").asText();

        assertThat(other.get("/api/v1/partner/erasure-reports/" + reportId).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/partner/erasure-reports/" + reportId + "/original").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/partner/erasure-exceptions/" + exceptionId).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/partner/erasure-exceptions/" + exceptionId + "/resolution",
                "{\"note\": \"mine now\"}").status()).isEqualTo(404);
        assertThat(other.post("/api/v1/partner/erasure-exceptions/" + exceptionId + "/retry", null).status())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/partner/erasure-reports?vendorId=" + vendorId).json().get("content"))
                .isEmpty();
        assertThat(other.get("/api/v1/partner/erasure-exceptions?vendorId=" + vendorId).json().get("content"))
                .isEmpty();
        assertThat(vendor.get("/api/v1/partner/erasure-exceptions/" + exceptionId).status()).isEqualTo(200);

        // the other vendor's report naming this vendor's medium reads exactly as an unknown serial
        Waiting theirs = fixture.waitingMedia(vendorId, 1).get(0);
        String unknown = unknownSerial();
        String probe = HEADER + csvLine(theirs.serial(), null, theirs.methodType(), theirs.technique(), "passed")
                + csvLine(unknown, null, theirs.methodType(), theirs.technique(), "passed");
        JsonNode lines = upload(other, "probe.csv", probe.getBytes(StandardCharsets.UTF_8)).json().get("lines");
        assertThat(lines.get(0).get("message").asText().replace(theirs.serial(), "X"))
                .isEqualTo(lines.get(1).get("message").asText().replace(unknown, "X"));
        assertThat(lines.get(0).get("kind").asText()).isEqualTo("UNKNOWN_SERIAL");
        assertThat(attempts(theirs)).isZero();
        Response uploadForOther = other.send("POST", "/api/v1/partner/erasure-reports?vendorId=" + vendorId,
                multipart("x.csv", probe.getBytes(StandardCharsets.UTF_8)).contentType(),
                multipart("x.csv", probe.getBytes(StandardCharsets.UTF_8)).body());
        assertThat(uploadForOther.status()).isIn(400, 404);
    }

    // ---- helpers ----

    private Response upload(ApiClient client, String fileName, byte[] content) {
        Multipart body = multipart(fileName, content);
        return client.send("POST", "/api/v1/partner/erasure-reports", body.contentType(), body.body());
    }

    private void assertRefused(Response answer, int status, String type, List<Waiting> media) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("type").asText()).endsWith("/" + type);
        for (Waiting m : media) {
            assertThat(attempts(m)).as("nothing applied").isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from erasure_report where vendor_id = ?", Integer.class,
                vendorId)).as("nothing stored").isZero();
    }

    private int attempts(Waiting m) {
        return jdbc.queryForObject("select count(*) from medium_sanitization where retirement_id = ? and medium_id = ?",
                Integer.class, m.retirementId(), m.mediumId());
    }

    private static String[] dropColumns(String[] values, int... columns) {
        return java.util.stream.IntStream.range(0, values.length)
                .filter(i -> java.util.Arrays.stream(columns).noneMatch(c -> c == i)).mapToObj(i -> values[i])
                .toArray(String[]::new);
    }
}
