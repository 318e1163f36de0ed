package com.itadcustody.custody;

import com.itadcustody.shared.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened to an asset, as another module reports it to the custody log.
 *
 * @param eventId unique id; appending the same id twice records it once
 * @param assetId the asset it concerns
 * @param type what happened, e.g. {@code ASSET_STATUS_CHANGED}
 * @param occurredAt when it happened
 * @param actor who did it (recorded by pseudonymous user id and role only)
 * @param data type-specific details (no personal data)
 */
public record CustodyEvent(UUID eventId, UUID assetId, String type, Instant occurredAt, Actor actor,
        Map<String, Object> data) {

    public CustodyEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** A new event with a fresh id, happening now. */
    public static CustodyEvent now(UUID assetId, String type, Actor actor, Map<String, Object> data) {
        return new CustodyEvent(UUID.randomUUID(), assetId, type, Instant.now(), actor, data);
    }
}
