package com.itadcustody.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver for the browser tests: never a downloaded
 * browser or driver.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Debian's browser ({@code apt-get install chromium}). */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's driver for it ({@code apt-get install chromium-driver}). */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final WebDriver browser;

    private HeadlessChromium(ChromeDriverService service, WebDriver browser) {
        this.service = service;
        this.browser = browser;
    }

    /** Starts the browser in a 1280 × 1000 window; fails the test, saying what to install, when it is missing. */
    public static HeadlessChromium start() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser test needs Debian's chromium and chromedriver at %s and %s"
                        + " (apt-get install chromium chromium-driver; .ci/run installs them)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        // Selenium Manager must never download a browser or a driver: both are given, and it is told to stay offline
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1280,1000");
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return new HeadlessChromium(service, browser);
    }

    /** The browser. */
    public WebDriver browser() {
        return browser;
    }

    /**
     * Clicks what leads to another page and waits until that page has replaced this one and finished loading: on a
     * loaded machine the click returns before the browser has navigated, and the old page's elements would still be
     * read. The old page is marked in its window object, which the next page does not share. (Waiting for the old
     * {@code html} element to go stale is not enough: mid-navigation, chromedriver may answer "node does not belong
     * to the document" instead of a stale element.)
     */
    public void clickAndWaitForTheNextPage(By target, Duration timeout) {
        ((JavascriptExecutor) browser).executeScript("window.itadPreviousPage = true");
        browser.findElement(target).click();
        new WebDriverWait(browser, timeout).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.itadPreviousPage === undefined && document.readyState === 'complete'")));
    }

    /** Quits the browser and stops its driver. */
    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            service.stop();
        }
    }
}
