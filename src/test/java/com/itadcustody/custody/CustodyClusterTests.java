package com.itadcustody.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.itadcustody.custody.internal.LogAudit.Report;
import com.itadcustody.custody.internal.LogVerifier;
import com.itadcustody.custody.internal.StoredCheckpoint;
import com.itadcustody.custody.internal.tlog.NoteKey;
import com.itadcustody.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application nodes as separate processes on one fresh database, each appending from 16 threads: exactly one
 * sequencer at a time, no gap, no duplicate, no fork, and the full audit passes; also after the sequencing node is
 * killed with SIGKILL mid-run and the other carries on.
 */
class CustodyClusterTests {

    static final int EVENTS_PER_NODE = 50_000;
    static final int EVENTS_PER_NODE_WHEN_KILLED = 20_000;
    static final long LOCK_KEY = 0x4954414453455131L;

    final List<Process> nodes = new ArrayList<>();
    final java.util.Map<Process, Integer> ports = new java.util.HashMap<>();
    final java.util.Map<Process, Path> logs = new java.util.HashMap<>();

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void twoNodesAppendingConcurrentlyKeepOneGapFreeLog(@TempDir Path dir) throws Exception {
        TestDatabase db = TestDatabase.fresh();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        awaitHealthy(startNode(db, a, "a", EVENTS_PER_NODE));
        awaitHealthy(startNode(db, b, "b", EVENTS_PER_NODE));
        AtomicInteger maxHolders = new AtomicInteger();

        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(200)).until(() -> {
            maxHolders.accumulateAndGet(lockHolders(db), Math::max);
            return Files.exists(a.resolve("done")) && Files.exists(b.resolve("done")) && inbox(db) == 0;
        });

        assertThat(maxHolders.get()).as("sequencer lock holders at any sample").isEqualTo(1);
        assertWholeLog(db, 2L * EVENTS_PER_NODE);
    }

    @Test
    void theOtherNodeTakesOverWhenTheSequencerIsKilled(@TempDir Path dir) throws Exception {
        TestDatabase db = TestDatabase.fresh();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Process nodeA = startNode(db, a, "a", EVENTS_PER_NODE_WHEN_KILLED);
        awaitHealthy(nodeA);
        Process nodeB = startNode(db, b, "b", EVENTS_PER_NODE_WHEN_KILLED);
        awaitHealthy(nodeB);
        await().atMost(Duration.ofMinutes(3)).until(() -> entries(db) > 2_000
                && (Files.exists(a.resolve("leader")) || Files.exists(b.resolve("leader"))));
        boolean aLeads = Files.exists(a.resolve("leader"));
        Process leader = aLeads ? nodeA : nodeB;
        Path survivor = aLeads ? b : a;

        leader.destroyForcibly().waitFor();

        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(200)).until(() ->
                Files.exists(survivor.resolve("done")) && Files.exists(survivor.resolve("leader")) && inbox(db) == 0);
        long total = entries(db);
        assertThat(total).isGreaterThanOrEqualTo(EVENTS_PER_NODE_WHEN_KILLED + 2_000L);
        assertWholeLog(db, total);
    }

    private void assertWholeLog(TestDatabase db, long expected) throws SQLException {
        try (Connection c = admin(db); Statement s = c.createStatement()) {
            ResultSet counts = s.executeQuery("select count(*), count(distinct seq), min(seq), max(seq),"
                    + " count(distinct event_id) from custody_entry");
            counts.next();
            assertThat(counts.getLong(1)).as("entries").isEqualTo(expected);
            assertThat(counts.getLong(2)).as("distinct sequence numbers").isEqualTo(expected);
            assertThat(counts.getLong(3)).as("first sequence number").isZero();
            assertThat(counts.getLong(4)).as("last sequence number").isEqualTo(expected - 1);
            assertThat(counts.getLong(5)).as("distinct events").isEqualTo(expected);
        }
        assertThat(audit(db).ok()).isTrue();
    }

    /** The same checks as the service's full audit, from this process. */
    private static Report audit(TestDatabase db) throws SQLException {
        try (Connection c = admin(db); Statement s = c.createStatement()) {
            List<NoteKey> keys = new ArrayList<>();
            ResultSet k = s.executeQuery("select verifier_key from custody_log_key");
            while (k.next()) {
                keys.add(NoteKey.parse(k.getString(1)));
            }
            TreeMap<Long, StoredCheckpoint> checkpoints = new TreeMap<>();
            ResultSet cps = s.executeQuery("select tree_size, root_hash, note, key_id, issued_at"
                    + " from custody_checkpoint");
            while (cps.next()) {
                checkpoints.put(cps.getLong(1), new StoredCheckpoint(cps.getLong(1), cps.getBytes(2),
                        cps.getString(3), cps.getString(4), cps.getTimestamp(5).toInstant()));
            }
            assertThat(checkpoints).as("checkpoints signed during the run").isNotEmpty();
            Report signatures = LogVerifier.checkSignatures(checkpoints.values(), keys, "localhost/itad-custody");
            assertThat(signatures).isNull();
            LogVerifier verifier = new LogVerifier(checkpoints, n -> { });
            c.setAutoCommit(false);
            s.setFetchSize(10_000);
            ResultSet rs = s.executeQuery("select seq, event_id, asset_id, envelope, leaf_hash from custody_entry"
                    + " order by seq");
            while (rs.next()) {
                verifier.visit(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getBytes(4), rs.getBytes(5));
            }
            Report report = verifier.finish();
            assertThat(report.reason()).isNull();
            return report;
        }
    }

    /** This JVM's class path without repeated entries (surefire can list a folder twice). */
    private static String classPath() {
        return String.join(java.io.File.pathSeparator, new java.util.LinkedHashSet<>(
                List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))));
    }

    private void awaitHealthy(Process node) {
        int port = ports.get(node);
        // generous: two full nodes start side by side, and on a busy 2-core machine each takes minutes
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(node.isAlive()).as(() -> "node on port " + port + " is running; its log ends:\n"
                    + tail(logs.get(node))).isTrue();
            try {
                var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                return response.body().contains("UP");
            } catch (IOException e) {
                return false;
            }
        });
    }

    private Process startNode(TestDatabase db, Path dataDir, String name, int events) throws IOException {
        Files.createDirectories(dataDir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath(), "com.itadcustody.ItadCustodyApplication",
                "--server.port=" + port, "--itad.db.url=" + db.url(), "--itad.db.user=" + db.appUser(),
                "--itad.db.password=" + db.appPassword(), "--itad.db.migration-user=" + db.ownerUser(),
                "--itad.db.migration-password=" + db.ownerPassword(), "--itad.data-dir=" + dataDir,
                "--itad.demo.enabled=false", "--itad.custody.signing-key=" + SIGNING_KEY,
                // the suite's cached contexts keep their own pools open meanwhile (3 x 20): two nodes of 20 more
                // would pass a stock server's 100 connections, and a node that cannot connect never gets healthy
                "--itad.db.max-pool-size=" + NODE_POOL,
                "--itad.custody.checkpoint-interval=1s", "--itad.test.load.events=" + events,
                "--itad.test.load.threads=16", "--itad.test.load.node=" + name, "--logging.level.root=warn");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("node.log").toFile()).start();
        nodes.add(process);
        ports.put(process, port);
        logs.put(process, dataDir.resolve("node.log"));
        return process;
    }

    /** Connections each node keeps; its 16 writers share them, so they still contend on the log's tables. */
    static final int NODE_POOL = 10;

    /** Both nodes sign with the same configured key, as nodes of one deployment do. */
    static final String SIGNING_KEY = com.itadcustody.custody.internal.tlog.NoteSigner
            .generate("localhost/itad-custody").privateKeyText();

    private static int lockHolders(TestDatabase db) throws SQLException {
        try (Connection c = admin(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_locks l join pg_database d on d.oid ="
                        + " l.database where l.locktype = 'advisory' and l.granted and d.datname = current_database()"
                        + " and ((l.classid::bigint << 32) | l.objid::bigint) = " + LOCK_KEY)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long inbox(TestDatabase db) throws SQLException {
        return count(db, "select count(*) from custody_inbox");
    }

    private static long entries(TestDatabase db) throws SQLException {
        return count(db, "select count(*) from custody_entry");
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = admin(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return -1; // not migrated yet
            }
            throw e;
        }
    }

    private static Connection admin(TestDatabase db) throws SQLException {
        return db.adminConnection();
    }
}
