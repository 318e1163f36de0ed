package com.itadcustody.partner.inbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The erasure_report and erasure_exception tables. */
@Repository
class ErasureReportStore {

    private static final String REPORT = "id, vendor_id, file_name, format, sha256, size_bytes, source, received_at,"
            + " status, records, applied, exceptions, finished_at";
    private static final String EXCEPTION = "id, report_id, vendor_id, line, medium_serial, kind, rule, message,"
            + " retirement_id, medium_id, state, resolution, resolved_by, resolved_at, created_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ErasureReportStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Stores a report as received (throws DuplicateKeyException for a file the vendor delivered before). */
    void insert(UUID id, UUID vendorId, String fileName, ErasureReportFormat format, String sha256, byte[] content,
            String source, UUID receivedBy, Instant at, int records) {
        jdbc.sql("""
                insert into erasure_report (id, vendor_id, file_name, format, sha256, size_bytes, content, source,
                    received_by, received_at, records)
                values (:id, :vendor, :name, :format, :sha, :size, :content, :source, :by, :at, :records)""")
                .param("id", id).param("vendor", vendorId).param("name", fileName).param("format", format.name())
                .param("sha", sha256).param("size", (long) content.length).param("content", content)
                .param("source", source).param("by", receivedBy).param("at", Timestamp.from(at))
                .param("records", records).update();
    }

    Optional<UUID> idOf(UUID vendorId, String sha256) {
        return jdbc.sql("select id from erasure_report where vendor_id = :vendor and sha256 = :sha")
                .param("vendor", vendorId).param("sha", sha256).query(UUID.class).optional();
    }

    void finish(UUID id, int applied, int exceptions, String resultsJson, Instant at) {
        jdbc.sql("""
                update erasure_report set status = 'PROCESSED', applied = :applied, exceptions = :exceptions,
                    results = cast(:results as jsonb), finished_at = :at where id = :id""")
                .param("id", id).param("applied", applied).param("exceptions", exceptions)
                .param("results", resultsJson).param("at", Timestamp.from(at)).update();
    }

    Optional<ErasureReportView> report(UUID id) {
        return jdbc.sql("select " + REPORT + " from erasure_report where id = :id").param("id", id)
                .query(ErasureReportStore::report).optional();
    }

    Optional<String> results(UUID id) {
        return jdbc.sql("select results::text from erasure_report where id = :id").param("id", id)
                .query(String.class).optional();
    }

    Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content from erasure_report where id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    List<ErasureReportView> reports(UUID vendorId, int page, int size) {
        return jdbc.sql("select " + REPORT + " from erasure_report where (cast(:vendor as uuid) is null or vendor_id ="
                        + " :vendor) order by received_at desc, id limit :limit offset :offset")
                .param("vendor", vendorId).param("limit", size).param("offset", (long) page * size)
                .query(ErasureReportStore::report).list();
    }

    long countReports(UUID vendorId) {
        return jdbc.sql("select count(*) from erasure_report where (cast(:vendor as uuid) is null or vendor_id ="
                + " :vendor)").param("vendor", vendorId).query(Long.class).single();
    }

    /** An exception to insert. */
    record NewException(UUID id, UUID reportId, UUID vendorId, Integer line, String mediumSerial, String kind,
            String rule, String message, String recordJson, UUID retirementId, UUID mediumId, Instant at) {
    }

    void insertExceptions(List<NewException> exceptions) {
        template.batchUpdate("""
                insert into erasure_exception (id, report_id, vendor_id, line, medium_serial, kind, rule, message,
                    record, retirement_id, medium_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""", exceptions, 500, (ps, e) -> {
            ps.setObject(1, e.id());
            ps.setObject(2, e.reportId());
            ps.setObject(3, e.vendorId());
            ps.setObject(4, e.line());
            ps.setString(5, e.mediumSerial());
            ps.setString(6, e.kind());
            ps.setString(7, e.rule());
            ps.setString(8, e.message());
            ps.setString(9, e.recordJson());
            ps.setObject(10, e.retirementId());
            ps.setObject(11, e.mediumId());
            ps.setTimestamp(12, Timestamp.from(e.at()));
        });
    }

    Optional<ErasureExceptionView> exception(UUID id) {
        return jdbc.sql("select " + EXCEPTION + " from erasure_exception where id = :id").param("id", id)
                .query(ErasureReportStore::exception).optional();
    }

    Optional<ErasureExceptionView> lockException(UUID id) {
        return jdbc.sql("select " + EXCEPTION + " from erasure_exception where id = :id for update").param("id", id)
                .query(ErasureReportStore::exception).optional();
    }

    Optional<String> recordOf(UUID exceptionId) {
        return jdbc.sql("select record::text from erasure_exception where id = :id").param("id", exceptionId)
                .query(String.class).optional();
    }

    /** Filters of the exceptions list; null: any. */
    record ExceptionFilter(UUID vendorId, String state, String kind, UUID reportId) {
    }

    List<ErasureExceptionView> exceptions(ExceptionFilter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(size);
        args.add((long) page * size);
        return template.query("select " + EXCEPTION + " from erasure_exception" + where
                + " order by created_at desc, id limit ? offset ?", (rs, n) -> exception(rs, n), args.toArray());
    }

    long countExceptions(ExceptionFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return template.queryForObject("select count(*) from erasure_exception" + where, Long.class, args.toArray());
    }

    private static String where(ExceptionFilter filter, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (filter.vendorId() != null) {
            clauses.add("vendor_id = ?");
            args.add(filter.vendorId());
        }
        if (filter.state() != null) {
            clauses.add("state = ?");
            args.add(filter.state());
        }
        if (filter.kind() != null) {
            clauses.add("kind = ?");
            args.add(filter.kind());
        }
        if (filter.reportId() != null) {
            clauses.add("report_id = ?");
            args.add(filter.reportId());
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    void resolve(UUID id, String resolution, UUID by, Instant at) {
        jdbc.sql("""
                update erasure_exception set state = 'RESOLVED', resolution = :resolution, resolved_by = :by,
                    resolved_at = :at where id = :id""")
                .param("id", id).param("resolution", resolution).param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    void reclassify(UUID id, String kind, String rule, String message, UUID retirementId, UUID mediumId) {
        jdbc.sql("""
                update erasure_exception set kind = :kind, rule = :rule, message = :message,
                    retirement_id = :retirement, medium_id = :medium where id = :id""")
                .param("id", id).param("kind", kind).param("rule", rule).param("message", message)
                .param("retirement", retirementId).param("medium", mediumId).update();
    }

    private static ErasureReportView report(ResultSet rs, int n) throws SQLException {
        return new ErasureReportView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), instant(rs, 8), rs.getString(9),
                rs.getInt(10), rs.getInt(11), rs.getInt(12), instant(rs, 13));
    }

    private static ErasureExceptionView exception(ResultSet rs, int n) throws SQLException {
        return new ErasureExceptionView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), (Integer) rs.getObject(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getObject(9, UUID.class), rs.getObject(10, UUID.class),
                rs.getString(11), rs.getString(12), rs.getObject(13, UUID.class), instant(rs, 14), instant(rs, 15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
