package com.itadcustody.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogExport;
import com.itadcustody.custody.internal.OfflineLogVerifier;
import com.itadcustody.custody.internal.tlog.Merkle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import com.itadcustody.custody.internal.LogAudit;
import com.itadcustody.custody.internal.LogAudit.Report;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.custody.internal.tlog.Checkpoint;
import com.itadcustody.custody.internal.tlog.NoteSigner;
import com.itadcustody.shared.Actor;
import org.springframework.boot.test.context.SpringBootTest;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Damages the log the way a database administrator could (as a superuser, triggers disabled) and checks that the
 * audit names the exact sequence number and the reason. Runs on a database of its own, restored after each test.
 */
@SpringBootTest
class CustodyLogTamperTests {

    static final String[] TABLES = {"custody_entry", "custody_tree_node", "custody_checkpoint"};

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IntegrationTest.useDatabase(registry, TestDatabase.isolated());
        registry.add("itad.custody.sequencer-enabled", () -> "false");
    }

    @Autowired
    CustodyLog custody;

    @Autowired
    CustodySequencer sequencer;

    @Autowired
    LogAudit audit;

    @Autowired
    LogStore store;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    LogExport exporter;

    @Autowired
    com.itadcustody.custody.internal.LogSigningKey key;

    UUID assetA = UUID.randomUUID();
    UUID assetB = UUID.randomUUID();

    @BeforeEach
    void aLogWithCheckpoints() throws SQLException {
        restore();
        if (store.size() == 0) {
            for (int i = 0; i < 40; i++) {
                UUID asset = i % 2 == 0 ? assetA : assetB;
                tx.executeWithoutResult(s -> custody.append(
                        CustodyEvent.now(asset, null, "TAMPER_TEST", Actor.system(), Map.of("i", 0))));
                if (i % 10 == 9) {
                    sequencer.checkpointNow();
                }
            }
            admin("create table if not exists backup_entry as table custody_entry",
                    "create table if not exists backup_node as table custody_tree_node",
                    "create table if not exists backup_checkpoint as table custody_checkpoint");
        }
        assertThat(audit.audit(n -> { }).ok()).as("the untouched log verifies").isTrue();
    }

    @AfterEach
    void restore() throws SQLException {
        if (!tableExists("backup_entry")) {
            return;
        }
        admin("alter table custody_entry disable trigger user", "alter table custody_tree_node disable trigger user",
                "alter table custody_checkpoint disable trigger user",
                "delete from custody_checkpoint", "delete from custody_entry", "delete from custody_tree_node",
                "insert into custody_entry select * from backup_entry",
                "insert into custody_tree_node select * from backup_node",
                "insert into custody_checkpoint select * from backup_checkpoint",
                "alter table custody_entry enable trigger user", "alter table custody_tree_node enable trigger user",
                "alter table custody_checkpoint enable trigger user");
    }

    @Test
    void detectsAChangedEnvelopeByte() throws SQLException {
        tamper("update custody_entry set envelope = overlay(envelope placing '9'::bytea from 60 for 1)"
                + " where seq = 17");

        assertFails(17, "envelope bytes do not hash");
    }

    @Test
    void detectsAChangedEnvelopeWithItsLeafHashRecomputed() throws SQLException {
        tamper("update custody_entry set envelope = convert_to(replace(convert_from(envelope, 'UTF8'),"
                        + " '\"i\":0', '\"i\":1'), 'UTF8') where seq = 23",
                "update custody_entry set leaf_hash = sha256('\\x00'::bytea || envelope) where seq = 23");

        assertFails(23, "leaf stored in the tree");
    }

    @Test
    void refusesToSignOverAHistoryCutBackBehindACheckpointItSigned() throws SQLException {
        tamper("delete from custody_entry where seq >= 35", "delete from custody_tree_node where level = 0 and idx >= 35",
                "delete from custody_checkpoint where tree_size = 40");

        assertThatThrownBy(() -> sequencer.checkpointNow()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signed a checkpoint at size 40");
        assertThat(store.latestCheckpoint().orElseThrow().treeSize()).isEqualTo(30);
    }

    @Test
    void detectsADeletedRow() throws SQLException {
        tamper("delete from custody_entry where seq = 12");

        assertFails(12, "entry 12 is missing");
    }

    @Test
    void detectsTwoSwappedRows() throws SQLException {
        tamper("update custody_entry set seq = 1000000 where seq = 5",
                "update custody_entry set seq = 5 where seq = 8",
                "update custody_entry set seq = 8 where seq = 1000000");

        assertFails(5, "entries were moved");
    }

    @Test
    void detectsTruncationToBeforeTheLastCheckpoint() throws SQLException {
        tamper("delete from custody_entry where seq >= 35");

        assertFails(35, "a checkpoint was signed at size 40");
    }

    @Test
    void detectsAForgedCheckpointSignature() throws SQLException {
        NoteSigner forger = NoteSigner.generate("localhost/itad-custody");
        String forged = new Checkpoint("localhost/itad-custody", 20, store.checkpoint(20).orElseThrow().rootHash())
                .sign(forger).encode();
        tamper("update custody_checkpoint set note = '" + forged.replace("'", "''") + "' where tree_size = 20");

        assertFails(19, "signature does not verify");
    }

    @Test
    void detectsACheckpointWhoseStoredRootDiffersFromItsSignedNote() throws SQLException {
        tamper("update custody_checkpoint set root_hash = sha256(root_hash) where tree_size = 30");

        assertFails(29, "another root than the stored one");
    }

    @Test
    void detectsAValidlySignedCheckpointInconsistentWithTheEarlierOnes() throws Exception {
        byte[] otherRoot = java.security.MessageDigest.getInstance("SHA-256").digest(new byte[] {1});
        String note = new Checkpoint("localhost/itad-custody", 30, otherRoot).sign(key.signer()).encode();
        tamper("update custody_checkpoint set note = '" + note.replace("'", "''") + "', root_hash = '\\x"
                + java.util.HexFormat.of().formatHex(otherRoot) + "'::bytea where tree_size = 30");

        assertFails(29, "do not have the root signed in the checkpoint");
    }

    @Test
    void detectsABrokenAssetChainLink() throws SQLException {
        // entry 6 belongs to asset A; point its assetPrev elsewhere and fix up its leaf so only the link is wrong
        tamper("update custody_entry set envelope = convert_to(regexp_replace(convert_from(envelope, 'UTF8'),"
                        + " '\"assetPrev\":\"[0-9a-f]{64}\"', '\"assetPrev\":\"" + "0".repeat(64) + "\"'), 'UTF8')"
                        + " where seq = 6",
                "update custody_entry set leaf_hash = sha256('\\x00'::bytea || envelope) where seq = 6",
                "update custody_tree_node set hash = (select leaf_hash from custody_entry where seq = 6)"
                        + " where level = 0 and idx = 6");

        assertFails(6, "chain is broken");
    }

    @Test
    void theOfflineVerifierAcceptsARealExport(@TempDir Path dir) throws Exception {
        Path zip = export(dir);

        Report report = OfflineLogVerifier.verify(zip, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyLogCommand.run(new String[] {zip.toString()}, new PrintStream(out, true, UTF_8));

        assertThat(report.ok()).as(String.valueOf(report.reason())).isTrue();
        assertThat(report.entries()).isEqualTo(40);
        assertThat(report.checkpoints()).isEqualTo(4);
        assertThat(exit).isZero();
        assertThat(out.toString(UTF_8)).contains("OK: 40 entries and 4 checkpoints verified");
    }

    @Test
    void theOfflineVerifierRejectsEachTamperedExport(@TempDir Path dir) throws Exception {
        Path zip = export(dir);

        assertOfflineFailsOnEntries(dir, zip, "byte", lines -> lines.set(17, changeEnvelope(lines.get(17),
                e -> e.replace("\"i\":0", "\"i\":7"), false)), 17, "envelope bytes do not hash");
        assertOfflineFailsOnEntries(dir, zip, "deleted", lines -> lines.remove(12), 12, "entry 12 is missing");
        assertOfflineFailsOnEntries(dir, zip, "swapped", lines -> {
            String five = lines.get(5);
            String eight = lines.get(8);
            lines.set(5, eight.replace("\"seq\":8,", "\"seq\":5,"));
            lines.set(8, five.replace("\"seq\":5,", "\"seq\":8,"));
        }, 5, "entries were moved");
        assertOfflineFailsOnEntries(dir, zip, "truncated", lines -> lines.subList(35, lines.size()).clear(), 35,
                "a checkpoint was signed at size 40");
        assertOfflineFailsOnEntries(dir, zip, "chain", lines -> lines.set(6, changeEnvelope(lines.get(6),
                e -> e.replaceAll("\"assetPrev\":\"[0-9a-f]{64}\"", "\"assetPrev\":\"" + "0".repeat(64) + "\""),
                true)), 6, "chain is broken");
        assertOfflineFails(dir, zip, "forged", folder -> Files.writeString(folder.resolve("checkpoints/20.note"),
                new Checkpoint("localhost/itad-custody", 20, store.checkpoint(20).orElseThrow().rootHash())
                        .sign(NoteSigner.generate("localhost/itad-custody")).encode()), 19,
                "signature does not verify");
        byte[] otherRoot = java.security.MessageDigest.getInstance("SHA-256").digest(new byte[] {2});
        assertOfflineFails(dir, zip, "inconsistent", folder -> Files.writeString(
                folder.resolve("checkpoints/30.note"),
                new Checkpoint("localhost/itad-custody", 30, otherRoot).sign(key.signer()).encode()), 29,
                "do not have the root signed in the checkpoint");
    }

    @Test
    void aSavedCheckpointCatchesAnExportCutShortWithItsCheckpoints(@TempDir Path dir) throws Exception {
        Path zip = export(dir);
        Path folder = unzip(zip, dir.resolve("cut"));
        String saved = Files.readString(folder.resolve("checkpoints/40.note"));
        List<String> lines = new ArrayList<>(Files.readAllLines(folder.resolve("entries.jsonl")));
        Files.write(folder.resolve("entries.jsonl"), lines.subList(0, 35));
        Files.delete(folder.resolve("checkpoints/40.note"));

        Report withoutSaved = OfflineLogVerifier.verify(folder, null);
        Report withSaved = OfflineLogVerifier.verify(folder, null, "localhost/itad-custody", saved);

        assertThat(withoutSaved.ok()).as("nothing in the export itself shows the cut").isTrue();
        assertThat(withSaved.ok()).isFalse();
        assertThat(withSaved.firstBadSeq()).isEqualTo(35);
        assertThat(withSaved.reason()).contains("a checkpoint was signed at size 40");
    }

    @Test
    void refusesEventDataTheLogCouldNotCanonicalise() {
        CustodyEvent event = CustodyEvent.now(UUID.randomUUID(), null, "TOO_BIG", Actor.system(),
                Map.of("n", Long.MAX_VALUE));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> tx.executeWithoutResult(s -> custody.append(event)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOfflineVerifierTrustsOnlyTheKeysItIsGiven(@TempDir Path dir) throws Exception {
        Path zip = export(dir);
        String stranger = NoteSigner.generate("localhost/itad-custody").verifierKey().verifierKey();

        Report report = OfflineLogVerifier.verify(zip, List.of(stranger));

        assertThat(report.ok()).isFalse();
        assertThat(report.reason()).contains("signature does not verify");
    }

    @Test
    void theVerifyCommandExplainsItsUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = VerifyLogCommand.run(new String[0], new PrintStream(out, true, UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(UTF_8)).contains("usage: verify-log");
    }

    private Path export(Path dir) throws IOException {
        Path zip = dir.resolve("export.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            exporter.export(0, null, out);
        }
        return zip;
    }

    interface LinesChange {
        void apply(List<String> lines) throws Exception;
    }

    interface FolderChange {
        void apply(Path folder) throws Exception;
    }

    private void assertOfflineFailsOnEntries(Path dir, Path zip, String name, LinesChange change, long seq,
            String reason) throws Exception {
        assertOfflineFails(dir, zip, name, (FolderChange) folder -> {
            Path entries = folder.resolve("entries.jsonl");
            List<String> lines = new ArrayList<>(Files.readAllLines(entries, UTF_8));
            change.apply(lines);
            Files.write(entries, lines, UTF_8);
        }, seq, reason);
    }

    private void assertOfflineFails(Path dir, Path zip, String name, FolderChange change, long seq, String reason)
            throws Exception {
        Path folder = unzip(zip, dir.resolve(name));
        change.apply(folder);

        Report report = OfflineLogVerifier.verify(folder, null);

        assertThat(report.ok()).as(name).isFalse();
        assertThat(report.firstBadSeq()).as(name + ": " + report.reason()).isEqualTo(seq);
        assertThat(report.reason()).as(name).contains(reason);
    }

    private static String changeEnvelope(String line, java.util.function.UnaryOperator<String> change,
            boolean fixLeaf) throws Exception {
        JsonNode entry = new ObjectMapper().readTree(line);
        String envelope = new String(Base64.getDecoder().decode(entry.get("envelope").asText()), UTF_8);
        byte[] changed = change.apply(envelope).getBytes(UTF_8);
        String leaf = fixLeaf ? HexFormat.of().formatHex(Merkle.leafHash(changed)) : entry.get("leafHash").asText();
        return "{\"seq\":" + entry.get("seq").asLong() + ",\"leafHash\":\"" + leaf + "\",\"envelope\":\""
                + Base64.getEncoder().encodeToString(changed) + "\"}";
    }

    private static Path unzip(Path zip, Path target) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            Path root = fs.getPath("/");
            try (var walk = Files.walk(root)) {
                for (Path p : walk.toList()) {
                    Path out = target.resolve(root.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(out);
                    } else {
                        Files.copy(p, out);
                    }
                }
            }
        }
        return target;
    }

    private void assertFails(long seq, String reason) {
        Report report = audit.audit(n -> { });

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBadSeq()).isEqualTo(seq);
        assertThat(report.reason()).contains(reason);
    }

    private void tamper(String... statements) throws SQLException {
        String[] all = new String[statements.length + 6];
        int i = 0;
        for (String table : TABLES) {
            all[i++] = "alter table " + table + " disable trigger user";
        }
        for (String statement : statements) {
            all[i++] = statement;
        }
        for (String table : TABLES) {
            all[i++] = "alter table " + table + " enable trigger user";
        }
        admin(all);
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                var rs = s.executeQuery("select to_regclass('" + table + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private void admin(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : statements) {
                s.execute(statement);
            }
            c.commit();
        }
    }

    private static Connection connect() throws SQLException {
        return TestDatabase.isolated().adminConnection();
    }
}
