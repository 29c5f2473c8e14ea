package org.switchboard.rostering.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.AssignmentRow;
import org.switchboard.rostering.NewRoster;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.shared.SystemAuthentication;

/**
 * The roster screens without a browser, against the demo center with the real solver: the list and the New roster
 * form, the board of a solved roster (cells, totals, filters, explanation links), what a manager sees, solving from
 * the board, coverage and the printable week. Not transactional: solves run in the background and must see the rows.
 */
@SpringBootTest
class RosterViewsTest extends SpringBrowserlessTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** One solved 3-day roster of the evening team, shared by the tests (solving takes seconds). */
    private static Long solvedId;

    @Autowired
    RosterService rosters;
    @Autowired
    TeamService teams;
    @Autowired
    QueueService queues;

    static LocalDate monday(int weeks) {
        return LocalDate.now(MOSCOW).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeks);
    }

    Team team(String prefix) {
        return SystemAuthentication.callAsSystem(() -> teams.list().stream().filter(t -> t.getName().startsWith(prefix))
                .findFirst().orElseThrow());
    }

    long solved() {
        synchronized (RosterViewsTest.class) {
            if (solvedId == null) {
                solvedId = SystemAuthentication.callAsSystem(() -> {
                    Roster r = rosters.create(new NewRoster(monday(2), 3, List.of(team("Comet").getId()), null, null,
                            null, null));
                    rosters.solve(r.id(), 3);
                    waitUntilDone(r.id());
                    return r.id();
                });
            }
            return solvedId;
        }
    }

    void waitUntilDone(long id) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (SystemAuthentication.callAsSystem(() -> rosters.isSolving(id)) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        if (rosters.isSolving(id)) {
            org.switchboard.ThreadDumps.print("solve of roster " + id + " still running after 90 s");
        }
        assertThat(rosters.isSolving(id)).as("solve of roster " + id + " ended").isFalse();
    }

    RosterBoardView board(long id) {
        return navigate("rosters/" + id, RosterBoardView.class);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void listShowsRostersAndTheFormCreatesOneAndOpensItsBoard() {
        long id = solved();
        RostersView view = navigate(RostersView.class);
        var grid = test(view.grid);
        assertThat(view.form.isVisible()).isTrue();
        int row = -1;
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).id() == id) {
                row = i;
            }
        }
        assertThat(row).as("the solved roster is listed").isNotNegative();
        assertThat(grid.getCellText(row, grid.getColumnPosition("teams"))).isEqualTo(team("Comet").getName());
        assertThat(grid.getCellText(row, grid.getColumnPosition("queues"))).isEqualTo("All queues");
        assertThat(grid.getCellText(row, grid.getColumnPosition("state"))).isEqualTo("Draft");
        assertThat(grid.getCellText(row, grid.getColumnPosition("score"))).matches("-?[\\d,]+ hard, -?[\\d,]+ medium, -?[\\d,]+ soft");
        assertThat(grid.getCellText(row, grid.getColumnPosition("covered"))).endsWith("%");
        assertThat(grid.getCellText(row, grid.getColumnPosition("period"))).endsWith("(3 days)");

        int before = rosters.list().size();
        view.form.start.setValue(monday(3));
        view.form.days.setValue(2);
        view.form.teams.select(team("Owls"));
        Queue general = queues.findByCode("RU-GEN").orElseThrow();
        view.form.queues.select(general);
        test(view.form.create).click();
        List<Roster> after = rosters.list();
        assertThat(after).hasSize(before + 1);
        Roster created = after.stream().max(java.util.Comparator.comparing(Roster::id)).orElseThrow();
        assertThat(created.startDate()).isEqualTo(monday(3));
        assertThat(created.days()).isEqualTo(2);
        assertThat(created.queueIds()).containsExactly(general.getId());
        assertThat(getCurrentView()).isInstanceOf(RosterBoardView.class);

        // a wrong number of days is refused at the field
        RostersView again = navigate(RostersView.class);
        again.form.days.setValue(50);
        test(again.form.create).click();
        assertThat(again.form.days.isInvalid()).isTrue();
        assertThat(rosters.list()).hasSize(before + 1);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void boardShowsEveryPlannedOperatorWithShiftsTotalsAndLinkedExplanation() {
        long id = solved();
        RosterBoardView view = board(id);
        var grid = test(view.board);
        BoardModel model = view.board.model();
        assertThat(grid.size()).isEqualTo(model.rows.size()).isPositive();
        List<AssignmentRow> assignments = rosters.assignments(id);
        assertThat(assignments).isNotEmpty();
        AssignmentRow a = assignments.getFirst();
        int row = -1;
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).employeeNumber.equals(a.employeeNumber())) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        String column = "d" + a.date();
        String text = grid.getLitRendererPropertyValue(row, column, "a", String.class);
        String times = RosterTexts.time(a.start().toLocalTime()) + "–" + RosterTexts.time(a.end().toLocalTime());
        assertThat(text).matches("[☀◐☾] .*").contains(times);
        assertThat(grid.getLitRendererPropertyValue(row, column, "b", String.class)).startsWith(a.queue());
        assertThat(grid.getLitRendererPropertyValue(row, column, "c", String.class)).contains("sb-draft")
                .containsPattern("sb-(day|evening|night)");
        assertThat(grid.getLitRendererPropertyValue(row, column, "h", String.class)).contains(a.shiftTemplate());
        // a day off reads as such
        BoardModel.Row r = grid.getRow(row);
        LocalDate off = model.dates.stream().filter(d -> r.cell(d) == null).findFirst().orElse(null);
        if (off != null) {
            assertThat(grid.getLitRendererPropertyValue(row, "d" + off, "a", String.class)).isEqualTo("off");
            assertThat(grid.getLitRendererPropertyValue(row, "d" + off, "c", String.class)).contains("sb-off");
        }
        // per-operator totals: paid hours of the rows, against the contract
        int paid = assignments.stream().filter(x -> x.employeeNumber().equals(a.employeeNumber()))
                .mapToInt(AssignmentRow::paidMinutes).sum();
        assertThat(r.paidMinutes).isEqualTo(paid);
        assertThat(grid.getCellText(row, grid.getColumnPosition("hours"))).startsWith(BoardGrid.hours(paid, java.util.Locale.ENGLISH) + " / ");
        // per-day totals in the footer: operators working that day
        long working = assignments.stream().filter(x -> x.date().equals(a.date())).count();
        assertThat(grid.getFooterCell(grid.getColumnPosition(column))).startsWith(working + " · ☀");
        assertThat(view.title.getText()).startsWith("Roster " + id + ": ").endsWith("Draft");

        // the explanation links to the operator and day
        var why = test(view.explanation.grid);
        for (int i = 0; i < why.size(); i++) {
            var b = why.getRow(i);
            if (b.employeeNumber() != null && b.date() != null) {
                why.clickRow(i);
                assertThat(view.board.getSelectedItems()).extracting(x -> x.employeeNumber).containsExactly(b.employeeNumber());
                assertThat(view.board.focusDate()).isEqualTo(b.date());
                break;
            }
        }
        // clicking a cell selects its operator
        grid.invokeLitRendererFunction(0, "d" + model.dates.getFirst(), "pick");
        assertThat(view.board.getSelectedItems()).containsExactly(grid.getRow(0));
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void filtersNarrowTheRows() {
        RosterBoardView view = board(solved());
        int all = test(view.board).size();
        Queue tech = queues.findByCode("EN-TECH").orElseThrow();
        view.filters.skill.setValue(tech);
        int skilled = test(view.board).size();
        assertThat(skilled).isLessThan(all);
        assertThat(view.board.shownRows()).allSatisfy(r -> assertThat(r.skills).contains(tech.getId()));
        view.filters.skill.clear();
        assertThat(test(view.board).size()).isEqualTo(all);
        view.filters.team.setValue(team("Aurora"));
        assertThat(test(view.board).size()).as("nobody of another team is planned").isZero();
        view.filters.team.setValue(team("Comet"));
        assertThat(test(view.board).size()).isEqualTo(all);
        Queue general = queues.findByCode("RU-GEN").orElseThrow();
        view.filters.team.clear();
        view.filters.queue.setValue(general);
        assertThat(view.board.shownRows()).allSatisfy(r -> assertThat(r.queues).contains("RU-GEN"));
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void managerReadsButCannotCreateSolveOrPublish() {
        long id = solved();
        RostersView list = navigate(RostersView.class);
        assertThat(list.form.isVisible()).isFalse();
        RosterBoardView view = board(id);
        assertThat(test(view.board).size()).isPositive();
        assertThat(view.solvePanel.solve.isAttached()).isFalse();
        assertThat(view.solvePanel.stop.isAttached()).isFalse();
        assertThat(view.publish.isAttached()).isFalse();
        assertThat(view.solvePanel.status.getText()).contains("score");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void solveButtonStartsASolveAndStopEndsIt() {
        long id = SystemAuthentication.callAsSystem(() -> rosters.create(new NewRoster(monday(4), 2,
                List.of(team("Borealis").getId()), null, null, null, null)).id());
        RosterBoardView view = board(id);
        assertThat(view.publish.isEnabled()).as("not solved yet").isFalse();
        view.solvePanel.seconds.setValue(2);
        test(view.solvePanel.solve).click();
        assertThat(view.solvePanel.status.getText()).startsWith("Solving");
        assertThat(view.solvePanel.solve.isEnabled()).isFalse();
        assertThat(view.solvePanel.stop.isEnabled()).isTrue();
        assertThat(view.solvePanel.polling()).as("push timer runs while solving").isTrue();
        waitUntilDone(id);
        assertThat(rosters.get(id).solveEndedAt()).isNotNull();
        view.reload();
        assertThat(view.board.model().rows.stream().mapToInt(r -> r.cells.size()).sum()).isPositive();
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void coverageShowsRequiredAgainstScheduledAndThePrintableWeek() {
        long id = solved();
        RosterCoverageView view = navigate("rosters/" + id + "/coverage", RosterCoverageView.class);
        assertThat(view.shown).isNotNull();
        assertThat(view.shown.noDemand()).isFalse();
        assertThat(view.staffing.series()).extracting(s -> s.label())
                .containsExactly("Required", "Scheduled (breaks taken out)", "Under-staffed", "Over-staffed");
        assertThat(view.serviceLevel.series()).extracting(s -> s.label()).contains("Target");
        assertThat(view.summary.getText()).startsWith("Covered ");
        assertThat(view.heatMap.html()).contains("<table").contains("sb-heat");
        view.day.setValue(rosters.get(id).endDate());
        assertThat(view.shown.date()).isEqualTo(rosters.get(id).endDate());

        RosterPrintView print = navigate("rosters/" + id + "/print", RosterPrintView.class);
        assertThat(print.monday).as("the period's first week").isEqualTo(monday(2));
        assertThat(print.table.getElement().getProperty("innerHTML")).contains("sb-print").contains("☕");
        assertThat(print.title.getText()).contains(RosterPrintView.week(monday(2)));
        assertThat(RosterPrintView.monday("2026-W50")).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(RosterPrintView.monday("junk")).isNull();
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void operatorsCannotOpenTheRosterScreens() {
        long id = solved();
        for (Runnable open : List.<Runnable>of(() -> navigate(RostersView.class),
                () -> navigate("rosters/" + id, RosterBoardView.class),
                () -> navigate("rosters/" + id + "/coverage", RosterCoverageView.class),
                () -> navigate("rosters/" + id + "/print", RosterPrintView.class))) {
            try {
                open.run();
            } catch (RuntimeException | AssertionError refused) {
                // access control refuses the navigation
            }
        }
        assertThat(find(RostersView.class).all()).isEmpty();
        assertThat(find(RosterBoardView.class).all()).isEmpty();
        assertThat(find(RosterCoverageView.class).all()).isEmpty();
        assertThat(find(RosterPrintView.class).all()).isEmpty();
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void russianReadersReadRussianWordsAndDates() {
        long id = solved();
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru-RU"));
        RostersView view = navigate(RostersView.class);
        var grid = test(view.grid);
        int row = -1;
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).id() == id) {
                row = i;
            }
        }
        LocalDate start = monday(2);
        String day = String.format("%02d.%02d.%d", start.getDayOfMonth(), start.getMonthValue(), start.getYear());
        assertThat(grid.getCellText(row, grid.getColumnPosition("period"))).startsWith(day + " – ").endsWith("(3 дн.)");
        assertThat(grid.getCellText(row, grid.getColumnPosition("state"))).isEqualTo("Черновик");
        assertThat(grid.getCellText(row, grid.getColumnPosition("score"))).startsWith("жёсткие ");
        assertThat(view.getPageTitle()).isEqualTo("Графики");
        RosterBoardView board = board(id);
        assertThat(test(board.board).getHeaderCell(test(board.board).getColumnPosition("d" + start)))
                .isEqualTo(String.format("пн %02d.%02d", start.getDayOfMonth(), start.getMonthValue()));
        assertThat(board.solvePanel.solve.getText()).isEqualTo("Рассчитать");
    }
}
