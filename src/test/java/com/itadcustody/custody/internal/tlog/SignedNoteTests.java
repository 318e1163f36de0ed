package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * C2SP signed notes: byte-exact signing and verification of the golang.org/x/mod/sumdb/note vectors
 * ({@code note.go} documentation and {@code note_test.go}) and of the signed-note specification's earlier
 * example.com/foo example, the spec's verification rules, and rejection of malformed notes.
 */
class SignedNoteTests {

    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1"
            + "FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF"
            + "1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
    private static final NoteKey PETER = NoteKey.parse(NoteKeyTests.PETER_VERIFIER);
    private static final NoteKey ENOCH = NoteKey.parse(NoteKeyTests.ENOCH_VERIFIER);

    @Test
    void signsTheGoExampleByteForByte() {
        NoteSigner peter = NoteSigner.parse(NoteKeyTests.PETER_SIGNER);
        assertThat(SignedNote.sign(TEXT, peter).encode()).isEqualTo(TEXT + "\n" + PETER_SIG);
        NoteSigner enoch = NoteSigner.fromSeed("EnochRoot", new byte[32]);
        assertThat(SignedNote.sign(TEXT, peter).cosign(enoch).encode()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        assertThat(SignedNote.sign(TEXT, peter, enoch).encodeUtf8())
                .isEqualTo((TEXT + "\n" + PETER_SIG + ENOCH_SIG).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void verifiesPublishedNotesAgainstTheirKeys() {
        SignedNote note = SignedNote.open(TEXT + "\n" + PETER_SIG, List.of(PETER));
        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.signatures()).singleElement().satisfies(s -> {
            assertThat(s.keyName()).isEqualTo("PeterNeumann");
            assertThat(s.keyId()).isEqualTo(0xc74f20a3);
            assertThat(s.signature()).hasSize(64);
        });
        SignedNote example = SignedNote.open("This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRl"
                + "L1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n",
                List.of(NoteKey.parse(NoteKeyTests.EXAMPLE_VERIFIER)));
        assertThat(example.text()).isEqualTo("This is an example message.\n");
    }

    @Test
    void ignoresUnknownKeysButNeedsOneKnownValidSignature() {
        SignedNote both = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        assertThat(both.verify(List.of(PETER))).containsExactly(PETER);
        assertThat(both.verify(List.of(ENOCH))).containsExactly(ENOCH);
        assertThat(both.verify(List.of(PETER, ENOCH))).containsExactly(PETER, ENOCH);
        assertThat(both.verify(List.of(PETER, ENOCH, ENOCH))).containsExactly(PETER, ENOCH);
        assertThatThrownBy(() -> both.verify(List.of())).isInstanceOf(VerificationException.class)
                .hasMessageContaining("no valid signature from a trusted key");
        NoteKey stranger = NoteSigner.generate("PeterNeumann").verifierKey();
        assertThatThrownBy(() -> both.verify(List.of(stranger))).isInstanceOf(VerificationException.class)
                .hasMessageContaining("no valid signature");
        // Repeated signatures by a known key, and a broken signature by an unknown key, are fine.
        String enochBroken = ENOCH_SIG.substring(0, 60) + "ABCD" + ENOCH_SIG.substring(60);
        SignedNote noisy = SignedNote.parse(TEXT + "\n" + PETER_SIG + PETER_SIG + PETER_SIG + ENOCH_SIG + enochBroken);
        assertThat(noisy.verify(List.of(PETER))).containsExactly(PETER);
    }

    @Test
    void rejectsTheWholeNoteWhenAKnownKeysSignatureIsInvalid() {
        String invalid = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        assertThatThrownBy(() -> SignedNote.open(TEXT + "\n" + invalid, List.of(PETER)))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("invalid signature by trusted key PeterNeumann+c74f20a3");
        assertThatThrownBy(() -> SignedNote.open(TEXT + "\n" + ENOCH_SIG + invalid, List.of(PETER, ENOCH)))
                .isInstanceOf(VerificationException.class);
        String changedText = TEXT.replace("cryptography", "cryptographY");
        assertThatThrownBy(() -> SignedNote.open(changedText + "\n" + PETER_SIG, List.of(PETER)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("invalid signature");
        // Another name, or another key ID, makes it a signature by an unknown key.
        assertThatThrownBy(() -> SignedNote.open(TEXT + "\n" + PETER_SIG.replace("PeterNeumann", "CarmenSandiego"),
                List.of(PETER))).hasMessageContaining("no valid signature");
        assertThatThrownBy(() -> SignedNote.open(TEXT + "\n" + PETER_SIG.replace("x08g", "xxxx"), List.of(PETER)))
                .hasMessageContaining("no valid signature");
    }

    @Test
    void rejectsMalformedNotes() {
        String[] malformed = {
                TEXT,
                "\n" + TEXT,
                TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                "\u0001" + TEXT + "\n" + PETER_SIG,
                TEXT + "\r\n" + PETER_SIG,
                TEXT + "\n\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE"
                        + "6RyyBwJnAM=\n",
                TEXT + "\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6K"
                        + "E6RyyBwJnAM=\n",
                TEXT + "\n\u2014 PeterNeumann\n",
                TEXT + "\n\u2014 PeterNeumann x08g\n",
                TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngot"
                        + "pRZb6KE6RyyBwJnAM\n",
                TEXT + "\n" + PETER_SIG + "\n" + PETER_SIG.replace("\n", ""),
                TEXT + "\n" + PETER_SIG.repeat(101),
                "a\ud800\n\n" + PETER_SIG};
        for (String note : malformed) {
            assertThatThrownBy(() -> SignedNote.parse(note)).as(note).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SignedNote.open(note, List.of(PETER))).as(note)
                    .isInstanceOf(VerificationException.class).hasMessageStartingWith("malformed signed note");
        }
        byte[] invalidUtf8 = (TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        invalidUtf8[3] = (byte) 0xff;
        assertThatThrownBy(() -> SignedNote.parse(invalidUtf8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UTF-8");
        assertThat(SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(100)).signatures()).hasSize(100);
    }

    @Test
    void separatesTextFromSignaturesAtTheLastBlankLine() {
        NoteSigner signer = NoteSigner.generate("example.com/log");
        String tricky = "first\n\n\u2014 not a signature line\n\nlast\n";
        SignedNote note = SignedNote.sign(tricky, signer);
        SignedNote reparsed = SignedNote.open(note.encode(), List.of(signer.verifierKey()));
        assertThat(reparsed.text()).isEqualTo(tricky);
        assertThat(reparsed).isEqualTo(note);
        assertThat(SignedNote.parse(note.encode()).encode()).isEqualTo(note.encode());
    }

    @Test
    void refusesToSignTextThatCannotBeANote() {
        NoteSigner signer = NoteSigner.generate("example.com/log");
        assertThatThrownBy(() -> SignedNote.sign("no newline", signer)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("", signer)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("tab\there\n", signer)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("ok\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cosigningReplacesAnEarlierSignatureByTheSameKey() {
        NoteSigner log = NoteSigner.generate("example.com/log");
        NoteSigner witness = NoteSigner.generate("witness.example");
        SignedNote note = SignedNote.sign("body\n", log).cosign(witness).cosign(witness);
        assertThat(note.signatures()).extracting(SignedNote.NoteSignature::keyName)
                .containsExactly("example.com/log", "witness.example");
        assertThat(note.verify(List.of(log.verifierKey(), witness.verifierKey())))
                .containsExactly(log.verifierKey(), witness.verifierKey());
        assertThat(note.signatures().get(0).line()).startsWith("\u2014 example.com/log ");
    }
}
