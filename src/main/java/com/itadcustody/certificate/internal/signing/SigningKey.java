package com.itadcustody.certificate.internal.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;

/**
 * A signing key with its certificate chain (signing certificate first, root CA last).
 *
 * @param keyId the lower-case hex SHA-256 of the signing certificate (DER), as registered
 * @param privateKey the private key
 * @param chain the certificate chain
 */
public record SigningKey(String keyId, PrivateKey privateKey, X509Certificate[] chain) {

    /** Copies the chain. */
    public SigningKey {
        chain = chain.clone();
    }

    /** A copy of the certificate chain, signing certificate first. */
    @Override
    public X509Certificate[] chain() {
        return chain.clone();
    }

    /** The signing certificate. */
    public X509Certificate certificate() {
        return chain[0];
    }

    /** The size in bits of an EC key, or 0 for other keys. */
    int ecKeyBits() {
        return privateKey instanceof ECKey ec ? ec.getParams().getOrder().bitLength() : 0;
    }

    /** Names the key without its material. */
    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", subject=" + chain[0].getSubjectX500Principal().getName() + "]";
    }
}
