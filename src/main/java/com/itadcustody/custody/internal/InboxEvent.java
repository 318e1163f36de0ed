package com.itadcustody.custody.internal;

import java.time.Instant;
import java.util.UUID;

/** An event waiting in the inbox to be sequenced, as the appending module recorded it. */
record InboxEvent(UUID eventId, UUID assetId, String assetSerial, String mediumSerial, String type,
        Instant occurredAt, UUID actorId, String actorRoles, UUID actorOrg, String location, String evidenceJson,
        String dataJson) {
}
