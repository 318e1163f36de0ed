package com.itadcustody.partner.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.itadcustody.retirement.LotView;
import com.itadcustody.retirement.Lots;
import com.itadcustody.shared.Role;
import com.itadcustody.support.HeadlessChromium;
import com.itadcustody.support.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A vendor user works through a lot in headless Chromium (Debian's chromium driven by Debian's chromedriver;
 * nothing is downloaded): signs in on the portal, confirms the pickup, reconciles the receipt with one serial
 * missing, records a resale, and sees and downloads the certificate of disposition. Screenshots of the main pages at
 * a phone's and a desktop's width go to {@code target/portal-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTests extends IntegrationTest {

    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    static final Dimension PHONE = new Dimension(360, 1100);
    static final Dimension DESKTOP = new Dimension(1280, 1000);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Lots lots;

    HeadlessChromium chromium;
    WebDriver browser;

    @BeforeAll
    void chromium() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void vendorConfirmsPickupReconcilesAReceiptWithAMissingSerialRecordsAResaleAndDownloadsTheCertificate()
            throws Exception {
        PortalFixture fixture = PortalFixture.from(context);
        UUID vendor = fixture.certifiedVendor("GreenCycle Recycling");
        String user = fixture.user("greencycle.dock", Role.VENDOR, vendor);
        UUID lot = fixture.lotSignedOff(vendor, 3);
        List<LotView.Item> items = lots.get(lot, fixture.staff).items();

        open("/portal/login");
        screenshots("login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PortalFixture.PASSWORD);
        clickAndWaitForTheNextPage(By.id("sign-in"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(browser.findElement(By.id("vendor-name")).getText()).startsWith("GreenCycle Recycling");
        assertThat(browser.findElement(By.id("tasks")).getText()).contains("Confirm the pickup").contains("UTC");
        screenshots("dashboard");

        clickAndWaitForTheNextPage(By.cssSelector("a.lot-link[href$='" + lot + "']"));
        assertThat(browser.findElement(By.id("manifest")).getText()).contains(items.get(0).assetSerial())
                .contains(items.get(1).assetSerial()).contains(items.get(2).assetSerial());
        screenshots("lot");
        clickAndWaitForTheNextPage(By.id("confirm-pickup"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Pickup confirmed");
        fixture.awaitLotAt(lot, "Task_ReconcileReceipt");

        open("/portal/lots/" + lot + "/receipt");
        WebElement scan = browser.findElement(By.id("scan"));
        assertThat(scan.isDisplayed()).as("the scan box shows when script runs").isTrue();
        scan.sendKeys(items.get(0).assetSerial(), Keys.ENTER);
        browser.findElement(By.id("scan")).sendKeys(items.get(1).assetSerial().toLowerCase(), Keys.ENTER);
        browser.findElement(By.id("scan")).sendKeys(items.get(0).assetSerial(), Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the scan box keeps focus")
                .isEqualTo("scan");
        assertThat(text("matched-count")).isEqualTo("2");
        assertThat(text("missing-count")).isEqualTo("1");
        assertThat(text("unexpected-count")).isEqualTo("0");
        assertThat(text("missing-list")).isEqualTo(items.get(2).assetSerial());
        assertThat(text("scan-feedback")).contains("already listed");
        screenshots("receipt");
        clickAndWaitForTheNextPage(By.id("submit-receipt"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("1 discrepancy");
        assertThat(browser.findElement(By.id("discrepancies")).getText()).contains(items.get(2).assetSerial())
                .contains("open: waiting for the client");

        fixture.resolveMissing(lot, "LOST_IN_TRANSIT");
        UUID sold = items.get(0).retirementId();
        fixture.awaitRetirementAt(sold, "Task_ProcessAsset");
        open("/portal/lots/" + lot);
        assertThat(browser.findElement(By.id("discrepancies")).getText()).contains("LOST_IN_TRANSIT");

        open("/portal/assets/" + sold);
        browser.findElement(By.id("grade")).sendKeys("A");
        browser.findElement(By.cssSelector("input[name='functional'][value='true']")).click();
        browser.findElement(By.cssSelector("input[name='disposition'][value='RESALE']")).click();
        assertThat(browser.findElement(By.cssSelector("fieldset[data-disposition='RECYCLING']")).isDisplayed())
                .as("only the chosen disposition's fields show").isFalse();
        browser.findElement(By.id("price")).sendKeys("310.00");
        browser.findElement(By.id("buyerReference")).sendKeys("B-1042");
        browser.findElement(By.id("place")).sendKeys("GreenCycle, Leipzig");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("completedAt")), LocalDateTime.now(ZoneOffset.UTC).minusHours(1)
                        .truncatedTo(ChronoUnit.MINUTES).toString());
        screenshots("disposition");
        clickAndWaitForTheNextPage(By.id("record-processing"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Grading and disposition recorded");
        assertThat(browser.findElement(By.id("recorded")).getText()).contains("Resale for 310.00 EUR")
                .contains("B-1042");

        fixture.settle(sold);
        await().atMost(Duration.ofSeconds(90)).until(() -> fixture.certificateOf(sold, vendor) != null);
        String certificate = fixture.certificateOf(sold, vendor);
        open("/portal/assets/" + sold);
        assertThat(browser.findElement(By.id("settlement")).getText()).contains("310.00 EUR").contains("25.00 EUR");

        open("/portal/certificates");
        WebElement row = browser.findElement(By.xpath("//tr[td[normalize-space()='" + certificate + "']]"));
        assertThat(row.getAttribute("data-type")).isEqualTo("DISPOSITION");
        screenshots("certificates");
        String href = row.findElement(By.cssSelector("a.certificate-download")).getAttribute("href");
        HttpResponse<byte[]> pdf = downloadWithTheBrowsersSession(href);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    private void clickAndWaitForTheNextPage(By target) {
        chromium.clickAndWaitForTheNextPage(target, Duration.ofSeconds(60));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    /** Screenshots of the current page at a phone's and a desktop's width; the window is left at desktop width. */
    private void screenshots(String page) throws IOException {
        for (var size : List.of(new Object[] {"phone", PHONE}, new Object[] {"desktop", DESKTOP})) {
            browser.manage().window().setSize((Dimension) size[1]);
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve("portal-" + page + "-" + size[0] + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Boolean fits = (Boolean) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth");
            assertThat(fits).as("the %s page fits the %s's width without sideways scrolling", page, size[0])
                    .isTrue();
        }
    }

    private HttpResponse<byte[]> downloadWithTheBrowsersSession(String url) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
