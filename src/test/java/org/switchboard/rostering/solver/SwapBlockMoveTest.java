package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.rostering.solver.RosterFixture.day;
import static org.switchboard.rostering.solver.RosterFixture.evening;
import static org.switchboard.rostering.solver.RosterFixture.op;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/** Two operators trade days: pinned days stay, a queue the taker lacks becomes its own, and undo restores all. */
class SwapBlockMoveTest {

    @Test
    void tradesDaysButNotPinnedOnesAndKeepsQueuesWithinSkills() {
        SolverOperator a = op(1).skills(1L, 2L).build();
        SolverOperator b = op(2).skills(1L).build();
        OperatorDay[] x = new OperatorDay[4];
        OperatorDay[] y = new OperatorDay[4];
        for (int d = 0; d < 4; d++) {
            List<ShiftOption> options = List.of(day(d), evening(d));
            x[d] = new OperatorDay(a, RosterFixture.date(d), d, true, false, options, d < 3 ? day(d) : null, d < 3 ? 2L : null);
            y[d] = new OperatorDay(b, RosterFixture.date(d), d, true, d == 1, options, evening(d), 1L);
        }
        ChangeDaysMove move = SwapBlockMove.Factory.swap(x, y, 0, 4);
        assertThat(move.getPlanningEntities()).containsExactlyInAnyOrder(x[0], y[0], x[2], y[2], x[3], y[3]);

        RosterSolution solution = new RosterSolution(List.of(a, b), List.of(), List.of(), List.of(), List.of(),
                new RosterWeights(), List.of(x[0], x[1], x[2], x[3], y[0], y[1], y[2], y[3]));
        DefaultSolverFactory<RosterSolution> factory = (DefaultSolverFactory<RosterSolution>) SolverFactory
                .<RosterSolution>create(RosterSolverConfig.create(Duration.ofSeconds(1), null));
        try (InnerScoreDirector<RosterSolution, HardMediumSoftScore> sd =
                (InnerScoreDirector<RosterSolution, HardMediumSoftScore>) factory.getScoreDirectorFactory().buildScoreDirector()) {
            sd.setWorkingSolution(solution);
            HardMediumSoftScore before = sd.calculateScore();
            var undo = move.doMove(sd);
            assertThat(x[0].getShift()).isEqualTo(evening(0));
            assertThat(x[0].getQueue()).isEqualTo(1L);
            assertThat(y[0].getShift()).isEqualTo(day(0));
            assertThat(y[0].getQueue()).as("b has no skill for queue 2 and keeps its own").isEqualTo(1L);
            assertThat(x[1].getShift()).isEqualTo(day(1));
            assertThat(y[1].getShift()).isEqualTo(evening(1));
            assertThat(x[3].getShift()).isEqualTo(evening(3));
            assertThat(y[3].isWorking()).isFalse();
            undo.doMove(sd);
            assertThat(sd.calculateScore()).isEqualTo(before);
            assertThat(x[0].getShift()).isEqualTo(day(0));
            assertThat(x[0].getQueue()).isEqualTo(2L);
        }
    }
}
