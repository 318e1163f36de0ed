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
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementStatus;
import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.Settlement;
import com.itadcustody.retirement.VendorProcessing;
import com.itadcustody.retirement.VerificationReport;
import com.itadcustody.retirement.process.LotProcess;
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
import java.util.List;
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
 * module APIs by a driver that completes every task, against a bare BPMN of the same shape with no-op delegates on
 * the same engine and database. Results go to stdout and target/bench/retirement.md.
 */
class RetirementBenchmark extends IntegrationTest {

    static final int ASSETS = Integer.getInteger("bench.retirement.assets", 1_000);
    static final int RUNS = Integer.getInteger("bench.runs", 3);

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
        repository.createDeployment().addString("bare-retirement.bpmn", BARE).name("bench").deploy();
        // warm-up with a small lot each
        driveOurs(20, vendorId, vendor);
        driveBare(20);

        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            ours.add(driveOurs(ASSETS, vendorId, vendor));
            bare.add(driveBare(ASSETS));
            System.out.printf("retirement run %d: ours %.1f assets/s, bare %.1f assets/s%n", run, ours.get(run),
                    bare.get(run));
        }
        String report = """
                ## Retirement workflow: a lot of %,d assets from request to closure (%d runs, medians)
                | what | median assets/s | runs |
                |---|---|---|
                | ours, through the module APIs (custody events, certificates of sanitization and disposition, lot handoff) | %.1f | %s |
                | bare BPMN of the same shape, no-op delegates, same engine and database (baseline) | %.1f | %s |
                | ratio bare / ours (how many times the bare engine is faster) | %.2f | |
                """.formatted(ASSETS, RUNS, median(ours), format(ours, "%.1f"), median(bare), format(bare, "%.1f"),
                median(bare) / median(ours));
        System.out.println(report);
        Path out = Path.of("target", "bench", "retirement.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Drives {@code n} fresh assets through the whole retirement; returns assets per second to closure. */
    private double driveOurs(int n, UUID vendorId, Actor vendor) {
        List<Asset> assets = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < n; i++) {
            assets.add(registry.register(new AssetInput("B-" + run + "-" + i, "BS-" + run + "-" + i,
                    AssetType.DESKTOP, "Dell", "OptiPlex", null, null, null, null, "DC-1", null, "IT",
                    List.of(new MediumInput(MediaType.HDD_ATA, "WD", "Blue", "BM-" + run + "-" + i, null, false,
                            false))), staff));
        }
        long start = System.nanoTime();
        List<UUID> ids = new ArrayList<>();
        for (Asset asset : assets) {
            ids.add(retirements.request(asset.id(), "Bench", DataConfidentiality.LOW,
                    AssetDestination.INTERNAL_REUSE, staff).id());
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
        Set<UUID> mine = Set.copyOf(ids);
        while (!allAwaitLot(ids)) {
            boolean progressed = false;
            for (RetirementTask t : retirements.tasksFor(manager)) {
                if (mine.contains(t.retirementId()) && t.step().equals("Task_ApproveRetirement")) {
                    retirements.decide(t.retirementId(), true, null, manager);
                    progressed = true;
                }
            }
            for (RetirementTask t : retirements.tasksFor(staff)) {
                if (!mine.contains(t.retirementId())) {
                    continue;
                }
                if (t.step().equals("Task_AttestDeprovisioning")) {
                    retirements.attestDeprovisioning(t.retirementId(), attestations, staff);
                    progressed = true;
                } else if (t.step().equals("Task_SanitizeMedium")) {
                    retirements.recordSanitization(t.retirementId(), t.mediumId(), new SanitizationReport(operator,
                            SanitizationTechnique.OVERWRITE, null, "nwipe", "0.37", VerificationMethod.QUICK_SAMPLING,
                            true, "Unclassified", null, null, Instant.now().minusSeconds(60)), staff);
                    progressed = true;
                }
            }
            for (RetirementTask t : retirements.tasksFor(verifier)) {
                if (mine.contains(t.retirementId()) && t.step().equals("Task_VerifyMedium")) {
                    retirements.recordVerification(t.retirementId(), t.mediumId(), new VerificationReport(validator,
                            VerificationMethod.FULL, true, null, null), verifier);
                    progressed = true;
                }
            }
            if (!progressed) {
                LockSupport.parkNanos(20_000_000);
            }
        }
        UUID lot = lots.create(vendorId, ids.stream().map(id -> new Lots.NewItem(id, null)).toList(), "Bench carrier",
                null, "Dock", staff).id();
        awaitLotStep(lot, LotProcess.SIGN_OFF);
        lots.signOff(lot, staff);
        awaitLotStep(lot, LotProcess.PICKUP);
        lots.confirmPickup(lot, vendor);
        awaitLotStep(lot, LotProcess.RECEIPT);
        lots.reconcileReceipt(lot, assets.stream().map(Asset::serialNumber).toList(), vendor);
        while (!allIn(ids, RetirementStatus.CLOSED)) {
            boolean progressed = false;
            for (RetirementTask t : retirements.tasksFor(vendor)) {
                if (mine.contains(t.retirementId()) && t.step().equals("Task_ProcessAsset")) {
                    retirements.recordVendorProcessing(t.retirementId(), new VendorProcessing("B", true,
                            DispositionMethod.RESALE, "Sold in bulk", null, "Leipzig",
                            Instant.now().minus(1, ChronoUnit.MINUTES)), vendor);
                    progressed = true;
                }
            }
            for (RetirementTask t : retirements.tasksFor(staff)) {
                if (mine.contains(t.retirementId()) && t.step().equals("Task_SettleAsset")) {
                    retirements.settle(t.retirementId(), new Settlement(BigDecimal.TEN, BigDecimal.ONE, "EUR"),
                            staff);
                    progressed = true;
                }
            }
            if (!progressed) {
                LockSupport.parkNanos(20_000_000);
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Drives {@code n} instances of the bare process of the same shape; returns instances per second to the end. */
    private double driveBare(int n) {
        long start = System.nanoTime();
        String batch = UUID.randomUUID().toString();
        for (int i = 0; i < n; i++) {
            runtime.startProcessInstanceByKey("bare-retirement", batch + "-" + i);
        }
        while (runtime.createProcessInstanceQuery().processDefinitionKey("bare-retirement")
                .processInstanceBusinessKeyLike(batch + "%").count() > 0) {
            boolean progressed = false;
            for (Task t : tasks.createTaskQuery().processDefinitionKey("bare-retirement")
                    .processInstanceBusinessKeyLike(batch + "%").listPage(0, 500)) {
                tasks.complete(t.getId());
                progressed = true;
            }
            for (var e : runtime.createExecutionQuery().processDefinitionKey("bare-retirement")
                    .messageEventSubscriptionName("BareLotReceived").listPage(0, 500)) {
                runtime.messageEventReceived("BareLotReceived", e.getId());
                progressed = true;
            }
            if (!progressed) {
                LockSupport.parkNanos(20_000_000);
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private boolean allAwaitLot(List<UUID> ids) {
        for (UUID id : ids) {
            if (!lotProcess.awaitsLot(id)) {
                return false;
            }
        }
        return true;
    }

    private boolean allIn(List<UUID> ids, RetirementStatus status) {
        Integer open = jdbc.queryForObject("select count(*) from retirement_request"
                + " where id::text = any(string_to_array(?, ',')) and status <> ?", Integer.class,
                String.join(",", ids.stream().map(UUID::toString).toList()), status.name());
        return open != null && open == 0;
    }

    private void awaitLotStep(UUID lot, String step) {
        while (lotProcess.waitingTask(lot, step).isEmpty()) {
            LockSupport.parkNanos(20_000_000);
        }
    }

    private static Actor actor(Role role, UUID vendorId) {
        return new Actor(UUID.randomUUID(), "bench-" + role.name().toLowerCase(), Set.of(role), vendorId);
    }



    /** The asset-retirement shape without any of our work: user tasks, no-op service tasks, the same waits. */
    static final String BARE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Bare" targetNamespace="https://itadcustody.com/bench">
              <bpmn:message id="M" name="BareLotReceived"/>
              <bpmn:process id="bare-retirement" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="s" camunda:asyncBefore="true"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="approve"/>
                <bpmn:userTask id="approve"/>
                <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="split"/>
                <bpmn:parallelGateway id="split"/>
                <bpmn:sequenceFlow id="f3" sourceRef="split" targetRef="reclaim"/>
                <bpmn:serviceTask id="reclaim" camunda:asyncBefore="true" camunda:expression="${true}"/>
                <bpmn:sequenceFlow id="f4" sourceRef="reclaim" targetRef="join"/>
                <bpmn:sequenceFlow id="f5" sourceRef="split" targetRef="deprovision"/>
                <bpmn:userTask id="deprovision"/>
                <bpmn:sequenceFlow id="f6" sourceRef="deprovision" targetRef="join"/>
                <bpmn:parallelGateway id="join" camunda:asyncBefore="true"/>
                <bpmn:sequenceFlow id="f7" sourceRef="join" targetRef="decide"/>
                <bpmn:serviceTask id="decide" camunda:asyncBefore="true" camunda:expression="${true}"/>
                <bpmn:sequenceFlow id="f8" sourceRef="decide" targetRef="sanitize"/>
                <bpmn:userTask id="sanitize"/>
                <bpmn:sequenceFlow id="f9" sourceRef="sanitize" targetRef="sample"/>
                <bpmn:serviceTask id="sample" camunda:expression="${true}"/>
                <bpmn:sequenceFlow id="f10" sourceRef="sample" targetRef="verify"/>
                <bpmn:userTask id="verify"/>
                <bpmn:sequenceFlow id="f11" sourceRef="verify" targetRef="certify"/>
                <bpmn:serviceTask id="certify" camunda:asyncBefore="true" camunda:expression="${true}"/>
                <bpmn:sequenceFlow id="f12" sourceRef="certify" targetRef="received"/>
                <bpmn:intermediateCatchEvent id="received"><bpmn:messageEventDefinition messageRef="M"/></bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f13" sourceRef="received" targetRef="process"/>
                <bpmn:userTask id="process"/>
                <bpmn:sequenceFlow id="f14" sourceRef="process" targetRef="settle"/>
                <bpmn:userTask id="settle"/>
                <bpmn:sequenceFlow id="f15" sourceRef="settle" targetRef="close"/>
                <bpmn:serviceTask id="close" camunda:asyncBefore="true" camunda:expression="${true}"/>
                <bpmn:sequenceFlow id="f16" sourceRef="close" targetRef="e"/>
                <bpmn:endEvent id="e"/>
              </bpmn:process>
            </bpmn:definitions>
            """;
}
