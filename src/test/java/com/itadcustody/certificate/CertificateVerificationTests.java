package com.itadcustody.certificate;

import static com.itadcustody.certificate.CertificateFixtures.purge;
import static com.itadcustody.certificate.CertificateFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.certificate.internal.CertificateDocument;
import com.itadcustody.certificate.internal.pdf.CertificatePdfRenderer;
import com.itadcustody.certificate.internal.signing.DocumentSigner;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.PdfCommands;
import com.itadcustody.custody.VerifyProofCommand;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.signatures.PdfPadesSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public verification answers, for a genuine certificate and for each way one can be forged or withdrawn; every
 * rejection names its reason.
 */
class CertificateVerificationTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    com.itadcustody.support.TestUsers users;

    @Autowired
    AssetRegistry assets;

    @Autowired
    CertificatePdfRenderer renderer;

    @Autowired
    DocumentSigner signer;

    ApiClient verifier;
    ApiClient anyone;
    String number;
    byte[] genuine;

    @BeforeEach
    void issueOne() {
        verifier = ApiClient.withToken(port, users.tokenFor(Role.VERIFIER));
        anyone = ApiClient.anonymous(port);
        Asset server = server(assets);
        number = verifier.post("/api/v1/certificates/sanitization",
                purge(server.id(), server.media().get(0).id()).toString()).json().get("number").asText();
        genuine = verifier.get("/api/v1/certificates/" + number + "/pdf").body();
    }

    @Test
    void aGenuineCertificateIsValidByNumberAndByUpload() {
        JsonNode byNumber = anyone.get("/api/v1/public/certificates/" + number + "/verification").json();
        JsonNode byUpload = upload(genuine);

        for (JsonNode answer : List.of(byNumber, byUpload)) {
            assertThat(answer.get("verdict").asText()).as(answer.toString()).isEqualTo("VALID");
            assertThat(answer.get("number").asText()).isEqualTo(number);
            assertThat(answer.get("summary").asText()).contains("genuine");
            assertThat(answer.get("signatureLevel").asText()).isEqualTo("B-B");
            assertThat(answer.get("checks")).allSatisfy(c -> assertThat(c.get("passed").asBoolean())
                    .as(c.toString()).isTrue());
            assertThat(answer.get("checks")).extracting(c -> c.get("name").asText()).contains("signature-integrity",
                    "covers-whole-document", "signer-is-ours", "registered", "matches-registry", "custody-proof");
        }
    }

    @Test
    void oneByteChangedInsideTheSignedRangeIsRejected() {
        byte[] changed = genuine.clone();
        int version = indexOf(changed, "%PDF-1.") + "%PDF-1.".length();
        changed[version] = (byte) (changed[version] == '7' ? '6' : '7');

        JsonNode answer = upload(changed);

        assertThat(answer.get("verdict").asText()).isEqualTo("INVALID");
        assertThat(failed(answer)).contains("signature-integrity", "matches-registry");
    }

    @Test
    void textAddedByAnIncrementalUpdateAfterSigningIsRejected() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(genuine)), new PdfWriter(out),
                new StampingProperties().useAppendMode())) {
            new PdfCanvas(pdf.getFirstPage()).beginText()
                    .setFontAndSize(PdfFontFactory.createFont(), 12).moveText(50, 50)
                    .showText("Method type: Destroy").endText();
        }

        JsonNode answer = upload(out.toByteArray());

        assertThat(answer.get("verdict").asText()).isEqualTo("INVALID");
        assertThat(failed(answer)).contains("covers-whole-document", "matches-registry")
                .doesNotContain("signature-integrity");
        assertThat(answer.get("summary").asText()).contains("added to the file after it was signed");
    }

    @Test
    void aSignatureReplacedByOneFromAKeyThatIsNotOursIsRejected() throws Exception {
        byte[] unsigned = java.util.Arrays.copyOf(genuine, endOfOriginalRevision(genuine));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeyPair keys = ecKeys();
        X509Certificate stranger = selfSigned(keys, "CN=Not ITAD Custody,O=Forgers Ltd");
        new PdfPadesSigner(new PdfReader(new ByteArrayInputStream(unsigned)), out).signWithBaselineBProfile(
                new SignerProperties().setReason("forged"), new Certificate[] {stranger},
                new PrivateKeySignature(keys.getPrivate(), "SHA256", BouncyCastleProvider.PROVIDER_NAME));

        JsonNode answer = upload(out.toByteArray());

        assertThat(answer.get("verdict").asText()).isEqualTo("INVALID");
        assertThat(failed(answer)).contains("signer-is-ours", "matches-registry")
                .doesNotContain("signature-integrity", "covers-whole-document");
        assertThat(answer.get("signer").asText()).contains("Forgers Ltd");
    }

    @Test
    void aRevokedCertificateIsReportedRevokedWithItsReason() {
        ApiClient compliance = ApiClient.withToken(port, users.tokenFor(Role.COMPLIANCE));
        compliance.post("/api/v1/certificates/" + number + "/revocation",
                "{\"reason\":\"Issued for the wrong medium\"}");

        for (JsonNode answer : List.of(upload(genuine),
                anyone.get("/api/v1/public/certificates/" + number + "/verification").json())) {
            assertThat(answer.get("verdict").asText()).isEqualTo("REVOKED");
            assertThat(answer.get("status").asText()).isEqualTo("REVOKED");
            assertThat(answer.get("statusReason").asText()).isEqualTo("Issued for the wrong medium");
            assertThat(answer.get("summary").asText()).contains("revoked", "wrong medium");
        }
    }

    @Test
    void aCertificateWhoseEmbeddedCustodyProofDoesNotMatchTheLogIsRejected() throws Exception {
        JsonNode data = CertificateApiTests.json(
                com.itadcustody.certificate.internal.pdf.CertificatePdfReader.embeddedJson(genuine).orElseThrow());
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) data.deepCopy();
        var custody = (com.fasterxml.jackson.databind.node.ObjectNode) json.get("custody");
        String wrongLeaf = "00".repeat(32);
        custody.put("leafHash", wrongLeaf);
        CertificateDocument forged = new CertificateDocument(number, "Certificate of Sanitization", "forged",
                Instant.now(), "ITAD Custody (demo)", List.of(), "http://localhost/verify/" + number,
                json.toString().getBytes(StandardCharsets.UTF_8), new CertificateDocument.Evidence(
                        custody.get("seq").asLong(), wrongLeaf, wrongLeaf, custody.get("checkpoint").asText(),
                        custody.get("tlogProof").asText()));
        byte[] signedByUs = signer.sign(renderer.render(forged), "forged", "test").pdf();

        JsonNode answer = upload(signedByUs);

        assertThat(answer.get("verdict").asText()).isEqualTo("INVALID");
        assertThat(failed(answer)).contains("custody-proof", "matches-registry")
                .doesNotContain("signature-integrity", "signer-is-ours");
        assertThat(check(answer, "custody-proof").get("detail").asText()).contains("does not verify");
    }

    @Test
    void aNumberThatWasNeverIssuedOrIsMistypedGetsASpecificAnswer() {
        String neverIssued = com.itadcustody.certificate.internal.CertificateNumbersAccess.format(2026, 999_998);

        JsonNode answer = anyone.get("/api/v1/public/certificates/" + neverIssued + "/verification").json();
        assertThat(answer.get("verdict").asText()).isEqualTo("NOT_FOUND");
        assertThat(answer.get("summary").asText()).contains("No certificate with the number " + neverIssued);

        String typo = number.substring(0, number.length() - 1)
                + (char) ('0' + (number.charAt(number.length() - 1) - '0' + 1) % 10);
        Response mistyped = anyone.get("/api/v1/public/certificates/" + typo + "/verification");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.json().get("rule").asText()).isEqualTo("invalid-certificate-number");
        assertThat(mistyped.json().get("detail").asText()).contains("mistyped");
        assertThat(anyone.get("/api/v1/public/certificates/hello/verification").status()).isEqualTo(400);
    }

    @Test
    void garbageOrAnUnsignedFileIsAnsweredWithoutAnError() {
        JsonNode garbage = upload("not a pdf at all".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.get("verdict").asText()).isEqualTo("INVALID");
        assertThat(failed(garbage)).contains("signature-present", "registered");

        Response empty = anyone.send("POST", "/api/v1/public/certificates/verification", "application/pdf",
                new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void thePublicPageAnswersInPlainWords() {
        Response page = anyone.get("/verify/" + number);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Genuine and valid", number, "signature-integrity");
        String good = com.itadcustody.certificate.internal.CertificateNumbersAccess.format(2026, 1);
        String typo = good.substring(0, good.length() - 1) + (char) ('0' + (good.charAt(good.length() - 1) - '0' + 1)
                % 10);
        assertThat(anyone.get("/verify/" + typo).text()).contains("check digit");
        assertThat(anyone.get("/verify").text()).contains("upload the certificate PDF", "Certificate number");
    }

    @Test
    void anAuditorChecksTheSignatureAndTheEmbeddedCustodyProofOfflineWithStandardTools(@TempDir Path work)
            throws Exception {
        Path pdf = Files.write(work.resolve(number + ".pdf"), genuine);
        String ca = anyone.get("/api/v1/public/certificates/ca.pem").text();
        Path keys = Files.writeString(work.resolve("keys.txt"), anyone.get("/api/v1/public/custody/keys").text());

        assertThat(PdfCommands.pdfsig(work, genuine, ca).output()).contains("Signature is Valid",
                "Certificate is Trusted", "Total document signed");
        PdfCommands.Run detach = PdfCommands.run(List.of("pdfdetach", "-saveall", "-o", work.toString(),
                pdf.toString()));
        assertThat(detach.exitCode()).as(detach.output()).isZero();
        JsonNode data = CertificateApiTests.json(Files.readAllBytes(work.resolve("certificate.json")));
        assertThat(data.get("number").asText()).isEqualTo(number);
        String leaf = data.at("/custody/leafHash").asText();
        Path proof = work.resolve("custody-proof.tlog");
        assertThat(Files.readString(proof)).isEqualTo(data.at("/custody/tlogProof").asText());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int ok = VerifyProofCommand.run(new String[] {proof.toString(), "--leaf", leaf, "--keys", keys.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(ok).as(out.toString(StandardCharsets.UTF_8)).isZero();
        int wrongLeaf = VerifyProofCommand.run(new String[] {proof.toString(), "--leaf", "11".repeat(32), "--keys",
                keys.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(wrongLeaf).isEqualTo(1);
    }

    @Test
    void thePublicPageVerifiesAnUploadedFileWithoutAnAccount() throws Exception {
        var cookies = new java.net.CookieManager();
        var http = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        String form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/verify")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form);
        assertThat(csrf.find()).as("the upload form carries a CSRF token").isTrue();
        String boundary = "----itad" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + number
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(genuine);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Genuine and valid", number + ".pdf", "matches-registry");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private JsonNode upload(byte[] pdf) {
        Response response = anyone.send("POST", "/api/v1/public/certificates/verification", "application/pdf", pdf);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> failed(JsonNode answer) {
        List<String> names = new java.util.ArrayList<>();
        answer.get("checks").forEach(c -> {
            if (!c.get("passed").asBoolean()) {
                names.add(c.get("name").asText());
            }
        });
        return names;
    }

    private static JsonNode check(JsonNode answer, String name) {
        for (JsonNode c : answer.get("checks")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + answer);
    }

    private static int indexOf(byte[] haystack, String needle) {
        String text = new String(haystack, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(needle);
        assertThat(at).as("'%s' in the file", needle).isNotNegative();
        return at;
    }

    /** The length of the file before the signing revision: up to the end of the %%EOF line before /ByteRange. */
    private static int endOfOriginalRevision(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int signature = text.lastIndexOf("/ByteRange");
        int eof = text.lastIndexOf("%%EOF", signature);
        int end = eof + "%%EOF".length();
        while (end < text.length() && (text.charAt(end) == '\n' || text.charAt(end) == '\r')) {
            end++;
        }
        return end;
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys, String subject) throws Exception {
        Instant now = Instant.now();
        X500Name name = new X500Name(subject);
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
                keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
