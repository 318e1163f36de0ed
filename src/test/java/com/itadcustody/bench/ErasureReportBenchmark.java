package com.itadcustody.bench;

import static com.itadcustody.bench.BenchStats.format;
import static com.itadcustody.bench.BenchStats.median;
import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.MediaType;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.asset.internal.MediumInput;
import com.itadcustody.partner.inbound.ErasureReportResult;
import com.itadcustody.partner.inbound.ErasureReports;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.retirement.VendorSanitizations;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.vendor.Vendors;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6 benchmark (run only with {@code -Pbench}): one erasure report of {@code bench.erasure.media} records
 * (default 10,000) processed end to end: read, matched by serial, and each record applied to its medium's waiting
 * vendor sanitization step through the retirement module, the process moving on to verification. The media are
 * servers with {@code bench.erasure.per-asset} drives each (default 8, a data-centre decommission), brought to the
 * step through the module APIs first (not timed). A report can be applied only once to the same media, so
 * {@code bench.erasure.reports} (default 3) disjoint sets are set up first and one report per set is timed; the
 * figure is their median. Baselines: parsing alone and the serial lookup alone, median of {@code bench.runs} runs.
 * Results go to stdout and target/bench/erasure-reports.md.
 */
class ErasureReportBenchmark extends IntegrationTest {

    static final int MEDIA = Integer.getInteger("bench.erasure.media", 10_000);
    static final int PER_ASSET = Integer.getInteger("bench.erasure.per-asset", 8);
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final int WARMUP = Integer.getInteger("bench.erasure.warmup", 200);
    static final int REPORTS = Integer.getInteger("bench.erasure.reports", 3);
    static final List<DeprovisioningAttestation> ALL_SYSTEMS = Arrays.stream(DeprovisioningAttestation.System
            .values()).map(s -> new DeprovisioningAttestation(s, DeprovisioningAttestation.Outcome.DONE, "IT-" + s))
            .toList();

    @Autowired
    Retirements retirements;

    @Autowired
    AssetRegistry registry;

    @Autowired
    Vendors vendors;

    @Autowired
    ErasureReports reports;

    @Autowired
    VendorSanitizations media;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.core.env.Environment environment;

    final Actor staff = actor(Role.IT_STAFF);
    final Actor manager = actor(Role.ASSET_MANAGER);

    @Test
    void aTenThousandRecordReportEndToEnd() throws Exception {
        UUID vendorId = vendors.register("Bench on-site eraser " + UUID.randomUUID(), staff).id();
        Actor vendor = new Actor(UUID.randomUUID(), "bench.vendor", Set.of(Role.VENDOR), vendorId);
        // the benchmark server runs with autovacuum off: without statistics the planner misjudges the engine's
        // variable table (one index scan over every waiting medium's variable per record), so stand in for it
        try (Autovacuum autovacuum = new Autovacuum(RetirementBenchmark.NAPTIME)) {
            run(vendorId, vendor, autovacuum);
        }
    }

    private void run(UUID vendorId, Actor vendor, Autovacuum autovacuum) throws Exception {

        // warm-up: a small report through the same path, so the JIT has compiled it
        List<SanitizationPlanItem> warm = waiting(vendorId, WARMUP);
        reports.receive(vendorId, "warm-up.csv", new ByteArrayInputStream(csv(warm)), -1,
                ErasureReports.Source.UPLOAD, vendor);

        long setupStart = System.nanoTime();
        List<List<SanitizationPlanItem>> sets = new ArrayList<>();
        for (int set = 0; set < REPORTS; set++) {
            sets.add(waiting(vendorId, MEDIA));
        }
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        List<byte[]> files = sets.stream().map(ErasureReportBenchmark::csv).toList();
        List<SanitizationPlanItem> items = sets.get(0);
        byte[] file = files.get(0);

        Method parse = Class.forName("com.itadcustody.partner.inbound.ErasureReportParser")
                .getDeclaredMethod("parse", byte[].class);
        parse.setAccessible(true);
        List<Double> parsing = new ArrayList<>();
        List<Double> lookup = new ArrayList<>();
        List<String> serials = items.stream().map(SanitizationPlanItem::mediumSerial).toList();
        for (int run = 0; run < Math.max(RUNS, 3); run++) {
            long t0 = System.nanoTime();
            parse.invoke(null, (Object) file);
            long t1 = System.nanoTime();
            assertThat(media.find(vendorId, serials)).hasSize(items.size());
            long t2 = System.nanoTime();
            parsing.add((t1 - t0) / 1e9);
            lookup.add((t2 - t1) / 1e9);
        }

        List<Double> seconds = new ArrayList<>();
        List<Double> jvmCpu = new ArrayList<>();
        List<Double> pgCpu = new ArrayList<>();
        for (int set = 0; set < REPORTS; set++) {
            autovacuum.pass(); // statistics as autovacuum would have them after the setup, outside the timing
            double cpuBefore = BenchStats.jvmCpuSeconds();
            double pgBefore = BenchStats.postgresCpuSeconds();
            long start = System.nanoTime();
            ErasureReportResult result = reports.receive(vendorId, "bench-" + MEDIA + "-" + set + ".csv",
                    new ByteArrayInputStream(files.get(set)), files.get(set).length, ErasureReports.Source.UPLOAD,
                    vendor);
            seconds.add((System.nanoTime() - start) / 1e9);
            jvmCpu.add(BenchStats.jvmCpuSeconds() - cpuBefore);
            pgCpu.add(BenchStats.postgresCpuSeconds() - pgBefore);
            assertThat(result.report().applied()).as("every record correlated").isEqualTo(sets.get(set).size());
            assertThat(result.report().exceptions()).isZero();
            assertThat(result.lines()).extracting(ErasureReportResult.Line::mediumSerial).as("lines in file order")
                    .containsExactlyElementsOf(sets.get(set).stream().map(SanitizationPlanItem::mediumSerial)
                            .toList());
        }
        int all = sets.stream().mapToInt(List::size).sum();
        Integer recorded = jdbc.queryForObject("select count(*) from medium_sanitization s join retirement_request r"
                + " on r.id = s.retirement_id where r.sanitization_vendor_id = ? and s.passed", Integer.class,
                vendorId);
        assertThat(recorded).isEqualTo(all + warm.size());
        Integer verifying = jdbc.queryForObject("select count(*) from medium_sanitization s join retirement_request r"
                + " on r.id = s.retirement_id where r.sanitization_vendor_id = ? and s.sampled is not null",
                Integer.class, vendorId);
        assertThat(verifying).as("every medium moved on through the sample selection").isEqualTo(all + warm.size());
        double median = median(seconds);

        String report = String.format("""
                ## Erasure report benchmark

                | figure | value |
                |---|---|
                | records (media) per report | %,d (%,d assets with %d drives each) |
                | report size | %,d bytes (generic CSV) |
                | apply threads / records per transaction | %s / %s |
                | setup: %d disjoint sets of media brought to the vendor's sanitization step (not timed below) | %.1f s |
                | parsing alone, median of %d (runs) | %.3f s (%s) |
                | serial lookup alone, median of %d (runs) | %.3f s (%s) |
                | **report processed end to end and correlated, median of %d (runs)** | **%.1f s (%.0f records/s)** (%s) |
                | CPU during each report: this JVM | %s s |
                | CPU during each report: PostgreSQL | %s s |
                | machine | %d cores |
                """, items.size(), items.size() / PER_ASSET, PER_ASSET, file.length,
                environment.getProperty("itad.partner.inbound.apply-threads", "2 (default)"),
                environment.getProperty("itad.partner.inbound.batch-size", "50 (default)"), REPORTS, setupSeconds,
                parsing.size(), median(parsing), format(parsing, "%.3f"), lookup.size(), median(lookup),
                format(lookup, "%.3f"), seconds.size(), median, items.size() / median, format(seconds, "%.1f"),
                format(jvmCpu, "%.1f"), format(pgCpu, "%.1f"), Runtime.getRuntime().availableProcessors());
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/erasure-reports.md"), report);
        org.slf4j.LoggerFactory.getLogger(getClass()).info("\n{}", report);
    }

    /** {@code count} media (rounded up to whole assets) waiting at their vendor sanitization step. */
    private List<SanitizationPlanItem> waiting(UUID vendorId, int count) {
        int assets = (count + PER_ASSET - 1) / PER_ASSET;
        List<UUID> ids = new ArrayList<>(assets);
        for (int i = 0; i < assets; i++) {
            String id = UUID.randomUUID().toString().substring(0, 13);
            List<MediumInput> drives = new ArrayList<>();
            for (int d = 0; d < PER_ASSET; d++) {
                drives.add(new MediumInput(MediaType.SSD_SATA, "Samsung", "PM893", "BENCH-" + id + "-" + d,
                        960_000_000_000L, true, false));
            }
            UUID asset = registry.register(new AssetInput("BS-" + id, "BSN-" + id, AssetType.SERVER, "Dell",
                    "PowerEdge R650", null, null, null, null, "DC-1", null, "Infrastructure", drives), staff).id();
            ids.add(retirements.request(asset, "Data-centre decommission (bench)", DataConfidentiality.LOW,
                    AssetDestination.LEAVES_ORGANISATION, vendorId, staff).id());
        }
        for (UUID id : ids) {
            retry(() -> retirements.decide(id, true, null, manager));
        }
        for (UUID id : ids) {
            retry(() -> retirements.attestDeprovisioning(id, ALL_SYSTEMS, staff));
        }
        List<SanitizationPlanItem> items = new ArrayList<>();
        for (UUID id : ids) {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!"Task_SanitizeMedium".equals(retirements.get(id).openTask())) {
                assertThat(System.nanoTime()).as("retirement %s reaches sanitization", id).isLessThan(deadline);
                LockSupport.parkNanos(20_000_000);
            }
            items.addAll(retirements.sanitizationPlan(id));
        }
        return items.subList(0, Math.min(count, items.size()));
    }

    /** Runs the step, waiting while the engine has not opened it yet. */
    private static void retry(Runnable step) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try {
                step.run();
                return;
            } catch (DomainRuleViolated e) {
                if (!e.rule().startsWith("step-not") || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(20_000_000);
            }
        }
    }

    private static byte[] csv(List<SanitizationPlanItem> items) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).withNano(0);
        StringBuilder csv = new StringBuilder("mediumSerial,methodType,technique,tool,toolVersion,operator,result,"
                + "startedAt,finishedAt,verificationMethod\n");
        for (SanitizationPlanItem item : items) {
            csv.append(item.mediumSerial()).append(',').append(item.methodType()).append(',').append(item.technique())
                    .append(",DiskWipe Enterprise,7.4.2,Jo Technician,passed,").append(start).append(',')
                    .append(start.plusMinutes(37)).append(",FULL\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Actor actor(Role role) {
        return new Actor(UUID.randomUUID(), role.name().toLowerCase(), Set.of(role), null);
    }
}
