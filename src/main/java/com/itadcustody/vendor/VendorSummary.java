package com.itadcustody.vendor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A vendor organisation as a row of a list: enough to tell at a glance whether it can work, without its contacts
 * and sites.
 *
 * @param id the vendor's id
 * @param name its name
 * @param active false once deactivated
 * @param createdAt when it was registered
 * @param certificationsInForce how many of its certifications are in force on the list's day
 * @param nextExpiry the last valid day of the certification in force that ends first, or null if none is in force
 * @param webhookSecret whether it has a webhook secret
 */
public record VendorSummary(UUID id, String name, boolean active, Instant createdAt, int certificationsInForce,
        LocalDate nextExpiry, boolean webhookSecret) {
}
