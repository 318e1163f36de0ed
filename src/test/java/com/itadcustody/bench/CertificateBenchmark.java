package com.itadcustody.bench;

import static com.itadcustody.bench.BenchStats.format;
import static com.itadcustody.bench.BenchStats.median;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.certificate.CertificateVerification;
import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord;
import com.itadcustody.certificate.internal.CertificateDocument;
import com.itadcustody.certificate.internal.pdf.CertificatePdfRenderer;
import com.itadcustody.certificate.internal.signing.DocumentSigner;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Certificate benchmarks for issue 4 (run only with {@code -Pbench}): signed certificates per second on 2 cores
 * against rendering the same document unsigned in the same run, the whole issue path with its database and custody
 * work, and verifications per second. Results go to stdout and target/bench/certificates.md.
 */
class CertificateBenchmark extends IntegrationTest {

    static final int RUNS = Integer.getInteger("bench.runs", 5);
    static final int THREADS = Integer.getInteger("bench.certificates.threads", 2);
    static final int ISSUE_THREADS = Integer.getInteger("bench.certificates.issueThreads", 4);
    static final int PER_RUN = Integer.getInteger("bench.certificates.perRun", 400);
    static final int ISSUED_PER_RUN = Integer.getInteger("bench.certificates.issuedPerRun", 200);

    @Autowired
    Certificates certificates;

    @Autowired
    CertificatePdfRenderer renderer;

    @Autowired
    DocumentSigner signer;

    @Autowired
    AssetRegistry assets;

    final Actor actor = new Actor(java.util.UUID.randomUUID(), "bench", java.util.Set.of(Role.VERIFIER), null);

    @Test
    void certificates() throws Exception {
        // a real issued certificate gives the document to render and the PDF to verify
        Asset first = server();
        CertificateView sample = certificates.issueSanitizationCertificate(record(first, 0), null, actor);
        byte[] genuine = certificates.pdf(sample.number());
        CertificateDocument document = documentLike(sample.number());
        // warm-up, long enough for the JIT to settle (shorter warm-ups left the first runs visibly slower)
        for (int i = 0; i < 3; i++) {
            measure(PER_RUN, () -> renderer.render(document));
            measure(PER_RUN, () -> signer.sign(renderer.render(document), "bench", "bench"));
            measure(PER_RUN, () -> certificates.verifyPdf(genuine));
        }
        issueRun();

        List<Double> unsigned = new ArrayList<>();
        List<Double> signed = new ArrayList<>();
        List<Double> issued = new ArrayList<>();
        List<Double> verified = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            unsigned.add(measure(PER_RUN, () -> renderer.render(document)));
            signed.add(measure(PER_RUN, () -> signer.sign(renderer.render(document), "bench", "bench")));
            verified.add(measure(PER_RUN, () -> {
                CertificateVerification v = certificates.verifyPdf(genuine);
                assertThat(v.verdict()).isEqualTo(CertificateVerification.Verdict.VALID);
                return v;
            }));
            issued.add(issueRun());
        }
        double u = median(unsigned);
        double s = median(signed);
        double i = median(issued);
        double v = median(verified);
        String report = """
                ## Certificates (%d runs, medians; %d threads for rendering, signing and verifying, %d for issuing)
                | what | median per second | runs (per second) |
                |---|---|---|
                | render the certificate, unsigned PDF/A-3b (baseline) | %.0f | %s |
                | render and sign (PAdES B-B, ECDSA P-256) | %.0f | %s |
                | ratio signed / unsigned | %.2f | |
                | issue end to end (`Certificates.issueSanitizationCertificate`: custody event, wait for sequencing and checkpoint, number, render, sign, store, `CERTIFICATE_ISSUED`) | %.0f | %s |
                | ratio issued / unsigned | %.2f | |
                | verify an uploaded certificate (`Certificates.verifyPdf`: signature, registry, custody proof) | %.0f | %s |
                PDF size: %,d bytes signed.
                """.formatted(RUNS, THREADS, ISSUE_THREADS, u, format(unsigned, "%.0f"), s, format(signed, "%.0f"),
                s / u, i, format(issued, "%.0f"), i / u, v, format(verified, "%.0f"), genuine.length);
        System.out.println(report);
        Path out = Path.of("target", "bench", "certificates.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Issues {@link #ISSUED_PER_RUN} certificates for fresh media on {@link #ISSUE_THREADS} threads; per second. */
    private double issueRun() throws Exception {
        Queue<SanitizationRecord> records = new ConcurrentLinkedQueue<>();
        for (int n = 0; n < ISSUED_PER_RUN / 2; n++) {
            Asset asset = server();
            records.add(record(asset, 0));
            records.add(record(asset, 1));
        }
        int count = records.size();
        double seconds = onThreads(ISSUE_THREADS, () -> {
            SanitizationRecord r;
            while ((r = records.poll()) != null) {
                certificates.issueSanitizationCertificate(r, null, actor);
            }
        });
        return count / seconds;
    }

    /** Runs {@code work} {@code count} times on {@link #THREADS} threads; per second. */
    private static double measure(int count, Supplier<?> work) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        return count / onThreads(THREADS, () -> {
            while (left.getAndDecrement() > 0) {
                work.get();
            }
        });
    }

    /** Runs {@code worker} on {@code threads} threads at once and returns the seconds until all finished. */
    private static double onThreads(int threads, Runnable worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private Asset server() {
        return assets.register(AssetFixtures.anyServerWithTwoDisks(), AssetFixtures.actor(Role.IT_STAFF));
    }

    private static SanitizationRecord record(Asset asset, int medium) {
        return new SanitizationRecord(asset.id(), asset.media().get(medium).id(),
                new Person("Alex Operator", "Technician", "Example Corp IT", "Berlin", "+49 30 1"), "Confidential",
                SanitizationRecord.BackupStatus.NO, null, SanitizationRecord.SanitizationMethodType.PURGE,
                SanitizationRecord.SanitizationTechnique.CRYPTO_ERASE, "ATA SANITIZE CRYPTO SCRAMBLE", "nwipe",
                "0.37", SanitizationRecord.VerificationMethod.FULL, "Unclassified", null,
                SanitizationRecord.MediaDestination.RECYCLING_FACILITY, "GreenCycle", Instant.now().minus(1,
                        ChronoUnit.HOURS), new Person("Sam Verifier", "Analyst", "Example Corp IT", "Berlin",
                        "+49 30 2"));
    }

    /** A document of the same size and shape as an issued certificate, rendered without the registry. */
    private CertificateDocument documentLike(String number) throws Exception {
        byte[] json = com.itadcustody.certificate.internal.pdf.CertificatePdfReader.embeddedJson(
                certificates.pdf(number)).orElseThrow();
        var data = new ObjectMapper().readTree(json);
        var custody = data.get("custody");
        List<CertificateDocument.Section> sections = new ArrayList<>();
        for (String heading : List.of("Person performing sanitization", "Media information",
                "Sanitization details", "Media destination", "Validation")) {
            List<CertificateDocument.Field> fields = new ArrayList<>();
            for (int f = 0; f < 6; f++) {
                fields.add(new CertificateDocument.Field("Field " + f, "A value of typical length " + f));
            }
            sections.add(new CertificateDocument.Section(heading, fields));
        }
        return new CertificateDocument(number, "Certificate of Sanitization", "NIST SP 800-88 Rev. 1, Appendix G",
                Instant.now(), "ITAD Custody (demo)", sections, "http://localhost:8080/verify/" + number, json,
                new CertificateDocument.Evidence(custody.get("seq").asLong(), custody.get("leafHash").asText(),
                        custody.get("assetChainHead").asText(), custody.get("checkpoint").asText(),
                        custody.get("tlogProof").asText()));
    }


}
