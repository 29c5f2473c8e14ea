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
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole planning journey in a headless Chromium, only through the UI:
 * <ol>
 *   <li>the planner creates a week's roster (two weeks ahead: clear of the week MyScheduleE2ETest publishes three
 *       weeks ahead and of RosterBoardE2ETest's draft next week; the e2e classes share one server and database),
 *       solves it for a few seconds and sees the score change;</li>
 *   <li>edits a day of the demo operator Anna Ivanova (E1001, login {@code operator}, may not work nights) to the night
 *       shift N22, presses Check and Save and reads the broken rule in the dialog; then makes it the day shift D07 at
 *       07:00 on her first working day (no rest or run rule can break), which checks clean, saves and shows pinned;</li>
 *   <li>publishes: the confirmation lists the changes with Anna's first; the roster reads Published;</li>
 *   <li>{@code operator} signs in and sees the edited shift on that date in My schedule, as a list and in the month;</li>
 *   <li>switches the frame's language to Русский and reads My schedule in Russian (dd.MM.yyyy dates), and the planner
 *       reads the board in Russian; both switch back to English (the choice is saved in the shared profile).</li>
 * </ol>
 * Screenshots in target/screenshots: journey-edit-violation, journey-publish, my-schedule-journey, my-schedule-ru, board-ru.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishJourneyE2ETest {

    static final String ANNA = "E1001";
    static final int DAY_COLUMNS_FROM = 5; // operator, hours, nights, weekends, wishes, then one column per day

    /**
     * The classes of the board cells (".sb-cell") of an operator's row, one per day, read from the grid's rendered rows
     * (each row's cells are slotted contents, so the row is found through the grid's shadow DOM); null if not rendered.
     * With a day index, marks that cell with data-e2e-cell so a locator can click it.
     */
    static final String ROW_CELLS = """
            ([grid, employee, mark]) => {
              for (const tr of grid.shadowRoot.querySelectorAll('tbody tr')) {
                const contents = [...tr.querySelectorAll('td')]
                    .filter(td => !(td.getAttribute('part') || '').includes('details-cell'))
                    .map(td => { const s = td.querySelector('slot'); return s ? s.assignedElements()[0] : null; });
                if (!contents[0] || !contents[0].textContent.includes(employee)) continue;
                const cells = contents.slice(%d).map(c => c ? c.querySelector('.sb-cell') : null);
                document.querySelectorAll('[data-e2e-cell]').forEach(e => e.removeAttribute('data-e2e-cell'));
                if (mark !== null && cells[mark]) cells[mark].setAttribute('data-e2e-cell', employee);
                return cells.map(c => c ? c.className : '');
              }
              return null;
            }""".formatted(DAY_COLUMNS_FROM);

    @LocalServerPort
    int port;

    @Test
    void plannerSolvesEditsAndPublishesTheOperatorReadsItInEnglishAndRussian() {
        String base = "http://localhost:" + port;
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Moscow")).plusWeeks(2);
        int days = 7;
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1600, 1300).setLocale("en-US"));
            page.setDefaultTimeout(60_000);
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
            try {
                // 1. create and solve from the UI
                page.navigate(base + "/rosters");
                signIn(page, "planner");
                page.waitForURL(url -> url.contains("/rosters"));
                page.getByText("New roster").first().click();
                Locator startField = page.locator("#new-start input");
                startField.fill(start.format(DateTimeFormatter.ofPattern("M/d/yyyy")));
                startField.press("Enter");
                page.locator("#new-days input").fill(String.valueOf(days));
                page.locator("#create-roster").click();
                page.waitForURL(Pattern.compile(".*/rosters/\\d+$"));
                String rosterPath = page.url().substring(base.length());
                Locator status = page.locator("#solve-status");
                assertThat(status).containsText("Draft");
                assertThat(page.locator("#board-title")).containsText(start.format(DateTimeFormatter.ofPattern("M/d/yy")));
                assertThat(page.locator("#board .sb-cell").first()).isVisible();
                String before = status.textContent();

                page.locator("#solve-seconds input").fill("5");
                page.locator("#solve").click();
                assertThat(status).containsText("Solving");
                assertThat(status).not().containsText("Solving", new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
                assertThat(status).containsText("Draft");
                assertThat(status.textContent()).isNotEqualTo(before);

                // 2. edit Anna's first working day: a night breaks a hard rule, the day shift does not
                Locator team = page.locator("#filter-team input");
                team.click();
                team.fill("Aurora");
                page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Aurora (day)")).click();
                assertThat(team).hasValue("Aurora (day)");
                assertThat(page.locator("#board vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("Comet (evening)"))).hasCount(0);
                List<String> cells = annaCells(page, null);
                int day = firstWorkingDay(cells);
                assertThat(day).as("Anna works a day of the solved week: %s", cells).isGreaterThanOrEqualTo(0);
                LocalDate date = start.plusDays(day);
                annaCells(page, day);
                page.locator("[data-e2e-cell='" + ANNA + "']").click();
                Locator dialog = page.locator("#day-edit #edit-template"); // the dialog's host element has no box
                assertThat(dialog).isVisible();
                assertThat(page.locator("#day-edit")).hasAttribute("aria-label",
                        "Ivanova, Anna, " + date.format(DateTimeFormatter.ofPattern("M/d/yy")));
                chooseTemplate(page, "N22");
                page.locator("#edit-check").click();
                Locator result = page.locator("#edit-result");
                assertThat(result).containsText("This breaks hard rules");
                assertThat(result).containsText("may not work nights");
                page.locator("#edit-save").click();
                assertThat(page.locator("#edit-force")).isVisible();
                assertThat(result).containsText("may not work nights");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/journey-edit-violation.png")));

                chooseTemplate(page, "D07");
                assertThat(page.locator("#edit-start input")).hasValue("07:00");
                page.locator("#edit-check").click();
                assertThat(result).containsText("No hard rule is broken.");
                page.locator("#edit-save").click();
                assertThat(dialog).isHidden();
                page.waitForFunction("([e, d]) => { const c = (" + ROW_CELLS + ")([document.querySelector('#board'), e, null]);"
                        + " return c !== null && c[d].includes('sb-pinned'); }", List.of(ANNA, day));
                assertThat(annaCells(page, null).get(day)).contains("sb-pinned").doesNotContain("sb-off");

                // 3. publish with the list of changes
                page.locator("#publish").click();
                Locator publishDialog = page.locator("#publish-dialog #publish-summary");
                assertThat(page.locator("#publish-summary")).containsText("new");
                assertThat(page.locator("#publish-summary")).containsText("against the schedule published now");
                Locator changes = page.locator("#publish-changes vaadin-grid-cell-content");
                assertThat(changes.filter(new Locator.FilterOptions().setHasText("Ivanova, Anna (" + ANNA + ")")).first())
                        .isVisible();
                assertThat(changes.filter(new Locator.FilterOptions().setHasText("D07 07:00")).first()).isVisible();
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/journey-publish.png")));
                page.locator("#publish-confirm").click();
                assertThat(publishDialog).isHidden();
                assertThat(status).containsText("Published");
                assertThat(page.locator("#board-title")).containsText("Published");
                assertThat(page.locator("#publish")).isDisabled();

                // 4. the operator sees the shift in My schedule
                signOut(page);
                page.navigate(base + "/my-schedule");
                signIn(page, "operator");
                page.waitForURL(url -> url.contains("/my-schedule"));
                assertThat(page.locator("#my-schedule")).containsText("Anna Ivanova (" + ANNA + ")");
                Locator shift = page.locator(".schedule-shift[data-date='" + date + "']");
                assertThat(shift).containsText("07:00");
                assertThat(shift).containsText("(D07)");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/my-schedule-journey.png"))
                        .setFullPage(true));
                page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Month")).click();
                if (!date.withDayOfMonth(1).equals(LocalDate.now(ZoneId.of("Europe/Moscow")).withDayOfMonth(1))) {
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next month")).click();
                }
                assertThat(page.locator(".schedule-day[data-date='" + date + "'] .schedule-chip")).containsText("07:00");

                // 5. Russian: My schedule, then the planner's board
                chooseLanguage(page, "Русский");
                assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Месяц"))).isVisible();
                assertThat(page.locator("#sign-out")).hasText("Выйти");
                Locator shiftRu = page.locator(".schedule-shift[data-date='" + date + "']");
                assertThat(shiftRu).containsText(date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
                assertThat(shiftRu).containsText("07:00");
                // a Russian week starts on Monday
                LocalDate monday = date.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                DateTimeFormatter ru = DateTimeFormatter.ofPattern("dd.MM.yyyy");
                assertThat(page.locator("#schedule-list")).containsText(
                        "Неделя " + monday.format(ru) + " – " + monday.plusDays(6).format(ru));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/my-schedule-ru.png"))
                        .setFullPage(true));
                chooseLanguage(page, "English");
                assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Month"))).isVisible();

                signOut(page);
                page.navigate(base + rosterPath);
                signIn(page, "planner");
                page.waitForURL(url -> url.contains(rosterPath)); // the saved request may add "?continue"
                assertThat(page.locator("#board-title")).containsText("Published");
                chooseLanguage(page, "Русский");
                Locator title = page.locator("#board-title");
                assertThat(title).containsText("Опубликован");
                assertThat(title).containsText(start.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
                assertThat(page.locator("#solve-status")).containsText("оценка");
                // the day columns' headers: "пн 21.12"
                assertThat(page.locator("#board")).containsText(
                        date.format(DateTimeFormatter.ofPattern("EE dd.MM", java.util.Locale.forLanguageTag("ru"))));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/board-ru.png")));
                chooseLanguage(page, "English");
                assertThat(page.locator("#board-title")).containsText("Published");
            } finally {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/last-e2e-journey-page.png")));
            }
        }
    }

    /** Anna's cells on the board, waiting until her row is rendered; marks the cell of {@code mark} when not null. */
    @SuppressWarnings("unchecked")
    private static List<String> annaCells(Page page, Integer mark) {
        // scrolls the board down (and round) until the row is rendered
        page.waitForFunction("""
                ([e]) => {
                  const grid = document.querySelector('#board');
                  if ((%s)([grid, e, null]) !== null) return true;
                  const t = grid.$.table;
                  t.scrollTop = t.scrollTop + t.clientHeight >= t.scrollHeight - 2 ? 0 : t.scrollTop + t.clientHeight / 2;
                  return false;
                }""".formatted(ROW_CELLS), List.of(ANNA), new Page.WaitForFunctionOptions().setPollingInterval(400));
        return (List<String>) page.locator("#board").evaluate("(grid, [e, m]) => (" + ROW_CELLS + ")([grid, e, m])",
                java.util.Arrays.asList(ANNA, mark));
    }

    /** The first day with a shift, so the day before it is off (or before the period, where nothing is published). */
    private static int firstWorkingDay(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty() && !cells.get(i).contains("sb-off")) {
                return i;
            }
        }
        return -1;
    }

    private static void chooseTemplate(Page page, String code) {
        Locator input = page.locator("#edit-template input");
        input.click();
        input.fill(code);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(code + " ")).first().click();
        assertThat(input).hasValue(Pattern.compile("^" + code + " .*"));
    }

}
