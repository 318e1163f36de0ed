package com.itadcustody.retirement;

import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structured facts of an asset's final disposition; which of them a disposition needs is checked by
 * {@link Retirements#recordVendorProcessing} (resale: price and currency; donation: recipient; recycling: downstream
 * recycler and weight; destruction: method and witness, with the particle size in {@link VendorProcessing}), and
 * fields of another kind of disposition are refused.
 *
 * @param salePrice resale: the price the buyer paid, 0 or more
 * @param currency resale: the price's ISO 4217 currency code, e.g. EUR
 * @param buyerReference resale: the vendor's reference of the buyer or sale
 * @param recipient donation: who received the asset
 * @param downstreamRecycler recycling: the downstream recycler that took the material
 * @param recyclerCertification recycling: its certification, e.g. "R2v3 R2-12345"
 * @param weightKg recycling: the weight recycled in kilograms, more than 0
 * @param destructionMethod destruction: how, e.g. shredding or disintegration
 * @param witness destruction: who witnessed it
 * @param mediaReference destruction: a reference to the photo or video of it
 */
public record DispositionDetails(
        @DecimalMin("0") @Digits(integer = 12, fraction = 3) BigDecimal salePrice,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three capital letters") String currency,
        @Size(max = 200) String buyerReference,
        @Size(max = 300) String recipient,
        @Size(max = 200) String downstreamRecycler,
        @Size(max = 200) String recyclerCertification,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3) BigDecimal weightKg,
        @Size(max = 200) String destructionMethod,
        @Size(max = 200) String witness,
        @Size(max = 300) String mediaReference) {

    /** Resale details. */
    public static DispositionDetails resale(BigDecimal salePrice, String currency, String buyerReference) {
        return new DispositionDetails(salePrice, currency, buyerReference, null, null, null, null, null, null, null);
    }

    /** Donation details. */
    public static DispositionDetails donation(String recipient) {
        return new DispositionDetails(null, null, null, recipient, null, null, null, null, null, null);
    }

    /** Recycling details. */
    public static DispositionDetails recycling(String downstreamRecycler, String recyclerCertification,
            BigDecimal weightKg) {
        return new DispositionDetails(null, null, null, null, downstreamRecycler, recyclerCertification, weightKg,
                null, null, null);
    }

    /** Destruction details (the particle size is {@link VendorProcessing#particleSize()}). */
    public static DispositionDetails destruction(String destructionMethod, String witness, String mediaReference) {
        return new DispositionDetails(null, null, null, null, null, null, null, destructionMethod, witness,
                mediaReference);
    }

    /** The fields, by name, that a disposition of this kind must have. */
    static List<String> requiredFor(DispositionMethod method) {
        return switch (method) {
            case RESALE -> List.of("salePrice", "currency");
            case DONATION -> List.of("recipient");
            case RECYCLING -> List.of("downstreamRecycler", "weightKg");
            case DESTRUCTION -> List.of("destructionMethod", "witness");
        };
    }

    /** The fields, by name, that belong to a disposition of this kind. */
    static List<String> applicableTo(DispositionMethod method) {
        return switch (method) {
            case RESALE -> List.of("salePrice", "currency", "buyerReference");
            case DONATION -> List.of("recipient");
            case RECYCLING -> List.of("downstreamRecycler", "recyclerCertification", "weightKg");
            case DESTRUCTION -> List.of("destructionMethod", "witness", "mediaReference");
        };
    }

    /** Every given (non-blank) field by name, in declaration order, text stripped and amounts in plain notation. */
    Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        put(given, "salePrice", salePrice == null ? null : salePrice.toPlainString());
        put(given, "currency", currency);
        put(given, "buyerReference", buyerReference);
        put(given, "recipient", recipient);
        put(given, "downstreamRecycler", downstreamRecycler);
        put(given, "recyclerCertification", recyclerCertification);
        put(given, "weightKg", weightKg == null ? null : weightKg.toPlainString());
        put(given, "destructionMethod", destructionMethod);
        put(given, "witness", witness);
        put(given, "mediaReference", mediaReference);
        return given;
    }

    /**
     * What the certificate of disposition prints for these details (the sale price stays off it): the buyer
     * reference, the recipient, the recycler with its certification and the weight, or the method, witness and
     * photo or video reference; null when there is nothing to print (never for details that passed the rules).
     */
    String printed(DispositionMethod method) {
        Map<String, Object> g = given();
        List<String> parts = new ArrayList<>();
        switch (method) {
            case RESALE -> add(parts, "Buyer reference ", g.getOrDefault("buyerReference", "not given"), "");
            case DONATION -> add(parts, "Donated to ", g.get("recipient"), "");
            case RECYCLING -> {
                add(parts, "Downstream recycler ", g.get("downstreamRecycler"), g.containsKey("recyclerCertification")
                        ? " (" + g.get("recyclerCertification") + ")" : "");
                add(parts, "weight ", g.get("weightKg"), " kg");
            }
            case DESTRUCTION -> {
                add(parts, "Method ", g.get("destructionMethod"), "");
                add(parts, "witnessed by ", g.get("witness"), "");
                add(parts, "photo/video ", g.get("mediaReference"), "");
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void add(List<String> parts, String prefix, Object value, String suffix) {
        if (value != null) {
            parts.add(prefix + value + suffix);
        }
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }
}
