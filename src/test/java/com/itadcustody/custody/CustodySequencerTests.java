package com.itadcustody.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogEntry;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.custody.internal.tlog.Merkle;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class CustodySequencerTests extends IntegrationTest {

    @Autowired
    CustodyLog custody;

    @Autowired
    CustodySequencer sequencer;

    @Autowired
    LogStore log;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    final Actor actor = new Actor(UUID.randomUUID(), "staff", Set.of(Role.IT_STAFF), null);

    @Test
    void sequencesEveryEventOnceWithGapFreeNumbersFromZero() {
        UUID asset = UUID.randomUUID();
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(append(CustodyEvent.now(asset, "SN-1", "TEST_EVENT", actor, Map.of("i", i))));
        }

        awaitSequenced(events);

        long size = log.size();
        assertThat(jdbc.queryForObject("select count(*) from custody_entry", Long.class)).isEqualTo(size);
        assertThat(jdbc.queryForObject("select min(seq) from custody_entry", Long.class)).isZero();
        assertThat(log.entriesOfAsset(asset)).extracting(LogEntry::eventId).containsExactlyElementsOf(events);
    }

    @Test
    void storesCanonicalEnvelopesWhoseHashIsTheLeafAndChainsEachAssetsEvents() throws Exception {
        UUID asset = UUID.randomUUID();
        List<UUID> events = List.of(
                append(CustodyEvent.now(asset, "SN-2", "FIRST", actor, Map.of("note", "été \"quoted\""))),
                append(CustodyEvent.now(asset, "SN-2", "SECOND", actor, Map.of())),
                append(CustodyEvent.now(asset, "SN-2", "THIRD", actor, Map.of("n", 3))));

        awaitSequenced(events);

        List<LogEntry> chain = log.entriesOfAsset(asset);
        assertThat(chain).hasSize(3);
        for (int i = 0; i < chain.size(); i++) {
            LogEntry entry = chain.get(i);
            assertThat(entry.leafHash()).isEqualTo(Merkle.leafHash(entry.envelope()));
            JsonNode envelope = json.readTree(entry.envelope());
            assertThat(envelope.get("eventId").asText()).isEqualTo(events.get(i).toString());
            assertThat(envelope.get("assetSerial").asText()).isEqualTo("SN-2");
            assertThat(envelope.get("actor").get("roles").get(0).asText()).isEqualTo("IT_STAFF");
            assertThat(envelope.get("recordedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            if (i == 0) {
                assertThat(envelope.has("assetPrev")).isFalse();
            } else {
                assertThat(envelope.get("assetPrev").asText())
                        .isEqualTo(HexFormat.of().formatHex(chain.get(i - 1).leafHash()));
            }
        }
        assertThat(new String(chain.get(0).envelope(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"actor\":").contains("\"data\":{\"note\":\"été \\\"quoted\\\"\"}");
    }

    @Test
    void theStoredTreeHasTheRootOfAllLeaves() {
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            events.add(append(CustodyEvent.now(UUID.randomUUID(), null, "TREE", actor, Map.of())));
        }
        awaitSequenced(events);

        long size = log.size();
        List<byte[]> leaves = log.range(0, size).stream().map(LogEntry::leafHash).toList();
        assertThat(Merkle.root(size, log.tree())).isEqualTo(naiveRoot(leaves));
    }

    @Test
    void proofsComputedFromNodesFetchedInOneQueryEqualProofsReadNodeByNode() {
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            events.add(append(CustodyEvent.now(UUID.randomUUID(), null, "PROOF", actor, Map.of())));
        }
        awaitSequenced(events);

        long size = log.size();
        for (long treeSize = 1; treeSize <= size; treeSize += Math.max(1, size / 9)) {
            long n = treeSize;
            for (long index = 0; index < n; index++) {
                long i = index;
                List<byte[]> inclusion = log.withTree(tree -> Merkle.inclusionProof(i, n, tree));
                assertThat(inclusion).as("inclusion of %d in %d", i, n)
                        .containsExactlyElementsOf(Merkle.inclusionProof(i, n, log.tree()));
            }
            List<byte[]> consistency = log.withTree(tree -> Merkle.consistencyProof(n, size, tree));
            assertThat(consistency).containsExactlyElementsOf(Merkle.consistencyProof(n, size, log.tree()));
            byte[] root = log.withTree(tree -> Merkle.root(n, tree));
            assertThat(root).isEqualTo(Merkle.root(n, log.tree()));
        }
    }

    @Test
    void aProofBeyondTheStoredTreeFailsInsteadOfUsingPlaceholders() {
        long size = log.size();

        assertThatThrownBy(() -> log.withTree(tree -> Merkle.root(size + 8, tree)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is missing");
    }

    @Test
    void appendingTheSameEventTwiceRecordsItOnce() {
        CustodyEvent event = CustodyEvent.now(UUID.randomUUID(), null, "ONCE", actor, Map.of());
        append(event);
        append(event);
        awaitSequenced(List.of(event.eventId()));

        append(event);
        sequencer.drainNow();

        assertThat(jdbc.queryForObject("select count(*) from custody_entry where event_id = ?", Long.class,
                event.eventId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from custody_inbox where event_id = ?", Long.class,
                event.eventId())).isZero();
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverRecorded() {
        CustodyEvent event = CustodyEvent.now(UUID.randomUUID(), null, "ROLLED_BACK", actor, Map.of());

        tx.executeWithoutResult(status -> {
            custody.append(event);
            status.setRollbackOnly();
        });
        sequencer.drainNow();

        assertThat(log.entryOfEvent(event.eventId())).isEmpty();
    }

    private UUID append(CustodyEvent event) {
        return tx.execute(status -> custody.append(event));
    }

    private void awaitSequenced(List<UUID> events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sequencer.drainNow();
            return events.stream().allMatch(id -> log.entryOfEvent(id).isPresent());
        });
    }

    /** RFC 6962 section 2.1 Merkle tree hash, straight from the definition. */
    static byte[] naiveRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return Merkle.nodeHash(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
    }
}
