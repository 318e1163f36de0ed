package com.itadcustody.certificate.internal.signing;

import com.itextpdf.kernel.crypto.DigestAlgorithms;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.IExternalDigest;
import com.itextpdf.signatures.IExternalSignature;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.PdfPadesSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.ProviderDigest;
import com.itextpdf.signatures.SignerProperties;
import com.itextpdf.signatures.TSAClientBouncyCastle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Signs PDFs as PAdES ({@code ETSI.CAdES.detached}) with the current signing key: baseline B-B, or B-T when a
 * time-stamping authority is configured. The signature is added as an incremental update, so the signed bytes
 * (and a PDF/A document's conformance) stay as they were. Thread-safe.
 */
@Component
public class DocumentSigner {

    /** Written into the signature dictionary as the signing software. */
    static final String SIGNATURE_CREATOR = "ITAD Custody";

    private final SigningKeys keys;
    /** The key in use with its chain and signature, replaced when the key is rotated. */
    private volatile Active active;
    private final ITSAClient timestamps;
    private final IExternalDigest digests = new ProviderDigest(null);

    DocumentSigner(SigningKeys keys, CertificateSigningSettings settings) {
        JdkXmlParserFactory.install();
        this.keys = keys;
        // the JDK's providers: SHA-256 runs on the CPU's SHA instructions, Bouncy Castle's digest in plain Java;
        // EC keys sign with Bouncy Castle's curve arithmetic, five times faster than the JDK's SunEC
        this.active = new Active(keys.current(), keys.current().chain(), signatureFor(keys.current()));
        this.timestamps = settings.timestampAuthority().map(TSAClientBouncyCastle::new).orElse(null);
    }

    /**
     * Signs {@code unsignedPdf}, recording why and where in the signature dictionary.
     *
     * @throws SigningException when the PDF cannot be read or signed, or the time-stamping authority fails
     */
    public SignedPdf sign(byte[] unsignedPdf, String reason, String location) {
        Objects.requireNonNull(unsignedPdf, "unsignedPdf");
        Active use = active;
        SigningKey current = keys.current();
        if (use.key() != current) {
            use = new Active(current, current.chain(), signatureFor(current));
            active = use;
        }
        SigningKey key = use.key();
        X509Certificate[] chain = use.chain();
        IExternalSignature signature = use.signature();
        ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + 24 * 1024);
        SignerProperties properties = new SignerProperties()
                .setReason(reason)
                .setLocation(location)
                .setSignatureCreator(SIGNATURE_CREATOR);
        try {
            PdfPadesSigner signer = new PdfPadesSigner(new PdfReader(new ByteArrayInputStream(unsignedPdf)), out)
                    .setExternalDigest(digests);
            if (timestamps == null) {
                signer.signWithBaselineBProfile(properties, chain, signature);
            } else {
                signer.signWithBaselineTProfile(properties, chain, signature, timestamps);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new SigningException("could not sign the PDF: " + e.getMessage(), e);
        }
        return new SignedPdf(out.toByteArray(), key.keyId(), timestamps == null ? "B-B" : "B-T");
    }

    /** A signing key with its chain and the signature that uses it. */
    private record Active(SigningKey key, X509Certificate[] chain, IExternalSignature signature) {
    }

    private static IExternalSignature signatureFor(SigningKey key) {
        if (key.ecKeyBits() > 0) {
            try {
                return new DeterministicEcdsaSignature(key.privateKey(), digestFor(key));
            } catch (java.security.GeneralSecurityException e) {
                throw new SigningException("the EC signing key cannot be used: " + e.getMessage(), e);
            }
        }
        return new PrivateKeySignature(key.privateKey(), digestFor(key), null);
    }

    /** The digest matching the key's strength: SHA-256 for P-256 and RSA keys, longer for larger EC curves. */
    private static String digestFor(SigningKey key) {
        int bits = key.ecKeyBits();
        if (bits > 384) {
            return DigestAlgorithms.SHA512;
        }
        return bits > 256 ? DigestAlgorithms.SHA384 : DigestAlgorithms.SHA256;
    }
}
