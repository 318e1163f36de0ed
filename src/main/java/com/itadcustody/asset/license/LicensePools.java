package com.itadcustody.asset.license;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored license pools, each read together with its count of assigned seats. */
@Repository
class LicensePools {

    private static final String SELECT = """
            select p.*,
                   (select count(*) from seat_assignment s
                     where s.pool_id = p.id and s.released_at is null) as seats_assigned
              from license_pool p
            """;

    private final JdbcClient jdbc;

    LicensePools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LicensePool pool) {
        PoolTerms t = pool.terms();
        jdbc.sql("""
                insert into license_pool (id, publisher, product, metric, seats_owned, renewal_date, cost, currency,
                                          version, created_at, created_by, updated_at, updated_by)
                values (:id, :publisher, :product, :metric, :seatsOwned, :renewalDate, :cost, :currency,
                        :version, :createdAt, :createdBy, :updatedAt, :updatedBy)""")
                .param("id", pool.id())
                .params(termParams(t))
                .param("version", pool.version())
                .param("createdAt", timestamp(pool.createdAt()))
                .param("createdBy", pool.createdBy())
                .param("updatedAt", timestamp(pool.updatedAt()))
                .param("updatedBy", pool.updatedBy())
                .update();
    }

    /**
     * Writes new terms if the stored version is still {@code expectedVersion}, raising the version.
     *
     * @return whether the row was updated (false: missing or changed meanwhile)
     */
    boolean update(UUID id, int expectedVersion, PoolTerms terms, Instant at, UUID by) {
        return jdbc.sql("""
                update license_pool
                   set publisher = :publisher, product = :product, metric = :metric, seats_owned = :seatsOwned,
                       renewal_date = :renewalDate, cost = :cost, currency = :currency,
                       version = version + 1, updated_at = :updatedAt, updated_by = :updatedBy
                 where id = :id and version = :version""")
                .param("id", id)
                .param("version", expectedVersion)
                .params(termParams(terms))
                .param("updatedAt", timestamp(at))
                .param("updatedBy", by)
                .update() == 1;
    }

    Optional<PoolUsage> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(LicensePools::map).optional();
    }

    /**
     * Locks the pool's row until the transaction ends, so that seat counts checked afterwards stay true until
     * commit; every change of the pool or of its seat count goes through this lock.
     */
    Optional<LicensePool> lock(UUID id) {
        return jdbc.sql("select p.* from license_pool p where p.id = :id for update")
                .param("id", id)
                .query((rs, row) -> pool(rs))
                .optional();
    }

    List<PoolUsage> list(PoolQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        String order = PoolQuery.SORTABLE.get(query.sortField()) + (query.ascending() ? " asc" : " desc")
                + " nulls last, p.id";
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        return jdbc.sql(SELECT + where + " order by " + order + " limit :limit offset :offset")
                .params(params)
                .query(LicensePools::map)
                .list();
    }

    long count(PoolQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        return jdbc.sql("select count(*) from license_pool p" + where).params(params).query(Long.class).single();
    }

    private static String where(PoolQuery query, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.publisher() != null) {
            conditions.add("p.publisher ilike :publisher escape '\\'");
            params.put("publisher", containsPattern(query.publisher()));
        }
        if (query.product() != null) {
            conditions.add("p.product ilike :product escape '\\'");
            params.put("product", containsPattern(query.product()));
        }
        if (query.metric() != null) {
            conditions.add("p.metric = :metric");
            params.put("metric", query.metric().name());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Map<String, Object> termParams(PoolTerms t) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("publisher", t.publisher());
        params.put("product", t.product());
        params.put("metric", t.metric().name());
        params.put("seatsOwned", t.seatsOwned());
        params.put("renewalDate", t.renewalDate());
        params.put("cost", t.cost());
        params.put("currency", t.currency());
        return params;
    }

    private static PoolUsage map(ResultSet rs, int row) throws SQLException {
        return new PoolUsage(pool(rs), rs.getInt("seats_assigned"));
    }

    private static LicensePool pool(ResultSet rs) throws SQLException {
        PoolTerms terms = new PoolTerms(
                rs.getString("publisher"),
                rs.getString("product"),
                LicenseMetric.valueOf(rs.getString("metric")),
                rs.getInt("seats_owned"),
                rs.getObject("renewal_date", LocalDate.class),
                rs.getBigDecimal("cost"),
                rs.getString("currency"));
        return new LicensePool(
                rs.getObject("id", UUID.class),
                terms,
                rs.getInt("version"),
                instant(rs, "created_at"),
                rs.getObject("created_by", UUID.class),
                instant(rs, "updated_at"),
                rs.getObject("updated_by", UUID.class));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
