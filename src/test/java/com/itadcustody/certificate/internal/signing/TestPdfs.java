package com.itadcustody.certificate.internal.signing;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.pdf.EncryptionConstants;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDate;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.filespec.PdfFileSpec;
import com.itextpdf.kernel.xmp.XMPConst;
import com.itextpdf.kernel.xmp.XMPException;
import com.itextpdf.kernel.xmp.XMPMeta;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.pdfa.PdfADocument;
import com.itextpdf.signatures.PdfPadesSigner;
import com.itextpdf.signatures.SignatureUtil;
import com.itextpdf.signatures.SignerProperties;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** PDFs for the signing tests, made with iText directly (independent of the certificate renderer). */
final class TestPdfs {

    static final String TITLE = "Signing test certificate";

    private TestPdfs() {
    }

    /** A PDF/A-3b document with embedded fonts, an sRGB output intent and an attached JSON file. */
    static byte[] pdfA3b() {
        return pdfA3b(4);
    }

    /** A PDF/A-3b document with {@code paragraphs} paragraphs of text (about 1 KB of content each). */
    static byte[] pdfA3b(int paragraphs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            PdfADocument pdf = new PdfADocument(new PdfWriter(out), PdfAConformance.PDF_A_3B,
                    new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                            new ByteArrayInputStream(icc)));
            pdf.getDocumentInfo().setTitle(TITLE);
            byte[] json = "{\"number\":\"COS-TEST-000001\"}".getBytes(StandardCharsets.UTF_8);
            PdfFileSpec attachment = PdfFileSpec.createEmbeddedFileSpec(pdf, json, "certificate data",
                    "certificate.json", new PdfName("application/json"), null, PdfName.Data);
            pdf.addAssociatedFile("certificate data", attachment);
            PdfFont font = PdfFontFactory.createFont(fontBytes(), PdfEncodings.IDENTITY_H,
                    EmbeddingStrategy.FORCE_EMBEDDED);
            try (Document document = new Document(pdf)) {
                document.setFont(font);
                document.add(new Paragraph("Certificate of Sanitization — signing test").setFontSize(18));
                for (int i = 0; i < paragraphs; i++) {
                    document.add(new Paragraph(("Paragraph " + i + ": the medium was purged according to NIST SP"
                            + " 800-88 and verified by sampling. ").repeat(8)).setFontSize(9));
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain (not PDF/A) one-page PDF. */
    static byte[] plain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document document = new Document(new PdfDocument(new PdfWriter(out)))) {
            document.add(new Paragraph("A plain PDF"));
        }
        return out.toByteArray();
    }

    /** A plain PDF that needs a user password to open. */
    static byte[] encrypted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WriterProperties properties = new WriterProperties().setStandardEncryption(
                "user".getBytes(StandardCharsets.US_ASCII), "owner".getBytes(StandardCharsets.US_ASCII),
                EncryptionConstants.ALLOW_PRINTING, EncryptionConstants.ENCRYPTION_AES_256);
        try (Document document = new Document(new PdfDocument(new PdfWriter(out, properties)))) {
            document.add(new Paragraph("A secret PDF"));
        }
        return out.toByteArray();
    }

    /** {@code signed} with a line of text drawn on page 1 in an incremental update, as a forger would. */
    static byte[] withTextAppended(byte[] signed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)), new PdfWriter(out),
                new StampingProperties().useAppendMode())) {
            PdfCanvas canvas = new PdfCanvas(pdf.getFirstPage());
            canvas.beginText()
                    .setFontAndSize(PdfFontFactory.createFont(fontBytes(), PdfEncodings.IDENTITY_H,
                            EmbeddingStrategy.FORCE_EMBEDDED), 14)
                    .moveText(72, 72)
                    .showText("Method: none (added after signing)")
                    .endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code pdf} signed PAdES B-B with any key and chain, bypassing our key registry. */
    static byte[] signedWith(byte[] pdf, PrivateKey key, X509Certificate[] chain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfPadesSigner(new PdfReader(new ByteArrayInputStream(pdf)), out)
                    .signWithBaselineBProfile(new SignerProperties().setReason("forgery"), chain, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The newest signature dictionary's text entries (Reason, Location, SubFilter, ...). */
    static Map<String, String> signatureDictionary(byte[] pdf) {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            SignatureUtil signatures = new SignatureUtil(document);
            List<String> names = signatures.getSignatureNames();
            PdfDictionary dictionary = signatures.getSignatureDictionary(names.get(names.size() - 1));
            Map<String, String> entries = new TreeMap<>();
            for (PdfName key : dictionary.keySet()) {
                PdfObject value = dictionary.get(key);
                if (value instanceof PdfString text && !key.equals(PdfName.Contents)) {
                    entries.put(key.getValue(), text.toUnicodeString());
                } else if (value instanceof PdfName name) {
                    entries.put(key.getValue(), name.getValue());
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a PDF identifies itself as PDF/A, and its modification date in the XMP metadata and the Info dictionary. */
    record Identification(String pdfaPart, String pdfaConformance, Instant xmpModifyDate, Instant infoModDate) {
    }

    /** Reads the PDF/A identification and modification dates of {@code pdf}. */
    static Identification identification(byte[] pdf) {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            XMPMeta xmp = document.getXmpMetadata();
            Instant xmpModified = xmp.getPropertyCalendar(XMPConst.NS_XMP, "ModifyDate").toInstant();
            PdfString infoModified = document.getTrailer().getAsDictionary(PdfName.Info).getAsString(PdfName.ModDate);
            return new Identification(xmp.getPropertyString(XMPConst.NS_PDFA_ID, "part"),
                    xmp.getPropertyString(XMPConst.NS_PDFA_ID, "conformance"), xmpModified,
                    PdfDate.decode(infoModified.getValue()).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index of the first occurrence of {@code text} (ASCII) in {@code bytes}, or -1. */
    static int indexOf(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] fontBytes() throws IOException {
        try (var in = TestPdfs.class.getResourceAsStream("/certificates/fonts/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IOException("DejaVuSans.ttf is not on the classpath");
            }
            return in.readAllBytes();
        }
    }
}
