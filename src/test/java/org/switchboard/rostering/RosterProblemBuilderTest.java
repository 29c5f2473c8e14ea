package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.rostering.solver.BreakPlanner;
import org.switchboard.rostering.solver.BreakWindow;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterSolverConfig;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.rostering.solver.ShiftOption;

/** The demo center's first week, built from the seeded data and solved for 18 s. */
@SpringBootTest
@WithMockUser(roles = "PLANNER")
class RosterProblemBuilderTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final int DAYS = 7;

    @Autowired
    RosterProblemBuilder builder;

    @Autowired
    RequirementService requirements;

    LocalDate start;
    Instant periodStart;

    @BeforeEach
    void firstDayWithRequirements() {
        Instant now = Instant.now();
        Instant first = requirements.requirements(now.minus(3, ChronoUnit.DAYS), now.plus(60, ChronoUnit.DAYS)).stream()
                .map(StaffingRequirement::start).min(Comparator.naturalOrder()).orElseThrow();
        start = first.atZone(MOSCOW).toLocalDate();
        periodStart = start.atStartOfDay(MOSCOW).toInstant();
    }

    @Test
    void buildsTheDemoWeek() {
        RosterSolution s = builder.build(start, DAYS, MOSCOW, new RosterWeights());

        assertThat(s.getOperators()).hasSize(64);
        assertThat(s.getDays()).hasSize(64 * DAYS).allMatch(OperatorDay::isInPeriod).noneMatch(OperatorDay::isPinned);
        // D07 07:00-10:00, P08 08:00-10:00, E12 12:00-15:00, P18 18:00-20:00 hourly; N22 fixed
        assertThat(s.getShiftOptions()).hasSize((4 + 3 + 4 + 3 + 1) * DAYS)
                .extracting(ShiftOption::id).doesNotHaveDuplicates()
                .contains("D07@" + start + "@07:00", "D07@" + start + "@10:00", "N22@" + start + "@22:00");
        assertThat(s.getShiftOptions()).filteredOn(o -> o.templateCode().equals("E12")).allMatch(o -> o.kind() == ShiftKind.EVENING);
        assertThat(s.getShiftOptions()).filteredOn(o -> o.templateCode().equals("D07")).allMatch(o -> o.kind() == ShiftKind.DAY);
        List<StaffingRequirement> rows = requirements.requirements(periodStart, start.plusDays(DAYS).atStartOfDay(MOSCOW).toInstant());
        assertThat(rows).isNotEmpty().allMatch(r -> r.intervalMinutes() == 15);
        assertThat(s.getDemandUnits()).hasSize(rows.size());
        assertThat(s.getDemandUnits().stream().mapToLong(u -> u.required()).sum())
                .isEqualTo(rows.stream().mapToLong(StaffingRequirement::positions).sum());
        assertThat(s.getDemandUnits()).anyMatch(u -> u.required() == 0); // kept for over-coverage

        // a night on day 0 (22:00-07:00, unpaid half hours floating 00:30-01:30 and 03:30-04:30, nominally at
        // 01:00-01:30 and 04:00-04:30) covers the next day's early slots
        ShiftOption night = option(s, "N22", 0);
        assertThat(night.isNight()).isTrue();
        assertThat(night.paidMinutes()).isEqualTo(480);
        assertThat(night.covers(slot(0, 23, 30))).isTrue();
        assertThat(night.covers(slot(1, 0, 30))).isTrue();
        assertThat(night.covers(slot(1, 1, 0))).as("break 01:00-01:30").isFalse();
        assertThat(night.covers(slot(1, 1, 30))).isTrue();
        assertThat(night.covers(slot(1, 6, 45))).isTrue();
        assertThat(night.covers(slot(1, 7, 0))).isFalse();
        assertThat(night.unpaidBreaks()).hasSize(2).allMatch(w -> w.starts(night.grid()).size() == 5);
        // a day shift 08:00-17:00 with an unpaid hour floating 11:00-14:00, nominally 12:00-13:00, loses four quarter hours
        ShiftOption day = option(s, "D07", 2, 8);
        assertThat(day.coveredSlots()).hasSize(32).contains(slot(2, 11, 45), slot(2, 13, 0))
                .doesNotContain(slot(2, 12, 0), slot(2, 12, 15), slot(2, 12, 30), slot(2, 12, 45));
        assertThat(day.paidMinutes()).isEqualTo(480);
        assertThat(day.unpaidBreaks().getFirst().starts(day.grid())).hasSize(9);
        assertThat(option(s, "P08", 0).coveredSlots()).hasSize(16);
        // the night on the last day covers nothing after the period
        assertThat(java.util.Arrays.stream(option(s, "N22", DAYS - 1).coveredSlots()).max().orElseThrow()).isEqualTo(DAYS * 96 - 1);

        // night options only for operators who may work nights; queues only where they are skilled
        // and templates only for the contracts they are meant for
        // (days the demo's availability restricts, see DemoAvailability, are RosterAvailabilityTest's)
        for (OperatorDay d : s.getDays()) {
            if (s.getUnavailabilities().stream().anyMatch(u -> u.operatorId() == d.operatorId() && u.date().equals(d.getDate()))) {
                continue;
            }
            List<String> codes = d.getShiftRange().stream().map(ShiftOption::templateCode).toList();
            // the demo's templates by contract (a week's maximum tells them): 4-hour shifts for the part-time
            // contracts (20 h and 30 h), full days for the others and the 30 h part-timers
            int max = d.getOperator().maxMinutesPerPeriod();
            assertThat(codes.contains("D07")).isEqualTo(max != 1200);
            assertThat(codes.contains("E12")).isEqualTo(max != 1200);
            assertThat(codes.contains("N22")).isEqualTo(d.getOperator().nightEligible());
            assertThat(codes.contains("P08")).isEqualTo(max <= 1800);
            assertThat(codes.contains("P08")).isEqualTo(!d.getOperator().ineligibleTemplates().contains("P08"));
            assertThat(d.getQueueRange()).isNotEmpty();
        }
        assertThat(s.getOperators()).anyMatch(o -> o.nightEligible()).anyMatch(o -> !o.nightEligible());
        // a 36-40 h contract over 7 days: one week's 2160 minutes at least, 2400 at most
        assertThat(s.getOperators()).anyMatch(o -> o.minMinutesPerPeriod() == 2160 && o.maxMinutesPerPeriod() == 2400);
    }

    @Test
    void solvesTheDemoWeekWithoutHardViolations() {
        SolverFactory<RosterSolution> factory = SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(18), null));
        SolutionManager<RosterSolution, HardMediumSoftScore> manager = SolutionManager.create(factory);
        RosterSolution emptyRoster = builder.build(start, DAYS, MOSCOW, new RosterWeights());
        HardMediumSoftScore empty = manager.update(emptyRoster);

        Solver<RosterSolution> solver = factory.buildSolver();
        RosterSolution solved = solver.solve(builder.build(start, DAYS, MOSCOW, new RosterWeights()));
        var scope = ((DefaultSolver<RosterSolution>) solver).getSolverScope();
        HardMediumSoftScore score = solved.getScore();
        double share = solved.coveredShare();
        long worked = solved.getDays().stream().filter(OperatorDay::isWorking).count();
        System.out.printf(Locale.ROOT,
                "ROSTER BENCHMARK demo week from %s: %d operators, %d units, empty %s (covered %.3f) -> %s after %d ms, "
                        + "%d score calculations (%d/s), covered share %.3f, %d shifts%n",
                start, solved.getOperators().size(), solved.getDemandUnits().size(), empty, emptyRoster.coveredShare(),
                score, scope.getTimeMillisSpent(), scope.getScoreCalculationCount(), scope.getScoreCalculationSpeed(),
                share, worked);

        manager.explain(solved).getConstraintMatchTotalMap().values().stream()
                .filter(t -> !t.getScore().isZero())
                .forEach(t -> System.out.printf("ROSTER BENCHMARK   %s: %s (%d matches)%n", t.getConstraintName(),
                        t.getScore(), t.getConstraintMatchCount()));

        assertThat(empty.hardScore()).isNegative(); // contract minimum hours are broken by an empty roster
        assertThat(score.hardScore()).as("%s", score).isZero();
        // the construction alone removes about two thirds of the shortage; the local search most of the rest
        assertThat(score.mediumScore()).as("%s", score).isGreaterThan(empty.mediumScore() / 3);
        assertThat(share).isGreaterThan(0.6);
        assertThat(manager.update(solved)).isEqualTo(score);

        // breaks placed after solving: never less coverage, and rescoring counts them
        long startPlacing = System.nanoTime();
        BreakPlanner.Summary placed = new BreakPlanner().place(solved);
        long placingMillis = (System.nanoTime() - startPlacing) / 1_000_000;
        HardMediumSoftScore afterBreaks = manager.update(solved);
        System.out.printf(Locale.ROOT, "ROSTER BENCHMARK %d shift options; breaks placed in %d ms: %s; %s -> %s, "
                        + "covered share %.3f -> %.3f%n", solved.getShiftOptions().size(), placingMillis, placed, score,
                afterBreaks, share, solved.coveredShare());
        assertThat(afterBreaks.hardScore()).isZero();
        assertThat(afterBreaks.mediumScore()).isGreaterThanOrEqualTo(score.mediumScore());
        assertThat(solved.coveredShare()).isGreaterThanOrEqualTo(share);
        assertThat(solved.getDays()).filteredOn(d -> d.isWorking() && !d.getShift().unpaidBreaks().isEmpty())
                .isNotEmpty().allMatch(OperatorDay::hasPlacedBreaks);
    }

    @Test
    void withBreakStartsInSearchAShiftWithOneFloatingBreakIsOfferedOncePerBreakStartAndAStoredBreakFindsItsOwn() {
        // switchboard.roster.break-starts-in-search (off by default, as in this context: a context of its own would start
        // a second embedded database): the solver chooses where the break goes
        RosterSolution s = builder.withBreakStartsInSearch(true).build(start, DAYS, MOSCOW, new RosterWeights());
        assertThat(builder.build(start, DAYS, MOSCOW, new RosterWeights()).getShiftOptions())
                .filteredOn(o -> o.templateCode().equals("D07")).hasSize(4 * DAYS);

        // D07 07:00-10:00 hourly, its meal hour floating 3-5 h after the start: 9 quarter-hour starts each; the night
        // N22 has two floating half hours and stays one option with its windows (BreakPlanner places them)
        List<ShiftOption> d07at8 = s.getShiftOptions().stream()
                .filter(o -> o.templateCode().equals("D07") && o.dayIndex() == 2 && o.localStart().getHour() == 8).toList();
        assertThat(d07at8).hasSize(9).allMatch(o -> o.unpaidBreaks().size() == 1 && o.unpaidBreaks().getFirst().isFixed())
                .allMatch(o -> o.paidMinutes() == 480 && o.coveredSlots().length == 32);
        assertThat(d07at8.stream().map(o -> o.unpaidBreaks().getFirst().earliestStart()).distinct()).hasSize(9);
        assertThat(s.getShiftOptions()).extracting(ShiftOption::id).doesNotHaveDuplicates();
        assertThat(s.getShiftOptions()).filteredOn(o -> o.templateCode().equals("N22"))
                .hasSize(DAYS).allMatch(o -> o.unpaidBreaks().size() == 2 && o.hasFloatingBreaks());
        assertThat(s.getShiftOptions()).hasSize((4 * 9 + 3 + 4 * 9 + 3 + 1) * DAYS);
        // each variant leaves out the four quarter hours of its own break
        for (ShiftOption o : d07at8) {
            BreakWindow b = o.unpaidBreaks().getFirst();
            int first = (int) (Duration.between(o.grid().start(), b.earliestStart()).toMinutes() / 15);
            assertThat(o.coveredSlots()).doesNotContain(first, first + 1, first + 2, first + 3)
                    .contains(first - 1, first + 4);
        }

        // a stored shift (a draft or a published day) is matched to the variant with its break
        ShiftOption late = d07at8.getLast();
        Instant breakStart = late.unpaidBreaks().getFirst().earliestStart();
        StoredShift stored = new StoredShift(1, late.date(), "D07", late.start(), late.end(), 480, null,
                List.of(new StoredShift.Span(breakStart, breakStart.plusSeconds(3600))));
        assertThat(RosterProblemBuilder.match(d07at8, stored)).isSameAs(late);
        StoredShift withoutBreaks = new StoredShift(1, late.date(), "D07", late.start(), late.end(), 480, null, List.of());
        assertThat(RosterProblemBuilder.match(d07at8, withoutBreaks)).isSameAs(d07at8.getFirst());
    }

    private int slot(int dayIndex, int hour, int minute) {
        Instant t = LocalDateTime.of(start.plusDays(dayIndex), java.time.LocalTime.of(hour, minute)).atZone(MOSCOW).toInstant();
        return (int) (Duration.between(periodStart, t).toMinutes() / 15);
    }

    private ShiftOption option(RosterSolution s, String code, int dayIndex) {
        return s.getShiftOptions().stream().filter(o -> o.templateCode().equals(code) && o.dayIndex() == dayIndex)
                .findFirst().orElseThrow();
    }

    private ShiftOption option(RosterSolution s, String code, int dayIndex, int hour) {
        return s.getShiftOptions().stream().filter(o -> o.templateCode().equals(code) && o.dayIndex() == dayIndex
                        && o.localStart().getHour() == hour)
                .findFirst().orElseThrow();
    }
}
