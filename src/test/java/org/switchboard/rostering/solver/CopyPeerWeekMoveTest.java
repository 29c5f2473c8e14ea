package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.rostering.solver.RosterFixture.day;
import static org.switchboard.rostering.solver.RosterFixture.evening;
import static org.switchboard.rostering.solver.RosterFixture.op;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/** The copy-a-peer's-week move: copies a peer's shifts over seven days, leaves pinned days, undoes exactly. */
class CopyPeerWeekMoveTest {

    @Test
    void copiesThePeersWeekKeepsPinnedDaysAndUndoes() {
        SolverOperator a = op(1).skills(1L).build();
        SolverOperator peer = op(2).skills(1L).build();
        SolverOperator other = op(3).skills(1L).maxWeek(20 * 60).build(); // other terms: never a peer
        List<OperatorDay> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            List<ShiftOption> options = List.of(day(d), evening(d));
            OperatorDay mine = new OperatorDay(a, RosterFixture.date(d), d, true, d == 2, options, d == 2 ? evening(d) : null, 1L);
            days.add(mine);
            days.add(new OperatorDay(peer, RosterFixture.date(d), d, true, false, options, d < 5 ? day(d) : null, 1L));
            days.add(new OperatorDay(other, RosterFixture.date(d), d, true, false, options, evening(d), 1L));
        }
        RosterSolution solution = new RosterSolution(List.of(a, peer, other), List.of(), List.of(), List.of(), List.of(),
                new RosterWeights(), days);

        DefaultSolverFactory<RosterSolution> factory = (DefaultSolverFactory<RosterSolution>) SolverFactory
                .<RosterSolution>create(RosterSolverConfig.create(Duration.ofSeconds(1), null));
        try (InnerScoreDirector<RosterSolution, HardMediumSoftScore> sd =
                (InnerScoreDirector<RosterSolution, HardMediumSoftScore>) factory.getScoreDirectorFactory().buildScoreDirector()) {
            sd.setWorkingSolution(solution);
            sd.calculateScore();
            Iterator<ChangeDaysMove> moves = new CopyPeerWeekMove.Factory().createRandomMoveIterator(sd, new Random(7));
            ChangeDaysMove move = null;
            for (int i = 0; i < 200 && move == null; i++) {
                ChangeDaysMove m = moves.next();
                if (!m.getPlanningEntities().isEmpty() && m.getPlanningEntities().getFirst().operatorId() == 1) {
                    move = m;
                }
            }
            assertThat(move).as("a move giving operator 1 the peer's week").isNotNull();
            assertThat(move.getPlanningEntities()).allMatch(d -> d.operatorId() == 1 && !d.isPinned());

            var undo = move.doMove(sd);
            for (OperatorDay d : days) {
                if (d.operatorId() == 1) {
                    ShiftOption expected = d.getDayIndex() == 2 ? evening(2) : d.getDayIndex() < 5 ? day(d.getDayIndex()) : null;
                    assertThat(d.getShift()).as("day %d", d.getDayIndex()).isEqualTo(expected);
                }
            }
            undo.doMove(sd);
            assertThat(days).filteredOn(d -> d.operatorId() == 1).allMatch(d -> d.getDayIndex() == 2 ? d.isWorking() : !d.isWorking());
        }
    }
}
