package com.itadcustody.retirement;

import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The vendor's grading and final disposition of one asset.
 *
 * @param grade cosmetic and functional grade, e.g. A, B, C, D or SCRAP
 * @param functional whether the asset works
 * @param disposition resale, donation, recycling or destruction
 * @param details anything else worth recording about the disposition, in words (optional)
 * @param particleSize for destruction: the particle size
 * @param place where it happened
 * @param completedAt when
 * @param dispositionDetails the disposition's structured facts: price, currency and buyer reference; recipient;
 *     downstream recycler, its certification and the weight; or destruction method, witness and photo or video
 *     reference (which are required depends on the disposition)
 */
public record VendorProcessing(
        @NotBlank @Size(max = 20) String grade,
        @NotNull Boolean functional,
        @NotNull DispositionMethod disposition,
        @Size(max = 1000) String details,
        @Size(max = 50) String particleSize,
        @NotBlank @Size(max = 300) String place,
        @NotNull @PastOrPresent Instant completedAt,
        @Valid DispositionDetails dispositionDetails) {

    /**
     * A record without structured details, as written before they existed; {@link Retirements#recordVendorProcessing}
     * refuses it, since every disposition needs some of them.
     */
    public VendorProcessing(String grade, Boolean functional, DispositionMethod disposition, String details,
            String particleSize, String place, Instant completedAt) {
        this(grade, functional, disposition, details, particleSize, place, completedAt, null);
    }
}
