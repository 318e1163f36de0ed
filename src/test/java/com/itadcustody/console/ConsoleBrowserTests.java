package com.itadcustody.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.certificate.CertificateView;
import com.itadcustody.certificate.Certificates;
import com.itadcustody.compliance.PackReadmeCommands;
import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.Users;
import com.itadcustody.partner.portal.PortalFixture;
import com.itadcustody.retirement.Lots;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationPlanItem;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.HeadlessChromium;
import com.itadcustody.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The staff console in headless Chromium (Debian's chromium driven by Debian's chromedriver; nothing is downloaded):
 * every role signs in and sees only its sections; IT staff retire three assets from a CSV file and do their steps,
 * an asset manager approves and a verifier verifies; a compliance officer checks a certificate by uploading its PDF,
 * runs the custody audit and downloads an evidence pack that verifies with its own README's commands. Screenshots of
 * every main page go to {@code target/console-screenshots/} (the committed set is in
 * {@code docs/screenshots/console/}).
 * The methods run in order and share the retirements they make.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests extends IntegrationTest {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final int DESKTOP = 1280;
    static final int TABLET = 820;
    static final String PASSWORD = "console-browser-password-1";

    static final String APPROVE = "Task_ApproveRetirement";
    static final String BACKUP = "Task_ConfirmBackup";
    static final String ATTEST = "Task_AttestDeprovisioning";
    static final String SANITIZE = "Task_SanitizeMedium";
    static final String VERIFY = "Task_VerifyMedium";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Retirements retirements;

    @Autowired
    Certificates certificates;

    @Autowired
    AssetRegistry assets;

    @Autowired
    ProcessEngine engine;

    HeadlessChromium chromium;
    WebDriver browser;
    PortalFixture fixture;
    UUID vendor;
    final Map<Role, String> users = new EnumMap<>(Role.class);

    /** The three assets retired from the CSV file, and their retirements (filled by the retirement test). */
    final List<Asset> retired = new ArrayList<>();
    final List<UUID> retirementIds = new ArrayList<>();

    @BeforeAll
    void chromiumAndUsers() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
        Files.createDirectories(SCREENSHOTS);

        fixture = PortalFixture.from(context);
        vendor = fixture.certifiedVendor("GreenCycle Recycling");
        Users registry = context.getBean(Users.class);
        Map<Role, String[]> people = Map.of(Role.IT_STAFF, new String[] {"jana.fischer", "Jana Fischer"},
                Role.ASSET_MANAGER, new String[] {"tom.berger", "Tom Berger"},
                Role.VERIFIER, new String[] {"sam.okafor", "Sam Okafor"},
                Role.COMPLIANCE, new String[] {"lea.wagner", "Lea Wagner"},
                Role.ADMIN, new String[] {"max.richter", "Max Richter"},
                Role.VENDOR, new String[] {"dock.greencycle", "GreenCycle dock"});
        for (Role role : Role.values()) {
            String username = people.get(role)[0];
            registry.register(new NewUser(username, people.get(role)[1], username + "@test.itadcustody.invalid",
                    PASSWORD, Set.of(role), role == Role.VENDOR ? vendor : null), Actor.system());
            users.put(role, username);
        }
    }

    @AfterAll
    void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void eachRoleSignsInAndSeesOnlyItsSectionsAndIsRefusedAnotherSectionsPage() {
        Map<Role, List<String>> sections = new LinkedHashMap<>();
        sections.put(Role.IT_STAFF, List.of("Dashboard", "Assets", "Tasks", "Lots", "Exceptions", "Certificates"));
        sections.put(Role.ASSET_MANAGER, List.of("Dashboard", "Assets", "Tasks", "Lots", "Certificates"));
        sections.put(Role.VERIFIER, List.of("Dashboard", "Assets", "Tasks", "Lots", "Certificates"));
        sections.put(Role.COMPLIANCE, List.of("Dashboard", "Assets", "Lots", "Certificates", "Compliance"));
        sections.put(Role.ADMIN, List.of("Dashboard", "Assets", "Lots", "Exceptions", "Certificates", "Compliance",
                "Admin"));
        Map<Role, List<String>> refused = Map.of(
                Role.IT_STAFF, List.of("/compliance", "/admin/users"),
                Role.ASSET_MANAGER, List.of("/exceptions", "/compliance/custody", "/admin"),
                Role.VERIFIER, List.of("/exceptions", "/retirements/new", "/admin/keys"),
                Role.COMPLIANCE, List.of("/tasks", "/exceptions", "/admin/sla"),
                Role.ADMIN, List.of("/tasks"));

        for (var entry : sections.entrySet()) {
            Role role = entry.getKey();
            signIn(role);
            assertThat(path()).as("%s lands on the dashboard", role).isEqualTo("/");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
            assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo(users.get(role));
            List<WebElement> links = navigation();
            assertThat(links).extracting(WebElement::getText).as("%s's navigation", role)
                    .containsExactlyElementsOf(entry.getValue());
            List<String> hrefs = links.stream().map(a -> a.getAttribute("href")).toList();
            for (String href : hrefs) {
                browser.get(href);
                assertThat(refusedPage()).as("%s opens its own section %s", role, href).isFalse();
                assertThat(browser.findElement(By.id("main")).isDisplayed()).isTrue();
            }
            for (String page : refused.get(role)) {
                open(page);
                assertThat(refusedPage()).as("%s is refused %s", role, page).isTrue();
                assertThat(browser.getPageSource()).as("a refusal shows none of the page")
                        .doesNotContain("id=\"main\"");
            }
        }

        signIn(Role.VENDOR);
        assertThat(path()).as("a vendor lands on the partner portal").startsWith("/portal");
        assertThat(browser.findElement(By.id("vendor-name")).getText()).startsWith("GreenCycle Recycling");
        for (String page : List.of("/assets", "/tasks", "/compliance", "/admin")) {
            open(page);
            assertThat(refusedPage()).as("a vendor is refused %s", page).isTrue();
        }
    }

    @Test
    @Order(2)
    void itStaffRetireThreeAssetsFromACsvFileAManagerApprovesAndStaffAndAVerifierCompleteTheirSteps()
            throws Exception {
        for (int i = 0; i < 3; i++) {
            retired.add(assets.register(AssetFixtures.anyLaptop(), AssetFixtures.actor(Role.IT_STAFF)));
        }
        Path csv = Files.createTempFile("retire-", ".csv");
        Files.writeString(csv, "assetTag,serialNumber\n" + retired.get(0).tag() + ",\n," + retired.get(1)
                .serialNumber() + "\n" + retired.get(2).tag() + "," + retired.get(2).serialNumber() + "\n",
                StandardCharsets.UTF_8);

        // IT staff: the upload form
        signIn(Role.IT_STAFF);
        open("/retirements/new");
        assertThat(browser.findElement(By.id("upload-form")).isDisplayed()).isTrue();
        browser.findElement(By.id("reason")).sendKeys("Office move: three laptops back to the pool");
        new Select(browser.findElement(By.id("confidentiality"))).selectByValue("LOW");
        new Select(browser.findElement(By.id("destination"))).selectByValue("INTERNAL_REUSE");
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        screenshots("start-retirement", DESKTOP);
        submit(By.id("start-from-file"));

        waitFor().until(d -> path().startsWith("/retirements/batches/"));
        assertThat(browser.findElement(By.id("batch-bar")).getAttribute("max")).isEqualTo("3");
        waitFor(Duration.ofSeconds(60)).until(d -> text("batch-state").contains("3 started, 0 refused"));
        assertThat(browser.findElement(By.id("batch-bar")).getAttribute("value")).isEqualTo("3");
        open(path());
        assertThat(text("started-count")).isEqualTo("3");
        assertThat(text("refused-count")).isEqualTo("0");
        screenshots("batch-progress", DESKTOP);
        for (Asset asset : retired) {
            retirementIds.add(retirementOf(asset.id()));
        }

        // an asset manager approves the three in the task inbox
        signIn(Role.ASSET_MANAGER);
        for (int i = 0; i < 3; i++) {
            String approval = awaitTask(retirementIds.get(i), APPROVE);
            open("/tasks");
            browser.findElement(By.id("asset")).sendKeys(retired.get(i).serialNumber());
            submit(By.cssSelector("#task-filter button[type='submit']"));
            WebElement row = browser.findElement(By.cssSelector("tr[data-task='" + approval + "']"));
            assertThat(row.getText()).contains(retired.get(i).tag()).contains("Approve retirement");
            if (i == 0) {
                screenshots("task-inbox", DESKTOP);
            }
            row.findElement(By.tagName("a")).click();
            waitFor().until(d -> path().startsWith("/tasks/"));
            assertThat(browser.findElement(By.id("asset-link")).getText()).isEqualTo(retired.get(i).tag());
            browser.findElement(By.cssSelector("input[name='approve'][value='true']")).click();
            browser.findElement(By.id("comment")).sendKeys("Approved: back to the pool");
            submit(By.id("complete"));
            assertThat(path()).as("the step is recorded; errors shown: %s", errorsShown())
                    .isEqualTo("/tasks");
            assertThat(text("notice")).contains("Retirement approved");
            assertThat(browser.findElements(By.cssSelector("tr[data-task='" + approval + "']"))).isEmpty();
        }

        // IT staff: backup (if asked), de-provisioning attestation, in-house sanitization of every medium
        signIn(Role.IT_STAFF);
        for (int i = 0; i < 3; i++) {
            UUID id = retirementIds.get(i);
            Task next = awaitAnyTask(id, Set.of(BACKUP, ATTEST, SANITIZE));
            if (BACKUP.equals(next.getTaskDefinitionKey())) {
                openTask(next.getId());
                browser.findElement(By.id("backupLocation")).sendKeys("//nas/retired/" + retired.get(i).tag());
                submit(By.id("complete"));
                assertThat(text("notice")).isNotBlank();
                next = awaitAnyTask(id, Set.of(ATTEST, SANITIZE));
            }
            if (ATTEST.equals(next.getTaskDefinitionKey())) {
                openTask(next.getId());
                List<WebElement> outcomes = browser.findElements(
                        By.cssSelector("select[id^='attestations'][id$='.outcome']"));
                assertThat(outcomes).isNotEmpty();
                for (int s = 0; s < outcomes.size(); s++) {
                    new Select(browser.findElement(By.id("attestations" + s + ".outcome"))).selectByValue("DONE");
                    if (!(i == 0 && s == outcomes.size() - 1)) {
                        browser.findElement(By.id("attestations" + s + ".evidence")).sendKeys("Ticket IT-" + i + s);
                    }
                }
                if (i == 0) {
                    // the first attestation leaves one system's evidence empty: the error shows next to that field
                    submit(By.id("complete"));
                    int last = outcomes.size() - 1;
                    WebElement evidence = browser.findElement(By.id("attestations" + last + ".evidence"));
                    assertThat(text("attestations" + last + ".evidence-error")).isNotBlank();
                    assertThat(evidence.getAttribute("aria-invalid")).isEqualTo("true");
                    assertThat(evidence.getAttribute("aria-describedby")).contains("attestations" + last
                            + ".evidence-error");
                    assertThat(browser.findElement(By.id("attestations0.evidence")).getAttribute("value"))
                            .as("nothing typed is lost").isEqualTo("Ticket IT-00");
                    assertThat(text("form-errors")).contains("Nothing was recorded");
                    screenshots("task-form-error", DESKTOP);
                    evidence.sendKeys("Ticket IT-0" + last);
                }
                submit(By.id("complete"));
                assertThat(path()).as("the step is recorded; errors shown: %s", errorsShown())
                    .isEqualTo("/tasks");
                assertThat(text("notice")).isNotBlank();
            }
            List<SanitizationPlanItem> plan = awaitPlan(id);
            for (int m = 0; m < plan.size(); m++) {
                List<Task> open = awaitTasks(id, SANITIZE, plan.size() - m);
                openTask(open.get(0).getId());
                String serial = text("medium-serial");
                assertThat(plan).extracting(SanitizationPlanItem::mediumSerial).contains(serial);
                person("Alex Operator", "Technician");
                browser.findElement(By.id("tool")).sendKeys("nwipe");
                browser.findElement(By.id("toolVersion")).sendKeys("0.37");
                new Select(browser.findElement(By.id("verificationMethod"))).selectByValue("FULL");
                browser.findElement(By.cssSelector("input[name='passed'][value='true']")).click();
                browser.findElement(By.id("postSanitizationClassification")).sendKeys("Unclassified");
                ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                        browser.findElement(By.id("completedAt")), LocalDateTime.now(ZoneOffset.UTC).minusMinutes(10)
                                .truncatedTo(ChronoUnit.MINUTES).toString());
                submit(By.id("complete"));
                assertThat(path()).as("the sanitization of %s is recorded; errors shown: %s", serial, errorsShown())
                        .isEqualTo("/tasks");
                assertThat(text("notice")).isNotBlank();
            }
        }

        // a verifier verifies the media picked for independent verification; then every medium is certified
        signIn(Role.VERIFIER);
        for (int i = 0; i < 3; i++) {
            UUID id = retirementIds.get(i);
            UUID assetId = retired.get(i).id();
            int media = awaitPlan(id).size();
            await().atMost(Duration.ofSeconds(60)).until(() -> openTasks(id, VERIFY).size()
                    + certificatesOf(assetId).size() >= media);
            for (Task verify : openTasks(id, VERIFY)) {
                openTask(verify.getId());
                person("Sam Verifier", "Verifier");
                new Select(browser.findElement(By.id("verificationMethod"))).selectByValue("FULL");
                browser.findElement(By.cssSelector("input[name='passed'][value='true']")).click();
                browser.findElement(By.id("notes")).sendKeys("Sampled 1 GiB: no data recovered");
                submit(By.id("complete"));
                assertThat(path()).as("the step is recorded; errors shown: %s", errorsShown())
                    .isEqualTo("/tasks");
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> certificatesOf(assetId).size() == media);
        }

        open("/assets/" + retired.get(0).id());
        assertThat(text("asset-certificates")).contains(certificatesOf(retired.get(0).id()).get(0).number());
        assertThat(browser.findElements(By.cssSelector("#timeline li, #timeline tr"))).hasSizeGreaterThan(3);
    }

    @Test
    @Order(3)
    void aComplianceOfficerVerifiesACertificateByUploadingItsPdfAndRunsTheCustodyAudit() throws Exception {
        assertThat(retired).as("runs after the retirement test").hasSize(3);
        String number = certificatesOf(retired.get(0).id()).get(0).number();
        signIn(Role.COMPLIANCE);

        open("/certificates");
        WebElement pdfLink = browser.findElement(By.cssSelector("a.pdf-link[href$='/certificates/" + number
                + "/pdf']"));
        HttpResponse<byte[]> pdf = downloadWithTheBrowsersSession(pdfLink.getAttribute("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Path file = Files.createTempDirectory("certificate-").resolve(number + ".pdf");
        Files.write(file, pdf.body());

        open("/compliance/verifications");
        browser.findElement(By.cssSelector("#verify-file #file")).sendKeys(file.toAbsolutePath().toString());
        submit(By.id("check-file"));
        assertThat(text("verdict")).isEqualTo("Genuine and valid");
        assertThat(text("verification")).contains(number);
        screenshots("verification-history", DESKTOP);
        open("/compliance/verifications");
        assertThat(text("checks")).contains(number);

        open("/compliance/custody");
        submit(By.id("run-audit"));
        waitFor().until(d -> path().startsWith("/compliance/custody/audits/"));
        waitFor(Duration.ofSeconds(120)).until(d -> text("audit-state").equals("Passed"));
        open(path());
        assertThat(browser.findElement(By.id("audit-result")).getAttribute("data-state")).isEqualTo("PASSED");
        assertThat(text("audit-passed")).contains("The log verified");
        screenshots("custody-audit", DESKTOP);
    }

    @Test
    @Order(4)
    void screenshotsOfEveryMainPage() throws Exception {
        assertThat(retired).as("runs after the retirement test").hasSize(3);
        // a lot handed to the vendor, received, its assets resold and settled: the charts and reports have data
        UUID lot = fixture.lotReceived(vendor, 2);
        for (var item : context.getBean(Lots.class).get(lot, fixture.staff).items()) {
            fixture.resoldAndClosed(item.retirementId(), vendor);
        }
        for (int i = 0; i < 20; i++) {
            assets.register(AssetFixtures.anyLaptop(), AssetFixtures.actor(Role.IT_STAFF));
        }

        signIn(Role.ADMIN);
        open("/");
        screenshots("dashboard", DESKTOP, TABLET);
        open("/assets");
        screenshots("assets", DESKTOP);
        open("/assets/" + retired.get(0).id());
        screenshots("asset", DESKTOP, TABLET);
        open("/lots");
        screenshots("lots", DESKTOP);
        open("/lots/" + lot);
        assertThat(text("manifest")).isNotBlank();
        screenshots("lot", DESKTOP);
        open("/exceptions");
        screenshots("exceptions", DESKTOP);
        open("/certificates");
        screenshots("certificates", DESKTOP);
        open("/compliance");
        screenshots("compliance", DESKTOP);
        open("/compliance/reports");
        screenshots("reports", DESKTOP);
        open("/admin/users");
        screenshots("admin-users", DESKTOP);
        open("/admin/vendors");
        screenshots("admin-vendors", DESKTOP);
        open("/admin/keys");
        screenshots("admin-keys", DESKTOP);
        open("/admin/sla");
        screenshots("admin-sla", DESKTOP);
    }

    @Test
    @Order(5)
    void aComplianceOfficerDownloadsAnAssetsEvidencePackThatVerifiesWithItsOwnReadmesCommands() throws Exception {
        assertThat(retired).as("runs after the retirement test").hasSize(3);
        Asset asset = retired.get(1);
        signIn(Role.COMPLIANCE);
        open("/assets/" + asset.id());
        browser.findElement(By.id("evidence-pack")).click();
        waitFor().until(d -> path().equals("/compliance/evidence-packs/new"));
        assertThat(browser.findElement(By.id("assetId")).getAttribute("value")).isEqualTo(asset.id().toString());
        submit(By.id("request-asset-pack"));
        assertThat(path()).as("the pack is requested; errors shown: %s", errorsShown())
                .matches("/compliance/evidence-packs/[0-9a-f-]{36}");
        WebElement download = waitFor(Duration.ofSeconds(120)).until(d -> {
            WebElement link = d.findElement(By.id("download"));
            return link.isDisplayed() ? link : null;
        });
        assertThat(text("pack-state")).isNotBlank();

        HttpResponse<byte[]> zip = downloadWithTheBrowsersSession(download.getAttribute("href"));
        assertThat(zip.statusCode()).isEqualTo(200);
        open(path());
        assertThat(sha256(zip.body())).as("the zip is the one the page names").isEqualTo(text("pack-sha256"));
        screenshots("evidence-pack", DESKTOP);
        Path dir = unzip(zip.body());
        assertThat(dir.resolve("README.md")).exists();
        assertThat(dir.resolve("SHA256SUMS")).exists();

        PackReadmeCommands commands = PackReadmeCommands.of(dir);
        List<PackReadmeCommands.Result> results = commands.runAll(Map.of("VERIFY", offlineVerifier()));
        assertThat(results).hasSize(commands.steps()).allSatisfy(r -> assertThat(r.passed())
                .as("step %d of the README failed:%n%s", r.step(), r.output()).isTrue());
        assertThat(results.get(commands.stepUsing("sha256sum --check") - 1).output()).contains(": OK")
                .doesNotContain("FAILED");
        assertThat(results.get(commands.stepUsing("pdfsig") - 1).output())
                .contains("signature valid, signer trusted, whole document signed");
        assertThat(results.get(commands.stepUsing("verify-proof") - 1).output()).contains("OK: leaf ");

        open("/compliance/evidence-packs");
        assertThat(text("packs")).contains(asset.tag()).contains("DONE");
        screenshots("evidence-packs", DESKTOP);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private void signIn(Role role) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(users.get(role));
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        submit(By.id("sign-in"));
        waitFor().until(d -> !path().startsWith("/login"));
    }

    /** Clicks the button and waits until the answer's page has loaded. */
    private void submit(By button) {
        chromium.clickAndWaitForTheNextPage(button, Duration.ofSeconds(30));
    }

    /** The form errors the page shows, for failure messages. */
    private List<String> errorsShown() {
        return browser.findElements(By.cssSelector(".field-error, #form-errors")).stream().map(WebElement::getText)
                .toList();
    }

    private List<WebElement> navigation() {
        return browser.findElements(By.cssSelector("header.console-bar nav[aria-label='Main'] > a"));
    }

    /** Whether the page shown is the refusal (403) rather than a page of the console. */
    /** Whether the page is the refusal (403): it says why and what to do, and shows none of the page asked for. */
    private boolean refusedPage() {
        List<WebElement> refusal = browser.findElements(By.id("refused"));
        return browser.findElements(By.id("main")).isEmpty() && !refusal.isEmpty()
                && refusal.get(0).getText().contains("Not for your role")
                && refusal.get(0).getText().contains("Your roles do not open this page (403)")
                && refusal.get(0).getText().contains("ask an administrator for the role");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        waitFor().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState")));
    }

    private void openTask(String taskId) {
        open("/tasks/" + taskId);
        assertThat(browser.findElement(By.id("task-form")).isDisplayed()).isTrue();
    }

    private void person(String name, String title) {
        browser.findElement(By.id("personName")).sendKeys(name);
        browser.findElement(By.id("personTitle")).sendKeys(title);
        browser.findElement(By.id("personOrganisation")).sendKeys("Example Corp IT");
        browser.findElement(By.id("personLocation")).sendKeys("Berlin");
    }

    private String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private WebDriverWait waitFor() {
        return waitFor(Duration.ofSeconds(10));
    }

    private WebDriverWait waitFor(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private List<CertificateView> certificatesOf(UUID assetId) {
        return certificates.list(assetId, null, null, 0, 50).content();
    }

    private List<SanitizationPlanItem> awaitPlan(UUID retirementId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !retirements.sanitizationPlan(retirementId).isEmpty());
        return retirements.sanitizationPlan(retirementId);
    }

    private List<Task> openTasks(UUID businessKey, String step) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey.toString())
                .taskDefinitionKey(step).list();
    }

    private String awaitTask(UUID businessKey, String step) {
        return awaitTasks(businessKey, step, 1).get(0).getId();
    }

    private List<Task> awaitTasks(UUID businessKey, String step, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> openTasks(businessKey, step).size() >= count);
        return openTasks(businessKey, step);
    }

    /** Waits until one of these steps is open for the retirement; returns it. */
    private Task awaitAnyTask(UUID businessKey, Set<String> steps) {
        Task[] found = new Task[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            found[0] = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey.toString())
                    .list().stream().filter(t -> steps.contains(t.getTaskDefinitionKey())).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** The retirement (process business key) started for this asset, once its process runs. */
    private UUID retirementOf(UUID assetId) {
        UUID[] id = new UUID[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var found = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey("asset-retirement").variableValueEquals("assetId", assetId.toString())
                    .list();
            if (found.isEmpty()) {
                return false;
            }
            id[0] = UUID.fromString(found.get(0).getBusinessKey());
            return true;
        });
        return id[0];
    }

    /**
     * Screenshots of the current page at these widths, as tall as the page (at most 2,400 px), named
     * {@code console-<page>-<desktop|tablet>.png}; the page must fit each width without sideways scrolling. The
     * window is left at desktop width.
     */
    private void screenshots(String page, int... widths) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (int width : widths) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
            long chrome = ((Number) js.executeScript("return window.outerHeight - window.innerHeight")).longValue();
            browser.manage().window().setSize(new Dimension(width, (int) (Math.max(600, Math.min(2400, height))
                    + chrome)));
            js.executeScript("window.scrollTo(0, 0)");
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            String size = width >= DESKTOP ? "desktop" : "tablet";
            Files.copy(shot.toPath(), SCREENSHOTS.resolve("console-" + page + "-" + size + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Boolean fits = (Boolean) js.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth");
            assertThat(fits).as("the %s page fits %d px without sideways scrolling", page, width).isTrue();
        }
        browser.manage().window().setSize(new Dimension(DESKTOP, 1000));
    }

    /** The offline verifier as the README's {@code VERIFY} setting: this build's classes with its main class. */
    private static String offlineVerifier() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return java + " -cp " + System.getProperty("java.class.path") + " com.itadcustody.ItadCustodyApplication";
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Unpacks the zip into a new temporary folder (refusing entries that would land outside it). */
    private static Path unzip(byte[] zip) throws IOException {
        Path dir = Files.createTempDirectory("evidence-pack-");
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = dir.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(dir)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
            }
        }
        return dir;
    }

    private HttpResponse<byte[]> downloadWithTheBrowsersSession(String url) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
