package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C2SP tlog-checkpoint bodies: the specification's example, strict parsing, and signing and opening. */
class CheckpointTests {

    private static final String SPEC_BODY = "example.com/behind-the-sofa\n20852163\n"
            + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    @Test
    void parsesAndFormatsTheSpecificationExample() {
        Checkpoint checkpoint = Checkpoint.parse(SPEC_BODY);
        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(checkpoint.rootHash())
                .isEqualTo(Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.body()).isEqualTo(SPEC_BODY);
    }

    @Test
    void keepsExtensionLinesAndTheEmptyTree() {
        Checkpoint withExtensions = Checkpoint.parse(SPEC_BODY + "ext one\n\u2014 two\n");
        assertThat(withExtensions.extensions()).containsExactly("ext one", "\u2014 two");
        assertThat(withExtensions.body()).isEqualTo(SPEC_BODY + "ext one\n\u2014 two\n");
        Checkpoint empty = new Checkpoint("example.com/log", 0, Merkle.emptyRoot());
        assertThat(empty.body()).isEqualTo("example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertThat(Checkpoint.parse(empty.body())).isEqualTo(empty);
    }

    @Test
    void rejectsMalformedBodies() {
        String root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        String[] malformed = {
                "example.com/log\n1\n" + root,
                "example.com/log\n1\n",
                "\n1\n" + root + "\n",
                "example.com/log\n01\n" + root + "\n",
                "example.com/log\n-1\n" + root + "\n",
                "example.com/log\n+1\n" + root + "\n",
                "example.com/log\n1 \n" + root + "\n",
                "example.com/log\n99999999999999999999\n" + root + "\n",
                "example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",
                "example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n",
                "example.com/log\n1\nAAAA\n",
                "example.com/log\n1\n" + root + "\n\n",
                "example.com/log\n1\n" + root + "\next\n\nmore\n",
                "example.com\tlog\n1\n" + root + "\n"};
        for (String body : malformed) {
            assertThatThrownBy(() -> Checkpoint.parse(body)).as(body).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Checkpoint("example.com/log", 1, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("a", -1, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("a", 1, new byte[32], List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opensOnlyCheckpointsSignedByATrustedKeyForTheExpectedOrigin() {
        NoteSigner log = NoteSigner.generate("custody.example/log");
        NoteSigner other = NoteSigner.generate("custody.example/log");
        Checkpoint checkpoint = new Checkpoint("custody.example/log", 42, Merkle.leafHash(new byte[] {1}));
        String signed = checkpoint.sign(log).encode();
        assertThat(signed).startsWith(checkpoint.body() + "\n\u2014 custody.example/log ");
        assertThat(Checkpoint.open(signed, "custody.example/log", List.of(log.verifierKey()))).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.open(signed, "custody.example/other", List.of(log.verifierKey())))
                .isInstanceOf(VerificationException.class).hasMessageContaining("not the expected");
        assertThatThrownBy(() -> Checkpoint.open(signed, "custody.example/log", List.of(other.verifierKey())))
                .isInstanceOf(VerificationException.class).hasMessageContaining("no valid signature");
        String forged = signed.replace("\n42\n", "\n43\n");
        assertThatThrownBy(() -> Checkpoint.open(forged, "custody.example/log", List.of(log.verifierKey())))
                .isInstanceOf(VerificationException.class).hasMessageContaining("invalid signature");
        String notACheckpoint = SignedNote.sign("just text\n", log).encode();
        assertThatThrownBy(() -> Checkpoint.open(notACheckpoint, "custody.example/log", List.of(log.verifierKey())))
                .isInstanceOf(VerificationException.class).hasMessageStartingWith("malformed checkpoint");
    }

    @Test
    void staysVerifiableAfterKeyRotation() {
        NoteSigner oldKey = NoteSigner.generate("custody.example/log");
        NoteSigner newKey = NoteSigner.generate("custody.example/log");
        Checkpoint before = new Checkpoint("custody.example/log", 1, Merkle.leafHash(new byte[0]));
        Checkpoint after = new Checkpoint("custody.example/log", 2, Merkle.emptyRoot());
        List<NoteKey> trusted = List.of(oldKey.verifierKey(), newKey.verifierKey());
        assertThat(Checkpoint.open(before.sign(oldKey).encode(), "custody.example/log", trusted)).isEqualTo(before);
        assertThat(Checkpoint.open(after.sign(newKey).encode(), "custody.example/log", trusted)).isEqualTo(after);
    }
}
