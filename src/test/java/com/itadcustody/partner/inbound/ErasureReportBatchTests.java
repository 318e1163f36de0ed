package com.itadcustody.partner.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.AssetType;
import com.itadcustody.asset.MediaType;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.asset.internal.MediumInput;
import com.itadcustody.custody.internal.CustodySequencer;
import com.itadcustody.custody.internal.LogStore;
import com.itadcustody.partner.inbound.ErasureFixture.Waiting;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.retirement.TaskAssignments;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records applied in batches and side by side: a record the retirement module refuses while its batch is being
 * recorded costs only itself (the batch is rolled back and applied record by record), and records of many
 * retirements and of one retirement come back in file order.
 */
class ErasureReportBatchTests extends IntegrationTest {

    @Autowired
    TestUsers users;

    @Autowired
    Retirements retirements;

    @Autowired
    TaskAssignments assignments;

    @Autowired
    AssetRegistry assets;

    @Autowired
    ErasureReports reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustodySequencer sequencer;

    @Autowired
    LogStore log;

    ErasureFixture fixture;
    UUID vendorId;
    final Actor staff = ErasureFixture.actor(Role.IT_STAFF);
    final Actor manager = ErasureFixture.actor(Role.ASSET_MANAGER);

    @BeforeEach
    void setUp() {
        fixture = new ErasureFixture(retirements, assets);
        vendorId = users.vendorId("Batch vendor " + UUID.randomUUID());
    }

    @Test
    void aRecordRefusedInsideItsBatchIsReportedExactlyAndEveryOtherRecordIsApplied() throws Exception {
        // one server with 5 drives: one retirement, so its 5 records are one group and one batch (default 50)
        List<Waiting> drives = server(5);
        Waiting claimed = drives.get(2);
        Actor engineer = new Actor(UUID.randomUUID(), "vendor.engineer", Set.of(Role.VENDOR), vendorId);
        RetirementTask task = retirements.tasksFor(engineer).stream()
                .filter(t -> claimed.mediumId().equals(t.mediumId())).findFirst().orElseThrow();
        assignments.claim(task.id(), engineer);
        byte[] file = ErasureFixture.csv(drives).getBytes(StandardCharsets.UTF_8);

        // delivered by the file drop's system actor, not by the engineer who claimed the step
        ErasureReportResult result = reports.receive(vendorId, "server.csv", new ByteArrayInputStream(file),
                file.length, ErasureReports.Source.DROP, null);

        assertThat(result.lines()).extracting(l -> l.line() + ":" + l.outcome() + ":" + l.rule())
                .containsExactly("2:APPLIED:null", "3:APPLIED:null", "4:EXCEPTION:claimed-by-another",
                        "5:APPLIED:null", "6:APPLIED:null");
        assertThat(result.report().applied()).isEqualTo(4);
        assertThat(result.report().exceptions()).isEqualTo(1);
        for (Waiting drive : drives) {
            assertThat(attempts(drive)).as(drive.serial()).isEqualTo(drive == claimed ? 0 : 1);
        }
        List<String> sanitizedSerials = ErasureFixture.events(sequencer, log, claimed.assetId()).stream()
                .filter(e -> e.get("type").asText().equals("MEDIUM_SANITIZED"))
                .map(e -> e.path("mediumSerial").asText()).toList();
        assertThat(sanitizedSerials).hasSize(4).doesNotContain(claimed.serial());
        var exception = jdbc.queryForMap("select kind, rule, medium_serial, medium_id, state from erasure_exception"
                + " where report_id = ?", result.report().id());
        assertThat(exception).containsEntry("kind", "INCONSISTENT").containsEntry("rule", "claimed-by-another")
                .containsEntry("medium_serial", claimed.serial()).containsEntry("medium_id", claimed.mediumId())
                .containsEntry("state", "OPEN");
        assertThat(retirements.tasksFor(engineer)).extracting(RetirementTask::mediumId).contains(claimed.mediumId());
    }

    @Test
    void recordsOfManyRetirementsComeBackInFileOrderAndARepeatedSerialIsAppliedOnce() {
        List<Waiting> laptops = fixture.waitingMedia(vendorId, 3);
        List<Waiting> drives = server(3);
        Waiting repeated = drives.get(1);
        List<Waiting> interleaved = List.of(drives.get(0), laptops.get(0), repeated, laptops.get(1), drives.get(2),
                laptops.get(2));
        String file = ErasureFixture.HEADER
                + ErasureFixture.csvLine(repeated.serial(), null, repeated.methodType(), repeated.technique(),
                        "failed")
                + ErasureFixture.csv(interleaved).substring(ErasureFixture.HEADER.length())
                + ErasureFixture.csvLine(repeated.serial(), null, repeated.methodType(), repeated.technique(),
                        "passed");
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);

        ErasureReportResult result;
        try {
            result = reports.receive(vendorId, "mixed.csv", new ByteArrayInputStream(bytes), bytes.length,
                    ErasureReports.Source.DROP, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(result.lines()).extracting(l -> l.line() + ":" + l.mediumSerial() + ":" + l.outcome())
                .containsExactly("2:" + repeated.serial() + ":APPLIED_FAILED",
                        "3:" + drives.get(0).serial() + ":APPLIED", "4:" + laptops.get(0).serial() + ":APPLIED",
                        "5:" + repeated.serial() + ":APPLIED", "6:" + laptops.get(1).serial() + ":APPLIED",
                        "7:" + drives.get(2).serial() + ":APPLIED", "8:" + laptops.get(2).serial() + ":APPLIED",
                        "9:" + repeated.serial() + ":EXCEPTION");
        assertThat(result.lines().get(7).rule()).isEqualTo("already-sanitized");
        assertThat(result.lines().get(7).message()).contains("record 5");
        assertThat(attempts(repeated)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select passed from medium_sanitization where medium_id = ? and attempt = 2",
                Boolean.class, repeated.mediumId())).isTrue();
    }

    /** A server with {@code drives} drives, retired with its media sanitized on site by the vendor; waits for it. */
    private List<Waiting> server(int drives) {
        String id = AssetFixtures.unique();
        List<MediumInput> media = new ArrayList<>();
        for (int d = 0; d < drives; d++) {
            media.add(new MediumInput(MediaType.SSD_SATA, "Samsung", "PM893", "BT-" + id + "-" + d, 960_000_000_000L,
                    true, false));
        }
        var asset = assets.register(new AssetInput("BT-" + id, "BTS-" + id, AssetType.SERVER, "Dell",
                "PowerEdge R650", null, null, null, null, "DC-1", null, "Infrastructure", media), staff);
        UUID retirement = retirements.request(asset.id(), "Batch test", DataConfidentiality.LOW,
                AssetDestination.LEAVES_ORGANISATION, vendorId, staff).id();
        fixture.awaitStep(retirement, "Task_ApproveRetirement");
        retirements.decide(retirement, true, null, manager);
        fixture.awaitStep(retirement, "Task_AttestDeprovisioning");
        retirements.attestDeprovisioning(retirement, ErasureFixture.ALL_SYSTEMS, staff);
        fixture.awaitStep(retirement, "Task_SanitizeMedium");
        List<Waiting> waiting = new ArrayList<>();
        for (SanitizationPlanItem item : retirements.sanitizationPlan(retirement)) {
            waiting.add(new Waiting(retirement, asset.id(), asset.serialNumber(), item.mediumId(),
                    item.mediumSerial(), item.methodType(), item.technique()));
        }
        return waiting;
    }

    private int attempts(Waiting medium) {
        return jdbc.queryForObject("select count(*) from medium_sanitization where retirement_id = ? and medium_id = ?",
                Integer.class, medium.retirementId(), medium.mediumId());
    }
}
