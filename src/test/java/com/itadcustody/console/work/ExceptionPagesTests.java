package com.itadcustody.console.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.console.work.ConsoleSession.Form;
import com.itadcustody.console.work.ConsoleSession.Response;
import com.itadcustody.console.work.WorkPagesFixture.Login;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.partner.inbound.ErasureExceptionView;
import com.itadcustody.partner.inbound.ErasureReports;
import com.itadcustody.partner.portal.PortalFixture;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.process.RetirementProcess;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The erasure-report exceptions queue: listing and filtering, resolving with a note, retrying, and who may. */
class ExceptionPagesTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ErasureReports reports;

    @Autowired
    Retirements retirements;

    @Autowired
    RetirementProcess process;

    static WorkPagesFixture fixture;
    static PortalFixture portal;
    static Login staff;
    static Login verifier;
    static UUID vendor;

    @BeforeAll
    static void users(@Autowired ApplicationContext context) {
        fixture = new WorkPagesFixture(context);
        portal = PortalFixture.from(context);
        staff = fixture.user("exceptions.staff", Role.IT_STAFF);
        verifier = fixture.user("exceptions.verifier", Role.VERIFIER);
        vendor = portal.certifiedVendor("Console exceptions vendor");
    }

    /** Uploads a report whose only record names a serial no medium has: an UNKNOWN_SERIAL exception. */
    private ErasureExceptionView unknownSerial(String serial) throws Exception {
        String csv = "mediumSerial,methodType,technique,tool,toolVersion,operator,result,startedAt,finishedAt,"
                + "verificationMethod\n" + serial + ",PURGE,CRYPTO_ERASE,DiskWipe,7.4,Jo Technician,passed,"
                + "2026-01-10T09:00:00Z,2026-01-10T09:05:00Z,FULL\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        reports.receive(vendor, "wipe-" + serial + ".csv", new ByteArrayInputStream(bytes), bytes.length,
                ErasureReports.Source.UPLOAD, staff.actor());
        return reports.exceptions(vendor, "OPEN", null, null, 0, 500, staff.actor()).content().stream()
                .filter(e -> serial.equals(e.mediumSerial())).findFirst().orElseThrow();
    }

    @Test
    void listsOpenExceptionsOfAVendorWithTheirReasonAndTheRecentReports() throws Exception {
        String serial = "NOPE-" + UUID.randomUUID().toString().substring(0, 8);
        unknownSerial(serial);
        ConsoleSession session = ConsoleSession.signedIn(port, staff.username(), WorkPagesFixture.PASSWORD);

        Response page = session.get("/exceptions?state=OPEN&vendorId=" + vendor);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(serial).contains("UNKNOWN_SERIAL").contains("unknown-serial")
                .contains("Console exceptions vendor").contains("id=\"reports\"").contains("wipe-" + serial + ".csv")
                .contains("Retry").contains("for=\"note-");
        assertThat(session.get("/exceptions?state=RESOLVED&vendorId=" + vendor).body())
                .doesNotContain("<span class=\"serial\">" + serial + "</span>");
        assertThat(session.get("/exceptions?vendorId=not-an-id&state=bogus").status()).isEqualTo(200);
    }

    @Test
    void resolvesAnExceptionWithANoteAndRefusesAnEmptyNote() throws Exception {
        String serial = "NOPE-" + UUID.randomUUID().toString().substring(0, 8);
        ErasureExceptionView exception = unknownSerial(serial);
        ConsoleSession session = ConsoleSession.signedIn(port, staff.username(), WorkPagesFixture.PASSWORD);
        String back = "/exceptions?state=OPEN&vendorId=" + vendor;
        session.get(back);

        Response empty = session.post("/exceptions/" + exception.id() + "/resolution", Form.of("note", " ",
                "back", back));
        assertThat(empty.status()).isEqualTo(302);
        assertThat(empty.location()).endsWith(back);
        assertThat(session.get(back).body()).contains("Write a note saying how the exception was resolved.")
                .contains("id=\"note-" + exception.id() + "-error\"");
        assertThat(reports.exception(exception.id(), staff.actor()).state()).isEqualTo("OPEN");

        Response resolved = session.post("/exceptions/" + exception.id() + "/resolution",
                Form.of("note", "Drive belonged to another customer", "back", back));
        assertThat(resolved.status()).isEqualTo(302);
        assertThat(session.get(back).body()).contains("Exception resolved.");
        ErasureExceptionView after = reports.exception(exception.id(), staff.actor());
        assertThat(after.state()).isEqualTo("RESOLVED");
        assertThat(after.resolution()).isEqualTo("Drive belonged to another customer");
        assertThat(after.resolvedBy()).isEqualTo(staff.actor().userId());

        Response twice = session.post("/exceptions/" + exception.id() + "/resolution", Form.of("note", "again"));
        assertThat(twice.location()).endsWith("/exceptions");
        assertThat(session.get("/exceptions").body()).contains("id=\"problem\"").contains("resolved on");
    }

    @Test
    void retriesAnExceptionsRecordAndSaysWhyItStillCannotBeApplied() throws Exception {
        String serial = "NOPE-" + UUID.randomUUID().toString().substring(0, 8);
        ErasureExceptionView exception = unknownSerial(serial);
        ConsoleSession session = ConsoleSession.signedIn(port, staff.username(), WorkPagesFixture.PASSWORD);
        session.get("/exceptions");

        Response retried = session.post("/exceptions/" + exception.id() + "/retry", Form.of("back",
                "https://evil.example/"));

        assertThat(retried.status()).isEqualTo(302);
        assertThat(retried.location()).endsWith("/exceptions").doesNotContain("evil");
        assertThat(session.get("/exceptions").body()).contains("The record still cannot be applied");
        assertThat(reports.exception(exception.id(), staff.actor()).state()).isEqualTo("OPEN");
    }

    @Test
    void retriesAnUnknownSerialOnceItsMediumWaitsAndResolvesItWhenApplied() throws Exception {
        Asset asset = fixture.laptop();
        var medium = asset.media().get(0);
        var planned = process.decideSanitization(medium.mediaType().name(), "LOW", "LEAVES_ORGANISATION",
                medium.selfEncrypting());
        UUID retirement = retirements.request(asset.id(), "On-site erasure", DataConfidentiality.LOW,
                AssetDestination.LEAVES_ORGANISATION, vendor, staff.actor()).id();
        String finished = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(2)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String csv = "mediumSerial,methodType,technique,tool,toolVersion,operator,result,startedAt,finishedAt,"
                + "verificationMethod\n" + medium.serialNumber() + "," + planned.methodType() + ","
                + planned.technique() + ",DiskWipe,7.4,Jo Technician,passed," + finished + "," + finished + ",FULL\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        reports.receive(vendor, "early.csv", new ByteArrayInputStream(bytes), bytes.length,
                ErasureReports.Source.UPLOAD, staff.actor());
        ErasureExceptionView exception = reports.exceptions(vendor, "OPEN", null, null, 0, 500, staff.actor())
                .content().stream().filter(e -> medium.serialNumber().equals(e.mediumSerial())).findFirst()
                .orElseThrow();
        assertThat(exception.kind()).isIn("UNKNOWN_SERIAL", "STEP_NOT_OPEN");
        PortalFixture.when(() -> retirements.decide(retirement, true, null, portal.manager));
        PortalFixture.when(() -> retirements.attestDeprovisioning(retirement, java.util.Arrays.stream(
                DeprovisioningAttestation.System.values()).map(s -> new DeprovisioningAttestation(s,
                DeprovisioningAttestation.Outcome.DONE, "Ticket " + s)).toList(), portal.staff));
        fixture.awaitTask(retirement, "Task_SanitizeMedium");
        ConsoleSession session = ConsoleSession.signedIn(port, staff.username(), WorkPagesFixture.PASSWORD);

        Response retried = session.post("/exceptions/" + exception.id() + "/retry", Form.of("back",
                "/exceptions?state=RESOLVED"));

        assertThat(retried.location()).endsWith("/exceptions?state=RESOLVED");
        assertThat(session.get("/exceptions?state=RESOLVED").body())
                .contains("The record was applied; the exception is resolved.");
        assertThat(reports.exception(exception.id(), staff.actor()).state()).isEqualTo("RESOLVED");
        fixture.awaitTask(retirement, "Task_VerifyMedium");
    }

    @Test
    void refusesTheQueueToRolesThatMayNotHandleExceptions() throws Exception {
        ErasureExceptionView exception = unknownSerial("NOPE-" + UUID.randomUUID().toString().substring(0, 8));
        ConsoleSession session = ConsoleSession.signedIn(port, verifier.username(), WorkPagesFixture.PASSWORD);

        assertThat(session.get("/exceptions").status()).isEqualTo(403);
        assertThat(session.post("/exceptions/" + exception.id() + "/resolution", Form.of("note", "no")).status())
                .isEqualTo(403);
        assertThat(reports.exception(exception.id(), staff.actor()).state()).isEqualTo("OPEN");
    }
}
