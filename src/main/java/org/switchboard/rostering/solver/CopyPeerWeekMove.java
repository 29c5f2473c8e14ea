package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Gives an operator, for seven days in a row, the shifts a peer works on those days: a peer is another operator with
 * the same contract terms and night eligibility, so the peer's week is legal for this operator too (rest and runs
 * across the window's edges aside). Contract rules with little slack (exact weekly hours, at most a few days in a
 * row, two days off in a row, rest after nights, two weekends a month) leave few legal weeks, and reaching one from
 * another takes several single-day changes that each break a rule on the way; a local search stuck one or two shifts
 * short of a contract's minimum leaves that state with this move. Queues: the peer's queue when the operator has that
 * skill, else the operator's own or first skill. Pinned days are left as they are.
 */
public final class CopyPeerWeekMove {

    static final int WINDOW = 7;

    private CopyPeerWeekMove() {
    }

    /** Contract terms that make two operators peers. */
    private record Terms(boolean night, int maxWeek, int minPeriod, int maxPeriod, int maxDays, int minOff, int rest,
            int maxNights, int restAfterNights, int maxWeekends, Map<?, ?> perKind) {

        static Terms of(SolverOperator o) {
            return new Terms(o.nightEligible(), o.maxMinutesPerWeek(), o.minMinutesPerPeriod(), o.maxMinutesPerPeriod(),
                    o.maxConsecutiveDays(), o.minConsecutiveDaysOff(), o.minRestMinutes(), o.maxNightsInRow(),
                    o.minRestAfterNightsMinutes(), o.maxWeekendsPerPeriod(), o.maxShiftsPerKind());
        }
    }

    /** Random moves only: a random operator with peers, a random window of seven period days, a random peer. */
    public static class Factory extends RandomMoveFactory<ChangeDaysMove> {

        private record Peers(Map<Long, OperatorDay[]> byOperator, List<List<Long>> groups, int days) {
        }

        /** Each operator's period days by day index, and the operators grouped by contract terms. */
        private static Peers peers(RosterSolution solution) {
            Map<Long, OperatorDay[]> byOperator = new HashMap<>();
            int periodDays = 0;
            for (OperatorDay d : solution.getDays()) {
                if (d.isInPeriod()) {
                    periodDays = Math.max(periodDays, d.getDayIndex() + 1);
                }
            }
            Map<Terms, List<Long>> peers = new HashMap<>();
            for (OperatorDay d : solution.getDays()) {
                if (d.isInPeriod()) {
                    OperatorDay[] row = byOperator.get(d.operatorId());
                    if (row == null) {
                        row = new OperatorDay[periodDays];
                        byOperator.put(d.operatorId(), row);
                        peers.computeIfAbsent(Terms.of(d.getOperator()), k -> new ArrayList<>()).add(d.operatorId());
                    }
                    row[d.getDayIndex()] = d;
                }
            }
            List<List<Long>> groups = peers.values().stream().filter(g -> g.size() > 1)
                    .sorted(Comparator.comparing(g -> g.get(0))).toList();
            return new Peers(byOperator, groups, periodDays);
        }

        @Override
        public Iterator<ChangeDaysMove> createRandomMoveIterator(ScoreDirector<RosterSolution> sd, Random random) {
            Peers prepared = perSolution(sd.getWorkingSolution(), Factory::peers);
            Map<Long, OperatorDay[]> byOperator = prepared.byOperator();
            List<List<Long>> groups = prepared.groups();
            int days = prepared.days();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return !groups.isEmpty() && days > 0;
                }

                @Override
                public ChangeDaysMove next() {
                    List<Long> group = groups.get(random.nextInt(groups.size()));
                    long target = group.get(random.nextInt(group.size()));
                    long peer = group.get(random.nextInt(group.size()));
                    OperatorDay[] mine = byOperator.get(target);
                    OperatorDay[] theirs = byOperator.get(peer);
                    int length = Math.min(WINDOW, days);
                    int from = random.nextInt(days - length + 1);
                    List<OperatorDay> changed = new ArrayList<>(length);
                    List<ShiftOption> shifts = new ArrayList<>(length);
                    List<Long> queues = new ArrayList<>(length);
                    for (int i = from; i < from + length; i++) {
                        OperatorDay day = mine[i];
                        OperatorDay model = theirs[i];
                        if (day == null || model == null || day.isPinned() || peer == target) {
                            continue;
                        }
                        ShiftOption shift = model.getShift();
                        if (shift != null && !day.getShiftRange().contains(shift)) {
                            continue;
                        }
                        List<Long> skills = day.getQueueRange();
                        Long queue = shift == null ? day.getQueue()
                                : model.getQueue() != null && skills.contains(model.getQueue()) ? model.getQueue()
                                : day.getQueue() != null && skills.contains(day.getQueue()) ? day.getQueue()
                                : skills.isEmpty() ? null : skills.get(0);
                        if (Objects.equals(day.getShift(), shift) && Objects.equals(day.getQueue(), queue)) {
                            continue;
                        }
                        changed.add(day);
                        shifts.add(shift);
                        queues.add(queue);
                    }
                    return new ChangeDaysMove("copy a peer's week", changed, shifts, queues);
                }
            };
        }
    }
}
