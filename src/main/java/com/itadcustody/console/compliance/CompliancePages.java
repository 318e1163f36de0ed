package com.itadcustody.console.compliance;

import com.itadcustody.certificate.CertificateVerification;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.certificate.VerificationChannel;
import com.itadcustody.compliance.CustodyAudits;
import com.itadcustody.compliance.ReportPeriod;
import com.itadcustody.compliance.VerificationHistory;
import com.itadcustody.console.PageLinks;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.PageResult;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The compliance landing page (latest custody checkpoints, links to the compliance pages) and the certificate
 * verification page: verify by number or PDF upload from the console, and the history of every check.
 */
@Controller
@PreAuthorize(CompliancePages.AUDITORS)
class CompliancePages {

    /** Who may open the compliance pages: compliance officers, and administrators. */
    static final String AUDITORS = "hasAnyRole('COMPLIANCE','ADMIN')";

    /** Larger uploads are not certificates (the public page's limit). */
    static final long MAX_PDF_BYTES = 20L * 1024 * 1024;

    private static final int PAGE_SIZE = 25;

    private final CustodyAudits audits;
    private final VerificationHistory history;
    private final Certificates certificates;

    CompliancePages(CustodyAudits audits, VerificationHistory history, Certificates certificates) {
        this.audits = audits;
        this.history = history;
        this.certificates = certificates;
    }

    @GetMapping("/compliance")
    String home(Model model) {
        model.addAttribute("checkpoints", audits.latestCheckpoints(5));
        model.addAttribute("logSize", audits.logSize());
        model.addAttribute("lastAudit", audits.history(0, 1).content().stream().findFirst().orElse(null));
        return "console/compliance/index";
    }

    @GetMapping("/compliance/verifications")
    String verifications(@RequestParam(required = false) String result, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        list(result, from, to, page, model, response);
        return "console/compliance/verifications";
    }

    @PostMapping("/compliance/verifications")
    String verify(@RequestParam(required = false) String number,
            @RequestParam(required = false) MultipartFile file, Model model,
            jakarta.servlet.http.HttpServletResponse response) throws IOException {
        CertificateVerification result = null;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_PDF_BYTES) {
                model.addAttribute("fileError", "A certificate PDF is at most 20 MB; this file is larger.");
            } else {
                result = certificates.verifyPdf(file.getBytes(), VerificationChannel.CONSOLE);
                model.addAttribute("fileName", file.getOriginalFilename());
            }
        } else if (number != null && !number.isBlank()) {
            model.addAttribute("number", number);
            try {
                result = certificates.verifyNumber(number, VerificationChannel.CONSOLE);
            } catch (DomainRuleViolated refused) {
                model.addAttribute("numberError", refused.getMessage());
            }
        } else if (file != null) {
            model.addAttribute("fileError", "Choose the certificate's PDF file first.");
        } else {
            model.addAttribute("numberError", "Enter a certificate number, e.g. COS-2026-000123-4.");
        }
        if (result == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("verification", result);
        list(null, null, null, 0, model, response);
        return "console/compliance/verifications";
    }

    private void list(String result, String from, String to, int page, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        String chosen = result == null || result.isBlank() ? null : result;
        model.addAttribute("results", VerificationHistory.RESULTS);
        model.addAttribute("result", chosen);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        ReportPeriod period = null;
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        PageResult<VerificationHistory.Check> checks = PageResult.of(java.util.List.of(), 0, PAGE_SIZE, 0);
        try {
            if (hasFrom || hasTo) {
                period = ReportPeriod.parse(hasFrom ? from : "2000-01-01",
                        hasTo ? to : LocalDate.now(ZoneOffset.UTC).toString());
            }
            checks = history.list(chosen, period, page, PAGE_SIZE);
        } catch (DomainRuleViolated refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(refused.field() + "Error", refused.getMessage());
        }
        model.addAttribute("checks", checks.content());
        model.addAttribute("pager", PageLinks.of(checks));
    }
}
