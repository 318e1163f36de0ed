package com.itadcustody.console.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.console.work.ConsoleSession.Form;
import com.itadcustody.console.work.ConsoleSession.Response;
import com.itadcustody.console.work.WorkPagesFixture.Login;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.RetirementStatus;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Starting retirements on the staff pages: one asset, a selection, a CSV file; batch progress; cancellation. */
class RetirementStartPagesTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Retirements retirements;

    @Autowired
    ObjectMapper json;

    static WorkPagesFixture fixture;
    static Login staff;
    static Login verifier;

    @BeforeAll
    static void users(@Autowired ApplicationContext context) {
        fixture = new WorkPagesFixture(context);
        staff = fixture.user("work.staff", Role.IT_STAFF);
        verifier = fixture.user("work.verifier", Role.VERIFIER);
    }

    private ConsoleSession staffSession() {
        return ConsoleSession.signedIn(port, staff.username(), WorkPagesFixture.PASSWORD);
    }

    private static Form details(String reason) {
        return Form.of("reason", reason, "confidentiality", "LOW", "destination", "DISPOSAL",
                "sanitizationVendorId", "");
    }

    @Test
    void startsOneAssetsRetirementAtOnceAndGoesToItsAssetPage() {
        Asset asset = fixture.laptop();
        ConsoleSession session = staffSession();

        Response page = session.get("/retirements/new?assetId=" + asset.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(asset.tag()).contains("id=\"start-form\"").contains("for=\"reason\"")
                .contains("Request the retirement");

        Response started = session.post("/retirements", details("End of lease").add("assetId", asset.id()));

        assertThat(started.status()).isEqualTo(302);
        assertThat(started.location()).endsWith("/assets/" + asset.id());
        assertThat(fixture.reload(asset.id()).status()).isEqualTo(AssetStatus.RETIREMENT_REQUESTED);
        UUID retirement = fixture.retirementOf(asset.id());
        assertThat(retirements.get(retirement).requestedBy()).isEqualTo(staff.actor().userId());
        assertThat(retirements.get(retirement).reason()).isEqualTo("End of lease");
    }

    @Test
    void showsEachMissingFieldNextToItKeepsWhatWasTypedAndStartsNothing() {
        Asset asset = fixture.laptop();
        ConsoleSession session = staffSession();

        Response refused = session.post("/retirements", Form.of("reason", "   ", "destination",
                "LEAVES_ORGANISATION", "sanitizationVendorId", "").add("assetId", asset.id()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"form-errors\"")
                .contains("id=\"reason-error\"").contains("Say why the assets are retired.")
                .contains("id=\"confidentiality-error\"").contains("Choose how confidential the data is.")
                .doesNotContain("id=\"destination-error\"")
                .containsPattern("value=\"LEAVES_ORGANISATION\"\\s+selected")
                .contains("aria-invalid=\"true\"").contains("aria-describedby=\"reason-error\"")
                .contains(asset.tag());
        assertThat(fixture.reload(asset.id()).status()).isEqualTo(AssetStatus.IN_SERVICE);
    }

    @Test
    void showsTheDomainsRefusalOfAnAssetNotInServiceAtTheTop() {
        Asset asset = fixture.laptop();
        retirements.request(asset.id(), "first", DataConfidentiality.LOW, AssetDestination.DISPOSAL,
                staff.actor());
        ConsoleSession session = staffSession();

        Response again = session.post("/retirements", details("second").add("assetId", asset.id()));

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("id=\"global-error\"").contains("RETIREMENT_REQUESTED")
                .contains("id=\"not-in-service\"");
    }

    @Test
    void startsASelectionInTheBackgroundAndReportsItsProgressAndEachRefusal() throws Exception {
        Asset first = fixture.laptop();
        Asset second = fixture.laptop();
        Asset taken = fixture.laptop();
        retirements.request(taken.id(), "already", DataConfidentiality.LOW, AssetDestination.DISPOSAL,
                staff.actor());
        ConsoleSession session = staffSession();
        assertThat(session.get("/retirements/new?assetId=" + first.id() + "&assetId=" + second.id() + "&assetId="
                + taken.id()).body()).contains("The 3 selected assets").contains("id=\"not-in-service\"");

        Response started = session.post("/retirements", details("Refresh 2026").add("assetId", first.id())
                .add("assetId", second.id()).add("assetId", taken.id()));

        assertThat(started.status()).isEqualTo(302);
        assertThat(started.location()).contains("/retirements/batches/");
        String batch = started.location().substring(started.location().indexOf("/retirements/batches/"));
        Response progress = session.get(batch);
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body()).contains("<progress").contains("id=\"batch-state\"")
                .contains("Starting the retirement of 3 assets.");
        await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(session.get(batch + "/state").body())
                .get("finished").asBoolean());
        Response state = session.get(batch + "/state");
        assertThat(state.contentType()).startsWith("application/json");
        JsonNode answer = json.readTree(state.body());
        assertThat(answer.get("done").asInt()).isEqualTo(3);
        assertThat(answer.get("total").asInt()).isEqualTo(3);
        assertThat(answer.get("state").asText()).contains("2 started, 1 refused");
        assertThat(answer.get("link").asText()).isEqualTo(batch);
        Response done = session.get(batch);
        assertThat(done.body()).contains("id=\"refusals\"").contains(taken.tag()).contains("id=\"started-count\">2<")
                .doesNotContain("data-poll=").doesNotContain("http-equiv=\"refresh\"");
        assertThat(fixture.reload(first.id()).status()).isEqualTo(AssetStatus.RETIREMENT_REQUESTED);
        assertThat(fixture.reload(second.id()).status()).isEqualTo(AssetStatus.RETIREMENT_REQUESTED);
    }

    @Test
    void takesALongSelectionPostedFromTheAssetList() {
        ConsoleSession session = staffSession();
        Form selection = new Form();
        Asset[] chosen = new Asset[3];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = fixture.laptop();
            selection.add("assetId", chosen[i].id());
        }

        Response page = session.post("/retirements/new", selection);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("The 3 selected assets").contains(chosen[0].tag()).contains(chosen[2].tag())
                .contains("name=\"assetId\" value=\"" + chosen[1].id() + "\"");
        assertThat(fixture.reload(chosen[0].id()).status()).isEqualTo(AssetStatus.IN_SERVICE);
    }

    @Test
    void pollsAndRefreshesTheProgressPageWhileTheBatchRuns() {
        ConsoleSession session = staffSession();
        var batch = retirements.startBatch(java.util.List.of(UUID.randomUUID(), UUID.randomUUID()), "unknown ids",
                DataConfidentiality.LOW, AssetDestination.DISPOSAL, staff.actor());
        Response page = session.get("/retirements/batches/" + batch.id());
        // the batch may finish before the page is read; either way the page is correct for its state
        if (page.body().contains("Finished:")) {
            assertThat(page.body()).doesNotContain("data-poll=");
        } else {
            assertThat(page.body()).contains("data-poll=\"/retirements/batches/" + batch.id() + "/state\"")
                    .contains("http-equiv=\"refresh\"").contains("Reload to see the progress");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> session.get("/retirements/batches/" + batch.id())
                .body().contains("Finished: 0 started, 2 refused"));
    }

    @Test
    void startsEveryAssetOfAGoodCsvFileByTagOrSerial() throws Exception {
        Asset byTag = fixture.laptop();
        Asset bySerial = fixture.laptop();
        Asset byBoth = fixture.laptop();
        String csv = "AssetTag,serialnumber\r\n" + byTag.tag() + ",\r\n," + bySerial.serialNumber() + "\r\n\r\n"
                + byBoth.tag() + "," + byBoth.serialNumber() + "\r\n";
        ConsoleSession session = staffSession();
        assertThat(session.get("/retirements/new").body()).contains("id=\"upload-form\"").contains("assetTag")
                .contains("serialNumber");

        Response started = session.postFile("/retirements/upload", details("Office closure"), "file", "assets.csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(started.status()).isEqualTo(302);
        String batch = started.location().substring(started.location().indexOf("/retirements/batches/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(session.get(batch + "/state").body())
                .get("finished").asBoolean());
        assertThat(json.readTree(session.get(batch + "/state").body()).get("state").asText())
                .contains("3 started, 0 refused");
        for (Asset asset : new Asset[] {byTag, bySerial, byBoth}) {
            assertThat(fixture.reload(asset.id()).status()).isEqualTo(AssetStatus.RETIREMENT_REQUESTED);
        }
    }

    @Test
    void refusesACsvFileWithBadRowsListingEveryRowAndStartsNothing() {
        Asset good = fixture.laptop();
        Asset busy = fixture.laptop();
        Asset other = fixture.laptop();
        retirements.request(busy.id(), "already", DataConfidentiality.LOW, AssetDestination.DISPOSAL,
                staff.actor());
        String csv = "assetTag,serialNumber\n" + good.tag() + ",\n" + "NO-SUCH-TAG-" + UUID.randomUUID() + ",\n"
                + "," + good.serialNumber() + "\n" + busy.tag() + ",\n" + good.tag() + "," + other.serialNumber()
                + "\n,\n\n";
        ConsoleSession session = staffSession();

        Response refused = session.postFile("/retirements/upload", details("Bad file"), "file", "assets.csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"file-error\"").contains("4 of 5 rows cannot be retired")
                .contains("nothing was started").contains("id=\"row-errors\"")
                .containsPattern("<td>3</td>\\s*<td class=\"serial\">NO-SUCH-TAG-[^<]*</td>\\s*<td>No asset has the tag")
                .containsPattern("<td>4</td>[\\s\\S]*The same asset as line 2\\.")
                .containsPattern("<td>5</td>[\\s\\S]*not in service")
                .containsPattern("<td>6</td>[\\s\\S]*two different assets")
                .doesNotContain("<td>7</td>").contains("1 of 5 rows named assets that could be retired.")
                .contains("Bad file");
        assertThat(fixture.reload(good.id()).status()).isEqualTo(AssetStatus.IN_SERVICE);
        assertThat(fixture.reload(other.id()).status()).isEqualTo(AssetStatus.IN_SERVICE);
    }

    @Test
    void refusesAFileThatIsNotAListOfAssetsAsAWhole() {
        ConsoleSession session = staffSession();

        Response unknownColumn = session.postFile("/retirements/upload", details("x"), "file", "a.csv",
                "tag,owner\nIT-1,me\n".getBytes(StandardCharsets.UTF_8));
        Response notUtf8 = session.postFile("/retirements/upload", details("x"), "file", "a.csv",
                new byte[] {'a', 's', 's', 'e', 't', 'T', 'a', 'g', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        Response empty = session.postFile("/retirements/upload", details("x"), "file", "a.csv", new byte[0]);

        assertThat(unknownColumn.status()).isEqualTo(422);
        assertThat(unknownColumn.body()).contains("Unknown column &quot;tag&quot;").contains("Nothing was started.");
        assertThat(notUtf8.body()).contains("not UTF-8");
        assertThat(empty.body()).contains("Choose the CSV file of assets.");
    }

    @Test
    void cancelsARetirementBeforeHandoffAndRefusesAnEmptyReason() {
        Asset asset = fixture.laptop();
        UUID id = retirements.request(asset.id(), "mistake?", DataConfidentiality.LOW, AssetDestination.DISPOSAL,
                staff.actor()).id();
        ConsoleSession session = staffSession();

        Response empty = session.post("/retirements/" + id + "/cancellation", Form.of("reason", " "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"reason-error\"").contains("Say why the retirement is cancelled.");
        assertThat(retirements.get(id).status()).isEqualTo(RetirementStatus.REQUESTED);

        Response cancelled = session.post("/retirements/" + id + "/cancellation",
                Form.of("reason", "Still needed by Finance", "from", "tasks"));
        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(cancelled.location()).endsWith("/tasks");
        assertThat(retirements.get(id).status()).isEqualTo(RetirementStatus.CANCELLED);
        assertThat(fixture.reload(asset.id()).status()).isEqualTo(AssetStatus.IN_SERVICE);
        assertThat(session.get("/tasks").body()).contains("Retirement cancelled");

        Response again = session.post("/retirements/" + id + "/cancellation", Form.of("reason", "twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("can no longer be cancelled");
    }

    @Test
    void refusesTheStartPagesToRolesThatMayNotStartRetirements() {
        ConsoleSession session = ConsoleSession.signedIn(port, verifier.username(), WorkPagesFixture.PASSWORD);
        Asset asset = fixture.laptop();

        assertThat(session.get("/retirements/new").status()).isEqualTo(403);
        assertThat(session.post("/retirements", details("no").add("assetId", asset.id())).status()).isEqualTo(403);
        assertThat(fixture.reload(asset.id()).status()).isEqualTo(AssetStatus.IN_SERVICE);
    }
}
