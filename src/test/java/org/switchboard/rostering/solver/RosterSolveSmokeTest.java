package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.rostering.solver.RosterFixture.GRID_START;
import static org.switchboard.rostering.solver.RosterFixture.START;
import static org.switchboard.rostering.solver.RosterFixture.ZONE;
import static org.switchboard.rostering.solver.RosterFixture.op;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * A generated week (12 operators, 2 queues, hourly demand with a day peak, over the DST change; day shifts with a
 * floating meal hour; one operator with a published week to stay close to) solved for 5 s, then its breaks placed.
 */
class RosterSolveSmokeTest {

    static final int DAYS = 7;

    @Test
    void solvesAGeneratedWeekWithoutHardViolationsAndCoversMostDemand() {
        SolverFactory<RosterSolution> factory = SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(5), null));
        SolutionManager<RosterSolution, HardMediumSoftScore> manager = SolutionManager.create(factory);

        HardMediumSoftScore empty = manager.update(instance());
        RosterSolution solved = factory.buildSolver().solve(instance());
        HardMediumSoftScore score = solved.getScore();

        assertThat(empty.mediumScore()).isLessThan(-300);
        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).as("shortage at most a third of the empty roster's, %s", score)
                .isGreaterThan(empty.mediumScore() / 3);
        assertThat(manager.update(solved)).isEqualTo(score);
        // pinned days (the previous roster's last night, a published day) are kept; hard 0 means the rest
        // after that night was respected across the period start
        OperatorDay before = solved.getDays().stream().filter(d -> !d.isInPeriod()).findFirst().orElseThrow();
        assertThat(before.getShift().templateCode()).isEqualTo("N");
        OperatorDay published = solved.getDays().stream()
                .filter(d -> d.isPinned() && d.isInPeriod()).findFirst().orElseThrow();
        assertThat(published.getShift().templateCode()).isEqualTo("D");
        assertThat(published.getQueue()).isEqualTo(2L);

        double share = solved.coveredShare();
        BreakPlanner.Summary placed = new BreakPlanner().place(solved);
        assertThat(placed.floating()).isPositive();
        assertThat(solved.coveredShare()).isGreaterThanOrEqualTo(share);
        HardMediumSoftScore afterBreaks = manager.update(solved);
        assertThat(afterBreaks.hardScore()).isZero();
        assertThat(afterBreaks.mediumScore()).isGreaterThanOrEqualTo(score.mediumScore());
    }

    @Test
    void incrementalScoresMatchFullRecalculation() {
        // FULL_ASSERT recalculates the score from scratch after every move and fails on any difference
        var config = RosterSolverConfig.create(Duration.ofSeconds(2), null)
                .withEnvironmentMode(org.optaplanner.core.config.solver.EnvironmentMode.FULL_ASSERT);
        RosterSolution solved = SolverFactory.<RosterSolution>create(config).buildSolver().solve(instance());
        assertThat(solved.getScore()).isNotNull();
    }

    static RosterSolution instance() {
        List<SolverOperator> operators = new ArrayList<>();
        for (long id = 1; id <= 12; id++) {
            RosterFixture.Op o = op(id).skills(id <= 8 ? new Long[] {1L, 2L} : new Long[] {1L});
            operators.add((id <= 8 ? o : o.noNights()).build());
        }
        List<ShiftOption> options = new ArrayList<>();
        List<List<ShiftOption>> byDay = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            // the day shift's meal hour floats from 11:00 to 13:00 (nominally 12:00, as RosterFixture.day)
            List<ShiftOption> day = List.of(RosterFixture.floating(d, "D", java.time.LocalTime.of(7, 0), 540, 240, 360, 60),
                    RosterFixture.evening(d), RosterFixture.night(d));
            byDay.add(day);
            options.addAll(day);
        }
        List<DemandUnit> units = new ArrayList<>();
        Instant end = START.plusDays(DAYS).atStartOfDay(ZONE).toInstant();
        int slot = 0;
        for (Instant t = GRID_START; t.isBefore(end); t = t.plus(1, ChronoUnit.HOURS), slot++) {
            var local = t.atZone(ZONE);
            int dayIndex = (int) ChronoUnit.DAYS.between(START, local.toLocalDate());
            int h = local.getHour();
            int q1 = h >= 8 && h < 17 ? 3 : (h >= 6 && h < 22) ? 2 : 1;
            units.add(new DemandUnit(units.size(), 1L, slot, dayIndex, "q1 " + local, q1, 1, 1));
            units.add(new DemandUnit(units.size(), 2L, slot, dayIndex, "q2 " + local, h >= 8 && h < 20 ? 1 : 0, 1, 1));
        }
        List<OperatorDay> days = new ArrayList<>();
        ShiftOption previousNight = RosterFixture.night(-1);
        options.add(previousNight);
        days.add(new OperatorDay(operators.get(0), previousNight.date(), -1, false, true, List.of(previousNight), previousNight, 1L));
        for (SolverOperator o : operators) {
            for (int d = 0; d < DAYS; d++) {
                List<ShiftOption> allowed = byDay.get(d).stream().filter(s -> o.nightEligible() || !s.isNight()).toList();
                if (o.id() == 2 && d == 3) {
                    days.add(new OperatorDay(o, RosterFixture.date(d), d, true, true, allowed, allowed.get(0), 2L));
                } else {
                    OperatorDay open = OperatorDay.open(o, RosterFixture.date(d), d, allowed);
                    if (o.id() == 5) {
                        // a published week of evenings on queue 1, to replan against
                        open.setPublished(d % 3 == 2 ? null : allowed.get(1).id(), d % 3 == 2 ? null : 1L);
                    }
                    days.add(open);
                }
            }
        }
        return new RosterSolution(operators, options, units, List.of(), List.of(), new RosterWeights(), days);
    }
}
