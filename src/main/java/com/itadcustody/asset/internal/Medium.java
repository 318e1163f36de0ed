package com.itadcustody.asset.internal;

import com.itadcustody.asset.MediaType;
import java.time.Instant;
import java.util.UUID;

/** A data-bearing storage device inside an asset, tracked by its own serial number. */
public record Medium(
        UUID id,
        UUID assetId,
        MediaType mediaType,
        String make,
        String model,
        String serialNumber,
        Long capacityBytes,
        boolean selfEncrypting,
        boolean encryptedFromFirstUse,
        Instant createdAt,
        UUID createdBy) {
}
