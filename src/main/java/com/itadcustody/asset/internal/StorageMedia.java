package com.itadcustody.asset.internal;

import com.itadcustody.asset.MediaType;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The storage_medium table. */
@Repository
public class StorageMedia {

    private static final String COLUMNS = """
            id, asset_id, media_type, make, model, serial_number, capacity_bytes, self_encrypting,
            encrypted_from_first_use, created_at, created_by""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    StorageMedia(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts many media in JDBC batches. */
    public void insertAll(List<Medium> media) {
        template.batchUpdate("insert into storage_medium (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?)", media,
                1000, (ps, m) -> {
                    ps.setObject(1, m.id());
                    ps.setObject(2, m.assetId());
                    ps.setString(3, m.mediaType().name());
                    ps.setString(4, m.make());
                    ps.setString(5, m.model());
                    ps.setString(6, m.serialNumber());
                    ps.setObject(7, m.capacityBytes());
                    ps.setBoolean(8, m.selfEncrypting());
                    ps.setBoolean(9, m.encryptedFromFirstUse());
                    ps.setTimestamp(10, Timestamp.from(m.createdAt()));
                    ps.setObject(11, m.createdBy());
                });
    }

    /** The media of many assets, grouped by asset id. */
    public Map<UUID, List<Medium>> ofAssets(Collection<UUID> assetIds) {
        Map<UUID, List<Medium>> byAsset = new LinkedHashMap<>();
        if (assetIds.isEmpty()) {
            return byAsset;
        }
        template.query(con -> {
            var ps = con.prepareStatement("select " + COLUMNS
                    + " from storage_medium where asset_id = any(?) order by position");
            ps.setArray(1, con.createArrayOf("uuid", assetIds.toArray()));
            return ps;
        }, ROW).forEach(m -> byAsset.computeIfAbsent(m.assetId(), id -> new ArrayList<>()).add(m));
        return byAsset;
    }

    /** The medium, if it exists. */
    public Optional<Medium> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from storage_medium where id = :id").param("id", id).query(ROW)
                .optional();
    }

    /** Which of the given serial numbers belong to a medium already. */
    public Set<String> existingSerials(Collection<String> serials) {
        if (serials.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(template.query(con -> {
            var ps = con.prepareStatement("select serial_number from storage_medium where serial_number = any(?)");
            ps.setArray(1, con.createArrayOf("text", serials.toArray()));
            return ps;
        }, (rs, n) -> rs.getString(1)));
    }

    /** Deletes the medium. */
    public void delete(UUID id) {
        jdbc.sql("delete from storage_medium where id = :id").param("id", id).update();
    }

    /** Deletes all media of the asset. */
    public void deleteOfAsset(UUID assetId) {
        jdbc.sql("delete from storage_medium where asset_id = :asset").param("asset", assetId).update();
    }

    private static final RowMapper<Medium> ROW = (rs, n) -> read(rs, "");

    /**
     * The table's columns of the alias {@code table}, each labelled with {@code prefix} before its name, for a query
     * that reads media beside another table's columns ({@link #read(java.sql.ResultSet, String)} maps them).
     */
    static String columnsLabelled(String table, String prefix) {
        return java.util.Arrays.stream(COLUMNS.split(",")).map(String::strip)
                .map(column -> table + "." + column + " as " + prefix + column)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The medium in the current row, its columns labelled with {@code prefix} before their names. */
    static Medium read(java.sql.ResultSet rs, String prefix) throws java.sql.SQLException {
        return new Medium(
                rs.getObject(prefix + "id", UUID.class),
                rs.getObject(prefix + "asset_id", UUID.class),
                MediaType.valueOf(rs.getString(prefix + "media_type")),
                rs.getString(prefix + "make"),
                rs.getString(prefix + "model"),
                rs.getString(prefix + "serial_number"),
                (Long) rs.getObject(prefix + "capacity_bytes"),
                rs.getBoolean(prefix + "self_encrypting"),
                rs.getBoolean(prefix + "encrypted_from_first_use"),
                rs.getTimestamp(prefix + "created_at").toInstant(),
                rs.getObject(prefix + "created_by", UUID.class));
    }
}
