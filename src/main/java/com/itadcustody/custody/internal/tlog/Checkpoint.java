package com.itadcustody.custody.internal.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP transparency log checkpoint (https://c2sp.org/tlog-checkpoint): the body of a signed note stating a log's
 * tree head.
 *
 * <p>Body: the origin line (the log's unique name), the tree size in ASCII decimal without leading zeroes, the
 * base64 RFC 6962 root hash, then optional non-empty extension lines; every line ends in a newline. For example:
 * <pre>
 * example.com/behind-the-sofa
 * 20852163
 * CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 * </pre>
 *
 * @param origin the log's origin line: non-empty, no control characters
 * @param size the number of leaves in the tree
 * @param rootHash the 32-byte RFC 6962 tree head at that size
 * @param extensions optional extension lines (not recommended by the spec; each non-empty)
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    /** Validates every field and copies the hash and extension list. */
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || !Codec.isPlainLine(origin)) {
            throw new IllegalArgumentException("checkpoint origin must be a non-empty line without control characters");
        }
        Codec.utf8(origin, "checkpoint origin");
        if (size < 0) {
            throw new IllegalArgumentException("checkpoint tree size must not be negative: " + size);
        }
        Objects.requireNonNull(rootHash, "rootHash");
        if (rootHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("checkpoint root hash must be 32 bytes, got " + rootHash.length);
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions == null ? List.of() : extensions);
        for (String line : extensions) {
            if (line.isEmpty() || !Codec.isPlainLine(line)) {
                throw new IllegalArgumentException("checkpoint extension lines must be non-empty lines without"
                        + " control characters");
            }
            Codec.utf8(line, "checkpoint extension line");
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** A copy of the 32-byte root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: origin, size, base64 root and extension lines, each ending in a newline. */
    public String body() {
        StringBuilder out = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Codec.base64(rootHash)).append('\n');
        for (String line : extensions) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Parses and validates a checkpoint body (the note text); throws IllegalArgumentException if malformed. */
    public static Checkpoint parse(String body) {
        Objects.requireNonNull(body, "body");
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("checkpoint body must end in a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("checkpoint body needs origin, size and root hash lines, has "
                    + lines.length + " lines");
        }
        long size = Codec.decimal(lines[1], "checkpoint tree size");
        byte[] root = Codec.base64Hash(lines[2], "checkpoint root hash");
        return new Checkpoint(lines[0], size, root, new ArrayList<>(Arrays.asList(lines).subList(3, lines.length)));
    }

    /** Signs this checkpoint's body as a signed note (the log's key name should equal the origin). */
    public SignedNote sign(NoteSigner... signers) {
        return SignedNote.sign(body(), signers);
    }

    /**
     * Verifies a signed checkpoint note against trusted keys and the expected origin, and returns the checkpoint;
     * every failure, malformed input included, is a {@link VerificationException}.
     */
    public static Checkpoint open(String signedNote, String expectedOrigin, Collection<NoteKey> trustedKeys) {
        return open(SignedNote.open(signedNote, trustedKeys), expectedOrigin, trustedKeys);
    }

    /**
     * Verifies an already parsed signed checkpoint note against trusted keys and the expected origin, and returns the
     * checkpoint; every failure is a {@link VerificationException}.
     */
    public static Checkpoint open(SignedNote note, String expectedOrigin, Collection<NoteKey> trustedKeys) {
        Objects.requireNonNull(expectedOrigin, "expectedOrigin");
        note.verify(trustedKeys);
        Checkpoint checkpoint;
        try {
            checkpoint = parse(note.text());
        } catch (IllegalArgumentException e) {
            throw new VerificationException("malformed checkpoint: " + e.getMessage(), e);
        }
        if (!checkpoint.origin.equals(expectedOrigin)) {
            throw new VerificationException("checkpoint is for origin " + Codec.abbreviate(checkpoint.origin)
                    + ", not the expected " + Codec.abbreviate(expectedOrigin));
        }
        return checkpoint;
    }

    /** Equal when origin, size, root hash and extension lines are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && c.origin.equals(origin) && c.size == size
                && Arrays.equals(c.rootHash, rootHash) && c.extensions.equals(extensions);
    }

    /** A hash code consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    /** The body, as {@link #body()}. */
    @Override
    public String toString() {
        return body();
    }
}
