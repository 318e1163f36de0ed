package com.itadcustody.identity.internal;

import com.itadcustody.identity.ApiToken;
import com.itadcustody.identity.ApiTokens;
import com.itadcustody.identity.IssuedApiToken;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API tokens kept in the {@code api_token} table as SHA-256 hashes; also authenticates bearer tokens. */
@Service
public class JdbcApiTokens implements ApiTokens {

    static final int MAX_NAME_LENGTH = 100;
    private static final String COLUMNS =
            "id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    /** Creates the repository on the application's data source. */
    public JdbcApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public IssuedApiToken issue(UUID userId, String name, Integer expiresInDays) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw DomainRuleViolated.unprocessable("token-name-required", "name",
                    "A token needs a name of at most " + MAX_NAME_LENGTH + " characters.");
        }
        int days = expiresInDays == null ? DEFAULT_LIFETIME_DAYS : expiresInDays;
        if (days < 1 || days > MAX_LIFETIME_DAYS) {
            throw DomainRuleViolated.unprocessable("token-lifetime", "expiresInDays",
                    "A token lives between 1 and " + MAX_LIFETIME_DAYS + " days.");
        }
        String secret = TokenSecrets.newSecret();
        ApiToken token = jdbc.sql("""
                insert into api_token (id, user_id, name, token_hash, token_prefix, expires_at)
                values (:id, :userId, :name, :hash, :prefix, now() + make_interval(days => :days))
                returning\s""" + COLUMNS)
                .param("id", UUID.randomUUID())
                .param("userId", userId)
                .param("name", trimmed)
                .param("hash", TokenSecrets.sha256Hex(secret))
                .param("prefix", TokenSecrets.displayPrefix(secret))
                .param("days", days)
                .query(JdbcApiTokens::token)
                .single();
        return new IssuedApiToken(token, secret);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiToken> list(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from api_token where user_id = ? order by created_at desc, id")
                .param(userId)
                .query(JdbcApiTokens::token)
                .list();
    }

    @Override
    @Transactional
    public void revoke(UUID userId, UUID tokenId) {
        int revoked = jdbc.sql("""
                update api_token set revoked_at = now()
                 where id = :id and user_id = :userId and revoked_at is null""")
                .param("id", tokenId)
                .param("userId", userId)
                .update();
        if (revoked == 0) {
            boolean owned = jdbc.sql("select count(*) from api_token where id = :id and user_id = :userId")
                    .param("id", tokenId)
                    .param("userId", userId)
                    .query(Long.class)
                    .single() > 0;
            if (!owned) {
                throw new NotFound("API token", tokenId);
            }
        }
    }

    /**
     * The user a bearer token belongs to, if the token is known, not revoked, not expired and its user enabled;
     * notes when it was used (at most once a minute, to keep reads cheap).
     */
    @Transactional
    public Optional<SignedInUser> authenticate(String secret) {
        if (!TokenSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        String hash = TokenSecrets.sha256Hex(secret);
        Optional<SignedInUser> user = jdbc.sql("""
                select u.id, u.username, u.display_name, u.roles, u.vendor_id, u.enabled, null as password_hash
                  from api_token t join app_user u on u.id = t.user_id
                 where t.token_hash = ? and t.revoked_at is null
                   and (t.expires_at is null or t.expires_at > now()) and u.enabled""")
                .param(hash)
                .query(UserRows::signedIn)
                .optional();
        if (user.isPresent()) {
            jdbc.sql("""
                    update api_token set last_used_at = now()
                     where token_hash = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                    .param(hash)
                    .update();
        }
        return user;
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_prefix"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
