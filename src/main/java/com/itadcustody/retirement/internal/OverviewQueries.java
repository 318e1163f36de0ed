package com.itadcustody.retirement.internal;

import com.itadcustody.retirement.RetirementOverview.DisposalsInMonth;
import com.itadcustody.retirement.RetirementOverview.LotLine;
import com.itadcustody.retirement.RetirementOverview.Recovered;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only aggregates and lists over retirements and lots for the staff pages: each query is one statement on
 * an index (migration retirement-010), never a loop over rows.
 */
@Repository
public class OverviewQueries {

    /** The follow-up steps the models open when an SLA is breached; one waits until it is acknowledged. */
    static final List<String> FOLLOW_UPS = List.of("Task_FollowUpOverdueApproval",
            "Task_FollowUpOverdueVendorProcessing", "Task_FollowUpOverduePickup", "Task_FollowUpOverdueReceipt");

    private final JdbcClient jdbc;

    OverviewQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many SLA breaches wait for their follow-up (open follow-up tasks of both models). */
    public long overdueSlas() {
        return jdbc.sql("select count(*) from act_ru_task where task_def_key_ in (:keys)").param("keys", FOLLOW_UPS)
                .query(Long.class).single();
    }

    /** How many receipt discrepancies are not resolved yet. */
    public long openDiscrepancies() {
        return jdbc.sql("select count(*) from lot_discrepancy where resolution is null").query(Long.class).single();
    }

    /** Value recovered by settlements in {@code [from, to)}, per currency. */
    public List<Recovered> valueRecovered(Instant from, Instant to) {
        return jdbc.sql("""
                select settlement->>'currency' as currency,
                       sum((settlement->>'valueRecovered')::numeric) as recovered, count(*) as n
                from retirement_request where settled_at >= :from and settled_at < :to and settlement is not null
                group by 1 order by 1""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Recovered(rs.getString("currency"), rs.getBigDecimal("recovered"),
                        rs.getLong("n"))).list();
    }

    /** Closed retirements since {@code from} per UTC month ({@code YYYY-MM}) and disposition (null: none). */
    public List<DisposalsInMonth> closedPerMonth(Instant from) {
        return jdbc.sql("""
                select to_char(m, 'YYYY-MM') as month, disposition, n from (
                    select date_trunc('month', closed_at at time zone 'UTC') as m, disposition, count(*) as n
                    from retirement_request where status = 'CLOSED' and closed_at >= :from group by 1, 2) x
                order by 1, 2""")
                .param("from", Timestamp.from(from))
                .query((rs, n) -> new DisposalsInMonth(rs.getString("month"), rs.getString("disposition"),
                        rs.getLong("n"))).list();
    }

    /**
     * The median duration in seconds of each stage of the (at most {@code sample}) most recently closed retirements
     * closed since {@code from}, in stage order, and how many retirements that is (last value); a stage no retirement
     * went through is null.
     */
    public Map<String, Double> medianStageSeconds(Instant from, int sample) {
        return jdbc.sql("""
                select percentile_cont(0.5) within group (order by extract(epoch from r.decided_at - r.requested_at))
                           as approval,
                       percentile_cont(0.5) within group (order by extract(epoch from s.done - r.decided_at))
                           as sanitization,
                       percentile_cont(0.5) within group (order by extract(epoch from l.signed_off_at - s.done))
                           as handoff,
                       percentile_cont(0.5) within group (order by extract(epoch from l.received_at - l.signed_off_at))
                           as transport,
                       percentile_cont(0.5) within group (order by extract(epoch from r.processed_at - l.received_at))
                           as processing,
                       percentile_cont(0.5) within group (order by extract(epoch from r.closed_at
                           - coalesce(r.processed_at, s.done))) as settlement,
                       count(*) as retirements
                from (select * from retirement_request where status = 'CLOSED' and closed_at >= :from
                      order by closed_at desc limit :sample) r
                left join lateral (select max(coalesce(m.verified_at, m.performed_at)) as done
                                   from medium_sanitization m where m.retirement_id = r.id) s on true
                left join lot_item i on i.retirement_id = r.id
                left join lot l on l.id = i.lot_id""")
                .param("from", Timestamp.from(from)).param("sample", sample).query((rs, n) -> {
                    Map<String, Double> medians = new LinkedHashMap<>();
                    for (String stage : List.of("approval", "sanitization", "handoff", "transport", "processing",
                            "settlement")) {
                        double value = rs.getDouble(stage);
                        medians.put(stage, rs.wasNull() ? null : value);
                    }
                    medians.put("retirements", (double) rs.getLong("retirements"));
                    return medians;
                }).single();
    }

    /** One page of lots, newest first, filtered by status and vendor (each may be null). */
    public List<LotLine> lots(String status, UUID vendorId, int page, int size) {
        Where where = lotWhere(status, vendorId);
        return jdbc.sql("select l.id, l.vendor_id, l.status, l.carrier, l.tracking_number, l.created_at,"
                        + " (select count(*) from lot_item i where i.lot_id = l.id) as items,"
                        + " (select count(*) from lot_discrepancy d where d.lot_id = l.id and d.resolution is null)"
                        + " as open_discrepancies from lot l" + where.sql
                        + " order by l.created_at desc, l.id limit :limit offset :offset")
                .params(where.params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new LotLine(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
                        rs.getString("status"), rs.getString("carrier"), rs.getString("tracking_number"),
                        rs.getTimestamp("created_at").toInstant(), rs.getLong("items"),
                        rs.getLong("open_discrepancies"))).list();
    }

    /** How many lots match the filter. */
    public long countLots(String status, UUID vendorId) {
        Where where = lotWhere(status, vendorId);
        return jdbc.sql("select count(*) from lot l" + where.sql).params(where.params).query(Long.class).single();
    }

    private static final String READY = """
             from retirement_request r
             where r.status = 'APPROVED' and r.sanitization_decided_at is not null
               and not exists (select 1 from lot_item i where i.retirement_id = r.id)
               and not exists (select 1 from sanitization_plan p where p.retirement_id = r.id and not coalesce((
                   select m.verified and m.certificate_number is not null from medium_sanitization m
                   where m.retirement_id = p.retirement_id and m.medium_id = p.medium_id
                   order by m.attempt desc limit 1), false))""";

    /** One page of the retirements ready for a handoff and in no lot yet (as lot creation requires), oldest first. */
    public List<UUID> readyForHandoff(int page, int size) {
        return jdbc.sql("select r.id " + READY + " order by r.requested_at, r.id limit :limit offset :offset")
                .param("limit", size).param("offset", (long) page * size).query(UUID.class).list();
    }

    /** How many retirements are ready for a handoff and in no lot yet, counting no further than {@code cap}. */
    public long countReadyForHandoff(int cap) {
        return jdbc.sql("select count(*) from (select 1 " + READY + " limit :cap) x").param("cap", cap)
                .query(Long.class).single();
    }

    private static Where lotWhere(String status, UUID vendorId) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            clauses.add("l.status = :status");
            params.put("status", status);
        }
        if (vendorId != null) {
            clauses.add("l.vendor_id = :vendor");
            params.put("vendor", vendorId);
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    private record Where(String sql, Map<String, Object> params) {
    }
}
