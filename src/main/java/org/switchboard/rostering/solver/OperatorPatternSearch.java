package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.switchboard.rostering.ShiftKind;

/**
 * Finds shifts for all open days of one operator that break none of the contract's hard rules, day by day in date
 * order, depth first with backtracking: the rules of {@link RosterConstraints} that concern one operator (absence,
 * night eligibility, rest, rest after nights, runs of days and nights, days off between runs, weekly and period
 * hours, weekends, shifts of a kind), checked as each day is chosen. A branch is cut as soon as the period minimum can
 * no longer be reached within the weekly maximums.
 *
 * <p>Pinned days (past, published, and the published days before the period) keep their shifts; their hours count
 * from the start. A rule between two pinned days is not this search's to fix (as in the score), so only rules that
 * involve an open day are checked against them. The queue of a worked open day must be one of the operator's skills.
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

    private static final ShiftKind[] KINDS = ShiftKind.values();

    private final SolverOperator op;
    private final int span;
    private final OperatorDay[] day;
    private final boolean[] open;
    /** The first and the last open position (-1: none); the walk starts at the first and skips what lies beyond the last's reach. */
    private final int firstOpen;
    private final int lastOpen;
    /** Per position, the fixed worked days before it (fixed days keep their values through a search). */
    private final int[] fixedWorkedBefore;
    /** Whether the weekly maximum can keep a week's open days from all being worked (else the weekly check adds nothing). */
    private final boolean weeklyCapBinds;
    /** The longest paid shift of any open day. */
    private final int longestOpenShift;
    private final boolean[] blocked;
    private final boolean[] inPeriod;
    private final int[] week;
    private final int[] maxPaid;
    private final boolean[] weekendDay;
    private final int weeks;

    // the state of the walk
    private final ShiftOption[] shift;
    private final Long[] queue;
    private final int[] weekMinutes;
    private final int[] weekendShifts;
    private int weekendsWorked;
    private final int[] kindCount = new int[KINDS.length];
    /** Per template with a period maximum: {shifts counted, the maximum}. */
    private final Map<String, int[]> templateCount = new HashMap<>();
    /** Per shift kind, the period maximum. */
    private final int[] kindMax = new int[KINDS.length];
    private int periodMinutes;

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
    private int minPaid;
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
        List<OperatorDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparingInt(OperatorDay::getDayIndex));
        this.op = sorted.getFirst().getOperator();
        int first = sorted.getFirst().getDayIndex();
        this.span = sorted.getLast().getDayIndex() - first + 1;
        this.day = new OperatorDay[span];
        this.open = new boolean[span];
        this.blocked = new boolean[span];
        this.inPeriod = new boolean[span];
        this.week = new int[span];
        this.maxPaid = new int[span];
        this.weekendDay = new boolean[span];
        this.shift = new ShiftOption[span];
        this.queue = new Long[span];
        Map<Integer, Integer> weekOrdinal = new HashMap<>();
        for (OperatorDay d : sorted) {
            int p = d.getDayIndex() - first;
            day[p] = d;
            open[p] = !d.isPinned() && d.isInPeriod() && d.getDayIndex() >= from && d.getDayIndex() <= to;
            inPeriod[p] = d.isInPeriod();
            blocked[p] = d.isInPeriod() && unavailable.contains(key(d.operatorId(), d.getDate()));
            weekendDay[p] = d.hasWeekendOption();
            maxPaid[p] = blocked[p] ? 0 : d.longestPaidOption();
        }
        // positions without a day (before the period, nothing published) are days off; their week is a neighbour's
        for (int p = 0; p < span; p++) {
            int key = day[p] != null ? day[p].getWeekKey() : -1;
            week[p] = key < 0 ? (p > 0 ? week[p - 1] : -1) : weekOrdinal.computeIfAbsent(key, k -> weekOrdinal.size());
        }
        for (int p = 0; p < span && week[p] < 0; p++) {
            week[p] = 0;
        }
        this.weeks = Math.max(1, weekOrdinal.size());
        int firstOpen = -1;
        int lastOpen = -1;
        this.fixedWorkedBefore = new int[span + 1];
        for (int p = 0; p < span; p++) {
            if (open[p]) {
                firstOpen = firstOpen < 0 ? p : firstOpen;
                lastOpen = p;
            }
            boolean fixedWork = !open[p] && day[p] != null && day[p].getShift() != null;
            fixedWorkedBefore[p + 1] = fixedWorkedBefore[p] + (fixedWork ? 1 : 0);
        }
        this.firstOpen = firstOpen;
        this.lastOpen = lastOpen;
        this.weeklyCapBinds = (long) Arrays.stream(maxPaid).max().orElse(0) * 7 > op.maxMinutesPerWeek();
        int longest = 0;
        for (int p = 0; p < span; p++) {
            longest = open[p] ? Math.max(longest, maxPaid[p]) : longest;
        }
        this.longestOpenShift = longest;
        this.weekMinutes = new int[weeks];
        this.weekendShifts = new int[weeks];
        op.maxShiftsPerTemplate().forEach((code, max) -> templateCount.put(code, new int[] {0, max}));
        for (ShiftKind kind : KINDS) {
            kindMax[kind.ordinal()] = op.maxShiftsOf(kind);
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
        return open[p];
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
            if (open[p]) {
                rate(day[p], gain, choiceAt, gainAt, p);
                if (restriction(p) != null) {
                    keepOnly(p, only[p]);
                }
            }
        }
        noisyAt = new double[span][];
        childAt = new double[span][];
        orderAt = new int[span][];
        for (int p = 0; p < span; p++) {
            if (open[p]) {
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
                if (open[p]) {
                    for (int i = 0; i < gainAt[p].length; i++) {
                        noisyAt[p][i] = gainAt[p][i] + (amount == 0 ? 0 : amount * (2 * random.nextDouble() - 1));
                    }
                }
            }
            reset();
            gainBound = gainBound();
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
            out[p] = open[p] ? new Choice(shift[p], queue[p]) : null;
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
        int budget = op.maxWeekendsPerPeriod() - weekendsWorked;
        boolean worked = weekendShifts[week[p]] > 0;
        boolean sameWeek = p + 1 >= span || week[p + 1] == week[p];
        boolean nextWorked = p + 1 < span && weekendShifts[week[p + 1]] > 0;
        for (int i = 0; i < choices.length; i++) {
            ShiftOption s = choices[i].shift();
            if (s == null) {
                after[i] = gainBound.at(p + 1, offNext, budget, sameWeek ? worked : nextWorked, shiftsLeft(periodMinutes));
            } else {
                int left = s.weekend() && !worked ? budget - 1 : budget;
                after[i] = left < 0 ? Double.NEGATIVE_INFINITY
                        : gainBound.at(p + 1, workNext, left, sameWeek ? worked || s.weekend() : nextWorked,
                                shiftsLeft(periodMinutes + s.paidMinutes()));
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

    /** Shifts of the shortest length still within the period maximum when {@code minutes} are worked. */
    private int shiftsLeft(int minutes) {
        return minPaid <= 0 ? Integer.MAX_VALUE : Math.max(0, op.maxMinutesPerPeriod() - minutes) / minPaid;
    }

    /** The run state before position {@code p} as {@link GainBound} numbers it. */
    private int runState(int p) {
        int runCap = gainBound.runCap();
        int run = 0;
        for (int q = p - 1; q >= 0 && shift[q] != null && run < runCap; q--) {
            run++;
        }
        if (run > 0) {
            return run;
        }
        int off = 0;
        int q = p - 1;
        for (; q >= 0 && shift[q] == null && off < gainBound.offCap(); q--) {
            off++;
        }
        return runCap + (q < 0 ? gainBound.offCap() : off);
    }

    /**
     * The bound for this search's gains: per open position the best gain of plain and of weekend work among the
     * choices the search could take there, the pinned days as they are, the weekends still allowed in the weeks
     * with an open weekend day, and the shifts the period maximum leaves room for. Reads the walk's state as
     * {@link #reset} leaves it (only the pinned days counted).
     */
    private GainBound gainBound() {
        int lo = -1;
        int hi = -1;
        int[] fixed = new int[span];
        double[] plain = new double[span];
        double[] weekend = new double[span];
        boolean[] newWeek = new boolean[span];
        boolean[] nextWorked = new boolean[span];
        java.util.Set<Integer> openWeekends = new java.util.HashSet<>();
        int openWorkable = 0;
        minPaid = Integer.MAX_VALUE;
        for (int p = 0; p < span; p++) {
            newWeek[p] = p + 1 < span && week[p + 1] != week[p];
            nextWorked[p] = p + 1 < span && weekendShifts[week[p + 1]] > 0;
            plain[p] = Double.NEGATIVE_INFINITY;
            weekend[p] = Double.NEGATIVE_INFINITY;
            if (!open[p]) {
                fixed[p] = shift[p] == null ? 1 : shift[p].weekend() && inPeriod[p] ? 3 : 2;
                continue;
            }
            lo = lo < 0 ? p : lo;
            hi = p;
            for (int i = 0; i < choiceAt[p].length; i++) {
                Choice c = choiceAt[p][i];
                ShiftOption s = c.shift();
                if (s == null || blocked[p] || (c.queue() != null && !op.hasSkill(c.queue())) || !op.mayWork(s)) {
                    continue;
                }
                minPaid = Math.min(minPaid, s.paidMinutes());
                if (s.weekend()) {
                    weekend[p] = Math.max(weekend[p], noisyAt[p][i]);
                    openWeekends.add(week[p]);
                } else {
                    plain[p] = Math.max(plain[p], noisyAt[p][i]);
                }
            }
            if (plain[p] > Double.NEGATIVE_INFINITY || weekend[p] > Double.NEGATIVE_INFINITY) {
                openWorkable++;
            }
        }
        if (lo < 0) {
            return new GainBound(0, -1, fixed, plain, weekend, newWeek, nextWorked, 1, 1, 0, 0);
        }
        minPaid = minPaid == Integer.MAX_VALUE ? 0 : minPaid;
        int runCap = Math.max(1, Math.min(op.maxConsecutiveDays(), span + 1));
        int offCap = Math.max(1, Math.min(op.minConsecutiveDaysOff(), span + 1));
        int budget = (int) Math.min(openWeekends.size(), Math.max(0L, (long) op.maxWeekendsPerPeriod() - weekendsWorked) + 1);
        int shifts = (int) Math.min(openWorkable, (long) shiftsLeft(periodMinutes) + 1);
        return new GainBound(lo, hi, fixed, plain, weekend, newWeek, nextWorked, runCap, offCap, budget, shifts);
    }

    /** The day at position {@code p} (null for a date before the period without a day). */
    OperatorDay dayAt(int p) {
        return day[p];
    }

    int span() {
        return span;
    }

    private void reset() {
        nodes = 0;
        Arrays.fill(shift, null);
        Arrays.fill(queue, null);
        Arrays.fill(weekMinutes, 0);
        Arrays.fill(weekendShifts, 0);
        Arrays.fill(kindCount, 0);
        templateCount.values().forEach(c -> c[0] = 0);
        weekendsWorked = 0;
        periodMinutes = 0;
        // pinned days count from the start, so that open days earlier in a week leave room for them
        for (int p = 0; p < span; p++) {
            if (!open[p] && day[p] != null && day[p].getShift() != null) {
                shift[p] = day[p].getShift();
                queue[p] = day[p].getQueue();
                count(p, shift[p], 1);
            }
        }
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
        return q >= lastOpen + 6 && q < span && shift[q - 1] == null
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
            boolean legal = !requireMinimum || periodMinutes >= op.minMinutesPerPeriod();
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
        if (!open[p]) {
            boolean fine = shift[p] == null ? !inPeriod[p] || runLongEnough(p, false) : pinnedFits(p);
            return fine && walk(p > lastOpen && beyondReach(p + 1) ? span : p + 1, current);
        }
        int[] order = current ? null : ordered(p);
        int tries = current ? 1 : order.length;
        for (int k = 0; k < tries; k++) {
            Choice c;
            double gain = 0;
            double exact = 0;
            if (current) {
                c = new Choice(day[p].getShift(), day[p].getQueue());
            } else {
                int o = order[k];
                c = choiceAt[p][o];
                gain = noisyAt[p][o];
                exact = gainAt[p][o];
                if (optimize && gainSoFar + gain + childAt[p][o] <= bestGain + 1e-9) {
                    continue;
                }
            }
            if (c.shift() == null ? !runLongEnough(p, true)
                    : blocked[p] || (c.queue() != null && !op.hasSkill(c.queue())) || !fits(p, c.shift())) {
                continue;
            }
            shift[p] = c.shift();
            queue[p] = c.queue();
            if (c.shift() != null) {
                count(p, c.shift(), 1);
            }
            gainSoFar += gain;
            exactSoFar += exact;
            if (minimumReachable(p + 1) && walk(p + 1, current)) {
                return true;
            }
            gainSoFar -= gain;
            exactSoFar -= exact;
            if (c.shift() != null) {
                count(p, c.shift(), -1);
            }
            shift[p] = null;
            queue[p] = null;
            if (nodes > nodeLimit) {
                return false;
            }
        }
        return false;
    }

    private void count(int p, ShiftOption s, int sign) {
        weekMinutes[week[p]] += sign * s.paidMinutes();
        if (!inPeriod[p]) {
            return;
        }
        periodMinutes += sign * s.paidMinutes();
        kindCount[s.kind().ordinal()] += sign;
        int[] perTemplate = templateCount.get(s.templateCode());
        if (perTemplate != null) {
            perTemplate[0] += sign;
        }
        if (s.weekend()) {
            int before = weekendShifts[week[p]];
            weekendShifts[week[p]] += sign;
            if (before == 0 && sign > 0) {
                weekendsWorked++;
            } else if (before == 1 && sign < 0) {
                weekendsWorked--;
            }
        }
    }

    /**
     * Whether the period minimum can still be met by the open days from {@code from} on: within each week's room,
     * with weekend days only in as many more weeks as the weekend limit allows, and no more days than runs of the
     * contract's maximum length with its minimum days off between them fit in.
     */
    private boolean minimumReachable(int from) {
        if (!requireMinimum) {
            return true;
        }
        int need = op.minMinutesPerPeriod() - periodMinutes;
        if (need <= 0) {
            return true;
        }
        if (!weeklyCapBinds) {
            // without a weekly cap that binds, the weekly check is the run bound's with fewer rules: skip its
            // O(days) loop (on a year's horizon it was most of the construction's time)
            return (long) workableDays(from) * longestOpen(from) >= need && runBound(from) >= need;
        }
        int[] weekdays = new int[weeks];
        int[] weekends = new int[weeks];
        int longest = 0;
        for (int p = from; p <= lastOpen; p++) {
            if (open[p] && maxPaid[p] > 0) {
                longest = Math.max(longest, maxPaid[p]);
                if (weekendDay[p] && weekendShifts[week[p]] == 0) {
                    weekends[week[p]] += maxPaid[p];
                } else {
                    weekdays[week[p]] += maxPaid[p];
                }
            }
        }
        long reachable = 0;
        int[] extra = new int[weeks];
        for (int w = 0; w < weeks; w++) {
            int room = Math.max(0, op.maxMinutesPerWeek() - weekMinutes[w]);
            int without = Math.min(room, weekdays[w]);
            reachable += without;
            extra[w] = Math.min(room, weekdays[w] + weekends[w]) - without;
        }
        Arrays.sort(extra);
        for (int i = 0; i < Math.min(weeks, op.maxWeekendsPerPeriod() - weekendsWorked); i++) {
            reachable += extra[weeks - 1 - i];
        }
        return reachable >= need && (long) workableDays(from) * longest >= need && runBound(from) >= need;
    }

    // --- a tighter bound: the most minutes the days from a position can add under the runs and weekends ---------

    private int[] bound;
    private int runCap;
    private int offCap;
    private int budgetCap;

    /**
     * The most minutes the open days from {@code from} on can add (each at its longest shift) in runs of at most the
     * contract's maximum with at least its minimum days off between, and work on at most as many more weekends as
     * it allows; pinned days keep their value. Computed backwards once per search (dynamic programming over day,
     * run state, weekends left and "this weekend already worked"), then read in O(1).
     */
    private int runBound(int from) {
        if (from > lastOpen) {
            return 0;
        }
        if (from < firstOpen) {
            return Integer.MAX_VALUE;
        }
        if (bound == null) {
            buildBound();
        }
        int run = 0;
        for (int q = from - 1; q >= 0 && shift[q] != null; q--) {
            run++;
        }
        int state;
        if (run > 0) {
            state = Math.min(run, runCap);
        } else {
            int off = 0;
            int q = from - 1;
            for (; q >= 0 && shift[q] == null; q--) {
                off++;
            }
            state = runCap + (q < 0 ? offCap : Math.min(off, offCap));
        }
        int budget = Math.max(0, Math.min(budgetCap, op.maxWeekendsPerPeriod() - weekendsWorked));
        int worked = weekendShifts[week[from]] > 0 ? 1 : 0;
        return bound[index(from, state, budget, worked)];
    }

    private int index(int p, int state, int budget, int worked) {
        return (((p - firstOpen) * (runCap + offCap + 1) + state) * (budgetCap + 1) + budget) * 2 + worked;
    }

    private void buildBound() {
        runCap = Math.max(1, op.maxConsecutiveDays());
        offCap = Math.max(1, op.minConsecutiveDaysOff());
        budgetCap = Math.max(0, Math.min(op.maxWeekendsPerPeriod(), weeks));
        int states = runCap + offCap + 1;
        // over the open positions only: the days after the last add no minutes, and leaving their rules out keeps
        // the bound an upper bound
        bound = new int[(lastOpen - firstOpen + 2) * states * (budgetCap + 1) * 2];
        for (int p = lastOpen; p >= firstOpen; p--) {
            boolean fixedWork = !open[p] && day[p] != null && day[p].getShift() != null;
            boolean canWork = fixedWork || (open[p] && maxPaid[p] > 0);
            boolean newWeek = p + 1 < span && week[p + 1] != week[p];
            for (int state = 1; state < states; state++) {
                for (int budget = 0; budget <= budgetCap; budget++) {
                    for (int worked = 0; worked <= 1; worked++) {
                        int best = Integer.MIN_VALUE;
                        if (!fixedWork) {
                            int next = state <= runCap ? runCap + 1 : Math.min(state + 1, runCap + offCap);
                            best = next(p, next, budget, newWeek ? 0 : worked);
                        }
                        if (canWork) {
                            boolean legal = fixedWork || (state <= runCap ? state < runCap : state == runCap + offCap);
                            int left = budget;
                            int nowWorked = worked;
                            if (weekendDay[p]) {
                                if (!fixedWork && worked == 0) {
                                    left--;
                                }
                                nowWorked = 1;
                            }
                            if (legal && left >= 0) {
                                int next = state <= runCap ? Math.min(state + 1, runCap) : 1;
                                int value = next(p, next, left, newWeek ? 0 : nowWorked);
                                best = Math.max(best, value == Integer.MIN_VALUE ? value : value + (fixedWork ? 0 : maxPaid[p]));
                            }
                        }
                        bound[index(p, state, budget, worked)] = best;
                    }
                }
            }
        }
    }

    private int next(int p, int state, int budget, int worked) {
        return p + 1 > lastOpen ? 0 : bound[index(p + 1, state, budget, worked)];
    }

    /** The longest paid shift of an open day from {@code from} on (the largest of all open days', an upper bound). */
    private int longestOpen(int from) {
        return from > lastOpen ? 0 : longestOpenShift;
    }

    /** The most days from {@code from} to the end that runs of at most the contract's maximum, with its days off between, allow. */
    private int workableDays(int from) {
        int most = op.maxConsecutiveDays();
        int off = Math.max(0, op.minConsecutiveDaysOff());
        // the open days end at the last open position: the days after it add nothing
        int left = lastOpen + 1 - from;
        if (most <= 0 || left <= 0) {
            return 0;
        }
        int run = 0;
        for (int q = from - 1; q >= 0 && shift[q] != null; q--) {
            run++;
        }
        int pos = 0;
        int days = 0;
        if (run > 0) {
            int a = Math.max(0, Math.min(most - run, left));
            days += a;
            pos += a + off;
        } else {
            int last = from - 1;
            while (last >= 0 && shift[last] == null) {
                last--;
            }
            if (last >= 0) {
                pos += Math.max(0, off - (from - 1 - last));
            }
        }
        while (pos < left) {
            int a = Math.min(most, left - pos);
            days += a;
            pos += a + off;
        }
        return days;
    }

    /** Whether shift {@code s} on open position {@code p} breaks no rule with the days before it (already counted totals). */
    private boolean fits(int p, ShiftOption s) {
        if (!op.mayWork(s)) {
            return false;
        }
        if (weekMinutes[week[p]] + s.paidMinutes() > op.maxMinutesPerWeek()
                || periodMinutes + s.paidMinutes() > op.maxMinutesPerPeriod()
                || kindCount[s.kind().ordinal()] + 1 > kindMax[s.kind().ordinal()]
                || templateFull(s)
                || (s.weekend() && weekendShifts[week[p]] == 0 && weekendsWorked + 1 > op.maxWeekendsPerPeriod())) {
            return false;
        }
        return sequenceFits(p, s, true);
    }

    private boolean templateFull(ShiftOption s) {
        if (templateCount.isEmpty()) {
            return false;
        }
        int[] counted = templateCount.get(s.templateCode());
        return counted != null && counted[0] + 1 > counted[1];
    }

    /** A pinned worked day against the open days before it (rules between pinned days only are not checked). */
    private boolean pinnedFits(int p) {
        return !inPeriod[p] || sequenceFits(p, shift[p], false);
    }

    /**
     * Rest, rest after nights, runs of days and of nights and days off between runs, for shift {@code s} on
     * {@code p} against the days before it; unless {@code openDay}, only where an open day takes part.
     */
    private boolean sequenceFits(int p, ShiftOption s, boolean openDay) {
        if (p > 0 && shift[p - 1] != null && (openDay || open[p - 1]) && shift[p - 1].forbidsNext(s)) {
            return false;
        }
        for (int q = Math.max(0, p - 2); q < p; q++) {
            if (shift[q] != null && (openDay || open[q]) && minutes(shift[q], s) < op.minRestMinutes()) {
                return false;
            }
        }
        for (int q = Math.max(0, p - 5); q < p; q++) {
            // only the last night of a block owes the rest (the day after it is no night)
            boolean lastOfBlock = q == p - 1 ? !s.isNight() : shift[q + 1] == null || !shift[q + 1].isNight();
            if (shift[q] != null && shift[q].isNight() && lastOfBlock && (openDay || open[q])
                    && minutes(shift[q], s) < op.minRestAfterNightsMinutes()) {
                return false;
            }
        }
        int run = 1;
        boolean runHasOpen = openDay;
        for (int q = p - 1; q >= 0 && shift[q] != null; q--) {
            run++;
            runHasOpen |= open[q];
        }
        if (run > op.maxConsecutiveDays() && runHasOpen) {
            return false;
        }
        if (s.isNight()) {
            int nights = 1;
            boolean nightsHaveOpen = openDay;
            for (int q = p - 1; q >= 0 && shift[q] != null && shift[q].isNight(); q--) {
                nights++;
                nightsHaveOpen |= open[q];
            }
            if (nights > op.maxNightsInRow() && nightsHaveOpen) {
                return false;
            }
        }
        int last = p - 1;
        while (last >= 0 && shift[last] == null) {
            last--;
        }
        int gap = p - last - 1;
        return last < 0 || gap == 0 || gap >= op.minConsecutiveDaysOff() || !(openDay || open[last]);
    }

    /**
     * Whether a day off on in-period position {@code p} leaves the run of working days just before it at least the
     * contract's minimum, when a day off in the period precedes that run (runs from the period start may continue
     * before it); unless {@code openDay}, only where the run has an open day.
     */
    private boolean runLongEnough(int p, boolean openDay) {
        int min = op.minConsecutiveDays();
        if (min <= 1) {
            return true;
        }
        int run = 0;
        boolean hasOpen = openDay;
        int q = p - 1;
        for (; q >= 0 && shift[q] != null; q--) {
            run++;
            hasOpen |= open[q];
        }
        // an open day off just before the run takes part too: it is what makes the run start there
        hasOpen |= q >= 0 && open[q];
        return run == 0 || run >= min || q < 0 || !inPeriod[q] || day[q] == null || !hasOpen;
    }

    private static long minutes(ShiftOption earlier, ShiftOption later) {
        return java.time.Duration.between(earlier.end(), later.start()).toMinutes();
    }
}
