package com.itadcustody.retirement;

import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
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
 * @param details buyer reference and price, recipient, downstream recycler and weight, or destruction method and
 *     witness
 * @param particleSize for destruction: the particle size
 * @param place where it happened
 * @param completedAt when
 */
public record VendorProcessing(
        @NotBlank @Size(max = 20) String grade,
        @NotNull Boolean functional,
        @NotNull DispositionMethod disposition,
        @NotBlank @Size(max = 1000) String details,
        @Size(max = 50) String particleSize,
        @NotBlank @Size(max = 300) String place,
        @NotNull @PastOrPresent Instant completedAt) {
}
