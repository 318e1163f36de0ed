package com.itadcustody.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.custody.internal.CustodyProofs;
import com.itadcustody.custody.internal.CustodyProofs.InclusionProof;
import com.itadcustody.custody.internal.LogEntry;
import com.itadcustody.custody.internal.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The custody module's read API for pages that show the log: one entry with its envelope and hashes, an asset's
 * entries in sequence order (its timeline), and an entry's inclusion proof as {@code tlog-proof@v1} text. Who may
 * read them is the caller's check.
 */
@Service
public class CustodyEntries {

    private final LogStore store;
    private final CustodyProofs proofs;
    private final ObjectMapper json;

    CustodyEntries(LogStore store, CustodyProofs proofs, ObjectMapper json) {
        this.store = store;
        this.proofs = proofs;
        this.json = json;
    }

    /**
     * One sequenced entry of the log, read from its envelope (the bytes that were hashed).
     *
     * @param seq its sequence number
     * @param eventId the event's id
     * @param assetId the asset
     * @param type what happened, e.g. {@code ASSET_REGISTERED}
     * @param actorId the user who did it; null for the system
     * @param actorRoles the user's roles ({@code SYSTEM} for the system)
     * @param actorOrg the vendor organisation of a vendor user, else null
     * @param occurredAt when it happened
     * @param recordedAt when the sequencer recorded it
     * @param envelope the canonical envelope as stored (JCS JSON)
     * @param leafHash SHA-256(0x00 || envelope), lower-case hex
     * @param assetPrev the leaf hash of the asset's previous entry, or null for its first
     */
    public record Entry(long seq, UUID eventId, UUID assetId, String type, UUID actorId, List<String> actorRoles,
            UUID actorOrg, Instant occurredAt, Instant recordedAt, String envelope, String leafHash,
            String assetPrev) {
    }

    /**
     * An entry's inclusion proof against the newest checkpoint covering it.
     *
     * @param seq the entry's sequence number
     * @param treeSize the size of the checkpoint the proof is against
     * @param checkpoint that checkpoint as a C2SP signed note (with its signature lines)
     * @param tlogProof the proof as C2SP {@code tlog-proof@v1} text
     */
    public record Proof(long seq, long treeSize, String checkpoint, String tlogProof) {
    }

    /** The entry with this sequence number, if the log has it. */
    public Optional<Entry> entry(long seq) {
        return seq < 0 ? Optional.empty() : store.entry(seq).map(this::read);
    }

    /** Every sequenced entry of the asset, in sequence order (events not yet sequenced follow within seconds). */
    public List<Entry> ofAsset(UUID assetId) {
        List<Entry> entries = new ArrayList<>();
        for (LogEntry e : store.entriesOfAsset(assetId)) {
            entries.add(read(e));
        }
        return entries;
    }

    /**
     * The inclusion proof of the entry with this sequence number: 404 for an unknown entry, 409
     * {@code not-yet-checkpointed} while no checkpoint covers it yet.
     */
    public Proof proof(long seq) {
        InclusionProof proof = proofs.inclusion(seq);
        return new Proof(proof.seq(), proof.treeSize(), proof.checkpoint(), proof.tlogProof());
    }

    private Entry read(LogEntry e) {
        String envelope = new String(e.envelope(), StandardCharsets.UTF_8);
        JsonNode node;
        try {
            node = json.readTree(envelope);
        } catch (IOException failure) {
            throw new UncheckedIOException("custody entry " + e.seq() + " has an unreadable envelope", failure);
        }
        JsonNode actor = node.path("actor");
        List<String> roles = new ArrayList<>();
        actor.path("roles").forEach(r -> roles.add(r.asText()));
        return new Entry(e.seq(), e.eventId(), e.assetId(), node.path("type").asText(), uuid(actor.get("id")),
                List.copyOf(roles), uuid(actor.get("org")), instant(node.get("occurredAt")),
                instant(node.get("recordedAt")), envelope, HexFormat.of().formatHex(e.leafHash()),
                node.hasNonNull("assetPrev") ? node.get("assetPrev").asText() : null);
    }

    private static UUID uuid(JsonNode value) {
        return value == null || value.isNull() ? null : UUID.fromString(value.asText());
    }

    private static Instant instant(JsonNode value) {
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
    }
}
