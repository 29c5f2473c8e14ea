package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.rostering.solver.RosterFixture.GRID;
import static org.switchboard.rostering.solver.RosterFixture.floating;
import static org.switchboard.rostering.solver.RosterFixture.op;
import static org.switchboard.rostering.solver.RosterFixture.slot;
import static org.switchboard.rostering.solver.RosterFixture.work;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/** Break placement after solving: away from thin intervals, inside windows, never worse than the nominal breaks. */
class BreakPlannerTest {

    private static final SolutionManager<RosterSolution, HardMediumSoftScore> SCORES = SolutionManager.create(
            SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(1), null)));

    private final BreakPlanner planner = new BreakPlanner();

    /** Day 07:00–16:00 on day 0 with an unpaid hour floating from 10:00 to 12:00 (nominal 11:00). */
    private static ShiftOption dayWithMealWindow() {
        return floating(0, "F", LocalTime.of(7, 0), 540, 180, 300, 60);
    }

    /** Queue 1 on day 0, 07:00–16:00: {@code required} per hour from 07:00. */
    private static List<DemandUnit> demand(int... required) {
        List<DemandUnit> units = new ArrayList<>();
        for (int h = 0; h < required.length; h++) {
            units.add(new DemandUnit(units.size(), 1L, slot(0, 7 + h), 0, "q1 " + (7 + h) + ":00", required[h], 1, 1));
        }
        return units;
    }

    private static RosterSolution solution(List<DemandUnit> units, List<OperatorDay> days) {
        List<SolverOperator> ops = days.stream().map(OperatorDay::getOperator).distinct().toList();
        List<ShiftOption> options = days.stream().filter(OperatorDay::isWorking).map(OperatorDay::getShift).distinct().toList();
        return new RosterSolution(ops, options, units, List.of(), List.of(), new RosterWeights(), days);
    }

    private static LocalTime localStart(PlacedBreak b) {
        return b.start().atZone(RosterFixture.ZONE).toLocalTime();
    }

    @Test
    void breaksMoveFromAThinIntervalToSurplusIntervals() {
        // two operators all day; at 11:00 both are needed, at 10:00 and 12:00 one is enough
        List<DemandUnit> units = demand(2, 2, 2, 1, 2, 1, 2, 2, 2);
        ShiftOption shift = dayWithMealWindow();
        OperatorDay a = work(op(1).skills(1L).build(), shift, 1L);
        OperatorDay b = work(op(2).skills(1L).build(), shift, 1L);
        RosterSolution s = solution(units, List.of(a, b));
        // nominal: both breaks at 11:00, leaving 11:00 empty
        assertThat(a.getBreaks()).extracting(BreakPlannerTest::localStart).containsExactly(LocalTime.of(11, 0));
        HardMediumSoftScore before = SCORES.update(s);
        double shareBefore = s.coveredShare();

        BreakPlanner.Summary summary = planner.place(s);

        assertThat(summary.breaks()).isEqualTo(2);
        assertThat(summary.awayFromNominal()).isEqualTo(2);
        assertThat(a.hasPlacedBreaks()).isTrue();
        assertThat(List.of(localStart(a.getBreaks().getFirst()), localStart(b.getBreaks().getFirst())))
                .containsExactlyInAnyOrder(LocalTime.of(10, 0), LocalTime.of(12, 0));
        assertThat(s.coveredShare()).isEqualTo(1.0).isGreaterThan(shareBefore);
        HardMediumSoftScore after = SCORES.update(s);
        assertThat(before.mediumScore()).isEqualTo(-2);
        assertThat(after.mediumScore()).isZero();
        // the rescored solution counts the placed breaks in every coverage rule
        assertThat(a.covers(slot(0, 11))).isTrue();
        assertThat(a.coverKeys()).hasSize(8).contains(new CoverKey(1L, slot(0, 11)));
    }

    @Test
    void aFixedBreakStays() {
        List<DemandUnit> units = demand(1, 1, 1, 1, 1, 1, 1, 1, 1);
        ShiftOption fixed = floating(0, "X", LocalTime.of(7, 0), 540, 240, 240, 60);
        OperatorDay a = work(op(1).skills(1L).build(), fixed, 1L);
        RosterSolution s = solution(units, List.of(a));

        BreakPlanner.Summary summary = planner.place(s);

        assertThat(summary.floating()).isZero();
        assertThat(summary.awayFromNominal()).isZero();
        assertThat(a.getBreaks()).extracting(BreakPlannerTest::localStart).containsExactly(LocalTime.of(11, 0));
        assertThat(a.coveredSlots()).isEqualTo(fixed.coveredSlots());
    }

    @Test
    void aPlacementIsForgottenWhenTheShiftChanges() {
        ShiftOption shift = dayWithMealWindow();
        OperatorDay a = work(op(1).skills(1L).build(), shift, 1L);
        planner.place(solution(demand(2, 2, 2, 1, 2, 1, 2, 2, 2), List.of(a)));
        assertThat(a.hasPlacedBreaks()).isTrue();
        a.setShift(RosterFixture.evening(0));
        assertThat(a.hasPlacedBreaks()).isFalse();
        assertThat(a.coveredSlots()).isEqualTo(RosterFixture.evening(0).coveredSlots());
        a.setShift(shift);
        assertThat(a.hasPlacedBreaks()).isTrue();
    }

    @Test
    void placedBreaksStayInsideTheirWindowsAndCoverageNeverDrops() {
        Random random = new Random(42);
        for (int round = 0; round < 40; round++) {
            List<DemandUnit> units = new ArrayList<>();
            for (int q = 1; q <= 2; q++) {
                for (int h = 0; h < 24; h++) {
                    units.add(new DemandUnit(units.size(), (long) q, slot(0, h), 0, "q" + q + " " + h, random.nextInt(4), 1, 1));
                }
            }
            List<OperatorDay> days = new ArrayList<>();
            for (int o = 1; o <= 8; o++) {
                int startHour = 6 + random.nextInt(8);
                int earliest = 120 + 60 * random.nextInt(3);
                int latest = earliest + 60 * random.nextInt(4);
                ShiftOption shift = floating(0, "R" + o, LocalTime.of(startHour, 0), 540, earliest, latest,
                        random.nextBoolean() ? 60 : 30);
                days.add(work(op(o).skills(1L, 2L).build(), shift, 1L + random.nextInt(2)));
            }
            RosterSolution s = solution(units, days);
            double before = s.coveredShare();
            HardMediumSoftScore scoreBefore = SCORES.update(s);

            planner.place(s);

            assertThat(s.coveredShare()).as("round %d", round).isGreaterThanOrEqualTo(before);
            HardMediumSoftScore scoreAfter = SCORES.update(s);
            assertThat(scoreAfter.compareTo(scoreBefore)).as("round %d: %s -> %s", round, scoreBefore, scoreAfter)
                    .isGreaterThanOrEqualTo(0);
            for (OperatorDay d : days) {
                BreakWindow w = d.getShift().unpaidBreaks().getFirst();
                PlacedBreak b = d.getBreaks().getFirst();
                assertThat(b.start()).isBetween(w.earliestStart(), w.latestStart());
                assertThat(Duration.between(b.start(), b.end()).toMinutes()).isEqualTo(w.lengthMinutes());
                assertThat(GRID.isBoundary(b.start())).isTrue();
                assertThat(d.coveredSlots()).isEqualTo(d.getShift().coveredSlotsWith(d.getBreaks()));
            }
        }
    }

    @Test
    void nominalStartIsTheGridStartNearestTheMiddleOfTheWindow() {
        Instant nine = RosterFixture.date(0).atTime(9, 0).atZone(RosterFixture.ZONE).toInstant();
        BreakWindow w = new BreakWindow(nine, nine.plusSeconds(3 * 3600), 60);
        assertThat(w.starts(GRID)).hasSize(4);
        // 09:00–12:00: the middle 10:30 is as near 10:00 as 11:00; the earlier wins
        assertThat(w.nominalStart(GRID)).isEqualTo(nine.plusSeconds(3600));
        // a window off the grid offers only its grid starts
        BreakWindow off = new BreakWindow(nine.plusSeconds(600), nine.plusSeconds(2 * 3600 + 600), 30);
        assertThat(off.starts(GRID)).containsExactly(nine.plusSeconds(3600), nine.plusSeconds(7200));
        assertThat(BreakWindow.fixed(nine.plusSeconds(600), 30).starts(GRID)).containsExactly(nine.plusSeconds(600));
    }
}
