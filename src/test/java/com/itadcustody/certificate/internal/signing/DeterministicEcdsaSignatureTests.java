package com.itadcustody.certificate.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PDF signatures' ECDSA: standard DER signatures any JCA verifier accepts, deterministic per RFC 6979. */
class DeterministicEcdsaSignatureTests {

    private static final byte[] MESSAGE = "signed attributes of a certificate".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({"secp256r1, SHA256, SHA256withECDSA", "secp384r1, SHA384, SHA384withECDSA",
            "secp521r1, SHA512, SHA512withECDSA"})
    void signsSoThatTheJdksVerifierAcceptsTheSignature(String curve, String digest, String jcaAlgorithm)
            throws GeneralSecurityException {
        KeyPair keys = keyPair(curve);
        DeterministicEcdsaSignature signature = new DeterministicEcdsaSignature(keys.getPrivate(), digest);

        byte[] signed = signature.sign(MESSAGE);

        Signature verifier = Signature.getInstance(jcaAlgorithm);
        verifier.initVerify(keys.getPublic());
        verifier.update(MESSAGE);
        assertThat(verifier.verify(signed)).isTrue();
        assertThat(signature.getDigestAlgorithmName()).isEqualTo(digest);
        assertThat(signature.getSignatureAlgorithmName()).isEqualTo("ECDSA");
    }

    @Test
    void theSameMessageGetsTheSameSignatureAndAnotherMessageDoesNotVerify() throws GeneralSecurityException {
        KeyPair keys = keyPair("secp256r1");
        DeterministicEcdsaSignature signature = new DeterministicEcdsaSignature(keys.getPrivate(), "SHA-256");

        byte[] first = signature.sign(MESSAGE);

        assertThat(signature.sign(MESSAGE)).isEqualTo(first);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(keys.getPublic());
        verifier.update("other attributes".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(first)).isFalse();
    }

    @Test
    void refusesAKeyThatIsNotAnEcKey() throws GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);

        assertThatThrownBy(() -> new DeterministicEcdsaSignature(rsa.generateKeyPair().getPrivate(), "SHA256"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    private static KeyPair keyPair(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }
}
