package com.itadcustody.custody.internal.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A C2SP signed note (https://c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank line, then one
 * or more signature lines {@code "— <key name> <base64(4-byte key ID || signature)>\n"} (U+2014 em dash, space).
 *
 * <p>The signed message is the text including its final newline but not the blank line. The text is separated
 * from the signatures by the last blank line of the note. Notes must be valid UTF-8 without ASCII control
 * characters other than newline. Verification ({@link #verify}) ignores signatures from unknown keys (a key is
 * known when both name and key ID match), rejects the whole note when a known key's signature does not verify,
 * and requires at least one valid signature from a known key. Base64 must be canonical so that every note has one
 * textual form. Immutable.
 */
public final class SignedNote {

    /** At most this many signature lines are accepted (the spec requires at least 16). */
    public static final int MAX_SIGNATURES = 100;

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private final String text;
    private final List<NoteSignature> signatures;

    private SignedNote(String text, List<NoteSignature> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /**
     * One signature line of a note.
     *
     * @param keyName the name of the key that made it
     * @param keyId the 32-bit key ID
     * @param signature the signature bytes (64 for Ed25519)
     */
    public record NoteSignature(String keyName, int keyId, byte[] signature) {

        /** Validates the name and copies the signature. */
        public NoteSignature {
            NoteKey.requireValidName(keyName);
            Objects.requireNonNull(signature, "signature");
            if (signature.length == 0) {
                throw new IllegalArgumentException("empty signature");
            }
            signature = signature.clone();
        }

        /** A copy of the signature bytes. */
        @Override
        public byte[] signature() {
            return signature.clone();
        }

        /** The signature line without its newline: em dash, space, key name, space, base64(key ID || signature). */
        public String line() {
            byte[] blob = new byte[4 + signature.length];
            blob[0] = (byte) (keyId >>> 24);
            blob[1] = (byte) (keyId >>> 16);
            blob[2] = (byte) (keyId >>> 8);
            blob[3] = (byte) keyId;
            System.arraycopy(signature, 0, blob, 4, signature.length);
            return SIGNATURE_PREFIX + keyName + " " + Codec.base64(blob);
        }

        boolean isBy(NoteKey key) {
            return key.name().equals(keyName) && key.keyId() == keyId;
        }

        /** Equal when key name, key ID and signature bytes are equal. */
        @Override
        public boolean equals(Object other) {
            return other instanceof NoteSignature s && s.keyName.equals(keyName) && s.keyId == keyId
                    && Arrays.equals(s.signature, signature);
        }

        /** A hash code consistent with {@link #equals}. */
        @Override
        public int hashCode() {
            return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
        }

        /** The signature line, as {@link #line()}. */
        @Override
        public String toString() {
            return line();
        }
    }

    /** Signs a text (which must end in a newline) with one or more signers. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        requireValidText(text);
        if (signers.length == 0) {
            throw new IllegalArgumentException("a signed note needs at least one signature");
        }
        return new SignedNote(text, List.of()).cosign(signers);
    }

    /**
     * Adds signatures (for example a witness cosignature) to this note; an existing signature by the same key name
     * and ID is replaced.
     */
    public SignedNote cosign(NoteSigner... signers) {
        List<NoteSignature> result = new ArrayList<>();
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> added = new ArrayList<>();
        for (NoteSigner signer : signers) {
            added.add(new NoteSignature(signer.name(), signer.keyId(), signer.sign(message)));
        }
        for (NoteSignature existing : signatures) {
            if (added.stream().noneMatch(s -> s.keyName().equals(existing.keyName())
                    && s.keyId() == existing.keyId())) {
                result.add(existing);
            }
        }
        result.addAll(added);
        if (result.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("more than " + MAX_SIGNATURES + " signatures");
        }
        return new SignedNote(text, result);
    }

    /** Parses a signed note's syntax without verifying any signature; throws IllegalArgumentException if malformed. */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        Codec.utf8(note, "note");
        int control = Codec.firstControlCharacter(note);
        if (control >= 0) {
            throw new IllegalArgumentException("note contains control character U+"
                    + String.format("%04X", (int) note.charAt(control)) + " at position " + control);
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new IllegalArgumentException("note has no signature lines, or they do not end in a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new IllegalArgumentException("note has more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(parseSignatureLine(line));
        }
        return new SignedNote(text, signatures);
    }

    /** Parses UTF-8 bytes of a signed note; invalid UTF-8 is malformed. */
    public static SignedNote parse(byte[] note) {
        return parse(Codec.utf8(note, "note"));
    }

    /**
     * Parses and verifies a note against known keys, returning it only if it verifies; every failure, malformed
     * input included, is a {@link VerificationException}.
     */
    public static SignedNote open(String note, Collection<NoteKey> knownKeys) {
        SignedNote parsed;
        try {
            parsed = parse(note);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("malformed signed note: " + e.getMessage(), e);
        }
        parsed.verify(knownKeys);
        return parsed;
    }

    /**
     * Verifies the signatures against the known keys and returns the keys whose signature verified (at least one);
     * throws a {@link VerificationException} if a known key's signature is invalid or no known key signed.
     */
    public List<NoteKey> verify(Collection<NoteKey> knownKeys) {
        Objects.requireNonNull(knownKeys, "knownKeys");
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Set<NoteKey> verified = new LinkedHashSet<>();
        for (NoteSignature signature : signatures) {
            List<NoteKey> matching = knownKeys.stream().filter(signature::isBy).distinct().toList();
            if (matching.isEmpty()) {
                continue;
            }
            if (matching.size() > 1) {
                throw new VerificationException("ambiguous trusted keys: " + matching.size() + " keys named "
                        + signature.keyName() + " with key ID " + NoteKey.hexId(signature.keyId()));
            }
            NoteKey key = matching.get(0);
            if (!key.verify(message, signature.signature)) {
                throw new VerificationException("invalid signature by trusted key " + key.name() + "+"
                        + key.keyIdHex());
            }
            verified.add(key);
        }
        if (verified.isEmpty()) {
            throw new VerificationException("note has no valid signature from a trusted key (signed by: "
                    + signatures.stream().map(s -> s.keyName() + "+" + NoteKey.hexId(s.keyId())).toList() + ")");
        }
        return List.copyOf(verified);
    }

    /** The signed text, including its final newline. */
    public String text() {
        return text;
    }

    /** The signature lines in order, verified or not. */
    public List<NoteSignature> signatures() {
        return signatures;
    }

    /** The encoded note: text, blank line, signature lines. */
    public String encode() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            out.append(signature.line()).append('\n');
        }
        return out.toString();
    }

    /** The encoded note as UTF-8 bytes. */
    public byte[] encodeUtf8() {
        return encode().getBytes(StandardCharsets.UTF_8);
    }

    /** Equal when text and signatures are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SignedNote n && n.text.equals(text) && n.signatures.equals(signatures);
    }

    /** A hash code consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return text.hashCode() * 31 + signatures.hashCode();
    }

    /** The encoded note, as {@link #encode()}. */
    @Override
    public String toString() {
        return encode();
    }

    static void requireValidText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end in a newline");
        }
        Codec.utf8(text, "note text");
        int control = Codec.firstControlCharacter(text);
        if (control >= 0) {
            throw new IllegalArgumentException("note text contains control character U+"
                    + String.format("%04X", (int) text.charAt(control)) + " at position " + control);
        }
    }

    private static NoteSignature parseSignatureLine(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new IllegalArgumentException("signature line does not start with an em dash and a space: "
                    + Codec.abbreviate(line));
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("signature line has no signature: " + Codec.abbreviate(line));
        }
        String name = rest.substring(0, space);
        if (!NoteKey.isValidName(name)) {
            throw new IllegalArgumentException("signature line has an invalid key name: " + Codec.abbreviate(line));
        }
        byte[] blob = Codec.base64Decode(rest.substring(space + 1), "signature");
        if (blob.length < 5) {
            throw new IllegalArgumentException("signature is too short: " + Codec.abbreviate(line));
        }
        int keyId = (blob[0] & 0xFF) << 24 | (blob[1] & 0xFF) << 16 | (blob[2] & 0xFF) << 8 | blob[3] & 0xFF;
        return new NoteSignature(name, keyId, Arrays.copyOfRange(blob, 4, blob.length));
    }
}
