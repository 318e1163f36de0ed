package com.itadcustody.asset.internal;

import com.itadcustody.asset.MediaType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The fields of a storage medium a user provides, from the REST API or a CSV row. */
public record MediumInput(
        @NotNull MediaType mediaType,
        @Size(max = 128) String make,
        @Size(max = 128) String model,
        @NotBlank @Size(max = 128) String serialNumber,
        @Positive Long capacityBytes,
        Boolean selfEncrypting,
        Boolean encryptedFromFirstUse) {

    public MediumInput {
        make = AssetInput.blankToNull(make);
        model = AssetInput.blankToNull(model);
        serialNumber = serialNumber == null ? null : serialNumber.strip();
        selfEncrypting = Boolean.TRUE.equals(selfEncrypting);
        encryptedFromFirstUse = Boolean.TRUE.equals(encryptedFromFirstUse);
    }
}
