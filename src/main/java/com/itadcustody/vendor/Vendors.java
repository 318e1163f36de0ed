package com.itadcustody.vendor;

import com.itadcustody.shared.Actor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registry of vendor organisations: the vendor module's API to the other modules. */
public interface Vendors {

    /**
     * Registers a vendor organisation.
     *
     * @throws com.itadcustody.shared.DomainRuleViolated {@code vendor-name-taken} (409) if the name is in use,
     *     {@code vendor-name-required} (422) if it is blank
     */
    Vendor register(String name, Actor actor);

    /** The vendor organisation with this id, if there is one. */
    Optional<Vendor> find(UUID id);

    /** All vendor organisations, by name. */
    List<Vendor> list();

    /** Records a certification of the vendor (404 for an unknown vendor; 422 if it ends before it starts). */
    VendorCertification addCertification(UUID vendorId, String scheme, String certificateId, String issuer,
            java.time.LocalDate validFrom, java.time.LocalDate validUntil, Actor actor);

    /** The vendor's certifications, newest first. */
    List<VendorCertification> certificationsOf(UUID vendorId);

    /** Whether the vendor holds at least one certification valid on that day. */
    boolean certifiedOn(UUID vendorId, java.time.LocalDate day);
}
