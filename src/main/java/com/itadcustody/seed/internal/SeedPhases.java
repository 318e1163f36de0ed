package com.itadcustody.seed.internal;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The generator's bookkeeping in {@code seed_phase}: which phases ran when, and the time span each phase's domain
 * timestamps are moved to (backdating). The custody log, the certificates and the engine's tables are never
 * touched: they keep the real time of the run.
 */
@Component
class SeedPhases {

    /**
     * Tables whose timestamp columns are moved into the past: the registry's and the retirement workflow's own
     * rows, and the compliance module's records of SLA breaches and receipt discrepancies. Left out on purpose: the custody log (its times are signed into the hash chain), certificates (issued
     * as they are, guarded by a trigger, and their PDFs carry the real signing time), evidence files (append-only),
     * the engine's tables, users, vendors, the mail outbox and the message inbox.
     */
    static final List<String> BACKDATED_TABLES = List.of("asset", "storage_medium", "license_pool",
            "seat_assignment", "retirement_request", "retirement_deprovisioning", "retirement_deprovisioning_failure",
            "sanitization_plan", "medium_sanitization", "retirement_batch", "retirement_batch_item", "lot",
            "lot_discrepancy", "compliance_sla_breach", "compliance_receipt_discrepancy");

    private final JdbcClient jdbc;

    SeedPhases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks phases a previous run left running as ended now (their rows stay as they were written). */
    int closeInterrupted() {
        return jdbc.sql("update seed_phase set real_to = greatest(real_from, clock_timestamp()) where real_to is null")
                .update();
    }

    /** The start of the first run (the end of the generated history), if the database was seeded before. */
    Optional<Instant> anchor() {
        return jdbc.sql("select min(real_from) from seed_phase").query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** Whether a phase of this name ran to its end. */
    boolean finished(String name) {
        return jdbc.sql("select exists (select 1 from seed_phase where name = ? and real_to is not null)").param(name)
                .query(Boolean.class).single();
    }

    /** Starts a phase now; its timestamps will be moved into [shownFrom, shownTo] (null: left as they are). */
    long start(String name, Instant shownFrom, Instant shownTo) {
        return jdbc.sql("""
                insert into seed_phase (name, real_from, shown_from, shown_to)
                values (?, clock_timestamp(), ?, ?) returning id""")
                .params(name, shownFrom == null ? null : Timestamp.from(shownFrom),
                        shownTo == null ? null : Timestamp.from(shownTo))
                .query(Long.class).single();
    }

    /** Ends a phase now. */
    void finish(long id) {
        jdbc.sql("update seed_phase set real_to = clock_timestamp() where id = ?").param(id).update();
    }

    /**
     * Moves the timestamps of every ended, not yet backdated phase from its real span into its shown span (linear,
     * so order and relative durations within a phase are kept), in the {@link #BACKDATED_TABLES}; returns the rows
     * changed.
     */
    long backdate(PrintStream out) {
        List<String[]> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema() and data_type = 'timestamp with time zone'
                  and table_name = any(?) order by table_name, column_name""")
                .param(BACKDATED_TABLES.toArray(String[]::new))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        List<Long> phases = jdbc.sql("""
                select id from seed_phase where real_to is not null and shown_from is not null and backdated_at is null
                order by id""").query(Long.class).list();
        long rows = 0;
        for (long phase : phases) {
            long started = System.nanoTime();
            long phaseRows = 0;
            for (String[] c : columns) {
                phaseRows += jdbc.sql("""
                        update %1$s t set %2$s = p.shown_from + (t.%2$s - p.real_from)
                            * (extract(epoch from p.shown_to - p.shown_from)::float8
                               / greatest(extract(epoch from p.real_to - p.real_from)::float8, 0.001))
                        from seed_phase p
                        where p.id = ? and t.%2$s >= p.real_from and t.%2$s <= p.real_to""".formatted(c[0], c[1]))
                        .param(phase).update();
            }
            jdbc.sql("update seed_phase set backdated_at = clock_timestamp() where id = ?").param(phase).update();
            out.printf("seed: backdated phase %d: %,d timestamps in %.1f s%n", phase, phaseRows,
                    Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
            rows += phaseRows;
        }
        return rows;
    }
}
