package com.itadcustody.partner.inbound;

/** The layouts an erasure report may have (docs/erasure-report-format.md). */
enum ErasureReportFormat {
    /** The generic format as CSV with a header row. */
    GENERIC_CSV("text/csv"),
    /** The generic format as JSON: {@code {"records": [...]}}. */
    GENERIC_JSON("application/json"),
    /** The generic format as XML: {@code <erasure-records><record>...}. */
    GENERIC_XML("application/xml"),
    /** An erasure tool's per-computer XML report: {@code <erasure-report>} with one {@code <disk>} per drive. */
    TOOL_XML("application/xml");

    private final String mediaType;

    ErasureReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type of such a file. */
    String mediaType() {
        return mediaType;
    }
}
