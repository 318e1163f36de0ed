package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.RetirementBatchView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Batches of retirements and their per-asset outcomes. */
@Repository
public class RetirementBatches {

    /** One asset of a batch still to be handled, with what its retirement needs. */
    public record Pending(UUID batchId, int position, UUID assetId, String reason, DataConfidentiality confidentiality,
            AssetDestination destination, UUID sanitizationVendorId, UUID requestedBy, String requestedRoles) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RetirementBatches(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Stores a batch and its assets in order ({@code sanitizationVendorId} null: sanitized in-house). */
    public void insert(UUID id, List<UUID> assetIds, String reason, DataConfidentiality confidentiality,
            AssetDestination destination, UUID sanitizationVendorId, UUID by, String roles, Instant at) {
        jdbc.sql("insert into retirement_batch (id, reason, confidentiality, destination, sanitization_vendor_id,"
                + " requested_by, requested_roles, created_at) values (:id, :reason, :c, :d, :vendor, :by, :roles,"
                + " :at)")
                .param("id", id).param("reason", reason).param("c", confidentiality.name())
                .param("vendor", sanitizationVendorId)
                .param("d", destination.name()).param("by", by).param("roles", roles)
                .param("at", Timestamp.from(at)).update();
        List<Object[]> rows = new java.util.ArrayList<>(assetIds.size());
        for (int i = 0; i < assetIds.size(); i++) {
            rows.add(new Object[] {id, i, assetIds.get(i)});
        }
        template.batchUpdate("insert into retirement_batch_item (batch_id, position, asset_id) values (?, ?, ?)",
                rows);
    }

    /** The next unhandled asset of any batch, locked (skipping those another node works on). */
    public Optional<Pending> lockNextPending() {
        return lockPending(1).stream().findFirst();
    }

    /** This batch item again, locked, if it is still unhandled. */
    public boolean lockIfPending(UUID batchId, int position) {
        return !jdbc.sql("select 1 from retirement_batch_item where batch_id = :batch and position = :position"
                + " and processed_at is null for update skip locked").param("batch", batchId)
                .param("position", position).query(Integer.class).list().isEmpty();
    }

    /** The next unhandled assets of any batch, locked (skipping those another node works on). */
    public List<Pending> lockPending(int limit) {
        return jdbc.sql("""
                select i.batch_id, i.position, i.asset_id, b.reason, b.confidentiality, b.destination,
                       b.requested_by, b.requested_roles, b.sanitization_vendor_id
                from retirement_batch_item i join retirement_batch b on b.id = i.batch_id
                where i.processed_at is null
                order by b.created_at, i.position limit :limit
                for update of i skip locked""").param("limit", limit)
                .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
                        rs.getString(4), DataConfidentiality.valueOf(rs.getString(5)),
                        AssetDestination.valueOf(rs.getString(6)), rs.getObject(9, UUID.class),
                        rs.getObject(7, UUID.class), rs.getString(8)))
                .list();
    }

    /** Records an asset's outcome: its retirement, or the rule that refused it. */
    public void recordOutcome(UUID batchId, int position, UUID retirementId, String rule, String message) {
        jdbc.sql("update retirement_batch_item set retirement_id = :retirement, error_rule = :rule,"
                + " error_message = :message, processed_at = clock_timestamp()"
                + " where batch_id = :batch and position = :position")
                .param("retirement", retirementId).param("rule", rule).param("message", message)
                .param("batch", batchId).param("position", position).update();
        jdbc.sql("update retirement_batch set finished_at = clock_timestamp() where id = :batch"
                + " and finished_at is null and not exists (select 1 from retirement_batch_item"
                + " where batch_id = :batch and processed_at is null)").param("batch", batchId).update();
    }

    /** The batch's progress, if it exists and was submitted by this user (or {@code anyUser}). */
    public Optional<RetirementBatchView> view(UUID id, UUID user, boolean anyUser) {
        return jdbc.sql("""
                select b.created_at, b.finished_at, count(*) as total, count(i.processed_at) as processed,
                       count(i.retirement_id) as started, count(i.error_rule) as refused
                from retirement_batch b join retirement_batch_item i on i.batch_id = b.id
                where b.id = :id and (:any or b.requested_by = :user)
                group by b.id""").param("id", id).param("user", user).param("any", anyUser)
                .query((rs, n) -> {
                    Timestamp finished = rs.getTimestamp(2);
                    return new RetirementBatchView(id, rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                            finished != null, rs.getTimestamp(1).toInstant(),
                            finished == null ? null : finished.toInstant(), refusals(id));
                }).optional();
    }

    private List<RetirementBatchView.Refusal> refusals(UUID id) {
        return jdbc.sql("select position, asset_id, error_rule, error_message from retirement_batch_item"
                + " where batch_id = :id and error_rule is not null order by position limit 1000").param("id", id)
                .query((rs, n) -> new RetirementBatchView.Refusal(rs.getInt(1), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4))).list();
    }
}
