package org.switchboard.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.schedule.ScheduleFixture.BERLIN_START;
import static org.switchboard.schedule.ScheduleFixture.MOSCOW;
import static org.switchboard.schedule.ScheduleFixture.week;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.PublishedSchedule;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.ShiftKind;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.shared.ValidationFailedException;

/**
 * The signed-in operator's own published shifts against the embedded PostgreSQL, with rosters created, solved and
 * published through the roster service (see {@link ScheduleFixture}).
 */
@SpringBootTest
class MyScheduleTest {

    @Autowired
    MySchedule schedule;
    @Autowired
    PublishedSchedule published;
    @Autowired
    RosterService rosters;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    UserAccountService accounts;

    ScheduleFixture.Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ScheduleFixture.ensure(rosters, operators, teams, accounts, published);
    }

    @Test
    @WithMockUser(username = ScheduleFixture.NIGHT_LOGIN, roles = "OPERATOR")
    void anOperatorReadsTheOwnShiftsOnlyWithMoscowOffsetsAndNightsAcrossMidnight() {
        LocalDate from = week();
        LocalDate to = from.plusDays(6);
        List<ScheduledShift> mine = schedule.shifts(from, to);
        assertThat(schedule.owner()).get().extracting(ScheduleOwner::operatorId).isEqualTo(fixture.night().getId());

        var own = ScheduleFixture.shifts(published, fixture.night().getId(), from, to);
        var anna = ScheduleFixture.shifts(published, fixture.anna().getId(), from, to);
        assertThat(own).as("the night operator works in the published week").isNotEmpty();
        assertThat(anna).as("Anna works in the published week too").isNotEmpty();
        // exactly the night operator's published shifts, and not Anna's (who works other days and times)
        List<String> mineKeys = mine.stream().map(s -> s.date() + " " + s.start().toInstant() + " " + s.end().toInstant()).toList();
        assertThat(mineKeys).containsExactlyElementsOf(own.stream().map(s -> s.date() + " " + s.start() + " " + s.end()).toList());
        assertThat(mineKeys).isNotEqualTo(anna.stream().map(s -> s.date() + " " + s.start() + " " + s.end()).toList());

        boolean acrossMidnight = false;
        for (ScheduledShift s : mine) {
            assertThat(s.date()).isBetween(from, to);
            assertThat(s.start().getZone()).isEqualTo(MOSCOW);
            assertThat(s.start().getOffset()).isEqualTo(ZoneOffset.ofHours(3));
            assertThat(s.end().getOffset()).isEqualTo(ZoneOffset.ofHours(3));
            assertThat(s.start().toLocalDate()).isEqualTo(s.date());
            assertThat(s.end()).isAfter(s.start());
            assertThat(s.queueCode()).isNotBlank();
            assertThat(s.templateCode()).isNotBlank();
            if (s.breakStart() != null) {
                assertThat(s.breakStart()).isAfterOrEqualTo(s.start());
                assertThat(s.breakEnd()).isAfter(s.breakStart()).isBeforeOrEqualTo(s.end());
            }
            if (s.end().toLocalDate().isAfter(s.date()) && s.end().toLocalTime().isAfter(LocalTime.MIDNIGHT)) {
                acrossMidnight = true;
                assertThat(s.end().toLocalDate()).isEqualTo(s.date().plusDays(1));
                assertThat(s.kind()).isEqualTo(ShiftKind.NIGHT);
                assertThat(s.start().toLocalTime()).isEqualTo(LocalTime.of(22, 0));
                assertThat(s.end().toLocalTime()).isEqualTo(LocalTime.of(7, 0));
            }
        }
        assertThat(acrossMidnight).as("a night shift from 22:00 to 07:00 the next morning").isTrue();
    }

    @Test
    @WithMockUser(username = ScheduleFixture.NIGHT_LOGIN, roles = "OPERATOR")
    void theRangeIsInclusiveAndLimited() {
        List<ScheduledShift> week = schedule.shifts(week(), week().plusDays(6));
        LocalDate day = week.get(week.size() / 2).date();
        assertThat(schedule.shifts(day, day)).extracting(ScheduledShift::date).containsExactly(day);
        assertThat(schedule.shifts(week().plusDays(2), week().plusDays(4))).extracting(ScheduledShift::date)
                .allSatisfy(d -> assertThat(d).isBetween(week().plusDays(2), week().plusDays(4)))
                .containsExactlyElementsOf(week.stream().map(ScheduledShift::date)
                        .filter(d -> !d.isBefore(week().plusDays(2)) && !d.isAfter(week().plusDays(4))).toList());
        assertThat(schedule.shifts(week().minusDays(30), week().minusDays(1))).isEmpty();
        assertThat(schedule.shifts(week().minusDays(200), week().plusDays(165))).as("366 days are allowed")
                .containsAll(week);
        assertThatThrownBy(() -> schedule.shifts(week().minusDays(200), week().plusDays(166)))
                .isInstanceOf(ValidationFailedException.class).hasMessageContaining("366");
        assertThatThrownBy(() -> schedule.shifts(week(), week().minusDays(1)))
                .isInstanceOf(ValidationFailedException.class).hasMessageContaining("before");
    }

    @Test
    @WithMockUser(username = ScheduleFixture.UNLINKED_LOGIN, roles = "PLANNER")
    void aLoginWithoutOperatorRecordIsToldSo() {
        assertThat(schedule.owner()).isEmpty();
        assertThatThrownBy(() -> schedule.shifts(week(), week().plusDays(6)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("not linked to an operator");
    }

    /**
     * Aurora planned in Europe/Berlin over the switch to summer time (Sunday 28 March 2027, 02:00 → 03:00), read by an
     * operator whose zone is Berlin: offsets +01:00 before, +02:00 from the Sunday on, wall-clock starts on the
     * templates' whole hours on both sides (an hour's slip would show as 06:00, 11:00 or 17:00 starts).
     */
    @Test
    @WithMockUser(username = ScheduleFixture.BERLIN_LOGIN, roles = "OPERATOR")
    void offsetsFollowSummerTimeInAZoneWithDst() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Operator o = fixture.berlin();
        setZone(o.getId(), berlin.getId());
        try {
            List<ScheduledShift> shifts = schedule.shifts(BERLIN_START, BERLIN_START.plusDays(13));
            LocalDate switchDay = LocalDate.of(2027, 3, 28);
            assertThat(shifts.stream().filter(s -> s.date().isBefore(switchDay))).isNotEmpty();
            assertThat(shifts.stream().filter(s -> !s.date().isBefore(switchDay))).isNotEmpty();
            Set<Integer> hours = Set.of(7, 8, 9, 10, 12, 13, 14, 15, 18, 19, 20);
            for (ScheduledShift s : shifts) {
                ZoneOffset expected = s.date().isBefore(switchDay) ? ZoneOffset.ofHours(1) : ZoneOffset.ofHours(2);
                assertThat(s.start().getOffset()).as("start of %s", s.date()).isEqualTo(expected);
                assertThat(s.end().getOffset()).as("end of %s", s.date()).isEqualTo(expected);
                assertThat(s.start().getMinute()).isZero();
                assertThat(s.start().getHour()).as("start of %s", s.date()).isIn(hours);
                assertThat(s.start().toInstant()).isEqualTo(s.start().toLocalDateTime().atZone(berlin).toInstant());
            }
        } finally {
            setZone(o.getId(), MOSCOW.getId());
        }
    }

    private void setZone(long operatorId, String zone) {
        SystemAuthentication.runAsSystem(() -> {
            Operator o = operators.get(operatorId);
            o.setTimeZone(zone);
            operators.save(o);
        });
    }
}
