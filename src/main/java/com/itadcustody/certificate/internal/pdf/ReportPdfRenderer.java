package com.itadcustody.certificate.internal.pdf;

import com.itadcustody.certificate.ReportDocument;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.pdf.CompressionConstants;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfViewerPreferences;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Lays out a {@link ReportDocument} as an unsigned PDF: logo, title, period and issuer, then one table per section
 * (numbers right-aligned), and a closing line saying how to check the signature. Thread-safe.
 */
@Component
public class ReportPdfRenderer {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?( ?%)?");
    private static final Color INK = new DeviceRgb(0x1F, 0x26, 0x30);
    private static final Color NAVY = new DeviceRgb(0x1B, 0x36, 0x5D);
    private static final Color MUTED = new DeviceRgb(0x5B, 0x66, 0x75);
    private static final Color RULE = new DeviceRgb(0xD5, 0xDB, 0xE3);
    private static final Color SHADE = new DeviceRgb(0xF3, 0xF5, 0xF8);

    private final TypesettingKits kits = TypesettingKits.fromClasspath(1);

    /** Renders the report, naming {@code issuer} as the organisation that issued it. */
    public byte[] render(ReportDocument report, String issuer) {
        TypesettingKits.Kit kit = kits.borrow();
        try {
            return render(report, issuer, kit);
        } finally {
            kits.giveBack(kit);
        }
    }

    private static byte[] render(ReportDocument report, String issuer, TypesettingKits.Kit kit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out, new WriterProperties()
                .setCompressionLevel(CompressionConstants.BEST_SPEED)))) {
            PdfFont regular = PdfFontFactory.createFont(kit.regular(), PdfEncodings.IDENTITY_H,
                    EmbeddingStrategy.FORCE_EMBEDDED);
            PdfFont bold = PdfFontFactory.createFont(kit.bold(), PdfEncodings.IDENTITY_H,
                    EmbeddingStrategy.FORCE_EMBEDDED);
            PdfDocumentInfo info = pdf.getDocumentInfo();
            info.setTitle(report.title() + " " + report.subtitle());
            info.setAuthor(issuer);
            info.setCreator("ITAD Custody");
            pdf.getCatalog().setLang(new PdfString("en"));
            pdf.getCatalog().setViewerPreferences(new PdfViewerPreferences().setDisplayDocTitle(true));
            Document layout = new Document(pdf);
            layout.setMargins(40, 45, 50, 45);
            layout.setFont(regular).setFontSize(9).setFontColor(INK);
            layout.add(new Image(kit.logo()).scaleToFit(40, 40));
            layout.add(new Paragraph(report.title()).setFont(bold).setFontSize(18).setFontColor(NAVY)
                    .setMarginBottom(0));
            layout.add(new Paragraph(report.subtitle()).setFontSize(11).setMarginTop(2));
            layout.add(new Paragraph("Issued by " + issuer + " on " + GENERATED.format(Instant.now()))
                    .setFontColor(MUTED));
            for (ReportDocument.Section section : report.sections()) {
                layout.add(new Paragraph(section.title()).setFont(bold).setFontSize(12).setFontColor(NAVY)
                        .setMarginTop(14).setMarginBottom(2));
                if (section.note() != null && !section.note().isBlank()) {
                    layout.add(new Paragraph(section.note()).setFontColor(MUTED).setMarginTop(0));
                }
                layout.add(table(section, bold));
            }
            layout.add(new Paragraph("This report is signed with " + issuer + "'s document-signing key, the same"
                    + " key that signs its certificates of sanitization and disposition. Check the signature with"
                    + " pdfsig (trusting the CA certificate from /api/v1/public/certificates/ca.pem) or any PDF"
                    + " reader: any change after signing breaks it.").setFontColor(MUTED).setMarginTop(18));
            layout.close();
        } catch (RuntimeException e) {
            throw new IllegalStateException("report " + report.title() + " could not be rendered: "
                    + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Table table(ReportDocument.Section section, PdfFont bold) {
        List<String> columns = section.columns();
        Table table = new Table(UnitValue.createPercentArray(columns.size())).useAllAvailableWidth();
        for (String column : columns) {
            table.addHeaderCell(cell(column, false).setFont(bold).setBackgroundColor(SHADE));
        }
        if (section.rows().isEmpty()) {
            table.addCell(new Cell(1, columns.size()).add(new Paragraph("Nothing in this period."))
                    .setBorder(Border.NO_BORDER).setBorderBottom(new SolidBorder(RULE, 0.5f)).setFontColor(MUTED));
        }
        for (List<String> row : section.rows()) {
            for (int i = 0; i < columns.size(); i++) {
                String text = i < row.size() && row.get(i) != null ? row.get(i) : "";
                table.addCell(cell(text, NUMBER.matcher(text).matches()));
            }
        }
        return table;
    }

    private static Cell cell(String text, boolean numeric) {
        Cell cell = new Cell().add(new Paragraph(text)).setBorder(Border.NO_BORDER)
                .setBorderBottom(new SolidBorder(RULE, 0.5f)).setPadding(3);
        return numeric ? cell.setTextAlignment(TextAlignment.RIGHT) : cell;
    }
}
