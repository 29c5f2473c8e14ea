package org.switchboard.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A planner publishes a week of team Aurora (three weeks ahead) through the API; the demo operator (Anna Ivanova, Aurora) signs in,
 * sees the shifts in My schedule as a list and as a month (screenshots in target/screenshots), and the calendar
 * feed link shown there answers without sign-in.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MyScheduleE2ETest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> planner(String method, String path, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "planner:switchboard".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    void publishAuroraWeek() throws Exception {
        // three weeks ahead: inside My schedule's first five weeks, clear of the near weeks other journeys plan
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Moscow")).plusWeeks(3);
        HttpResponse<String> created = planner("POST", "/api/rosters",
                "{\"startDate\":\"%s\",\"days\":7,\"teams\":[\"Aurora (day)\"]}".formatted(start));
        org.assertj.core.api.Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        org.assertj.core.api.Assertions.assertThat(planner("POST", "/api/rosters/" + id + "/solve?seconds=3", null).statusCode())
                .isEqualTo(202);
        long deadline = System.currentTimeMillis() + 120_000;
        while (JSON.readTree(planner("GET", "/api/rosters/" + id + "/status", null).body()).get("solving").asBoolean()) {
            org.assertj.core.api.Assertions.assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(250);
        }
        HttpResponse<String> published = planner("POST", "/api/rosters/" + id + "/publish?force=true", null);
        org.assertj.core.api.Assertions.assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    @Test
    void theOperatorSeesTheNewShiftsAndTheFeedLink() throws Exception {
        publishAuroraWeek();
        String base = "http://localhost:" + port;
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
            page.setDefaultTimeout(60_000);
            page.navigate(base + "/my-schedule");
            page.waitForURL(url -> url.contains("/login"));
            page.locator("input[name='username']").fill("operator");
            page.locator("input[name='password']").fill("switchboard");
            page.locator("vaadin-button[slot='submit']").click();
            page.waitForURL(url -> url.contains("/my-schedule"));

            assertThat(page.locator("#my-schedule")).containsText("Anna Ivanova (E1001)");
            Locator shifts = page.locator(".schedule-shift");
            assertThat(shifts.first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/my-schedule.png")).setFullPage(true));

            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Month")).click();
            String firstDate = shifts.first().getAttribute("data-date");
            if (!firstDate.startsWith(LocalDate.now(ZoneId.of("Europe/Moscow")).toString().substring(0, 7))) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next month")).click();
            }
            assertThat(page.locator(".schedule-day[data-date='" + firstDate + "'] .schedule-chip")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/my-schedule-month.png")).setFullPage(true));

            String feed = page.locator("#feed-url input").inputValue();
            org.assertj.core.api.Assertions.assertThat(feed).startsWith(base + "/calendar/").endsWith(".ics");
            HttpResponse<String> ics = http.send(HttpRequest.newBuilder(URI.create(feed)).build(), HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(ics.statusCode()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(ics.body()).contains("BEGIN:VEVENT");
        }
    }
}
