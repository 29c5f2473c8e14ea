package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.operators.TeamService;

/**
 * Coverage of a roster against the demo center's requirements (real database, real solver): breaks take operators
 * out, one operator more raises the projected service level, a solved roster schedules people on its queue, and a
 * day without requirements is "no demand", not fully covered.
 */
@SpringBootTest
class RosterCoverageTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    RosterCoverage coverage;
    @Autowired
    RosterService rosters;
    @Autowired
    QueueService queues;
    @Autowired
    TeamService teams;
    @Autowired
    RequirementService requirements;

    static LocalDate nextMonday() {
        return LocalDate.now(MOSCOW).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    Queue queue(String code) {
        return queues.findByCode(code).orElseThrow();
    }

    List<StaffingRequirement> day(Queue q, LocalDate date) {
        return requirements.requirements(q.getId(), date.atStartOfDay(MOSCOW).toInstant(),
                date.plusDays(1).atStartOfDay(MOSCOW).toInstant());
    }

    static StoredShift shift(long operator, LocalDate date, long queueId, LocalTime from, LocalTime to,
            LocalTime breakFrom, LocalTime breakTo) {
        Instant s = date.atTime(from).atZone(MOSCOW).toInstant();
        Instant e = date.atTime(to).atZone(MOSCOW).toInstant();
        List<StoredShift.Span> breaks = breakFrom == null ? List.of()
                : List.of(new StoredShift.Span(date.atTime(breakFrom).atZone(MOSCOW).toInstant(),
                        date.atTime(breakTo).atZone(MOSCOW).toInstant()));
        return new StoredShift(operator, date, "D08", s, e, 480, queueId, breaks);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void breaksTakeOperatorsOutAndOneMoreOperatorRaisesTheServiceLevel() {
        Queue general = queue("RU-GEN");
        LocalDate date = nextMonday();
        List<StaffingRequirement> rows = day(general, date);
        assertThat(rows).as("the demo forecast covers next week").isNotEmpty();
        StaffingRequirement noon = rows.stream()
                .filter(r -> r.start().atZone(MOSCOW).toLocalTime().equals(LocalTime.NOON)).findFirst().orElseThrow();
        assertThat(noon.calls()).isPositive();

        List<StoredShift> withBreak = List.of(shift(1, date, general.getId(), LocalTime.of(8, 0), LocalTime.of(17, 0),
                LocalTime.NOON, LocalTime.of(13, 0)));
        List<StoredShift> withoutBreak = List.of(shift(1, date, general.getId(), LocalTime.of(8, 0), LocalTime.of(17, 0),
                null, null));
        double onBreak = RosterCoverage.scheduled(withBreak, noon.start(), noon.end());
        double working = RosterCoverage.scheduled(withoutBreak, noon.start(), noon.end());
        assertThat(working).isEqualTo(1.0);
        assertThat(onBreak).as("the break covers the noon interval").isZero();
        // half an interval of break is half an operator
        StoredShift halfBreak = shift(2, date, general.getId(), LocalTime.of(8, 0), LocalTime.of(17, 0),
                noon.start().atZone(MOSCOW).toLocalTime().plusSeconds(noon.intervalMinutes() * 30L), LocalTime.of(13, 0));
        assertThat(RosterCoverage.scheduled(List.of(halfBreak), noon.start(), noon.end())).isEqualTo(0.5);

        // fewer operators than required at noon, then one more: the projected service level rises
        int some = Math.max(1, noon.positions() - 1);
        List<StoredShift> team = new ArrayList<>();
        for (int i = 0; i < some; i++) {
            team.add(shift(100 + i, date, general.getId(), LocalTime.of(8, 0), LocalTime.of(17, 0), null, null));
        }
        RosterCoverage.Day before = RosterCoverage.day(general, date, rows, team, MOSCOW);
        team.add(shift(999, date, general.getId(), LocalTime.of(8, 0), LocalTime.of(17, 0), null, null));
        RosterCoverage.Day after = RosterCoverage.day(general, date, rows, team, MOSCOW);
        RosterCoverage.Interval b = at(before, LocalTime.NOON);
        RosterCoverage.Interval a = at(after, LocalTime.NOON);
        assertThat(a.scheduled()).isEqualTo(b.scheduled() + 1);
        assertThat(a.serviceLevel()).isGreaterThan(b.serviceLevel());
        assertThat(before.noDemand()).isFalse();
        assertThat(before.targetServiceLevel()).isEqualTo(general.getServiceLevelPercent() / 100);
        // outside the shifts nobody is scheduled and the requirement shows as a gap
        RosterCoverage.Interval night = before.intervals().getFirst();
        assertThat(night.scheduled()).isZero();
        assertThat(night.gap()).isEqualTo(-night.required());
        // with the queue's required operators on the phones the target is met (Erlang agrees with the requirement)
        List<StoredShift> full = new ArrayList<>();
        for (int i = 0; i < noon.positions(); i++) {
            full.add(shift(200 + i, date, general.getId(), LocalTime.of(8, 0), LocalTime.of(17, 0), null, null));
        }
        RosterCoverage.Interval met = at(RosterCoverage.day(general, date, rows, full, MOSCOW), LocalTime.NOON);
        assertThat(met.serviceLevel()).isGreaterThanOrEqualTo(general.getServiceLevelPercent() / 100 - 1e-9);
    }

    static RosterCoverage.Interval at(RosterCoverage.Day d, LocalTime t) {
        return d.intervals().stream().filter(i -> i.time().equals(t)).findFirst().orElseThrow();
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void solvedRosterSchedulesOperatorsOnItsQueueAndADayWithoutRequirementsHasNoDemand() throws Exception {
        Queue general = queue("RU-GEN");
        LocalDate start = nextMonday().plusWeeks(1);
        long team = teams.list().stream().filter(t -> t.getName().startsWith("Aurora")).findFirst().orElseThrow().getId();
        Roster r = rosters.create(new NewRoster(start, 2, List.of(team), List.of(general.getId()), null, null, null));

        RosterCoverage.Day unsolved = coverage.day(r.id(), general.getId(), start);
        assertThat(unsolved.noDemand()).isFalse();
        assertThat(unsolved.intervals()).isNotEmpty().allSatisfy(i -> assertThat(i.scheduled()).isZero());
        assertThat(unsolved.coveredShare()).isZero();

        rosters.solve(r.id(), 3);
        long deadline = System.currentTimeMillis() + 60_000;
        while (rosters.isSolving(r.id()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(rosters.isSolving(r.id())).isFalse();
        RosterCoverage.Day solved = coverage.day(r.id(), general.getId(), start);
        assertThat(solved.intervals().stream().mapToDouble(RosterCoverage.Interval::scheduled).max().orElse(0))
                .isGreaterThan(0);
        assertThat(solved.coveredShare()).isBetween(0.01, 1.0);
        long onQueue = rosters.assignments(r.id()).stream()
                .filter(a -> a.date().equals(start) && a.queue().equals("RU-GEN")).count();
        assertThat(solved.intervals()).allSatisfy(i -> assertThat(i.scheduled()).isLessThanOrEqualTo(onQueue + 1e-9));
        assertThat(coverage.queues(r.id())).extracting(Queue::getCode).containsExactly("RU-GEN");
        assertThat(coverage.operatorIds(r.id())).isNotEmpty();

        List<RosterCoverage.Day> week = coverage.days(r.id(), general.getId(), start, 7);
        assertThat(week).hasSize(7);
        // beyond the two planned days nobody works; the week still shows the demand there
        assertThat(week.get(3).intervals()).allSatisfy(i -> assertThat(i.scheduled()).isZero());

        RosterCoverage.Day far = coverage.day(r.id(), general.getId(), start.plusDays(200));
        assertThat(far.noDemand()).isTrue();
        assertThat(far.intervals()).isEmpty();
        assertThat(far.coveredShare()).as("no demand is not 100 %").isNull();
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aDraftWithShiftsOnNoQueueCanBeSolvedAgain() throws Exception {
        // most of the day team lack the English skill: their shifts are on no queue (null)
        Queue tech = queue("EN-TECH");
        long team = teams.list().stream().filter(t -> t.getName().startsWith("Aurora")).findFirst().orElseThrow().getId();
        Roster r = rosters.create(new NewRoster(nextMonday().plusWeeks(3), 1, List.of(team), List.of(tech.getId()), null,
                null, null));
        for (int round = 0; round < 2; round++) {
            rosters.solve(r.id(), 2);
            long deadline = System.currentTimeMillis() + 60_000;
            while (rosters.isSolving(r.id()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            if (round == 0) {
                assertThat(rosters.assignments(r.id())).anyMatch(a -> a.queue().isEmpty());
            }
        }
        assertThat(rosters.get(r.id()).solveEndedAt()).isNotNull();
    }
}
