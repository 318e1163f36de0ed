package com.itadcustody.retirement;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/**
 * What an asset's disposition brought and cost.
 *
 * @param valueRecovered money recovered (resale), zero when none
 * @param fees the vendor's fees
 * @param currency ISO 4217 code
 */
public record Settlement(
        @NotNull @DecimalMin("0") BigDecimal valueRecovered,
        @NotNull @DecimalMin("0") BigDecimal fees,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
}
