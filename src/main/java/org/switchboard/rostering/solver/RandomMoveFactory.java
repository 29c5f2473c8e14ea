package org.switchboard.rostering.solver;

import java.util.Iterator;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/** A move factory for random selection only (the roster's custom moves), sized by the operator-days. */
abstract class RandomMoveFactory<M extends Move<RosterSolution>> implements MoveIteratorFactory<RosterSolution, M> {

    @Override
    public long getSize(ScoreDirector<RosterSolution> sd) {
        return sd.getWorkingSolution().getDays().size();
    }

    @Override
    public Iterator<M> createOriginalMoveIterator(ScoreDirector<RosterSolution> sd) {
        throw new UnsupportedOperationException("Only random selection");
    }
}
