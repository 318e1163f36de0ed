package com.itadcustody.asset.internal;

import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.AssetType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A hardware asset as stored, with its storage media. */
public record Asset(
        UUID id,
        String tag,
        String serialNumber,
        AssetType type,
        String make,
        String model,
        LocalDate purchaseDate,
        BigDecimal purchaseCost,
        String currency,
        LocalDate warrantyEnd,
        String location,
        String custodian,
        String department,
        AssetStatus status,
        int version,
        Instant createdAt,
        UUID createdBy,
        Instant updatedAt,
        UUID updatedBy,
        List<Medium> media) {

    /** The same asset with its media. */
    public Asset withMedia(List<Medium> media) {
        return new Asset(id, tag, serialNumber, type, make, model, purchaseDate, purchaseCost, currency, warrantyEnd,
                location, custodian, department, status, version, createdAt, createdBy, updatedAt, updatedBy,
                List.copyOf(media));
    }
}
