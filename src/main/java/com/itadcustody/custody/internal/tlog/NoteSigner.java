package com.itadcustody.custody.internal.tlog;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * A named Ed25519 private key that signs C2SP signed notes, with its {@link NoteKey verifier key}.
 *
 * <p>Text form, as in golang.org/x/mod/sumdb/note: {@code PRIVATE+KEY+<name>+<key ID as 8 hex digits>+
 * <base64(0x01 || 32-byte seed)>}, where the seed is the RFC 8032 private key. Keep it secret; {@link #toString()}
 * never shows it.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final byte[] seed;
    private final PrivateKey privateKey;
    private final NoteKey verifierKey;

    private NoteSigner(String name, byte[] seed) {
        NoteKey.requireValidName(name);
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 private key seed is 32 bytes, got " + seed.length);
        }
        this.seed = seed.clone();
        KeyPair pair = derive(this.seed);
        this.privateKey = pair.getPrivate();
        this.verifierKey = NoteKey.of(name, pair.getPublic());
        byte[] probe = "note key self-test\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!verifierKey.verify(probe, sign(probe))) {
            throw new IllegalStateException("derived Ed25519 public key does not match the private key");
        }
    }

    /** A new random key pair for the given key name. */
    public static NoteSigner generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    /** The signer for a name and a 32-byte Ed25519 seed (the RFC 8032 private key). */
    public static NoteSigner fromSeed(String name, byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        return new NoteSigner(name, seed);
    }

    /** The signer for a name and a JCA Ed25519 private key (for example one loaded from a PKCS#12 keystore). */
    public static NoteSigner of(String name, PrivateKey privateKey) {
        if (!(privateKey instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()
                || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 private key: "
                    + (privateKey == null ? "null" : privateKey.getAlgorithm()));
        }
        return new NoteSigner(name, ed.getBytes().get());
    }

    /** Parses the text form {@code PRIVATE+KEY+name+hexkeyid+base64(0x01||seed)}, checking the key ID. */
    public static NoteSigner parse(String privateKeyText) {
        Objects.requireNonNull(privateKeyText, "privateKeyText");
        if (!privateKeyText.startsWith(PREFIX)) {
            throw new IllegalArgumentException("signer key must start with PRIVATE+KEY+");
        }
        String rest = privateKeyText.substring(PREFIX.length());
        int first = rest.indexOf('+');
        int second = first < 0 ? -1 : rest.indexOf('+', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("signer key must look like PRIVATE+KEY+name+keyid+base64seed");
        }
        String name = rest.substring(0, first);
        int id = NoteKey.parseKeyId(rest.substring(first + 1, second));
        byte[] encoded;
        try {
            encoded = Codec.base64Decode(rest.substring(second + 1), "signer key");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signer key is not canonical base64", null);
        }
        if (encoded.length != 33 || encoded[0] != NoteKey.ED25519) {
            throw new IllegalArgumentException("signer key is not an Ed25519 key (type 0x01, 32 bytes)");
        }
        NoteSigner signer = new NoteSigner(name, Arrays.copyOfRange(encoded, 1, 33));
        Arrays.fill(encoded, (byte) 0);
        if (signer.keyId() != id) {
            throw new IllegalArgumentException("signer key ID " + NoteKey.hexId(id)
                    + " does not match the key, whose ID is " + signer.verifierKey.keyIdHex());
        }
        return signer;
    }

    /** The key name. */
    public String name() {
        return verifierKey.name();
    }

    /** The 32-bit key ID (the same as the verifier key's). */
    public int keyId() {
        return verifierKey.keyId();
    }

    /** The public verifier key to hand to verifiers. */
    public NoteKey verifierKey() {
        return verifierKey;
    }

    /** The secret text form {@code PRIVATE+KEY+name+hexkeyid+base64(0x01||seed)}. */
    public String privateKeyText() {
        byte[] encoded = new byte[33];
        encoded[0] = NoteKey.ED25519;
        System.arraycopy(seed, 0, encoded, 1, 32);
        String text = PREFIX + name() + "+" + verifierKey.keyIdHex() + "+" + Codec.base64(encoded);
        Arrays.fill(encoded, (byte) 0);
        return text;
    }

    /** The key as a JCA private key (PKCS#8 encoding, for a keystore or openssl). */
    public PrivateKey toPrivateKey() {
        return privateKey;
    }

    /** The 64-byte Ed25519 signature of the message (deterministic, RFC 8032). */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Shows the name and key ID only, never the secret. */
    @Override
    public String toString() {
        return "NoteSigner[" + name() + "+" + verifierKey.keyIdHex() + "]";
    }

    /**
     * Derives the key pair from the seed. The JDK has no public API for seed → public key, but its Ed25519 key pair
     * generator takes exactly the 32 bytes it draws from the random source as the seed (RFC 8032 §5.1.5); the
     * constructor then checks the result by signing and verifying, so a JDK that behaved otherwise fails loudly.
     */
    private static KeyPair derive(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            PrivateKey fromSeed = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            if (!(pair.getPrivate() instanceof EdECPrivateKey generated)
                    || !Arrays.equals(generated.getBytes().orElse(new byte[0]), seed)) {
                throw new IllegalStateException("the JDK's Ed25519 generator did not use the given seed");
            }
            return new KeyPair(pair.getPublic(), fromSeed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 has Ed25519", e);
        }
    }

    /** A "random" source that yields the given seed once, to make the JDK generator derive a known key. */
    private static final class SeedRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private final byte[] seed;
        private boolean used;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        /** Yields the seed, exactly once. */
        @Override
        public void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("unexpected draw of " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            used = true;
        }
    }
}
