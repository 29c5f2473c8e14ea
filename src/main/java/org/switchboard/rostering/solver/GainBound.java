package org.switchboard.rostering.solver;

/**
 * The most gain the open days of one operator can still add from a position on, for {@link OperatorPatternSearch}'s
 * branch and bound and the order it tries choices in: each open day at its best shift, under a relaxation of the
 * contract that keeps the rules that shape a whole pattern (runs of at most the maximum with the minimum days off
 * between them, weekends within the limit, no more shifts than the period's maximum minutes allow) and drops the
 * rest. Computed backwards once per search (dynamic programming over position, run state, weekends left, "this
 * weekend already worked" and shifts left), then read in O(1).
 *
 * <p>Run states as in the search's minutes bound: 1..{@code runCap} working days in a row (capped),
 * {@code runCap+1}..{@code runCap+offCap} days off in a row (capped; the last also stands for "no work yet"). The
 * top index of weekends and of shifts left means "no limit" (it stays the top when one is used), so a table cut to
 * size stays an upper bound; below the top they count exactly.
 */
final class GainBound {

    /** Table entries beyond which the weekends and shifts-left dimensions are cut (they stop counting above the cut). */
    static final int MAX_ENTRIES = 40_000;

    /** The table's storage, reused by the searches of a thread (a search builds one bound and drops it when done). */
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

    private final int lo;
    private final int hi;
    private final int runCap;
    private final int offCap;
    private final int budgetCap;
    private final int shiftCap;
    private final int states;
    private final double[] table;

    /**
     * @param lo the first open position, {@code hi} the last (the bound is 0 after it)
     * @param fixed per position: 0 open, 1 fixed day off, 2 fixed work, 3 fixed weekend work
     * @param plain per open position the best gain of a shift that is no weekend work (-inf: none)
     * @param weekend per open position the best gain of weekend work (-inf: none)
     * @param newWeek per position whether the next position is in another week
     * @param nextWorked per position whether the next position's week has pinned weekend work (when it is another week)
     * @param budgetWanted weekends to count (the limit left + 1, or the weeks with an open weekend day if fewer)
     * @param shiftsWanted shifts left to count (the period maximum's room + 1, or the open workable days if fewer)
     */
    GainBound(int lo, int hi, int[] fixed, double[] plain, double[] weekend, boolean[] newWeek, boolean[] nextWorked,
            int runCap, int offCap, int budgetWanted, int shiftsWanted) {
        this.lo = lo;
        this.hi = hi;
        this.runCap = runCap;
        this.offCap = offCap;
        this.states = runCap + offCap + 1;
        int positions = Math.max(0, hi - lo + 1);
        int base = Math.max(1, positions * states * 2);
        this.budgetCap = Math.max(0, Math.min(budgetWanted, MAX_ENTRIES / base - 1));
        this.shiftCap = Math.max(0, Math.min(shiftsWanted, MAX_ENTRIES / (base * (budgetCap + 1)) - 1));
        int size = positions * states * 2 * (budgetCap + 1) * (shiftCap + 1);
        if (SCRATCH.get().length < size) {
            SCRATCH.set(new double[size]);
        }
        this.table = SCRATCH.get();
        for (int p = hi; p >= lo; p--) {
            for (int state = 1; state < states; state++) {
                boolean canWorkOpen = state <= runCap ? state < runCap : state == runCap + offCap;
                int offNext = state <= runCap ? runCap + 1 : Math.min(state + 1, runCap + offCap);
                int workNext = state <= runCap ? Math.min(state + 1, runCap) : 1;
                for (int budget = 0; budget <= budgetCap; budget++) {
                    for (int worked = 0; worked <= 1; worked++) {
                        int fresh = nextWorked[p] ? 1 : 0;
                        int keep = newWeek[p] ? fresh : worked;
                        for (int k = 0; k <= shiftCap; k++) {
                            double best = Double.NEGATIVE_INFINITY;
                            switch (fixed[p]) {
                                case 1 -> best = next(p, offNext, budget, keep, k);
                                case 2 -> best = next(p, workNext, budget, keep, k);
                                case 3 -> best = next(p, workNext, budget, newWeek[p] ? fresh : 1, k);
                                default -> {
                                    best = next(p, offNext, budget, keep, k);
                                    int left = k == shiftCap ? k : k - 1;
                                    if (canWorkOpen && left >= 0) {
                                        if (plain[p] > Double.NEGATIVE_INFINITY) {
                                            best = Math.max(best, plain[p] + next(p, workNext, budget, keep, left));
                                        }
                                        int after = worked == 1 || budget == budgetCap ? budget : budget - 1;
                                        if (weekend[p] > Double.NEGATIVE_INFINITY && after >= 0) {
                                            best = Math.max(best, weekend[p] + next(p, workNext, after, newWeek[p] ? fresh : 1, left));
                                        }
                                    }
                                }
                            }
                            table[index(p, state, budget, worked, k)] = best;
                        }
                    }
                }
            }
        }
    }

    private int index(int p, int state, int budget, int worked, int k) {
        return ((((p - lo) * states + state) * (budgetCap + 1) + budget) * 2 + worked) * (shiftCap + 1) + k;
    }

    private double next(int p, int state, int budget, int worked, int k) {
        return p + 1 > hi ? 0 : table[index(p + 1, state, budget, worked, k)];
    }

    /**
     * The most gain open days from position {@code p} on can add, in run state {@code state}, with {@code budget}
     * more weekends allowed, this week's weekend {@code worked} or not, and room for {@code shifts} more shifts
     * (NEGATIVE_INFINITY: not even the relaxation has a way on).
     */
    double at(int p, int state, int budget, boolean worked, int shifts) {
        if (p > hi) {
            return 0;
        }
        int from = Math.max(p, lo);
        return table[index(from, state, Math.max(0, Math.min(budgetCap, budget)), worked ? 1 : 0,
                Math.max(0, Math.min(shiftCap, shifts)))];
    }

    int runCap() {
        return runCap;
    }

    int offCap() {
        return offCap;
    }
}
