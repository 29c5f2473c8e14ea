package org.switchboard.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.e2e.BrowserSupport.chooseLanguage;
import static org.switchboard.e2e.BrowserSupport.signIn;
import static org.switchboard.e2e.BrowserSupport.signOut;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.DayEdit;
import org.switchboard.rostering.NewRoster;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterEdits;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.Solving;
import org.switchboard.shared.SystemAuthentication;

/**
 * A shift swap between two colleagues, in a headless Chromium:
 * <ol>
 *   <li>set-up through the services, as a planner would on the board: a published week of team Aurora five weeks
 *       ahead (clear of the other end-to-end tests' weeks) in which Anna Ivanova (E1001, login {@code operator}) works
 *       the day shift D07 from 07:00 on its first five days and Vera (E1003, login {@code operator2}) the same shift
 *       from 10:00;</li>
 *   <li>Anna opens <b>Swaps</b>, chooses her shift on the third day and Vera, and proposes the swap;</li>
 *   <li>Vera opens <b>Swaps</b>, sees the proposal addressed to him and accepts it: no rule breaks and the service
 *       level holds, so it is approved on its own;</li>
 *   <li>both see their new shifts in <b>My schedule</b>: Anna from 10:00, Vera from 07:00.</li>
 * </ol>
 * Screenshots in target/screenshots: swap-board (Vera's board with the proposal), swap-approved.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SwapJourneyE2ETest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @LocalServerPort
    int port;

    @Autowired
    RosterService rosters;
    @Autowired
    RosterEdits edits;
    @Autowired
    TeamService teams;

    @Test
    void aProposedSwapAcceptedIsApprovedOnItsOwnAndBothSeeTheirNewShifts() {
        LocalDate start = LocalDate.now(MOSCOW).plusWeeks(5);
        LocalDate day = start.plusDays(2);
        publishWeek(start);
        String shown = day.toString(); // English dates read 2027-01-14

        String base = "http://localhost:" + port;
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            Page page = BrowserSupport.page(browser);
            try {
                // 1. Anna proposes her shift that day to Vera
                page.navigate(base + "/swaps");
                signIn(page, "operator");
                page.waitForURL(url -> url.contains("/swaps"));
                page.locator("#swap-shift").click();
                page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(shown + " 07:00"))
                        .first().click();
                Locator colleague = page.locator("#swap-colleague input");
                colleague.fill("E1003");
                page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("E1003")).first()
                        .click();
                assertThat(page.locator("#swap-propose")).isEnabled();
                page.locator("#swap-propose").click();
                assertThat(page.locator("#swap-offer-result")).containsText("is proposed to E1003");
                assertThat(page.locator("#swap-mine-grid")).containsText("proposed");
                signOut(page);

                // 2. Vera accepts: approved on its own
                page.navigate(base + "/swaps");
                signIn(page, "operator2");
                page.waitForURL(url -> url.contains("/swaps"));
                Locator accept = page.locator("#swap-mine-grid vaadin-button.swap-accept").first();
                assertThat(accept).isVisible();
                assertThat(page.locator("#swap-mine-grid")).containsText("E1001");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/swap-board.png"))
                        .setFullPage(true));
                accept.click();
                assertThat(page.locator("#swap-outcome")).containsText("approved automatically");
                assertThat(page.locator("#swap-mine-grid")).containsText("approved");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/swap-approved.png"))
                        .setFullPage(true));

                // 3. both see their new shifts
                page.navigate(base + "/my-schedule");
                Locator veraShift = shiftOn(page, day);
                assertThat(veraShift).containsText("07:00");
                signOut(page);
                page.navigate(base + "/my-schedule");
                signIn(page, "operator");
                page.waitForURL(url -> url.contains("/my-schedule"));
                Locator annaShift = shiftOn(page, day);
                assertThat(annaShift).containsText("10:00");
                assertThat(shiftOn(page, day.minusDays(1))).containsText("07:00");

                // 4. the board in Russian (the language is saved in Anna's profile: English again afterwards)
                page.navigate(base + "/swaps");
                page.locator("#swap-board").waitFor();
                chooseLanguage(page, "Русский");
                assertThat(page.locator("#swap-board h2")).hasText("Обмен сменами");
                assertThat(page.locator("#swap-mine-grid")).containsText("одобрен");
                assertThat(page.locator("#swap-mine-grid")).containsText(
                        day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/swap-board-ru.png"))
                        .setFullPage(true));
                chooseLanguage(page, "English");
                assertThat(page.locator("#swap-board h2")).hasText("Shift swaps");
            } finally {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/last-e2e-swap-page.png")));
            }
        }
    }

    /**
     * Publishes Aurora's week with Anna on D07 from 07:00 and Vera on D07 from 10:00 on the first five days, both off
     * on the last two; the rest of the team as the solver plans it.
     */
    private void publishWeek(LocalDate start) {
        SystemAuthentication.runAsSystem(() -> {
            long aurora = teams.list().stream().filter(t -> t.getName().equals("Aurora (day)")).findFirst().orElseThrow()
                    .getId();
            Roster r = rosters.create(new NewRoster(start, 7, List.of(aurora), null, "Europe/Moscow", null, null));
            Locale en = Locale.ENGLISH;
            for (int d = 0; d < 7; d++) {
                LocalDate date = start.plusDays(d);
                edits.edit(r.id(), "E1001", date, d < 5 ? new DayEdit("D07", LocalTime.of(7, 0), "RU-GEN", false)
                        : DayEdit.off(), true, en);
                edits.edit(r.id(), "E1003", date, d < 5 ? new DayEdit("D07", LocalTime.of(10, 0), "RU-GEN", false)
                        : DayEdit.off(), true, en);
            }
            assertThat(Solving.solve(rosters, r.id(), 5, java.time.Duration.ofSeconds(120))).as("solving ends").isTrue();
            rosters.publish(r.id(), true);
        });
    }

    /** The day's shift in My schedule's list, paging on ("Later") until its weeks are shown. */
    private static Locator shiftOn(Page page, LocalDate day) {
        Locator shift = page.locator(".schedule-shift[data-date='" + day + "']");
        page.locator("#schedule-list").waitFor();
        for (int i = 0; i < 4 && shift.count() == 0; i++) {
            page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Later")).first().click();
            page.waitForTimeout(500);
        }
        return shift;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
