package com.itadcustody.custody.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One sequenced entry of the custody log.
 *
 * @param seq its gap-free sequence number (the leaf index), from 0
 * @param eventId the event's id
 * @param assetId the asset it concerns
 * @param envelope the canonical envelope bytes that were hashed
 * @param leafHash SHA-256(0x00 || envelope)
 * @param recordedAt when the sequencer recorded it
 */
public record LogEntry(long seq, UUID eventId, UUID assetId, byte[] envelope, byte[] leafHash, Instant recordedAt) {
}
