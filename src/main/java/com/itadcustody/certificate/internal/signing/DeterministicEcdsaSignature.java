package com.itadcustody.certificate.internal.signing;

import com.itextpdf.kernel.crypto.DigestAlgorithms;
import com.itextpdf.signatures.IExternalSignature;
import com.itextpdf.signatures.ISignatureMechanismParams;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * ECDSA for the PDF signatures, computed with Bouncy Castle's curve arithmetic (fixed-point tables for the base
 * point) and deterministic nonces after RFC 6979: about a fifth of the JDK's SunEC time per P-256 signature, and no
 * dependence on the quality of a random source at signing time. The message digest still comes from the JDK (the
 * CPU's SHA instructions). The signature is DER-encoded, as CMS and PAdES verifiers expect. Thread-safe.
 */
final class DeterministicEcdsaSignature implements IExternalSignature {

    private final ECPrivateKeyParameters key;
    private final String digestAlgorithm;
    private final String jdkDigestName;

    /**
     * A signer with this EC private key and digest ({@link DigestAlgorithms#SHA256}, {@code SHA384} or
     * {@code SHA512}).
     *
     * @throws GeneralSecurityException if the key is not an EC private key
     */
    DeterministicEcdsaSignature(PrivateKey privateKey, String digestAlgorithm) throws GeneralSecurityException {
        this.key = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(privateKey);
        this.digestAlgorithm = DigestAlgorithms.getDigest(DigestAlgorithms.getAllowedDigest(digestAlgorithm));
        this.jdkDigestName = switch (this.digestAlgorithm) {
            case "SHA256" -> "SHA-256";
            case "SHA384" -> "SHA-384";
            case "SHA512" -> "SHA-512";
            default -> throw new GeneralSecurityException("unsupported digest for ECDSA: " + digestAlgorithm);
        };
    }

    @Override
    public String getDigestAlgorithmName() {
        return digestAlgorithm;
    }

    @Override
    public String getSignatureAlgorithmName() {
        return "ECDSA";
    }

    @Override
    public ISignatureMechanismParams getSignatureMechanismParameters() {
        return null;
    }

    @Override
    public byte[] sign(byte[] message) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance(jdkDigestName).digest(message);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(switch (digestAlgorithm) {
            case "SHA384" -> new SHA384Digest();
            case "SHA512" -> new SHA512Digest();
            default -> new SHA256Digest();
        }));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(hash);
        try {
            return StandardDSAEncoding.INSTANCE.encode(key.getParameters().getN(), rs[0], rs[1]);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("could not encode the ECDSA signature", e);
        }
    }
}
