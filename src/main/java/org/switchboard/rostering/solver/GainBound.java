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
    /** The shortest paid shift of an open day (0: none) and the period maximum, for {@link #shiftsLeft}. */
    private final int minPaid;
    private final int maxPeriodMinutes;

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
    private GainBound(int lo, int hi, int[] fixed, double[] plain, double[] weekend, boolean[] newWeek, boolean[] nextWorked,
            int runCap, int offCap, int budgetWanted, int shiftsWanted, int minPaid, int maxPeriodMinutes) {
        this.lo = lo;
        this.minPaid = minPaid;
        this.maxPeriodMinutes = maxPeriodMinutes;
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

    /**
     * The bound for a search's gains ({@code noisyAt}, per open position and choice of {@code choiceAt}): per open
     * position the best gain of plain and of weekend work among the choices the search could take there, the fixed
     * days as they are, the weekends still allowed in the weeks with an open weekend day, and the shifts the period
     * maximum leaves room for. Reads the plan as {@link OperatorRules#reset} leaves it (only the fixed days counted).
     */
    static GainBound of(OperatorRules rules, OperatorPatternSearch.Choice[][] choiceAt, double[][] noisyAt) {
        SolverOperator op = rules.operator();
        int span = rules.span();
        int lo = -1;
        int hi = -1;
        int[] fixed = new int[span];
        double[] plain = new double[span];
        double[] weekend = new double[span];
        boolean[] newWeek = new boolean[span];
        boolean[] nextWorked = new boolean[span];
        java.util.Set<Integer> openWeekends = new java.util.HashSet<>();
        int openWorkable = 0;
        int minPaid = Integer.MAX_VALUE;
        for (int p = 0; p < span; p++) {
            newWeek[p] = p + 1 < span && rules.week(p + 1) != rules.week(p);
            nextWorked[p] = p + 1 < span && rules.weekendShifts(rules.week(p + 1)) > 0;
            plain[p] = Double.NEGATIVE_INFINITY;
            weekend[p] = Double.NEGATIVE_INFINITY;
            if (!rules.isOpen(p)) {
                ShiftOption s = rules.shiftAt(p);
                fixed[p] = s == null ? 1 : s.weekend() && rules.inPeriod(p) ? 3 : 2;
                continue;
            }
            lo = lo < 0 ? p : lo;
            hi = p;
            for (int i = 0; i < choiceAt[p].length; i++) {
                OperatorPatternSearch.Choice c = choiceAt[p][i];
                ShiftOption s = c.shift();
                if (s == null || !rules.eligible(p, s, c.queue())) {
                    continue;
                }
                minPaid = Math.min(minPaid, s.paidMinutes());
                if (s.weekend()) {
                    weekend[p] = Math.max(weekend[p], noisyAt[p][i]);
                    openWeekends.add(rules.week(p));
                } else {
                    plain[p] = Math.max(plain[p], noisyAt[p][i]);
                }
            }
            if (plain[p] > Double.NEGATIVE_INFINITY || weekend[p] > Double.NEGATIVE_INFINITY) {
                openWorkable++;
            }
        }
        if (lo < 0) {
            return new GainBound(0, -1, fixed, plain, weekend, newWeek, nextWorked, 1, 1, 0, 0, minPaid, op.maxMinutesPerPeriod());
        }
        minPaid = minPaid == Integer.MAX_VALUE ? 0 : minPaid;
        int runCap = Math.max(1, Math.min(op.maxConsecutiveDays(), span + 1));
        int offCap = Math.max(1, Math.min(op.minConsecutiveDaysOff(), span + 1));
        int budget = (int) Math.min(openWeekends.size(), Math.max(0L, (long) op.maxWeekendsPerPeriod() - rules.weekendsWorked()) + 1);
        int shifts = (int) Math.min(openWorkable, (long) shiftsLeft(minPaid, op.maxMinutesPerPeriod(), rules.periodMinutes()) + 1);
        return new GainBound(lo, hi, fixed, plain, weekend, newWeek, nextWorked, runCap, offCap, budget, shifts, minPaid,
                op.maxMinutesPerPeriod());
    }

    /** Shifts of the shortest length still within the period maximum when {@code minutes} are worked. */
    int shiftsLeft(int minutes) {
        return shiftsLeft(minPaid, maxPeriodMinutes, minutes);
    }

    private static int shiftsLeft(int minPaid, int maxPeriodMinutes, int minutes) {
        return minPaid <= 0 ? Integer.MAX_VALUE : Math.max(0, maxPeriodMinutes - minutes) / minPaid;
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
