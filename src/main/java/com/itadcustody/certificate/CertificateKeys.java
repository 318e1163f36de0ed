package com.itadcustody.certificate;

import com.itadcustody.certificate.internal.signing.SigningKey;
import com.itadcustody.certificate.internal.signing.SigningKeys;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.Role;
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

/**
 * The document-signing keys of certificates as administrators see them: every signing certificate ever used (all
 * stay registered, so documents they signed still verify as ours), which one signs new certificates, and the
 * rotation to a new key, each rotation recorded with who did it and when.
 */
@Service
public class CertificateKeys {

    private static final Logger log = LoggerFactory.getLogger(CertificateKeys.class);

    /**
     * One document-signing certificate.
     *
     * @param keyId the SHA-256 of the certificate (DER), lower-case hex: its fingerprint and id
     * @param subject the certificate's subject
     * @param issuer its issuing CA
     * @param algorithm the key's algorithm, e.g. {@code EC P-256}
     * @param notBefore first valid instant
     * @param notAfter when it expires
     * @param registeredAt when it was registered
     * @param active whether it signs new certificates
     * @param retiredAt when a rotation replaced it, or null
     */
    public record SigningCertificate(String keyId, String subject, String issuer, String algorithm,
            Instant notBefore, Instant notAfter, Instant registeredAt, boolean active, Instant retiredAt) {
    }

    /**
     * One rotation.
     *
     * @param rotatedAt when
     * @param rotatedBy who (a user id)
     * @param oldKeyId the certificate replaced
     * @param newKeyId the certificate that signs from then on
     */
    public record Rotation(Instant rotatedAt, UUID rotatedBy, String oldKeyId, String newKeyId) {
    }

    private final SigningKeys keys;
    private final JdbcClient jdbc;

    CertificateKeys(SigningKeys keys, JdbcClient jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    /** Every registered signing certificate, newest first. */
    public List<SigningCertificate> list() {
        String active = keys.current().keyId();
        java.util.Map<String, Instant> retired = new java.util.HashMap<>();
        jdbc.sql("select old_key_id, min(rotated_at) from certificate_key_rotation where old_key_id is not null"
                        + " group by old_key_id")
                .query((rs, n) -> retired.put(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
        return keys.registeredKeys().stream()
                .map(k -> new SigningCertificate(k.keyId(), k.subject(), k.issuer(), k.algorithm(), k.notBefore(),
                        k.notAfter(), k.registeredAt(), k.keyId().equals(active), retired.get(k.keyId())))
                .toList();
    }

    /** Whether the key can be rotated here (the generated default; not a configured keystore). */
    public boolean rotatable() {
        return keys.rotatable();
    }

    /** The trust anchors (root CA certificates of every signing key ever used) as PEM text. */
    public String trustAnchorsPem() {
        return keys.trustAnchorsPem();
    }

    /** The latest rotations, newest first (at most {@code limit}). */
    public List<Rotation> rotations(int limit) {
        return jdbc.sql("""
                select rotated_at, rotated_by, old_key_id, new_key_id from certificate_key_rotation
                 order by rotated_at desc, id limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Rotation(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Generates a new CA and document-signing key (administrators) and signs new certificates with it; documents
     * signed before still verify. 409 {@code keystore-from-configuration} with a configured keystore
     * ({@code ITAD_CERT_KEYSTORE}: rotate it there). The rotation is recorded.
     */
    public synchronized SigningCertificate rotate(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "only administrators rotate keys");
        }
        if (!keys.rotatable()) {
            throw DomainRuleViolated.conflict("keystore-from-configuration", null, "The certificate signing key"
                    + " comes from a configured keystore (ITAD_CERT_KEYSTORE); replace it there and restart.");
        }
        String previous = keys.current().keyId();
        SigningKey next = keys.rotate();
        jdbc.sql("""
                insert into certificate_key_rotation (id, old_key_id, new_key_id, rotated_at, rotated_by)
                values (:id, :old, :new, :at, :by)""")
                .param("id", UUID.randomUUID()).param("old", previous).param("new", next.keyId())
                .param("at", Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .param("by", actor.userId()).update();
        log.info("Certificate signing key rotated by {}: {} -> {}", actor.username(), previous, next.keyId());
        return list().stream().filter(SigningCertificate::active).findFirst().orElseThrow();
    }
}
