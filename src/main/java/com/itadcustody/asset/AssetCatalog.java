package com.itadcustody.asset;

import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The asset module's read API for other modules (certificates, workflow): an asset and its media. */
@Service
public class AssetCatalog {

    private final AssetRegistry registry;

    AssetCatalog(AssetRegistry registry) {
        this.registry = registry;
    }

    /** The asset with exactly this tag, if there is one. */
    public java.util.Optional<AssetSummary> findByTag(String tag) {
        return registry.idOfTag(tag).map(this::describe);
    }

    /** The asset with its media; {@link com.itadcustody.shared.NotFound} (404) if it does not exist. */
    public AssetSummary describe(UUID assetId) {
        Asset asset = registry.get(assetId);
        return new AssetSummary(asset.id(), asset.tag(), asset.serialNumber(), asset.type(), asset.make(),
                asset.model(), asset.location(), asset.department(), asset.status(),
                asset.media().stream().map(m -> new AssetSummary.Medium(m.id(), m.mediaType(), m.make(), m.model(),
                        m.serialNumber(), m.capacityBytes(), m.selfEncrypting())).toList());
    }
}
