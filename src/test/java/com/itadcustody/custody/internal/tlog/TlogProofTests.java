package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * C2SP tlog-proof@v1 bundles: the layout of the specification's example, round trips, end-to-end verification of
 * every entry of a signed log, and rejection of each kind of tampering.
 */
class TlogProofTests {

    private static final String ORIGIN = "custody.example/log";
    private static final NoteSigner LOG_KEY = NoteSigner.generate(ORIGIN);
    private static final List<NoteKey> TRUSTED = List.of(LOG_KEY.verifierKey());

    private static InMemoryTree tree(int size) {
        InMemoryTree tree = new InMemoryTree();
        for (int i = 0; i < size; i++) {
            tree.appendEntry(("{\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }

    private static TlogProof proofFor(InMemoryTree tree, long index, long size, byte[] extra) {
        SignedNote checkpoint = new Checkpoint(ORIGIN, size, tree.root(size)).sign(LOG_KEY);
        return new TlogProof(extra, index, tree.inclusionProof(index, size), checkpoint);
    }

    @Test
    void laysOutTheHeaderLinesAsTheSpecificationExample() {
        // c2sp.org/tlog-proof example: header, extra, index, five proof hashes, blank line, checkpoint note.
        String[] hashes = {"gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=", "B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=",
                "EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=", "RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=",
                "AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk="};
        List<byte[]> proof = new ArrayList<>();
        for (String h : hashes) {
            proof.add(Base64.getDecoder().decode(h));
        }
        NoteSigner fancy = NoteSigner.generate("example.com/fancylog");
        SignedNote checkpoint = Checkpoint.parse("example.com/fancylog\n109482\n"
                + "sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n").sign(fancy);
        byte[] extra = Base64.getDecoder().decode("YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ");
        String text = new TlogProof(extra, 73894, proof, checkpoint).format();
        assertThat(text).isEqualTo("c2sp.org/tlog-proof@v1\n"
                + "extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ\n"
                + "index 73894\n" + String.join("\n", hashes) + "\n\n" + checkpoint.encode());
        TlogProof parsed = TlogProof.parse(text);
        assertThat(parsed.index()).isEqualTo(73894);
        assertThat(parsed.extra()).isEqualTo(extra);
        assertThat(parsed.inclusionProof()).usingElementComparator(java.util.Arrays::compare)
                .containsExactlyElementsOf(proof);
        assertThat(parsed.checkpoint()).isEqualTo(checkpoint);
        assertThat(parsed.format()).isEqualTo(text);
    }

    @Test
    void verifiesEveryEntryOfASignedLog() {
        InMemoryTree tree = tree(37);
        for (long size : new long[] {1, 2, 7, 8, 37}) {
            for (long index = 0; index < size; index++) {
                String text = proofFor(tree, index, size, null).format();
                Checkpoint verified = TlogProof.verify(tree.leafHash(index), text, TRUSTED, ORIGIN);
                assertThat(verified.size()).isEqualTo(size);
                assertThat(verified.rootHash()).isEqualTo(tree.root(size));
            }
        }
    }

    @Test
    void roundTripsWithAndWithoutExtraData() {
        InMemoryTree tree = tree(5);
        for (byte[] extra : new byte[][] {null, new byte[0], "context".getBytes(StandardCharsets.UTF_8)}) {
            TlogProof proof = proofFor(tree, 4, 5, extra);
            TlogProof parsed = TlogProof.parse(proof.format());
            assertThat(parsed).isEqualTo(proof);
            assertThat(parsed.extra()).isEqualTo(extra);
            assertThat(parsed.verify(tree.leafHash(4), TRUSTED, ORIGIN).size()).isEqualTo(5);
        }
        assertThat(proofFor(tree, 0, 5, null).format()).startsWith("c2sp.org/tlog-proof@v1\nindex 0\n");
        assertThat(proofFor(tree, 0, 1, null).format()).startsWith("c2sp.org/tlog-proof@v1\nindex 0\n\n" + ORIGIN);
    }

    @Test
    void rejectsEveryKindOfTampering() {
        InMemoryTree tree = tree(12);
        TlogProof good = proofFor(tree, 5, 12, null);
        byte[] leaf = tree.leafHash(5);
        assertThat(TlogProof.verify(leaf, good, TRUSTED, ORIGIN).size()).isEqualTo(12);

        assertThatThrownBy(() -> good.verify(tree.leafHash(6), TRUSTED, ORIGIN))
                .isInstanceOf(VerificationException.class).hasMessageContaining("leads to root");
        TlogProof wrongIndex = new TlogProof(null, 4, good.inclusionProof(), good.checkpoint());
        assertThatThrownBy(() -> wrongIndex.verify(leaf, TRUSTED, ORIGIN)).isInstanceOf(VerificationException.class);
        TlogProof outside = new TlogProof(null, 12, good.inclusionProof(), good.checkpoint());
        assertThatThrownBy(() -> outside.verify(leaf, TRUSTED, ORIGIN)).isInstanceOf(VerificationException.class)
                .hasMessageContaining("not in the checkpointed tree");
        List<byte[]> flipped = good.inclusionProof();
        flipped.get(1)[7] ^= 1;
        TlogProof badHash = new TlogProof(null, 5, flipped, good.checkpoint());
        assertThatThrownBy(() -> badHash.verify(leaf, TRUSTED, ORIGIN)).isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> good.verify(leaf, List.of(NoteSigner.generate(ORIGIN).verifierKey()), ORIGIN))
                .isInstanceOf(VerificationException.class).hasMessageContaining("no valid signature");
        assertThatThrownBy(() -> good.verify(leaf, TRUSTED, "custody.example/other"))
                .isInstanceOf(VerificationException.class).hasMessageContaining("origin");
        // A checkpoint for a bigger tree whose signature was not redone.
        String forged = good.format().replace("\n12\n", "\n13\n");
        assertThatThrownBy(() -> TlogProof.verify(leaf, forged, TRUSTED, ORIGIN))
                .isInstanceOf(VerificationException.class).hasMessageContaining("invalid signature");
        // A correctly signed checkpoint of another tree size does not match the proof.
        TlogProof otherSize = new TlogProof(null, 5, good.inclusionProof(),
                new Checkpoint(ORIGIN, 11, tree.root(11)).sign(LOG_KEY));
        assertThatThrownBy(() -> otherSize.verify(leaf, TRUSTED, ORIGIN)).isInstanceOf(VerificationException.class);
    }

    @Test
    void rejectsMalformedProofText() {
        InMemoryTree tree = tree(3);
        String good = proofFor(tree, 2, 3, null).format();
        String hashLine = good.split("\n")[2];
        String[] malformed = {
                good.replace("c2sp.org/tlog-proof@v1", "c2sp.org/tlog-proof@v2"),
                good.replace("index 2", "index 02"),
                good.replace("index 2", "index -2"),
                good.replace("index 2", "index two"),
                good.replace("index 2", "idx 2"),
                good.replace("index 2\n", "extra !!\nindex 2\n"),
                good.replace(hashLine, hashLine.substring(1)),
                good.replace(hashLine, hashLine + hashLine.substring(0, 8)),
                good.replace(hashLine + "\n\n", hashLine + "\n"),
                good.replace("index 2\n", "index 2\r\n"),
                good.substring(0, good.indexOf("\n\n") + 2),
                "c2sp.org/tlog-proof@v1\nindex 2\n",
                "c2sp.org/tlog-proof@v1"};
        for (String text : malformed) {
            assertThatThrownBy(() -> TlogProof.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TlogProof.verify(tree.leafHash(2), text, TRUSTED, ORIGIN)).as(text)
                    .isInstanceOf(VerificationException.class);
        }
        List<byte[]> tooLong = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tooLong.add(new byte[32]);
        }
        SignedNote checkpoint = new Checkpoint(ORIGIN, 3, tree.root()).sign(LOG_KEY);
        assertThatThrownBy(() -> new TlogProof(null, 0, tooLong, checkpoint))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TlogProof(null, 0, List.of(new byte[31]), checkpoint))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
