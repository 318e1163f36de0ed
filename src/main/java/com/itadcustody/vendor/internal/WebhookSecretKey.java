package com.itadcustody.vendor.internal;

import com.itadcustody.shared.DataSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The AES-256 key that encrypts the vendors' webhook secrets at rest (AES-GCM, the vendor id as associated data):
 * {@code ITAD_WEBHOOK_SECRET_KEY} (base64 of 32 bytes) or, in the embedded default, a key generated on first start
 * into the data directory ({@value #KEY_FILE}, readable by its owner only). Its id (the first 16 hex digits of the
 * key's SHA-256) is stored with each secret, so a changed key is reported instead of decrypting garbage.
 */
@Component
class WebhookSecretKey {

    static final String KEY_FILE = "webhook-secrets.key";
    private static final Logger log = LoggerFactory.getLogger(WebhookSecretKey.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;

    private final SecretKey key;
    private final String id;

    WebhookSecretKey(VendorSettings settings, DataSettings data) {
        byte[] raw = settings.webhookSecretKey() != null ? decode(settings.webhookSecretKey(),
                "ITAD_WEBHOOK_SECRET_KEY") : fromDataDirectory(data.resolve(KEY_FILE));
        this.key = new SecretKeySpec(raw, "AES");
        this.id = HexFormat.of().formatHex(com.itadcustody.shared.Sha256.digest(raw)).substring(0, 16);
        Arrays.fill(raw, (byte) 0);
    }

    /** The key's id, stored next to what it encrypted. */
    String id() {
        return id;
    }

    /** A fresh random nonce. */
    static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** Encrypts and authenticates {@code plain}, bound to {@code context}. */
    byte[] encrypt(byte[] nonce, byte[] plain, byte[] context) {
        return crypt(Cipher.ENCRYPT_MODE, nonce, plain, context);
    }

    /** Decrypts what {@link #encrypt} made with the same nonce and context (fails if anything was changed). */
    byte[] decrypt(byte[] nonce, byte[] sealed, byte[] context) {
        return crypt(Cipher.DECRYPT_MODE, nonce, sealed, context);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, byte[] context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("webhook secret could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted (changed key or altered row)"), e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException(source + " must be 32 bytes (base64 of 256 random bits, e.g. "
                    + "`openssl rand -base64 32`); it has " + raw.length);
        }
        return raw;
    }

    private static byte[] fromDataDirectory(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            }
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(Base64.getEncoder().encode(raw));
            }
            try {
                // a hard link never replaces an existing file: two nodes starting at once end with one key
                Files.createLink(file, temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            } finally {
                Files.deleteIfExists(temp);
            }
            log.info("Generated the key that encrypts vendors' webhook secrets into {} (set ITAD_WEBHOOK_SECRET_KEY "
                    + "in production and keep it with the database backups)", file);
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the webhook secret key " + file, e);
        }
    }
}
