package com.itadcustody.asset.license;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new license pool.
 *
 * @param publisher the software publisher
 * @param product the licensed product
 * @param metric how seats are counted
 * @param seatsOwned seats bought
 * @param renewalDate when the licenses must be renewed
 * @param cost what the pool cost
 * @param currency the ISO 4217 code of the cost, required with a cost
 */
record LicensePoolRequest(
        @NotBlank @Size(max = PoolTerms.MAX_TEXT_LENGTH) @Schema(example = "Microsoft") String publisher,
        @NotBlank @Size(max = PoolTerms.MAX_TEXT_LENGTH) @Schema(example = "Microsoft 365 E3") String product,
        @NotNull LicenseMetric metric,
        @NotNull @PositiveOrZero Integer seatsOwned,
        LocalDate renewalDate,
        @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal cost,
        @Schema(example = "EUR", description = "ISO 4217 code; required when cost is given")
        String currency) {

    PoolTerms terms() {
        return new PoolTerms(publisher, product, metric, seatsOwned, renewalDate, cost, currency);
    }
}
