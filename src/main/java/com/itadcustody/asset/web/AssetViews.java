package com.itadcustody.asset.web;

import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.MediaType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the asset API that are not inputs shared with the CSV import. */
final class AssetViews {

    private AssetViews() {
    }

    /** An asset as the API shows it. */
    record AssetView(UUID id, String tag, String serialNumber, AssetType type, String make, String model,
            LocalDate purchaseDate, BigDecimal purchaseCost, String currency, LocalDate warrantyEnd, String location,
            String custodian, String department, AssetStatus status, int version, Instant createdAt, UUID createdBy,
            Instant updatedAt, UUID updatedBy, List<MediumView> media) {
    }

    /** A storage medium as the API shows it. */
    record MediumView(UUID id, MediaType mediaType, String make, String model, String serialNumber,
            Long capacityBytes, boolean selfEncrypting, boolean encryptedFromFirstUse, Instant createdAt,
            UUID createdBy) {
    }

    /**
     * A change to an asset's fields. {@code version} must be the version last read; {@code status}, if sent,
     * must equal the current status (it changes only through the workflow).
     */
    record UpdateAssetRequest(String tag, String serialNumber, AssetType type, String make, String model,
            LocalDate purchaseDate, BigDecimal purchaseCost, String currency, LocalDate warrantyEnd, String location,
            String custodian, String department, @NotNull @PositiveOrZero Integer version, AssetStatus status) {
    }

    /** Reason given when archiving an asset. */
    record ArchiveRequest(String reason) {
    }

    /** What a successful import took. */
    record ImportResult(int assetsImported, int mediaImported) {
    }
}
