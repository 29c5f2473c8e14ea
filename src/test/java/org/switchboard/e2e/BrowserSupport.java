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
    static void signIn(Page page, String user) {
        page.waitForURL(url -> url.contains("/login"));
        page.locator("input[name='username']").fill(user);
        page.locator("input[name='password']").fill("switchboard");
        page.locator("vaadin-button[slot='submit']").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    static void signOut(Page page) {
        page.locator("#sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
    }
}
