package org.switchboard.rostering.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demand still uncovered, per (queue, slot): operators still required, and the weights of a missing and of a
 * surplus operator there. What {@link PatternConstruction} and {@link RebuildOperatorMove} rate shifts by, relative
 * to a day off: the weighted slots of the shift where someone is still missing, less the weighted surplus slots, plus
 * the wishes of that day it meets rather than a day off would (less those it breaks), plus a tiny bonus for the
 * value the day has now (a re-solved or replanned roster changes no more than it must). Weights are the run's
 * ({@link RosterWeights}): a medium point counts 1, a soft point 1/1000, so a call center's shortage (medium) comes
 * before its surplus and wishes (soft), and a benchmark that puts all three on the soft level weighs them as its
 * objective does.
 */
final class Residual {

    private final Map<Long, Integer> queueIndex;
    /** The last key {@link #index} looked up and its index: nearly every lookup is for the same queue (or none). */
    private long lastKey = Long.MIN_VALUE;
    private int lastIndex = -1;
    private final int[][] remaining;
    private final int[][] shortage;
    /** Per (queue, slot) the steps of its unit's service curve (the k-th operator present's weight); null: flat. */
    private final int[][][] steps;
    /** Per (queue, slot) the operators beyond the requirement a service curve still values (0 without a curve). */
    private final int[][] extra;
    private final int[][] surplus;
    private final Map<String, List<ShiftPreference>> wishes;
    private final double shortValue;
    private final double surplusValue;
    private final double wishValue;
    /** what a shift of another kind than the team's usual ones costs (weighted teams; hard ones are out of range) */
    private final double unusualKindValue;
    private double maxShiftGain;

    /** The whole demand of {@code solution}, nobody working yet. */
    Residual(RosterSolution solution) {
        this(solution.getDemandUnits(), solution.getPreferences(), solution.getWeights());
    }

    Residual(List<DemandUnit> demand, List<ShiftPreference> preferences, RosterWeights weights) {
        RosterWeights w = weights == null ? new RosterWeights() : weights;
        shortValue = value(w.weight(RosterWeights.COVERED));
        surplusValue = value(w.weight(RosterWeights.OVER_COVERAGE));
        wishValue = value(w.weight(RosterWeights.PREFERENCE));
        unusualKindValue = value(w.weight(RosterWeights.USUAL_KIND));
        wishes = new HashMap<>();
        for (ShiftPreference p : preferences == null ? List.<ShiftPreference>of() : preferences) {
            wishes.computeIfAbsent(OperatorPatternSearch.key(p.operatorId(), p.date()), k -> new java.util.ArrayList<>()).add(p);
        }
        queueIndex = new HashMap<>();
        int slots = 0;
        for (DemandUnit u : demand) {
            queueIndex.putIfAbsent(u.queueKey(), queueIndex.size());
            slots = Math.max(slots, u.slot() + 1);
        }
        remaining = new int[queueIndex.size()][slots];
        shortage = new int[queueIndex.size()][slots];
        steps = new int[queueIndex.size()][slots][];
        extra = new int[queueIndex.size()][slots];
        surplus = new int[queueIndex.size()][slots];
        boolean[][] seen = new boolean[queueIndex.size()][slots];
        for (DemandUnit u : demand) {
            int q = queueIndex.get(u.queueKey());
            remaining[q][u.slot()] += u.required();
            // a curve's steps stand for the unit's shortage; the largest step where no single curve does
            int first = u.required() > 0 ? u.step(0) : u.shortageWeight();
            shortage[q][u.slot()] = Math.max(shortage[q][u.slot()], Math.max(1, first));
            steps[q][u.slot()] = seen[q][u.slot()] || u.curve() == null ? null : u.curve().steps();
            extra[q][u.slot()] = steps[q][u.slot()] == null ? 0 : u.valuedOperators() - Math.max(0, u.required());
            seen[q][u.slot()] = true;
            surplus[q][u.slot()] = Math.max(surplus[q][u.slot()], u.surplusWeight());
        }
    }

    private static double value(org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore w) {
        return w.mediumScore() + w.softScore() / 1000.0;
    }

    private Residual(Residual from) {
        wishes = from.wishes;
        shortValue = from.shortValue;
        surplusValue = from.surplusValue;
        wishValue = from.wishValue;
        unusualKindValue = from.unusualKindValue;
        queueIndex = from.queueIndex;
        shortage = from.shortage;
        steps = from.steps;
        extra = from.extra;
        surplus = from.surplus;
        remaining = new int[from.remaining.length][];
        for (int q = 0; q < remaining.length; q++) {
            remaining[q] = from.remaining[q].clone();
        }
    }

    /** The counts as text, for tests that check a move leaves them as they were. */
    String counts() {
        return java.util.Arrays.deepToString(remaining);
    }

    /** A copy whose counts change independently of this one. */
    Residual copy() {
        return new Residual(this);
    }

    /** The operator of {@code day} (as it is now) is no longer missing where the day's work covers. */
    void take(OperatorDay day) {
        count(day, -1);
    }

    /** Undoes {@link #take}. */
    void giveBack(OperatorDay day) {
        count(day, 1);
    }

    /** As {@link #take(OperatorDay)} for a shift someone is about to work on {@code queue} (null = none). */
    void take(ShiftOption shift, Long queue) {
        if (shift != null) {
            count(shift.coveredSlots(), queue == null ? -1L : queue, -1);
        }
    }

    /** Undoes {@link #take(ShiftOption, Long)}. */
    void giveBack(ShiftOption shift, Long queue) {
        if (shift != null) {
            count(shift.coveredSlots(), queue == null ? -1L : queue, 1);
        }
    }

    private void count(OperatorDay day, int sign) {
        if (day.isWorking()) {
            count(day.coveredSlots(), day.queueKey(), sign);
        }
    }

    /** The row of {@code queueKey} in the counts (-1: a queue without demand). */
    private int index(long queueKey) {
        if (queueKey != lastKey) {
            Integer q = queueIndex.get(queueKey);
            lastKey = queueKey;
            lastIndex = q == null ? -1 : q;
        }
        return lastIndex;
    }

    private void count(int[] slots, long queueKey, int sign) {
        int q = index(queueKey);
        if (q < 0) {
            return;
        }
        int[] r = remaining[q];
        for (int slot : slots) {
            if (slot < r.length) {
                r[slot] += sign;
            }
        }
    }

    double gain(OperatorDay day, ShiftOption shift, Long queue) {
        int q = index(queue == null ? -1L : queue);
        double gain = 0;
        int[] r = q < 0 ? null : remaining[q];
        for (int slot : shift.coveredSlots()) {
            if (r == null || slot >= r.length || shortage[q][slot] == 0) {
                gain -= surplusValue;
            } else {
                int left = r[slot] + extra[q][slot];
                if (left > 0) {
                    gain += step(q, slot, left) * shortValue;
                }
                if (r[slot] <= 0) {
                    gain -= surplus[q][slot] * surplusValue;
                }
            }
        }
        gain += wishGain(day, shift);
        if (shift.equals(day.getShift()) && java.util.Objects.equals(queue, day.getQueue())) {
            gain += 1e-6;
        }
        maxShiftGain = Math.max(maxShiftGain, gain);
        return gain;
    }

    /**
     * The weighted wishes of {@code day} that {@code shift} meets rather than a day off would, less those it breaks,
     * less the cost of a shift of another kind than the team's usual ones.
     */
    double wishGain(OperatorDay day, ShiftOption shift) {
        List<ShiftPreference> dayWishes = wishes.isEmpty() ? null : wishes.get(day.getId());
        SolverOperator op = day.getOperator();
        double gain = !op.usualKindsHard() && op.isUnusual(shift) ? -unusualKindValue : 0;
        if (dayWishes != null) {
            for (ShiftPreference p : dayWishes) {
                boolean matches = p.matches(shift);
                // broken by a day off: wantsWork; broken by this shift: wantsWork != matches
                int brokenOff = p.wantsWork() ? 1 : 0;
                int brokenHere = p.wantsWork() != matches ? 1 : 0;
                gain += (brokenOff - brokenHere) * p.weight() * wishValue;
            }
        }
        return gain;
    }

    /** The weighted wishes of {@code day} a day off breaks (those that ask for work). */
    double offWishCost(OperatorDay day) {
        List<ShiftPreference> dayWishes = wishes.isEmpty() ? null : wishes.get(day.getId());
        double cost = 0;
        if (dayWishes != null) {
            for (ShiftPreference p : dayWishes) {
                cost += p.wantsWork() ? p.weight() * wishValue : 0;
            }
        }
        return cost;
    }

    // the counts as a linear model sees them (ColumnGeneration): rows (queue, slot) where someone is required

    int queues() {
        return remaining.length;
    }

    int slots() {
        return remaining.length == 0 ? 0 : remaining[0].length;
    }

    /** The row of {@code queue} (null: none) in the counts, -1 for a queue without demand. */
    int queueRow(Long queue) {
        return index(queue == null ? -1L : queue);
    }

    /** Whether a missing operator costs anything in (queue row, slot); where not, every operator there is surplus. */
    boolean hasDemand(int q, int slot) {
        return shortage[q][slot] > 0;
    }

    /** Operators still required in (queue row, slot); negative: that many too many. */
    int remaining(int q, int slot) {
        return remaining[q][slot];
    }

    /**
     * Operators still valued in (queue row, slot): the required ones, and with a service curve the few beyond the
     * requirement its steps still value (what {@link #shortageCost} and {@link #missingCost} count from).
     */
    int target(int q, int slot) {
        return remaining[q][slot] + extra[q][slot];
    }

    /**
     * The weight of the next operator in (queue row, slot) while {@code remaining} valued operators are still missing
     * there (see {@link #target}): the step of the operator it would be (a unit's later operators are worth no more
     * than its first).
     */
    private int step(int q, int slot, int remaining) {
        int[] s = steps[q][slot];
        return s == null ? shortage[q][slot] : s[Math.clamp(s.length - remaining, 0, s.length - 1)];
    }

    /**
     * The cost of the {@code k}-th operator missing (from 1) of the {@link #target} in (queue row, slot): the last
     * valued operators go missing first, and they are worth least.
     */
    double shortageCost(int q, int slot, int k) {
        int[] s = steps[q][slot];
        if (s == null || s.length == 0) {
            return shortage[q][slot] * shortValue;
        }
        return s[Math.clamp(s.length - k, 0, s.length - 1)] * shortValue;
    }

    /** Whether every missing operator in (queue row, slot) costs the same ({@link #shortageCost} for any k). */
    boolean flat(int q, int slot) {
        return steps[q][slot] == null;
    }

    /** The cost of {@code missing} operators missing of the {@link #target}: the steps of the last valued ones. */
    double missingCost(int q, int slot, int missing) {
        double cost = 0;
        if (flat(q, slot)) {
            return missing * shortageCost(q, slot, 1);
        }
        for (int k = 1; k <= missing; k++) {
            cost += shortageCost(q, slot, k);
        }
        return cost;
    }

    /** The cost of one operator too many in (queue row, slot); where nobody is required, {@link #surplusCost()}. */
    double surplusCost(int q, int slot) {
        return surplus[q][slot] * surplusValue;
    }

    /** The cost of one operator in a slot without demand. */
    double surplusCost() {
        return surplusValue;
    }

    /** Noise for restarts: about a quarter of the best gain seen so far. */
    double noise() {
        return maxShiftGain > 0 ? maxShiftGain / 4 : 1e-3;
    }
}
