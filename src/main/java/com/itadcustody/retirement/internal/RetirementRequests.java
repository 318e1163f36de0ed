package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.RetirementStatus;
import com.itadcustody.retirement.RetirementView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The retirement requests table. */
@Repository
public class RetirementRequests {

    private static final String COLUMNS = "id, asset_id, reason, status, requested_by, requested_at, decided_by,"
            + " decided_at, decision_comment, closed_by, closed_at, close_reason";

    private final JdbcClient jdbc;

    RetirementRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new request. */
    public void insert(UUID id, UUID assetId, String reason, UUID requestedBy, Instant at) {
        jdbc.sql("insert into retirement_request (id, asset_id, reason, requested_by, requested_at)"
                + " values (:id, :asset, :reason, :by, :at)")
                .param("id", id).param("asset", assetId).param("reason", reason).param("by", requestedBy)
                .param("at", Timestamp.from(at)).update();
    }

    /** The request, locked for the rest of the transaction. */
    public Optional<RetirementView> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from retirement_request where id = :id for update")
                .param("id", id).query(RetirementRequests::view).optional();
    }

    /** The request. */
    public Optional<RetirementView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from retirement_request where id = :id")
                .param("id", id).query(RetirementRequests::view).optional();
    }

    /** Records an asset manager's decision. */
    public void decide(UUID id, RetirementStatus status, UUID by, Instant at, String comment) {
        jdbc.sql("update retirement_request set status = :status, decided_by = :by, decided_at = :at,"
                + " decision_comment = :comment, version = version + 1 where id = :id")
                .param("status", status.name()).param("by", by).param("at", Timestamp.from(at))
                .param("comment", comment).param("id", id).update();
    }

    /** Records a cancellation or the closing. */
    public void close(UUID id, RetirementStatus status, UUID by, Instant at, String reason) {
        jdbc.sql("update retirement_request set status = :status, closed_by = :by, closed_at = :at,"
                + " close_reason = :reason, version = version + 1 where id = :id")
                .param("status", status.name()).param("by", by).param("at", Timestamp.from(at))
                .param("reason", reason).param("id", id).update();
    }

    private static RetirementView view(ResultSet rs, int row) throws SQLException {
        return new RetirementView(rs.getObject("id", UUID.class), rs.getObject("asset_id", UUID.class),
                rs.getString("reason"), RetirementStatus.valueOf(rs.getString("status")),
                rs.getObject("requested_by", UUID.class), instant(rs, "requested_at"),
                rs.getObject("decided_by", UUID.class), instant(rs, "decided_at"), rs.getString("decision_comment"),
                rs.getObject("closed_by", UUID.class), instant(rs, "closed_at"), rs.getString("close_reason"), null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
