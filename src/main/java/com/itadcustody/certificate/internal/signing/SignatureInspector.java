package com.itadcustody.certificate.internal.signing;

import com.itextpdf.kernel.exceptions.BadPasswordException;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.PdfSignature;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks the signatures of any PDF (ours or not, intact or damaged) and reports in plain terms whether it is
 * signed by one of our keys, unchanged since, and when it was signed. Never throws; thread-safe.
 */
@Component
public class SignatureInspector {

    private static final Logger log = LoggerFactory.getLogger(SignatureInspector.class);
    private static final PdfName ETSI_CADES_DETACHED = new PdfName("ETSI.CAdES.detached");
    private static final PdfName ETSI_RFC3161 = new PdfName("ETSI.RFC3161");

    private final SigningKeys keys;

    SignatureInspector(SigningKeys keys) {
        this.keys = keys;
    }

    /** Reports on the signatures of {@code pdf}; any input, even garbage, gets a report rather than an exception. */
    public SignatureReport inspect(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            return SignatureReport.unreadable("The file is empty.");
        }
        try {
            return inspectReadable(pdf);
        } catch (BadPasswordException e) {
            return SignatureReport.unreadable("The PDF is encrypted with a password; its signatures cannot be checked.");
        } catch (Exception | StackOverflowError e) {
            log.debug("Unreadable PDF given for signature inspection", e);
            return SignatureReport.unreadable("The file is not a readable PDF (" + describe(e) + ").");
        }
    }

    private SignatureReport inspectReadable(byte[] pdf) throws IOException {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            List<String> problems = new ArrayList<>();
            if (document.getReader().isEncrypted()) {
                problems.add("The PDF is encrypted; certificates are never encrypted.");
            }
            SignatureUtil signatures = new SignatureUtil(document);
            List<String> names = signatures.getSignatureNames();
            if (names.isEmpty()) {
                problems.add("The PDF has no signature.");
                return new SignatureReport(false, 0, false, false, null, null, false, false, null, false, false,
                        null, problems);
            }
            if (names.size() > 1) {
                problems.add("The PDF has " + names.size() + " signatures; a certificate carries exactly one.");
            }
            boolean integrityValid = true;
            for (String name : names.subList(0, names.size() - 1)) {
                if (!integrity(signatures, name)) {
                    integrityValid = false;
                    problems.add("An earlier signature (" + name + ") does not match the bytes it signed.");
                }
            }
            String newest = names.get(names.size() - 1);
            PdfSignature signature = signatures.getSignature(newest);
            PdfPKCS7 pkcs7;
            try {
                pkcs7 = signatures.readSignatureData(newest);
            } catch (RuntimeException e) {
                problems.add("The signature cannot be read (" + describe(e) + ").");
                return new SignatureReport(true, names.size(), false, false, null, null, false, false, null, false,
                        false, level(signature, false, document), problems);
            }
            if (!integrity(signatures, newest)) {
                integrityValid = false;
                problems.add("The signature does not match the document: its signed content was changed.");
            }
            boolean covers = coversWholeDocument(signatures, newest, signature, pdf);
            if (!covers) {
                problems.add("The document was changed after it was signed: something was added after the signature.");
            }

            X509Certificate signer = pkcs7.getSigningCertificate();
            String subject = signer == null ? null : signer.getSubjectX500Principal().getName();
            String keyId = signer == null ? null : keys.registeredKeyId(signer).orElse(null);

            Timestamp timestamp = timestamp(signature);
            Instant signedAt = timestamp.present() ? timestamp.genTime() : claimedSigningTime(pkcs7);
            if (timestamp.present() && !timestamp.valid()) {
                problems.add("The signature's timestamp does not verify (" + timestamp.problem() + ").");
            }
            if (signedAt == null) {
                problems.add("The signature has no signing time.");
            }

            boolean validAtSigning = false;
            if (signer == null) {
                problems.add("The signature carries no signing certificate.");
            } else if (signedAt != null) {
                validAtSigning = validAt(signer, signedAt);
                if (!validAtSigning) {
                    problems.add("The signing certificate was not valid when the document was signed ("
                            + signer.getNotBefore().toInstant() + " to " + signer.getNotAfter().toInstant() + ").");
                }
            }
            String chainProblem = signer == null ? "no signing certificate" : chainProblem(signer, pkcs7, signedAt);
            boolean chainTrusted = chainProblem == null;
            if (signer != null && !chainTrusted) {
                problems.add("The signing certificate is not issued by our certificate authority (" + chainProblem
                        + ").");
            }
            if (signer != null && keyId == null) {
                problems.add("The signer (" + subject + ") is not one of our registered signing keys.");
            }
            return new SignatureReport(true, names.size(), integrityValid, covers, subject, keyId, chainTrusted,
                    validAtSigning, signedAt, timestamp.present(), timestamp.valid(),
                    level(signature, timestamp.present(), document), problems);
        }
    }

    private static boolean integrity(SignatureUtil signatures, String name) {
        try {
            return signatures.readSignatureData(name).verifySignatureIntegrityAndAuthenticity();
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * iText's coverage check plus our own: the ByteRange starts at 0, leaves out exactly one hex string (the
     * signature contents) and ends at the end of the file.
     */
    private static boolean coversWholeDocument(SignatureUtil signatures, String name, PdfSignature signature,
            byte[] pdf) {
        boolean itext;
        try {
            itext = signatures.signatureCoversWholeDocument(name);
        } catch (RuntimeException e) {
            itext = false;
        }
        PdfArray range = signature.getByteRange();
        if (!itext || range == null || range.size() != 4) {
            return false;
        }
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            if (!(range.get(i) instanceof PdfNumber number)) {
                return false;
            }
            r[i] = number.longValue();
        }
        if (r[0] != 0 || r[1] <= 0 || r[2] <= r[1] + 1 || r[3] <= 0 || r[2] + r[3] != pdf.length) {
            return false;
        }
        int gapStart = (int) r[1];
        int gapEnd = (int) r[2];
        if (pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>') {
            return false;
        }
        for (int i = gapStart + 1; i < gapEnd - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Instant claimedSigningTime(PdfPKCS7 pkcs7) {
        try {
            return pkcs7.getSignDate() == null ? null : pkcs7.getSignDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Null when {@code signer} chains to one of our trust anchors at the signing time, otherwise why not. */
    private String chainProblem(X509Certificate signer, PdfPKCS7 pkcs7, Instant signedAt) {
        try {
            List<List<X509Certificate>> registered = keys.registeredChains();
            if (registered.isEmpty()) {
                return "no signing keys registered";
            }
            Set<TrustAnchor> trust = new HashSet<>();
            List<Certificate> intermediates = new ArrayList<>(Arrays.asList(pkcs7.getCertificates()));
            for (List<X509Certificate> chain : registered) {
                trust.add(new TrustAnchor(chain.get(chain.size() - 1), null));
                intermediates.addAll(chain);
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust, target);
            parameters.setRevocationEnabled(false);
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(intermediates)));
            if (signedAt != null) {
                parameters.setDate(Date.from(signedAt));
            }
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return null;
        } catch (GeneralSecurityException e) {
            return describe(e);
        } catch (RuntimeException e) {
            log.debug("Could not check the signer's certificate chain", e);
            return describe(e);
        }
    }

    /** The RFC 3161 timestamp in the signature's unsigned attributes, checked with Bouncy Castle. */
    private static Timestamp timestamp(PdfSignature signature) {
        TimeStampToken token;
        SignerInformation signer;
        try {
            PdfString contents = signature.getContents();
            if (contents == null) {
                return Timestamp.NONE;
            }
            CMSSignedData cms = new CMSSignedData(contents.getValueBytes());
            signer = cms.getSignerInfos().getSigners().iterator().next();
            AttributeTable unsigned = signer.getUnsignedAttributes();
            Attribute attribute = unsigned == null ? null
                    : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            if (attribute == null) {
                return Timestamp.NONE;
            }
            token = new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
        } catch (Exception e) {
            return Timestamp.NONE;
        }
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        try {
            AlgorithmIdentifier algorithm = token.getTimeStampInfo().getHashAlgorithm();
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build().get(algorithm);
            try (OutputStream out = digest.getOutputStream()) {
                out.write(signer.getSignature());
            }
            if (!MessageDigest.isEqual(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest())) {
                return new Timestamp(true, false, genTime, "its imprint does not match the signature");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certificates = token.getCertificates().getMatches(token.getSID());
            if (certificates.isEmpty()) {
                return new Timestamp(true, false, genTime, "the authority's certificate is missing");
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificates.iterator().next()));
            return new Timestamp(true, true, genTime, null);
        } catch (Exception e) {
            return new Timestamp(true, false, genTime, describe(e));
        }
    }

    private record Timestamp(boolean present, boolean valid, Instant genTime, String problem) {
        static final Timestamp NONE = new Timestamp(false, false, null, null);
    }

    private static String level(PdfSignature signature, boolean timestamped, PdfDocument document) {
        PdfName subFilter = signature == null ? null : signature.getSubFilter();
        if (ETSI_CADES_DETACHED.equals(subFilter)) {
            if (!timestamped) {
                return "B-B";
            }
            return document.getCatalog().getPdfObject().containsKey(PdfName.DSS) ? "B-LT" : "B-T";
        }
        if (ETSI_RFC3161.equals(subFilter)) {
            return "document timestamp";
        }
        return subFilter == null ? "unknown" : subFilter.getValue();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
