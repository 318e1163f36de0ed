package com.itadcustody.partner.portal;

import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.retirement.VendorLots;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.NotFound;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The certificates of the assets in the vendor's lots (sanitization and disposition), and their signed PDFs
 * exactly as issued; a certificate of any other asset is 404.
 */
@Controller
class CertificatePages {

    private final Certificates certificates;
    private final VendorLots vendorLots;
    private final CurrentActor currentActor;

    CertificatePages(Certificates certificates, VendorLots vendorLots, CurrentActor currentActor) {
        this.certificates = certificates;
        this.vendorLots = vendorLots;
        this.currentActor = currentActor;
    }

    @GetMapping("/portal/certificates")
    String list(Model model) {
        Actor actor = currentActor.get();
        List<CertificateView> own = vendorLots.assetsOf(actor).stream()
                .flatMap(asset -> certificates.list(asset, null, null, 0, 100).content().stream())
                .sorted(Comparator.comparing(CertificateView::issuedAt).reversed()).toList();
        model.addAttribute("certificates", own);
        return "portal/certificates";
    }

    @GetMapping("/portal/certificates/{number}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        CertificateView certificate = own(number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(certificate.number() + ".pdf").build().toString())
                .body(certificates.pdf(certificate.number()));
    }

    private CertificateView own(String number) {
        CertificateView certificate;
        try {
            certificate = certificates.get(number);
        } catch (NotFound | IllegalArgumentException unknown) {
            throw new NotFound("certificate", number);
        }
        UUID asset = certificate.assetId();
        if (!vendorLots.holdsAsset(asset, currentActor.get())) {
            throw new NotFound("certificate", number);
        }
        return certificate;
    }
}
