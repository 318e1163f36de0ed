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
}
