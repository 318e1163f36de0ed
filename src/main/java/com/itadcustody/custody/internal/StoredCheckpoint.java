package com.itadcustody.custody.internal;

import java.time.Instant;

/**
 * A signed tree head as kept in {@code custody_checkpoint}.
 *
 * @param treeSize how many entries the tree had
 * @param rootHash its RFC 6962 root hash
 * @param note the C2SP signed note (checkpoint body plus signature lines)
 * @param keyId the signing key's id (8 hex digits)
 * @param issuedAt when it was signed
 */
public record StoredCheckpoint(long treeSize, byte[] rootHash, String note, String keyId, Instant issuedAt) {
}
