package com.itadcustody.custody;

import com.itadcustody.custody.internal.LogSigningKey;
import com.itadcustody.custody.internal.tlog.NoteSigner;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.Role;
import com.itadcustody.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The custody log's checkpoint signing keys as administrators see them: every key ever used (its verifier key stays
 * registered, so checkpoints it signed still verify), which one signs new checkpoints, and the rotation to a new key,
 * each rotation recorded with who did it and when.
 */
@Service
public class LogKeys {

    private static final Logger log = LoggerFactory.getLogger(LogKeys.class);

    /**
     * One checkpoint signing key.
     *
     * @param keyId the signed-note key id (8 hex digits)
     * @param name the key's name (the log's origin)
     * @param verifierKey the public verifier key in signed-note text form
     * @param algorithm always {@code Ed25519}
     * @param createdAt when it was registered
     * @param active whether it signs new checkpoints
     * @param fingerprint the SHA-256 of the verifier key text, lower-case hex
     * @param retiredAt when a rotation replaced it, or null
     */
    public record LogKey(String keyId, String name, String verifierKey, String algorithm, Instant createdAt,
            boolean active, String fingerprint, Instant retiredAt) {
    }

    /**
     * One rotation.
     *
     * @param rotatedAt when
     * @param rotatedBy who (a user id)
     * @param oldKeyId the key replaced
     * @param newKeyId the key that signs from then on
     */
    public record Rotation(Instant rotatedAt, UUID rotatedBy, String oldKeyId, String newKeyId) {
    }

    private final LogSigningKey signingKey;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    LogKeys(LogSigningKey signingKey, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.signingKey = signingKey;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Every key ever registered, newest first. */
    public List<LogKey> list() {
        String active = signingKey.signer().verifierKey().keyIdHex();
        return jdbc.sql("""
                select k.key_id, k.key_name, k.verifier_key, k.created_at,
                       (select min(r.rotated_at) from custody_key_rotation r where r.old_key_id = k.key_id) as retired_at
                  from custody_log_key k order by k.created_at desc, k.key_id""")
                .query((rs, n) -> {
                    Timestamp retired = rs.getTimestamp("retired_at");
                    String verifier = rs.getString("verifier_key");
                    return new LogKey(rs.getString("key_id"), rs.getString("key_name"), verifier, "Ed25519",
                            rs.getTimestamp("created_at").toInstant(), rs.getString("key_id").equals(active),
                            Sha256.hex(verifier.getBytes(StandardCharsets.UTF_8)),
                            retired == null ? null : retired.toInstant());
                })
                .list();
    }

    /** Whether the key can be rotated here (not when it comes from configuration). */
    public boolean rotatable() {
        return !signingKey.fromConfiguration();
    }

    /** The latest rotations, newest first (at most {@code limit}). */
    public List<Rotation> rotations(int limit) {
        return jdbc.sql("""
                select rotated_at, rotated_by, old_key_id, new_key_id from custody_key_rotation
                 order by rotated_at desc, id limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Rotation(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Generates a new Ed25519 key and makes it sign new checkpoints (administrators); the old key's verifier key
     * stays registered, so what it signed still verifies. 409 {@code key-from-configuration} when the key comes
     * from {@code ITAD_CUSTODY_SIGNING_KEY} (rotate it there). The rotation is recorded.
     */
    public synchronized LogKey rotate(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "only administrators rotate keys");
        }
        if (signingKey.fromConfiguration()) {
            throw DomainRuleViolated.conflict("key-from-configuration", null, "The custody log's signing key comes"
                    + " from configuration (ITAD_CUSTODY_SIGNING_KEY); rotate it there and restart.");
        }
        NoteSigner previous = signingKey.signer();
        NoteSigner next = signingKey.generate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        transaction.executeWithoutResult(status -> {
            LogSigningKey.register(jdbc, next.verifierKey());
            jdbc.sql("""
                    insert into custody_key_rotation (id, old_key_id, new_key_id, rotated_at, rotated_by)
                    values (:id, :old, :new, :at, :by)""")
                    .param("id", UUID.randomUUID()).param("old", previous.verifierKey().keyIdHex())
                    .param("new", next.verifierKey().keyIdHex()).param("at", Timestamp.from(now))
                    .param("by", actor.userId()).update();
        });
        signingKey.activate(next);
        log.info("Custody log signing key rotated by {}: {} -> {}", actor.username(),
                previous.verifierKey().keyIdHex(), next.verifierKey().keyIdHex());
        return list().stream().filter(LogKey::active).findFirst().orElseThrow();
    }
}
