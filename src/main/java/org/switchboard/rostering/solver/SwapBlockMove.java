package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Two operators trade their days for one to seven days in a row: the coverage stays as it is (where both can work
 * each other's shifts and queues) while hours, runs, weekends and wishes move between them. The standard
 * neighbourhood of nurse rostering; single swaps of one day rarely keep both operators' runs of days legal. A day is
 * left out of the trade when either side is pinned or cannot take the other's shift (not in its options); a queue
 * the taker lacks the skill for becomes the taker's own queue of that day, or its first skill.
 */
public final class SwapBlockMove {

    static final int MAX_DAYS = 7;

    private SwapBlockMove() {
    }

    /** Random moves only. */
    public static class Factory extends RandomMoveFactory<ChangeDaysMove> {

        private RosterSolution rowsOf;
        private List<OperatorDay[]> rows;

        @Override
        public Iterator<ChangeDaysMove> createRandomMoveIterator(ScoreDirector<RosterSolution> sd, Random random) {
            List<OperatorDay[]> operators = rows(sd.getWorkingSolution());
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return operators.size() > 1;
                }

                @Override
                public ChangeDaysMove next() {
                    int a = random.nextInt(operators.size());
                    int b = random.nextInt(operators.size() - 1);
                    if (b >= a) {
                        b++;
                    }
                    OperatorDay[] x = operators.get(a);
                    OperatorDay[] y = operators.get(b);
                    int length = 1 + random.nextInt(Math.min(MAX_DAYS, x.length));
                    int from = random.nextInt(x.length - length + 1);
                    return swap(x, y, from, length);
                }
            };
        }

        /** Each operator's period days by day index (the entities stay the same objects while a solver runs). */
        private List<OperatorDay[]> rows(RosterSolution solution) {
            if (solution != rowsOf) {
                int periodDays = 0;
                for (OperatorDay d : solution.getDays()) {
                    if (d.isInPeriod()) {
                        periodDays = Math.max(periodDays, d.getDayIndex() + 1);
                    }
                }
                Map<Long, OperatorDay[]> byOperator = new HashMap<>();
                for (OperatorDay d : solution.getDays()) {
                    if (d.isInPeriod()) {
                        byOperator.computeIfAbsent(d.operatorId(), k -> new OperatorDay[0]);
                    }
                }
                int days = periodDays;
                byOperator.replaceAll((k, v) -> new OperatorDay[days]);
                for (OperatorDay d : solution.getDays()) {
                    if (d.isInPeriod()) {
                        byOperator.get(d.operatorId())[d.getDayIndex()] = d;
                    }
                }
                rows = new ArrayList<>(byOperator.values());
                rowsOf = solution;
            }
            return rows;
        }

        static ChangeDaysMove swap(OperatorDay[] x, OperatorDay[] y, int from, int length) {
            List<OperatorDay> days = new ArrayList<>();
            List<ShiftOption> shifts = new ArrayList<>();
            List<Long> queues = new ArrayList<>();
            for (int i = from; i < from + length && i < x.length; i++) {
                OperatorDay p = x[i];
                OperatorDay q = y[i];
                if (p == null || q == null || p.isPinned() || q.isPinned()
                        || (Objects.equals(p.getShift(), q.getShift()) && Objects.equals(p.getQueue(), q.getQueue()))
                        || !takes(p, q.getShift()) || !takes(q, p.getShift())) {
                    continue;
                }
                days.add(p);
                shifts.add(q.getShift());
                queues.add(queueFor(p, q));
                days.add(q);
                shifts.add(p.getShift());
                queues.add(queueFor(q, p));
            }
            return new ChangeDaysMove("swap days", days, shifts, queues);
        }

        private static boolean takes(OperatorDay day, ShiftOption shift) {
            return shift == null || day.getShiftRange().contains(shift);
        }

        /** The queue {@code taker} works when it takes {@code giver}'s shift. */
        private static Long queueFor(OperatorDay taker, OperatorDay giver) {
            if (giver.getShift() == null) {
                return taker.getQueue();
            }
            List<Long> skills = taker.getQueueRange();
            if (skills.isEmpty() || (giver.getQueue() != null && skills.contains(giver.getQueue()))) {
                return giver.getQueue();
            }
            return taker.getQueue() != null && skills.contains(taker.getQueue()) ? taker.getQueue() : skills.getFirst();
        }
    }
}
