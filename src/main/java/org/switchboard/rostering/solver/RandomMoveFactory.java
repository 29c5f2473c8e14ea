package org.switchboard.rostering.solver;

import java.util.Iterator;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/** A move factory for random selection only (the roster's custom moves), sized by the operator-days. */
abstract class RandomMoveFactory<M extends Move<RosterSolution>> implements MoveIteratorFactory<RosterSolution, M> {

    private RosterSolution preparedFor;
    private Object prepared;

    /**
     * What {@code build} makes of the solution's structure (days grouped by operator and the like), computed once per
     * working solution rather than at every step: the days stay the same objects while a phase runs, only their
     * values change. On 150 operators × 364 days rebuilding these groupings at every step took a fifth of the time.
     */
    @SuppressWarnings("unchecked")
    protected <T> T perSolution(RosterSolution solution, java.util.function.Function<RosterSolution, T> build) {
        if (solution != preparedFor) {
            prepared = build.apply(solution);
            preparedFor = solution;
        }
        return (T) prepared;
    }

    @Override
    public long getSize(ScoreDirector<RosterSolution> sd) {
        return sd.getWorkingSolution().getDays().size();
    }

    @Override
    public Iterator<M> createOriginalMoveIterator(ScoreDirector<RosterSolution> sd) {
        throw new UnsupportedOperationException("Only random selection");
    }
}
