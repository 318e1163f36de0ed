package com.itadcustody.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A person named on a certificate (the performer or the validator of a sanitization), as NIST SP 800-88
 * Appendix G asks: name, title, organisation, location and phone. Names appear on certificates only, never in the
 * custody log.
 *
 * @param name full name
 * @param title job title
 * @param organisation employer
 * @param location site or city
 * @param phone telephone number
 */
public record Person(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String organisation,
        @Size(max = 200) String location,
        @Size(max = 50) String phone) {
}
