package com.itadcustody.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for PostgreSQL's autovacuum, which the benchmark server has off (its default is on): every
 * {@code naptime} seconds (autovacuum's default is 60), each table of the test database with more dead, inserted or
 * changed rows than autovacuum's default thresholds (vacuum: 50 + 20% of its rows dead, or 1,000 + 20% inserted
 * since the last vacuum; analyse: 50 + 10% changed) is vacuumed or analysed as its owner. Its CPU counts in the
 * PostgreSQL server's, as autovacuum's would.
 */
final class Autovacuum implements AutoCloseable {

    private final java.util.concurrent.ScheduledExecutorService timer;
    private final java.util.concurrent.atomic.AtomicInteger passes = new java.util.concurrent.atomic.AtomicInteger();

    Autovacuum(int naptime) {
        timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-autovacuum");
            t.setDaemon(true);
            return t;
        });
        if (naptime > 0) {
            timer.scheduleWithFixedDelay(this::pass, 0, naptime, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** One pass now, on the caller's thread. */
    void pass() {
        com.itadcustody.support.TestDatabase db = com.itadcustody.support.TestDatabase.get();
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(db.url(), db.ownerUser(),
                db.ownerPassword()); java.sql.Statement s = owner.createStatement()) {
            List<String> vacuum = new ArrayList<>();
            List<String> analyze = new ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery("""
                    select quote_ident(t.schemaname) || '.' || quote_ident(t.relname),
                           t.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
                               or t.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0),
                           t.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
                    from pg_stat_user_tables t join pg_class c on c.oid = t.relid
                    where pg_has_role(c.relowner, 'USAGE')""")) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        vacuum.add(rs.getString(1));
                    } else if (rs.getBoolean(3)) {
                        analyze.add(rs.getString(1));
                    }
                }
            }
            for (String table : vacuum) {
                s.execute("vacuum analyze " + table);
            }
            for (String table : analyze) {
                s.execute("analyze " + table);
            }
            passes.incrementAndGet();
        } catch (java.sql.SQLException e) {
            System.out.println("bench autovacuum pass failed: " + e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    }
}
