package org.switchboard.rostering.solver;

import java.util.Arrays;

/**
 * Whether the period minimum can still be met by the open days of {@link OperatorPatternSearch}'s walk from a
 * position on, given the plan so far ({@link OperatorRules}): the branch and bound cuts a branch as soon as it cannot.
 * An upper bound on the minutes still to come: each open day at its longest shift, within each week's room, with
 * weekend days only in as many more weeks as the weekend limit allows, and no more days than runs of the contract's
 * maximum length with its minimum days off between them fit in.
 */
final class MinutesBound {

    private final OperatorRules rules;
    private final SolverOperator op;
    private final int span;
    private final int weeks;
    private final int firstOpen;
    private final int lastOpen;
    /** Per position, the longest paid option (0: blocked or no day). */
    private final int[] maxPaid;
    private final boolean[] weekendDay;
    /** Whether the weekly maximum can keep a week's open days from all being worked (else the weekly check adds nothing). */
    private final boolean weeklyCapBinds;
    /** The longest paid shift of any open day. */
    private final int longestOpenShift;
    // scratch space of the weekly bound, per week
    private final int[] weekdays;
    private final int[] weekends;
    private final int[] extra;

    // the run bound: the most minutes from a position on, per run state and weekends left (built when first needed)
    private int[] bound;
    private int runCap;
    private int offCap;
    private int budgetCap;

    MinutesBound(OperatorRules rules) {
        this.rules = rules;
        this.op = rules.operator();
        this.span = rules.span();
        this.weeks = rules.weeks();
        this.firstOpen = rules.firstOpen();
        this.lastOpen = rules.lastOpen();
        this.maxPaid = new int[span];
        this.weekendDay = new boolean[span];
        int longest = 0;
        int most = 0;
        for (int p = 0; p < span; p++) {
            OperatorDay d = rules.dayAt(p);
            if (d != null) {
                weekendDay[p] = d.hasWeekendOption();
                maxPaid[p] = rules.isBlocked(p) ? 0 : d.longestPaidOption();
            }
            most = Math.max(most, maxPaid[p]);
            longest = rules.isOpen(p) ? Math.max(longest, maxPaid[p]) : longest;
        }
        this.weeklyCapBinds = (long) most * 7 > op.maxMinutesPerWeek();
        this.longestOpenShift = longest;
        this.weekdays = new int[weeks];
        this.weekends = new int[weeks];
        this.extra = new int[weeks];
    }

    /** Whether the period minimum can still be met by the open days from {@code from} on. */
    boolean reachable(int from) {
        int need = op.minMinutesPerPeriod() - rules.periodMinutes();
        if (need <= 0) {
            return true;
        }
        if (!weeklyCapBinds) {
            // without a weekly cap that binds, the weekly check is the run bound's with fewer rules: skip its
            // O(days) loop (on a year's horizon it was most of the construction's time)
            return (long) workableDays(from) * longestOpen(from) >= need && runBound(from) >= need;
        }
        Arrays.fill(weekdays, 0);
        Arrays.fill(weekends, 0);
        int longest = 0;
        for (int p = from; p <= lastOpen; p++) {
            if (rules.isOpen(p) && maxPaid[p] > 0) {
                longest = Math.max(longest, maxPaid[p]);
                int w = rules.week(p);
                if (weekendDay[p] && rules.weekendShifts(w) == 0) {
                    weekends[w] += maxPaid[p];
                } else {
                    weekdays[w] += maxPaid[p];
                }
            }
        }
        long reachable = 0;
        for (int w = 0; w < weeks; w++) {
            int room = Math.max(0, op.maxMinutesPerWeek() - rules.weekMinutes(w));
            int without = Math.min(room, weekdays[w]);
            reachable += without;
            extra[w] = Math.min(room, weekdays[w] + weekends[w]) - without;
        }
        Arrays.sort(extra);
        for (int i = 0; i < Math.min(weeks, op.maxWeekendsPerPeriod() - rules.weekendsWorked()); i++) {
            reachable += extra[weeks - 1 - i];
        }
        return reachable >= need && (long) workableDays(from) * longest >= need && runBound(from) >= need;
    }

    /**
     * The most minutes the open days from {@code from} on can add (each at its longest shift) in runs of at most the
     * contract's maximum with at least its minimum days off between, and work on at most as many more weekends as
     * it allows; pinned days keep their value. Computed backwards once (dynamic programming over day, run state,
     * weekends left and "this weekend already worked"), then read in O(1).
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
        for (int q = from - 1; q >= 0 && rules.shiftAt(q) != null; q--) {
            run++;
        }
        int state;
        if (run > 0) {
            state = Math.min(run, runCap);
        } else {
            int off = 0;
            int q = from - 1;
            for (; q >= 0 && rules.shiftAt(q) == null; q--) {
                off++;
            }
            state = runCap + (q < 0 ? offCap : Math.min(off, offCap));
        }
        int budget = Math.max(0, Math.min(budgetCap, op.maxWeekendsPerPeriod() - rules.weekendsWorked()));
        int worked = rules.weekendShifts(rules.week(from)) > 0 ? 1 : 0;
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
            boolean open = rules.isOpen(p);
            boolean fixedWork = !open && rules.dayAt(p) != null && rules.dayAt(p).getShift() != null;
            boolean canWork = fixedWork || (open && maxPaid[p] > 0);
            boolean newWeek = p + 1 < span && rules.week(p + 1) != rules.week(p);
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
        for (int q = from - 1; q >= 0 && rules.shiftAt(q) != null; q--) {
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
            while (last >= 0 && rules.shiftAt(last) == null) {
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
}
