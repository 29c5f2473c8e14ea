package org.switchboard.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A planner imports a history file through the browser, then sees the forecast and requirement charts
 * drawn by Chart.js and asks the Erlang calculator a what-if question.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemandE2ETest {

    @LocalServerPort
    int port;

    @Test
    void plannerImportsHistoryAndReadsTheCharts() throws IOException {
        Path csv = Files.createTempFile("billing-history", ".csv");
        StringBuilder rows = new StringBuilder("interval_start,queue,offered,handled,aht_seconds\n");
        for (int d = 0; d < 2; d++) {
            for (int h = 8; h < 22; h++) {
                rows.append(LocalDate.of(2020, 1, 6).plusDays(d).atTime(h, 0)).append(",BILL,").append(20 + h).append(',')
                        .append(19 + h).append(",240\n");
            }
        }
        Files.writeString(csv, rows);
        String base = "http://localhost:" + port;
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
            page.setDefaultTimeout(60_000);
            try {
                page.navigate(base + "/demand/import");
                page.locator("input[name='username']").fill("planner");
                page.locator("input[name='password']").fill("switchboard");
                page.locator("vaadin-button[slot='submit']").click();
                page.waitForURL(url -> url.contains("/demand/import"));

                FileChooser chooser = page.waitForFileChooser(() -> page.locator("#upload vaadin-button").first().click());
                chooser.setFiles(csv);
                assertThat(page.locator("#file-info")).containsText("28 rows");
                assertThat(page.locator("#preview")).isVisible();
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/demand-import.png")).setFullPage(true));
                page.locator("#import").click();
                assertThat(page.locator("#result")).containsText("28 intervals written (BILL 28)");

                page.navigate(base + "/demand/forecast");
                assertThat(page.locator("#forecast-chart[data-rendered='3']")).isVisible();
                assertThat(page.locator("#forecast-summary")).containsText("forecast");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/demand-forecast.png")));

                page.navigate(base + "/demand/requirements");
                assertThat(page.locator("#requirements-chart[data-rendered='2']")).isVisible();
                assertThat(page.locator("#summary")).containsText("peak");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/demand-requirements.png")));

                page.navigate(base + "/demand/erlang");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Calculate")).click();
                assertThat(page.locator("#answer")).containsText("14 agents on the phones, 20 positions to schedule");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/demand-erlang.png")));
            } finally {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/last-e2e-demand-page.png")));
                Files.deleteIfExists(csv);
            }
        }
    }
}
