package com.itadcustody.partner.portal;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in vendor user and organisation into every portal page's model (for the header). */
@ControllerAdvice(assignableTypes = {PortalPages.class, LotPages.class, AssetPages.class, CertificatePages.class})
class PortalModel {

    private final CurrentActor currentActor;
    private final Vendors vendors;

    PortalModel(CurrentActor currentActor, Vendors vendors) {
        this.currentActor = currentActor;
        this.vendors = vendors;
    }

    @ModelAttribute("portalUser")
    String user() {
        Actor actor = currentActor.get();
        return actor.userId() == null ? null : actor.username();
    }

    @ModelAttribute("vendorName")
    String vendorName() {
        Actor actor = currentActor.get();
        return actor.vendorId() == null ? null : vendors.find(actor.vendorId()).map(Vendor::name).orElse(null);
    }
}
