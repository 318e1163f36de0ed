package com.itadcustody.asset;

import com.itadcustody.asset.internal.AssetCsvImporter;
import com.itadcustody.shared.Actor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset module's API for registering assets in bulk from CSV (the same importer and custody events as
 * {@code POST /api/v1/assets/import}), used by the sample-data generator.
 */
@Service
public class AssetImports {

    private final AssetCsvImporter importer;
    private final JdbcClient jdbc;

    AssetImports(AssetCsvImporter importer, JdbcClient jdbc) {
        this.importer = importer;
        this.jdbc = jdbc;
    }

    /** What an import registered. */
    public record Imported(int assets, int media) {
    }

    /**
     * Validates the CSV file (format of docs/csv-format.md) and registers every asset and medium in it in one
     * transaction, each with its {@code ASSET_REGISTERED} custody event; on any problem nothing is registered
     * ({@link com.itadcustody.shared.InputRejected} lists them).
     */
    @Transactional
    public Imported importCsv(byte[] csv, Actor actor) {
        AssetCsvImporter.Imported imported = importer.importCsv(csv, actor);
        return new Imported(imported.assets(), imported.media());
    }

    /** The ids of the registered assets with these tags, by tag (unknown tags are left out). */
    @Transactional(readOnly = true)
    public Map<String, UUID> idsOfTags(List<String> tags) {
        Map<String, UUID> ids = new HashMap<>();
        if (tags.isEmpty()) {
            return ids;
        }
        jdbc.sql("select id, tag from asset where tag = any(?)")
                .param(tags.toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString("tag"), rs.getObject("id", UUID.class)))
                .list();
        return ids;
    }

    /** Whether an asset with this tag is registered. */
    @Transactional(readOnly = true)
    public boolean tagRegistered(String tag) {
        return jdbc.sql("select exists (select 1 from asset where tag = ?)").param(tag).query(Boolean.class)
                .single();
    }
}
