package org.switchboard.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.absences.Allotments;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.DayEdit;
import org.switchboard.rostering.NewRoster;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterEdits;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.Solving;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;

/**
 * An absence from request to substitute, in a headless Chromium:
 * <ol>
 *   <li>set-up through the services, as a planner would on the board: a published week of team Aurora four weeks
 *       ahead (clear of the other end-to-end tests' weeks), in which Anna Ivanova (E1001, login {@code operator}) works
 *       the day shift D07 on its third day, and one part-timer of Aurora works two day shifts before that day, has it
 *       and the next two off and an evening part-time shift after, so that a substitute exists under the demo's rules
 *       (full-timers work five days at their maximum and cannot take a sixth); the team may have three people off
 *       that day;</li>
 *   <li>Anna asks for that day as vacation on <b>Time off</b> and sees it requested;</li>
 *   <li>the manager opens <b>Approvals</b>, chooses her request, sees its impact (the charts of required and
 *       scheduled operators and of the service level before and after) and approves it;</li>
 *   <li>the planner opens <b>Open shifts</b>, sees Anna's shift open with its ranked substitutes, and assigns the
 *       first;</li>
 *   <li>the substitute (given a login before the assignment if they have none, so the notification reaches them)
 *       signs in and sees the new shift in My schedule, and the notification in the bell.</li>
 * </ol>
 * Screenshots in target/screenshots: time-off, approvals, open-shifts, my-schedule-substitute.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AbsenceJourneyE2ETest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String ANNA = "E1001";

    @LocalServerPort
    int port;

    @Autowired
    RosterService rosters;
    @Autowired
    RosterEdits edits;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    ContractService contracts;
    @Autowired
    Allotments allotments;
    @Autowired
    UserAccountService accounts;

    @Test
    void anOperatorsVacationIsApprovedWithItsImpactAndASubstituteTakesTheShift() {
        LocalDate start = LocalDate.now(MOSCOW).plusWeeks(4);
        LocalDate day = start.plusDays(2);
        publishWeek(start, day);

        String base = "http://localhost:" + port;
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(playwright)) {
            Page page = BrowserSupport.page(browser);
            try {
                // 1. Anna asks for the day off
                page.navigate(base + "/time-off");
                signIn(page, "operator");
                page.waitForURL(url -> url.contains("/time-off"));
                assertThat(page.locator("#time-off-balances")).containsText("Vacation");
                fillDate(page, "#time-off-from", day);
                fillDate(page, "#time-off-to", day);
                page.locator("#time-off-note textarea").fill("Family day");
                page.locator("#time-off-submit").click();
                assertThat(page.locator("#time-off-result")).containsText("Status: requested");
                assertThat(page.locator("#time-off-requests")).containsText("Family day");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/time-off.png"))
                        .setFullPage(true));
                signOut(page);

                // 2. the manager sees the impact and approves
                page.navigate(base + "/approvals");
                signIn(page, "manager");
                page.waitForURL(url -> url.contains("/approvals"));
                page.locator("#approvals-grid vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("(" + ANNA + ")")).first().click();
                assertThat(page.locator("#impact-chart")).isVisible();
                assertThat(page.locator("#impact-sl-chart")).isVisible();
                assertThat(page.locator("#impact-summary")).not().isEmpty();
                assertThat(page.locator("#approve-button")).isEnabled();
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/approvals.png"))
                        .setFullPage(true));
                page.locator("#approve-button").click();
                assertThat(page.locator("#approvals-outcome")).containsText("pproved");
                signOut(page);

                // 3. the planner assigns the first substitute
                page.navigate(base + "/open-shifts");
                signIn(page, "planner");
                page.waitForURL(url -> url.contains("/open-shifts"));
                Locator annaShift = page.locator("#open-shifts vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText(ANNA));
                assertThat(annaShift.first()).isVisible();
                // the first open shift is chosen on opening; a click on a chosen row would unchoose it
                if (!page.locator("#substitutes-title").textContent().contains(day.toString())) {
                    annaShift.first().click();
                }
                assertThat(page.locator("#substitutes-title")).containsText(day.toString());
                Locator assign = page.locator("#substitutes vaadin-button[id^='assign-']").first();
                assertThat(assign).isVisible();
                String substitute = assign.getAttribute("id").substring("assign-".length());
                assertThat(page.locator("#substitutes")).containsText("0 hard");
                // notifications reach operators through their login: the substitute gets one first if they have none
                String login = loginOf(substitute);
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/open-shifts.png"))
                        .setFullPage(true));
                assign.click();
                assertThat(page.locator("vaadin-notification-card").filter(
                        new Locator.FilterOptions().setHasText(substitute)).first()).isVisible();
                signOut(page);

                // 4. the substitute sees the shift and is told
                page.navigate(base + "/my-schedule");
                signIn(page, login);
                page.waitForURL(url -> url.contains("/my-schedule"));
                Locator shift = page.locator(".schedule-shift[data-date='" + day + "']");
                assertThat(shift).containsText("07:00");
                assertThat(shift).containsText("(D07)");
                assertThat(page.locator("#notification-bell .notification-count")).isVisible();
                page.screenshot(new Page.ScreenshotOptions().setPath(
                        Path.of("target/screenshots/my-schedule-substitute.png")).setFullPage(true));
                page.locator("#notification-bell vaadin-button").click();
                page.waitForURL(url -> url.contains("/notifications"));
                assertThat(page.locator("#notifications")).containsText("07:00");
            } finally {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/last-e2e-absence-page.png")));
            }
        }
    }

    /**
     * Publishes Aurora's week with Anna on D07 on {@code day} and a 30-hour part-timer (whose contract may work the day
     * template) who works two day shifts up to it, has it and the two days after off and works an evening part-time
     * shift then: 20 h, below the contract's 28, so the week is published with that breach, and taking Anna's shift
     * brings it to 28 h and leaves two days off in a row (every rule holds after). The team may have three people off
     * on {@code day}.
     */
    private void publishWeek(LocalDate start, LocalDate day) {
        SystemAuthentication.runAsSystem(() -> {
            long aurora = teams.list().stream().filter(t -> t.getName().equals("Aurora (day)")).findFirst().orElseThrow()
                    .getId();
            Set<Long> partTime = contracts.list().stream().filter(c -> c.getName().startsWith("Part time 30"))
                    .map(Contract::getId).collect(java.util.stream.Collectors.toSet());
            Operator partTimer = operators.list().stream()
                    .filter(o -> o.getTeamId() == aurora && o.isActive() && partTime.contains(o.getContractId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no 30-hour part-timer on Aurora in the demo"));
            Roster r = rosters.create(new NewRoster(start, 7, List.of(aurora), null, "Europe/Moscow", null, null));
            Locale en = Locale.ENGLISH;
            edits.edit(r.id(), ANNA, day, new DayEdit("D07", LocalTime.of(7, 0), "RU-GEN", false), true, en);
            String p = partTimer.getEmployeeNumber();
            for (int d = 0; d < 7; d++) {
                LocalDate date = start.plusDays(d);
                DayEdit edit = date.equals(day.minusDays(2)) || date.equals(day.minusDays(1))
                        ? new DayEdit("D07", LocalTime.of(7, 0), "RU-GEN", false)
                        : date.equals(day.plusDays(3)) ? new DayEdit("P18", LocalTime.of(18, 0), "RU-GEN", false)
                        : DayEdit.off();
                edits.edit(r.id(), p, date, edit, true, en);
            }
            assertThat(Solving.solve(rosters, r.id(), 5, java.time.Duration.ofSeconds(120))).as("solving ends").isTrue();
            rosters.publish(r.id(), true);
            allotments.setLimit(aurora, day, 3);
        });
    }

    /** The login of the operator with this number; one is made (password switchboard) when they have none. */
    private String loginOf(String employeeNumber) {
        return SystemAuthentication.callAsSystem(() -> {
            Operator o = operators.list().stream().filter(x -> x.getEmployeeNumber().equals(employeeNumber))
                    .findFirst().orElseThrow();
            if (o.getUserId() != null) {
                return accounts.list().stream().filter(a -> a.id() == o.getUserId()).findFirst().orElseThrow()
                        .username();
            }
            String login = "sub-" + employeeNumber.toLowerCase(Locale.ROOT);
            var account = accounts.createWithPassword(login, o.getFirstName() + " " + o.getLastName(),
                    Set.of(Roles.OPERATOR), "switchboard", false);
            o.setUserId(account.id());
            operators.save(o);
            return login;
        });
    }

    private static void fillDate(Page page, String id, LocalDate date) {
        Locator input = page.locator(id + " input");
        input.fill(date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))); // English pickers are en-GB (DatePickers)
        input.press("Enter");
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
