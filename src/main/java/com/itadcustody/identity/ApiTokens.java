package com.itadcustody.identity;

import java.util.List;
import java.util.UUID;

/** Personal API tokens for the REST API, kept as SHA-256 hashes only. */
public interface ApiTokens {

    /** How long a token lives when no lifetime is asked for. */
    int DEFAULT_LIFETIME_DAYS = 90;

    /** The longest lifetime a token can be given. */
    int MAX_LIFETIME_DAYS = 365;

    /**
     * Issues a new token for the user; the secret in the answer is never shown again.
     *
     * @param userId the owner
     * @param name a name for the owner to recognise it by
     * @param expiresInDays lifetime in days (1 to {@value #MAX_LIFETIME_DAYS}); null means
     *     {@value #DEFAULT_LIFETIME_DAYS}
     * @throws com.itadcustody.shared.DomainRuleViolated {@code token-lifetime} (422) for a lifetime out of range
     */
    IssuedApiToken issue(UUID userId, String name, Integer expiresInDays);

    /** The user's tokens, newest first, revoked and expired ones included. */
    List<ApiToken> list(UUID userId);

    /**
     * Revokes one of the user's tokens; revoking a revoked token again changes nothing.
     *
     * @throws com.itadcustody.shared.NotFound if the user has no token with this id
     */
    void revoke(UUID userId, UUID tokenId);
}
