package com.itadcustody.console.staff;

import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.certificate.CertificateStatus;
import com.itadcustody.certificate.CertificateType;
import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.console.PageLinks;
import com.itadcustody.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The certificates list (type, status, and a search by number or serial; pages), each with its signed PDF and a
 * link to the public verification page.
 */
@Controller
@PreAuthorize(StaffAccess.STAFF)
class StaffCertificatePages {

    private static final int PAGE_SIZE = 50;

    private final Certificates certificates;
    private final AssetCatalog assets;

    StaffCertificatePages(Certificates certificates, AssetCatalog assets) {
        this.certificates = certificates;
        this.assets = assets;
    }

    @GetMapping("/certificates")
    String list(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model,
            HttpServletResponse response) {
        Filters filters = new Filters();
        CertificateType typeFilter = filters.choice("type", type, CertificateType.class);
        CertificateStatus statusFilter = filters.choice("status", status, CertificateStatus.class);
        String text = filters.text("q", q);
        int pageNumber = filters.page(page);
        model.addAttribute("types", CertificateType.values());
        model.addAttribute("statuses", CertificateStatus.values());
        model.addAttribute("type", type == null ? "" : type.strip().toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("status", status == null ? "" : status.strip().toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("errors", filters.errors());
        PageResult<CertificateView> found;
        if (filters.ok()) {
            found = certificates.search(typeFilter, statusFilter, text,
                    text == null ? List.of() : assets.idsWithSerialOrTag(text), pageNumber, PAGE_SIZE);
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            found = PageResult.of(List.of(), 0, PAGE_SIZE, 0);
        }
        model.addAttribute("certificates", found.content());
        model.addAttribute("total", found.totalElements());
        model.addAttribute("pager", PageLinks.of(found));
        return "console/staff/certificates";
    }

    @GetMapping("/certificates/{number}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        byte[] pdf = certificates.pdf(number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + number.replaceAll(
                        "[^A-Za-z0-9-]", "") + ".pdf\"")
                .body(pdf);
    }
}
