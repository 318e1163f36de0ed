package com.itadcustody.compliance;

import com.itadcustody.certificate.ReportDocument;
import com.itadcustody.certificate.SignedReports;
import com.itadcustody.compliance.internal.ReportCsv;
import com.itadcustody.compliance.internal.ReportQueries;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The compliance module's period reports: assets retired by type, method, destination and vendor; certificates
 * issued and revoked; the verification sample rate; erasure exceptions and receipt discrepancies with their
 * resolution; SLA breaches; license seats reclaimed; value recovered. Each as rows, as CSV, or as a PDF signed
 * with the certificates' document-signing key.
 */
@Service
public class ComplianceReports {

    private final ReportQueries queries;
    private final SignedReports signedReports;

    ComplianceReports(ReportQueries queries, SignedReports signedReports) {
        this.queries = queries;
        this.signedReports = signedReports;
    }

    /** The names of the reports, in the order they are shown. */
    public List<String> names() {
        return ReportQueries.NAMES;
    }

    /** One report for the period; 404 for an unknown name. */
    public Report report(String name, ReportPeriod period) {
        return queries.report(name, period);
    }

    /** Every report for the period. */
    public List<Report> all(ReportPeriod period) {
        return queries.all(period);
    }

    /** A report as CSV text (RFC 4180; to be sent as UTF-8). */
    public String csv(Report report) {
        return ReportCsv.write(report);
    }

    /** The reports as one signed PDF (PAdES, the certificates' document-signing key). */
    public byte[] signedPdf(List<Report> reports, ReportPeriod period) {
        String title = reports.size() == 1 ? reports.get(0).title() : "Compliance report";
        return signedReports.signedPdf(new ReportDocument(title, "Period " + period.label(), reports.stream()
                .map(r -> new ReportDocument.Section(r.title(), r.note(), r.columns(), r.rows())).toList()));
    }
}
