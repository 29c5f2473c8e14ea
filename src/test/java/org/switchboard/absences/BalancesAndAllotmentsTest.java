package org.switchboard.absences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.absences.AbsenceTestSupport.ANNA;
import static org.switchboard.absences.AbsenceTestSupport.COLLEAGUE;
import static org.switchboard.absences.AbsenceTestSupport.OTHER_COLLEAGUE;
import static org.switchboard.absences.AbsenceTestSupport.day;
import static org.switchboard.absences.AbsenceTestSupport.manager;
import static org.switchboard.absences.AbsenceTestSupport.operator;
import static org.switchboard.absences.AbsenceTestSupport.year;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.Texts;

/** Balances (allowances, carry-over) and the teams' daily allotments with the waitlist (each test rolled back). */
@SpringBootTest
@Transactional
@RecordApplicationEvents
class BalancesAndAllotmentsTest {

    @Autowired
    TimeOffRequests requests;
    @Autowired
    AbsenceDecisions decisions;
    @Autowired
    Balances balances;
    @Autowired
    Allotments allotments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    Balance vacation(String login, int year) {
        return operator(login, () -> balances.mine(year)).stream().filter(b -> b.type() == AbsenceType.VACATION)
                .findFirst().orElseThrow();
    }

    long auroraId() {
        return jdbc.queryForObject("select id from team where name = 'Aurora (day)'", Long.class);
    }

    @Test
    void twentyEightCalendarDaysOfVacationWithoutCarryOver() {
        jdbc.update("update absence_allowance set carry_over = false where type = 'VACATION'");
        Balance b = vacation(ANNA, year());
        assertThat(b.allowance()).isEqualTo(28);
        assertThat(b.counting()).isEqualTo(DayCounting.CALENDAR);
        assertThat(b.carriedOver()).isZero();
        assertThat(b.remaining()).isEqualTo(28);

        assertThatThrownBy(() -> operator(ANNA, () -> requests.request(
                NewAbsence.days(AbsenceType.VACATION, day(7, 1), day(7, 30), null))))
                .isInstanceOf(BalanceExceededException.class)
                .hasMessage("Vacation: 28 days left in " + year() + ", this request needs 30.")
                .satisfies(e -> {
                    var v = ((BalanceExceededException) e).in(Texts.RUSSIAN).violations();
                    assertThat(v).singleElement().satisfies(r -> {
                        assertThat(r.rule()).isEqualTo("Allowance");
                        assertThat(r.message()).isEqualTo("Отпуск: осталось дней в " + year() + " году: 28, для этой заявки нужно: 30.");
                    });
                });

        // pending days are reserved, approved days taken
        long first = operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(7, 1), day(7, 14), null))).id();
        operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(8, 1), day(8, 7), null)));
        manager(() -> decisions.approve(first));
        b = vacation(ANNA, year());
        assertThat(b.taken()).isEqualTo(14);
        assertThat(b.pending()).isEqualTo(7);
        assertThat(b.remaining()).isEqualTo(7);
        assertThatThrownBy(() -> operator(ANNA, () -> requests.request(
                NewAbsence.days(AbsenceType.VACATION, day(9, 1), day(9, 8), null))))
                .hasMessage("Vacation: 7 days left in " + year() + ", this request needs 8.");
        assertThat(Texts.render("error.absence.balance", java.util.Locale.ENGLISH, "Vacation", 1, "2027", 3))
                .isEqualTo("Vacation: 1 day left in 2027, this request needs 3.");
        assertThat(Texts.render("error.absence.balance", java.util.Locale.ENGLISH, "Vacation", 0, "2027", 3))
                .isEqualTo("Vacation: no days left in 2027, this request needs 3.");
        // other types without an allowance are unlimited
        Balance unpaid = operator(ANNA, () -> balances.mine(year())).stream()
                .filter(x -> x.type() == AbsenceType.UNPAID).findFirst().orElseThrow();
        assertThat(unpaid.unlimited()).isTrue();
        assertThat(unpaid.remaining()).isNull();
        assertThat(operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.UNPAID, day(9, 1), day(10, 15), null))).status())
                .isNotNull();
    }

    @Test
    void unusedDaysCarryOverIntoTheNextYear() {
        int y = year();
        jdbc.update("update absence_allowance set first_year = ? where type = 'VACATION'", y);
        long id = operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(3, 1), day(3, 10), null))).id();
        manager(() -> decisions.approve(id));
        Balance next = vacation(ANNA, y + 1);
        assertThat(next.carriedOver()).isEqualTo(18);
        assertThat(next.remaining()).isEqualTo(46);
        assertThat(vacation(ANNA, y).carriedOver()).as("none into the first year").isZero();
        // a request in the next year may use the carried days
        assertThat(operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION,
                java.time.LocalDate.of(y + 1, 6, 1), java.time.LocalDate.of(y + 1, 7, 10), null))).status())
                .isIn(AbsenceStatus.REQUESTED, AbsenceStatus.WAITLISTED);

        jdbc.update("update absence_allowance set carry_over_cap = 5 where type = 'VACATION'");
        assertThat(vacation(ANNA, y + 1).carriedOver()).isEqualTo(5);
        jdbc.update("update absence_allowance set carry_over = false where type = 'VACATION'");
        assertThat(vacation(ANNA, y + 1).carriedOver()).isZero();
        // the manager reads anyone's
        assertThat(manager(() -> balances.of("E1001", y + 1))).hasSize(AbsenceType.values().length);
        assertThatThrownBy(() -> operator(COLLEAGUE, () -> balances.of("E1001", y))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void trainingCountsWorkingDays() {
        // Monday to Sunday: five working days
        java.time.LocalDate monday = day(4, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.TRAINING, monday, monday.plusDays(6), null)));
        Balance t = operator(ANNA, () -> balances.mine(year())).stream().filter(b -> b.type() == AbsenceType.TRAINING)
                .findFirst().orElseThrow();
        assertThat(t.counting()).isEqualTo(DayCounting.WORKING);
        assertThat(t.pending()).isEqualTo(5);
        assertThat(t.remaining()).isEqualTo(5);
    }

    @Test
    void aFullDayJoinsTheWaitlistAndMovesUpWhenAPlaceFrees() {
        long aurora = auroraId();
        manager(() -> allotments.saveSettings(new TeamAbsenceSettings(aurora, 1, false, 0.8)));
        long anna = operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(5, 4), day(5, 6), null))).id();
        RequestOutcome second = operator(COLLEAGUE, () -> requests.request(
                NewAbsence.days(AbsenceType.VACATION, day(5, 6), day(5, 8), null)));
        assertThat(second.status()).isEqualTo(AbsenceStatus.WAITLISTED);
        RequestOutcome third = operator(OTHER_COLLEAGUE, () -> requests.request(
                NewAbsence.days(AbsenceType.VACATION, day(5, 5), day(5, 5), null)));
        assertThat(third.status()).isEqualTo(AbsenceStatus.WAITLISTED);
        assertThat(manager(() -> requests.get(second.id())).waitlistedAt()).isNotNull();
        // a time span takes no place
        assertThat(operator(OTHER_COLLEAGUE, () -> requests.request(NewAbsence.span(AbsenceType.OTHER,
                day(5, 4).atTime(9, 0), day(5, 4).atTime(11, 0), null))).status()).isEqualTo(AbsenceStatus.REQUESTED);
        // a manager cannot approve a waitlisted request
        assertThatThrownBy(() -> manager(() -> decisions.approve(second.id())))
                .isInstanceOf(org.switchboard.shared.ConflictException.class).hasMessageContaining("waitlist");

        events.clear();
        operator(ANNA, () -> requests.cancel(anna));
        // both fit now? no: one place a day, the older (second) moves up first and takes 6 May; the third (5 May) fits too
        assertThat(manager(() -> requests.get(second.id())).status()).isEqualTo(AbsenceStatus.REQUESTED);
        assertThat(manager(() -> requests.get(third.id())).status()).isEqualTo(AbsenceStatus.REQUESTED);
        assertThat(events.stream(AbsenceRequested.class)).extracting(e -> e.span().absenceId(), AbsenceRequested::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second.id(), AbsenceStatus.REQUESTED),
                        org.assertj.core.groups.Tuple.tuple(third.id(), AbsenceStatus.REQUESTED));
    }

    @Test
    void onlyTheOldestThatFitsMovesUp() {
        long aurora = auroraId();
        manager(() -> allotments.saveSettings(new TeamAbsenceSettings(aurora, 1, false, 0.8)));
        long anna = operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(6, 1), day(6, 3), null))).id();
        long second = operator(COLLEAGUE, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(6, 2), day(6, 2), null))).id();
        long third = operator(OTHER_COLLEAGUE, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(6, 2), day(6, 3), null))).id();
        manager(() -> decisions.reject(anna, "Audit week"));
        assertThat(manager(() -> requests.get(second)).status()).isEqualTo(AbsenceStatus.REQUESTED);
        assertThat(manager(() -> requests.get(third)).status()).isEqualTo(AbsenceStatus.WAITLISTED);
        // a higher limit for the day lets it move up
        DayStatus d = manager(() -> allotments.setLimit(aurora, day(6, 2), 2));
        assertThat(d.source()).isEqualTo(DayStatus.LimitSource.OVERRIDE);
        assertThat(manager(() -> requests.get(third)).status()).isEqualTo(AbsenceStatus.REQUESTED);
    }

    @Test
    void dayStatusOpenTightFull() {
        long aurora = auroraId();
        manager(() -> allotments.saveSettings(new TeamAbsenceSettings(aurora, 2, false, 0.8)));
        operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(10, 6), day(10, 7), null)));
        operator(COLLEAGUE, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(10, 7), day(10, 7), null)));
        List<DayStatus> days = operator(OTHER_COLLEAGUE, () -> allotments.days(null, day(10, 5), day(10, 7)));
        assertThat(days).extracting(DayStatus::state).containsExactly(DayState.OPEN, DayState.TIGHT, DayState.FULL);
        assertThat(days).extracting(DayStatus::used).containsExactly(0, 1, 2);
        assertThat(days).extracting(DayStatus::limit).containsExactly(2, 2, 2);
        assertThat(days).extracting(DayStatus::source).containsOnly(DayStatus.LimitSource.TEAM);
        // the manager's override for one date, and removing it
        manager(() -> allotments.setLimit(aurora, day(10, 7), 3));
        assertThat(manager(() -> allotments.days(aurora, day(10, 7), day(10, 7)))).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DayState.TIGHT));
        manager(() -> allotments.setLimit(aurora, day(10, 7), null));
        assertThat(manager(() -> allotments.days(aurora, day(10, 7), day(10, 7))).getFirst().limit()).isEqualTo(2);
        // without a team limit (and no roster to ask): 10 % of the team's active operators, at least one
        manager(() -> allotments.saveSettings(new TeamAbsenceSettings(aurora, null, false, 0.8)));
        DayStatus fallback = operator(ANNA, () -> allotments.days(null, day(10, 5), day(10, 5))).getFirst();
        assertThat(fallback.source()).isIn(DayStatus.LimitSource.FALLBACK, DayStatus.LimitSource.ROSTER);
        if (fallback.source() == DayStatus.LimitSource.FALLBACK) {
            assertThat(fallback.limit()).isEqualTo(1);
        }
        // operators see their own team only; settings are the managers'
        long other = jdbc.queryForObject("select id from team where name = 'Owls (night)'", Long.class);
        assertThatThrownBy(() -> operator(ANNA, () -> allotments.days(other, day(10, 5), day(10, 5))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> operator(ANNA, () -> allotments.saveSettings(new TeamAbsenceSettings(aurora, 5, false, 0.8))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(AllotmentCounter.fallback(16)).isEqualTo(1);
        assertThat(AllotmentCounter.fallback(35)).isEqualTo(3);
        assertThat(AllotmentCounter.fallback(0)).isEqualTo(1);
    }
}
