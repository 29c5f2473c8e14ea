package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Sets several operator-days at once (shift and queue each): the move behind {@link CopyPeerWeekMove} and
 * {@link WeekHoursRepair}, whose changes only make sense together.
 */
public final class ChangeDaysMove extends AbstractMove<RosterSolution> {

    private final List<OperatorDay> days;
    private final List<ShiftOption> shifts;
    private final List<Long> queues;
    private final String label;

    ChangeDaysMove(String label, List<OperatorDay> days, List<ShiftOption> shifts, List<Long> queues) {
        this.label = label;
        this.days = days;
        this.shifts = shifts;
        this.queues = queues;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<RosterSolution> scoreDirector) {
        for (int i = 0; i < days.size(); i++) {
            if (!Objects.equals(days.get(i).getShift(), shifts.get(i)) || !Objects.equals(days.get(i).getQueue(), queues.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ChangeDaysMove createUndoMove(ScoreDirector<RosterSolution> scoreDirector) {
        return new ChangeDaysMove(label, days, days.stream().map(OperatorDay::getShift).toList(),
                days.stream().map(OperatorDay::getQueue).toList());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<RosterSolution> sd) {
        for (int i = 0; i < days.size(); i++) {
            OperatorDay day = days.get(i);
            sd.beforeVariableChanged(day, "shift");
            day.setShift(shifts.get(i));
            sd.afterVariableChanged(day, "shift");
            sd.beforeVariableChanged(day, "queue");
            day.setQueue(queues.get(i));
            sd.afterVariableChanged(day, "queue");
        }
    }

    @Override
    public ChangeDaysMove rebase(ScoreDirector<RosterSolution> sd) {
        return new ChangeDaysMove(label, days.stream().map(sd::lookUpWorkingObject).toList(),
                shifts.stream().map(s -> s == null ? null : sd.lookUpWorkingObject(s)).toList(), queues);
    }

    @Override
    public List<OperatorDay> getPlanningEntities() {
        return days;
    }

    @Override
    public List<Object> getPlanningValues() {
        List<Object> values = new ArrayList<>();
        shifts.stream().filter(Objects::nonNull).forEach(values::add);
        queues.stream().filter(Objects::nonNull).forEach(values::add);
        return values;
    }

    @Override
    public String toString() {
        return label + ": " + days + " <- " + shifts;
    }
}
