package org.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.rostering.LargeCenter;
import org.switchboard.rostering.NewRoster;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.shared.SystemAuthentication;

/**
 * First paint of the schedule board at 200 operators × 28 days in headless Chromium: a team of 200 operators copied
 * from the demo center, a 28-day roster solved for a few seconds, then the planner opens the board
 * {@code bench.board.loads} times; each load is timed from navigation start (a full page load) until the grid's
 * first rows of cells are in the page. Prints the times; asserts nothing about them (numbers go to
 * docs/benchmarks.md).
 *
 * <p>{@code ./mvnw -Pbench test -Dtest=RosterBoardBenchmarkTest} ({@code -Dbench.board.operators=200
 * -Dbench.board.days=28 -Dbench.board.seconds=20 -Dbench.board.loads=6}).
 */
@Tag("benchmark")
@Tag("board")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "switchboard.embedded-db.directory=target/bench-postgres-board")
class RosterBoardBenchmarkTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RosterService rosters;
    @Autowired
    org.switchboard.operators.OperatorService operatorService;

    /** Resolves with performance.now() once at least 10 rows of day cells are in the page. */
    static final String ROWS_VISIBLE = """
            () => { const g = document.querySelector('#board');
                    if (!g) return 0;
                    const cells = g.querySelectorAll('.sb-cell');
                    return cells.length >= 10 * Math.min(7, %d) ? performance.now() : 0; }""";

    @Test
    void boardFirstPaint() throws Exception {
        int operators = Integer.getInteger("bench.board.operators", 200);
        int days = Integer.getInteger("bench.board.days", 28);
        int seconds = Integer.getInteger("bench.board.seconds", 20);
        int loads = Integer.getInteger("bench.board.loads", 6);
        try (LargeCenter center = new LargeCenter(jdbc, "Board benchmark " + System.nanoTime(), operators)) {
            LocalDate start = LocalDate.now(ZoneId.of("Europe/Moscow")).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            long id = SystemAuthentication.callAsSystem(() -> {
                Roster r = rosters.create(new NewRoster(start, days, List.of(center.teamId), null, null, null, null));
                rosters.solve(r.id(), seconds);
                return r.id();
            });
            long deadline = System.currentTimeMillis() + (seconds + 120) * 1000L;
            while (SystemAuthentication.callAsSystem(() -> rosters.isSolving(id)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
            int worked = SystemAuthentication.callAsSystem(() -> rosters.assignments(id).size());
            String base = "http://localhost:" + port;
            try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
                Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1600, 1000));
                page.setDefaultTimeout(120_000);
                page.navigate(base + "/rosters");
                page.locator("input[name='username']").fill("planner");
                page.locator("input[name='password']").fill("switchboard");
                page.locator("vaadin-button[slot='submit']").click();
                page.waitForURL(url -> url.contains("/rosters"));
                page.locator("#rosters").waitFor();
                // for comparison: the same sign-in and frame with a small screen (the roster list)
                List<Double> list = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    page.navigate(base + "/rosters");
                    list.add(((Number) page.waitForFunction(
                            "() => document.querySelector('#rosters vaadin-grid-cell-content') ? performance.now() : 0")
                            .jsonValue()).doubleValue());
                }
                // the server's part: reading what the board shows
                long t0 = System.nanoTime();
                SystemAuthentication.callAsSystem(() -> rosters.assignments(id).size());
                long serverMillis = (System.nanoTime() - t0) / 1_000_000;
                long t1 = System.nanoTime();
                int everyone = SystemAuthentication.callAsSystem(() -> operatorService.list().size());
                long operatorMillis = (System.nanoTime() - t1) / 1_000_000;
                List<Double> times = new ArrayList<>();
                int rendered = 0;
                for (int i = 0; i < loads; i++) {
                    page.navigate(base + "/rosters/" + id);
                    Object t = page.waitForFunction(ROWS_VISIBLE.formatted(days)).jsonValue();
                    times.add(((Number) t).doubleValue());
                    rendered = ((Number) page.evaluate("document.querySelectorAll('#board .sb-cell').length")).intValue();
                }
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/board-benchmark.png")));
                List<Double> warm = times.subList(1, times.size()).stream().sorted().toList();
                System.out.printf(Locale.ROOT, "%nBOARD FIRST PAINT %d operators x %d days (%d worked days), solved %d s%n",
                        operators, days, worked, seconds);
                System.out.printf(Locale.ROOT, "  first load (cold browser cache): %.0f ms%n", times.getFirst());
                if (!warm.isEmpty()) {
                    System.out.printf(Locale.ROOT, "  next %d loads: min %.0f ms, median %.0f ms, max %.0f ms%n",
                            warm.size(), warm.getFirst(), warm.get(warm.size() / 2), warm.getLast());
                }
                System.out.printf(Locale.ROOT, "  all loads (ms): %s; day cells in the page after load: %d of %d%n",
                        times.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList(), rendered,
                        operators * days);
                System.out.printf(Locale.ROOT, "  roster list page for comparison (ms): %s; on the server: reading the assignments %d ms, "
                        + "of which reading the %d operators (a query per operator for the skills) about %d ms%n",
                        list.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList(), serverMillis, everyone,
                        operatorMillis);
                assertThat(times).hasSize(loads);
            }
        }
    }
}
