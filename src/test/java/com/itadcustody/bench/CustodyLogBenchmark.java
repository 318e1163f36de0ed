package com.itadcustody.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.custody.CustodyEvent;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.custody.internal.CustodyProofs;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogAudit;
import com.itadcustody.custody.internal.LogEntry;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.custody.internal.LogVerifier;
import com.itadcustody.custody.internal.PipelinedLogVerifier;
import com.itadcustody.custody.internal.StoredCheckpoint;
import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Custody log benchmarks for issue 3 (append throughput against plain inserts, sequencing lag, full audit of a
 * 1,000,000-event log against raw SHA-256, inclusion proof latency), run only with {@code -Pbench}; results go to
 * stdout and target/bench/custody-log.md.
 */
class CustodyLogBenchmark extends IntegrationTest {

    static final int WRITERS = 16;
    static final int PER_WRITER = Integer.getInteger("bench.custody.perWriter", 3_000);
    static final int RUNS = Integer.getInteger("bench.runs", 5);
    static final int AUDIT_RUNS = Integer.getInteger("bench.custody.auditRuns", 3);
    static final long LOG_SIZE = Long.getLong("bench.custody.logSize", 1_000_000L);
    static final int PACED_RATE = Integer.getInteger("bench.custody.pacedRate", 2_000);
    static final int PACED_PER_WRITER = Integer.getInteger("bench.custody.pacedPerWriter", 1_000);
    static final boolean VACUUM = Boolean.parseBoolean(System.getProperty("bench.custody.vacuum", "true"));
    static final int ASSETS_PER_WRITER = Integer.getInteger("bench.custody.assetsPerWriter", 500);
    static final int FILL_BATCH = 10_000;
    static final int FILL_ASSETS = 100_000;
    static final int PROOFS = 2_000;
    static final int FETCH_SIZE = 10_000;
    static final String ENTRY_QUERY = "select seq, event_id, asset_id, envelope, leaf_hash from custody_entry"
            + " order by seq";

    @Autowired
    CustodyLog custody;

    @Autowired
    CustodySequencer sequencer;

    @Autowired
    LogAudit audit;

    @Autowired
    CustodyProofs proofs;

    @Autowired
    LogStore store;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    final Actor actor = new Actor(UUID.randomUUID(), "bench", Set.of(Role.IT_STAFF), null);
    final StringBuilder report = new StringBuilder();
    final Path out = Path.of("target", "bench", "custody-log.md");
    double fillSeconds;
    long fillAppended;

    @Test
    void custodyLog() throws Exception {
        createPlainTable();
        drainAll();
        section("""
                # Custody log benchmark
                %d writers x %d events per run, %d runs after a warm-up (medians); each writer cycles through %d
                fresh assets per run (about %d events per asset and run); log of %,d events for the audit and the
                proofs; sequencer interval and batch size as configured (defaults 100 ms, 2000).
                %s
                """.formatted(WRITERS, PER_WRITER, RUNS, ASSETS_PER_WRITER, PER_WRITER / ASSETS_PER_WRITER, LOG_SIZE,
                VACUUM
                ? "The log's tables are vacuumed and analysed (as their owner) before each run, standing in for"
                        + " autovacuum, which the benchmark server has off."
                : "No vacuum between runs (-Dbench.custody.vacuum=false)."));
        appendThroughput();
        sequencingLag();
        fillLog();
        fullAudit();
        inclusionProofs();
    }

    // ---- (a) append throughput ----------------------------------------------------------------------------------

    private void appendThroughput() throws Exception {
        part("append throughput");
        runCustody(500);
        runPlain(500);
        List<Double> append = new ArrayList<>();
        List<Double> sequenced = new ArrayList<>();
        List<Double> backlog = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> drain = new ArrayList<>();
        runDrain(500);
        for (int run = 0; run < RUNS; run++) {
            CustodyRun c;
            double p;
            // alternate the order so that drift during the session does not favour either side
            if (run % 2 == 0) {
                c = runCustody(PER_WRITER);
                p = runPlain(PER_WRITER);
            } else {
                p = runPlain(PER_WRITER);
                c = runCustody(PER_WRITER);
            }
            append.add(c.appendRate());
            sequenced.add(c.sequencedRate());
            backlog.add((double) c.backlog());
            plain.add(p);
            ratio.add(c.appendRate() / p);
            drain.add(runDrain(PER_WRITER));
            System.out.printf("append run %d: custody %.0f/s (sequenced %.0f/s, backlog %d), plain %.0f/s,"
                    + " sequencer alone %.0f/s%n", run, c.appendRate(), c.sequencedRate(), c.backlog(), p,
                    drain.get(run));
        }
        section("""
                ## (a) Append throughput, %d concurrent writers, %,d events per run, one transaction per event
                Both sides go through the same pool and `TransactionTemplate`; the baseline is
                `insert into bench_plain (id uuid, payload jsonb)` (no index, no key) with a payload of the same
                event as JSON. The sequencer runs in the background throughout, as in production.
                | what | median events/s | runs (events/s) |
                |---|---|---|
                | `CustodyLog.append` in its own transaction (committed) | %.0f | %s |
                | the same, until the sequencer has sequenced all of them | %.0f | %s |
                | plain single-row INSERT into an unindexed table, own transaction (baseline) | %.0f | %s |
                | ratio append / plain insert | %.2f | %s |
                | inbox backlog when the writers finished (events) | %.0f | %s |
                | sequencer alone: draining a backlog of %,d events, no writers | %.0f | %s |
                """.formatted(WRITERS, WRITERS * PER_WRITER, median(append), format(append, "%.0f"),
                median(sequenced), format(sequenced, "%.0f"), median(plain), format(plain, "%.0f"), median(ratio),
                format(ratio, "%.2f"), median(backlog), format(backlog, "%.0f"), WRITERS * PER_WRITER,
                median(drain), format(drain, "%.0f")));
    }

    private record CustodyRun(double appendRate, double sequencedRate, long backlog) {
    }

    private CustodyRun runCustody(int perWriter) throws Exception {
        drainAll();
        vacuum();
        long before = store.size();
        UUID[][] assets = assets();
        long start = System.nanoTime();
        concurrently(perWriter, (w, i) -> tx.executeWithoutResult(
                s -> custody.append(event(UUID.randomUUID(), assets[w][i % assets[w].length], i))));
        long written = System.nanoTime();
        long backlog = inboxSize();
        while (inboxSize() > 0) {
            Thread.sleep(5);
        }
        long sequenced = System.nanoTime();
        long n = (long) WRITERS * perWriter;
        assertThat(store.size()).isEqualTo(before + n);
        return new CustodyRun(n / seconds(start, written), n / seconds(start, sequenced), backlog);
    }

    private double runPlain(int perWriter) throws Exception {
        drainAll();
        vacuum();
        UUID[][] assets = assets();
        long before = jdbc.queryForObject("select count(*) from bench_plain", Long.class);
        long start = System.nanoTime();
        concurrently(perWriter, (w, i) -> {
            String payload = plainPayload(event(UUID.randomUUID(), assets[w][i % assets[w].length], i));
            tx.executeWithoutResult(s -> jdbc.update(
                    "insert into bench_plain (id, payload) values (?, cast(? as jsonb))", UUID.randomUUID(), payload));
        });
        long end = System.nanoTime();
        long n = (long) WRITERS * perWriter;
        assertThat(jdbc.queryForObject("select count(*) from bench_plain", Long.class)).isEqualTo(before + n);
        return n / seconds(start, end);
    }

    /** Appends {@code WRITERS * perWriter} events in one transaction, then times the sequencer draining them. */
    private double runDrain(int perWriter) throws Exception {
        drainAll();
        vacuum();
        long before = store.size();
        int n = WRITERS * perWriter;
        UUID[][] assets = assets();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                custody.append(event(UUID.randomUUID(), assets[i % WRITERS][(i / WRITERS) % assets[0].length], i));
            }
        });
        long start = System.nanoTime();
        drainAll();
        double rate = n / seconds(start, System.nanoTime());
        assertThat(store.size()).isEqualTo(before + n);
        return rate;
    }

    // ---- (b) sequencing lag -------------------------------------------------------------------------------------

    private void sequencingLag() throws Exception {
        part("lag at full speed");
        List<Lag> full = lagRuns(PER_WRITER, 0);
        phase("lag paced");
        List<Lag> paced = lagRuns(PACED_PER_WRITER, PACED_RATE);
        section("""
                ## (b) Sequencing lag, %d concurrent writers, background sequencer only (no `drainNow`)
                "Visible" is commit of the append (writer side) to the entry being readable in `custody_entry` (a
                poller reads new entries every 5 ms); "recorded_at" is commit to the sequencer's `recorded_at`
                (taken when it starts the batch, so before its commit). Two loads: the writers as fast as they can
                (%,d events per run, as in (a)), and paced to %,d events/s in all (%,d events per run).
                | what | full speed: median ms | runs (ms) | paced: median ms | runs (ms) |
                |---|---|---|---|---|
                %s
                """.formatted(WRITERS, WRITERS * PER_WRITER, PACED_RATE, WRITERS * PACED_PER_WRITER, String.join("\n",
                lagRow("commit to visible as sequenced, p50", full, paced, Lag::visibleP50, "%.1f"),
                lagRow("commit to visible as sequenced, p99", full, paced, Lag::visibleP99, "%.1f"),
                lagRow("commit to visible as sequenced, max", full, paced, Lag::visibleMax, "%.1f"),
                lagRow("commit to recorded_at, p50", full, paced, Lag::recordedP50, "%.1f"),
                lagRow("commit to recorded_at, p99", full, paced, Lag::recordedP99, "%.1f"),
                lagRow("append rate during the run (events/s, not ms)", full, paced, Lag::rate, "%.0f"))));
    }

    private List<Lag> lagRuns(int perWriter, int rate) throws Exception {
        runLag(Math.min(300, perWriter), rate);
        List<Lag> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Lag lag = runLag(perWriter, rate);
            runs.add(lag);
            System.out.printf("lag run %d (rate %d): visible p50 %.1f p99 %.1f max %.1f ms; recorded_at p50 %.1f"
                    + " p99 %.1f ms; %.0f events/s%n", run, rate, lag.visibleP50(), lag.visibleP99(),
                    lag.visibleMax(), lag.recordedP50(), lag.recordedP99(), lag.rate());
        }
        return runs;
    }

    private static String lagRow(String what, List<Lag> full, List<Lag> paced,
            java.util.function.ToDoubleFunction<Lag> value, String pattern) {
        return "| " + what + " | " + String.format(pattern, median(full, value)) + " | "
                + format(full, value, pattern) + " | " + String.format(pattern, median(paced, value)) + " | "
                + format(paced, value, pattern) + " |";
    }

    private record Lag(double visibleP50, double visibleP99, double visibleMax, double recordedP50,
            double recordedP99, double rate) {
    }

    /** One lag run; {@code rate} is the writers' combined events per second, 0 for as fast as they can. */
    private Lag runLag(int perWriter, int rate) throws Exception {
        drainAll();
        vacuum();
        long from = store.size();
        UUID[][] assets = assets();
        UUID[][] ids = new UUID[WRITERS][perWriter];
        Set<UUID> targets = new HashSet<>();
        for (UUID[] writer : ids) {
            for (int i = 0; i < perWriter; i++) {
                writer[i] = UUID.randomUUID();
                targets.add(writer[i]);
            }
        }
        long[][] committed = new long[WRITERS][perWriter];
        Instant[][] committedAt = new Instant[WRITERS][perWriter];
        Map<UUID, Long> seen = new HashMap<>();
        AtomicReference<Throwable> pollerFailure = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            try {
                long next = from;
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                while (seen.size() < targets.size() && System.nanoTime() < deadline) {
                    List<Map.Entry<Long, UUID>> rows = jdbc.query(
                            "select seq, event_id from custody_entry where seq >= ? order by seq",
                            (rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, UUID.class)), next);
                    long now = System.nanoTime();
                    for (Map.Entry<Long, UUID> row : rows) {
                        if (targets.contains(row.getValue())) {
                            seen.put(row.getValue(), now);
                        }
                        next = row.getKey() + 1;
                    }
                    Thread.sleep(5);
                }
            } catch (Throwable e) {
                pollerFailure.set(e);
            }
        }, "bench-lag-poller");
        poller.start();
        long start = System.nanoTime();
        concurrently(perWriter, (w, i) -> {
            if (rate > 0) {
                long due = start + (long) ((i * (double) WRITERS + w) * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            tx.executeWithoutResult(s -> custody.append(event(ids[w][i], assets[w][i % assets[w].length], i)));
            committed[w][i] = System.nanoTime();
            committedAt[w][i] = Instant.now();
        });
        long end = System.nanoTime();
        poller.join(TimeUnit.MINUTES.toMillis(11));
        assertThat(pollerFailure.get()).isNull();
        assertThat(seen).hasSize(targets.size());
        Map<UUID, Instant> recorded = new HashMap<>();
        jdbc.query("select event_id, recorded_at from custody_entry where seq >= ?", rs -> {
            recorded.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
        }, from);
        double[] visible = new double[targets.size()];
        double[] toRecorded = new double[targets.size()];
        int k = 0;
        for (int w = 0; w < WRITERS; w++) {
            for (int i = 0; i < perWriter; i++) {
                visible[k] = (seen.get(ids[w][i]) - committed[w][i]) / 1e6;
                toRecorded[k] = Duration.between(committedAt[w][i], recorded.get(ids[w][i])).toNanos() / 1e6;
                k++;
            }
        }
        java.util.Arrays.sort(visible);
        java.util.Arrays.sort(toRecorded);
        return new Lag(percentile(visible, 50), percentile(visible, 99), visible[visible.length - 1],
                percentile(toRecorded, 50), percentile(toRecorded, 99), targets.size() / seconds(start, end));
    }

    // ---- (c) full audit of LOG_SIZE events ----------------------------------------------------------------------

    private void fillLog() throws Exception {
        phase("fill");
        drainAll();
        long need = LOG_SIZE - store.size();
        assertThat(need).as("events already in the log before the fill").isPositive();
        UUID[] assets = new UUID[FILL_ASSETS];
        for (int a = 0; a < assets.length; a++) {
            assets[a] = UUID.randomUUID();
        }
        long start = System.nanoTime();
        int appenders = 2;
        long batches = (need + FILL_BATCH - 1) / FILL_BATCH;
        AtomicLong nextBatch = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(appenders);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < appenders; t++) {
            done.add(pool.submit(() -> {
                long b;
                while ((b = nextBatch.getAndIncrement()) < batches) {
                    if (b % 20 == 19) {
                        vacuum();
                    }
                    long first = b * FILL_BATCH;
                    long count = Math.min(FILL_BATCH, need - first);
                    tx.executeWithoutResult(s -> {
                        for (long e = first; e < first + count; e++) {
                            custody.append(event(UUID.randomUUID(), assets[(int) (e % FILL_ASSETS)], (int) e));
                        }
                    });
                    // keep the inbox short, as a sequencer that keeps up would
                    while (inboxSize() > 4 * FILL_BATCH) {
                        Thread.sleep(20);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        drainAll();
        sequencer.checkpointNow();
        vacuum();
        double filled = seconds(start, System.nanoTime());
        assertThat(store.size()).isEqualTo(LOG_SIZE);
        assertThat(proofs.latestCheckpoint().treeSize()).isEqualTo(LOG_SIZE);
        System.out.printf("filled the log to %,d entries (%,d appended) in %.1f s%n", LOG_SIZE, need, filled);
        fillSeconds = filled;
        fillAppended = need;
    }

    private void fullAudit() throws Exception {
        part("audit");
        LogAudit.Report warm = audit.audit(p -> { });
        assertThat(warm.ok()).as(String.valueOf(warm)).isTrue();
        List<Double> audits = new ArrayList<>();
        for (int run = 0; run < AUDIT_RUNS; run++) {
            long start = System.nanoTime();
            LogAudit.Report result = audit.audit(p -> { });
            audits.add(seconds(start, System.nanoTime()));
            assertThat(result.ok()).as(String.valueOf(result)).isTrue();
            assertThat(result.entries()).isEqualTo(LOG_SIZE);
            System.out.printf("audit run %d: %.2f s (%s)%n", run, audits.get(run), result);
        }
        int checkpoints = proofs.checkpoints().size();

        // the audit's query alone, rows streamed and every column read, nothing checked, on a fresh connection of
        // the application role: as the driver runs it the first times (bytea as hex text) and in binary
        phase("audit query alone");
        List<Double> readsText = readAlone(5);
        List<Double> readsBinary = readAlone(-1);

        // everything in memory once, then raw SHA-256 and the audit's checks without the database
        int n = (int) LOG_SIZE;
        byte[][] envelopes = new byte[n][];
        byte[][] leaves = new byte[n][];
        UUID[] events = new UUID[n];
        UUID[] assetIds = new UUID[n];
        int[] at = new int[1];
        stream(rs -> {
            int i = at[0]++;
            assertThat(rs.getLong(1)).isEqualTo(i);
            events[i] = rs.getObject(2, UUID.class);
            assetIds[i] = rs.getObject(3, UUID.class);
            envelopes[i] = rs.getBytes(4);
            leaves[i] = rs.getBytes(5);
        });
        long bytes = 0;
        for (byte[] e : envelopes) {
            bytes += e.length;
        }
        phase("raw sha-256");
        List<Double> sha = new ArrayList<>();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int run = 0; run <= RUNS; run++) {
            long start = System.nanoTime();
            int sink = 0;
            for (byte[] e : envelopes) {
                digest.update((byte) 0);
                digest.update(e);
                sink ^= digest.digest()[0];
            }
            double s = seconds(start, System.nanoTime());
            if (run > 0) {
                sha.add(s);
            }
            assertThat(sink).isNotEqualTo(Integer.MIN_VALUE);
        }
        TreeMap<Long, StoredCheckpoint> byTreeSize = new TreeMap<>();
        proofs.checkpoints().forEach(c -> byTreeSize.put(c.treeSize(), c));
        phase("verifier in memory");
        List<Double> verify = new ArrayList<>();
        for (int run = 0; run <= AUDIT_RUNS; run++) {
            long start = System.nanoTime();
            LogVerifier verifier = new LogVerifier(byTreeSize, p -> { });
            for (int i = 0; i < n; i++) {
                verifier.visit(i, events[i], assetIds[i], envelopes[i], leaves[i]);
            }
            LogAudit.Report result = verifier.finish();
            double s = seconds(start, System.nanoTime());
            assertThat(result.ok()).as(String.valueOf(result)).isTrue();
            if (run > 0) {
                verify.add(s);
            }
        }
        List<Double> pipelined = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        for (int run = 0; run <= AUDIT_RUNS; run++) {
            long start = System.nanoTime();
            LogAudit.Report result;
            try (PipelinedLogVerifier pipeline = new PipelinedLogVerifier(new LogVerifier(byTreeSize, p -> { }),
                    threads, 2_000)) {
                for (int i = 0; i < n; i++) {
                    pipeline.add(i, events[i], assetIds[i], envelopes[i], leaves[i], null);
                }
                result = pipeline.finish();
            }
            double s = seconds(start, System.nanoTime());
            assertThat(result.ok()).as(String.valueOf(result)).isTrue();
            if (run > 0) {
                pipelined.add(s);
            }
        }
        section("""
                ## (c) Full audit of %,d events
                %,d envelope bytes (%.0f bytes on average), %d checkpoints. Filling the log (%,d appends in
                transactions of %,d, two appenders, background sequencer plus `drainNow`) took %.0f s.
                | what | median s | runs (s) |
                |---|---|---|
                | `LogAudit.audit` (from the database) | %.2f | %s |
                | raw SHA-256 of the same envelope bytes (0x00 prefix, in memory, baseline) | %.2f | %s |
                | ratio audit / raw SHA-256 | %.1f | |
                | breakdown: the audit's query alone, no checks (driver default: bytea as hex text) | %.2f | %s |
                | breakdown: the same query with binary transfer (`prepareThreshold=-1`) | %.2f | %s |
                | breakdown: the audit's checks alone, one thread (`LogVerifier` over the same rows in memory) | %.2f | %s |
                | breakdown: the same checks on the audit's pipeline (`PipelinedLogVerifier`, %d threads) | %.2f | %s |
                """.formatted(LOG_SIZE, bytes, (double) bytes / n, checkpoints, fillAppended, FILL_BATCH,
                fillSeconds, median(audits), format(audits, "%.2f"), median(sha), format(sha, "%.2f"),
                median(audits) / median(sha), median(readsText), format(readsText, "%.2f"), median(readsBinary),
                format(readsBinary, "%.2f"), median(verify), format(verify, "%.2f"), threads, median(pipelined),
                format(pipelined, "%.2f")));
    }

    /**
     * Times the audit's query on a fresh connection per run (after one warm-up run), reading every column and
     * checking nothing; {@code prepareThreshold} 5 is the driver's default (text results for the first executions
     * of a statement on a connection, so bytea arrives hex-encoded), -1 asks for binary results at once.
     */
    private List<Double> readAlone(int prepareThreshold) throws Exception {
        TestDatabase db = TestDatabase.get();
        List<Double> times = new ArrayList<>();
        for (int run = 0; run <= AUDIT_RUNS; run++) {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("user", db.appUser());
            props.setProperty("password", db.appPassword());
            props.setProperty("prepareThreshold", Integer.toString(prepareThreshold));
            long start = System.nanoTime();
            long rows = 0;
            try (Connection c = DriverManager.getConnection(db.url(), props)) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(ENTRY_QUERY)) {
                    ps.setFetchSize(FETCH_SIZE);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(1);
                            rs.getObject(2, UUID.class);
                            rs.getObject(3, UUID.class);
                            rs.getBytes(4);
                            rs.getBytes(5);
                            rows++;
                        }
                    }
                }
                c.commit();
            }
            assertThat(rows).isEqualTo(LOG_SIZE);
            if (run > 0) {
                times.add(seconds(start, System.nanoTime()));
            }
        }
        return times;
    }

    private void stream(org.springframework.jdbc.core.RowCallbackHandler row) {
        tx.executeWithoutResult(status -> jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(ENTRY_QUERY);
            ps.setFetchSize(FETCH_SIZE);
            return ps;
        }, row));
    }

    // ---- (d) inclusion proofs -----------------------------------------------------------------------------------

    private void inclusionProofs() throws Exception {
        part("proofs");
        Random random = new Random(3);
        StoredCheckpoint latest = proofs.latestCheckpoint();
        for (int i = 0; i < 200; i++) {
            proofs.inclusion(random.nextLong(LOG_SIZE));
        }
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            double[] ms = new double[PROOFS];
            for (int i = 0; i < PROOFS; i++) {
                long seq = random.nextLong(LOG_SIZE);
                long start = System.nanoTime();
                CustodyProofs.InclusionProof proof = proofs.inclusion(seq);
                ms[i] = (System.nanoTime() - start) / 1e6;
                assertThat(proof.seq()).isEqualTo(seq);
                assertThat(proof.treeSize()).isEqualTo(LOG_SIZE);
                if (i == 0) {
                    Merkle.verifyInclusion(seq, proof.treeSize(), HexFormat.of().parseHex(proof.leafHash()),
                            proof.proof().stream().map(Base64.getDecoder()::decode).toList(), latest.rootHash());
                }
            }
            java.util.Arrays.sort(ms);
            p50.add(percentile(ms, 50));
            p99.add(percentile(ms, 99));
            max.add(ms[ms.length - 1]);
        }

        // where a proof's time goes: the entry read, and the path from stored nodes (all fetched in one query)
        double[] entry = new double[PROOFS];
        double[] path = new double[PROOFS];
        long reads = 0;
        for (int i = 0; i < PROOFS; i++) {
            long seq = random.nextLong(LOG_SIZE);
            long start = System.nanoTime();
            LogEntry e = store.entry(seq).orElseThrow();
            entry[i] = (System.nanoTime() - start) / 1e6;
            long[] counted = new long[1];
            start = System.nanoTime();
            List<byte[]> proof = store.withTree(tree -> {
                counted[0] = 0;
                return Merkle.inclusionProof(e.seq(), LOG_SIZE, (level, index) -> {
                    counted[0]++;
                    return tree.hash(level, index);
                });
            });
            path[i] = (System.nanoTime() - start) / 1e6;
            reads += counted[0];
            assertThat(proof).isNotEmpty();
        }
        java.util.Arrays.sort(entry);
        java.util.Arrays.sort(path);
        section("""
                ## (d) Inclusion proof at %,d events, `CustodyProofs.inclusion(seq)`, %,d random seqs per run
                | what | median ms | runs (ms) |
                |---|---|---|
                | p50 | %.2f | %s |
                | p99 | %.2f | %s |
                | max | %.2f | %s |
                | breakdown (one run): entry read p50 / p99 | %.2f / %.2f | |
                | breakdown (one run): path from stored nodes in one query p50 / p99, %.1f nodes per proof | %.2f / %.2f | |
                """.formatted(LOG_SIZE, PROOFS, median(p50), format(p50, "%.2f"), median(p99), format(p99, "%.2f"),
                median(max), format(max, "%.2f"), percentile(entry, 50), percentile(entry, 99),
                (double) reads / PROOFS, percentile(path, 50), percentile(path, 99)));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Creates the baseline's unindexed table as the schema owner and lets the application role insert into it. */
    private void createPlainTable() throws Exception {
        TestDatabase db = TestDatabase.get();
        try (Connection owner = DriverManager.getConnection(db.url(), db.ownerUser(), db.ownerPassword());
                Statement s = owner.createStatement()) {
            s.execute("create table if not exists bench_plain (id uuid, payload jsonb)");
            s.execute("grant select, insert on bench_plain to \"" + db.appUser() + "\"");
        }
    }

    /**
     * Vacuums and analyses the log's tables as their owner, standing in for autovacuum, which the benchmark server
     * has switched off (without it the inbox, drained by DELETE, would grow by every event ever appended).
     */
    private void vacuum() throws Exception {
        if (!VACUUM) {
            return;
        }
        TestDatabase db = TestDatabase.get();
        try (Connection owner = DriverManager.getConnection(db.url(), db.ownerUser(), db.ownerPassword());
                Statement s = owner.createStatement()) {
            s.execute("vacuum analyze custody_inbox, custody_entry, custody_tree_node, bench_plain");
        }
    }

    private CustodyEvent event(UUID id, UUID asset, int n) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", "IN_SERVICE");
        data.put("to", "AWAITING_DISPOSAL");
        data.put("reason", "benchmark event " + n);
        return new CustodyEvent(id, asset, "SN-" + asset.toString().substring(0, 13), null, "ASSET_STATUS_CHANGED",
                Instant.now(), actor, "Berlin, HQ", List.of(), data);
    }

    /** The baseline row's payload: the same event as JSON, about the size of an inbox row. */
    private String plainPayload(CustodyEvent event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("eventId", event.eventId().toString());
        payload.put("assetId", event.assetId().toString());
        payload.put("assetSerial", event.assetSerial());
        payload.put("type", event.type());
        payload.put("occurredAt", event.occurredAt().toString());
        payload.put("actor", Map.of("id", event.actor().userId().toString(), "roles", List.of("IT_STAFF")));
        payload.put("location", event.location());
        payload.put("data", event.data());
        try {
            return json.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fresh assets for a run, {@link #ASSETS_PER_WRITER} per writer, which cycles through them. */
    private static UUID[][] assets() {
        UUID[][] assets = new UUID[WRITERS][ASSETS_PER_WRITER];
        for (UUID[] writer : assets) {
            for (int a = 0; a < writer.length; a++) {
                writer[a] = UUID.randomUUID();
            }
        }
        return assets;
    }

    private interface Step {
        void run(int writer, int i) throws Exception;
    }

    /** Runs {@link #WRITERS} threads that start together, each doing {@code perWriter} steps. */
    private static void concurrently(int perWriter, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perWriter; i++) {
                        step.run(writer, i);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private long inboxSize() {
        return jdbc.queryForObject("select count(*) from custody_inbox", Long.class);
    }

    private void drainAll() {
        do {
            sequencer.drainNow();
        } while (inboxSize() > 0);
    }

    private static void phase(String name) {
        System.out.println("[bench] " + Instant.now() + " " + name);
    }

    /** Starts a measured part: remembers the CPU counters that {@link #section} reports the use of. */
    private void part(String name) {
        phase(name);
        partCpu = cpuCounters();
    }

    /**
     * CPU time so far, in seconds: the whole machine busy, this JVM, and the PostgreSQL server's processes (all its
     * databases; processes that ended in between are missed); null where /proc is not available.
     */
    private static double[] cpuCounters() {
        try {
            return new double[] {BenchStats.machineBusySeconds(), BenchStats.jvmCpuSeconds(),
                    BenchStats.postgresCpuSeconds(), System.nanoTime() / 1e9};
        } catch (Exception e) {
            return null;
        }
    }

    private double[] partCpu;

    private String cpuLine() {
        double[] now = cpuCounters();
        if (partCpu == null || now == null) {
            return "";
        }
        double wall = now[3] - partCpu[3];
        double cores = Runtime.getRuntime().availableProcessors();
        double busy = (now[0] - partCpu[0]) / wall;
        double jvm = (now[1] - partCpu[1]) / wall;
        double postgres = (now[2] - partCpu[2]) / wall;
        return String.format("CPU while measuring this part (%.0f s, %.0f vCPU): machine busy %.0f%%; this JVM %.2f,"
                + " PostgreSQL server %.2f, everything else %.2f cores.%n", wall, cores, 100 * busy / cores, jvm,
                postgres, Math.max(0, busy - jvm - postgres));
    }

    private void section(String text) throws Exception {
        String cpu = cpuLine();
        text = cpu.isEmpty() ? text : text.stripTrailing() + "\n\n" + cpu;
        report.append(text).append('\n');
        System.out.println(text);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    static double seconds(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1e9;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static <T> double median(List<T> runs, java.util.function.ToDoubleFunction<T> value) {
        return median(runs.stream().map(value::applyAsDouble).toList());
    }

    static String format(List<Double> values, String pattern) {
        return String.join(", ", values.stream().map(v -> String.format(pattern, v)).toList());
    }

    static <T> String format(List<T> runs, java.util.function.ToDoubleFunction<T> value, String pattern) {
        return format(runs.stream().map(value::applyAsDouble).toList(), pattern);
    }
}
