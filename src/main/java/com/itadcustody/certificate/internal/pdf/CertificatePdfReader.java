package com.itadcustody.certificate.internal.pdf;

import com.itextpdf.kernel.pdf.MemoryLimitsAwareHandler;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.ReaderProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the files a certificate PDF carries ({@code certificate.json}, {@code custody-proof.tlog}) out of any PDF
 * bytes, e.g. an upload to the verification page; garbage, truncated or password-protected input gives nothing
 * rather than an exception.
 *
 * <p>Finding a file says nothing about its authenticity: that is the signature check's job (an incremental update
 * after signing can replace an attachment, and this reader returns the newest revision's file).
 */
public final class CertificatePdfReader {

    /** The machine-readable certificate (canonical JSON). */
    public static final String JSON_FILE = "certificate.json";

    /** The custody inclusion proof (C2SP tlog-proof text). */
    public static final String PROOF_FILE = "custody-proof.tlog";

    /** The largest attachment (decompressed) this reader returns; a certificate's are a few kilobytes. */
    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

    private CertificatePdfReader() {
    }

    /** The embedded {@code certificate.json}, if the PDF carries one. */
    public static Optional<byte[]> embeddedJson(byte[] pdf) {
        return embeddedFile(pdf, JSON_FILE);
    }

    /** The embedded {@code custody-proof.tlog}, if the PDF carries one. */
    public static Optional<byte[]> embeddedProof(byte[] pdf) {
        return embeddedFile(pdf, PROOF_FILE);
    }

    /**
     * The bytes of the embedded file with this name (its name-tree key or its file name), if the PDF can be read and
     * carries it; empty for anything else, never an exception.
     */
    public static Optional<byte[]> embeddedFile(byte[] pdf, String name) {
        if (pdf == null || pdf.length == 0 || name == null) {
            return Optional.empty();
        }
        MemoryLimitsAwareHandler limits = new MemoryLimitsAwareHandler()
                .setMaxSizeOfSingleDecompressedPdfStream(MAX_FILE_BYTES)
                .setMaxSizeOfDecompressedPdfStreamsSum(4L * MAX_FILE_BYTES);
        ReaderProperties properties = new ReaderProperties().setMemoryLimitsAwareHandler(limits);
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf), properties))) {
            return find(document, name).flatMap(CertificatePdfReader::contents);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (AssertionError | StackOverflowError e) {
            // iText guards some parser invariants with assert, which damaged input trips when assertions are enabled;
            // a hostile file can nest objects deeper than the parser recurses (the stack is unwound by now)
            return Optional.empty();
        }
    }

    private static Optional<PdfDictionary> find(PdfDocument document, String name) {
        if (document.getCatalog().nameTreeContainsKey(PdfName.EmbeddedFiles)) {
            Map<PdfString, PdfObject> names = document.getCatalog().getNameTree(PdfName.EmbeddedFiles).getNames();
            for (Map.Entry<PdfString, PdfObject> entry : names.entrySet()) {
                PdfDictionary spec = asDictionary(entry.getValue());
                if (spec != null && (name.equals(entry.getKey().toUnicodeString()) || named(spec, name))) {
                    return Optional.of(spec);
                }
            }
        }
        PdfArray associated = document.getCatalog().getPdfObject().getAsArray(PdfName.AF);
        if (associated != null) {
            for (int i = 0; i < associated.size(); i++) {
                PdfDictionary spec = asDictionary(associated.get(i));
                if (spec != null && named(spec, name)) {
                    return Optional.of(spec);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean named(PdfDictionary spec, String name) {
        PdfString unicode = spec.getAsString(PdfName.UF);
        PdfString plain = spec.getAsString(PdfName.F);
        return unicode != null && name.equals(unicode.toUnicodeString())
                || plain != null && name.equals(plain.toUnicodeString());
    }

    private static Optional<byte[]> contents(PdfDictionary spec) {
        PdfDictionary files = spec.getAsDictionary(PdfName.EF);
        if (files == null) {
            return Optional.empty();
        }
        PdfStream stream = files.getAsStream(PdfName.UF);
        if (stream == null) {
            stream = files.getAsStream(PdfName.F);
        }
        if (stream == null) {
            return Optional.empty();
        }
        byte[] bytes = stream.getBytes();
        return bytes == null || bytes.length > MAX_FILE_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    private static PdfDictionary asDictionary(PdfObject object) {
        PdfObject resolved = object instanceof PdfIndirectReference reference ? reference.getRefersTo() : object;
        return resolved instanceof PdfDictionary dictionary ? dictionary : null;
    }
}
