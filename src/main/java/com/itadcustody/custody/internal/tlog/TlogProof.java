package com.itadcustody.custody.internal.tlog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP transparency log proof (https://c2sp.org/tlog-proof, version {@code c2sp.org/tlog-proof@v1}): an
 * offline-verifiable bundle of an entry's index, its inclusion proof and the signed checkpoint it leads to.
 *
 * <p>Text format, lines separated by newlines:
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64 opaque data&gt;          (optional; not authenticated)
 * index &lt;decimal leaf index, no leading zeroes&gt;
 * &lt;base64 hash&gt;                        (zero or more: the RFC 6962 inclusion proof, leaf's sibling first)
 *                                        (an empty line)
 * &lt;the signed checkpoint note, verbatim&gt;
 * </pre>
 * Files conventionally end in {@code .tlog-proof}.
 *
 * @param extra optional opaque extra data, or null when absent (an empty array is written as an empty extra line)
 * @param index the zero-based index of the entry in the log
 * @param inclusionProof the inclusion proof hashes, each 32 bytes, against the checkpoint's tree
 * @param checkpoint the signed checkpoint note
 */
public record TlogProof(byte[] extra, long index, List<byte[]> inclusionProof, SignedNote checkpoint) {

    /** The first line of every proof. */
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    /** No tree of at most 2^63−1 leaves has a deeper inclusion proof. */
    private static final int MAX_PROOF_HASHES = 63;

    /** Validates every field and copies the byte arrays. */
    public TlogProof {
        extra = extra == null ? null : extra.clone();
        if (index < 0) {
            throw new IllegalArgumentException("leaf index must not be negative: " + index);
        }
        Objects.requireNonNull(inclusionProof, "inclusionProof");
        if (inclusionProof.size() > MAX_PROOF_HASHES) {
            throw new IllegalArgumentException("inclusion proof has " + inclusionProof.size() + " hashes, at most "
                    + MAX_PROOF_HASHES + " are possible");
        }
        List<byte[]> copy = new ArrayList<>(inclusionProof.size());
        for (byte[] hash : inclusionProof) {
            if (hash == null || hash.length != Merkle.HASH_SIZE) {
                throw new IllegalArgumentException("inclusion proof hashes must be 32 bytes");
            }
            copy.add(hash.clone());
        }
        inclusionProof = List.copyOf(copy);
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** A copy of the extra data, or null when absent. */
    @Override
    public byte[] extra() {
        return extra == null ? null : extra.clone();
    }

    /** Copies of the inclusion proof hashes. */
    @Override
    public List<byte[]> inclusionProof() {
        return inclusionProof.stream().map(byte[]::clone).toList();
    }

    /** The proof in its text format. */
    public String format() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            out.append("extra ").append(Codec.base64(extra)).append('\n');
        }
        out.append("index ").append(index).append('\n');
        for (byte[] hash : inclusionProof) {
            out.append(Codec.base64(hash)).append('\n');
        }
        return out.append('\n').append(checkpoint.encode()).toString();
    }

    /** Parses the text format, including the syntax of the embedded signed note; throws IllegalArgumentException. */
    public static TlogProof parse(String text) {
        Objects.requireNonNull(text, "text");
        Line line = Line.read(text, 0);
        if (!HEADER.equals(line.text)) {
            throw new IllegalArgumentException("proof does not start with the line " + HEADER);
        }
        line = Line.read(text, line.next);
        byte[] extra = null;
        if (line.text.startsWith("extra ")) {
            extra = Codec.base64Decode(line.text.substring("extra ".length()), "proof extra data");
            line = Line.read(text, line.next);
        }
        if (!line.text.startsWith("index ")) {
            throw new IllegalArgumentException("proof has no index line: " + Codec.abbreviate(line.text));
        }
        long index = Codec.decimal(line.text.substring("index ".length()), "proof index");
        List<byte[]> hashes = new ArrayList<>();
        while (true) {
            line = Line.read(text, line.next);
            if (line.text.isEmpty()) {
                break;
            }
            if (hashes.size() == MAX_PROOF_HASHES) {
                throw new IllegalArgumentException("inclusion proof has more than " + MAX_PROOF_HASHES + " hashes");
            }
            hashes.add(Codec.base64Hash(line.text, "inclusion proof hash " + hashes.size()));
        }
        SignedNote checkpoint = SignedNote.parse(text.substring(line.next));
        return new TlogProof(extra, index, hashes, checkpoint);
    }

    /**
     * Verifies this proof for a leaf: the checkpoint is signed by a trusted key and names the expected origin, the
     * index is inside its tree, and the inclusion proof leads from the leaf hash to its root. Returns the verified
     * checkpoint; every failure is a {@link VerificationException}. Pass only the log's keys: a witness key alone
     * must not make a checkpoint trusted.
     */
    public Checkpoint verify(byte[] leafHash, Collection<NoteKey> trustedLogKeys, String origin) {
        Checkpoint verified = Checkpoint.open(checkpoint, origin, trustedLogKeys);
        if (index >= verified.size()) {
            throw new VerificationException("leaf index " + index + " is not in the checkpointed tree of size "
                    + verified.size());
        }
        Merkle.verifyInclusion(index, verified.size(), leafHash, inclusionProof, verified.rootHash());
        return verified;
    }

    /** Verifies a proof for a leaf, as {@link #verify(byte[], Collection, String)}. */
    public static Checkpoint verify(byte[] leafHash, TlogProof proof, Collection<NoteKey> trustedLogKeys,
            String origin) {
        return proof.verify(leafHash, trustedLogKeys, origin);
    }

    /** Parses and verifies a proof text for a leaf; malformed text is a {@link VerificationException} too. */
    public static Checkpoint verify(byte[] leafHash, String proofText, Collection<NoteKey> trustedLogKeys,
            String origin) {
        TlogProof proof;
        try {
            proof = parse(proofText);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("malformed tlog proof: " + e.getMessage(), e);
        }
        return proof.verify(leafHash, trustedLogKeys, origin);
    }

    /** Equal when the text formats are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TlogProof p && format().equals(p.format());
    }

    /** A hash code consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return format().hashCode();
    }

    /** The text format, as {@link #format()}. */
    @Override
    public String toString() {
        return format();
    }

    /** One line of the proof header and where the next starts. */
    private record Line(String text, int next) {

        static Line read(String text, int from) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                throw new IllegalArgumentException("proof ends before its checkpoint");
            }
            String line = text.substring(from, end);
            if (Codec.firstControlCharacter(line) >= 0) {
                throw new IllegalArgumentException("proof contains a control character");
            }
            return new Line(line, end + 1);
        }
    }
}
