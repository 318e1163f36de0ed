package com.itadcustody.vendor.internal;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.NotFound;
import com.itadcustody.vendor.WebhookSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook secrets in {@code vendor_webhook_secret}, encrypted with {@link WebhookSecretKey}. A secret is
 * {@code whsec_} and 43 URL-safe characters (256 random bits); the HMAC key is the secret's ASCII bytes, so
 * {@code openssl dgst -sha256 -hmac "$SECRET"} computes the same signature.
 */
@Service
class JdbcWebhookSecrets implements WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Stands in for a missing secret, so an unknown vendor costs the same HMAC as a known one. */
    private static final byte[] DUMMY_KEY = new byte[PREFIX.length() + 43];

    private final JdbcClient jdbc;
    private final WebhookSecretKey key;

    JdbcWebhookSecrets(JdbcClient jdbc, WebhookSecretKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    @Override
    @Transactional
    public String rotate(UUID vendorId, Actor actor) {
        jdbc.sql("select id from vendor where id = ? for update").param(vendorId).query(UUID.class).optional()
                .orElseThrow(() -> new NotFound("vendor", vendorId));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] nonce = WebhookSecretKey.nonce();
        byte[] sealed = key.encrypt(nonce, secret.getBytes(StandardCharsets.US_ASCII), context(vendorId));
        jdbc.sql("""
                insert into vendor_webhook_secret (vendor_id, key_id, nonce, ciphertext, hint, created_at, created_by)
                values (:vendor, :key, :nonce, :sealed, :hint, :at, :by)
                on conflict (vendor_id) do update set key_id = excluded.key_id, nonce = excluded.nonce,
                    ciphertext = excluded.ciphertext, hint = excluded.hint, created_at = excluded.created_at,
                    created_by = excluded.created_by""")
                .param("vendor", vendorId).param("key", key.id()).param("nonce", nonce).param("sealed", sealed)
                .param("hint", secret.substring(0, PREFIX.length() + 4)).param("at", Timestamp.from(Instant.now()))
                .param("by", actor.userId()).update();
        return secret;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasSecret(UUID vendorId) {
        return jdbc.sql("select count(*) from vendor_webhook_secret where vendor_id = ?").param(vendorId)
                .query(Long.class).single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean signatureMatches(UUID vendorId, byte[] signedContent, byte[] signature) {
        Optional<byte[]> secret = secret(vendorId);
        byte[] hmacKey = secret.orElse(DUMMY_KEY);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            byte[] expected = mac.doFinal(signedContent);
            boolean equal = MessageDigest.isEqual(expected, signature == null ? new byte[0] : signature);
            return secret.isPresent() && equal;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        } finally {
            if (secret.isPresent()) {
                Arrays.fill(hmacKey, (byte) 0);
            }
        }
    }

    private Optional<byte[]> secret(UUID vendorId) {
        record Row(String keyId, byte[] nonce, byte[] sealed) {
        }
        return jdbc.sql("""
                select s.key_id, s.nonce, s.ciphertext from vendor_webhook_secret s join vendor v on v.id = s.vendor_id
                where s.vendor_id = ? and v.deactivated_at is null""")
                .param(vendorId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2), rs.getBytes(3))).optional()
                .map(row -> {
                    if (!row.keyId().equals(key.id())) {
                        throw new IllegalStateException("vendor " + vendorId + "'s webhook secret was encrypted with "
                                + "key " + row.keyId() + ", but the configured key is " + key.id()
                                + " (ITAD_WEBHOOK_SECRET_KEY changed?); rotate the secret");
                    }
                    return key.decrypt(row.nonce(), row.sealed(), context(vendorId));
                });
    }

    private static byte[] context(UUID vendorId) {
        return ByteBuffer.allocate(16).putLong(vendorId.getMostSignificantBits())
                .putLong(vendorId.getLeastSignificantBits()).array();
    }
}
