package com.itadcustody.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogAudit;
import com.itadcustody.seed.internal.Seeder;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample-data generator on a small scale, in a database of its own: the promised shape (assets of every kind
 * with media and seats, retirements closed with certificates and others left in open stages, history spread over
 * the months), a custody log that passes the full audit, and a second run that adds nothing.
 */
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedDataTests {

    static final SeedOptions SMALL = new SeedOptions(300, 36, 3, 6, 7L, true);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.useDatabase(registry, TestDatabase.fresh());
        registry.add("itad.retirement.sla.approval", () -> "PT5S");
        registry.add("itad.retirement.sla.pickup", () -> "PT5S");
    }

    @Autowired
    Seeder seeder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustodySequencer sequencer;

    @Autowired
    LogAudit audit;

    static String firstRun;

    @Test
    @Order(1)
    void registersAssetsOfEveryKindWithMediaAndSeats() {
        firstRun = run(SMALL);

        assertThat(count("select count(*) from asset where tag like 'SEED-%'")).isEqualTo(300);
        List<String> types = jdbc.sql("select distinct type from asset").query(String.class).list();
        assertThat(types).contains("LAPTOP", "DESKTOP", "PHONE", "SERVER");
        assertThat(count("select count(*) from storage_medium")).isGreaterThan(300);
        assertThat(count("select count(*) from seat_assignment")).isGreaterThan(10);
        assertThat(firstRun).contains("assets 300 of 300 registered").contains("seed: done in");
    }

    @Test
    @Order(2)
    void drivesRetirementsThroughTheWorkflowToTheirStages() {
        Map<String, Long> byStatus = jdbc.sql("select status, count(*) from retirement_request group by status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).as("one per planned retirement")
                .isEqualTo(36);
        assertThat(byStatus).containsKey("CLOSED");
        assertThat(byStatus.keySet()).as("open and ended retirements").hasSizeGreaterThanOrEqualTo(3);
        // every closed retirement has its certificates of sanitization and disposition, issued by the real module
        assertThat(count("""
                select count(*) from retirement_request r where r.status = 'CLOSED'
                  and not exists (select 1 from certificate c where c.asset_id = r.asset_id and c.type = 'DISPOSITION')"""))
                .isZero();
        assertThat(count("select count(*) from lot")).isPositive();
        assertThat(count("select count(*) from asset where status = 'DISPOSED'")).isEqualTo(byStatus.get("CLOSED"));
    }

    @Test
    @Order(3)
    void spreadsTheHistoryOverTheMonthsButLeavesTheCustodyLogAndCertificatesAtTheirRealTime() {
        Instant now = Instant.now();
        List<Instant> requested = jdbc.sql("select requested_at from retirement_request order by requested_at")
                .query(java.sql.Timestamp.class).list().stream().map(java.sql.Timestamp::toInstant).toList();
        assertThat(requested.get(0)).isBefore(now.minus(Duration.ofDays(120)));
        assertThat(requested.get(requested.size() - 1)).isAfter(now.minus(Duration.ofDays(65)));
        assertThat(count("select count(*) from asset where created_at > now() - interval '180 days'"))
                .as("assets registered before the history starts").isZero();
        assertThat(count("select count(*) from custody_entry where recorded_at < now() - interval '1 day'"))
                .as("custody events keep their real time").isZero();
        assertThat(count("select count(*) from certificate where issued_at < now() - interval '1 day'")).isZero();
    }

    @Test
    @Order(4)
    void theCustodyLogOfTheGeneratedHistoryPassesTheFullAudit() {
        while (sequencer.drainNow() > 0) {
            // sequence everything the run appended
        }
        LogAudit.Report report = audit.audit(n -> { });
        assertThat(report.ok()).as(report.reason()).isTrue();
        assertThat(report.entries()).isGreaterThan(300 + 36 * 5);
    }

    @Test
    @Order(5)
    void aSecondRunAddsNothing() {
        long assets = count("select count(*) from asset");
        long retirements = count("select count(*) from retirement_request");
        long events = count("select count(*) from custody_inbox") + count("select count(*) from custody_entry");

        String second = run(SMALL);

        assertThat(second).contains("all 300 registered already").contains("licenses: there already")
                .contains("wave-03: there already");
        assertThat(count("select count(*) from asset")).isEqualTo(assets);
        assertThat(count("select count(*) from retirement_request")).isEqualTo(retirements);
        assertThat(count("select count(*) from custody_inbox") + count("select count(*) from custody_entry"))
                .as("only the engine's own timers may still append (escalations)").isLessThan(events + 40);
    }

    private String run(SeedOptions options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            seeder.seed(options, new PrintStream(new TeeStream(out, System.out), true, StandardCharsets.UTF_8));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Writes to both streams (the test reads the output; the log shows the progress). */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
