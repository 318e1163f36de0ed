package com.itadcustody.certificate;

import com.itadcustody.certificate.internal.pdf.ReportPdfRenderer;
import com.itadcustody.certificate.internal.signing.CertificateSigningSettings;
import com.itadcustody.certificate.internal.signing.DocumentSigner;
import org.springframework.stereotype.Service;

/**
 * Signs reports as PDFs with the same document-signing key and CA as the certificates (PAdES, B-B or B-T), so an
 * auditor checks a report with the same tools ({@code pdfsig} with our CA certificate).
 */
@Service
public class SignedReports {

    private final ReportPdfRenderer renderer;
    private final DocumentSigner signer;
    private final CertificateSigningSettings signing;

    SignedReports(ReportPdfRenderer renderer, DocumentSigner signer, CertificateSigningSettings signing) {
        this.renderer = renderer;
        this.signer = signer;
        this.signing = signing;
    }

    /** Lays the report out as a PDF and signs it; returns the signed file's bytes. */
    public byte[] signedPdf(ReportDocument report) {
        byte[] unsigned = renderer.render(report, signing.organisation());
        return signer.sign(unsigned, report.title() + ": " + report.subtitle(), signing.organisation()).pdf();
    }
}
