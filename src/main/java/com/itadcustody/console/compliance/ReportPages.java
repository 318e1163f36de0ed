package com.itadcustody.console.compliance;

import com.itadcustody.compliance.ComplianceReports;
import com.itadcustody.compliance.Report;
import com.itadcustody.compliance.ReportPeriod;
import com.itadcustody.shared.DomainRuleViolated;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The period reports: every report on one page for the chosen period, each exportable as CSV (RFC 4180, UTF-8)
 * and as a signed PDF, and all of them as one signed PDF ({@code all.pdf}). Bad or reversed dates are answered with
 * a message next to the date field (the page) or a 400 with the message (the exports).
 */
@Controller
@PreAuthorize(CompliancePages.AUDITORS)
class ReportPages {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ComplianceReports reports;

    ReportPages(ComplianceReports reports) {
        this.reports = reports;
    }

    @GetMapping("/compliance/reports")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            HttpServletResponse response) {
        ReportPeriod period;
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            period = ReportPeriod.monthToDate();
        } else {
            try {
                period = ReportPeriod.parse(from, to);
            } catch (DomainRuleViolated refused) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("from", from);
                model.addAttribute("to", to);
                model.addAttribute(refused.field() + "Error", refused.getMessage());
                model.addAttribute("reports", List.of());
                return "console/compliance/reports";
            }
        }
        model.addAttribute("from", period.from().toString());
        model.addAttribute("to", period.to().toString());
        model.addAttribute("period", period);
        model.addAttribute("reports", reports.all(period));
        return "console/compliance/reports";
    }

    @GetMapping("/compliance/reports/{name}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String name, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        Report report = reports.report(name, period);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name, period, "csv"))
                .body(reports.csv(report).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/compliance/reports/{name}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String name, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        List<Report> chosen = name.equals("all") ? reports.all(period) : List.of(reports.report(name, period));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name, period, "pdf"))
                .body(reports.signedPdf(chosen, period));
    }

    private static String attachment(String name, ReportPeriod period, String extension) {
        return ContentDisposition.attachment().filename("compliance-" + name + "-" + period.from() + "-to-"
                + period.to() + "." + extension).build().toString();
    }
}
