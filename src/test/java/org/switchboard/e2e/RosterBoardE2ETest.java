package org.switchboard.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner signs in, opens Rosters, creates a small roster, solves it for a few seconds from the board and watches the
 * score change by server push (no click in between), then opens coverage and sees the Chart.js charts and the heat map.
 * Screenshots: target/screenshots/board.png and coverage.png.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RosterBoardE2ETest {

    @LocalServerPort
    int port;

    @Test
    void plannerCreatesSolvesAndReadsCoverage() {
        String base = "http://localhost:" + port;
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1600, 1000));
            page.setDefaultTimeout(60_000);
            try {
                page.navigate(base + "/rosters");
                page.locator("input[name='username']").fill("planner");
                page.locator("input[name='password']").fill("switchboard");
                page.locator("vaadin-button[slot='submit']").click();
                page.waitForURL(url -> url.contains("/rosters"));
                assertThat(page.locator("#rosters")).isVisible();

                page.getByText("New roster").first().click();
                page.locator("#new-days input").fill("2");
                page.locator("#create-roster").click();
                page.waitForURL(Pattern.compile(".*/rosters/\\d+$"));
                Locator status = page.locator("#solve-status");
                assertThat(status).containsText("Draft");
                assertThat(page.locator("#board .sb-cell").first()).isVisible();
                String before = status.textContent();

                page.locator("#solve-seconds input").fill("4");
                page.locator("#solve").click();
                assertThat(status).containsText("Solving");
                // the status changes while and after solving without any click: server push
                assertThat(status).not().containsText("Solving", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
                assertThat(status).containsText("Draft");
                String after = status.textContent();
                assertThat(after).isNotEqualTo(before);
                assertThat(page.locator("#board .sb-cell.sb-draft:not(.sb-off)").first()).isVisible();
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/board.png")));

                // the link may sit under the development-mode notice: follow its address
                page.navigate(base + "/" + page.locator("#open-coverage").getAttribute("href"));
                page.waitForURL(Pattern.compile(".*/rosters/\\d+/coverage$"));
                assertThat(page.locator("#coverage-chart[data-rendered='4']")).isVisible();
                assertThat(page.locator("#service-level-chart[data-rendered='2']")).isVisible();
                assertThat(page.locator("#coverage-summary")).containsText("Covered");
                assertThat(page.locator("#heatmap table.sb-heat")).isVisible();
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/coverage.png"))
                        .setFullPage(true));
            } finally {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/last-e2e-roster-page.png")));
            }
        }
    }
}
