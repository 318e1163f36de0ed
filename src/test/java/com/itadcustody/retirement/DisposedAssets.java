package com.itadcustody.retirement;

import static org.awaitility.Awaitility.await;

import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.MediaType;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.asset.internal.MediumInput;
import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import com.itadcustody.partner.inbound.ErasureReports;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.Vendors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;

/**
 * Assets driven all the way to disposal through the module APIs, for tests of what is built from a finished
 * retirement (evidence packs): a laptop with two drives, sanitized on site by a certified vendor who delivers an
 * erasure report (generic CSV), verified where sampled, handed over in a lot, recycled with a recycling certificate
 * as evidence file, settled and closed with its certificates of sanitization and disposition.
 */
public final class DisposedAssets {

    /**
     * One disposed asset.
     *
     * @param assetId the asset
     * @param tag its tag
     * @param retirementId its retirement
     * @param lotId the lot it left in
     * @param vendorId the vendor that sanitized, received and recycled it
     * @param erasureReport the bytes of the erasure report the vendor sent
     * @param recyclingCertificate the bytes of the recycling certificate stored as evidence
     */
    public record Disposed(UUID assetId, String tag, UUID retirementId, UUID lotId, UUID vendorId,
            byte[] erasureReport, byte[] recyclingCertificate) {
    }

    private final RetirementDriver driver;
    private final Retirements retirements;
    private final AssetRegistry assets;
    private final ErasureReports reports;
    private final EvidenceFiles evidenceFiles;
    private final ProcessEngine engine;

    /** The fixture, wired from the test's application context. */
    public DisposedAssets(ApplicationContext context) {
        this.retirements = context.getBean(Retirements.class);
        this.assets = context.getBean(AssetRegistry.class);
        this.reports = context.getBean(ErasureReports.class);
        this.evidenceFiles = context.getBean(EvidenceFiles.class);
        this.engine = context.getBean(ProcessEngine.class);
        this.driver = new RetirementDriver(engine, retirements,
                context.getBean(Lots.class), assets, context.getBean(Vendors.class));
    }

    /** Registers a laptop with two drives and drives it to disposal; returns once its retirement is closed. */
    public Disposed dispose() {
        UUID vendorId = driver.vendor(LocalDate.now().minusYears(1), LocalDate.now().plusYears(1));
        Actor vendor = RetirementDriver.actor(Role.VENDOR, vendorId);
        String unique = AssetFixtures.unique();
        AssetInput laptop = new AssetInput("EP-" + unique, "SN-EP-" + unique, AssetType.LAPTOP, "Lenovo",
                "ThinkPad T14", null, null, null, null, "Berlin HQ", null, "Finance", List.of(
                        new MediumInput(MediaType.NVME, "Samsung", "PM9A1", "EP-N-" + unique, 512_000_000_000L, true,
                                false),
                        new MediumInput(MediaType.SSD_SATA, "Samsung", "870 EVO", "EP-S-" + unique, 256_000_000_000L,
                                false, false)));
        UUID id = driver.request(laptop, DataConfidentiality.MODERATE, AssetDestination.LEAVES_ORGANISATION,
                vendorId);
        driver.approveAndPrepare(id);
        List<SanitizationPlanItem> plan = driver.plan(id);
        plan.forEach(medium -> driver.awaitMediumAt(id, medium.mediumId(), "Task_SanitizeMedium"));
        byte[] report = erasureReport(driver.serialOf(id), plan);
        try {
            reports.receive(vendorId, "erasure report " + unique + ".csv", new ByteArrayInputStream(report),
                    report.length, ErasureReports.Source.UPLOAD, vendor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (SanitizationPlanItem medium : plan) {
            await().atMost(Duration.ofSeconds(60)).until(() -> verifyStepOpen(id, medium.mediumId())
                    || atLotReceived(id) || retirements.verificationPassed(id, medium.mediumId()));
            if (verifyStepOpen(id, medium.mediumId())) {
                driver.verify(id, medium.mediumId(), true, null);
            }
        }
        UUID lot = driver.handedOverAndReceived(vendorId, vendor, id);
        driver.awaitAt(id, "Task_ProcessAsset");
        byte[] certificate = ("%PDF-1.4\n% recycling certificate of MetalCo for " + unique + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        EvidenceFile file = evidenceFiles.store(id, null, EvidenceFile.Kind.RECYCLING_CERTIFICATE,
                "MetalCo certificate " + unique + ".pdf", certificate, vendor);
        retirements.recordVendorProcessing(id, new VendorProcessing("D", false, DispositionMethod.RECYCLING,
                "Mixed metals", null, "Leipzig", Instant.now().minusSeconds(60), DispositionDetails.recycling(
                        "MetalCo GmbH", "R2v3 R2-4711", new BigDecimal("2.150"))), List.of(file.asEvidence()), vendor);
        driver.awaitAt(id, "Task_SettleAsset");
        retirements.settle(id, new Settlement(BigDecimal.ZERO, new BigDecimal("12.50"), "EUR"), driver.staff);
        await().atMost(Duration.ofSeconds(60)).until(() -> retirements.get(id).status() == RetirementStatus.CLOSED);
        return new Disposed(retirements.get(id).assetId(), laptop.tag(), id, lot, vendorId, report, certificate);
    }

    private boolean verifyStepOpen(UUID id, UUID mediumId) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id.toString())
                .taskDefinitionKey("Task_VerifyMedium").list().stream().anyMatch(t -> mediumId.toString().equals(
                        engine.getRuntimeService().getVariable(t.getExecutionId(), "mediumId")));
    }

    private boolean atLotReceived(UUID id) {
        var instance = driver.instance(id);
        return instance != null && engine.getRuntimeService().getActiveActivityIds(instance.getId())
                .contains("Event_LotReceived");
    }

    /** A generic CSV erasure report of the vendor: every planned medium with its planned method, passed. */
    private static byte[] erasureReport(String assetSerial, List<SanitizationPlanItem> plan) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0);
        StringBuilder csv = new StringBuilder("mediumSerial,assetSerial,methodType,technique,tool,toolVersion,"
                + "operator,result,startedAt,finishedAt,verificationMethod,notes\n");
        for (SanitizationPlanItem item : plan) {
            csv.append(item.mediumSerial()).append(',').append(assetSerial).append(',').append(item.methodType())
                    .append(',').append(item.technique()).append(",DiskWipe Enterprise,7.4.2,Jo Technician,passed,")
                    .append(start).append(',').append(start.plusMinutes(42)).append(",FULL,On site\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
