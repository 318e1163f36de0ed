package com.itadcustody.certificate;

import java.util.List;

/**
 * A tabular report to be laid out as a PDF and signed with the document-signing key (see {@link SignedReports}).
 *
 * @param title the report's title, e.g. "Compliance report"
 * @param subtitle one line under the title, e.g. the period covered
 * @param sections the report's tables, in order
 */
public record ReportDocument(String title, String subtitle, List<Section> sections) {

    /** Copies the sections. */
    public ReportDocument {
        sections = List.copyOf(sections);
    }

    /**
     * One titled table of a report.
     *
     * @param title the section's heading
     * @param note a sentence under the heading saying what is counted, or null
     * @param columns the column headings
     * @param rows the cells, row by row, as text (each row as long as {@code columns})
     */
    public record Section(String title, String note, List<String> columns, List<List<String>> rows) {

        /** Copies the columns and rows. */
        public Section {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
