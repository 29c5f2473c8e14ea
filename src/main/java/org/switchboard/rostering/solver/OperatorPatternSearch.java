package org.switchboard.rostering.solver;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Finds shifts for all open days of one operator that break none of the contract's hard rules, day by day in date
 * order, depth first with backtracking: the rules are {@link OperatorRules}' (the per-operator rules of
 * {@link RosterConstraints}, stated once for the search), checked as each day is chosen. A branch is cut as soon as
 * the period minimum can no longer be reached ({@link MinutesBound}).
 *
 * <p>Pinned days (past, published, and the published days before the period) keep their shifts; their hours count
 * from the start. A rule between two pinned days is not this search's to fix (as in the score), so only rules that
 * involve an open day are checked against them.
 *
 * <p>Choices per day are rated by a {@link Gain} (the construction uses the coverage still missing, so an operator
 * takes the shifts others left uncovered) and tried best first by their gain plus the most the open days after them
 * can still add ({@link GainBound}), which is also the branch and bound's cut. Noise, on restarts and in half of the
 * rebuild moves, changes the gains searched for (not only the order), so repeated searches return different good
 * patterns. The same walk with only the current values as choices tells whether an operator's days are legal now
 * ({@link #isLegal}).
 */
final class OperatorPatternSearch {

    /** The value of one day: a shift (null = day off) and the queue worked (null without queues). */
    record Choice(ShiftOption shift, Long queue) {
        static final Choice OFF = new Choice(null, null);
    }

    /** How much a choice is worth to the roster (higher first); a day off is worth 0. */
    interface Gain {
        double of(OperatorDay day, ShiftOption shift, Long queue);
    }

    private final OperatorRules rules;
    private final MinutesBound minutes;
    private final SolverOperator op;
    private final int span;
    /** The first and the last open position (-1: none); the walk starts at the first and skips what lies beyond the last's reach. */
    private final int firstOpen;
    private final int lastOpen;
    /** Per position, the fixed worked days before it (fixed days keep their values through a search). */
    private final int[] fixedWorkedBefore;
    /** The queues of the walk's open days (their shifts are the rules' plan). */
    private final Long[] queue;

    private long nodes;
    private boolean optimize;
    private double gainSoFar;
    private double exactSoFar;
    private double bestExactGain;
    private double bestGain;
    private Choice[] best;
    // the choices of the open days with their gains, the gains with this attempt's noise, and scratch space per position
    private Choice[][] choiceAt;
    private double[][] gainAt;
    private double[][] noisyAt;
    private double[][] childAt;
    private int[][] orderAt;
    private GainBound gainBound;
    private long nodeLimit;
    private boolean requireMinimum;
    /** Per position, the only choice searches may take there (see {@link #restrict}); null when none is restricted. */
    private Choice[] only;

    /**
     * @param days all days of one operator (any order), including pinned days before the period
     * @param unavailable the dates (as {@code operatorId@date}, see {@link #key}) the operator must not work
     */
    OperatorPatternSearch(List<OperatorDay> days, Set<String> unavailable) {
        this(days, unavailable, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * A search that changes only the open days with a day index in {@code from..to}; the operator's other days keep
     * their values and count like pinned ones.
     */
    OperatorPatternSearch(List<OperatorDay> days, Set<String> unavailable, int from, int to) {
        this.rules = new OperatorRules(days, unavailable, from, to);
        this.minutes = new MinutesBound(rules);
        this.op = rules.operator();
        this.span = rules.span();
        this.firstOpen = rules.firstOpen();
        this.lastOpen = rules.lastOpen();
        this.queue = new Long[span];
        this.fixedWorkedBefore = new int[span + 1];
        for (int p = 0; p < span; p++) {
            OperatorDay d = rules.dayAt(p);
            boolean fixedWork = !rules.isOpen(p) && d != null && d.getShift() != null;
            fixedWorkedBefore[p + 1] = fixedWorkedBefore[p] + (fixedWork ? 1 : 0);
        }
    }

    /**
     * The solution's whole days of absence and declared unavailability, as {@link #key}s. Windows (part of a day) are
     * not blocked here: the problem builder leaves the options they forbid out of the day's range.
     */
    static Set<String> unavailable(RosterSolution solution) {
        Set<String> out = new java.util.HashSet<>();
        solution.getUnavailabilities().stream().filter(Unavailability::wholeDay)
                .forEach(u -> out.add(key(u.operatorId(), u.date())));
        return out;
    }

    static String key(long operatorId, java.time.LocalDate date) {
        return operatorId + "@" + date;
    }

    SolverOperator operator() {
        return op;
    }

    /** Whether the day at position {@code p} is one this search chooses. */
    boolean isOpen(int p) {
        return rules.isOpen(p);
    }

    /** Whether the days' current values break no hard rule of the contract that an open day takes part in. */
    boolean isLegal() {
        reset();
        nodeLimit = Long.MAX_VALUE;
        requireMinimum = true;
        optimize = false;
        return walk(start(), true);
    }

    /**
     * Legal values for the open days, best first by {@code gain}, or null when none was found within
     * {@code nodeLimit} steps per attempt. Attempt 0 follows the gain exactly; later attempts add noise of up to
     * {@code noise} to each gain.
     *
     * @param requireMinimum false to give up the period minimum (when no attempt reaches it)
     */
    Choice[] search(Gain gain, Random random, int attempts, long nodeLimit, double noise, boolean requireMinimum) {
        return search(gain, random, attempts, nodeLimit, noise, false, requireMinimum);
    }

    /** As {@link #search(Gain, Random, int, long, double, boolean)}, with noise from the first attempt on when {@code noisyFirst}. */
    Choice[] search(Gain gain, Random random, int attempts, long nodeLimit, double noise, boolean noisyFirst,
            boolean requireMinimum) {
        return search(gain, random, attempts, nodeLimit, noise, noisyFirst, requireMinimum, false);
    }

    /**
     * As above; with {@code optimize}, each attempt goes on after the first legal set and keeps the one with the
     * highest total gain (branch and bound: a branch is cut when even the best choice on every day left cannot beat
     * it), and the best of all attempts is returned.
     */
    Choice[] search(Gain gain, Random random, int attempts, long nodeLimit, double noise, boolean noisyFirst,
            boolean requireMinimum, boolean optimize) {
        return search(gain, random, attempts, nodeLimit, noise, noisyFirst, requireMinimum, optimize, Double.NEGATIVE_INFINITY);
    }

    /**
     * The best legal values for the open days whose total gain is above {@code floor} (branch and bound from that
     * value, so branches that cannot beat it are cut from the start), or null when none was found within
     * {@code nodeLimit} steps; {@link #wasCut()} then tells whether there may be one. Without noise, a search that
     * was not cut has found the best there is.
     */
    Choice[] best(Gain gain, long nodeLimit, double floor) {
        return search(gain, null, 1, nodeLimit, 0, false, true, true, floor);
    }

    /** Whether the last search stopped at its node limit (so a better answer than the one returned may exist). */
    boolean wasCut() {
        return nodes > nodeLimit;
    }

    /** The steps the last walk took (of a search: its last attempt's); tests pin the search's behaviour with it. */
    long nodes() {
        return nodes;
    }

    private Choice[] search(Gain gain, Random random, int attempts, long nodeLimit, double noise, boolean noisyFirst,
            boolean requireMinimum, boolean optimize, double floor) {
        choiceAt = new Choice[span][];
        gainAt = new double[span][];
        for (int p = 0; p < span; p++) {
            if (rules.isOpen(p)) {
                rate(rules.dayAt(p), gain, choiceAt, gainAt, p);
                if (restriction(p) != null) {
                    keepOnly(p, only[p]);
                }
            }
        }
        noisyAt = new double[span][];
        childAt = new double[span][];
        orderAt = new int[span][];
        for (int p = 0; p < span; p++) {
            if (rules.isOpen(p)) {
                noisyAt[p] = new double[choiceAt[p].length];
                childAt[p] = new double[choiceAt[p].length];
                orderAt[p] = new int[choiceAt[p].length];
            }
        }
        this.optimize = optimize;
        best = null;
        double bestExact = Double.NEGATIVE_INFINITY;
        Choice[] bestOfAll = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            // noise changes the values searched for, not only the order: the best pattern under slightly different
            // values, so that repeated searches of one operator do not all return the same one
            double amount = attempt == 0 && !noisyFirst ? 0 : noise;
            for (int p = 0; p < span; p++) {
                if (rules.isOpen(p)) {
                    for (int i = 0; i < gainAt[p].length; i++) {
                        noisyAt[p][i] = gainAt[p][i] + (amount == 0 ? 0 : amount * (2 * random.nextDouble() - 1));
                    }
                }
            }
            reset();
            gainBound = GainBound.of(rules, choiceAt, noisyAt);
            this.nodeLimit = nodeLimit;
            this.requireMinimum = requireMinimum;
            gainSoFar = 0;
            exactSoFar = 0;
            best = null;
            bestGain = floor;
            if (walk(start(), false)) {
                gainBound = null;
                return snapshot();
            }
            if (best != null && bestExactGain > bestExact) {
                bestExact = bestExactGain;
                bestOfAll = best;
            }
        }
        gainBound = null;
        best = bestOfAll;
        gainBound = null;
        return best;
    }

    /**
     * Open position {@code p} takes only {@code choice} in later searches (null: any again), as if the day were
     * pinned to it but with its gain still counted; a choice the day does not have leaves the search without an answer.
     */
    void restrict(int p, Choice choice) {
        if (only == null) {
            only = new Choice[span];
        }
        only[p] = choice;
    }

    /** Lifts every {@link #restrict}ion. */
    void clearRestrictions() {
        only = null;
    }

    /** The only choice position {@code p} may take ({@link #restrict}), or null when it is free. */
    Choice restriction(int p) {
        return only == null ? null : only[p];
    }

    private void keepOnly(int p, Choice choice) {
        for (int i = 0; i < choiceAt[p].length; i++) {
            if (choiceAt[p][i].equals(choice)) {
                choiceAt[p] = new Choice[] {choiceAt[p][i]};
                gainAt[p] = new double[] {gainAt[p][i]};
                return;
            }
        }
        choiceAt[p] = new Choice[0];
        gainAt[p] = new double[0];
    }

    private Choice[] snapshot() {
        Choice[] out = new Choice[span];
        for (int p = 0; p < span; p++) {
            out[p] = rules.isOpen(p) ? new Choice(rules.shiftAt(p), queue[p]) : null;
        }
        return out;
    }

    /** Every choice of a day (off, and each shift on each queue) with its gain (off: 0). */
    private static void rate(OperatorDay d, Gain gain, Choice[][] choices, double[][] gains, int p) {
        List<Long> queues = d.getQueueRange().isEmpty() ? java.util.Collections.singletonList(null) : d.getQueueRange();
        Choice[] c = new Choice[d.getShiftRange().size() * queues.size() + 1];
        double[] g = new double[c.length];
        c[0] = Choice.OFF;
        int i = 1;
        for (ShiftOption s : d.getShiftRange()) {
            for (Long q : queues) {
                c[i] = new Choice(s, q);
                g[i++] = gain.of(d, s, q);
            }
        }
        choices[p] = c;
        gains[p] = g;
    }

    /**
     * The choices of open position {@code p}, best first by their gain (with this attempt's noise) plus the most the
     * days after can still add once it is made: so a day is left off when that leaves the run, the weekends or the
     * hours for better days later, and the first complete walk is already close to the best.
     */
    private int[] ordered(int p) {
        Choice[] choices = choiceAt[p];
        double[] after = childAt[p];
        int[] order = orderAt[p];
        int state = runState(p);
        int runCap = gainBound.runCap();
        int offCap = gainBound.offCap();
        int offNext = state <= runCap ? runCap + 1 : Math.min(state + 1, runCap + offCap);
        int workNext = state <= runCap ? Math.min(state + 1, runCap) : 1;
        int budget = op.maxWeekendsPerPeriod() - rules.weekendsWorked();
        boolean worked = rules.weekendShifts(rules.week(p)) > 0;
        boolean sameWeek = p + 1 >= span || rules.week(p + 1) == rules.week(p);
        boolean nextWorked = p + 1 < span && rules.weekendShifts(rules.week(p + 1)) > 0;
        int periodMinutes = rules.periodMinutes();
        for (int i = 0; i < choices.length; i++) {
            ShiftOption s = choices[i].shift();
            if (s == null) {
                after[i] = gainBound.at(p + 1, offNext, budget, sameWeek ? worked : nextWorked, gainBound.shiftsLeft(periodMinutes));
            } else {
                // a shift that takes no new weekend is no more limited when the fixed days already use too many
                boolean newWeekend = s.weekend() && !worked;
                int left = newWeekend ? budget - 1 : Math.max(0, budget);
                after[i] = left < 0 ? Double.NEGATIVE_INFINITY
                        : gainBound.at(p + 1, workNext, left, sameWeek ? worked || s.weekend() : nextWorked,
                                gainBound.shiftsLeft(periodMinutes + s.paidMinutes()));
            }
            order[i] = i;
        }
        double[] noisy = noisyAt[p];
        // insertion sort: a handful of choices
        for (int i = 1; i < order.length; i++) {
            int o = order[i];
            double key = noisy[o] + after[o];
            int j = i - 1;
            while (j >= 0 && noisy[order[j]] + after[order[j]] < key) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = o;
        }
        return order;
    }

    /** The run state before position {@code p} as {@link GainBound} numbers it. */
    private int runState(int p) {
        int runCap = gainBound.runCap();
        int run = 0;
        for (int q = p - 1; q >= 0 && rules.shiftAt(q) != null && run < runCap; q--) {
            run++;
        }
        if (run > 0) {
            return run;
        }
        int off = 0;
        int q = p - 1;
        for (; q >= 0 && rules.shiftAt(q) == null && off < gainBound.offCap(); q--) {
            off++;
        }
        return runCap + (q < 0 ? gainBound.offCap() : off);
    }

    /** The day at position {@code p} (null for a date before the period without a day). */
    OperatorDay dayAt(int p) {
        return rules.dayAt(p);
    }

    int span() {
        return span;
    }

    private void reset() {
        nodes = 0;
        rules.reset();
        Arrays.fill(queue, null);
    }

    /**
     * Where the walk starts: the first open position. The rules are checked only where an open day takes part, so
     * the fixed days before it have nothing to check.
     */
    private int start() {
        return firstOpen < 0 ? span : firstOpen;
    }

    /**
     * Whether the walk may go from fixed position {@code q} (after the last open one) straight to the end: from
     * there on no rule can reach back to an open day. That holds once {@code q} is past the rest and night rules'
     * reach (5 days), the day before it is off (no run goes on across it), and the gap before the next worked day
     * starts at a fixed worked day (or no day is worked any more).
     */
    private boolean beyondReach(int q) {
        return q >= lastOpen + 6 && q < span && rules.shiftAt(q - 1) == null
                && (fixedWorkedBefore[q - 1] - fixedWorkedBefore[lastOpen + 1] > 0 || fixedWorkedBefore[span] - fixedWorkedBefore[q] == 0);
    }

    /**
     * The walk from position {@code p} on: with {@code current}, each open day's only choice is its current value
     * ({@link #isLegal}); else the choices {@link #ordered} ranks (reusing that position's arrays, which no deeper
     * position touches).
     */
    private boolean walk(int p, boolean current) {
        if (++nodes > nodeLimit) {
            return false;
        }
        if (p == span) {
            boolean legal = !requireMinimum || rules.minimumMet();
            if (legal && optimize) {
                if (gainSoFar > bestGain) {
                    bestGain = gainSoFar;
                    bestExactGain = exactSoFar;
                    best = snapshot();
                }
                return false;
            }
            return legal;
        }
        if (!rules.isOpen(p)) {
            return rules.fixedFits(p) && walk(p > lastOpen && beyondReach(p + 1) ? span : p + 1, current);
        }
        int[] order = current ? null : ordered(p);
        int tries = current ? 1 : order.length;
        for (int k = 0; k < tries; k++) {
            Choice c;
            double gain = 0;
            double exact = 0;
            if (current) {
                c = new Choice(rules.dayAt(p).getShift(), rules.dayAt(p).getQueue());
            } else {
                int o = order[k];
                c = choiceAt[p][o];
                gain = noisyAt[p][o];
                exact = gainAt[p][o];
                if (optimize && gainSoFar + gain + childAt[p][o] <= bestGain + 1e-9) {
                    continue;
                }
            }
            if (c.shift() == null ? !rules.offFits(p) : !rules.fits(p, c.shift(), c.queue())) {
                continue;
            }
            rules.set(p, c.shift());
            queue[p] = c.queue();
            gainSoFar += gain;
            exactSoFar += exact;
            if (minimumReachable(p + 1) && walk(p + 1, current)) {
                return true;
            }
            gainSoFar -= gain;
            exactSoFar -= exact;
            rules.clear(p);
            queue[p] = null;
            if (nodes > nodeLimit) {
                return false;
            }
        }
        return false;
    }

    /** Whether the period minimum can still be met by the open days from {@code from} on (when it is required). */
    private boolean minimumReachable(int from) {
        return !requireMinimum || minutes.reachable(from);
    }
}
