package org.switchboard.absences.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.absences.AbsenceTestSupport.MOSCOW;
import static org.switchboard.absences.AbsenceTestSupport.as;
import static org.switchboard.absences.AbsenceTestSupport.day;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.absences.AbsenceEntry;
import org.switchboard.absences.AbsenceFilter;
import org.switchboard.absences.AbsenceImpact;
import org.switchboard.absences.AbsenceStatus;
import org.switchboard.absences.AbsenceType;
import org.switchboard.absences.AbsenceDecisions;
import org.switchboard.absences.Allotments;
import org.switchboard.absences.ImpactReport;
import org.switchboard.absences.NewAbsence;
import org.switchboard.absences.TimeOffRequests;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.shared.SystemAuthentication;

/**
 * The absence screens without a browser, against the demo center: the operator's balances, request form (open, tight
 * and full days; waitlist; refusals in words), own list with Cancel; the manager's pending requests with the impact,
 * approve, reject with a reason and bulk decisions (a lost race in words); sick leave entered by a planner; the
 * teams' rules. Each test rolls back.
 */
@SpringBootTest
@Transactional
class AbsenceViewsTest extends SpringBrowserlessTest {

    @Autowired
    TimeOffRequests requests;
    @Autowired
    AbsenceDecisions decisions;
    @Autowired
    Allotments allotments;
    @Autowired
    OperatorService operators;

    @BeforeEach
    void english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    Operator operator(String number) {
        return SystemAuthentication.callAsSystem(() -> operators.list().stream()
                .filter(o -> o.getEmployeeNumber().equals(number)).findFirst().orElseThrow());
    }

    long request(String login, AbsenceType type, LocalDate from, LocalDate to) {
        return as(login, "OPERATOR", () -> requests.request(NewAbsence.days(type, from, to, "family"))).id();
    }

    static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    static <T> int row(com.vaadin.flow.component.grid.GridTester<?, T> grid, java.util.function.Predicate<T> which) {
        for (int i = 0; i < grid.size(); i++) {
            if (which.test(grid.getRow(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void operatorSeesOwnBalancesAndSendsARequestThenCancelsIt() {
        long team = operator("E1001").getTeamId();
        as("manager", "MANAGER", () -> allotments.setLimit(team, day(9, 8), 2));
        TimeOffView view = navigate(TimeOffView.class);
        assertThat(text(view.content)).contains("Anna Ivanova (E1001)");
        view.year.setValue(day(9, 7).getYear());
        var balances = test(view.balances);
        int vacation = row(balances, b -> b.type() == AbsenceType.VACATION);
        assertThat(vacation).isNotNegative();
        assertThat(balances.getCellText(vacation, balances.getColumnPosition("allowance"))).isEqualTo("calendar days: 28");
        int pendingBefore = balances.getRow(vacation).pending();
        assertThat(view.form.type.getListDataView().getItems()).doesNotContain(AbsenceType.SICK);

        TimeOffForm form = view.form;
        form.type.setValue(AbsenceType.VACATION);
        form.from.setValue(day(9, 7));
        form.to.setValue(day(9, 9));
        // before sending: the team's days from the first chosen day, with the chosen ones outlined, and what happens
        assertThat(form.teamDays.shown()).hasSize(TimeOffForm.PREVIEW_DAYS);
        assertThat(form.teamDays.shown().getFirst().date()).isEqualTo(day(9, 7));
        assertThat(form.teamDays.shown().get(1).limit()).isEqualTo(2);
        assertThat(text(form.teamDays)).contains("open").contains("0 of 2");
        assertThat(form.outcome.getText()).isNotBlank().doesNotContain("!timeoff");
        test(form.submit).click();
        assertThat(form.resultText()).startsWith("Sent. Status: requested");

        var list = test(view.list);
        int mine = row(list, e -> e.from().equals(day(9, 7)));
        assertThat(mine).isNotNegative();
        assertThat(list.getCellText(mine, list.getColumnPosition("status"))).isEqualTo("requested");
        assertThat(list.getCellText(mine, list.getColumnPosition("when")))
                .isEqualTo(day(9, 7) + " – " + day(9, 9));
        balances = test(view.balances);
        assertThat(balances.getRow(vacation).pending()).isEqualTo(pendingBefore + 3);

        // the same days again: 409 overlap, in words
        form.from.setValue(day(9, 8));
        form.to.setValue(day(9, 8));
        test(form.submit).click();
        assertThat(form.resultText()).startsWith("Not sent: This overlaps another absence");
        // far beyond the balance: 422, in words
        form.from.setValue(day(10, 1));
        form.to.setValue(day(11, 30));
        test(form.submit).click();
        assertThat(form.resultText()).startsWith("Not sent: Beyond the balance.").contains("Vacation");

        // Cancel, confirmed
        AbsenceEntry entry = list.getRow(mine);
        view.list.askCancel(entry);
        roundTrip();
        assertThat(view.list.confirm.isOpened()).isTrue();
        assertThat(test(view.list.confirm).getText()).doesNotContain("manager will be told");
        test(view.list.confirm).confirm();
        assertThat(requests.get(entry.id()).status()).isEqualTo(AbsenceStatus.CANCELLED);

        // an approved one: the confirmation says the manager will be told; the list says who decided
        long approved = request("operator", AbsenceType.VACATION, day(9, 14), day(9, 14));
        as("manager", "MANAGER", () -> decisions.approve(approved));
        view.refresh();
        list = test(view.list);
        int r = row(list, e -> e.id() == approved);
        assertThat(list.getCellText(r, list.getColumnPosition("decided"))).startsWith("by manager, ");
        view.list.askCancel(list.getRow(r));
        roundTrip();
        assertThat(test(view.list.confirm).getText()).endsWith("It is already approved: the manager will be told.");
        test(view.list.confirm).cancel();
        assertThat(requests.get(approved).status()).isEqualTo(AbsenceStatus.APPROVED);
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void anOperatorCannotOpenTheManagersScreens() {
        for (String route : List.of("approvals", "absences", "absence-rules")) {
            navigate(route, com.vaadin.flow.component.Component.class);
            assertThat(find(ApprovalsView.class).all()).isEmpty();
            assertThat(find(AbsencesView.class).all()).isEmpty();
            assertThat(find(AbsenceRulesView.class).all()).isEmpty();
            assertThat(find(org.switchboard.base.ui.AccessDeniedView.class).all()).as(route).hasSize(1);
        }
    }

    /**
     * As in the running app, where the signed-in user's context lives in the HTTP session and Vaadin's security-context
     * strategy reads it from there before the thread's: the services' look-ups "as the system" must still work.
     */
    static void signedInThroughTheSession() {
        com.vaadin.flow.server.VaadinSession.getCurrent().getSession().setAttribute(
                org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                SecurityContextHolder.getContext());
    }

    @Test
    @WithMockUser(username = "operator2", roles = "OPERATOR")
    void aFullDayIsShownBeforeSendingAndTheRequestJoinsTheWaitlist() {
        long team = operator("E1001").getTeamId();
        as("manager", "MANAGER", () -> allotments.setLimit(team, day(9, 15), 1));
        request("operator", AbsenceType.VACATION, day(9, 15), day(9, 15));
        signedInThroughTheSession();
        TimeOffView view = navigate(TimeOffView.class);
        view.form.from.setValue(day(9, 14));
        view.form.to.setValue(day(9, 15));
        assertThat(view.form.outcome.getText()).isEqualTo("Full on " + day(9, 15)
                + ": your request joins the waitlist and moves up on its own when a place frees up.");
        assertThat(text(view.form.teamDays)).contains("✕full1 of 1");
        test(view.form.submit).click();
        assertThat(view.form.resultText()).startsWith("Sent. Status: on the waitlist.");
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void russianReaderReadsRussianDatesAndStatuses() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        request("operator", AbsenceType.VACATION, day(9, 21), day(9, 22));
        TimeOffView view = navigate(TimeOffView.class);
        assertThat(view.getPageTitle()).isEqualTo("Отпуска и отгулы");
        var list = test(view.list);
        int mine = row(list, e -> e.from().equals(day(9, 21)));
        assertThat(list.getCellText(mine, list.getColumnPosition("when")))
                .isEqualTo(String.format("21.09.%d – 22.09.%d", day(9, 21).getYear(), day(9, 21).getYear()));
        assertThat(list.getCellText(mine, list.getColumnPosition("type"))).isEqualTo("Отпуск");
        view.form.from.setValue(day(9, 22));
        test(view.form.submit).click();
        assertThat(view.form.resultText()).startsWith("Не отправлено:");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void managerSeesPendingRequestsWithTheirImpactAndApprovesFromTheView() {
        long id = request("operator", AbsenceType.VACATION, day(9, 28), day(9, 29));
        ApprovalsView view = navigate(ApprovalsView.class);
        var grid = test(view.grid);
        int r = row(grid, e -> e.id() == id);
        assertThat(r).isNotNegative();
        assertThat(grid.getCellText(r, grid.getColumnPosition("operator"))).isEqualTo("Anna Ivanova (E1001)");
        assertThat(view.approve.isEnabled()).isFalse();
        grid.clickRow(r);
        assertThat(view.impact.isVisible()).isTrue();
        assertThat(view.impact.summary.getText()).startsWith("Anna Ivanova (E1001): Vacation");
        ImpactReport report = view.impact.shown();
        assertThat(report.absence().id()).isEqualTo(id);
        // without published shifts in these days there is nothing to chart, and the panel says so
        assertThat(view.impact.noImpact.isVisible()).isEqualTo(report.impact().days().isEmpty());
        assertThat(view.approve.isEnabled()).isTrue();
        // the requester's balance of that kind and year, with the request pending in it
        assertThat(view.balance.isVisible()).isTrue();
        assertThat(view.balanceTitle.getText()).isEqualTo("Balance of Anna Ivanova in " + day(9, 28).getYear());
        var balance = test(view.balance);
        assertThat(balance.size()).isEqualTo(1);
        assertThat(balance.getCellText(0, balance.getColumnPosition("type"))).isEqualTo("Vacation");
        assertThat(balance.getCellText(0, balance.getColumnPosition("pending"))).isNotEqualTo("0");

        test(view.approve).click();
        assertThat(requests.get(id).status()).isEqualTo(AbsenceStatus.APPROVED);
        assertThat(view.outcomes.text()).contains("Anna Ivanova (E1001)").contains(": approved.");
        assertThat(row(test(view.grid), e -> e.id() == id)).isNegative();

        // approving again (another manager was quicker): a 409 in plain words
        view.outcomes.approve(requests.get(id));
        assertThat(view.outcomes.text()).contains("not decided. This request was already approved by manager on");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void rejectNeedsAReasonAndBulkDecisionsReportEachRequest() {
        long one = request("operator", AbsenceType.VACATION, day(10, 5), day(10, 5));
        long two = request("operator2", AbsenceType.UNPAID, day(10, 12), day(10, 12));
        long three = request("operator3", AbsenceType.TRAINING, day(10, 19), day(10, 19));
        ApprovalsView view = navigate(ApprovalsView.class);
        var grid = test(view.grid);
        grid.clickRow(row(grid, e -> e.id() == one));
        test(view.reject).click();
        roundTrip();
        RejectDialog dialog = view.outcomes.rejectDialog;
        assertThat(dialog.isOpened()).isTrue();
        test(dialog.confirm).click();
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(requests.get(one).status()).isEqualTo(AbsenceStatus.REQUESTED);
        dialog.reason.setValue("Peak season");
        test(dialog.confirm).click();
        AbsenceEntry rejected = requests.get(one);
        assertThat(rejected.status()).isEqualTo(AbsenceStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo("Peak season");

        grid = test(view.grid);
        grid.select(row(grid, e -> e.id() == two));
        grid.select(row(grid, e -> e.id() == three));
        assertThat(view.approveSelected.isEnabled()).isTrue();
        as("manager2", "MANAGER", () -> decisions.approve(three));
        test(view.approveSelected).click();
        assertThat(requests.get(two).status()).isEqualTo(AbsenceStatus.APPROVED);
        assertThat(view.outcomes.lines.getChildren().count()).isEqualTo(2);
        assertThat(view.outcomes.text()).contains("Unpaid leave").contains(": approved.")
                .contains("not decided. This request was already approved by manager2");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerReadsApprovalsAndEntersSickLeaveThatTakesEffectAtOnce() {
        ApprovalsView approvals = navigate(ApprovalsView.class);
        assertThat(approvals.approve.isVisible() && approvals.approve.getParent().orElseThrow().isVisible()).isFalse();
        AbsencesView view = navigate(AbsencesView.class);
        test(view.enter).click();
        roundTrip();
        AbsenceEntryDialog dialog = view.entryDialog;
        assertThat(dialog.type.getValue()).isEqualTo(AbsenceType.SICK);
        dialog.operator.setValue(operator("E1003"));
        dialog.from.setValue(LocalDate.now(MOSCOW).plusDays(1));
        dialog.to.setValue(LocalDate.now(MOSCOW).plusDays(3));
        test(dialog.save).click();
        assertThat(dialog.result.getText()).endsWith("Status: approved.");
        var list = test(view.list);
        int r = row(list, e -> e.employeeNumber().equals("E1003") && e.type() == AbsenceType.SICK);
        assertThat(r).isNotNegative();
        assertThat(list.getCellText(r, list.getColumnPosition("status"))).isEqualTo("approved");
        assertThat(list.getCellText(r, list.getColumnPosition("decided"))).startsWith("by planner, ");

        // a time span
        test(view.enter).click();
        roundTrip();
        AbsenceEntryDialog span = view.entryDialog;
        span.operator.setValue(operator("E1003"));
        span.type.setValue(AbsenceType.OTHER);
        span.wholeDays.setValue(false);
        span.day.setValue(day(9, 2));
        span.startTime.setValue(LocalTime.of(9, 0));
        span.endTime.setValue(LocalTime.of(12, 30));
        test(span.save).click();
        List<AbsenceEntry> e1003 = requests.list(new AbsenceFilter(null, day(9, 2), day(9, 2), null, "E1003"));
        assertThat(e1003).singleElement().satisfies(e -> {
            assertThat(e.wholeDays()).isFalse();
            assertThat(e.start().toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(e.end().toLocalTime()).isEqualTo(LocalTime.of(12, 30));
        });
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void managerKeepsTheTeamsRulesAndADaysLimit() {
        AbsenceRulesView view = navigate(AbsenceRulesView.class);
        long team = view.team.getValue().getId();
        view.dailyLimit.setValue(3);
        view.autoApprove.setValue(true);
        view.threshold.setValue(85);
        test(view.save).click();
        var s = allotments.settings(team);
        assertThat(s.dailyLimit()).isEqualTo(3);
        assertThat(s.autoApprove()).isTrue();
        assertThat(s.threshold()).isEqualTo(0.85, org.assertj.core.data.Offset.offset(1e-9));

        var calendar = test(view.calendar);
        assertThat(calendar.size()).isEqualTo(AbsenceRulesView.WEEKS);
        LocalDate date = view.calendar.getListDataView().getItem(2).get(2).date();
        var cell = calendar.getCellComponent(2, "wednesday");
        var field = cell.getChildren().filter(c -> c instanceof com.vaadin.flow.component.textfield.IntegerField)
                .map(c -> (com.vaadin.flow.component.textfield.IntegerField) c).findFirst().orElseThrow();
        assertThat(field.getPlaceholder()).isEqualTo("3");
        field.setValue(5);
        assertThat(allotments.days(team, date, date).getFirst().limit()).isEqualTo(5);
        assertThat(allotments.days(team, date, date).getFirst().source().name()).isEqualTo("OVERRIDE");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void impactPanelChartsRequiredAndScheduledBeforeAndAfterAndMarksAFallBelowTarget() {
        long id = request("operator", AbsenceType.VACATION, day(11, 2), day(11, 2));
        AbsenceEntry entry = requests.get(id);
        Instant t0 = day(11, 2).atTime(9, 0).atZone(MOSCOW).toInstant();
        AbsenceImpact.Interval a = new AbsenceImpact.Interval(t0, LocalTime.of(9, 0), 30, 40, 5, 5, 4, 0.82, 0.71);
        AbsenceImpact.Interval b = new AbsenceImpact.Interval(t0.plusSeconds(1800), LocalTime.of(9, 30), 30, 40, 5, 6,
                5, 0.9, 0.83);
        AbsenceImpact impact = new AbsenceImpact(List.of(
                new AbsenceImpact.QueueDay(day(11, 2), 1, "RU-GEN", 0.8, List.of(a, b))));
        ImpactPanel panel = new ImpactPanel();
        UI.getCurrent().add(panel);
        panel.show(new ImpactReport(entry, impact, List.of()));
        assertThat(panel.noImpact.isVisible()).isFalse();
        assertThat(panel.chart.labels()).containsExactly("09:00", "09:30");
        assertThat(panel.chart.series()).extracting(s -> s.label())
                .containsExactly("Required", "Scheduled now", "Scheduled after approval");
        assertThat(panel.chart.series().get(2).values()).containsExactly(4.0, 5.0);
        assertThat(panel.chart.series().get(2).style()).isEqualTo(org.switchboard.base.ui.ChartJs.Style.STEPPED_DASHED);
        assertThat(panel.chart.configJson()).contains("\"stepped\":true,\"borderDash\":[6,4]");
        assertThat(panel.serviceLevel.series()).extracting(s -> s.label())
                .containsExactly("Service level now", "Service level after approval", "Target");
        var days = test(panel.days);
        assertThat(days.getCellText(0, days.getColumnPosition("before"))).isEqualTo("86%");
        assertThat(days.getCellText(0, days.getColumnPosition("target"))).isEqualTo("80%");
        assertThat(text(days.getCellComponent(0, "verdict"))).isEqualTo("✕ below target");
        assertThat(panel.noOthers.isVisible()).isTrue();
    }
}
