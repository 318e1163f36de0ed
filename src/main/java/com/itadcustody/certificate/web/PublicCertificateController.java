package com.itadcustody.certificate.web;

import com.itadcustody.certificate.CertificateVerification;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.certificate.VerificationChannel;
import com.itadcustody.shared.DomainRuleViolated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Certificate verification for anyone, without an account, and our CA certificate to trust. */
@RestController
@RequestMapping("/api/v1/public/certificates")
@Tag(name = "Certificate verification", description = "Public: check a certificate by number or by its PDF")
class PublicCertificateController {

    /** Larger uploads are not certificates. */
    static final long MAX_PDF_BYTES = 20L * 1024 * 1024;

    private final Certificates certificates;

    PublicCertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/{number}/verification")
    @Operation(summary = "Verify a certificate by its number (public)",
            description = "Verdict VALID, REVOKED, SUPERSEDED, INVALID or NOT_FOUND, a plain summary and every "
                    + "check. 400 invalid-certificate-number for a malformed number or a wrong check digit.")
    CertificateVerification byNumber(@PathVariable String number) {
        return certificates.verifyNumber(number, VerificationChannel.PUBLIC_API);
    }

    @PostMapping(path = "/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Verify a certificate PDF (public; multipart field 'file')")
    CertificateVerification byUpload(@RequestParam("file") MultipartFile file) throws IOException {
        return certificates.verifyPdf(checked(file.getSize(), file.getBytes()), VerificationChannel.PUBLIC_API);
    }

    @PostMapping(path = "/verification", consumes = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Verify a certificate PDF sent as the request body (public)")
    CertificateVerification byBody(@org.springframework.web.bind.annotation.RequestBody byte[] pdf) {
        return certificates.verifyPdf(checked(pdf.length, pdf), VerificationChannel.PUBLIC_API);
    }

    @GetMapping(path = "/ca.pem", produces = "application/x-pem-file")
    @Operation(summary = "Our document-signing CA certificate(s), PEM, to trust in pdfsig, Acrobat or openssl")
    ResponseEntity<byte[]> trustAnchors() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(certificates.trustAnchorsPem().getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] checked(long size, byte[] pdf) {
        if (size == 0) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "required", "file", "the file is empty");
        }
        if (size > MAX_PDF_BYTES) {
            throw new DomainRuleViolated(HttpStatus.PAYLOAD_TOO_LARGE, "max-size", "file",
                    "a certificate PDF is at most 20 MB");
        }
        return pdf;
    }
}
