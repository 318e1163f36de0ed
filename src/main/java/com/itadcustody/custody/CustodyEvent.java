package com.itadcustody.custody;

import com.itadcustody.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened to an asset, as another module reports it to the custody log.
 *
 * @param eventId unique id; appending the same id twice records it once
 * @param assetId the asset it concerns
 * @param assetSerial the asset's serial number, if it has one
 * @param mediumSerial the storage medium's serial number, for events about one medium
 * @param type what happened, e.g. {@code ASSET_STATUS_CHANGED}
 * @param occurredAt when it happened
 * @param actor who did it (recorded by pseudonymous user id, roles and organisation only)
 * @param location where it happened, if known (a site or facility name, never a person)
 * @param evidence files that back the event, by hash
 * @param data type-specific details: strings, whole numbers, booleans, lists and maps of those; no personal data
 */
public record CustodyEvent(UUID eventId, UUID assetId, String assetSerial, String mediumSerial, String type,
        Instant occurredAt, Actor actor, String location, List<Evidence> evidence, Map<String, Object> data) {

    public CustodyEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** A new event about an asset with a fresh id, happening now. */
    public static CustodyEvent now(UUID assetId, String assetSerial, String type, Actor actor,
            Map<String, Object> data) {
        return new CustodyEvent(UUID.randomUUID(), assetId, assetSerial, null, type, Instant.now(), actor, null,
                List.of(), data);
    }

    /**
     * A file backing an event: its SHA-256 (hex), media type and name.
     *
     * @param sha256 lower-case hex SHA-256 of the file's bytes
     * @param mediaType e.g. {@code application/pdf}
     * @param name the file name as uploaded
     */
    public record Evidence(String sha256, String mediaType, String name) {
    }
}
