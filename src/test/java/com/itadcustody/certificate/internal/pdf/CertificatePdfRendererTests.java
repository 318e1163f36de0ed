package com.itadcustody.certificate.internal.pdf;

import static com.itadcustody.certificate.internal.pdf.CertificateDocumentFixtures.dispositionListing;
import static com.itadcustody.certificate.internal.pdf.CertificateDocumentFixtures.nvmeSsdSanitization;
import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.certificate.internal.CertificateDocument;
import com.itadcustody.certificate.internal.CertificateDocument.Field;
import com.itadcustody.certificate.internal.CertificateDocument.Section;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.pdfa.PdfADocument;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates as a verifier sees them with standard tools: PDF/A-3b, undamaged, fonts embedded, attachments
 * byte-identical, readable text, paginated with footers, visibly drawn, and still PDF/A after an incremental update.
 */
class CertificatePdfRendererTests {

    private static final CertificatePdfRenderer RENDERER = new CertificatePdfRenderer(PaperSize.A4);
    private static final CertificateDocument SANITIZATION = nvmeSsdSanitization();
    private static final CertificateDocument DISPOSITION = dispositionListing(100);

    private static byte[] sanitizationPdf;
    private static byte[] dispositionPdf;

    @TempDir
    Path dir;

    @BeforeAll
    static void render() {
        sanitizationPdf = RENDERER.render(SANITIZATION);
        dispositionPdf = RENDERER.render(DISPOSITION);
    }

    @Test
    void passesQpdfCheckWithoutDamageOrWarnings() {
        for (byte[] pdf : List.of(sanitizationPdf, dispositionPdf)) {
            PdfTools.Result check = PdfTools.run(dir, "qpdf", "--check", PdfTools.write(dir, "c.pdf", pdf).toString());
            assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
            assertThat(check.stdout()).contains("No syntax or stream encoding errors found")
                    .doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("damaged");
            assertThat(check.stderr()).isEmpty();
        }
    }

    @Test
    void identifiesAsPdfA3bWithAnSrgbOutputIntentAndEnglishLanguage() throws IOException {
        String xmp = PdfTools.output(dir, "pdfinfo", "-meta", PdfTools.write(dir, "c.pdf", sanitizationPdf).toString());
        assertThat(xmp).containsPattern("pdfaid:part(=\"|>)3").containsPattern("pdfaid:conformance(=\"|>)B")
                .contains("COS-2026-000123").contains("Certificate of Sanitization").contains("ITAD Custody")
                .contains(CertificateDocumentFixtures.ISSUER);
        try (PdfDocument pdf = open(sanitizationPdf)) {
            PdfDictionary catalog = pdf.getCatalog().getPdfObject();
            PdfDictionary intent = catalog.getAsArray(PdfName.OutputIntents).getAsDictionary(0);
            assertThat(intent.getAsName(PdfName.S)).isEqualTo(PdfName.GTS_PDFA1);
            assertThat(intent.getAsStream(PdfName.DestOutputProfile).getAsNumber(PdfName.N).intValue()).isEqualTo(3);
            assertThat(catalog.getAsString(PdfName.Lang).toUnicodeString()).isEqualTo("en");
            assertThat(pdf.getDocumentInfo().getTitle()).isEqualTo("Certificate of Sanitization COS-2026-000123");
        }
    }

    @Test
    void embedsEveryFont() {
        String fonts = PdfTools.output(dir, "pdffonts", PdfTools.write(dir, "c.pdf", dispositionPdf).toString());
        List<String> rows = fonts.lines().skip(2).toList();
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).contains("CID TrueType").contains(" yes yes "));
        assertThat(fonts).contains("DejaVuSans-Bold").contains("DejaVuSansMono").contains("DejaVuSans ");
    }

    @Test
    void attachesTheJsonAndTheProofByteForByteAsAssociatedFiles() throws IOException {
        Path pdf = PdfTools.write(dir, "c.pdf", sanitizationPdf);
        assertThat(PdfTools.output(dir, "pdfdetach", "-list", pdf.toString()))
                .contains("2 embedded files").contains("certificate.json").contains("custody-proof.tlog");
        PdfTools.output(dir, "pdfdetach", "-savefile", "certificate.json", "-o", "out.json", pdf.toString());
        PdfTools.output(dir, "pdfdetach", "-savefile", "custody-proof.tlog", "-o", "out.tlog", pdf.toString());
        assertThat(Files.readAllBytes(dir.resolve("out.json"))).isEqualTo(SANITIZATION.json());
        assertThat(Files.readAllBytes(dir.resolve("out.tlog")))
                .isEqualTo(SANITIZATION.evidence().tlogProof().getBytes(StandardCharsets.UTF_8));
        try (PdfDocument document = open(sanitizationPdf)) {
            PdfArray associated = document.getCatalog().getPdfObject().getAsArray(PdfName.AF);
            assertThat(associated.size()).isEqualTo(2);
            List<String> described = new ArrayList<>();
            for (int i = 0; i < associated.size(); i++) {
                PdfDictionary spec = associated.getAsDictionary(i);
                PdfStream file = spec.getAsDictionary(PdfName.EF).getAsStream(PdfName.F);
                described.add(spec.getAsString(PdfName.UF).toUnicodeString() + " "
                        + spec.getAsName(PdfName.AFRelationship).getValue() + " "
                        + file.getAsName(PdfName.Subtype).getValue());
            }
            assertThat(described).containsExactly("certificate.json Data application/json",
                    "custody-proof.tlog Data text/plain");
        }
    }

    @Test
    void printsTheNumberEverySectionAndItsValues() {
        String text = PdfTools.output(dir, "pdftotext", "-enc", "UTF-8",
                PdfTools.write(dir, "c.pdf", sanitizationPdf).toString(), "-");
        assertThat(text).contains("COS-2026-000123", "Certificate of Sanitization",
                "NIST SP 800-88 Rev. 1, Appendix G", "Issued 2026-11-28 14:03 UTC", CertificateDocumentFixtures.ISSUER);
        for (Section section : SANITIZATION.sections()) {
            assertThat(text).contains(section.heading());
        }
        assertThat(text).contains("S64ANS0T512345", "Crypto erase", "Purge", "Dana Whitfield", "Marcus Oyelaran",
                "External reuse \u2014 resale", "nvme-cli 2.10.2");
        assertThat(text).contains("Custody evidence", "48213", SANITIZATION.evidence().leafHash(),
                SANITIZATION.evidence().assetChainHead(), "c2sp.org/tlog-proof@v1", "index 48213",
                "custody.northwind.example/log");
        assertThat(text).contains("Verify this certificate", SANITIZATION.verificationUrl());
        assertThat(text).contains("digitally signed").contains("Page 1 of ");
        assertThat(countOf(text, "Notes\n\n\u2014") + countOf(text, "Notes \u2014") + countOf(text, "Notes\n\u2014"))
                .as("an empty value prints as a dash").isPositive();
    }

    @Test
    void paginatesALongDispositionWithPageXOfYOnEveryPage() {
        Path pdf = PdfTools.write(dir, "c.pdf", dispositionPdf);
        Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(PdfTools.output(dir, "pdfinfo", pdf.toString()));
        assertThat(pages.find()).isTrue();
        int count = Integer.parseInt(pages.group(1));
        assertThat(count).isGreaterThan(1);
        for (int page = 1; page <= count; page++) {
            String text = PdfTools.output(dir, "pdftotext", "-enc", "UTF-8", "-f", Integer.toString(page), "-l",
                    Integer.toString(page), pdf.toString(), "-");
            assertThat(text).as("page %d", page).contains("Page " + page + " of " + count)
                    .contains("COD-2026-000042").contains("digitally signed");
        }
        String all = PdfTools.output(dir, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        assertThat(all).contains("Media certificates (continued)", "COS-2026-001001", "COS-2026-001100",
                "Bay 100");
    }

    @Test
    void drawsVisiblePages() throws IOException {
        Path pdf = PdfTools.write(dir, "c.pdf", sanitizationPdf);
        PdfTools.output(dir, "pdftoppm", "-png", "-r", "50", pdf.toString(), "page");
        List<Path> images;
        try (var files = Files.list(dir)) {
            images = files.filter(p -> p.getFileName().toString().startsWith("page")).sorted().toList();
        }
        assertThat(images).isNotEmpty();
        for (Path image : images) {
            BufferedImage page = ImageIO.read(image.toFile());
            assertThat(page.getWidth()).isBetween(400, 430); // A4 at 50 dpi: 413 x 585 px
            assertThat(inkedShare(page)).as(image.getFileName().toString()).isGreaterThan(0.02);
        }
    }

    @Test
    void drawsTheQrCodeAsAVectorFormXObject() throws IOException {
        try (PdfDocument pdf = open(sanitizationPdf)) {
            PdfStream qr = null;
            for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
                PdfDictionary xobjects = pdf.getPage(i).getResources().getResource(PdfName.XObject);
                for (PdfName name : xobjects == null ? List.<PdfName>of() : xobjects.keySet()) {
                    PdfStream xobject = xobjects.getAsStream(name);
                    if (PdfName.Form.equals(xobject.getAsName(PdfName.Subtype))) {
                        qr = xobject;
                    }
                }
            }
            assertThat(qr).as("a form XObject on some page").isNotNull();
            String content = new String(qr.getBytes(), StandardCharsets.ISO_8859_1);
            assertThat(countOf(content, " re")).as("QR modules drawn as rectangles").isGreaterThan(100);
        }
    }

    @Test
    void laysOutOnUsLetterWhenConfigured() {
        byte[] letter = new CertificatePdfRenderer(PaperSize.LETTER).render(SANITIZATION);
        String info = PdfTools.output(dir, "pdfinfo", PdfTools.write(dir, "c.pdf", letter).toString());
        assertThat(info).containsPattern("Page size:\\s+612 x 792 pts \\(letter\\)");
        assertThat(PdfTools.output(dir, "pdfinfo", PdfTools.write(dir, "a4.pdf", sanitizationPdf).toString()))
                .containsPattern("Page size:\\s+595(\\.\\d+)? x 842(\\.\\d+)? pts \\(A4\\)");
    }

    @Test
    void staysPdfA3bAfterAnIncrementalUpdate() throws IOException {
        ByteArrayOutputStream appended = new ByteArrayOutputStream();
        try (PdfADocument pdf = new PdfADocument(new PdfReader(new ByteArrayInputStream(sanitizationPdf)),
                new PdfWriter(appended), new StampingProperties().useAppendMode())) {
            pdf.getDocumentInfo().setMoreInfo("Updated", "yes");
        }
        byte[] updated = appended.toByteArray();
        assertThat(Arrays.copyOf(updated, sanitizationPdf.length)).isEqualTo(sanitizationPdf);
        PdfTools.Result check = PdfTools.run(dir, "qpdf", "--check", PdfTools.write(dir, "u.pdf", updated).toString());
        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
        assertThat(CertificatePdfReader.embeddedJson(updated)).hasValueSatisfying(
                json -> assertThat(json).isEqualTo(SANITIZATION.json()));
    }

    @Test
    void printsEdgeCasesWithoutFailing() {
        List<Field> awkward = List.of(new Field(null, null), new Field("", " "),
                new Field("Control characters", "tab\there\u0000nul\r\nCRLF\u0007bell"),
                new Field("Unbroken", "x".repeat(900)),
                new Field("Long text", "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(120)),
                new Field("Outside the font", "\u6f22\u5b57 kanji"));
        CertificateDocument odd = new CertificateDocument("COS-2026-999999", "Certificate of Sanitization", null,
                SANITIZATION.issuedAt(), "Issuer", List.of(new Section("Empty", List.of()),
                        new Section("Awkward", awkward)), "https://v.example/" + "p".repeat(300), new byte[0],
                new CertificateDocument.Evidence(0, null, null, null, null));
        byte[] pdf = RENDERER.render(odd);
        assertThat(PdfTools.run(dir, "qpdf", "--check", PdfTools.write(dir, "odd.pdf", pdf).toString()).exitCode())
                .isZero();
        assertThat(CertificatePdfReader.embeddedJson(pdf)).hasValueSatisfying(json -> assertThat(json).isEmpty());
        assertThat(CertificatePdfReader.embeddedProof(pdf)).isEmpty();
        String text = PdfTools.output(dir, "pdftotext", "-enc", "UTF-8", dir.resolve("odd.pdf").toString(), "-");
        assertThat(text).contains("tab herenul", "CRLFbell", "Awkward (continued)", "\ufffd\ufffd kanji");
    }

    @Test
    void rendersConcurrentlyWithoutMixingUpDocuments() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            List<CertificateDocument> documents = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                CertificateDocument document = renumbered(i % 3 == 0 ? DISPOSITION : SANITIZATION, i);
                documents.add(document);
                results.add(pool.submit(() -> RENDERER.render(document)));
            }
            for (int i = 0; i < documents.size(); i++) {
                byte[] pdf = results.get(i).get();
                assertThat(CertificatePdfReader.embeddedJson(pdf)).hasValue(documents.get(i).json());
                String text = PdfTools.output(dir, "pdftotext", "-enc", "UTF-8", "-l", "1",
                        PdfTools.write(dir, "p" + i + ".pdf", pdf).toString(), "-");
                assertThat(text).contains(documents.get(i).number());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void keepsLineBreaksAndDropsControlCharacters() {
        assertThat(CertificatePdfRenderer.printable("a\r\nb\rc\td\u0000e\u001bf\u00e9\u2014"))
                .isEqualTo("a\nb\nc de" + "f\u00e9\u2014");
        assertThat(CertificatePdfRenderer.printable(null)).isEmpty();
    }

    private static CertificateDocument renumbered(CertificateDocument document, int i) {
        String number = document.number().substring(0, 9) + String.format("%06d", 500 + i);
        return new CertificateDocument(number, document.title(), document.subtitle(), document.issuedAt(),
                document.issuer(), document.sections(), document.verificationUrl(),
                ("{\"number\":\"" + number + "\"}").getBytes(StandardCharsets.UTF_8), document.evidence());
    }

    private static PdfDocument open(byte[] pdf) throws IOException {
        return new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)));
    }

    private static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int darkest = Math.min(rgb >> 16 & 0xff, Math.min(rgb >> 8 & 0xff, rgb & 0xff));
                if (darkest < 200) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
