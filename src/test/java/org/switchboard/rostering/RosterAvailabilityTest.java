package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.operators.AvailabilityEntry;
import org.switchboard.operators.AvailabilityService;
import org.switchboard.operators.NewWish;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.PreferredShift;
import org.switchboard.operators.TeamService;
import org.switchboard.operators.WishPeriods;
import org.switchboard.operators.WishService;
import org.switchboard.operators.WishType;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterSolverConfig;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.rostering.solver.ShiftOption;
import org.switchboard.rostering.solver.ShiftPreference;
import org.switchboard.rostering.solver.Unavailability;

/**
 * Availability, approved absences and wishes in the problem the builder makes, and a short solve that honours them.
 * Rolled back (availability, absences and wishes are written in the test's transaction).
 */
@SpringBootTest
@WithMockUser(roles = "PLANNER")
@Transactional
class RosterAvailabilityTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** A Monday far from the demo's data (no requirements needed to build). */
    static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);
    static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    @Autowired
    RosterProblemBuilder builder;
    @Autowired
    AvailabilityService availability;
    @Autowired
    WishService wishes;
    @Autowired
    WishPeriods periods;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    RequirementService requirements;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RosterService rosters;
    @Autowired
    RosterEdits edits;

    long id(String employeeNumber) {
        return operators.list().stream().filter(o -> o.getEmployeeNumber().equals(employeeNumber)).findFirst()
                .orElseThrow().getId();
    }

    static List<OperatorDay> days(RosterSolution s, long operatorId) {
        return s.getDays().stream().filter(d -> d.operatorId() == operatorId)
                .sorted(Comparator.comparingInt(OperatorDay::getDayIndex)).toList();
    }

    void absence(long operatorId, LocalDate from, LocalDate to, Instant startsAt, Instant endsAt, boolean wholeDays) {
        jdbc.update("insert into absence (operator_id, type, status, from_date, to_date, starts_at, ends_at, whole_days,"
                        + " requested_at, requested_by) values (?, 'VACATION', 'APPROVED', ?, ?, ?, ?, ?, now(), 'test')",
                operatorId, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to), java.sql.Timestamp.from(startsAt),
                java.sql.Timestamp.from(endsAt), wholeDays);
    }

    static Instant at(LocalDate d, int hour) {
        return d.atTime(hour, 0).atZone(MOSCOW).toInstant();
    }

    @Test
    void availabilityWindowsLeaveTheirOptionsOut() {
        long student = id("E1015");
        long owl = id("E1050");
        availability.override("E1015", List.of(
                AvailabilityEntry.of(WEEKDAYS, true, LocalTime.of(14, 0), null, null, null, "lectures"),
                AvailabilityEntry.of(Set.of(DayOfWeek.SUNDAY), false, null, null, null, null, null)));
        availability.override("E1050", List.of(
                AvailabilityEntry.of(Set.of(DayOfWeek.MONDAY), true, LocalTime.of(14, 0), null, null, null, null)));

        RosterSolution s = builder.build(MONDAY, 7, MOSCOW, new RosterWeights());

        List<OperatorDay> studentDays = days(s, student);
        for (OperatorDay d : studentDays.subList(0, 5)) {
            assertThat(d.getShiftRange()).as("%s", d.getDate()).isNotEmpty()
                    .allMatch(o -> !o.start().isBefore(at(d.getDate(), 14)));
        }
        assertThat(studentDays.get(5).getShiftRange()).as("Saturday is free").anyMatch(o -> o.localStart().getHour() < 14);
        assertThat(studentDays.get(6).getShiftRange()).as("not on Sundays").isEmpty();
        assertThat(s.getUnavailabilities()).contains(new Unavailability(student, MONDAY.plusDays(6)));
        assertThat(s.getUnavailabilities()).filteredOn(u -> u.operatorId() == student && !u.wholeDay())
                .extracting(Unavailability::date).contains(MONDAY, MONDAY.plusDays(4)).doesNotContain(MONDAY.plusDays(6));

        // the owl: no day shift on Monday, nights on every day (Sunday's night ends on Monday, after the period)
        List<OperatorDay> owlDays = days(s, owl);
        assertThat(owlDays.get(0).getShiftRange()).noneMatch(o -> o.templateCode().equals("D07"))
                .anyMatch(ShiftOption::isNight);
        assertThat(owlDays.get(1).getShiftRange()).anyMatch(o -> o.templateCode().equals("D07"));
        // someone without availability keeps every option their contract may work (E1016: the part-time shifts)
        assertThat(days(s, id("E1016")).get(0).getShiftRange()).anyMatch(o -> o.templateCode().equals("P08"))
                .anyMatch(o -> o.templateCode().equals("P18"));
    }

    @Test
    void anEditIntoAWindowBreaksTheRule() {
        long borealis = teams.list().stream().filter(t -> t.getName().equals("Borealis (day)")).findFirst().orElseThrow().getId();
        Roster r = rosters.create(new NewRoster(MONDAY, 7, List.of(borealis), null, "Europe/Moscow", null, null));
        // the demo's student E1031 is available from 14:00 on weekdays
        var violations = edits.check(r.id(), "E1031", MONDAY, new DayEdit("D07", LocalTime.of(7, 0), null, false),
                java.util.Locale.ENGLISH);
        assertThat(violations).extracting(org.switchboard.shared.RuleViolation::message)
                .anyMatch(m -> m.contains("unavailable"));
        assertThat(edits.check(r.id(), "E1031", MONDAY, new DayEdit("E12", LocalTime.of(14, 0), null, false),
                java.util.Locale.ENGLISH)).extracting(org.switchboard.shared.RuleViolation::message)
                .noneMatch(m -> m.contains("unavailable"));
    }

    @Test
    void approvedAbsencesBecomeUnavailability() {
        long owl = id("E1055");
        LocalDate wednesday = MONDAY.plusDays(2);
        LocalDate friday = MONDAY.plusDays(4);
        absence(owl, wednesday, wednesday, wednesday.atStartOfDay(MOSCOW).toInstant(),
                wednesday.plusDays(1).atStartOfDay(MOSCOW).toInstant(), true);
        absence(owl, friday, friday, at(friday, 10), at(friday, 13), false);
        // a requested one is not yet unavailability
        jdbc.update("insert into absence (operator_id, type, status, from_date, to_date, starts_at, ends_at, whole_days,"
                + " requested_at, requested_by) values (?, 'VACATION', 'REQUESTED', ?, ?, ?, ?, true, now(), 'test')",
                owl, java.sql.Date.valueOf(MONDAY), java.sql.Date.valueOf(MONDAY),
                java.sql.Timestamp.from(MONDAY.atStartOfDay(MOSCOW).toInstant()),
                java.sql.Timestamp.from(MONDAY.plusDays(1).atStartOfDay(MOSCOW).toInstant()));

        RosterSolution s = builder.build(MONDAY, 7, MOSCOW, new RosterWeights());

        List<OperatorDay> days = days(s, owl);
        assertThat(days.get(0).getShiftRange()).anyMatch(ShiftOption::isNight).anyMatch(o -> !o.isNight());
        assertThat(days.get(1).getShiftRange()).as("the night before runs into the absence")
                .noneMatch(ShiftOption::isNight).isNotEmpty();
        assertThat(days.get(2).getShiftRange()).isEmpty();
        assertThat(s.getUnavailabilities()).contains(new Unavailability(owl, wednesday));
        assertThat(days.get(4).getShiftRange()).isNotEmpty()
                .allMatch(o -> !o.start().isBefore(at(friday, 13)) || !o.end().isAfter(at(friday, 10)));
        assertThat(days.get(4).getShiftRange()).anyMatch(o -> o.templateCode().equals("E12"));
        assertThat(days.get(5).getShiftRange()).anyMatch(o -> o.templateCode().equals("D07"));
    }

    @Test
    void approvedAbsenceDaysCountTowardsTheMinimumHours() {
        long anna = id("E1001");
        long colleague = id("E1002");
        RosterSolution before = builder.build(MONDAY, 7, MOSCOW, new RosterWeights());
        var annaBefore = before.getOperators().stream().filter(o -> o.id() == anna).findFirst().orElseThrow();
        int minimum = annaBefore.minMinutesPerPeriod();
        int weekDays = RosterProblemBuilder.maxDaysPerWeek(annaBefore);
        assertThat(minimum).as("a week's minimum").isPositive();
        assertThat(weekDays).isEqualTo(5);
        // three days of vacation: each credits the weekly minimum over the 5 days the contract works in a week
        absence(anna, MONDAY, MONDAY.plusDays(2), MONDAY.atStartOfDay(MOSCOW).toInstant(),
                MONDAY.plusDays(3).atStartOfDay(MOSCOW).toInstant(), true);
        // a time span credits nothing
        absence(colleague, MONDAY, MONDAY, at(MONDAY, 9), at(MONDAY, 12), false);

        RosterSolution s = builder.build(MONDAY, 7, MOSCOW, new RosterWeights());

        assertThat(s.getOperators()).filteredOn(o -> o.id() == anna).singleElement()
                .satisfies(o -> assertThat(o.minMinutesPerPeriod()).isEqualTo(minimum - 3 * ((minimum + 4) / 5)));
        assertThat(s.getOperators()).filteredOn(o -> o.id() == colleague).singleElement()
                .satisfies(o -> assertThat(o.minMinutesPerPeriod()).isEqualTo(
                        before.getOperators().stream().filter(b -> b.id() == colleague).findFirst().orElseThrow()
                                .minMinutesPerPeriod()));

        // a whole week of vacation (weekend included) credits one week's minimum, not seven days' worth
        long third = id("E1003");
        RosterSolution twoWeeks = builder.build(MONDAY, 14, MOSCOW, new RosterWeights());
        var thirdBefore = twoWeeks.getOperators().stream().filter(o -> o.id() == third).findFirst().orElseThrow();
        absence(third, MONDAY, MONDAY.plusDays(6), MONDAY.atStartOfDay(MOSCOW).toInstant(),
                MONDAY.plusDays(7).atStartOfDay(MOSCOW).toInstant(), true);
        int weekMinimum = thirdBefore.minMinutesPerPeriod() / 2;
        int perDay = (weekMinimum + RosterProblemBuilder.maxDaysPerWeek(thirdBefore) - 1)
                / RosterProblemBuilder.maxDaysPerWeek(thirdBefore);
        assertThat(builder.build(MONDAY, 14, MOSCOW, new RosterWeights()).getOperators().stream()
                .filter(o -> o.id() == third).findFirst().orElseThrow().minMinutesPerPeriod())
                .isEqualTo(thirdBefore.minMinutesPerPeriod() - RosterProblemBuilder.maxDaysPerWeek(thirdBefore) * perDay);
    }

    @Test
    void wishesBecomePreferences() {
        long period = periods.create(MONDAY, MONDAY.plusDays(27), Instant.now().plus(1, ChronoUnit.DAYS)).id();
        wishes.addFor("E1015", new NewWish(WishType.DAY_OFF, MONDAY.plusDays(1), null, null, "exam"));
        wishes.addFor("E1050", new NewWish(WishType.SHIFT_KIND, null, PreferredShift.NIGHT, period, null));
        wishes.addFor("E1020", new NewWish(WishType.SHIFT_KIND, MONDAY.plusDays(2), PreferredShift.EVENING, null, null));

        RosterSolution s = builder.build(MONDAY, 7, MOSCOW, new RosterWeights());

        assertThat(s.getPreferences()).contains(
                new ShiftPreference(id("E1015"), MONDAY.plusDays(1), null, null, false, 1),
                new ShiftPreference(id("E1020"), MONDAY.plusDays(2), null, ShiftKind.EVENING, true, 1),
                new ShiftPreference(id("E1050"), MONDAY.plusDays(6), null, ShiftKind.DAY, false, 1));
        assertThat(s.getPreferences()).filteredOn(p -> p.operatorId() == id("E1050")).hasSize(14)
                .noneMatch(p -> p.kind() == ShiftKind.NIGHT);
    }

    @Test
    void aShortSolveHonoursAvailabilityAndAbsences() {
        Instant now = Instant.now();
        LocalDate start = requirements.requirements(now.minus(3, ChronoUnit.DAYS), now.plus(60, ChronoUnit.DAYS)).stream()
                .map(StaffingRequirement::start).min(Comparator.naturalOrder()).orElseThrow().atZone(MOSCOW).toLocalDate();
        long aurora = teams.list().stream().filter(t -> t.getName().equals("Aurora (day)")).findFirst().orElseThrow().getId();
        availability.override("E1002", List.of(
                AvailabilityEntry.of(WEEKDAYS, true, LocalTime.of(14, 0), null, null, null, null)));
        availability.override("E1003", List.of(
                AvailabilityEntry.of(Set.of(DayOfWeek.values()), true, null, LocalTime.of(17, 0), null, null, null)));
        LocalDate third = start.plusDays(2);
        absence(id("E1005"), third, third, third.atStartOfDay(MOSCOW).toInstant(),
                third.plusDays(1).atStartOfDay(MOSCOW).toInstant(), true);
        absence(id("E1006"), start.plusDays(3), start.plusDays(3), at(start.plusDays(3), 9), at(start.plusDays(3), 12), false);

        RosterSolution problem = builder.build(start, 7, MOSCOW, new RosterWeights(), List.of(aurora), null);
        assertThat(problem.getUnavailabilities()).isNotEmpty();
        RosterSolution solved = SolverFactory.<RosterSolution>create(RosterSolverConfig.create(Duration.ofSeconds(4), null))
                .buildSolver().solve(problem);

        HardMediumSoftScore score = solved.getScore();
        assertThat(score.hardScore()).as("%s", score).isZero();
        for (OperatorDay d : solved.getDays()) {
            for (Unavailability u : solved.getUnavailabilities()) {
                if (u.operatorId() == d.operatorId() && u.date().equals(d.getDate())) {
                    assertThat(u.forbids(d.getShift())).as("%s on %s: %s", d.getOperator().employeeNumber(), d.getDate(),
                            d.getShift()).isFalse();
                }
            }
        }
        assertThat(days(solved, id("E1002"))).filteredOn(d -> d.isWorking() && WEEKDAYS.contains(d.getDate().getDayOfWeek()))
                .isNotEmpty().allMatch(d -> d.getShift().localStart().getHour() >= 14);
        assertThat(days(solved, id("E1003"))).filteredOn(OperatorDay::isWorking).isNotEmpty()
                .allMatch(d -> !d.getShift().end().isAfter(at(d.getDate(), 17)));
        assertThat(days(solved, id("E1005")).get(2).isWorking()).isFalse();
    }
}
