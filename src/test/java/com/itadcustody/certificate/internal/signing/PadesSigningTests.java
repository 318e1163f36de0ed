package com.itadcustody.certificate.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.support.PdfCommands;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestTimestampAuthority;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** PAdES signing of PDF/A-3b documents, checked by poppler's pdfsig, qpdf and our inspector. */
class PadesSigningTests extends IntegrationTest {

    @Autowired
    DocumentSigner signer;

    @Autowired
    SignatureInspector inspector;

    @Autowired
    SigningKeys keys;

    @TempDir
    Path work;

    @Test
    void signsAPdfA3bCertificateThatPdfsigTrustsAndQpdfFindsWellFormed() {
        SignedPdf signed = signer.sign(TestPdfs.pdfA3b(), "Certificate of Sanitization COS-TEST-000001", "Berlin");

        PdfCommands.Run pdfsig = PdfCommands.pdfsig(work, signed.pdf(), ourCa());
        PdfCommands.Run qpdf = PdfCommands.qpdfCheck(work, signed.pdf());

        assertThat(signed.level()).isEqualTo("B-B");
        assertThat(signed.keyId()).isEqualTo(keys.current().keyId());
        assertThat(pdfsig.output())
                .contains("Signature is Valid", "Certificate is Trusted", "Total document signed",
                        "Signature Type: ETSI.CAdES.detached");
        assertThat(TestPdfs.signatureDictionary(signed.pdf()))
                .containsEntry("Reason", "Certificate of Sanitization COS-TEST-000001")
                .containsEntry("Location", "Berlin")
                .containsEntry("SubFilter", "ETSI.CAdES.detached");
        assertThat(qpdf.exitCode()).as(qpdf.output()).isZero();
        assertThat(qpdf.output()).contains("No syntax or stream encoding errors found").doesNotContainIgnoringCase("error:");
    }

    @Test
    void signsAsAnIncrementalUpdateThatKeepsThePdfAIdentification() {
        byte[] unsigned = TestPdfs.pdfA3b();

        byte[] signed = signer.sign(unsigned, "test", "test").pdf();

        assertThat(Arrays.copyOf(signed, unsigned.length)).isEqualTo(unsigned);
        TestPdfs.Identification identification = TestPdfs.identification(signed);
        assertThat(identification.pdfaPart()).isEqualTo("3");
        assertThat(identification.pdfaConformance()).isEqualTo("B");
        assertThat(identification.xmpModifyDate()).as("XMP and Info modification dates agree, as PDF/A requires")
                .isEqualTo(identification.infoModDate());
    }

    @Test
    void aGenuineCertificateInspectsWithoutProblems() {
        Instant before = Instant.now().minusSeconds(1);
        SignedPdf signed = signer.sign(TestPdfs.pdfA3b(), "test", "test");

        SignatureReport report = inspector.inspect(signed.pdf());

        assertThat(report.problems()).isEmpty();
        assertThat(report.verified()).isTrue();
        assertThat(report.signed()).isTrue();
        assertThat(report.signatureCount()).isEqualTo(1);
        assertThat(report.integrityValid()).isTrue();
        assertThat(report.coversWholeDocument()).isTrue();
        assertThat(report.signerKeyId()).isEqualTo(signed.keyId());
        assertThat(report.signerSubject()).contains("Document Signing");
        assertThat(report.chainTrusted()).isTrue();
        assertThat(report.certificateValidAtSigning()).isTrue();
        assertThat(report.signedAt()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(report.timestamped()).isFalse();
        assertThat(report.level()).isEqualTo("B-B");
    }

    @Test
    void aPlainPdfCanBeSignedToo() {
        SignatureReport report = inspector.inspect(signer.sign(TestPdfs.plain(), "test", "test").pdf());

        assertThat(report.problems()).isEmpty();
    }

    @Test
    void aByteChangedInsideTheSignedRangeBreaksTheSignature() {
        byte[] signed = signer.sign(TestPdfs.pdfA3b(), "test", "test").pdf();
        int title = TestPdfs.indexOf(signed, TestPdfs.TITLE);
        assertThat(title).isPositive();
        signed[title] = 'X';

        SignatureReport report = inspector.inspect(signed);

        assertThat(report.integrityValid()).isFalse();
        assertThat(report.verified()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("signed content was changed"));
        assertThat(PdfCommands.pdfsig(work, signed, ourCa()).output()).contains("Digest Mismatch");
    }

    @Test
    void textAddedAfterSigningMeansTheSignatureNoLongerCoversTheDocument() {
        byte[] signed = signer.sign(TestPdfs.pdfA3b(), "test", "test").pdf();
        byte[] amended = TestPdfs.withTextAppended(signed);

        SignatureReport report = inspector.inspect(amended);

        assertThat(report.integrityValid()).isTrue();
        assertThat(report.coversWholeDocument()).isFalse();
        assertThat(report.verified()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("changed after it was signed"));
        assertThat(PdfCommands.pdfsig(work, amended, ourCa()).output()).contains("Not total document signed");
    }

    @Test
    void bytesAppendedAfterTheEndOfFileMarkerAlsoCountAsAChangeAfterSigning() {
        byte[] signed = signer.sign(TestPdfs.pdfA3b(), "test", "test").pdf();
        byte[] trailing = "\n1 0 obj (hidden) endobj\n".getBytes(StandardCharsets.US_ASCII);
        byte[] amended = Arrays.copyOf(signed, signed.length + trailing.length);
        System.arraycopy(trailing, 0, amended, signed.length, trailing.length);

        SignatureReport report = inspector.inspect(amended);

        assertThat(report.integrityValid()).isTrue();
        assertThat(report.coversWholeDocument()).isFalse();
        assertThat(report.verified()).isFalse();
    }

    @Test
    void aSignatureByAKeyThatIsNotOursIsNeitherTrustedNorRegistered() {
        SigningKeys.Generated stranger = TestKeystores.generate("Somebody Else Ltd", Instant.now());
        byte[] forged = TestPdfs.signedWith(TestPdfs.pdfA3b(), stranger.signingKey(), stranger.chain());

        SignatureReport report = inspector.inspect(forged);

        assertThat(report.integrityValid()).isTrue();
        assertThat(report.coversWholeDocument()).isTrue();
        assertThat(report.signerSubject()).contains("Somebody Else Ltd");
        assertThat(report.signerKeyId()).isNull();
        assertThat(report.chainTrusted()).isFalse();
        assertThat(report.verified()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("not issued by our certificate authority"))
                .anySatisfy(p -> assertThat(p).contains("not one of our registered signing keys"));
    }

    @Test
    void unsignedDamagedAndNonPdfInputsGetAReportInsteadOfAnException() {
        byte[] signed = signer.sign(TestPdfs.pdfA3b(), "test", "test").pdf();
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);

        SignatureReport unsigned = inspector.inspect(TestPdfs.pdfA3b());
        SignatureReport random = inspector.inspect(garbage);
        SignatureReport empty = inspector.inspect(new byte[0]);
        SignatureReport nothing = inspector.inspect(null);
        SignatureReport text = inspector.inspect("%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII));
        SignatureReport truncated = inspector.inspect(Arrays.copyOf(signed, signed.length - 300));
        SignatureReport halved = inspector.inspect(Arrays.copyOf(signed, signed.length / 2));
        SignatureReport encrypted = inspector.inspect(TestPdfs.encrypted());

        assertThat(unsigned.signed()).isFalse();
        assertThat(unsigned.problems()).containsExactly("The PDF has no signature.");
        for (SignatureReport report : List.of(random, empty, nothing, text)) {
            assertThat(report.signed()).isFalse();
            assertThat(report.verified()).isFalse();
            assertThat(report.problems()).isNotEmpty();
        }
        assertThat(random.problems().get(0)).startsWith("The file is not a readable PDF");
        assertThat(truncated.verified()).isFalse();
        assertThat(truncated.problems()).isNotEmpty();
        assertThat(halved.verified()).isFalse();
        assertThat(halved.problems()).isNotEmpty();
        assertThat(encrypted.verified()).isFalse();
        assertThat(encrypted.problems()).anySatisfy(p -> assertThat(p).containsIgnoringCase("encrypted"));
    }

    @Test
    void withATimestampAuthoritySignaturesAreBaselineTAndTheTimestampVerifies() {
        try (TestTimestampAuthority tsa = new TestTimestampAuthority()) {
            DocumentSigner timestamping = new DocumentSigner(keys,
                    new CertificateSigningSettings(null, null, null, tsa.url(), null));
            Instant before = Instant.now().minusSeconds(1);

            SignedPdf signed = timestamping.sign(TestPdfs.pdfA3b(), "test", "test");
            SignatureReport report = inspector.inspect(signed.pdf());

            assertThat(signed.level()).isEqualTo("B-T");
            assertThat(tsa.issued()).isEqualTo(1);
            assertThat(report.problems()).isEmpty();
            assertThat(report.timestamped()).isTrue();
            assertThat(report.timestampValid()).isTrue();
            assertThat(report.level()).isEqualTo("B-T");
            assertThat(report.signedAt()).isBetween(before, Instant.now().plusSeconds(1));
            assertThat(PdfCommands.pdfsig(work, signed.pdf(), ourCa()).output())
                    .contains("Signature is Valid", "Certificate is Trusted", "Total document signed");
        }
    }

    @Test
    void aTamperedTimestampIsReportedInvalid() throws Exception {
        try (TestTimestampAuthority tsa = new TestTimestampAuthority()) {
            DocumentSigner timestamping = new DocumentSigner(keys,
                    new CertificateSigningSettings(null, null, null, tsa.url(), null));
            byte[] signed = timestamping.sign(TestPdfs.pdfA3b(), "test", "test").pdf();
            // the token's genTime, a GeneralizedTime (tag 0x18) inside the hex /Contents: change its year's last digit
            String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
            String hexYear = HexFormat.of().formatHex(year.getBytes(StandardCharsets.US_ASCII));
            Matcher genTime = Pattern.compile("18[0-9a-f]{2}" + hexYear)
                    .matcher(new String(signed, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
            int at = -1;
            while (genTime.find()) {
                at = genTime.start();
            }
            assertThat(at).as("GeneralizedTime in the timestamp token").isPositive();
            int lastYearDigit = at + 4 + 7;
            signed[lastYearDigit] = (byte) (signed[lastYearDigit] == '1' ? '2' : '1');

            SignatureReport report = inspector.inspect(signed);

            assertThat(report.timestamped()).isTrue();
            assertThat(report.timestampValid()).isFalse();
            assertThat(report.verified()).isFalse();
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("timestamp does not verify"));
        }
    }

    @Test
    void signsFromSeveralThreadsAtOnce() throws Exception {
        byte[] unsigned = TestPdfs.pdfA3b();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SignedPdf>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                results.add(pool.submit(() -> signer.sign(unsigned, "parallel " + n, "test")));
            }
            for (Future<SignedPdf> result : results) {
                assertThat(inspector.inspect(result.get().pdf()).problems()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private String ourCa() {
        X509Certificate[] chain = keys.current().chain();
        return SigningKeys.pem(List.of(chain[chain.length - 1]));
    }
}
