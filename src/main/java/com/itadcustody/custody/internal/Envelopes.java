package com.itadcustody.custody.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itadcustody.custody.internal.tlog.Jcs;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Builds the canonical envelope of a custody event: RFC 8785 (JCS) JSON bytes, which are stored as they are and
 * hashed into the log. The fields are described in docs/custody-log-format.md.
 */
final class Envelopes {

    /** Version of the envelope format. */
    static final int VERSION = 1;

    private static final DateTimeFormatter RFC3339_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    /**
     * The canonical envelope bytes of an inbox event sequenced as entry {@code seq} at {@code recordedAt}, after
     * the asset's previous leaf {@code assetPrev} (null for the asset's first event).
     */
    static byte[] envelope(String origin, long seq, InboxEvent event, Instant recordedAt, byte[] assetPrev) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("v", VERSION);
        e.put("origin", origin);
        // the position is inside the hashed bytes, so moving an envelope to another position is detected there
        e.put("seq", seq);
        e.put("eventId", event.eventId().toString());
        e.put("type", event.type());
        e.put("assetId", event.assetId().toString());
        putIfPresent(e, "assetSerial", event.assetSerial());
        putIfPresent(e, "mediumSerial", event.mediumSerial());
        ObjectNode actor = e.putObject("actor");
        putIfPresent(actor, "id", event.actorId() == null ? null : event.actorId().toString());
        ArrayNode roles = actor.putArray("roles");
        if (event.actorRoles() != null && !event.actorRoles().isBlank()) {
            for (String role : event.actorRoles().split(",")) {
                roles.add(role);
            }
        }
        putIfPresent(actor, "org", event.actorOrg() == null ? null : event.actorOrg().toString());
        putIfPresent(e, "location", event.location());
        e.put("occurredAt", timestamp(event.occurredAt()));
        e.put("recordedAt", timestamp(recordedAt));
        if (assetPrev != null) {
            e.put("assetPrev", HexFormat.of().formatHex(assetPrev));
        }
        e.set("evidence", parse(event.evidenceJson(), "[]"));
        e.set("data", parse(event.dataJson(), "{}"));
        return Jcs.canonicalize(e);
    }

    /** A timestamp as the envelope writes it: UTC, RFC 3339, exactly three fraction digits. */
    static String timestamp(Instant instant) {
        return RFC3339_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static JsonNode parse(String json, String empty) {
        try {
            return JSON.readTree(json == null ? empty : json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inbox event holds JSON that does not parse", e);
        }
    }
}
