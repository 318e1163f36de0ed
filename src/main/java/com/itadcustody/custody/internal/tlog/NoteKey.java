package com.itadcustody.custody.internal.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * A named Ed25519 public key that verifies C2SP signed-note signatures (a "verifier key").
 *
 * <p>Key ID (C2SP signed-note, "Ed25519 signatures"): the first four bytes, read as a big-endian uint32, of
 * {@code SHA-256(name || 0x0A || 0x01 || 32-byte public key)}. Text form, as in golang.org/x/mod/sumdb/note:
 * {@code <name>+<key ID as 8 lower-case hex digits>+<base64(0x01 || 32-byte public key)>}, for example
 * {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}.
 *
 * <p>Key names must be non-empty and contain no Unicode white space and no {@code +}.
 */
public final class NoteKey {

    /** Signature type byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;

    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410); the raw key follows. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final String name;
    private final byte[] publicKey;
    private final int keyId;
    private final PublicKey jcaKey;

    private NoteKey(String name, byte[] publicKey) {
        requireValidName(name);
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + publicKey.length);
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, publicKey);
        this.jcaKey = toJca(publicKey);
    }

    /** The verifier key for a name and a raw 32-byte Ed25519 public key (RFC 8032 encoding). */
    public static NoteKey ofEd25519(String name, byte[] rawPublicKey) {
        Objects.requireNonNull(rawPublicKey, "rawPublicKey");
        return new NoteKey(name, rawPublicKey);
    }

    /** The verifier key for a name and a JCA Ed25519 public key (for example one read from a certificate). */
    public static NoteKey of(String name, PublicKey publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        byte[] encoded = publicKey.getEncoded();
        if (encoded == null || encoded.length != X509_PREFIX.length + 32
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + publicKey.getAlgorithm());
        }
        return new NoteKey(name, Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length));
    }

    /** Parses the text form {@code name+hexkeyid+base64(0x01||key)}, checking that the key ID matches the key. */
    public static NoteKey parse(String verifierKey) {
        Objects.requireNonNull(verifierKey, "verifierKey");
        int first = verifierKey.indexOf('+');
        int second = first < 0 ? -1 : verifierKey.indexOf('+', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("verifier key must look like name+keyid+base64key: "
                    + Codec.abbreviate(verifierKey));
        }
        String name = verifierKey.substring(0, first);
        int id = parseKeyId(verifierKey.substring(first + 1, second));
        byte[] encoded = Codec.base64Decode(verifierKey.substring(second + 1), "verifier key");
        if (encoded.length != 33 || encoded[0] != ED25519) {
            throw new IllegalArgumentException("verifier key is not an Ed25519 key (type 0x01, 32 bytes)");
        }
        NoteKey key = new NoteKey(name, Arrays.copyOfRange(encoded, 1, 33));
        if (key.keyId != id) {
            throw new IllegalArgumentException("verifier key ID " + hexId(id) + " does not match the key, whose ID is "
                    + hexId(key.keyId));
        }
        return key;
    }

    /** The key ID of an Ed25519 key: SHA-256(name || 0x0A || 0x01 || public key)[:4] as a big-endian uint32. */
    public static int keyId(String name, byte[] rawPublicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519);
            sha256.update(rawPublicKey);
            byte[] hash = sha256.digest();
            return (hash[0] & 0xFF) << 24 | (hash[1] & 0xFF) << 16 | (hash[2] & 0xFF) << 8 | hash[3] & 0xFF;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether a name is a valid key name: non-empty, valid Unicode, no white space of any kind and no '+'. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('+') >= 0) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85 || cp < 0x20
                    || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** The key name (usually the log origin, a schema-less URL). */
    public String name() {
        return name;
    }

    /** The 32-bit key ID. */
    public int keyId() {
        return keyId;
    }

    /** The key ID as 8 lower-case hex digits. */
    public String keyIdHex() {
        return hexId(keyId);
    }

    /** A copy of the raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The key as a JCA public key (X.509 SubjectPublicKeyInfo encoding, for PEM export or openssl). */
    public PublicKey toPublicKey() {
        return jcaKey;
    }

    /** The text form {@code name+hexkeyid+base64(0x01||key)}. */
    public String verifierKey() {
        byte[] encoded = new byte[33];
        encoded[0] = ED25519;
        System.arraycopy(publicKey, 0, encoded, 1, 32);
        return name + "+" + keyIdHex() + "+" + Codec.base64(encoded);
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message} by this key. */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(jcaKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Java 17 has Ed25519", e);
        }
    }

    /** Equal when name and public key are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof NoteKey k && k.name.equals(name) && Arrays.equals(k.publicKey, publicKey);
    }

    /** A hash code consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    /** The text form, as {@link #verifierKey()}. */
    @Override
    public String toString() {
        return verifierKey();
    }

    static String hexId(int id) {
        return String.format("%08x", id);
    }

    static int parseKeyId(String hex) {
        if (hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            throw new IllegalArgumentException("key ID must be 8 hex digits: " + Codec.abbreviate(hex));
        }
        return (int) Long.parseLong(hex, 16);
    }

    static void requireValidName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("key name must be non-empty without spaces or '+': "
                    + (name == null ? "null" : Codec.abbreviate(name)));
        }
    }

    private static PublicKey toJca(byte[] raw) {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key", e);
        }
    }
}
