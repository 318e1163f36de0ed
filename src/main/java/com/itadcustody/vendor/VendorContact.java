package com.itadcustody.vendor;

import java.util.UUID;

/**
 * A person to reach at a vendor organisation.
 *
 * @param id the contact's id
 * @param vendorId the vendor
 * @param name the person's name
 * @param function their role or function, e.g. "Logistics lead"
 * @param email their e-mail address
 * @param phone their phone number, if given
 * @param notifications whether the service's notifications (lots ready for pickup, ...) go to them
 */
public record VendorContact(UUID id, UUID vendorId, String name, String function, String email, String phone,
        boolean notifications) {

    /**
     * A contact as entered.
     *
     * @param name the person's name (required, at most 200 characters)
     * @param function role or function (at most 200)
     * @param email e-mail address (required)
     * @param phone phone number (at most 50; digits, spaces and {@code + ( ) - .})
     * @param notifications whether notifications go to this contact
     */
    public record Details(String name, String function, String email, String phone, Boolean notifications) {
    }
}
