package com.itadcustody.asset.internal;

import com.itadcustody.asset.AssetType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The fields of an asset a user provides, from the REST API or a CSV row; validated the same way on both paths.
 * On update, {@code media} is ignored (media have their own endpoints).
 */
@CurrencyWithCost
public record AssetInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
                message = "may contain only letters, digits and . _ / - and must start with a letter or digit")
        String tag,
        @Size(max = 128) String serialNumber,
        @NotNull AssetType type,
        @Size(max = 128) String make,
        @Size(max = 128) String model,
        @PastOrPresent LocalDate purchaseDate,
        @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal purchaseCost,
        @IsoCurrency String currency,
        LocalDate warrantyEnd,
        @Size(max = 128) String location,
        @Size(max = 128) String custodian,
        @Size(max = 128) String department,
        @Size(max = 64) List<@Valid @NotNull MediumInput> media) {

    public AssetInput {
        tag = trim(tag);
        serialNumber = blankToNull(serialNumber);
        make = blankToNull(make);
        model = blankToNull(model);
        currency = blankToNull(currency);
        location = blankToNull(location);
        custodian = blankToNull(custodian);
        department = blankToNull(department);
        media = media == null ? List.of() : media;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
