package org.switchboard.rostering.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.absences.AbsenceApproved;
import org.switchboard.absences.AbsenceCalendar;
import org.switchboard.absences.AbsenceSpan;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.OperatorSkill;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.OpenShift;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.RosterState;
import org.switchboard.rostering.Substitution;
import org.switchboard.rostering.SubstitutionFixture;
import org.switchboard.shared.SystemAuthentication;

/**
 * The open-shifts screen and the board's open-shift banner without a browser, against the published Comet roster of
 * {@link SubstitutionFixture}: an approved absence's shift is listed with its ranked substitutes and reasons, the
 * board marks the absent day and links to the list, "Replan affected days" opens a draft's board, Assign fills the
 * shift; a manager reads without the buttons.
 */
@SpringBootTest
class OpenShiftsViewTest extends SpringBrowserlessTest {

    @Autowired
    RosterService rosters;
    @Autowired
    TeamService teams;
    @Autowired
    OperatorService operators;
    @Autowired
    Substitution substitution;
    @Autowired
    AbsenceCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher publisher;

    /** An open shift on the roster's Tuesday with a colleague freed to take it. */
    OpenShift.Status openOne(Roster roster, LocalDate date) {
        List<Operator> team = SubstitutionFixture.team(operators, teams);
        Operator absent = team.stream().filter(o -> SubstitutionFixture.works(rosters, roster.id(), o.getId(), date)
                && SystemAuthentication.callAsSystem(() -> substitution.openShifts(roster.id())).stream()
                        .noneMatch(s -> s.date().equals(date) && o.getEmployeeNumber().equals(s.absentEmployeeNumber())))
                .findFirst().orElseThrow();
        AbsenceSpan span = SubstitutionFixture.insertAbsence(jdbc, calendar, absent, date, date);
        transactions.executeWithoutResult(t -> publisher.publishEvent(new AbsenceApproved(span, "test-manager", false)));
        long deadline = System.currentTimeMillis() + 30_000;
        while (SystemAuthentication.callAsSystem(() -> substitution.ofAbsence(span.absenceId())).isEmpty()
                && System.currentTimeMillis() < deadline) {
            sleep();
        }
        var open = SystemAuthentication.callAsSystem(() -> substitution.ofAbsence(span.absenceId())).getFirst();
        Long queue = SystemAuthentication.callAsSystem(() -> rosters.queueCodes()).entrySet().stream()
                .filter(e -> e.getValue().equals(open.queue())).map(java.util.Map.Entry::getKey).findFirst().orElse(null);
        team.stream().filter(o -> o.getId() != absent.getId()
                        && o.getSkills().stream().map(OperatorSkill::queueId).anyMatch(q -> q.equals(queue))
                        && SubstitutionFixture.works(rosters, roster.id(), o.getId(), date))
                .limit(2).forEach(o -> SubstitutionFixture.free(jdbc, roster.id(), o.getId(), date));
        return open.status();
    }

    static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerSeesOpenShiftsSubstitutesReplansAndAssigns() {
        Roster roster = SubstitutionFixture.roster(rosters, teams);
        LocalDate date = roster.startDate().plusDays(1);
        assertThat(openOne(roster, date)).isEqualTo(OpenShift.Status.OPEN);

        // the board: a banner with the count and a link, the absent day marked
        RosterBoardView board = navigate("rosters/" + roster.id(), RosterBoardView.class);
        assertThat(board.banners.getChildren().anyMatch(c -> c.getId().orElse("").equals("board-openShifts"))).isTrue();
        assertThat(board.board.model().rows.stream().anyMatch(r -> board.board.cellClass(r, date).contains("sb-absent")))
                .isTrue();

        OpenShiftsView view = navigate("open-shifts", OpenShiftsView.class);
        var shifts = test(view.shifts);
        assertThat(shifts.size()).isPositive();
        int row = -1;
        for (int i = 0; i < shifts.size(); i++) {
            if (shifts.getRow(i).rosterId() == roster.id() && shifts.getRow(i).date().equals(date)) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        assertThat(shifts.getCellText(row, shifts.getColumnPosition("type"))).isEqualTo("vacation");
        view.shifts.select(shifts.getRow(row));
        var candidates = test(view.candidates);
        assertThat(candidates.size()).as("a freed colleague can take it").isPositive();
        assertThat(candidates.getCellText(0, candidates.getColumnPosition("reasons"))).contains("Adds ");
        // the overtime column: empty without overtime, "+6" (hours) with, and the reason says it
        for (int i = 0; i < candidates.size(); i++) {
            int minutes = candidates.getRow(i).overtimeMinutes();
            String cell = candidates.getCellText(i, candidates.getColumnPosition("overtime"));
            if (minutes == 0) {
                assertThat(cell).isEmpty();
            } else {
                assertThat(cell).startsWith("+").isNotEqualTo("+0");
            }
            assertThat(candidates.getCellText(i, candidates.getColumnPosition("reasons")).contains("Overtime +")).isEqualTo(minutes > 0);
        }
        assertThat(view.candidatesTitle.getText()).startsWith("Substitutes for");

        // replan: a draft of the roster whose board opens
        test(view.replan).click();
        assertThat(rosters.list().stream().filter(r -> r.state() == RosterState.DRAFT).map(Roster::id)
                .anyMatch(id -> !substitution.replanDates(id).isEmpty())).isTrue();

        view = navigate("open-shifts", OpenShiftsView.class);
        shifts = test(view.shifts);
        for (int i = 0; i < shifts.size(); i++) {
            if (shifts.getRow(i).rosterId() == roster.id() && shifts.getRow(i).date().equals(date)) {
                view.shifts.select(shifts.getRow(i));
            }
        }
        Substitution.OpenShiftView chosen = view.shifts.asSingleSelect().getValue();
        String first = test(view.candidates).getRow(0).employeeNumber();
        Button assign = (Button) test(view.candidates).getCellComponent(0, "assign");
        test(assign).click();
        var after = substitution.openShifts(roster.id()).stream().filter(s -> s.id() == chosen.id()).findFirst().orElseThrow();
        assertThat(after.status()).isEqualTo(OpenShift.Status.FILLED);
        assertThat(after.substituteEmployeeNumber()).isEqualTo(first);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerAddsAnOpenShift() {
        Roster roster = SubstitutionFixture.roster(rosters, teams);
        OpenShiftsView view = navigate("open-shifts", OpenShiftsView.class);
        assertThat(view.addForm.isVisible()).isTrue();
        LocalDate date = roster.startDate().plusDays(4);
        view.addForm.roster.setValue(view.addForm.roster.getListDataView().getItems()
                .filter(r -> r.id() == roster.id()).findFirst().orElseThrow());
        view.addForm.date.setValue(date);
        view.addForm.template.setValue(view.addForm.template.getListDataView().getItems()
                .filter(t -> t.getCode().equals("E12")).findFirst().orElseThrow());
        assertThat(view.addForm.start.getValue()).as("the template's first start").isNotNull();
        view.addForm.queue.setValue("RU-GEN");
        try {
            test(view.addForm.add).click();
            List<Substitution.OpenShiftView> added = SystemAuthentication.callAsSystem(
                    () -> substitution.openShifts(roster.id())).stream()
                    .filter(s -> s.absenceId() == null && s.date().equals(date)).toList();
            assertThat(added).hasSize(1);
            assertThat(added.getFirst().templateCode()).isEqualTo("E12");
            assertThat(added.getFirst().queue()).isEqualTo("RU-GEN");
            assertThat(added.getFirst().status()).isEqualTo(OpenShift.Status.OPEN);
            assertThat(view.shifts.getListDataView().getItems().anyMatch(s -> s.id() == added.getFirst().id())).isTrue();
        } finally {
            jdbc.sql("delete from open_shift where roster_id = ? and absence_id is null").param(roster.id()).update();
        }
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void managerReadsWithoutAssigning() {
        Roster roster = SubstitutionFixture.roster(rosters, teams);
        OpenShiftsView view = navigate("open-shifts", OpenShiftsView.class);
        assertThat(view.replan.isVisible()).isFalse();
        assertThat(view.addForm.isVisible()).isFalse();
        assertThat(view.candidates.getColumnByKey("assign")).isNull();
        assertThat(roster.state()).isEqualTo(RosterState.PUBLISHED);
    }
}
