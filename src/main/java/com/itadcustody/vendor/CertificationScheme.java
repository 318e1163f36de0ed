package com.itadcustody.vendor;

import com.itadcustody.shared.DomainRuleViolated;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The certification schemes a vendor's certification may belong to. */
public enum CertificationScheme {
    R2V3("R2v3"),
    E_STEWARDS("e-Stewards"),
    NAID_AAA("NAID AAA"),
    ISO_14001("ISO 14001"),
    ISO_45001("ISO 45001"),
    ISO_27001("ISO 27001"),
    OTHER("Other");

    private final String displayName;

    CertificationScheme(String displayName) {
        this.displayName = displayName;
    }

    /** The scheme's usual written name, e.g. {@code e-Stewards}. */
    public String displayName() {
        return displayName;
    }

    /**
     * The scheme named by its code or written name, ignoring case, spaces and hyphens ({@code R2v3}, {@code r2v3},
     * {@code e-Stewards}, {@code NAID AAA}); 422 {@code certification-scheme-known} on field {@code scheme} otherwise.
     */
    public static CertificationScheme parse(String text) {
        String code = text == null ? "" : text.strip().replaceAll("[\\s-]+", "_").toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst()
                .orElseThrow(() -> DomainRuleViolated.unprocessable("certification-scheme-known", "scheme",
                        "scheme must be one of " + Arrays.stream(values()).map(Enum::name)
                                .collect(Collectors.joining(", "))));
    }
}
