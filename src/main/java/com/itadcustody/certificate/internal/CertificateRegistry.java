package com.itadcustody.certificate.internal;

import com.itadcustody.certificate.CertificateStatus;
import com.itadcustody.certificate.CertificateType;
import com.itadcustody.certificate.CertificateView;
import com.itadcustody.shared.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry of issued certificates: rows are inserted once and only their status ever changes. */
@Repository
public class CertificateRegistry {

    private static final String VIEW_COLUMNS = """
            c.id, c.number, c.type, c.asset_id, c.medium_id, c.medium_serial, c.status, c.sha256,
            c.signing_key_id, c.certified_seq, c.issued_at, c.issued_by, c.status_changed_at, c.status_reason,
            p.number as supersedes_number, s.number as superseded_by_number""";
    private static final String VIEW_FROM = """
            certificate c
            left join certificate p on p.id = c.supersedes
            left join certificate s on s.id = c.superseded_by""";
    private static final RowMapper<CertificateView> VIEW = CertificateRegistry::view;

    private final JdbcClient jdbc;

    CertificateRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A certificate ready to be stored. */
    public record NewCertificate(UUID id, String number, CertificateType type, UUID assetId, UUID mediumId, String mediumSerial,
            byte[] data,
            byte[] pdf, byte[] sha256, String signingKeyId, UUID certifiedEventId, long certifiedSeq,
            Instant issuedAt, UUID issuedBy, UUID issuedEventId, UUID supersedes) {
    }

    /** Stores a newly issued certificate. */
    public void insert(NewCertificate c) {
        jdbc.sql("""
                insert into certificate (id, number, type, asset_id, medium_id, medium_serial, data, pdf, sha256, signing_key_id,
                    certified_event_id, certified_seq, issued_at, issued_by, issued_event_id, supersedes)
                values (:id, :number, :type, :asset, :medium, :mediumSerial, :data, :pdf, :sha256, :key, :event, :seq, :issuedAt,
                    :issuedBy, :issuedEvent, :supersedes)""")
                .param("id", c.id()).param("number", c.number()).param("type", c.type().name())
                .param("asset", c.assetId()).param("medium", c.mediumId()).param("mediumSerial", c.mediumSerial())
                .param("data", c.data())
                .param("pdf", c.pdf()).param("sha256", c.sha256()).param("key", c.signingKeyId())
                .param("event", c.certifiedEventId()).param("seq", c.certifiedSeq())
                .param("issuedAt", Timestamp.from(c.issuedAt())).param("issuedBy", c.issuedBy())
                .param("issuedEvent", c.issuedEventId()).param("supersedes", c.supersedes())
                .update();
    }

    /** The certificate with this number. */
    public Optional<CertificateView> find(String number) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from " + VIEW_FROM + " where c.number = :number")
                .param("number", number).query(VIEW).optional();
    }

    /** The certificate whose signed PDF has this SHA-256. */
    public Optional<CertificateView> findBySha256(byte[] sha256) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from " + VIEW_FROM + " where c.sha256 = :sha")
                .param("sha", sha256).query(VIEW).optional();
    }

    /** The signed PDF of the certificate with this number. */
    public Optional<byte[]> pdf(String number) {
        return jdbc.sql("select pdf from certificate where number = :number").param("number", number)
                .query(byte[].class).optional();
    }

    /** The machine-readable data (JSON) of the certificate with this number. */
    public Optional<byte[]> data(String number) {
        return jdbc.sql("select data from certificate where number = :number").param("number", number)
                .query(byte[].class).optional();
    }

    /** The valid certificate of sanitization of this medium, if there is one. */
    public Optional<CertificateView> validSanitizationOf(UUID mediumId) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from " + VIEW_FROM
                + " where c.medium_id = :medium and c.type = 'SANITIZATION' and c.status = 'VALID'")
                .param("medium", mediumId).query(VIEW).optional();
    }

    /** The valid certificate of disposition of this asset, if there is one. */
    public Optional<CertificateView> validDispositionOf(UUID assetId) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from " + VIEW_FROM
                + " where c.asset_id = :asset and c.type = 'DISPOSITION' and c.status = 'VALID'")
                .param("asset", assetId).query(VIEW).optional();
    }

    /** Certificates matching the filter, newest first, one page. */
    public PageResult<CertificateView> list(UUID assetId, CertificateType type, CertificateStatus status, int page,
            int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (assetId != null) {
            where.append(" and c.asset_id = :asset");
            params.put("asset", assetId);
        }
        if (type != null) {
            where.append(" and c.type = :type");
            params.put("type", type.name());
        }
        if (status != null) {
            where.append(" and c.status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql("select count(*) from certificate c" + where).params(params).query(Long.class)
                .single();
        List<CertificateView> content = jdbc.sql("select " + VIEW_COLUMNS + " from " + VIEW_FROM + where
                + " order by c.issued_at desc, c.number desc limit :limit offset :offset").params(params)
                .param("limit", size).param("offset", (long) page * size).query(VIEW).list();
        return PageResult.of(content, page, size, total);
    }

    /**
     * Certificates matching the filter, newest first, one page: {@code text} (if given) matches the number or the
     * medium serial as a case-insensitive substring, or any of {@code assetIds} (assets found by the caller).
     */
    public PageResult<CertificateView> search(CertificateType type, CertificateStatus status, String text,
            java.util.Collection<UUID> assetIds, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (type != null) {
            where.append(" and c.type = :type");
            params.put("type", type.name());
        }
        if (status != null) {
            where.append(" and c.status = :status");
            params.put("status", status.name());
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (c.number ilike :text escape '\\' or c.medium_serial ilike :text escape '\\'");
            params.put("text", "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
            if (!assetIds.isEmpty()) {
                where.append(" or c.asset_id in (:assets)");
                params.put("assets", List.copyOf(assetIds));
            }
            where.append(")");
        }
        long total = jdbc.sql("select count(*) from certificate c" + where).params(params).query(Long.class)
                .single();
        List<CertificateView> content = jdbc.sql("select " + VIEW_COLUMNS + " from " + VIEW_FROM + where
                + " order by c.issued_at desc, c.number desc limit :limit offset :offset").params(params)
                .param("limit", size).param("offset", (long) page * size).query(VIEW).list();
        return PageResult.of(content, page, size, total);
    }

    /**
     * Moves a valid certificate to REVOKED or SUPERSEDED; false if it was not valid any more (a concurrent change
     * won).
     */
    public boolean changeStatus(UUID id, CertificateStatus status, Instant at, UUID by, String reason, UUID supersededBy) {
        return jdbc.sql("""
                update certificate set status = :status, status_changed_at = :at, status_changed_by = :by,
                    status_reason = :reason, superseded_by = :successor
                where id = :id and status = 'VALID'""")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("by", by)
                .param("reason", reason).param("successor", supersededBy).param("id", id).update() == 1;
    }

    private static CertificateView view(ResultSet rs, int row) throws SQLException {
        Timestamp changed = rs.getTimestamp("status_changed_at");
        return new CertificateView(rs.getObject("id", UUID.class), rs.getString("number"),
                CertificateType.valueOf(rs.getString("type")), rs.getObject("asset_id", UUID.class),
                rs.getObject("medium_id", UUID.class), rs.getString("medium_serial"),
                CertificateStatus.valueOf(rs.getString("status")), HexFormat.of().formatHex(rs.getBytes("sha256")),
                rs.getString("signing_key_id"), rs.getLong("certified_seq"),
                rs.getTimestamp("issued_at").toInstant(), rs.getObject("issued_by", UUID.class),
                changed == null ? null : changed.toInstant(), rs.getString("status_reason"),
                rs.getString("supersedes_number"), rs.getString("superseded_by_number"));
    }
}
