package com.itadcustody.compliance.internal;

import com.itadcustody.compliance.Report;
import java.util.List;

/**
 * Writes a report as CSV per RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote
 * or a line break (quotes doubled). A text cell a spreadsheet would run as a formula gets a leading apostrophe
 * (OWASP's advice against CSV injection); numbers, negative ones included, are left as they are.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    /** The report as CSV text (encode it as UTF-8). */
    public static String write(Report report) {
        StringBuilder csv = new StringBuilder(256);
        line(csv, report.columns());
        for (List<String> row : report.rows()) {
            line(csv, row);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        String cell = value == null ? "" : value;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9]+(\\.[0-9]+)?")) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
