package com.itadcustody.console.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.certificate.DispositionRecord.DispositionMethod;
import com.itadcustody.console.work.ConsoleSession.Form;
import com.itadcustody.console.work.ConsoleSession.Response;
import com.itadcustody.console.work.WorkPagesFixture.Login;
import com.itadcustody.partner.portal.PortalFixture;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.Deprovisioning;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.DeprovisioningStatus;
import com.itadcustody.retirement.DispositionDetails;
import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementStatus;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.retirement.VendorProcessing;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.vendor.Vendors;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The task inbox and each task type's form, with the REST API's validation and domain rules. */
class TaskPagesTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Retirements retirements;

    @Autowired
    Lots lots;

    @Autowired
    Deprovisioning deprovisioning;

    @Autowired
    Vendors vendors;

    static WorkPagesFixture fixture;
    static PortalFixture portal;
    static Login staff;
    static Login manager;
    static Login otherManager;
    static Login verifier;
    static Login staffAndVerifier;
    static Login compliance;

    @BeforeAll
    static void users(@Autowired ApplicationContext context) {
        fixture = new WorkPagesFixture(context);
        portal = PortalFixture.from(context);
        staff = fixture.user("tasks.staff", Role.IT_STAFF);
        manager = fixture.user("tasks.manager", Role.ASSET_MANAGER);
        otherManager = fixture.user("tasks.manager2", Role.ASSET_MANAGER);
        verifier = fixture.user("tasks.verifier", Role.VERIFIER);
        staffAndVerifier = fixture.user("tasks.both", Role.IT_STAFF, Role.VERIFIER);
        compliance = fixture.user("tasks.compliance", Role.COMPLIANCE);
    }

    private ConsoleSession as(Login login) {
        return ConsoleSession.signedIn(port, login.username(), WorkPagesFixture.PASSWORD);
    }

    private UUID requested(Asset asset, DataConfidentiality confidentiality, AssetDestination destination,
            Login requester) {
        UUID id = retirements.request(asset.id(), "Console task test", confidentiality, destination,
                requester.actor()).id();
        fixture.awaitTask(id, TaskPages.APPROVE);
        return id;
    }

    private static Form person(String name) {
        return Form.of("personName", name, "personTitle", "Technician", "personOrganisation", "Example Corp IT",
                "personLocation", "Berlin");
    }

    /** Follows the inbox's pages until the row of this step shows up; returns that page. */
    private static Response findInInbox(ConsoleSession session, String taskId) {
        String path = "/tasks";
        for (int i = 0; i < 400 && path != null; i++) {
            Response page = session.get(path);
            assertThat(page.status()).isEqualTo(200);
            if (page.body().contains("data-task=\"" + taskId + "\"")) {
                return page;
            }
            Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(page.body());
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        throw new AssertionError("step " + taskId + " is not in the inbox");
    }

    @Test
    void listsTheStepInTheInboxAndCompletesApprovalBackupDeprovisioningSanitizationAndVerificationByTheirForms() {
        Asset asset = fixture.laptop();
        UUID id = requested(asset, DataConfidentiality.MODERATE, AssetDestination.INTERNAL_REUSE, staff);
        String approval = fixture.awaitTask(id, TaskPages.APPROVE);

        ConsoleSession managers = as(otherManager);
        Response inbox = findInInbox(managers, approval);
        assertThat(inbox.body()).contains(asset.tag()).contains("Approve retirement").contains("ASSET_MANAGER");
        Response page = managers.get("/tasks/" + approval);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(asset.tag()).contains("Console task test").contains("name=\"approve\"")
                .contains("id=\"cancel-form\"");
        Response approved = managers.post("/tasks/" + approval, Form.of("approve", "true", "comment", "ok"));
        assertThat(approved.status()).isEqualTo(302);
        assertThat(approved.location()).endsWith("/tasks");
        assertThat(managers.get("/tasks").body()).contains("Retirement approved");
        assertThat(retirements.get(id).status()).isEqualTo(RetirementStatus.APPROVED);

        ConsoleSession it = as(staff);
        String backup = fixture.awaitTask(id, TaskPages.CONFIRM_BACKUP);
        Response neither = it.post("/tasks/" + backup, Form.of("backupLocation", ""));
        assertThat(neither.status()).isEqualTo(422);
        assertThat(neither.body()).contains("id=\"backupLocation-error\"").contains("not both");
        assertThat(it.post("/tasks/" + backup, Form.of("backupLocation", "//nas/retired/" + asset.tag()))
                .status()).isEqualTo(302);

        String attest = fixture.awaitTask(id, TaskPages.ATTEST_DEPROVISIONING);
        List<DeprovisioningAttestation.System> pending = deprovisioning.status(id).systems().stream()
                .filter(s -> s.state() != DeprovisioningStatus.State.DONE)
                .map(DeprovisioningStatus.SystemStatus::system).toList();
        assertThat(pending).hasSizeGreaterThan(1);
        assertThat(it.get("/tasks/" + attest).body()).contains("attestations0.system")
                .contains(pending.get(0).name());
        Form missingEvidence = new Form();
        for (int i = 0; i < pending.size(); i++) {
            missingEvidence.add("attestations[" + i + "].system", pending.get(i)).add("attestations[" + i
                    + "].outcome", "DONE").add("attestations[" + i + "].evidence", i == 1 ? " " : "Ticket IT-" + i);
        }
        Response refused = it.post("/tasks/" + attest, missingEvidence);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"attestations1.evidence-error\"").contains("value=\"Ticket IT-0\"");
        Form complete = new Form();
        for (int i = 0; i < pending.size(); i++) {
            complete.add("attestations[" + i + "].system", pending.get(i)).add("attestations[" + i + "].outcome",
                    "DONE").add("attestations[" + i + "].evidence", "Ticket IT-" + i);
        }
        assertThat(it.post("/tasks/" + attest, complete).status()).isEqualTo(302);

        String sanitize = fixture.awaitTask(id, TaskPages.SANITIZE);
        SanitizationPlanItem medium = retirements.sanitizationPlan(id).get(0);
        assertThat(medium.methodType()).isNotEqualTo("DESTROY");
        ConsoleSession both = as(staffAndVerifier);
        assertThat(both.get("/tasks/" + sanitize).body()).contains(medium.mediumSerial())
                .containsPattern("value=\"" + medium.technique() + "\"\\s+selected");
        String finished = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES).toString();
        Form sanitization = person("Alex Operator").add("technique", medium.technique()).add("verificationMethod",
                "FULL").add("passed", "true").add("postSanitizationClassification", "Unclassified")
                .add("completedAt", finished);
        Response noTool = both.post("/tasks/" + sanitize, sanitization);
        assertThat(noTool.status()).isEqualTo(422);
        assertThat(noTool.body()).contains("id=\"tool-error\"").contains("Alex Operator");
        assertThat(both.post("/tasks/" + sanitize, sanitization.add("tool", "nwipe").add("toolVersion", "0.37"))
                .status()).isEqualTo(302);

        String verify = fixture.awaitTask(id, TaskPages.VERIFY);
        Form verification = person("Sam Verifier").add("verificationMethod", "FULL").add("passed", "true")
                .add("notes", "No data recovered");
        Response ownWork = both.post("/tasks/" + verify, verification);
        assertThat(ownWork.status()).isEqualTo(403);
        assertThat(ownWork.body()).contains("id=\"global-error\"")
                .contains("verified by someone other than the person who sanitized it")
                .contains("No data recovered");
        assertThat(fixture.open(verify)).isTrue();

        ConsoleSession verifiers = as(verifier);
        Response sameName = verifiers.post("/tasks/" + verify, person("alex operator").add("verificationMethod",
                "FULL").add("passed", "true"));
        assertThat(sameName.status()).isEqualTo(422);
        assertThat(sameName.body()).contains("id=\"personName-error\"");
        assertThat(verifiers.post("/tasks/" + verify, verification).status()).isEqualTo(302);
        assertThat(fixture.open(verify)).isFalse();
    }

    @Test
    void refusesTheRequesterApprovingTheirOwnRequestAndChangesNothing() {
        UUID id = requested(fixture.laptop(), DataConfidentiality.LOW, AssetDestination.DISPOSAL, manager);
        String approval = fixture.awaitTask(id, TaskPages.APPROVE);
        ConsoleSession session = as(manager);

        Response refused = session.post("/tasks/" + approval, Form.of("approve", "true", "comment", "mine"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"global-error\"")
                .contains("decided by an asset manager other than the person who requested it")
                .contains("value=\"mine\"");
        assertThat(retirements.get(id).status()).isEqualTo(RetirementStatus.REQUESTED);
        assertThat(fixture.open(approval)).isTrue();
    }

    @Test
    void showsARejectionWithoutCommentNextToTheCommentKeepingTheChoiceThenRejects() {
        Asset asset = fixture.laptop();
        UUID id = requested(asset, DataConfidentiality.LOW, AssetDestination.DISPOSAL, staff);
        String approval = fixture.awaitTask(id, TaskPages.APPROVE);
        ConsoleSession session = as(manager);

        Response noChoice = session.post("/tasks/" + approval, Form.of("comment", ""));
        assertThat(noChoice.status()).isEqualTo(422);
        assertThat(noChoice.body()).contains("id=\"approve-error\"").contains("Choose approve or reject.");

        Response noComment = session.post("/tasks/" + approval, Form.of("approve", "false", "comment", ""));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.body()).contains("id=\"comment-error\"").contains("aria-invalid=\"true\"")
                .containsPattern("value=\"false\"[^>]*checked");
        assertThat(retirements.get(id).status()).isEqualTo(RetirementStatus.REQUESTED);

        assertThat(session.post("/tasks/" + approval, Form.of("approve", "false", "comment", "Still in use"))
                .status()).isEqualTo(302);
        assertThat(retirements.get(id).status()).isEqualTo(RetirementStatus.REJECTED);
        assertThat(fixture.reload(asset.id()).status()).isEqualTo(AssetStatus.IN_SERVICE);
    }

    @Test
    void claimsAStepSoThatAColleagueCannotCompleteItUntilReleased() {
        UUID id = requested(fixture.laptop(), DataConfidentiality.LOW, AssetDestination.DISPOSAL, staff);
        String approval = fixture.awaitTask(id, TaskPages.APPROVE);
        ConsoleSession mine = as(manager);
        ConsoleSession theirs = as(otherManager);

        Response claimed = mine.post("/tasks/" + approval + "/claim", new Form());
        assertThat(claimed.status()).isEqualTo(302);
        assertThat(claimed.location()).endsWith("/tasks/" + approval);
        assertThat(mine.get("/tasks/" + approval).body()).contains("You claimed this step").contains("by you")
                .contains("id=\"release\"");
        assertThat(theirs.get("/tasks/" + approval).body()).contains("by a colleague");

        Response blocked = theirs.post("/tasks/" + approval, Form.of("approve", "true"));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body()).contains("Another user has claimed this step");
        assertThat(retirements.get(id).status()).isEqualTo(RetirementStatus.REQUESTED);
        assertThat(theirs.post("/tasks/" + approval + "/claim", new Form()).status()).isEqualTo(409);

        assertThat(mine.post("/tasks/" + approval + "/release", new Form()).status()).isEqualTo(302);
        assertThat(theirs.post("/tasks/" + approval, Form.of("approve", "true")).status()).isEqualTo(302);
        assertThat(retirements.get(id).status()).isEqualTo(RetirementStatus.APPROVED);
    }

    @Test
    void hidesAStepFromRolesThatMayNotDoItAndTheInboxFromOthers() {
        UUID id = requested(fixture.laptop(), DataConfidentiality.LOW, AssetDestination.DISPOSAL, staff);
        String approval = fixture.awaitTask(id, TaskPages.APPROVE);
        ConsoleSession verifiers = as(verifier);

        assertThat(verifiers.get("/tasks").status()).isEqualTo(200);
        assertThat(verifiers.get("/tasks/" + approval).status()).isEqualTo(404);
        assertThat(verifiers.post("/tasks/" + approval, Form.of("approve", "true")).status()).isEqualTo(404);
        assertThat(verifiers.post("/tasks/" + approval + "/claim", new Form()).status()).isEqualTo(404);
        assertThat(verifiers.get("/tasks/not-a-task").status()).isEqualTo(404);
        assertThat(retirements.get(id).status()).isEqualTo(RetirementStatus.REQUESTED);

        ConsoleSession auditor = ConsoleSession.signedIn(port, compliance.username(), WorkPagesFixture.PASSWORD);
        assertThat(auditor.get("/tasks").status()).isEqualTo(403);
        assertThat(auditor.get("/tasks/" + approval).status()).isEqualTo(403);
    }

    @Test
    void findsOneAssetsStepsByItsTagOrSerialNumberWithinTheRolesStepsAndNoneForAnUnknownAsset() {
        Asset first = fixture.laptop();
        Asset second = fixture.laptop();
        String firstApproval = fixture.awaitTask(
                requested(first, DataConfidentiality.LOW, AssetDestination.DISPOSAL, staff), TaskPages.APPROVE);
        String secondApproval = fixture.awaitTask(
                requested(second, DataConfidentiality.LOW, AssetDestination.DISPOSAL, staff), TaskPages.APPROVE);
        ConsoleSession managers = as(manager);

        Response byTag = managers.get("/tasks?asset=" + encode(" " + first.tag() + " "));
        assertThat(byTag.status()).isEqualTo(200);
        assertThat(byTag.body()).contains("data-task=\"" + firstApproval + "\"").contains("(1)")
                .contains("value=\"" + first.tag() + "\"").doesNotContain(secondApproval);
        Response bySerial = managers.get("/tasks?asset=" + encode(second.serialNumber()));
        assertThat(bySerial.body()).contains("data-task=\"" + secondApproval + "\"")
                .doesNotContain(firstApproval);

        Response unknown = managers.get("/tasks?asset=" + encode("NO-SUCH-ASSET-<b>"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("No step of yours waits for an asset with the tag or serial number")
                .contains("NO-SUCH-ASSET-&lt;b&gt;").doesNotContain("data-task=");
        assertThat(as(verifier).get("/tasks?asset=" + encode(first.tag())).body())
                .as("the filter narrows the steps the roles may do, never widens them").doesNotContain(firstApproval);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void signsOffAManifestResolvesADiscrepancyAndSettlesByTheirForms() {
        UUID vendor = portal.certifiedVendor("Console tasks recycler");
        UUID first = portal.certifiedRetirement();
        UUID second = portal.certifiedRetirement();
        LotView lot = PortalFixture.when(() -> lots.create(vendor, List.of(new Lots.NewItem(first, "SEAL-A"),
                new Lots.NewItem(second, "SEAL-B")), "DHL Freight", "TRK-1", "Dock 3", portal.staff));
        ConsoleSession it = as(staff);

        String signOff = fixture.awaitTask(lot.id(), TaskPages.SIGN_OFF);
        Response manifest = it.get("/tasks/" + signOff);
        assertThat(manifest.body()).contains("id=\"manifest\"").contains(lot.items().get(0).assetSerial())
                .contains("SEAL-B");
        assertThat(it.post("/tasks/" + signOff, new Form()).status()).isEqualTo(302);
        assertThat(lots.get(lot.id(), portal.staff).manifestSha256()).isNotNull();

        portal.awaitLotAt(lot.id(), "Task_ConfirmPickup");
        lots.confirmPickup(lot.id(), portal.vendorActor(vendor));
        portal.awaitLotAt(lot.id(), "Task_ReconcileReceipt");
        String received = lots.get(lot.id(), portal.staff).items().get(0).assetSerial();
        String missing = lots.get(lot.id(), portal.staff).items().get(1).assetSerial();
        PortalFixture.when(() -> lots.reconcileReceipt(lot.id(), List.of(received), portal.vendorActor(vendor)));

        String resolve = fixture.awaitTask(lot.id(), TaskPages.RESOLVE);
        assertThat(it.get("/tasks/" + resolve).body()).contains(missing).contains("value=\"LOST_IN_TRANSIT\"");
        Response unresolved = it.post("/tasks/" + resolve, Form.of("resolutions[0].serial", missing,
                "resolutions[0].kind", "MISSING", "resolutions[0].resolution", ""));
        assertThat(unresolved.status()).isEqualTo(422);
        assertThat(unresolved.body()).contains("id=\"resolutions0.resolution-error\"");
        assertThat(it.post("/tasks/" + resolve, Form.of("resolutions[0].serial", missing, "resolutions[0].kind",
                "MISSING", "resolutions[0].resolution", "FOUND")).status()).isEqualTo(302);
        assertThat(lots.get(lot.id(), portal.staff).discrepancies()).allMatch(d -> "FOUND".equals(d.resolution()));

        UUID retirement = lot.items().get(0).retirementId();
        portal.awaitRetirementAt(retirement, "Task_ProcessAsset");
        PortalFixture.when(() -> retirements.recordVendorProcessing(retirement, new VendorProcessing("A", true,
                DispositionMethod.RESALE, null, null, "Leipzig", Instant.now().minusSeconds(60),
                DispositionDetails.resale(new BigDecimal("310.00"), "EUR", "B-1042")), portal.vendorActor(vendor)));
        String settle = fixture.awaitTask(retirement, TaskPages.SETTLE);
        Response bad = it.post("/tasks/" + settle, Form.of("valueRecovered", "lots", "fees", "25.00",
                "currency", "eur"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"valueRecovered-error\"").contains("Give an amount such as 310.00.")
                .contains("value=\"lots\"").contains("value=\"eur\"");
        Response badCurrency = it.post("/tasks/" + settle, Form.of("valueRecovered", "310.00", "fees", "25.00",
                "currency", "eur"));
        assertThat(badCurrency.status()).isEqualTo(422);
        assertThat(badCurrency.body()).contains("id=\"currency-error\"");
        assertThat(it.post("/tasks/" + settle, Form.of("valueRecovered", "310.00", "fees", "25.00", "currency",
                "EUR")).status()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(60)).until(() -> retirements.get(retirement).status()
                == RetirementStatus.CLOSED);
    }

    @Test
    void checksABlockedHandoffAgainOnceTheVendorIsCertified() {
        UUID vendor = vendors.register("Console uncertified " + UUID.randomUUID().toString().substring(0, 8),
                portal.admin).id();
        UUID retirement = portal.certifiedRetirement();
        LotView lot = PortalFixture.when(() -> lots.create(vendor, List.of(new Lots.NewItem(retirement, "S-1")),
                "DHL", "TRK-2", "Dock 1", portal.staff));
        PortalFixture.when(() -> lots.signOff(lot.id(), portal.staff));
        String blocked = fixture.awaitTask(lot.id(), TaskPages.HANDOFF_BLOCKED);
        ConsoleSession it = as(staff);

        Response stillBlocked = it.post("/tasks/" + blocked, new Form());
        assertThat(stillBlocked.status()).isEqualTo(302);
        assertThat(it.get("/tasks").body()).contains("still blocked");

        vendors.addCertification(vendor, "R2v3", "R2-" + UUID.randomUUID().toString().substring(0, 6), "SERI",
                LocalDate.now().minusYears(1), LocalDate.now().plusYears(1), portal.admin);
        String again = fixture.awaitTask(lot.id(), TaskPages.HANDOFF_BLOCKED);
        assertThat(it.post("/tasks/" + again, new Form()).status()).isEqualTo(302);
        portal.awaitLotAt(lot.id(), "Task_ConfirmPickup");
    }

    @Test
    void acknowledgesAnOverdueApprovalWhichStaysOpen() {
        UUID id = requested(fixture.laptop(), DataConfidentiality.LOW, AssetDestination.DISPOSAL, staff);
        String approval = fixture.awaitTask(id, TaskPages.APPROVE);
        ManagementService management = fixture.engine().getManagementService();
        String instance = fixture.engine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(id.toString()).singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers()
                .activityId("Timer_ApprovalOverdue").singleResult();
        assertThat(timer).isNotNull();
        try {
            ClockUtil.setCurrentTime(java.util.Date.from(timer.getDuedate().toInstant().plusSeconds(60)));
            management.executeJob(timer.getId());
        } finally {
            ClockUtil.reset();
        }
        String followUp = fixture.awaitTask(id, TaskPages.FOLLOW_UP_APPROVAL);
        ConsoleSession session = as(manager);

        Response page = session.get("/tasks/" + followUp);
        assertThat(page.body()).contains("Follow up the overdue approval").contains("overdue")
                .contains("Acknowledge the escalation");
        Response tooLong = session.post("/tasks/" + followUp, Form.of("comment", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("id=\"comment-error\"");
        assertThat(session.post("/tasks/" + followUp, Form.of("comment", "Chased the approver")).status())
                .isEqualTo(302);
        assertThat(fixture.open(followUp)).isFalse();
        assertThat(fixture.open(approval)).isTrue();
    }
}
