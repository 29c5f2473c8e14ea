package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.absences.AbsenceApproved;
import org.switchboard.absences.AbsenceCalendar;
import org.switchboard.absences.AbsenceSpan;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.SystemAuthentication;

/**
 * What the published schedule does with approvals that race with publishing and cancelling: a draft solved before an
 * absence was approved and published after it does not put the absent operator back on shift; an approval heard
 * after the absence was cancelled changes nothing. On team Borealis, seven weeks ahead (clear of the other tests'
 * rosters).
 */
@SpringBootTest
class AbsenceShiftsTest {

    @Autowired
    RosterService rosters;
    @Autowired
    TeamService teams;
    @Autowired
    OperatorService operators;
    @Autowired
    OpenShiftStore openShifts;
    @Autowired
    AbsenceCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDraftSolvedBeforeAnApprovalAndPublishedAfterItOpensTheAbsentDaysShifts() {
        LocalDate start = RosterApiTest.monday(7);
        Roster draft = SystemAuthentication.callAsSystem(() -> {
            long team = teams.list().stream().filter(t -> t.getName().equals("Borealis (day)")).findFirst()
                    .orElseThrow().getId();
            Roster r = rosters.create(new NewRoster(start, 7, List.of(team), null, null, null, null));
            Solving.solve(rosters, r.id(), 3, java.time.Duration.ofSeconds(120));
            return r;
        });
        // someone who works in the draft: their absence is approved now, before the draft is published
        AssignmentRow worked = SystemAuthentication.callAsSystem(() -> rosters.assignments(draft.id())).stream()
                .findFirst().orElseThrow(() -> new AssertionError("nobody works in the solved draft"));
        Operator absent = SystemAuthentication.callAsSystem(() -> operators.list()).stream()
                .filter(o -> o.getId() == worked.operatorId()).findFirst().orElseThrow();
        AbsenceSpan span = SubstitutionFixture.insertAbsence(jdbc, calendar, absent, worked.date(), worked.date());
        transactions.executeWithoutResult(t -> publisher.publishEvent(new AbsenceApproved(span, "test-manager", false)));

        SystemAuthentication.runAsSystem(() -> rosters.publish(draft.id(), true));

        long deadline = System.currentTimeMillis() + 30_000;
        while (openShifts.ofAbsence(span.absenceId()).isEmpty() && System.currentTimeMillis() < deadline) {
            SubstitutionFixture.sleep(200);
        }
        assertThat(openShifts.ofAbsence(span.absenceId())).singleElement().satisfies(s -> {
            assertThat(s.rosterId()).isEqualTo(draft.id());
            assertThat(s.date()).isEqualTo(worked.date());
            assertThat(s.status()).isEqualTo(OpenShift.Status.OPEN);
        });
        assertThat(SubstitutionFixture.works(rosters, draft.id(), absent.getId(), worked.date()))
                .as("the published schedule has the absent operator off").isFalse();

        // a late approval of an absence cancelled meanwhile changes nothing
        AssignmentRow other = SystemAuthentication.callAsSystem(() -> rosters.assignments(draft.id())).stream()
                .filter(a -> a.operatorId() != absent.getId()).findFirst().orElseThrow();
        Operator colleague = SystemAuthentication.callAsSystem(() -> operators.list()).stream()
                .filter(o -> o.getId() == other.operatorId()).findFirst().orElseThrow();
        AbsenceSpan cancelled = SubstitutionFixture.insertAbsence(jdbc, calendar, colleague, other.date(), other.date());
        jdbc.sql("update absence set status = 'CANCELLED', cancelled_at = now(), cancelled_by = 'test' where id = ?")
                .param(cancelled.absenceId()).update();
        List<OpenShift> opened = transactions.execute(t -> SystemAuthentication.callAsSystem(
                () -> absenceShifts.approved(cancelled)));
        assertThat(opened).isEmpty();
        assertThat(SubstitutionFixture.works(rosters, draft.id(), colleague.getId(), other.date())).isTrue();
    }

    @Test
    void anAbsenceOnDaysASupersededRosterStillGovernsOpensItsShiftsThere() {
        // two weeks published, then the second week again: the first week stays governed by the superseded roster
        LocalDate start = RosterApiTest.monday(9);
        Roster twoWeeks = publishSolved(start, 14);
        Roster secondWeek = publishSolved(start.plusDays(7), 7);
        assertThat(SystemAuthentication.callAsSystem(() -> rosters.get(twoWeeks.id())).state())
                .isEqualTo(RosterState.SUPERSEDED);
        AssignmentRow worked = SystemAuthentication.callAsSystem(() -> rosters.assignments(twoWeeks.id())).stream()
                .filter(a -> a.date().isBefore(start.plusDays(7))).findFirst().orElseThrow();
        Operator absent = SystemAuthentication.callAsSystem(() -> operators.list()).stream()
                .filter(o -> o.getId() == worked.operatorId()).findFirst().orElseThrow();
        assertThat(openShifts.governs(twoWeeks.id(), absent.getId(), worked.date())).isTrue();
        assertThat(openShifts.governs(twoWeeks.id(), absent.getId(), start.plusDays(8))).isFalse();
        assertThat(openShifts.governs(secondWeek.id(), absent.getId(), start.plusDays(8))).isTrue();

        AbsenceSpan span = SubstitutionFixture.insertAbsence(jdbc, calendar, absent, worked.date(), worked.date());
        List<OpenShift> opened = transactions.execute(t -> SystemAuthentication.callAsSystem(
                () -> absenceShifts.approved(span)));

        assertThat(opened).singleElement().satisfies(s -> {
            assertThat(s.rosterId()).isEqualTo(twoWeeks.id());
            assertThat(s.date()).isEqualTo(worked.date());
        });
        assertThat(SystemAuthentication.callAsSystem(() -> publishedShifts.shifts(absent.getId(), worked.date(),
                worked.date()))).as("My schedule has the absent operator off").isEmpty();
        assertThat(openShifts.stillOpen(start)).extracting(OpenShift::id).contains(opened.getFirst().id());
    }

    @Test
    void aChangeOfAnOperatorsAvailabilityOrWishesMarksTheDraftsPlanningThemStale() {
        LocalDate start = RosterApiTest.monday(11);
        Roster draft = SystemAuthentication.callAsSystem(() -> {
            long team = teams.list().stream().filter(t -> t.getName().equals("Borealis (day)")).findFirst()
                    .orElseThrow().getId();
            Roster r = rosters.create(new NewRoster(start, 7, List.of(team), null, null, null, null));
            Solving.solve(rosters, r.id(), 1, java.time.Duration.ofSeconds(120));
            return r;
        });
        assertThat(SystemAuthentication.callAsSystem(() -> rosters.get(draft.id())).stale()).isFalse();
        String someone = SystemAuthentication.callAsSystem(() -> rosters.assignments(draft.id())).getFirst()
                .employeeNumber();

        SystemAuthentication.runAsSystem(() -> availability.override(someone, List.of(
                org.switchboard.operators.AvailabilityEntry.of(java.util.Set.of(java.time.DayOfWeek.SUNDAY), false,
                        null, null, null, null, "test"))));

        long deadline = System.currentTimeMillis() + 30_000;
        while (!SystemAuthentication.callAsSystem(() -> rosters.get(draft.id())).stale()
                && System.currentTimeMillis() < deadline) {
            SubstitutionFixture.sleep(200);
        }
        assertThat(SystemAuthentication.callAsSystem(() -> rosters.get(draft.id())).stale())
                .as("the draft was solved without the new availability").isTrue();
        SystemAuthentication.runAsSystem(() -> availability.override(someone, List.of()));
    }

    @Autowired
    org.switchboard.operators.AvailabilityService availability;

    private Roster publishSolved(LocalDate start, int days) {
        return SystemAuthentication.callAsSystem(() -> {
            long team = teams.list().stream().filter(t -> t.getName().equals("Borealis (day)")).findFirst()
                    .orElseThrow().getId();
            Roster r = rosters.create(new NewRoster(start, days, List.of(team), null, null, null, null));
            Solving.solve(rosters, r.id(), 3, java.time.Duration.ofSeconds(120));
            return rosters.publish(r.id(), true);
        });
    }

    @Autowired
    PublishedSchedule publishedShifts;

    @Autowired
    AbsenceShifts absenceShifts;
}
