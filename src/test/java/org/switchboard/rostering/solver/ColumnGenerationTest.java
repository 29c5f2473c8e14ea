package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.switchboard.SharedData;
import org.switchboard.rostering.curtois.CurtoisEvaluator;
import org.switchboard.rostering.curtois.CurtoisInstance;
import org.switchboard.rostering.curtois.CurtoisProblem;

/**
 * Column generation and the integer choice among the plans, with OR-Tools' real LP and MIP solvers: on a Curtois–Qu
 * instance with a proven optimum, on the call-center fixture of {@link PatternConstructionTest}, and with no time.
 */
class ColumnGenerationTest {

    @BeforeAll
    static void ortoolsLoads() {
        // the platform this project is built and tested on has OR-Tools' native libraries; elsewhere the phase is skipped
        assertThat(ColumnGeneration.available()).isTrue();
    }

    private static ColumnGeneration.Report run(RosterSolution s, long budgetMillis, Map<String, Integer> changes) {
        return ColumnGeneration.run(s, budgetMillis, (d, c) -> {
            changes.merge(d.getId(), 1, Integer::sum);
            d.setShift(c.shift());
            d.setQueue(c.shift() == null ? d.getQueue() : c.queue());
        });
    }

    @Test
    void reachesTheProvenOptimumOfCurtoisInstance2FromTheConstruction() throws Exception {
        CurtoisInstance in = CurtoisInstance.read(SharedData.require("benchmarks/curtois/Instance2.txt"));
        RosterSolution s = CurtoisProblem.toSolution(in);
        PatternConstructionTest.construct(s);
        int built = CurtoisEvaluator.evaluate(in, CurtoisProblem.assignments(in, s)).objective();

        ColumnGeneration.Report report = run(s, 20_000, new HashMap<>());
        CurtoisEvaluator.Result result = CurtoisEvaluator.evaluate(in, CurtoisProblem.assignments(in, s));
        HardMediumSoftScore score = PatternConstructionTest.SCORE.update(s);

        assertThat(report.converged()).as("%s", report).isTrue();
        assertThat(report.dives()).as("%s", report).isPositive();
        assertThat(report.kept()).as("%s", report).isTrue();
        // the model's values are the benchmark objective (coverage and wishes, the offset of days off included)
        assertThat(report.before()).isCloseTo(built, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(report.after()).isCloseTo(-score.softScore(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(result.feasible()).as("%s", result.violations()).isTrue();
        assertThat(score.hardScore()).isZero();
        // 828 is the proven optimum (best_known.csv); the construction alone is far off
        assertThat(built).isGreaterThan(1_000);
        assertThat(result.objective()).as("%s", report).isEqualTo(828);
        assertThat(report.bound()).isLessThanOrEqualTo(report.after() + 1e-6);
        // every pricing search of the last round finished: the linear bound is a true lower bound of the optimum
        assertThat(report.exact()).as("%s", report).isTrue();
        assertThat(report.bound()).isLessThanOrEqualTo(828 + 1e-6);
    }

    @Test
    void coversMoreOfACallCentersDemandKeepingTheRosterLegalAndPinnedDays() {
        RosterSolution s = PatternConstructionTest.instance();
        PatternConstructionTest.construct(s);
        HardMediumSoftScore built = PatternConstructionTest.SCORE.update(s);
        Map<String, Object> pinned = new HashMap<>();
        s.getDays().stream().filter(OperatorDay::isPinned).forEach(d -> pinned.put(d.getId(), d.getShift()));

        Map<String, Integer> changes = new HashMap<>();
        ColumnGeneration.Report report = run(s, 20_000, changes);
        HardMediumSoftScore after = PatternConstructionTest.SCORE.update(s);

        assertThat(report.rounds()).isPositive();
        assertThat(report.kept()).as("%s", report).isTrue();
        assertThat(report.after()).isLessThan(report.before());
        assertThat(after.hardScore()).isZero();
        assertThat(after.mediumScore()).as("after %s, built %s (%s)", after, built, report).isGreaterThan(built.mediumScore());
        assertThat(changes).isNotEmpty().doesNotContainKeys(pinned.keySet().toArray(String[]::new));
        s.getDays().stream().filter(OperatorDay::isPinned).forEach(d -> assertThat(d.getShift()).isEqualTo(pinned.get(d.getId())));
    }

    @Test
    void aSolvesOwnTimeLimitCapsTheBudgetAndSurvivesThePlanningClone() {
        RosterSolution s = PatternConstructionTest.instance();
        // the application configures the solver for its maximum (an hour) and stops it after the seconds asked
        assertThat(s.budgetMillis(1_440_000, ColumnGeneration.SHARE_OF_LIMIT)).isEqualTo(1_440_000);
        s.setTimeLimitMillis(20_000L);
        RosterSolution clone = new RosterSolutionCloner().cloneSolution(s);
        assertThat(clone.budgetMillis(1_440_000, ColumnGeneration.SHARE_OF_LIMIT)).isEqualTo(8_000);
        assertThat(clone.budgetMillis(720_000, PatternSweep.SHARE_OF_LIMIT)).isEqualTo(4_000);
        assertThat(clone.budgetMillis(2_000, ColumnGeneration.SHARE_OF_LIMIT)).isEqualTo(2_000);
    }

    @Test
    void aSpentBudgetChangesNothing() {
        RosterSolution s = PatternConstructionTest.instance();
        PatternConstructionTest.construct(s);
        Map<String, Integer> changes = new HashMap<>();

        ColumnGeneration.Report report = run(s, 0, changes);

        assertThat(report.rounds()).isZero();
        assertThat(report.kept()).isFalse();
        assertThat(changes).isEmpty();
    }
}
