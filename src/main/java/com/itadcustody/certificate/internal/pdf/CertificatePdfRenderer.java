package com.itadcustody.certificate.internal.pdf;

import com.itadcustody.certificate.internal.CertificateDocument;
import com.itadcustody.certificate.internal.CertificateDocument.Evidence;
import com.itadcustody.certificate.internal.CertificateDocument.Field;
import com.itadcustody.certificate.internal.CertificateDocument.Section;
import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.barcodes.qrcode.EncodeHintType;
import com.itextpdf.barcodes.qrcode.ErrorCorrectionLevel;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.CompressionConstants;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfViewerPreferences;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.action.PdfAction;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import com.itextpdf.kernel.pdf.annot.PdfLinkAnnotation;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.canvas.draw.SolidLine;
import com.itextpdf.kernel.pdf.filespec.PdfFileSpec;
import com.itextpdf.pdfa.PdfADocument;
import com.itextpdf.kernel.xmp.XMPConst;
import com.itextpdf.kernel.xmp.XMPException;
import com.itextpdf.kernel.xmp.XMPMeta;
import com.itextpdf.kernel.xmp.XMPMetaFactory;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.LineSeparator;
import com.itextpdf.layout.element.Link;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lays out a {@link CertificateDocument} as an unsigned PDF/A-3b: header with logo, issuer, title and number; one
 * titled table per section; the custody evidence in monospace; a QR code with the verification URL; a footer with the
 * number, "Page X of Y" and how to verify the signature on every page; {@code certificate.json} and
 * {@code custody-proof.tlog} attached as associated files. Thread-safe.
 */
@Component
public class CertificatePdfRenderer {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String DASH = "\u2014";
    private static final String CREATOR = "ITAD Custody";

    private static final Color INK = new DeviceRgb(0x1F, 0x26, 0x30);
    private static final Color NAVY = new DeviceRgb(0x1B, 0x36, 0x5D);
    private static final Color TEAL = new DeviceRgb(0x2A, 0x9D, 0x8F);
    private static final Color MUTED = new DeviceRgb(0x5B, 0x66, 0x75);
    private static final Color RULE = new DeviceRgb(0xD5, 0xDB, 0xE3);
    private static final Color SHADE = new DeviceRgb(0xF3, 0xF5, 0xF8);

    private static final float MARGIN_SIDE = 50;
    private static final float MARGIN_TOP = 40;
    private static final float MARGIN_BOTTOM = 72;
    private static final float QR_SIZE = 92;
    private static final float NOTICE_SIZE = 6.5f;

    private final PaperSize paperSize;
    private final byte[] outputIntentProfile;
    private final TypesettingKits kits;

    /** A renderer for A4 paper. */
    public CertificatePdfRenderer() {
        this(PaperSize.A4);
    }

    /**
     * A renderer for the configured paper ({@code itad.certificates.page-size}: A4 or LETTER; default, and when
     * blank, A4).
     */
    @Autowired
    public CertificatePdfRenderer(@Value("${itad.certificates.page-size:A4}") PaperSize paperSize) {
        this.paperSize = paperSize == null ? PaperSize.A4 : paperSize;
        this.outputIntentProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        this.kits = TypesettingKits.fromClasspath(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** The paper this renderer lays out for. */
    public PaperSize paperSize() {
        return paperSize;
    }

    /**
     * Renders the certificate as an unsigned PDF/A-3b, ready to be signed in append mode.
     *
     * @throws IllegalStateException if iText refuses the result (a PDF/A rule would be broken)
     */
    public byte[] render(CertificateDocument document) {
        TypesettingKits.Kit kit = kits.borrow();
        try {
            return render(document, kit);
        } finally {
            kits.giveBack(kit);
        }
    }

    private byte[] render(CertificateDocument certificate, TypesettingKits.Kit kit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfOutputIntent intent = new PdfOutputIntent("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                new ByteArrayInputStream(outputIntentProfile));
        // fastest deflate: the font subsets are most of the file, and the default level compressed them a few
        // per cent smaller for a fifth of the whole rendering time
        try (PdfDocument pdf = new PdfADocument(new PdfWriter(out, new WriterProperties()
                .setCompressionLevel(CompressionConstants.BEST_SPEED)), PdfAConformance.PDF_A_3B, intent)) {
            Fonts fonts = new Fonts(
                    PdfFontFactory.createFont(kit.regular(), PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED),
                    PdfFontFactory.createFont(kit.bold(), PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED),
                    PdfFontFactory.createFont(kit.mono(), PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED));
            describe(pdf, certificate);
            attach(pdf, certificate);
            Document layout = new Document(pdf, paperSize.pageSize(), false);
            layout.setMargins(MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM, MARGIN_SIDE);
            layout.setFont(fonts.regular()).setFontSize(9.5f).setFontColor(INK);
            header(layout, certificate, fonts, kit);
            for (Section section : certificate.sections()) {
                section(layout, section, fonts);
            }
            evidence(layout, certificate.evidence(), fonts);
            verification(layout, certificate, fonts);
            footers(pdf, certificate, fonts);
            layout.close();
        } catch (XMPException e) {
            throw new IllegalStateException("certificate metadata could not be written", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("certificate " + certificate.number() + " could not be rendered: "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The three faces of one document ({@code PdfFont}s belong to one document each). */
    private record Fonts(PdfFont regular, PdfFont bold, PdfFont mono) {
    }

    private static void describe(PdfDocument pdf, CertificateDocument certificate) throws XMPException {
        PdfDocumentInfo info = pdf.getDocumentInfo();
        info.setTitle(certificate.title() + " " + certificate.number());
        info.setAuthor(certificate.issuer());
        info.setSubject(present(certificate.subtitle()) ? certificate.subtitle() : certificate.title());
        info.setKeywords(certificate.number());
        info.setCreator(CREATOR);
        pdf.getCatalog().setLang(new PdfString("en"));
        pdf.getCatalog().setViewerPreferences(new PdfViewerPreferences().setDisplayDocTitle(true));
        // handing iText a metadata object up front spares it serializing an empty packet and parsing it back on
        // close (an XML parser per document, a tenth of the rendering time); it adds the Info entries and pdfaid
        XMPMeta xmp = XMPMetaFactory.create();
        xmp.setProperty(XMPConst.NS_DC, "identifier", certificate.number());
        pdf.setXmpMetadata(xmp);
    }

    private static void attach(PdfDocument pdf, CertificateDocument certificate) {
        attach(pdf, CertificatePdfReader.JSON_FILE, certificate.json(), "application/json",
                "The certificate as canonical JSON (machine-readable)");
        String proof = certificate.evidence().tlogProof();
        if (proof != null) {
            attach(pdf, CertificatePdfReader.PROOF_FILE, proof.getBytes(StandardCharsets.UTF_8), "text/plain",
                    "Inclusion proof of the certified event in the custody log (C2SP tlog-proof)");
        }
    }

    private static void attach(PdfDocument pdf, String name, byte[] bytes, String mimeType, String description) {
        PdfFileSpec spec = PdfFileSpec.createEmbeddedFileSpec(pdf, bytes, description, name, new PdfName(mimeType),
                null, PdfName.Data);
        pdf.addAssociatedFile(name, spec);
    }

    private static void header(Document layout, CertificateDocument certificate, Fonts fonts,
            TypesettingKits.Kit kit) {
        Table header = new Table(UnitValue.createPercentArray(new float[] {9, 51, 40})).useAllAvailableWidth()
                .setFixedLayout();
        Image logo = new Image(kit.logo()).scaleToFit(44, 44);
        header.addCell(plain().add(logo).setVerticalAlignment(VerticalAlignment.MIDDLE));
        header.addCell(plain().setVerticalAlignment(VerticalAlignment.MIDDLE).setPaddingLeft(6)
                .add(text(certificate.issuer(), fonts.bold(), 12).setFontColor(NAVY))
                .add(text("Chain-of-custody certificate", fonts.regular(), 8).setFontColor(MUTED)));
        header.addCell(plain().setTextAlignment(TextAlignment.RIGHT).setVerticalAlignment(VerticalAlignment.MIDDLE)
                .add(text("CERTIFICATE NO.", fonts.bold(), 7).setFontColor(MUTED).setCharacterSpacing(0.6f))
                .add(text(certificate.number(), fonts.bold(), 15).setFontColor(NAVY))
                .add(text("Issued " + ISSUED.format(certificate.issuedAt()), fonts.regular(), 8.5f)
                        .setFontColor(MUTED)));
        layout.add(header);
        SolidLine rule = new SolidLine(2f);
        rule.setColor(TEAL);
        layout.add(new LineSeparator(rule).setMarginTop(8).setMarginBottom(14));
        layout.add(text(certificate.title(), fonts.bold(), 21).setFontColor(NAVY).setMultipliedLeading(1.1f));
        if (present(certificate.subtitle())) {
            layout.add(text(certificate.subtitle(), fonts.regular(), 10.5f).setFontColor(MUTED).setMarginTop(2));
        }
    }

    private static void section(Document layout, Section section, Fonts fonts) {
        Table table = rows(section.heading(), fonts);
        if (section.fields().isEmpty()) {
            table.addCell(row(2).add(text(DASH, fonts.regular(), 9.5f)));
        }
        for (Field field : section.fields()) {
            table.addCell(labelCell(field.label(), fonts));
            table.addCell(valueCell(field.value(), fonts));
        }
        layout.add(table);
    }

    private static void evidence(Document layout, Evidence evidence, Fonts fonts) {
        Table table = rows("Custody evidence", fonts);
        table.getCaption().add(text("The event this certificate certifies is recorded in the tamper-evident custody"
                + " log. The inclusion proof below ties it to the signed checkpoint; both are attached to this PDF as "
                + CertificatePdfReader.PROOF_FILE + ".", fonts.regular(), 8).setFontColor(MUTED).setMarginTop(3)
                .setMarginBottom(1));
        table.addCell(labelCell("Sequence number", fonts));
        table.addCell(monoCell(Long.toString(evidence.seq()), fonts, 9));
        table.addCell(labelCell("Leaf hash", fonts));
        table.addCell(monoCell(evidence.leafHash(), fonts, 8));
        table.addCell(labelCell("Asset chain head", fonts));
        table.addCell(monoCell(evidence.assetChainHead(), fonts, 8));
        table.addCell(block("Signed checkpoint", evidence.checkpoint(), fonts));
        table.addCell(block("Inclusion proof (tlog-proof)", evidence.tlogProof(), fonts));
        layout.add(table);
    }

    private static void verification(Document layout, CertificateDocument certificate, Fonts fonts) {
        BarcodeQRCode qr = new BarcodeQRCode(certificate.verificationUrl(),
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        Image code = new Image(qr.createFormXObject(ColorConstants.BLACK, layout.getPdfDocument()))
                .scaleToFit(QR_SIZE, QR_SIZE);
        PdfLinkAnnotation annotation = new PdfLinkAnnotation(new Rectangle(0, 0))
                .setAction(PdfAction.createURI(certificate.verificationUrl()));
        annotation.setFlags(PdfAnnotation.PRINT);
        annotation.setBorder(new PdfArray(new float[] {0, 0, 0}));
        float width = layout.getPdfDocument().getDefaultPageSize().getWidth() - 2 * MARGIN_SIDE;
        Table table = new Table(UnitValue.createPointArray(new float[] {QR_SIZE + 16, width - QR_SIZE - 16}))
                .setWidth(width).setFixedLayout().setMarginTop(18).setKeepTogether(true).setBackgroundColor(SHADE);
        table.addCell(plain().add(code).setPadding(8).setVerticalAlignment(VerticalAlignment.MIDDLE));
        table.addCell(plain().setPadding(10).setPaddingLeft(4).setVerticalAlignment(VerticalAlignment.MIDDLE)
                .add(text("Verify this certificate", fonts.bold(), 11).setFontColor(NAVY))
                .add(text("Scan the code or open", fonts.regular(), 8.5f).setMarginTop(4))
                .add(new Paragraph().setMargin(0).add(new Link(fit(certificate.verificationUrl(), fonts.mono()),
                        annotation).setFont(fonts.mono()).setFontSize(8.5f).setFontColor(NAVY)))
                .add(new Paragraph().setMarginTop(4).setMarginBottom(0)
                        .add(new Text("Certificate number ").setFont(fonts.regular()).setFontSize(8.5f))
                        .add(new Text(fit(certificate.number(), fonts.bold())).setFont(fonts.bold()).setFontSize(8.5f)))
                .add(text("The verification page checks the digital signature, the certificate's status in the"
                        + " registry (valid, revoked or superseded) and the custody proof. The certificate data is"
                        + " attached to this PDF as " + CertificatePdfReader.JSON_FILE + ".", fonts.regular(), 7.5f)
                        .setFontColor(MUTED).setMarginTop(6)));
        layout.add(table);
    }

    /** Number, "Page X of Y" and the signature notice at the foot of every page, once the page count is known. */
    private static void footers(PdfDocument pdf, CertificateDocument certificate, Fonts fonts) {
        int pages = pdf.getNumberOfPages();
        String number = fit(certificate.number(), fonts.bold()).replace('\n', ' ');
        String notice = fit("This document is digitally signed by " + certificate.issuer()
                + " (PAdES). Check the signature in any PDF reader, or verify it at " + certificate.verificationUrl()
                + "; any change after signing invalidates it.", fonts.regular()).replace('\n', ' ');
        List<String> noticeLines = null;
        for (int i = 1; i <= pages; i++) {
            PdfPage page = pdf.getPage(i);
            Rectangle box = page.getPageSize();
            float left = box.getLeft() + MARGIN_SIDE;
            float right = box.getRight() - MARGIN_SIDE;
            if (noticeLines == null) {
                noticeLines = wrap(notice, fonts.regular(), NOTICE_SIZE, right - left);
            }
            // drawn directly rather than through the layout engine: a footer per page would cost as much as a section
            PdfCanvas canvas = new PdfCanvas(page);
            float y = box.getBottom() + MARGIN_BOTTOM - 24;
            canvas.saveState().setStrokeColor(RULE).setLineWidth(0.75f).moveTo(left, y).lineTo(right, y).stroke()
                    .restoreState();
            y -= 11;
            String pageOf = "Page " + i + " of " + pages;
            line(canvas, fonts.bold(), 8, INK, left, y, number);
            line(canvas, fonts.regular(), 8, MUTED, right - fonts.regular().getWidth(pageOf, 8), y, pageOf);
            for (String text : noticeLines) {
                y -= NOTICE_SIZE * 1.3f;
                line(canvas, fonts.regular(), NOTICE_SIZE, MUTED, left, y, text);
            }
            canvas.release();
        }
    }

    private static void line(PdfCanvas canvas, PdfFont font, float size, Color color, float x, float y, String text) {
        canvas.beginText().setFontAndSize(font, size).setColor(color, true).moveText(x, y).showText(text).endText();
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. */
    static List<String> wrap(String text, PdfFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (font.getWidth(candidate, size) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            for (int i = 0; i < word.length(); ) {
                int end = i + 1;
                while (end < word.length() && font.getWidth(word.substring(i, end + 1), size) <= width) {
                    end++;
                }
                if (end == word.length()) {
                    current.append(word, i, end);
                } else {
                    lines.add(word.substring(i, end));
                }
                i = end;
            }
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /**
     * A two-column label/value table under its heading, whose rows break across pages with a continuation header
     * after a break. The heading is the table's caption, so it never stays behind alone at the foot of a page
     * (cheaper than keep-with-next, which lays the whole table out twice).
     */
    private static Table rows(String heading, Fonts fonts) {
        Table table = new Table(UnitValue.createPercentArray(new float[] {32, 68})).useAllAvailableWidth()
                .setFixedLayout().setMarginTop(14);
        table.setCaption(new Div().add(text(heading, fonts.bold(), 11.5f).setFontColor(NAVY).setPaddingBottom(3)
                .setBorderBottom(new SolidBorder(TEAL, 1f))));
        table.addHeaderCell(new Cell(1, 2).setBorder(Border.NO_BORDER).setPadding(0).setPaddingBottom(3)
                .add(text(heading + " (continued)", fonts.bold(), 8).setFontColor(MUTED)));
        table.setSkipFirstHeader(true);
        return table;
    }

    private static Cell labelCell(String label, Fonts fonts) {
        return row().setBackgroundColor(SHADE).add(text(label, fonts.bold(), 8.5f).setFontColor(MUTED));
    }

    private static Cell valueCell(String value, Fonts fonts) {
        return row().add(text(value, fonts.regular(), 9.5f));
    }

    private static Cell monoCell(String value, Fonts fonts, float size) {
        return row().add(text(value, fonts.mono(), size));
    }

    /** A full-width row: the label, then preformatted monospace text on a shaded ground. */
    private static Cell block(String label, String text, Fonts fonts) {
        Div box = new Div().setBackgroundColor(SHADE).setPadding(6).setMarginTop(3)
                .add(text(present(text) ? text.stripTrailing() : null, fonts.mono(), 7).setMultipliedLeading(1.25f));
        return new Cell(1, 2).setBorder(Border.NO_BORDER).setBorderBottom(new SolidBorder(RULE, 0.5f))
                .setKeepTogether(true).setPaddingTop(6).setPaddingBottom(6).setPaddingLeft(0).setPaddingRight(0)
                .add(text(label, fonts.bold(), 8.5f).setFontColor(MUTED))
                .add(box);
    }

    /** A cell of a label/value row; a row moves to the next page whole rather than splitting its lines. */
    private static Cell row() {
        return row(1);
    }

    private static Cell row(int columns) {
        return new Cell(1, columns).setBorder(Border.NO_BORDER).setBorderBottom(new SolidBorder(RULE, 0.5f))
                .setPaddingTop(3.5f).setPaddingBottom(3.5f).setPaddingLeft(6).setPaddingRight(6)
                .setKeepTogether(true);
    }

    private static Cell plain() {
        return new Cell().setBorder(Border.NO_BORDER).setPadding(0);
    }

    /** A paragraph without margins of the text in this font; blank text prints as a dash. */
    private static Paragraph text(String text, PdfFont font, float size) {
        return new Paragraph(fit(present(text) ? text : DASH, font)).setFont(font).setFontSize(size).setMargin(0);
    }

    /**
     * The text as it can be printed in this font: see {@link #printable(String)}, and characters the font has no
     * glyph for replaced by U+FFFD (PDF/A forbids showing the .notdef glyph).
     */
    static String fit(String text, PdfFont font) {
        String printable = printable(text);
        StringBuilder out = null;
        for (int i = 0; i < printable.length(); ) {
            int codePoint = printable.codePointAt(i);
            // every text face has the printable ASCII range; asking the font for each character costs more
            boolean printed = codePoint == '\n' || codePoint >= ' ' && codePoint < 0x7f
                    || font.containsGlyph(codePoint);
            if (!printed && out == null) {
                out = new StringBuilder(printable.length()).append(printable, 0, i);
            }
            if (out != null) {
                if (printed) {
                    out.appendCodePoint(codePoint);
                } else {
                    out.append(font.containsGlyph(0xFFFD) ? '\uFFFD' : '?');
                }
            }
            i += Character.charCount(codePoint);
        }
        return out == null ? printable : out.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Line breaks kept, tabs as spaces, other control characters dropped (they have no glyph to print). */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().filter(c -> c == '\n' || !Character.isISOControl(c)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
