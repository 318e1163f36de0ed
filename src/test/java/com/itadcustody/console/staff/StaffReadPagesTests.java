package com.itadcustody.console.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.custody.CustodyEntries;
import com.itadcustody.custody.CustodyEvidence;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.partner.portal.PortalFixture;
import com.itadcustody.retirement.AssetDestination;
import com.itadcustody.retirement.DataConfidentiality;
import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.RetirementOverview;
import com.itadcustody.retirement.RetirementTask;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The staff console's read pages over HTTP against the real database: dashboard, assets, an asset's page with its
 * custody timeline, custody entries and proofs, lots (and making one), certificates; roles, filters, paging, bad
 * values and unknown ids.
 */
class StaffReadPagesTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AssetCatalog catalog;

    @Autowired
    CustodyEntries custody;

    @Autowired
    CustodyEvidence evidence;

    @Autowired
    CustodyLog custodyLog;

    @Autowired
    Certificates certificates;

    @Autowired
    RetirementOverview overview;

    @Autowired
    Lots lots;

    static PortalFixture fixture;
    static UUID vendor;
    static String vendorName;
    static final Map<Role, String> USERS = new EnumMap<>(Role.class);
    static String vendorUser;
    /** A lot received in full; its one asset resold, settled and closed with a certificate of disposition. */
    static UUID closedLot;
    static UUID closedRetirement;
    static UUID disposedAsset;
    static String dispositionCertificate;
    /** A lot received with one serial missing and one unexpected. */
    static UUID discrepancyLot;
    static String unexpectedSerial;
    /** A retirement ready for a handoff (every medium certified), in no lot. */
    static UUID readyRetirement;
    /** A retirement waiting for its approval, and its asset. */
    static UUID requestedRetirement;
    static UUID requestedAsset;
    /** An asset in service with a unique tag. */
    static Asset inService;

    @BeforeAll
    static void data(@Autowired ApplicationContext context) {
        fixture = PortalFixture.from(context);
        vendor = fixture.certifiedVendor("Console read recycler");
        vendorName = context.getBean(com.itadcustody.vendor.Vendors.class).find(vendor).orElseThrow().name();
        for (Role role : List.of(Role.IT_STAFF, Role.ASSET_MANAGER, Role.VERIFIER, Role.COMPLIANCE, Role.ADMIN)) {
            USERS.put(role, fixture.user("console." + role.name().toLowerCase().replace('_', '-'), role, null));
        }
        vendorUser = fixture.user("console.vendor", Role.VENDOR, vendor);

        Lots lots = context.getBean(Lots.class);
        closedLot = fixture.lotReceived(vendor, 1);
        closedRetirement = lots.get(closedLot, fixture.staff).items().get(0).retirementId();
        disposedAsset = lots.get(closedLot, fixture.staff).items().get(0).assetId();
        dispositionCertificate = fixture.resoldAndClosed(closedRetirement, vendor);

        discrepancyLot = fixture.lotSignedOff(vendor, 2);
        lots.confirmPickup(discrepancyLot, fixture.vendorActor(vendor));
        fixture.awaitLotAt(discrepancyLot, "Task_ReconcileReceipt");
        unexpectedSerial = "EXTRA-" + UUID.randomUUID().toString().substring(0, 8);
        String receivedSerial = lots.get(discrepancyLot, fixture.staff).items().get(0).assetSerial();
        PortalFixture.when(() -> lots.reconcileReceipt(discrepancyLot, List.of(receivedSerial, unexpectedSerial),
                fixture.vendorActor(vendor)));
        fixture.awaitLotAt(discrepancyLot, "Task_ResolveDiscrepancies");

        readyRetirement = fixture.certifiedRetirement();

        AssetRegistry registry = context.getBean(AssetRegistry.class);
        Asset requested = registry.register(AssetFixtures.anyLaptop(), fixture.staff);
        requestedAsset = requested.id();
        requestedRetirement = context.getBean(Retirements.class).request(requested.id(), "Console test",
                DataConfidentiality.LOW, AssetDestination.LEAVES_ORGANISATION, fixture.staff).id();
        fixture.awaitRetirementAt(requestedRetirement, "Task_ApproveRetirement");

        inService = registry.register(AssetFixtures.anyLaptop(), fixture.staff);
    }

    StaffSession as(Role role) {
        return StaffSession.signedIn(port, USERS.get(role), PortalFixture.PASSWORD);
    }

    // ---- dashboard -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "VENDOR", mode = EnumSource.Mode.EXCLUDE)
    void showsTheDashboardToEveryStaffRole(Role role) {
        StaffSession.Response page = as(role).get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Assets per lifecycle stage").contains("id=\"overdue-slas\"")
                .contains("id=\"open-exceptions\"").contains("id=\"open-discrepancies\"")
                .contains("id=\"value-recovered\"").contains("/swagger-ui.html").contains(role.name());
        if (role == Role.ADMIN) {
            assertThat(page.body()).contains("/camunda/app/cockpit/default/");
        } else {
            assertThat(page.body()).doesNotContain("/camunda/app/cockpit");
        }
    }

    @Test
    void dashboardCountsAssetsPerStageDiscrepanciesAndValueRecovered() {
        StaffSession session = as(Role.IT_STAFF);
        Map<AssetStatus, Long> counts = catalog.countByStatus();
        long discrepancies = overview.openDiscrepancies();

        String body = session.get("/").body();

        assertThat(tile(body, "stage-DISPOSED")).isEqualTo(counts.get(AssetStatus.DISPOSED).toString());
        assertThat(tile(body, "stage-RETIREMENT_REQUESTED"))
                .isEqualTo(counts.get(AssetStatus.RETIREMENT_REQUESTED).toString());
        assertThat(counts.get(AssetStatus.DISPOSED)).isPositive();
        assertThat(tile(body, "open-discrepancies")).isEqualTo(Long.toString(discrepancies));
        assertThat(discrepancies).isGreaterThanOrEqualTo(2);
        assertThat(section(body, "value-recovered")).contains("EUR");
    }

    @Test
    void dashboardDrawsBothChartsAsSvgWithADataTable() {
        String body = as(Role.COMPLIANCE).get("/").body();

        assertThat(body).contains("<svg class=\"chart\" id=\"disposal-chart\" role=\"img\"")
                .contains("<title id=\"disposal-chart-title\">Assets retired per month by disposition</title>")
                .contains("<svg class=\"chart\" id=\"cycle-chart\" role=\"img\"")
                .contains("<title id=\"cycle-chart-title\">Median cycle time per stage</title>")
                .contains("id=\"disposal-table\"").contains("id=\"cycle-table\"")
                .doesNotContain("<script src=\"http");
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        Matcher row = Pattern.compile("<th scope=\"row\">" + month + "</th>\\s*<td>(\\d+)</td>").matcher(body);
        assertThat(row.find()).as("this month's row of the disposal table").isTrue();
        assertThat(Long.parseLong(row.group(1))).as("resales closed this month").isPositive();
        assertThat(body).containsPattern("<rect [^>]*><title>[A-Za-z]+ \\d{4}: \\d+ resale</title></rect>");
        assertThat(section(body, "cycle-table")).contains("Approval (request to decision)");
        assertThat(Integer.parseInt(tile(body, "cycle-count"))).isPositive();
    }

    @Test
    void sendsAVendorOpeningTheDashboardToThePortalAndRefusesItTheStaffPages() {
        StaffSession vendorSession = StaffSession.signedIn(port, vendorUser, PortalFixture.PASSWORD);

        StaffSession.Response home = vendorSession.get("/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/portal");
        for (String page : List.of("/assets", "/assets/" + disposedAsset, "/lots", "/lots/" + closedLot,
                "/certificates", "/certificates/" + dispositionCertificate + "/pdf", "/custody/entries/0",
                "/custody/entries/0/proof", "/lots/new")) {
            StaffSession.Response refused = vendorSession.get(page);
            assertThat(refused.status()).as(page).isEqualTo(403);
            assertThat(refused.body()).as(page).doesNotContain(vendorName);
        }
    }

    // ---- assets ------------------------------------------------------------------------------------------------

    @Test
    void searchesAssetsByTagSerialAndModelAndFiltersByStatusAndType() {
        StaffSession session = as(Role.VERIFIER);

        List<String> byTag = tags(session.get("/assets?q=" + inService.tag().toLowerCase()).body());
        assertThat(byTag).contains(inService.tag()).allSatisfy(tag -> assertThat(tag).contains(inService.tag()));
        assertThat(tags(session.get("/assets?q=" + inService.serialNumber()).body())).contains(inService.tag());
        String disposedTag = catalog.describe(disposedAsset).tag();
        String disposed = session.get("/assets?status=DISPOSED&type=LAPTOP&sort=updatedAt,desc&q=" + disposedTag)
                .body();
        assertThat(tags(disposed)).contains(disposedTag).doesNotContain(inService.tag());
        assertThat(tags(session.get("/assets?status=IN_SERVICE&q=" + disposedTag).body())).doesNotContain(disposedTag);
        assertThat(tags(session.get("/assets?type=SERVER&q=" + inService.tag()).body())).isEmpty();
        assertThat(session.get("/assets?type=SERVER&q=" + inService.tag()).body()).contains("No assets match.");
    }

    @Test
    void pagesThroughAssetsKeepingTheFilters() {
        String model = "ThinkPad";
        StaffSession session = as(Role.IT_STAFF);

        String first = session.get("/assets?q=" + model + "&size=1").body();

        assertThat(first).containsPattern("Page 1 of \\d+");
        assertThat(first).contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).isTrue();
        String nextLink = next.group(1).replace("&amp;", "&");
        assertThat(nextLink).contains("q=" + model).contains("size=1").contains("page=1");
        String second = session.get(nextLink).body();
        assertThat(second).contains("Page 2 of").contains("rel=\"prev\"");
        assertThat(tags(second)).doesNotContainAnyElementsOf(tags(first));
    }

    @Test
    void explainsBadFilterValuesNextToTheFieldInsteadOfFailing() {
        StaffSession session = as(Role.ASSET_MANAGER);

        StaffSession.Response status = session.get("/assets?status=RETIRED");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body()).contains("id=\"status-error\"").contains("status must be one of IN_SERVICE")
                .contains("aria-describedby=\"status-error\"").contains("aria-invalid=\"true\"");
        StaffSession.Response page = session.get("/assets?page=abc");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"page-error\"").contains("page must be a whole number");
        assertThat(session.get("/assets?size=100000").body()).contains("size must be a whole number from 1 to 200");
        assertThat(session.get("/assets?sort=password,asc").body()).contains("id=\"sort-error\"");
        StaffSession.Response lotStatus = session.get("/lots?status=LOST");
        assertThat(lotStatus.status()).isEqualTo(400);
        assertThat(lotStatus.body()).contains("id=\"status-error\"").contains("status must be one of OPEN");
        assertThat(session.get("/lots?vendor=greencycle").body()).contains("id=\"vendor-error\"");
        StaffSession.Response certificateType = session.get("/certificates?type=COS&status=EXPIRED");
        assertThat(certificateType.status()).isEqualTo(400);
        assertThat(certificateType.body()).contains("id=\"type-error\"").contains("id=\"status-error\"");
    }

    @Test
    void letsRequestersSelectAssetsInServiceForARetirement() {
        String body = as(Role.IT_STAFF).get("/assets?q=" + inService.tag()).body();

        assertThat(body).contains("<form method=\"get\" action=\"/retirements/new\" id=\"retire-selection\">")
                .contains("name=\"assetId\" value=\"" + inService.id() + "\"");
        assertThat(as(Role.IT_STAFF).get("/assets/" + inService.id()).body())
                .contains("href=\"/retirements/new?assetId=" + inService.id() + "\"");
        assertThat(as(Role.VERIFIER).get("/assets?q=" + inService.tag()).body()).doesNotContain("name=\"assetId\"");
        assertThat(as(Role.IT_STAFF).get("/assets/" + disposedAsset).body()).doesNotContain("/retirements/new");
    }

    @Test
    void showsAnAssetWithMediaRetirementCertificatesAndItsTimelineInSequenceOrder() {
        awaitSequenced(disposedAsset);
        List<Long> expected = custody.ofAsset(disposedAsset).stream().map(CustodyEntries.Entry::seq).toList();
        List<CertificateView> issued = certificates.list(disposedAsset, null, null, 0, 50).content();

        String body = as(Role.COMPLIANCE).get("/assets/" + disposedAsset).body();

        var asset = catalog.describe(disposedAsset);
        assertThat(body).contains(asset.tag()).contains(asset.serialNumber())
                .contains(asset.media().get(0).serialNumber()).contains("id=\"retirement-status\">CLOSED<")
                .contains("id=\"no-seats\"");
        assertThat(issued).extracting(CertificateView::number).contains(dispositionCertificate);
        for (CertificateView c : issued) {
            assertThat(body).contains("href=\"/certificates/" + c.number() + "/pdf\"")
                    .contains("href=\"/verify/" + c.number() + "\"");
        }
        List<Long> shown = new ArrayList<>();
        Matcher seq = Pattern.compile("data-seq=\"(\\d+)\"").matcher(body);
        while (seq.find()) {
            shown.add(Long.parseLong(seq.group(1)));
        }
        assertThat(shown).isEqualTo(expected).isSorted().hasSizeGreaterThan(5);
        for (long s : shown) {
            assertThat(body).contains("href=\"/custody/entries/" + s + "\"")
                    .contains("href=\"/custody/entries/" + s + "/proof\"");
        }
        assertThat(body).contains("ASSET_REGISTERED").contains("ASSET_SOLD").contains("(IT_STAFF)");
        assertThat(body).contains("href=\"/compliance/evidence-packs/new?assetId=" + disposedAsset + "\"");
        assertThat(as(Role.IT_STAFF).get("/assets/" + disposedAsset).body())
                .doesNotContain("/compliance/evidence-packs/new");
    }

    @Test
    void linksAnAssetToTheTaskItsRetirementWaitsAt() {
        List<RetirementTask> open = overview.openTasks(requestedRetirement);
        assertThat(open).extracting(RetirementTask::step).containsExactly("Task_ApproveRetirement");

        String body = as(Role.ASSET_MANAGER).get("/assets/" + requestedAsset).body();

        assertThat(body).contains("id=\"retirement-status\">REQUESTED<")
                .contains("href=\"/tasks/" + open.get(0).id() + "\"").contains("Approve retirement");
    }

    @Test
    void answersUnknownAndMalformedIdsWithTheNotFoundPage() {
        StaffSession session = as(Role.ADMIN);

        for (String page : List.of("/assets/" + UUID.randomUUID(), "/assets/not-an-id", "/lots/" + UUID.randomUUID(),
                "/lots/42", "/custody/entries/999999999", "/custody/entries/abc", "/custody/entries/-1/proof",
                "/custody/entries/999999999/proof", "/certificates/COS-2026-999999-9/pdf")) {
            StaffSession.Response response = session.get(page);
            assertThat(response.status()).as(page).isEqualTo(404);
            assertThat(response.body()).as(page).contains("id=\"not-found\"");
        }
    }

    // ---- custody entries -----------------------------------------------------------------------------------------

    @Test
    void showsACustodyEntryAndDownloadsItsInclusionProofInTlogProofForm() {
        awaitSequenced(disposedAsset);
        CustodyEntries.Entry entry = custody.ofAsset(disposedAsset).get(0);
        StaffSession session = as(Role.VERIFIER);

        String page = session.get("/custody/entries/" + entry.seq()).body();
        assertThat(page).contains("id=\"entry-type\">ASSET_REGISTERED<").contains(entry.leafHash())
                .contains(entry.eventId().toString()).contains("id=\"checkpoint\"")
                .contains("href=\"/custody/entries/" + entry.seq() + "/proof\"");
        assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(entry.envelope()));

        StaffSession.Response proof = session.get("/custody/entries/" + entry.seq() + "/proof");
        assertThat(proof.status()).isEqualTo(200);
        assertThat(proof.contentType()).startsWith("text/plain");
        assertThat(proof.body()).startsWith("c2sp.org/tlog-proof@v1\n").contains("\nindex " + entry.seq() + "\n");
        assertThat(evidence.verify(entry.leafHash(), entry.seq(), proof.body()).valid()).isTrue();
    }

    // ---- lots ---------------------------------------------------------------------------------------------------

    @Test
    void listsLotsFilteredByVendorAndStatus() {
        StaffSession session = as(Role.COMPLIANCE);

        String byVendor = session.get("/lots?vendor=" + vendor).body();
        assertThat(byVendor).contains("href=\"/lots/" + closedLot + "\"").contains("href=\"/lots/" + discrepancyLot
                + "\"").contains(vendorName);
        String received = session.get("/lots?vendor=" + vendor + "&status=received").body();
        assertThat(received).contains("href=\"/lots/" + discrepancyLot + "\"")
                .doesNotContain("href=\"/lots/" + closedLot + "\"");
        assertThat(session.get("/lots?vendor=" + UUID.randomUUID()).body()).contains("No lots match.");
    }

    @Test
    void showsALotsManifestReconciliationDiscrepanciesAndItsOpenTask() {
        LotView lot = lots.get(discrepancyLot, fixture.staff);
        List<RetirementTask> open = overview.openLotTasks(discrepancyLot);
        assertThat(open).extracting(RetirementTask::step).containsExactly("Task_ResolveDiscrepancies");

        String body = as(Role.VERIFIER).get("/lots/" + discrepancyLot).body();

        for (LotView.Item item : lot.items()) {
            assertThat(body).contains(item.assetSerial()).contains(item.assetTag()).contains(item.sealNumber());
        }
        assertThat(body).contains("DHL Freight").contains(lot.trackingNumber()).contains("Dock 3, Mo-Fr 8-16")
                .contains("signed off; manifest SHA-256 " + lot.manifestSha256()).contains(vendorName);
        assertThat(tile(body, "matched")).isEqualTo("1");
        assertThat(tile(body, "missing")).isEqualTo("1");
        assertThat(tile(body, "unexpected")).isEqualTo("1");
        assertThat(section(body, "discrepancies")).containsIgnoringCase(unexpectedSerial).contains("open");
        assertThat(body).contains("href=\"/tasks/" + open.get(0).id() + "\"");
    }

    @Test
    void makesALotFromTheFormWithTheApisRulesAndShowsErrorsNextToTheirFields() {
        StaffSession session = as(Role.IT_STAFF);
        StaffSession.Response form = session.get("/lots/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"ready-total\"").contains("<option value=\"" + vendor + "\"");

        StaffSession.Response empty = session.post("/lots/new", List.of(Map.entry("vendorId", ""),
                Map.entry("carrier", " "), Map.entry("trackingNumber", "T".repeat(101)),
                Map.entry("pickupContact", "")));
        assertThat(empty.status()).isEqualTo(422);
        for (String field : List.of("vendorId", "carrier", "trackingNumber", "pickupContact", "retirementIds")) {
            assertThat(empty.body()).as(field).contains("id=\"" + field + "-error\"");
        }
        assertThat(empty.body()).contains("choose the vendor that takes the lot").contains("enter the carrier")
                .contains("tick at least one retirement").contains("value=\"" + "T".repeat(101) + "\"")
                .containsPattern("id=\"carrier\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"carrier\"");

        StaffSession.Response notReady = session.post("/lots/new", List.of(Map.entry("vendorId",
                vendor.toString()), Map.entry("carrier", "DHL Freight"), Map.entry("pickupContact", "Dock 1"),
                Map.entry("retirementIds", requestedRetirement.toString())));
        assertThat(notReady.status()).isEqualTo(422);
        assertThat(section(notReady.body(), "retirementIds-error")).contains("not ready for a handoff");
        assertThat(notReady.body()).contains("value=\"DHL Freight\"").contains("value=\"Dock 1\"");

        StaffSession.Response made = session.post("/lots/new", List.of(Map.entry("vendorId", vendor.toString()),
                Map.entry("carrier", "Kuehne+Nagel"), Map.entry("trackingNumber", "KN-1"),
                Map.entry("pickupContact", "Dock 2"), Map.entry("retirementIds", readyRetirement.toString()),
                Map.entry("seals[" + readyRetirement + "]", "SEAL-CONSOLE-1")));
        assertThat(made.status()).isEqualTo(302);
        UUID lotId = UUID.fromString(made.location().substring(made.location().lastIndexOf('/') + 1));
        LotView lot = lots.get(lotId, fixture.staff);
        assertThat(lot.vendorId()).isEqualTo(vendor);
        assertThat(lot.carrier()).isEqualTo("Kuehne+Nagel");
        assertThat(lot.items()).extracting(LotView.Item::retirementId, LotView.Item::sealNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(readyRetirement, "SEAL-CONSOLE-1"));
        assertThat(session.get(java.net.URI.create(made.location()).getPath()).body()).contains("Lot made with 1 assets").contains("SEAL-CONSOLE-1");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ASSET_MANAGER", "VERIFIER", "COMPLIANCE", "ADMIN"})
    void refusesLotCreationToRolesThatMayNotMakeLots(Role role) {
        StaffSession session = as(role);

        assertThat(session.get("/lots/new").status()).isEqualTo(403);
        session.get("/lots");
        StaffSession.Response post = session.post("/lots/new", List.of(Map.entry("vendorId", vendor.toString()),
                Map.entry("carrier", "DHL"), Map.entry("pickupContact", "Dock"),
                Map.entry("retirementIds", readyRetirement.toString())));
        assertThat(post.status()).isEqualTo(403);
        assertThat(session.get("/lots").body()).doesNotContain("id=\"new-lot\"");
    }

    // ---- certificates -------------------------------------------------------------------------------------------

    @Test
    void listsCertificatesByNumberSerialTypeAndStatusWithPdfAndVerificationLinks() {
        StaffSession session = as(Role.COMPLIANCE);
        var asset = catalog.describe(disposedAsset);
        CertificateView sanitization = certificates.list(disposedAsset,
                com.itadcustody.certificate.CertificateType.SANITIZATION, null, 0, 10).content().get(0);

        String byNumber = session.get("/certificates?q=" + dispositionCertificate).body();
        assertThat(byNumber).contains("id=\"certificate-total\">1<").contains(dispositionCertificate)
                .contains("href=\"/certificates/" + dispositionCertificate + "/pdf\"")
                .contains("href=\"/verify/" + dispositionCertificate + "\"");
        String byAssetSerial = session.get("/certificates?q=" + asset.serialNumber().toLowerCase()).body();
        assertThat(byAssetSerial).contains(dispositionCertificate).contains(sanitization.number());
        String byMediumSerial = session.get("/certificates?q=" + sanitization.mediumSerial()).body();
        assertThat(byMediumSerial).contains(sanitization.number()).doesNotContain(dispositionCertificate);
        assertThat(session.get("/certificates?type=SANITIZATION&q=" + asset.serialNumber()).body())
                .contains(sanitization.number()).doesNotContain(dispositionCertificate);
        assertThat(session.get("/certificates?status=REVOKED&q=" + asset.serialNumber()).body())
                .contains("No certificates match.");
        assertThat(session.get("/certificates").body()).containsPattern("id=\"certificate-total\">\\d+<");

        StaffSession.Response pdf = session.get("/certificates/" + dispositionCertificate + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void awaitSequenced(UUID assetId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> custody.ofAsset(assetId).size()
                == custodyLog.countEvents(assetId));
    }

    /** The figure of the tile (or any element) with this id: the first number inside it. */
    private static String tile(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(?:\\s*<span class=\"figure\"[^>]*>)?"
                + "\\s*(\\d+)").matcher(body);
        assertThat(m.find()).as("element %s with a number", id).isTrue();
        return m.group(1);
    }

    /** The text from the element with this id to 2,000 characters after it. */
    private static String section(String body, String id) {
        int start = body.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element %s", id).isNotNegative();
        return body.substring(start, Math.min(body.length(), start + 2000));
    }

    private static List<String> tags(String body) {
        List<String> tags = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"asset-link\">([^<]+)<").matcher(body);
        while (m.find()) {
            tags.add(m.group(1));
        }
        return tags;
    }
}
