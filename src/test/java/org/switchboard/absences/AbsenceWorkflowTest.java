package org.switchboard.absences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.absences.AbsenceTestSupport.ANNA;
import static org.switchboard.absences.AbsenceTestSupport.COLLEAGUE;
import static org.switchboard.absences.AbsenceTestSupport.day;
import static org.switchboard.absences.AbsenceTestSupport.manager;
import static org.switchboard.absences.AbsenceTestSupport.operator;
import static org.switchboard.absences.AbsenceTestSupport.planner;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.Texts;
import org.switchboard.shared.ValidationFailedException;

/** The request workflow through the services, against the demo data (each test rolled back). */
@SpringBootTest
@Transactional
@RecordApplicationEvents
class AbsenceWorkflowTest {

    @Autowired
    TimeOffRequests requests;
    @Autowired
    AbsenceDecisions decisions;
    @Autowired
    AbsenceStore store;
    @Autowired
    ApplicationEvents events;

    long request(String login, AbsenceType type, int month, int from, int to) {
        RequestOutcome o = operator(login, () -> requests.request(NewAbsence.days(type, day(month, from), day(month, to), "note")));
        return o.id();
    }

    @Test
    void requestThenApprove() {
        RequestOutcome o = operator(ANNA, () -> requests.request(
                NewAbsence.days(AbsenceType.VACATION, day(6, 7), day(6, 11), "family")));
        assertThat(o.status()).isEqualTo(AbsenceStatus.REQUESTED);
        assertThat(events.stream(AbsenceRequested.class)).singleElement()
                .satisfies(e -> assertThat(e.span().absenceId()).isEqualTo(o.id()));
        AbsenceEntry mine = operator(ANNA, () -> requests.get(o.id()));
        assertThat(mine.employeeNumber()).isEqualTo("E1001");
        assertThat(mine.start().toLocalDateTime()).isEqualTo(day(6, 7).atStartOfDay());
        assertThat(mine.end().toLocalDateTime()).isEqualTo(day(6, 12).atStartOfDay());
        assertThat(mine.start().getOffset().getTotalSeconds()).isEqualTo(3 * 3600);
        assertThat(mine.note()).isEqualTo("family");

        AbsenceEntry approved = manager(() -> decisions.approve(o.id()));
        assertThat(approved.status()).isEqualTo(AbsenceStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("manager");
        assertThat(approved.decidedBySystem()).isFalse();
        assertThat(events.stream(AbsenceApproved.class)).singleElement().satisfies(e -> {
            assertThat(e.decidedBy()).isEqualTo("manager");
            assertThat(e.bySystem()).isFalse();
        });
        // the second decision loses, with who and when
        assertThatThrownBy(() -> manager(() -> decisions.approve(o.id()))).isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("This request was already approved by manager on ");
        assertThatThrownBy(() -> manager(() -> decisions.reject(o.id(), "no"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already approved by manager");
    }

    @Test
    void rejectWithAReason() {
        long id = request(ANNA, AbsenceType.UNPAID, 7, 1, 2);
        assertThatThrownBy(() -> manager(() -> decisions.reject(id, " "))).isInstanceOf(ValidationFailedException.class);
        AbsenceEntry rejected = manager(() -> decisions.reject(id, "Peak season"));
        assertThat(rejected.status()).isEqualTo(AbsenceStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo("Peak season");
        assertThat(events.stream(AbsenceRejected.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("Peak season"));
        assertThatThrownBy(() -> manager(() -> decisions.approve(id))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already rejected by manager");
    }

    @Test
    void cancelPendingAndApproved() {
        long pending = request(ANNA, AbsenceType.VACATION, 8, 3, 4);
        long approved = request(ANNA, AbsenceType.VACATION, 8, 10, 12);
        manager(() -> decisions.approve(approved));
        assertThat(operator(ANNA, () -> requests.cancel(pending)).status()).isEqualTo(AbsenceStatus.CANCELLED);
        AbsenceEntry cancelled = operator(ANNA, () -> requests.cancel(approved));
        assertThat(cancelled.cancelledBy()).isEqualTo(ANNA);
        assertThat(cancelled.cancelledAt()).isNotNull();
        List<AbsenceCancelled> sent = events.stream(AbsenceCancelled.class).toList();
        assertThat(sent).extracting(e -> e.span().absenceId()).containsExactly(pending, approved);
        assertThat(sent).extracting(AbsenceCancelled::wasApproved).containsExactly(false, true);
        assertThatThrownBy(() -> operator(ANNA, () -> requests.cancel(approved))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already cancelled");
        // a colleague cannot cancel it; a planner can cancel anyone's
        long other = request(ANNA, AbsenceType.VACATION, 8, 20, 20);
        assertThatThrownBy(() -> operator(COLLEAGUE, () -> requests.cancel(other)))
                .isInstanceOf(org.switchboard.shared.NotFoundException.class);
        assertThat(planner(() -> requests.cancel(other)).status()).isEqualTo(AbsenceStatus.CANCELLED);
    }

    @Test
    void anAbsenceThatStartedCannotBeCancelled() {
        long id = planner(() -> requests.request(new NewAbsence(AbsenceType.SICK, java.time.LocalDate.now(AbsenceTestSupport.MOSCOW).minusDays(1),
                java.time.LocalDate.now(AbsenceTestSupport.MOSCOW).plusDays(1), null, null, null, "E1001"))).id();
        assertThatThrownBy(() -> operator(ANNA, () -> requests.cancel(id))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("started on");
    }

    @Test
    void operatorsSeeOnlyTheirOwn() {
        long anna = request(ANNA, AbsenceType.VACATION, 9, 1, 2);
        long colleague = request(COLLEAGUE, AbsenceType.VACATION, 9, 1, 2);
        assertThat(operator(ANNA, () -> requests.list(AbsenceFilter.all()))).extracting(AbsenceEntry::id)
                .contains(anna).doesNotContain(colleague);
        // the team's one place on those days is Anna's: the colleague waits
        assertThat(operator(COLLEAGUE, () -> requests.list(AbsenceFilter.status(AbsenceStatus.WAITLISTED))))
                .extracting(AbsenceEntry::id).containsExactly(colleague);
        assertThat(operator(COLLEAGUE, () -> requests.list(AbsenceFilter.all()))).extracting(AbsenceEntry::id)
                .containsExactly(colleague);
        assertThat(manager(() -> requests.list(new AbsenceFilter(null, day(9, 1), day(9, 30), null, null))))
                .extracting(AbsenceEntry::id).contains(anna, colleague);
        var filtered = manager(() -> requests.list(new AbsenceFilter(null, day(9, 2), day(9, 2), null, "E1003")));
        assertThat(filtered).extracting(AbsenceEntry::id).containsExactly(colleague);
        assertThatThrownBy(() -> operator(COLLEAGUE, () -> requests.get(anna)))
                .isInstanceOf(org.switchboard.shared.NotFoundException.class);
    }

    @Test
    void onlyManagersAndAdminsDecide() {
        long id = request(ANNA, AbsenceType.VACATION, 10, 5, 6);
        assertThatThrownBy(() -> operator(ANNA, () -> decisions.approve(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> planner(() -> decisions.reject(id, "x"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> operator(COLLEAGUE, () -> decisions.impact(id))).isInstanceOf(AccessDeniedException.class);
        assertThat(AbsenceTestSupport.as("admin", "ADMIN", () -> decisions.approve(id)).status())
                .isEqualTo(AbsenceStatus.APPROVED);
    }

    @Test
    void sickLeaveByAPlannerTakesEffectAtOnce() {
        RequestOutcome o = planner(() -> requests.request(new NewAbsence(AbsenceType.SICK, day(3, 2), day(3, 4), null,
                null, "flu", "E1003")));
        assertThat(o.status()).isEqualTo(AbsenceStatus.APPROVED);
        AbsenceEntry e = manager(() -> requests.get(o.id()));
        assertThat(e.decidedBy()).isEqualTo("planner");
        assertThat(e.requestedBy()).isEqualTo("planner");
        assertThat(e.name()).isNotBlank();
        assertThat(events.stream(AbsenceApproved.class)).singleElement()
                .satisfies(a -> assertThat(a.span().absenceId()).isEqualTo(o.id()));
        // what a planner entered for an operator is not the operator's to cancel
        assertThatThrownBy(() -> operator(COLLEAGUE, () -> requests.cancel(o.id()))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("entered by planner");
        assertThatThrownBy(() -> operator(ANNA, () -> requests.request(
                NewAbsence.days(AbsenceType.SICK, day(3, 10), day(3, 11), null))))
                .isInstanceOf(ValidationFailedException.class).hasMessageContaining("planner or manager");
        // an operator cannot enter time off for a colleague
        assertThatThrownBy(() -> operator(ANNA, () -> requests.request(
                NewAbsence.days(AbsenceType.VACATION, day(3, 10), day(3, 11), null).forEmployee("E1003"))))
                .isInstanceOf(AccessDeniedException.class);
        // a planner's planned entry for an operator is a request like any other
        assertThat(planner(() -> requests.request(NewAbsence.days(AbsenceType.TRAINING, day(3, 15), day(3, 16), null)
                .forEmployee("E1003"))).status()).isEqualTo(AbsenceStatus.REQUESTED);
    }

    @Test
    void overlapIsRefusedNamingTheOtherAbsence() {
        request(ANNA, AbsenceType.VACATION, 11, 2, 6);
        assertThatThrownBy(() -> request(ANNA, AbsenceType.TRAINING, 11, 6, 9)).isInstanceOf(ConflictException.class)
                .hasMessage("This overlaps another absence (Vacation, requested) from " + day(11, 2) + " to " + day(11, 6)
                        + ": cancel or change that one first.")
                .satisfies(e -> assertThat(((ConflictException) e).message(Texts.RUSSIAN))
                        .contains("Пересекается", "02.11." + day(11, 2).getYear()));
        // a time span inside it as well
        assertThatThrownBy(() -> operator(ANNA, () -> requests.request(NewAbsence.span(AbsenceType.OTHER,
                day(11, 3).atTime(9, 0), day(11, 3).atTime(12, 0), null)))).isInstanceOf(ConflictException.class);
        // but not a span the day after
        RequestOutcome span = operator(ANNA, () -> requests.request(NewAbsence.span(AbsenceType.OTHER,
                day(11, 7).atTime(9, 0), day(11, 7).atTime(12, 0), "dentist")));
        AbsenceEntry e = operator(ANNA, () -> requests.get(span.id()));
        assertThat(e.wholeDays()).isFalse();
        assertThat(e.from()).isEqualTo(day(11, 7));
        assertThat(e.to()).isEqualTo(day(11, 7));
        assertThat(e.start().toLocalDateTime()).isEqualTo(LocalDateTime.of(day(11, 7), java.time.LocalTime.of(9, 0)));
    }

    @Test
    void theDatabaseConstraintIsAnsweredWithTheSameConflict() {
        long first = request(ANNA, AbsenceType.VACATION, 12, 1, 3);
        AbsenceStore.Stored s = store.find(first).orElseThrow();
        // past the service's own check (as when two requests arrive at once), straight to the insert: the exclusion
        // constraint refuses it, and the dates come from the database's report
        assertThatThrownBy(() -> store.insert(new AbsenceStore.Insert(s.operatorId(), AbsenceType.TRAINING,
                AbsenceStatus.REQUESTED, day(12, 3), day(12, 3), s.startsAt(), s.endsAt(), true, null, Instant.now(),
                "test", null, null, null), AbsenceTestSupport.MOSCOW))
                .isInstanceOf(ConflictException.class)
                .hasMessage("This overlaps another absence from " + day(12, 1) + " to " + day(12, 3)
                        + ": cancel or change that one first.");
        // last: the violation aborts the test's transaction
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> operator(ANNA, () -> requests.request(
                NewAbsence.days(AbsenceType.VACATION, day(5, 5), day(5, 1), null))))
                .isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).fieldErrors()).containsKey("to"));
        assertThatThrownBy(() -> operator(ANNA, () -> requests.request(
                NewAbsence.days(null, day(5, 1), day(5, 1), null))))
                .isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).fieldErrors()).containsKey("type"));
        assertThatThrownBy(() -> operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION,
                java.time.LocalDate.now(AbsenceTestSupport.MOSCOW).minusDays(3),
                java.time.LocalDate.now(AbsenceTestSupport.MOSCOW).minusDays(2), null))))
                .isInstanceOf(ValidationFailedException.class).hasMessageContaining("future");
        assertThatThrownBy(() -> operator(ANNA, () -> requests.request(NewAbsence.span(AbsenceType.OTHER,
                day(5, 1).atTime(12, 0), day(5, 1).atTime(9, 0), null))))
                .isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).fieldErrors()).containsKey("end"));
        assertThat(Texts.render("error.absence.past", Locale.ENGLISH)).doesNotStartWith("!");
    }
}
