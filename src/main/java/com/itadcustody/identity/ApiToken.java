package com.itadcustody.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal API token as its owner sees it later: never the secret, only a prefix to recognise it by.
 *
 * @param id the token's id (to revoke it)
 * @param name what the owner called it
 * @param prefix the first characters of the secret
 * @param createdAt when it was issued
 * @param expiresAt when it stops working, null for never
 * @param lastUsedAt when it was last used (to the minute), null if never
 * @param revokedAt when it was revoked, null while it is not
 */
public record ApiToken(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {

    /** Whether the token would be accepted at the given time. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
