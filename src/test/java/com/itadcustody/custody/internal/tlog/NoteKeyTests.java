package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Note keys in the golang.org/x/mod/sumdb/note text forms. Vectors: the PeterNeumann and EnochRoot keys of
 * {@code sumdb/note/note_test.go} and the package documentation (EnochRoot's key is the one an all-zero seed gives),
 * the example.com/foo key of the C2SP signed-note specification's earlier example, and the Go checksum database key
 * {@code sum.golang.org} (whose base64 contains '+').
 */
class NoteKeyTests {

    static final String PETER_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_VERIFIER = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String EXAMPLE_VERIFIER = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    static final String SUMDB_VERIFIER = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    @Test
    void parsesPublishedVerifierKeysAndWritesThemBackByteForByte() {
        for (String text : new String[] {PETER_VERIFIER, ENOCH_VERIFIER, EXAMPLE_VERIFIER, SUMDB_VERIFIER}) {
            NoteKey key = NoteKey.parse(text);
            assertThat(key.verifierKey()).isEqualTo(text);
            assertThat(key.toString()).isEqualTo(text);
            assertThat(key.publicKey()).hasSize(32);
        }
        NoteKey peter = NoteKey.parse(PETER_VERIFIER);
        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
        assertThat(peter.keyIdHex()).isEqualTo("c74f20a3");
        assertThat(NoteKey.parse(SUMDB_VERIFIER).keyId()).isEqualTo(0x033de0ae);
    }

    @Test
    void computesTheKeyIdFromNameNewlineTypeAndKey() throws Exception {
        NoteKey peter = NoteKey.parse(PETER_VERIFIER);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update("PeterNeumann\n".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x01);
        byte[] digest = sha.digest(peter.publicKey());
        assertThat(java.util.HexFormat.of().formatHex(digest, 0, 4)).isEqualTo("c74f20a3");
        assertThat(NoteKey.keyId("PeterNeumann", peter.publicKey())).isEqualTo(0xc74f20a3);
    }

    @Test
    void derivesThePublishedVerifierKeysFromTheirSeeds() {
        NoteSigner peter = NoteSigner.parse(PETER_SIGNER);
        assertThat(peter.verifierKey().verifierKey()).isEqualTo(PETER_VERIFIER);
        assertThat(peter.privateKeyText()).isEqualTo(PETER_SIGNER);
        assertThat(NoteSigner.fromSeed("EnochRoot", new byte[32]).verifierKey().verifierKey())
                .isEqualTo(ENOCH_VERIFIER);
    }

    @Test
    void rejectsMalformedOrMismatchedKeys() {
        assertThatThrownBy(() -> NoteKey.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> NoteKey.parse("PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> NoteKey.parse("PeterNeumann+c74f20a3"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteKey.parse("PeterNeumann+c74f20+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 hex digits");
        assertThatThrownBy(() -> NoteKey.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
        // An ECDSA (type 0x02) key is not an Ed25519 key.
        assertThatThrownBy(() -> NoteKey.parse("rekor.sigstore.dev+c0d23d6a+AjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNhtm"
                + "PtrWm3U1eQXBogSMdGvXwBcK5AW5i0hrZLOC96l+smGNM7nwZ4QvFK/4sueRoVj//QP22Ni4Qt9DPfkWLc="))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> NoteSigner.parse(PETER_SIGNER.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> NoteSigner.parse(PETER_VERIFIER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.parse(PETER_SIGNER + "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("AYEKFALV");
    }

    @Test
    void acceptsOnlyNamesWithoutSpacesOrPlus() {
        assertThat(NoteKey.isValidName("example.com/log42")).isTrue();
        assertThat(NoteKey.isValidName("itad-custody.example/log")).isTrue();
        assertThat(NoteKey.isValidName("caf\u00e9")).isTrue();
        for (String bad : new String[] {"", "a b", "a+b", "a\tb", "a\u00a0b", "a\u2003b", "a\u3000b", "a\u2028b",
                "a\nb", "a\u0085b", "a\ud800"}) {
            assertThat(NoteKey.isValidName(bad)).as("%s", bad).isFalse();
        }
        assertThatThrownBy(() -> NoteSigner.generate("bad name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interoperatesWithJcaKeys() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        NoteSigner signer = NoteSigner.of("example.com/log", pair.getPrivate());
        NoteKey verifier = NoteKey.of("example.com/log", pair.getPublic());
        assertThat(signer.verifierKey()).isEqualTo(verifier);
        byte[] message = "hello\n".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(message, signer.sign(message))).isTrue();
        assertThat(verifier.verify(message, new byte[64])).isFalse();
        assertThat(verifier.verify(message, new byte[10])).isFalse();
        assertThat(verifier.toPublicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        // A PKCS#8 round trip, as a keystore would store the key.
        var reloaded = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(signer.toPrivateKey().getEncoded()));
        assertThat(NoteSigner.of("example.com/log", reloaded).verifierKey()).isEqualTo(verifier);
        assertThatThrownBy(() -> NoteKey.of("x", KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsTheSecretKey() {
        NoteSigner signer = NoteSigner.parse(PETER_SIGNER);
        assertThat(signer.toString()).isEqualTo("NoteSigner[PeterNeumann+c74f20a3]");
        NoteSigner generated = NoteSigner.generate("example.com/log");
        assertThat(NoteSigner.parse(generated.privateKeyText()).verifierKey()).isEqualTo(generated.verifierKey());
        assertThat(Base64.getDecoder().decode(generated.privateKeyText().split("\\+", 5)[4])).hasSize(33);
    }
}
