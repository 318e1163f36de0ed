package com.itadcustody.certificate.web;

import com.itadcustody.certificate.CertificateVerification;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.certificate.VerificationChannel;
import com.itadcustody.shared.DomainRuleViolated;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * The public verification page: anyone enters a certificate number (or follows the QR code) or uploads the PDF, and
 * reads a plain answer with the technical details below it.
 */
@Controller
class VerificationPage {

    private final Certificates certificates;

    VerificationPage(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String number, Model model) {
        if (number != null && !number.isBlank()) {
            return "redirect:/verify/" + UriUtils.encodePathSegment(number.strip(), StandardCharsets.UTF_8);
        }
        return "verify";
    }

    @GetMapping("/verify/{number}")
    String byNumber(@PathVariable String number, Model model) {
        model.addAttribute("number", number);
        try {
            model.addAttribute("result", certificates.verifyNumber(number, VerificationChannel.PUBLIC_PAGE));
        } catch (DomainRuleViolated e) {
            model.addAttribute("numberError", e.getMessage());
        }
        return "verify";
    }

    @PostMapping("/verify")
    String byUpload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("fileError", "Choose the certificate's PDF file first.");
            return "verify";
        }
        if (file.getSize() > PublicCertificateController.MAX_PDF_BYTES) {
            model.addAttribute("fileError", "A certificate PDF is at most 20 MB; this file is larger.");
            return "verify";
        }
        CertificateVerification result = certificates.verifyPdf(file.getBytes(), VerificationChannel.PUBLIC_PAGE);
        model.addAttribute("result", result);
        model.addAttribute("fileName", file.getOriginalFilename());
        return "verify";
    }
}
