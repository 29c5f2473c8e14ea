package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Moves an operator's work from one day to another day of the same operator: the working day becomes a day off and
 * the day off gets a shift (and a queue). With date-specific shift options and exact contract hours this needs two
 * change moves at once; done one at a time, the first always breaks the contract minimum (or maximum), so a local
 * search stuck with e.g. one day too many in a row would not leave it.
 */
public final class ShiftToOtherDayMove extends AbstractMove<RosterSolution> {

    private final OperatorDay from;
    private final ShiftOption fromShift;
    private final Long fromQueue;
    private final OperatorDay to;
    private final ShiftOption toShift;
    private final Long toQueue;

    ShiftToOtherDayMove(OperatorDay from, ShiftOption fromShift, Long fromQueue, OperatorDay to, ShiftOption toShift,
            Long toQueue) {
        this.from = from;
        this.fromShift = fromShift;
        this.fromQueue = fromQueue;
        this.to = to;
        this.toShift = toShift;
        this.toQueue = toQueue;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<RosterSolution> scoreDirector) {
        return !(Objects.equals(from.getShift(), fromShift) && Objects.equals(from.getQueue(), fromQueue)
                && Objects.equals(to.getShift(), toShift) && Objects.equals(to.getQueue(), toQueue));
    }

    @Override
    protected ShiftToOtherDayMove createUndoMove(ScoreDirector<RosterSolution> scoreDirector) {
        return new ShiftToOtherDayMove(from, from.getShift(), from.getQueue(), to, to.getShift(), to.getQueue());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<RosterSolution> sd) {
        set(sd, from, fromShift, fromQueue);
        set(sd, to, toShift, toQueue);
    }

    private static void set(ScoreDirector<RosterSolution> sd, OperatorDay day, ShiftOption shift, Long queue) {
        sd.beforeVariableChanged(day, "shift");
        day.setShift(shift);
        sd.afterVariableChanged(day, "shift");
        sd.beforeVariableChanged(day, "queue");
        day.setQueue(queue);
        sd.afterVariableChanged(day, "queue");
    }

    @Override
    public ShiftToOtherDayMove rebase(ScoreDirector<RosterSolution> sd) {
        return new ShiftToOtherDayMove(sd.lookUpWorkingObject(from), sd.lookUpWorkingObject(fromShift), fromQueue,
                sd.lookUpWorkingObject(to), sd.lookUpWorkingObject(toShift), toQueue);
    }

    @Override
    public List<OperatorDay> getPlanningEntities() {
        return List.of(from, to);
    }

    @Override
    public List<Object> getPlanningValues() {
        List<Object> values = new ArrayList<>();
        if (toShift != null) {
            values.add(toShift);
        }
        if (toQueue != null) {
            values.add(toQueue);
        }
        return values;
    }

    @Override
    public String toString() {
        return from + " -> " + to + " as " + toShift + "/" + toQueue;
    }

    /**
     * Random moves only: a random working day, a random day off of the same operator, and there half the time the
     * same template at the same start where offered (the shift moved as it is), otherwise a random option of that day.
     */
    public static class Factory extends RandomMoveFactory<ShiftToOtherDayMove> {

        private record Movable(List<OperatorDay> days, Map<Long, List<OperatorDay>> byOperator) {
        }

        @Override
        public long getSize(ScoreDirector<RosterSolution> sd) {
            return (long) sd.getWorkingSolution().getDays().size() * 7;
        }

        @Override
        public Iterator<ShiftToOtherDayMove> createRandomMoveIterator(ScoreDirector<RosterSolution> sd, Random random) {
            Movable prepared = perSolution(sd.getWorkingSolution(), solution -> {
                List<OperatorDay> days = solution.getDays().stream().filter(d -> d.isInPeriod() && !d.isPinned()).toList();
                return new Movable(days, days.stream().collect(Collectors.groupingBy(OperatorDay::operatorId)));
            });
            List<OperatorDay> movable = prepared.days();
            Map<Long, List<OperatorDay>> byOperator = prepared.byOperator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return !movable.isEmpty();
                }

                @Override
                public ShiftToOtherDayMove next() {
                    for (int attempt = 0; attempt < 100; attempt++) {
                        OperatorDay from = movable.get(random.nextInt(movable.size()));
                        if (!from.isWorking()) {
                            continue;
                        }
                        List<OperatorDay> own = byOperator.get(from.operatorId());
                        OperatorDay to = own.get(random.nextInt(own.size()));
                        if (to.isWorking() || to.getShiftRange().isEmpty()) {
                            continue;
                        }
                        // half the time the same template at the same start if offered (keeps the paid minutes
                        // and the start time), else any option of that day
                        String code = from.getShift().templateCode();
                        java.time.LocalTime at = from.getShift().localStart();
                        ShiftOption same = random.nextBoolean() ? to.getShiftRange().stream()
                                .filter(o -> o.templateCode().equals(code))
                                .min(java.util.Comparator.comparing((ShiftOption o) -> !o.localStart().equals(at)))
                                .orElse(null) : null;
                        ShiftOption shift = same != null ? same
                                : to.getShiftRange().get(random.nextInt(to.getShiftRange().size()));
                        List<Long> queues = to.getQueueRange();
                        Long queue = from.getQueue() != null && queues.contains(from.getQueue()) ? from.getQueue()
                                : queues.isEmpty() ? null : queues.get(random.nextInt(queues.size()));
                        return new ShiftToOtherDayMove(from, null, from.getQueue(), to, shift, queue);
                    }
                    // nothing found quickly: a move that is not doable, which the solver skips
                    OperatorDay any = movable.get(random.nextInt(movable.size()));
                    return new ShiftToOtherDayMove(any, any.getShift(), any.getQueue(), any, any.getShift(), any.getQueue());
                }
            };
        }
    }
}
