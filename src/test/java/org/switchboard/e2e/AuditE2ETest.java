package org.switchboard.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A wrong password for operator2 in the browser, then the manager reads it on the Audit trail screen, in English and
 * in Russian.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditE2ETest {

    @LocalServerPort
    int port;

    @Test
    void aFailedSignInShowsOnTheManagersAuditTrail() {
        String base = "http://localhost:" + port;
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            Page page = BrowserSupport.page(browser);
            try {
                page.navigate(base + "/audit");
                page.waitForURL(url -> url.contains("/login"));
                page.locator("input[name='username']").fill("operator2");
                page.locator("input[name='password']").fill("not-the-password");
                page.locator("vaadin-button[slot='submit']").click();
                page.waitForURL(url -> url.contains("error"));

                page.navigate(base + "/audit");
                BrowserSupport.signIn(page, "manager");
                assertThat(page.locator("#audit-grid")).containsText("Wrong password for operator2");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/audit.png")));

                BrowserSupport.chooseLanguage(page, "Русский");
                page.navigate(base + "/audit");
                assertThat(page.locator("#audit-grid")).containsText("operator2");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/audit-ru.png")));
            } finally {
                if (page.locator("#language").count() > 0 && !page.locator("#language").innerText().contains("English")) {
                    BrowserSupport.chooseLanguage(page, "English"); // the manager's saved language, for the other tests
                }
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/last-e2e-audit-page.png")));
            }
        }
    }
}
