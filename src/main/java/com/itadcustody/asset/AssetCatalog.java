package com.itadcustody.asset;

import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetFilter;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.asset.internal.AssetSort;
import com.itadcustody.asset.internal.Assets;
import com.itadcustody.shared.PageResult;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The asset module's read API for other modules (certificates, workflow): an asset and its media. */
@Service
public class AssetCatalog {

    private final AssetRegistry registry;
    private final Assets assets;

    AssetCatalog(AssetRegistry registry, Assets assets) {
        this.registry = registry;
        this.assets = assets;
    }

    /** The asset with exactly this tag, if there is one. */
    public java.util.Optional<AssetSummary> findByTag(String tag) {
        return registry.idOfTag(tag).map(this::describe);
    }

    /** The asset with its media; {@link com.itadcustody.shared.NotFound} (404) if it does not exist. */
    public AssetSummary describe(UUID assetId) {
        return summary(registry.get(assetId));
    }

    /**
     * One page of assets with their media, filtered (each filter may be null) and sorted as {@code field,asc|desc}
     * (as the REST API's list); 400 {@code unknown-sort-field}, {@code invalid-sort-direction},
     * {@code invalid-page} or {@code invalid-page-size} for bad values.
     *
     * @param text matches tag, serial number or model (case-insensitive substring)
     */
    public PageResult<AssetSummary> browse(AssetStatus status, AssetType type, String text, String sort, int page,
            int size) {
        return registry.list(new AssetFilter(status, type, null, text), AssetSort.parse(sort), page, size)
                .map(AssetCatalog::summary);
    }

    /** The assets with these ids (unknown ids left out), without their media, in one query. */
    public Map<UUID, AssetSummary> labels(Collection<UUID> assetIds) {
        Map<UUID, AssetSummary> found = new java.util.HashMap<>();
        assets.byIds(assetIds).forEach(a -> found.put(a.id(), summary(a)));
        return found;
    }

    /** The ids of the assets whose serial number or tag is exactly this text (case-insensitive). */
    public List<UUID> idsWithSerialOrTag(String text) {
        return text == null || text.isBlank() ? List.of() : assets.idsWithSerialOrTag(text.strip());
    }

    /** How many assets are in each status (statuses without assets count 0), from the status index. */
    public Map<AssetStatus, Long> countByStatus() {
        Map<AssetStatus, Long> counts = new EnumMap<>(AssetStatus.class);
        for (AssetStatus status : AssetStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(assets.countByStatus());
        return counts;
    }

    private static AssetSummary summary(Asset asset) {
        return new AssetSummary(asset.id(), asset.tag(), asset.serialNumber(), asset.type(), asset.make(),
                asset.model(), asset.location(), asset.department(), asset.status(),
                asset.media().stream().map(m -> new AssetSummary.Medium(m.id(), m.mediaType(), m.make(), m.model(),
                        m.serialNumber(), m.capacityBytes(), m.selfEncrypting())).toList());
    }
}
