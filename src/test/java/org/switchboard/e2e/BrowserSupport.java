package org.switchboard.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts Debian's Chromium through Playwright, never a downloaded browser. The path can be changed with
 * {@code -Dswitchboard.chromium=/path/to/chromium}.
 */
final class BrowserSupport {

    static final Path CHROMIUM = Path.of(System.getProperty("switchboard.chromium", "/usr/bin/chromium"));

    private BrowserSupport() {}

    static Playwright playwright() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("End-to-end tests need Chromium at " + CHROMIUM
                    + ": install it with `apt-get install -y chromium chromium-driver` (Debian/Ubuntu)"
                    + " or pass -Dswitchboard.chromium=/path/to/chromium");
        }
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** Signs in on the sign-in page the browser was sent to, with the demo password, and waits to be let in. */
    /** A tall English page with generous waits (the journeys sign in and out several times on 2 cores). */
    static Page page(Browser browser) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1500, 1400).setLocale("en-US"));
        page.setDefaultTimeout(60_000);
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        return page;
    }

    static void signIn(Page page, String user) {
        page.waitForURL(url -> url.contains("/login"));
        page.locator("input[name='username']").fill(user);
        page.locator("input[name='password']").fill("switchboard");
        page.locator("vaadin-button[slot='submit']").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Switches the UI's language with the switcher under the user's name (saved in a signed-in user's profile). */
    static void chooseLanguage(Page page, String name) {
        page.locator("#language").click();
        page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(name))
                .click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#language")).containsText(name);
    }

    static void signOut(Page page) {
        page.locator("#sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
    }
}
