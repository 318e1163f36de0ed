package com.itadcustody.vendor;

import java.util.UUID;

/**
 * A facility of a vendor organisation.
 *
 * @param id the site's id
 * @param vendorId the vendor
 * @param name the site's name
 * @param address its postal address
 * @param country ISO 3166-1 alpha-2 country code, e.g. {@code DE}
 * @param r2Facility whether it is an R2-certified facility
 */
public record VendorSite(UUID id, UUID vendorId, String name, String address, String country, boolean r2Facility) {

    /**
     * A site as entered.
     *
     * @param name the site's name (required, at most 200 characters)
     * @param address postal address (required, at most 1000)
     * @param country ISO 3166-1 alpha-2 code (required)
     * @param r2Facility whether it is an R2 facility
     */
    public record Details(String name, String address, String country, Boolean r2Facility) {
    }
}
