package com.itadcustody.seed.internal;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code VACUUM ANALYZE} of the database as the schema owner (the application role may not), between waves and at
 * the end: the engine's runtime tables churn with every step, and a server with autovacuum off (as the benchmark
 * server) would otherwise plan their queries on stale statistics. Skipped on the embedded database, where
 * autovacuum runs.
 */
@Component
class Maintenance {

    private final String url;
    private final String user;
    private final String password;

    Maintenance(@Value("${itad.db.url:}") String url, @Value("${itad.db.user:}") String appUser,
            @Value("${itad.db.password:}") String appPassword,
            @Value("${itad.db.migration-user:}") String ownerUser,
            @Value("${itad.db.migration-password:}") String ownerPassword) {
        this.url = url;
        this.user = ownerUser.isBlank() ? appUser : ownerUser;
        this.password = ownerUser.isBlank() ? appPassword : ownerPassword;
    }

    /** Vacuums and analyses every table the owner owns; reports and carries on if it cannot. */
    void vacuumAnalyze(PrintStream out) {
        if (url.isBlank()) {
            return;
        }
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
            out.printf("seed: vacuum analyze in %.1f s%n", (System.nanoTime() - started) / 1e9);
        } catch (SQLException e) {
            out.println("seed: vacuum analyze skipped: " + e.getMessage());
        }
    }
}
