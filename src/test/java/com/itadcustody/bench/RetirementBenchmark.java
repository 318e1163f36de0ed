package com.itadcustody.bench;

import static com.itadcustody.bench.BenchStats.format;
import static com.itadcustody.bench.BenchStats.median;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.MediaType;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.asset.internal.MediumInput;
import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DispositionDetails;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementStatus;
import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.Settlement;
import com.itadcustody.retirement.VendorProcessing;
import com.itadcustody.retirement.VerificationReport;
import com.itadcustody.retirement.process.LotProcess;
import com.itadcustody.retirement.process.RetirementProcess;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.vendor.Vendors;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5 benchmark (run only with {@code -Pbench}): a lot of assets driven from request to closure through the
 * module APIs, against a bare BPMN of the same shape with no-op delegates on the same engine and database, driven
 * the same way. A dispatcher reads the inbox ({@code Retirements.tasksFor}, for the bare process a task query) and
 * a crew of {@link #DRIVERS} threads completes the steps, as several people would. The CPU time per asset is
 * reported by who spent it (drivers, job executor, PostgreSQL). Results go to stdout and
 * target/bench/retirement.md.
 */
class RetirementBenchmark extends IntegrationTest {

    static final int ASSETS = Integer.getInteger("bench.retirement.assets", 1_000);
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    /** Assets in each warm-up lot (one of ours, then one of the baseline), driven as the measured runs are. */
    static final int WARMUP = Integer.getInteger("bench.retirement.warmup", 1_000);
    /**
     * The most warm-up lots of each: the JIT keeps compiling ours (Camunda, iText, Spring, our code) for several
     * thousand assets. On a 2-core machine on 2026-11-29 its compilers were busy 117 % of the time in the first pair
     * of lots of 1,000, then 80, 25, 21, 15 and 5 %; ours ran 15.4 assets/s in the first lot, 18 to 24 later.
     */
    static final int WARMUP_LOTS = Integer.getInteger("bench.retirement.warmup-lots", 8);
    /**
     * Warm-up ends after the first pair of lots in which the JIT compiled for at most this share of the time (its
     * compile time, summed over the compiler threads, per second of wall time): a service that has run for a while.
     */
    static final double JIT_QUIET = Double.parseDouble(System.getProperty("bench.retirement.jit-quiet", "0.10"));
    /**
     * Seconds between the benchmark's stand-in autovacuum passes (0: none). The benchmark server runs with
     * autovacuum off; without it the engine's runtime tables (tasks, identity links, executions, jobs, variables:
     * each row inserted and deleted within seconds) are never analysed, and the planner's nested loops walk every
     * dead row on each query.
     */
    static final int NAPTIME = Integer.getInteger("bench.retirement.naptime", 10);
    /**
     * Milliseconds at least between two reads of the inbox, for ours and the baseline alike: people look at their
     * task list now and then, not in a loop (unthrottled, the dispatcher read it about 40 times a second, and each
     * read of 500 tasks costs the database more than a step).
     */
    static final int POLL_MS = Integer.getInteger("bench.retirement.poll", 200);
    /** Threads completing steps, for ours and the baseline alike (people work in parallel). */
    static final int DRIVERS = Integer.getInteger("bench.retirement.drivers", 4);
    /** Whether the baseline runs too ({@code false}: ours only, e.g. to profile ours; the ratio is then NaN). */
    static final boolean BARE = Boolean.parseBoolean(System.getProperty("bench.retirement.bare", "true"));

    @Autowired
    Retirements retirements;

    @Autowired
    Lots lots;

    @Autowired
    LotProcess lotProcess;

    @Autowired
    AssetRegistry registry;

    @Autowired
    Vendors vendors;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    final Actor staff = actor(Role.IT_STAFF, null);
    final Actor manager = actor(Role.ASSET_MANAGER, null);
    final Actor verifier = actor(Role.VERIFIER, null);
    final Person operator = new Person("Alex Operator", "Technician", "Example Corp IT", "Berlin", null);
    final Person validator = new Person("Sam Verifier", "Verifier", "Example Corp IT", "Berlin", null);

    @Test
    void aLotOfAssetsFromRequestToClosure() throws Exception {
        UUID vendorId = vendors.register("Bench recycler " + UUID.randomUUID(), staff).id();
        vendors.addCertification(vendorId, "R2v3", "R2-BENCH", "SERI", LocalDate.now().minusYears(1),
                LocalDate.now().plusYears(1), staff);
        Actor vendor = actor(Role.VENDOR, vendorId);
        repository.createDeployment().addString("bare-retirement.bpmn", bareModel()).name("bench").deploy();
        Autovacuum autovacuum = new Autovacuum(NAPTIME);
        crew = new Crew(DRIVERS);
        // warm-up: lots of each until the JIT has compiled the hot paths (steady state, as a service that has run
        // for a while); the first lot's rate is that of a cold JVM
        List<String> warmups = new ArrayList<>();
        for (int lot = 1; ; lot++) {
            double compiledBefore = compileSeconds();
            long started = System.nanoTime();
            double rate = driveOurs(WARMUP, vendorId, vendor);
            if (BARE) {
                driveBare(WARMUP);
            }
            double jitShare = (compileSeconds() - compiledBefore) / ((System.nanoTime() - started) / 1e9);
            warmups.add("%.1f (JIT %.0f %%)".formatted(rate, jitShare * 100));
            System.out.printf("warm-up lot %d: ours %.1f assets/s, JIT busy %.0f %% of the pair's time%n", lot,
                    rate, jitShare * 100);
            if (jitShare <= JIT_QUIET || lot >= WARMUP_LOTS) {
                break;
            }
        }

        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<CpuUse> oursCpu = new ArrayList<>();
        List<CpuUse> bareCpu = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            CpuUse.Snapshot before = CpuUse.Snapshot.now();
            ours.add(driveOurs(ASSETS, vendorId, vendor));
            CpuUse.Snapshot between = CpuUse.Snapshot.now();
            bare.add(BARE ? driveBare(ASSETS) : Double.NaN);
            CpuUse.Snapshot after = CpuUse.Snapshot.now();
            oursCpu.add(CpuUse.between(before, between, ASSETS));
            bareCpu.add(CpuUse.between(between, after, ASSETS));
            System.out.printf("retirement run %d: ours %.1f assets/s, bare %.1f assets/s%n  ours %s%n  bare %s%n",
                    run, ours.get(run), bare.get(run), oursCpu.get(run), bareCpu.get(run));
        }
        autovacuum.close();
        crew.close();
        String report = """
                ## Retirement workflow: a lot of %,d assets from request to closure (%d runs, medians; %d driver threads)
                | what | median assets/s | runs |
                |---|---|---|
                | ours, through the module APIs (custody events, certificates of sanitization and disposition, lot handoff) | %.1f | %s |
                | bare BPMN of the same shape, no-op delegates, same engine and database (baseline) | %.1f | %s |
                | ratio bare / ours (how many times the bare engine is faster) | %.2f | |

                Stand-in autovacuum every %d s (the benchmark server has autovacuum off); inbox read at most every %d ms.
                Warm-up: %d pair(s) of lots of %,d (ours, then bare), until the JIT compiled for at most %.0f %% of a
                pair's time (at most %d pairs); ours in each (assets/s, JIT busy in the pair): %s.

                CPU per asset (medians over the runs, milliseconds of CPU time per asset; %d vCPU):
                | what | machine busy | this JVM | of it: drivers | of it: job executor | of it: custody sequencer | GC pauses (wall) | JIT (wall) | PostgreSQL server |
                |---|---|---|---|---|---|---|---|---|
                | ours | %s |
                | bare | %s |
                """.formatted(ASSETS, RUNS, DRIVERS, median(ours), format(ours, "%.1f"), median(bare),
                format(bare, "%.1f"), median(bare) / median(ours), NAPTIME, POLL_MS, warmups.size(), WARMUP,
                JIT_QUIET * 100, WARMUP_LOTS, String.join(", ", warmups), Runtime.getRuntime().availableProcessors(),
                CpuUse.medianRow(oursCpu), CpuUse.medianRow(bareCpu));
        System.out.println(report);
        Path out = Path.of("target", "bench", "retirement.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Seconds the JIT has spent compiling since the JVM started, summed over its compiler threads. */
    private static double compileSeconds() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
    }

    /** Drives {@code n} fresh assets through the whole retirement; returns assets per second to closure. */
    private double driveOurs(int n, UUID vendorId, Actor vendor) throws Exception {
        List<Asset> assets = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < n; i++) {
            assets.add(registry.register(new AssetInput("B-" + run + "-" + i, "BS-" + run + "-" + i,
                    AssetType.DESKTOP, "Dell", "OptiPlex", null, null, null, null, "DC-1", null, "IT",
                    List.of(new MediumInput(MediaType.HDD_ATA, "WD", "Blue", "BM-" + run + "-" + i, null, false,
                            false))), staff));
        }
        List<DeprovisioningAttestation> attestations = List.of(
                new DeprovisioningAttestation(DeprovisioningAttestation.System.MDM,
                        DeprovisioningAttestation.Outcome.DONE, "bench"),
                new DeprovisioningAttestation(DeprovisioningAttestation.System.DIRECTORY,
                        DeprovisioningAttestation.Outcome.DONE, "bench"),
                new DeprovisioningAttestation(DeprovisioningAttestation.System.DEVICE_CERTIFICATES,
                        DeprovisioningAttestation.Outcome.DONE, "bench"),
                new DeprovisioningAttestation(DeprovisioningAttestation.System.REMOTE_ACCOUNTS,
                        DeprovisioningAttestation.Outcome.NOT_APPLICABLE, "bench"));
        long start = System.nanoTime();
        List<UUID> requested = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Asset asset : assets) {
            crew.offer("request:" + asset.id(), () -> requested.add(retirements.request(asset.id(), "Bench",
                    DataConfidentiality.LOW, AssetDestination.INTERNAL_REUSE, staff).id()));
        }
        crew.awaitIdle();
        List<UUID> ids = List.copyOf(requested);
        Set<UUID> mine = Set.copyOf(ids);
        Set<UUID> awaitingLot = new HashSet<>();
        while (awaitingLot.size() < ids.size()) {
            long polled = System.nanoTime();
            boolean progressed = false;
            for (RetirementTask t : retirements.tasksFor(manager)) {
                if (mine.contains(t.retirementId()) && t.step().equals("Task_ApproveRetirement")) {
                    progressed |= crew.offer(t.id(),
                            () -> retirements.decide(t.retirementId(), true, null, manager));
                }
            }
            for (RetirementTask t : retirements.tasksFor(staff)) {
                if (!mine.contains(t.retirementId())) {
                    continue;
                }
                if (t.step().equals("Task_AttestDeprovisioning")) {
                    progressed |= crew.offer(t.id(),
                            () -> retirements.attestDeprovisioning(t.retirementId(), attestations, staff));
                } else if (t.step().equals("Task_SanitizeMedium")) {
                    progressed |= crew.offer(t.id(), () -> retirements.recordSanitization(t.retirementId(),
                            t.mediumId(), new SanitizationReport(operator, SanitizationTechnique.OVERWRITE, null,
                                    "nwipe", "0.37", VerificationMethod.QUICK_SAMPLING, true, "Unclassified",
                                    null, null, Instant.now().minusSeconds(60)), staff));
                }
            }
            for (RetirementTask t : retirements.tasksFor(verifier)) {
                if (mine.contains(t.retirementId()) && t.step().equals("Task_VerifyMedium")) {
                    progressed |= crew.offer(t.id(), () -> retirements.recordVerification(t.retirementId(),
                            t.mediumId(), new VerificationReport(validator, VerificationMethod.FULL, true, null,
                                    null), verifier));
                }
            }
            crew.check();
            // like people, look at the inbox again once the steps taken from it are under way
            crew.awaitBacklogOf(DRIVERS);
            pause(polled);
            if (!progressed && crew.idle()) {
                // nothing new for a person: the rest is with the job executor or waits for its lot
                for (UUID id : ids) {
                    if (!awaitingLot.contains(id) && lotProcess.awaitsLot(id)) {
                        awaitingLot.add(id);
                    }
                }
            }
        }
        crew.awaitIdle();
        phase("waiting for their lot", start);
        UUID lot = lots.create(vendorId, ids.stream().map(id -> new Lots.NewItem(id, null)).toList(),
                "Bench carrier", null, "Dock", staff).id();
        awaitLotStep(lot, LotProcess.SIGN_OFF);
        lots.signOff(lot, staff);
        awaitLotStep(lot, LotProcess.PICKUP);
        lots.confirmPickup(lot, vendor);
        awaitLotStep(lot, LotProcess.RECEIPT);
        lots.reconcileReceipt(lot, assets.stream().map(Asset::serialNumber).toList(), vendor);
        phase("lot received", start);
        long checked = System.nanoTime() - CLOSURE_CHECK_NANOS - 1;
        while (true) {
            if (System.nanoTime() - checked > CLOSURE_CHECK_NANOS) {
                checked = System.nanoTime();
                // as for the baseline: the process instances still running (only this run's are)
                if (runtime.createProcessInstanceQuery().processDefinitionKey(RetirementProcess.PROCESS_KEY)
                        .count() == 0) {
                    break;
                }
            }
            long polled = System.nanoTime();
            for (RetirementTask t : retirements.tasksFor(vendor)) {
                if (mine.contains(t.retirementId()) && t.step().equals("Task_ProcessAsset")) {
                    crew.offer(t.id(), () -> retirements.recordVendorProcessing(t.retirementId(),
                            new VendorProcessing("B", true, DispositionMethod.RESALE, "Sold in bulk", null,
                                    "Leipzig", Instant.now().minus(1, ChronoUnit.MINUTES),
                                    DispositionDetails.resale(BigDecimal.TEN, "EUR", "BULK-1")), vendor));
                }
            }
            for (RetirementTask t : retirements.tasksFor(staff)) {
                if (mine.contains(t.retirementId()) && t.step().equals("Task_SettleAsset")) {
                    crew.offer(t.id(), () -> retirements.settle(t.retirementId(),
                            new Settlement(BigDecimal.TEN, BigDecimal.ONE, "EUR"), staff));
                }
            }
            crew.check();
            crew.awaitBacklogOf(DRIVERS);
            pause(polled);
        }
        crew.awaitIdle();
        phase("closed", start);
        double rate = n / ((System.nanoTime() - start) / 1e9);
        Set<UUID> open = new HashSet<>(ids);
        open.removeAll(closedAmong(open));
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " retirements ended without being closed, e.g. "
                    + open.iterator().next());
        }
        return rate;
    }

    /** Drives {@code n} instances of the bare process of the same shape; returns instances per second to the end. */
    private double driveBare(int n) throws Exception {
        long start = System.nanoTime();
        String batch = UUID.randomUUID().toString();
        for (int i = 0; i < n; i++) {
            String key = batch + "-" + i;
            crew.offer("start:" + key, () -> runtime.startProcessInstanceByKey("bare-retirement", key,
                    bareVariables(key)));
        }
        crew.awaitIdle();
        long checked = System.nanoTime() - CLOSURE_CHECK_NANOS - 1;
        while (true) {
            if (System.nanoTime() - checked > CLOSURE_CHECK_NANOS) {
                checked = System.nanoTime();
                if (runtime.createProcessInstanceQuery().processDefinitionKey("bare-retirement")
                        .processInstanceBusinessKeyLike(batch + "%").count() == 0) {
                    break;
                }
            }
            long polled = System.nanoTime();
            for (Task t : tasks.createTaskQuery().processDefinitionKey("bare-retirement")
                    .processInstanceBusinessKeyLike(batch + "%").listPage(0, 500)) {
                crew.offer(t.getId(), () -> tasks.complete(t.getId()));
            }
            for (var e : runtime.createExecutionQuery().processDefinitionKey("bare-retirement")
                    .messageEventSubscriptionName("BareLotReceived").listPage(0, 500)) {
                crew.offer(e.getId(), () -> runtime.messageEventReceived("BareLotReceived",
                        e.getId()));
            }
            crew.check();
            crew.awaitBacklogOf(DRIVERS);
            pause(polled);
        }
        crew.awaitIdle();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** The driver threads, one crew for the whole benchmark (their CPU time is counted per thread). */
    private Crew crew;

    /** Waits until {@link #POLL_MS} have passed since the inbox was read at {@code polled} (nanoTime). */
    private static void pause(long polled) {
        long left = polled + POLL_MS * 1_000_000L - System.nanoTime();
        if (left > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static void phase(String what, long start) {
        System.out.printf("  %-24s after %6.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }

    /**
     * How often the harness asks whether all instances have ended, for ours and the baseline alike, by counting the
     * process instances still running: asking at every read of the inbox cost the database a few milliseconds per
     * asset, and asking for ours which requests were closed took 80 ms a call (each request closed is then checked
     * once, after the clock stops).
     */
    static final long CLOSURE_CHECK_NANOS = 1_000_000_000L;

    /** The requests among {@code ids} that are closed. */
    private List<UUID> closedAmong(Set<UUID> ids) {
        return jdbc.queryForList("select id from retirement_request where id = any(cast(? as uuid[])) and status = ?",
                UUID.class, "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}",
                RetirementStatus.CLOSED.name());
    }

    private void awaitLotStep(UUID lot, String step) {
        while (lotProcess.waitingTask(lot, step).isEmpty()) {
            LockSupport.parkNanos(20_000_000);
        }
    }

    /**
     * The people working through the inbox: a fixed number of threads, each doing one step at a time. Each piece of
     * work (a task id) is taken at most once, so a task still listed while it is being completed is not done twice.
     */
    static final class Crew implements AutoCloseable {

        private final java.util.concurrent.ExecutorService pool;
        private final Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();

        Crew(int threads) {
            java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
            pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "bench-driver-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        /** Hands out the work unless this key was handed out before; whether it was new. */
        boolean offer(String key, Runnable work) {
            if (!taken.add(key)) {
                return false;
            }
            running.incrementAndGet();
            pool.execute(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    running.decrementAndGet();
                }
            });
            return true;
        }

        /** Whether no work handed out is still running. */
        boolean idle() {
            return running.get() == 0;
        }

        /** Fails with the first failure of any work so far. */
        void check() {
            Throwable failure = failures.peek();
            if (failure != null) {
                throw new AssertionError("a driver step failed", failure);
            }
        }

        /** Waits until at most {@code backlog} pieces of work handed out are not done yet. */
        void awaitBacklogOf(int backlog) {
            while (running.get() > backlog) {
                LockSupport.parkNanos(2_000_000);
            }
            check();
        }

        /** Waits until all work handed out is done. */
        void awaitIdle() {
            while (running.get() > 0) {
                LockSupport.parkNanos(5_000_000);
            }
            check();
        }

        @Override
        public void close() throws InterruptedException {
            pool.shutdown();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /** CPU time spent per asset between two snapshots, in milliseconds, split by who spent it. */
    record CpuUse(double machine, double jvm, double drivers, double jobs, double sequencer, double gc,
            double jit, double postgres) {

        static CpuUse between(Snapshot a, Snapshot b, int assets) {
            double f = 1000.0 / assets;
            return new CpuUse((b.machine - a.machine) * f, (b.jvm - a.jvm) * f, (b.drivers - a.drivers) * f,
                    (b.jobs - a.jobs) * f, (b.sequencer - a.sequencer) * f, (b.gc - a.gc) * f, (b.jit - a.jit) * f,
                    (b.postgres - a.postgres) * f);
        }

        static String medianRow(List<CpuUse> uses) {
            return String.join(" | ", java.util.stream.Stream.<java.util.function.ToDoubleFunction<CpuUse>>of(
                    CpuUse::machine, CpuUse::jvm, CpuUse::drivers, CpuUse::jobs, CpuUse::sequencer, CpuUse::gc,
                    CpuUse::jit, CpuUse::postgres).map(f -> "%.0f".formatted(median(uses.stream()
                            .map(f::applyAsDouble).toList()))).toList());
        }

        @Override
        public String toString() {
            return ("CPU ms per asset: machine %.0f, JVM %.0f (drivers %.0f, job executor %.0f, sequencer %.0f;"
                    + " GC pauses %.0f, JIT %.0f), PostgreSQL %.0f").formatted(machine, jvm, drivers, jobs,
                    sequencer, gc, jit, postgres);
        }

        /**
         * CPU seconds so far: the machine busy (all processes), this JVM, its driver threads (and the test's main
         * thread), its job executor threads, the custody sequencer, and the PostgreSQL server's processes.
         */
        record Snapshot(double machine, double jvm, double drivers, double jobs, double sequencer, double gc,
                double jit, double postgres) {

            static Snapshot now() {
                try {
                    double busy = BenchStats.machineBusySeconds();
                    double jvm = BenchStats.jvmCpuSeconds();
                    double drivers = 0;
                    double jobs = 0;
                    double sequencer = 0;
                    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                        if (info == null) {
                            continue;
                        }
                        double seconds = Math.max(0, threads.getThreadCpuTime(info.getThreadId())) / 1e9;
                        String name = info.getThreadName();
                        if (name.startsWith("bench-driver") || name.equals("main")) {
                            drivers += seconds;
                        } else if (name.startsWith("camundaTaskExecutor")) {
                            jobs += seconds;
                        } else if (name.startsWith("custody-sequencer")) {
                            sequencer += seconds;
                        }
                    }
                    double postgres = BenchStats.postgresCpuSeconds();
                    double gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum() / 1e3;
                    double jit = compileSeconds();
                    return new Snapshot(busy, jvm, drivers, jobs, sequencer, gc, jit, postgres);
                } catch (Exception e) {
                    return new Snapshot(0, 0, 0, 0, 0, 0, 0, 0);
                }
            }
        }
    }

    private static Actor actor(Role role, UUID vendorId) {
        return new Actor(UUID.randomUUID(), "bench-" + role.name().toLowerCase(), Set.of(role), vendorId);
    }



    /**
     * The baseline: {@code processes/asset-retirement.bpmn} itself under another key, with every delegate and
     * listener a no-op expression and the gateways' conditions fixed to the path ours takes (sanitized and verified
     * at the first attempt). So it has the same elements, asynchronous continuations, multi-instance sub-process,
     * event sub-processes, candidate groups and SLA timers; its flags and media ids are set at its start.
     */
    static String bareModel() throws java.io.IOException {
        String model;
        try (var in = RetirementBenchmark.class.getClassLoader().getResourceAsStream("processes/asset-retirement.bpmn")) {
            model = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String bare = model.replace("\"" + RetirementProcess.PROCESS_KEY + "\"", "\"bare-retirement\"")
                .replace("name=\"LotReceived\"", "name=\"BareLotReceived\"")
                .replace("name=\"RetirementCancelled\"", "name=\"BareRetirementCancelled\"")
                .replace("name=\"AssetLostInTransit\"", "name=\"BareAssetLostInTransit\"")
                .replace("${!mediumSteps.sanitizationPassed(execution)}", "${false}")
                .replace("${mediumSteps.sanitizationPassed(execution)}", "${true}")
                .replace("${!mediumSteps.verificationPassed(execution)}", "${false}")
                .replace("${mediumSteps.verificationPassed(execution)}", "${true}")
                .replaceAll("delegateExpression=\"\\$\\{\\w+\\}\"", "expression=\"\\${true}\"");
        assertThat(bare).as("the bare model calls none of our code")
                .doesNotContain("delegateExpression", "${mediumSteps", "${!mediumSteps")
                .contains("id=\"bare-retirement\"", "name=\"BareLotReceived\"");
        return bare;
    }

    /** The bare instance's variables: what our delegates and the approval would have set on the way. */
    static Map<String, Object> bareVariables(String key) {
        return Map.of("assetId", key, "backupNeeded", false, "sanitizer", "IT_STAFF", "approved", true,
                "manualDeprovisioning", true, "mediumIds", new ArrayList<>(List.of(UUID.randomUUID().toString())));
    }
}
