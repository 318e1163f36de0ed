package com.itadcustody.asset;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset module's bulk lookups for other modules: many assets by id, or by asset tag or serial number, in one
 * indexed query each (the tag and serial number are unique), e.g. to check a selection or a CSV file of assets.
 */
@Service
public class AssetLookup {

    /** At most this many ids or keys in one lookup. */
    public static final int MAX_KEYS = 10_000;

    private final JdbcClient jdbc;

    AssetLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An asset as a lookup answers it: identity, description and status, without media.
     *
     * @param id the asset id
     * @param tag the asset tag
     * @param serialNumber the manufacturer's serial number, if known
     * @param type the kind of device
     * @param make the manufacturer
     * @param model the model
     * @param status the lifecycle status
     */
    public record AssetRef(UUID id, String tag, String serialNumber, AssetType type, String make, String model,
            AssetStatus status) {
    }

    /** The assets with these ids that exist (unknown ids are left out), in no particular order. */
    @Transactional(readOnly = true)
    public List<AssetRef> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        requireFew(ids.size());
        return jdbc.sql("select id, tag, serial_number, type, make, model, status from asset where id = any(:ids)")
                .param("ids", new SqlArrayValue("uuid", ids.toArray())).query(AssetLookup::ref).list();
    }

    /**
     * The assets whose tag or serial number is one of these keys (exact match), in no particular order; a key may
     * match one asset's tag and another's serial number, so callers check which matched.
     */
    @Transactional(readOnly = true)
    public List<AssetRef> byTagsOrSerials(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        requireFew(keys.size());
        String[] values = keys.toArray(String[]::new);
        return jdbc.sql("select id, tag, serial_number, type, make, model, status from asset where tag = any(:keys)"
                        + " union select id, tag, serial_number, type, make, model, status from asset"
                        + " where serial_number = any(:keys)")
                .param("keys", new SqlArrayValue("text", (Object[]) values)).query(AssetLookup::ref).list();
    }

    private static AssetRef ref(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new AssetRef(row.getObject("id", UUID.class), row.getString("tag"), row.getString("serial_number"),
                AssetType.valueOf(row.getString("type")), row.getString("make"), row.getString("model"),
                AssetStatus.valueOf(row.getString("status")));
    }

    private static void requireFew(int count) {
        if (count > MAX_KEYS) {
            throw new IllegalArgumentException("at most " + MAX_KEYS + " keys in one lookup, not " + count);
        }
    }
}
