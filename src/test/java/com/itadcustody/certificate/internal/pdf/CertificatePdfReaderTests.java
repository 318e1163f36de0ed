package com.itadcustody.certificate.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.certificate.internal.CertificateDocument;
import com.itextpdf.kernel.pdf.EncryptionConstants;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.filespec.PdfFileSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading the attachments out of whatever is uploaded: the certificate's own, or nothing, never an exception. */
class CertificatePdfReaderTests {

    private static final CertificateDocument CERTIFICATE = CertificateDocumentFixtures.nvmeSsdSanitization();
    private static final byte[] PDF = new CertificatePdfRenderer().render(CERTIFICATE);

    @Test
    void readsTheJsonAndTheProofOfARenderedCertificate() {
        assertThat(CertificatePdfReader.embeddedJson(PDF)).hasValueSatisfying(
                json -> assertThat(json).isEqualTo(CERTIFICATE.json()));
        assertThat(CertificatePdfReader.embeddedProof(PDF)).hasValueSatisfying(proof -> assertThat(proof)
                .isEqualTo(CERTIFICATE.evidence().tlogProof().getBytes(StandardCharsets.UTF_8)));
        assertThat(CertificatePdfReader.embeddedFile(PDF, CertificatePdfReader.JSON_FILE))
                .hasValueSatisfying(json -> assertThat(json).isEqualTo(CERTIFICATE.json()));
    }

    @Test
    void findsNothingUnderAnotherName() {
        assertThat(CertificatePdfReader.embeddedFile(PDF, "invoice.xml")).isEmpty();
        assertThat(CertificatePdfReader.embeddedFile(PDF, null)).isEmpty();
    }

    @Test
    void findsNothingInGarbage() {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        byte[][] garbage = {null, new byte[0], random, "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                "<html><body>not a pdf</body></html>".getBytes(StandardCharsets.US_ASCII),
                ("%PDF-1.7\n1 0 obj << /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >> endobj\n"
                        + "2 0 obj << /Names [(certificate.json) 2 0 R] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")
                        .getBytes(StandardCharsets.US_ASCII)};
        for (byte[] bytes : garbage) {
            assertThat(CertificatePdfReader.embeddedJson(bytes)).isEmpty();
            assertThat(CertificatePdfReader.embeddedProof(bytes)).isEmpty();
        }
    }

    @Test
    void findsNothingInAPdfWithoutAttachments() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
            pdf.addNewPage();
        }
        assertThat(CertificatePdfReader.embeddedJson(out.toByteArray())).isEmpty();
    }

    @Test
    void findsNothingInAPasswordProtectedPdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WriterProperties encrypted = new WriterProperties().setStandardEncryption(
                "user".getBytes(StandardCharsets.US_ASCII), "owner".getBytes(StandardCharsets.US_ASCII),
                EncryptionConstants.ALLOW_PRINTING, EncryptionConstants.ENCRYPTION_AES_256);
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out, encrypted))) {
            pdf.addNewPage();
            pdf.addFileAttachment(CertificatePdfReader.JSON_FILE, PdfFileSpec.createEmbeddedFileSpec(pdf,
                    CERTIFICATE.json(), null, CertificatePdfReader.JSON_FILE, new PdfName("application/json"), null,
                    PdfName.Data));
        }
        assertThat(CertificatePdfReader.embeddedJson(out.toByteArray())).isEmpty();
    }

    @Test
    void neverThrowsOnTruncatedOrDamagedCertificates() {
        for (int length = 0; length < PDF.length; length += 509) {
            Optional<byte[]> json = CertificatePdfReader.embeddedJson(Arrays.copyOf(PDF, length));
            if (json.isPresent()) {
                assertThat(json.get()).as("truncated to %d bytes", length).isEqualTo(CERTIFICATE.json());
            }
        }
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            byte[] damaged = PDF.clone();
            for (int j = 0; j < 8; j++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            assertThat(CertificatePdfReader.embeddedJson(damaged)).isNotNull();
        }
    }
}
