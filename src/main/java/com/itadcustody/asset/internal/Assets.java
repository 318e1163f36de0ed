package com.itadcustody.asset.internal;

import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.AssetType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The asset table. */
@Repository
public class Assets {

    private static final String COLUMNS = """
            id, tag, serial_number, type, make, model, purchase_date, purchase_cost, currency, warranty_end,
            location, custodian, department, status, version, created_at, created_by, updated_at, updated_by""";

    /** The asset's row joined with its media's rows, the media's columns labelled {@code m_...}. */
    private static final String WITH_MEDIA = "select "
            + java.util.Arrays.stream(COLUMNS.split(",")).map(column -> "a." + column.strip())
                    .collect(java.util.stream.Collectors.joining(", "))
            + ", " + StorageMedia.columnsLabelled("m", "m_")
            + " from asset a left join storage_medium m on m.asset_id = a.id where a.id = :id order by m.position";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Assets(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts a new asset (without its media). */
    public void insert(Asset a) {
        jdbc.sql("insert into asset (" + COLUMNS + ") values (:id, :tag, :serial, :type, :make, :model, :purchaseDate,"
                        + " :cost, :currency, :warrantyEnd, :location, :custodian, :department, :status, 0, :createdAt,"
                        + " :createdBy, :updatedAt, :updatedBy)")
                .paramSource(params(a))
                .update();
    }

    /** Inserts many assets in JDBC batches. */
    public void insertAll(List<Asset> assets) {
        template.batchUpdate("insert into asset (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?)",
                assets, 1000, (ps, a) -> {
                    ps.setObject(1, a.id());
                    ps.setString(2, a.tag());
                    ps.setString(3, a.serialNumber());
                    ps.setString(4, a.type().name());
                    ps.setString(5, a.make());
                    ps.setString(6, a.model());
                    ps.setObject(7, a.purchaseDate());
                    ps.setBigDecimal(8, a.purchaseCost());
                    ps.setString(9, a.currency());
                    ps.setObject(10, a.warrantyEnd());
                    ps.setString(11, a.location());
                    ps.setString(12, a.custodian());
                    ps.setString(13, a.department());
                    ps.setString(14, a.status().name());
                    ps.setTimestamp(15, Timestamp.from(a.createdAt()));
                    ps.setObject(16, a.createdBy());
                    ps.setTimestamp(17, Timestamp.from(a.updatedAt()));
                    ps.setObject(18, a.updatedBy());
                });
    }

    /** Updates the editable fields if the stored version is {@code a.version()}; false if it was changed meanwhile. */
    public boolean update(Asset a) {
        return jdbc.sql("""
                        update asset set tag = :tag, serial_number = :serial, type = :type, make = :make, model = :model,
                          purchase_date = :purchaseDate, purchase_cost = :cost, currency = :currency,
                          warranty_end = :warrantyEnd, location = :location, custodian = :custodian,
                          department = :department, version = version + 1, updated_at = :updatedAt,
                          updated_by = :updatedBy
                        where id = :id and version = :version""")
                .paramSource(params(a))
                .update() == 1;
    }

    /** Sets the status if it still is {@code from}; false if someone moved it meanwhile. */
    public boolean changeStatus(UUID id, AssetStatus from, AssetStatus to, UUID by, Instant at) {
        return jdbc.sql("""
                        update asset set status = :to, version = version + 1, updated_at = :at, updated_by = :by
                        where id = :id and status = :from""")
                .param("to", to.name()).param("from", from.name()).param("id", id).param("by", by)
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** The asset without media, if it exists. */
    public Optional<Asset> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from asset where id = :id").param("id", id).query(ROW).optional();
    }

    /**
     * The asset with its media, in the order they were added, if it exists: one statement, since a workflow step
     * reads the asset it works on several times (its custody events name the asset's serial number).
     */
    public Optional<Asset> findWithMedia(UUID id) {
        List<Asset> asset = new ArrayList<>(1);
        List<Medium> media = new ArrayList<>();
        jdbc.sql(WITH_MEDIA).param("id", id)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    if (asset.isEmpty()) {
                        asset.add(ROW.mapRow(rs, 0));
                    }
                    if (rs.getObject("m_id") != null) {
                        media.add(StorageMedia.read(rs, "m_"));
                    }
                });
        return asset.stream().findFirst().map(found -> found.withMedia(media));
    }

    /** The asset, locked for update until the transaction ends. */
    public Optional<Asset> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from asset where id = :id for update").param("id", id).query(ROW)
                .optional();
    }

    /** Deletes the asset row (its media must be gone already). */
    public void delete(UUID id) {
        jdbc.sql("delete from asset where id = :id").param("id", id).update();
    }

    /** Which of the given tags exist already. */
    public Set<String> existingTags(Collection<String> tags) {
        return existing("select tag from asset where tag = any(?)", tags);
    }

    /** Which of the given serial numbers belong to an asset already. */
    public Set<String> existingSerials(Collection<String> serials) {
        return existing("select serial_number from asset where serial_number = any(?)", serials);
    }

    /** Whether another asset than {@code except} has this serial number. */
    public boolean serialTaken(String serial, UUID except) {
        return jdbc.sql("select exists (select 1 from asset where serial_number = :serial and id <> :except)")
                .param("serial", serial).param("except", except == null ? new UUID(0, 0) : except)
                .query(Boolean.class).single();
    }

    /** The id of the asset with exactly this tag, if there is one. */
    public java.util.Optional<UUID> idOfTag(String tag) {
        return jdbc.sql("select id from asset where tag = :tag").param("tag", tag).query(UUID.class).optional();
    }

    /** Whether another asset than {@code except} has this tag. */
    public boolean tagTaken(String tag, UUID except) {
        return jdbc.sql("select exists (select 1 from asset where tag = :tag and id <> :except)")
                .param("tag", tag).param("except", except == null ? new UUID(0, 0) : except)
                .query(Boolean.class).single();
    }

    /** One page of the assets matching the filter. */
    public List<Asset> page(AssetFilter filter, AssetSort sort, int page, int size) {
        Where where = where(filter);
        return jdbc.sql("select " + COLUMNS + " from asset" + where.sql + " order by " + sort.orderBy()
                        + " limit :limit offset :offset")
                .params(where.params).param("limit", size).param("offset", (long) page * size)
                .query(ROW).list();
    }

    /** How many assets match the filter. */
    public long count(AssetFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from asset" + where.sql).params(where.params).query(Long.class).single();
    }

    /** The assets with these ids (without media), in one query; unknown ids are left out. */
    public List<Asset> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return template.query(con -> {
            var ps = con.prepareStatement("select " + COLUMNS + " from asset where id = any(?)");
            ps.setArray(1, con.createArrayOf("uuid", ids.toArray()));
            return ps;
        }, ROW);
    }

    /** The ids of the assets whose serial number or tag is exactly this text, ignoring case. */
    public List<UUID> idsWithSerialOrTag(String text) {
        return jdbc.sql("select id from asset where lower(serial_number) = lower(:text) or lower(tag) = lower(:text)")
                .param("text", text).query(UUID.class).list();
    }

    /** How many assets are in each status that has any. */
    public Map<AssetStatus, Long> countByStatus() {
        Map<AssetStatus, Long> counts = new HashMap<>();
        jdbc.sql("select status, count(*) as n from asset group by status").query((rs, n) -> {
            counts.put(AssetStatus.valueOf(rs.getString("status")), rs.getLong("n"));
            return null;
        }).list();
        return counts;
    }

    /** Streams every asset matching the filter, in sort order, without holding them all in memory. */
    public void forEach(AssetFilter filter, AssetSort sort, Consumer<Asset> consumer) {
        Where where = where(filter);
        jdbc.sql("select " + COLUMNS + " from asset" + where.sql + " order by " + sort.orderBy())
                .params(where.params).query(ROW).stream().forEach(consumer);
    }

    private Set<String> existing(String sql, Collection<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(template.query(con -> {
            var ps = con.prepareStatement(sql);
            ps.setArray(1, con.createArrayOf("text", values.toArray()));
            return ps;
        }, (rs, n) -> rs.getString(1)));
    }

    private static Where where(AssetFilter f) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (f.status() != null) {
            clauses.add("status = :status");
            params.put("status", f.status().name());
        }
        if (f.type() != null) {
            clauses.add("type = :type");
            params.put("type", f.type().name());
        }
        if (f.location() != null && !f.location().isBlank()) {
            clauses.add("lower(location) = :location");
            params.put("location", f.location().strip().toLowerCase(Locale.ROOT));
        }
        if (f.text() != null && !f.text().isBlank()) {
            clauses.add("(tag ilike :text escape '\\' or serial_number ilike :text escape '\\'"
                    + " or model ilike :text escape '\\')");
            params.put("text", "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Map<String, Object> params(Asset a) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", a.id());
        p.put("tag", a.tag());
        p.put("serial", a.serialNumber());
        p.put("type", a.type().name());
        p.put("make", a.make());
        p.put("model", a.model());
        p.put("purchaseDate", a.purchaseDate());
        p.put("cost", a.purchaseCost());
        p.put("currency", a.currency());
        p.put("warrantyEnd", a.warrantyEnd());
        p.put("location", a.location());
        p.put("custodian", a.custodian());
        p.put("department", a.department());
        p.put("status", a.status().name());
        p.put("version", a.version());
        p.put("createdAt", Timestamp.from(a.createdAt()));
        p.put("createdBy", a.createdBy());
        p.put("updatedAt", Timestamp.from(a.updatedAt()));
        p.put("updatedBy", a.updatedBy());
        return p;
    }

    private static final RowMapper<Asset> ROW = (ResultSet rs, int n) -> new Asset(
            rs.getObject("id", UUID.class),
            rs.getString("tag"),
            rs.getString("serial_number"),
            AssetType.valueOf(rs.getString("type")),
            rs.getString("make"),
            rs.getString("model"),
            rs.getObject("purchase_date", java.time.LocalDate.class),
            rs.getBigDecimal("purchase_cost"),
            trimmed(rs, "currency"),
            rs.getObject("warranty_end", java.time.LocalDate.class),
            rs.getString("location"),
            rs.getString("custodian"),
            rs.getString("department"),
            AssetStatus.valueOf(rs.getString("status")),
            rs.getInt("version"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getObject("created_by", UUID.class),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getObject("updated_by", UUID.class),
            List.of());

    private static String trimmed(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : value.strip();
    }
}
