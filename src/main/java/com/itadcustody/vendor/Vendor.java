package com.itadcustody.vendor;

import java.time.Instant;
import java.util.UUID;

/**
 * An ITAD vendor organisation that takes retired assets for sanitization, resale, recycling or destruction.
 *
 * @param id the vendor's id
 * @param name the organisation's name, unique
 * @param createdAt when it was registered
 */
public record Vendor(UUID id, String name, Instant createdAt) {
}
