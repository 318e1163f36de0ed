package com.itadcustody.asset;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may know of an asset: identity, description, status and its storage media (no cost or
 * custodian).
 *
 * @param id the asset id
 * @param tag the organisation's property number (asset tag)
 * @param serialNumber the manufacturer's serial number, if known
 * @param type the kind of device
 * @param make the manufacturer
 * @param model the model
 * @param location where the asset is
 * @param department the owning department
 * @param status the lifecycle status
 * @param media the data-bearing media inside it, in registration order
 */
public record AssetSummary(UUID id, String tag, String serialNumber, AssetType type, String make, String model,
        String location, String department, AssetStatus status, List<Medium> media) {

    /** Copies the media list. */
    public AssetSummary {
        media = List.copyOf(media);
    }

    /** The medium with this id, if the asset has it. */
    public Optional<Medium> medium(UUID mediumId) {
        return media.stream().filter(m -> m.id().equals(mediumId)).findFirst();
    }

    /**
     * A storage medium of the asset.
     *
     * @param id the medium id
     * @param mediaType the kind of medium
     * @param make the manufacturer
     * @param model the model
     * @param serialNumber the medium's own serial number
     * @param capacityBytes capacity, if known
     * @param selfEncrypting whether it encrypts all data itself (crypto erase possible)
     */
    public record Medium(UUID id, MediaType mediaType, String make, String model, String serialNumber,
            Long capacityBytes, boolean selfEncrypting) {
    }
}
