package com.itadcustody.compliance;

import java.util.List;

/**
 * One report for a period: a titled table whose cells are already formatted as text.
 *
 * @param name the report's stable name in addresses, e.g. {@code retired-by-type}
 * @param title its heading
 * @param note what is counted, in one sentence
 * @param columns the column headings
 * @param rows the cells, row by row
 */
public record Report(String name, String title, String note, List<String> columns, List<List<String>> rows) {

    /** Copies the columns and rows. */
    public Report {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
