package org.switchboard.rostering.curtois;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.switchboard.SharedData;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterSolverConfig;

/**
 * The Curtois–Qu instances read from ../shared, converted into the roster model, and the independent evaluator
 * against the solver's score: on every roster tried (constructed, solved, and randomly broken), feasible exactly when
 * the score has no hard penalty, and objective = −soft score when feasible.
 */
class CurtoisTest {

    static final SolverFactory<RosterSolution> FACTORY = SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(1), null));
    static final SolutionManager<RosterSolution, HardMediumSoftScore> SCORE = SolutionManager.create(FACTORY);

    /** Evaluator against score on one roster; {1} when feasible, {0} when not. */
    static int[] compare(CurtoisInstance in, RosterSolution r, int n) {
        HardMediumSoftScore score = SCORE.update(r);
        CurtoisEvaluator.Result result = CurtoisEvaluator.evaluate(in, CurtoisProblem.assignments(in, r));
        assertThat(result.feasible()).as("Instance%d %s: %s", n, score, result.violations()).isEqualTo(score.hardScore() == 0);
        assertThat(score.mediumScore()).isZero();
        // the objective is minus the soft score whether or not the roster is feasible
        assertThat(result.objective()).as("Instance%d", n).isEqualTo(-score.softScore());
        return new int[] {result.feasible() ? 1 : 0};
    }

    static CurtoisInstance instance(int n) throws Exception {
        return CurtoisInstance.read(SharedData.require("benchmarks/curtois/Instance" + n + ".txt"));
    }

    @Test
    void readsAllTwentyFourInstancesAsDocumented() throws Exception {
        Path best = SharedData.require("benchmarks/curtois/best_known.csv");
        List<String> rows = Files.readAllLines(best);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            int n = Integer.parseInt(f[0].replace("Instance", ""));
            CurtoisInstance in = instance(n);
            assertThat(in.staff()).as(f[0]).hasSize(Integer.parseInt(f[1]));
            assertThat(in.horizon()).as(f[0]).isEqualTo(Integer.parseInt(f[2]));
            assertThat(in.shifts()).as(f[0]).hasSize(Integer.parseInt(f[3]));
            assertThat(in.cover()).as(f[0]).hasSize(in.horizon() * in.shifts().size());
        }
        CurtoisInstance one = instance(1);
        assertThat(one.onRequests()).hasSize(21);
        assertThat(one.offRequests()).hasSize(5);
        assertThat(one.staff().getFirst()).isEqualTo(new CurtoisInstance.Staff("A", java.util.Map.of("D", 14), 4320, 3360, 5, 2, 2, 1));
    }

    @Test
    void refusesAMalformedLineNamingLineAndColumn() {
        List<String> lines = List.of("SECTION_HORIZON", "14", "", "SECTION_SHIFTS", "D,48O,", "");
        assertThatThrownBy(() -> CurtoisInstance.parse("Broken", lines))
                .hasMessageContaining("Broken line 5 column 2").hasMessageContaining("48O");
        assertThatThrownBy(() -> CurtoisInstance.parse("Short", List.of("SECTION_HORIZON", "14", "")))
                .hasMessageContaining("missing SECTION_SHIFTS");
    }

    @Test
    void evaluatorAndSolverScoreAgree() throws Exception {
        Random random = new Random(11);
        int feasible = 0;
        int infeasible = 0;
        for (int n : new int[] {1, 2, 3, 4, 7}) {
            CurtoisInstance in = instance(n);
            RosterSolution solved = FACTORY.buildSolver().solve(CurtoisProblem.toSolution(in));
            List<int[]> verdicts = new ArrayList<>();
            verdicts.add(compare(in, CurtoisProblem.toSolution(in), n));
            verdicts.add(compare(in, solved, n));
            List<OperatorDay> days = solved.getDays();
            for (int k = 0; k < 6; k++) {
                List<OperatorDay> changed = new ArrayList<>();
                List<org.switchboard.rostering.solver.ShiftOption> was = new ArrayList<>();
                for (int change = 1 + random.nextInt(3); change > 0; change--) {
                    OperatorDay d = days.get(random.nextInt(days.size()));
                    changed.add(d);
                    was.add(d.getShift());
                    // any shift type, also on a day off or one the employee may not work (unlike the solver's ranges)
                    d.setShift(random.nextInt(3) == 0 ? null : solved.getShiftOptions().stream()
                            .filter(o -> o.dayIndex() == d.getDayIndex()).skip(random.nextInt(in.shifts().size())).findFirst().orElseThrow());
                }
                verdicts.add(compare(in, solved, n));
                for (int i = changed.size() - 1; i >= 0; i--) {
                    changed.get(i).setShift(was.get(i));
                }
            }
            for (int[] v : verdicts) {
                if (v[0] == 1) {
                    feasible++;
                } else {
                    infeasible++;
                }
            }
        }
        assertThat(feasible).isGreaterThanOrEqualTo(5);
        assertThat(infeasible).isGreaterThanOrEqualTo(5);
    }
}
