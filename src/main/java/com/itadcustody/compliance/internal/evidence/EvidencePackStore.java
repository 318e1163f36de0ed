package com.itadcustody.compliance.internal.evidence;

import com.itadcustody.compliance.EvidencePackView;
import com.itadcustody.compliance.EvidencePackView.Scope;
import com.itadcustody.compliance.EvidencePackView.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code evidence_pack} table: requested packs, their progress and their files. */
@Repository
public class EvidencePackStore {

    private static final String COLUMNS = "id, scope, asset_id, lot_id, period_from, period_to, label, state, done,"
            + " total, error, file_name, size_bytes, sha256, requested_by, requested_at, started_at, finished_at";

    private final JdbcClient jdbc;

    EvidencePackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new, queued pack. */
    public void insert(EvidencePackView pack) {
        jdbc.sql("insert into evidence_pack (id, scope, asset_id, lot_id, period_from, period_to, label, state,"
                        + " requested_by, requested_at) values (:id, :scope, :asset, :lot, :from, :to, :label, 'QUEUED',"
                        + " :by, :at)")
                .param("id", pack.id()).param("scope", pack.scope().name()).param("asset", pack.assetId())
                .param("lot", pack.lotId()).param("from", pack.periodFrom()).param("to", pack.periodTo())
                .param("label", pack.label()).param("by", pack.requestedBy())
                .param("at", Timestamp.from(pack.requestedAt())).update();
    }

    /** The pack, if it exists. */
    public Optional<EvidencePackView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from evidence_pack where id = :id").param("id", id)
                .query(EvidencePackStore::row).optional();
    }

    /** One page of packs, newest first. */
    public List<EvidencePackView> page(int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from evidence_pack order by requested_at desc, id desc"
                + " limit :size offset :offset").param("size", size).param("offset", (long) page * size)
                .query(EvidencePackStore::row).list();
    }

    /** How many packs there are. */
    public long count() {
        return jdbc.sql("select count(*) from evidence_pack").query(Long.class).single();
    }

    /** Marks a queued pack as running with its number of steps; false if it was not queued. */
    public boolean start(UUID id, int total, Instant at) {
        return jdbc.sql("update evidence_pack set state = 'RUNNING', total = :total, done = 0, started_at = :at"
                + " where id = :id and state = 'QUEUED'").param("id", id).param("total", total)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** Records progress of a running pack. */
    public void progress(UUID id, int done) {
        jdbc.sql("update evidence_pack set done = least(:done, total) where id = :id and state = 'RUNNING'")
                .param("id", id).param("done", done).update();
    }

    /** Records the built file of a running pack. */
    public void finish(UUID id, String fileName, long size, String sha256, Instant at) {
        jdbc.sql("update evidence_pack set state = 'DONE', done = total, file_name = :name, size_bytes = :size,"
                        + " sha256 = :sha, finished_at = :at where id = :id and state = 'RUNNING'")
                .param("id", id).param("name", fileName).param("size", size).param("sha", sha256)
                .param("at", Timestamp.from(at)).update();
    }

    /** Records why a queued or running pack failed. */
    public void fail(UUID id, String error, Instant at) {
        jdbc.sql("update evidence_pack set state = 'FAILED', error = :error, finished_at = :at"
                        + " where id = :id and state in ('QUEUED', 'RUNNING')")
                .param("id", id).param("error", error).param("at", Timestamp.from(at)).update();
    }

    /** Fails every pack still queued or running (after a restart nothing builds them any more); how many. */
    public int failUnfinished(String error, Instant at) {
        return jdbc.sql("update evidence_pack set state = 'FAILED', error = :error, finished_at = :at"
                        + " where state in ('QUEUED', 'RUNNING')")
                .param("error", error).param("at", Timestamp.from(at)).update();
    }

    private static EvidencePackView row(ResultSet rs, int n) throws SQLException {
        return new EvidencePackView(rs.getObject("id", UUID.class), Scope.valueOf(rs.getString("scope")),
                rs.getObject("asset_id", UUID.class), rs.getObject("lot_id", UUID.class),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getString("label"), State.valueOf(rs.getString("state")), rs.getInt("done"), rs.getInt("total"),
                rs.getString("error"), rs.getString("file_name"), (Long) rs.getObject("size_bytes"),
                rs.getString("sha256"), rs.getObject("requested_by", UUID.class), instant(rs, "requested_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
