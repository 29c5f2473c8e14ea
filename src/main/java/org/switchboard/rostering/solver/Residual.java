package org.switchboard.rostering.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demand still uncovered, per (queue, slot): operators still required, and the weights of a missing and of a
 * surplus operator there. What {@link PatternConstruction} and {@link RebuildOperatorMove} rate shifts by: a shift's
 * gain is the weighted number of its slots where someone is still missing, less a tiny amount per slot nobody needs
 * (surplus is a soft cost, shortage a medium one), plus a tiny bonus for the value the day has now (a re-solved or
 * replanned roster changes no more than it must).
 */
final class Residual {

    private final Map<Long, Integer> queueIndex;
    private final int[][] remaining;
    private final int[][] shortage;
    private final int[][] surplus;
    private double maxShiftGain;

    /** The whole demand, nobody working yet. */
    Residual(List<DemandUnit> demand) {
        queueIndex = new HashMap<>();
        int slots = 0;
        for (DemandUnit u : demand) {
            queueIndex.putIfAbsent(u.queueKey(), queueIndex.size());
            slots = Math.max(slots, u.slot() + 1);
        }
        remaining = new int[queueIndex.size()][slots];
        shortage = new int[queueIndex.size()][slots];
        surplus = new int[queueIndex.size()][slots];
        for (DemandUnit u : demand) {
            int q = queueIndex.get(u.queueKey());
            remaining[q][u.slot()] += u.required();
            shortage[q][u.slot()] = Math.max(shortage[q][u.slot()], u.shortageWeight());
            surplus[q][u.slot()] = Math.max(surplus[q][u.slot()], u.surplusWeight());
        }
    }

    private Residual(Residual from) {
        queueIndex = from.queueIndex;
        shortage = from.shortage;
        surplus = from.surplus;
        remaining = new int[from.remaining.length][];
        for (int q = 0; q < remaining.length; q++) {
            remaining[q] = from.remaining[q].clone();
        }
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

    private void count(OperatorDay day, int sign) {
        if (!day.isWorking()) {
            return;
        }
        Integer q = queueIndex.get(day.queueKey());
        if (q == null) {
            return;
        }
        int[] r = remaining[q];
        for (int slot : day.coveredSlots()) {
            if (slot < r.length) {
                r[slot] += sign;
            }
        }
    }

    double gain(OperatorDay day, ShiftOption shift, Long queue) {
        Integer q = queueIndex.get(queue == null ? -1L : queue);
        double gain = 0;
        int[] r = q == null ? null : remaining[q];
        for (int slot : shift.coveredSlots()) {
            if (r == null || slot >= r.length || shortage[q][slot] == 0) {
                gain -= 1e-3;
            } else if (r[slot] > 0) {
                gain += shortage[q][slot];
            } else {
                gain -= 1e-3 * surplus[q][slot];
            }
        }
        if (shift.equals(day.getShift()) && java.util.Objects.equals(queue, day.getQueue())) {
            gain += 1e-4;
        }
        maxShiftGain = Math.max(maxShiftGain, gain);
        return gain;
    }

    /** Noise for restarts: about a quarter of the best gain seen so far (at least 1). */
    double noise() {
        return Math.max(1, maxShiftGain / 4);
    }
}
