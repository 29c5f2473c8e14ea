package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.rostering.ShiftKind;

/**
 * The hard contract rules of one operator as the custom search checks them, each stated once: the one place
 * {@link OperatorPatternSearch} (so pattern construction, the rebuild moves, the passes and column generation's
 * pricing) and {@link WeekHoursRepair} ask. Each rule is the counterpart of one constraint of {@link RosterConstraints},
 * named by its name ({@link RosterWeights}): a new rule is written once here and once as a constraint, and
 * {@code OperatorRulesPropertyTest} holds the two together.
 *
 * <p>Built over the operator's days in date order (positions; a date without a day, before the period with nothing
 * published, is a day off): their weeks, whether they are in the period or before it, whether they are unavailable,
 * and which are open (the days a search chooses: unpinned, in the period, within its window) and which are fixed
 * (pinned, before the period, outside the window: they keep their values). It holds a plan built position by position
 * in date order with its running totals (paid minutes per week and in the period, shifts per kind and per template,
 * weekends worked): fixed days count from the start ({@link #reset}), open days as they are {@link #set}.
 *
 * <p>The checks are incremental, for the branch and bound: a shift or a day off on a position against the days
 * before it and the totals so far, without allocating. {@link #breaches} checks a whole plan with the very same
 * checks and names every rule it breaks. Deliberately less than the constraint streams check:
 * <ul>
 *   <li>Nothing between fixed days only: sequence rules (rest, rest after nights, runs of days and of nights, days
 *       off between runs, minimum runs, forbidden sequences) where an open day takes part; a total (week, period,
 *       kind, template) that is over where an open day's shift counts in it, the weekends where one is worked only
 *       on open days; per-day rules (unavailable, skill, nights, template, usual kinds) on open days.</li>
 *   <li>Unavailability of whole days ({@link OperatorPatternSearch#unavailable}); the problem builder leaves the
 *       options a window of part of a day forbids out of the day's range.</li>
 *   <li>The period minimum is a rule of the whole plan ({@link #minimumMet}); while a plan is built the search only
 *       bounds whether it can still be reached ({@link MinutesBound}).</li>
 * </ul>
 */
final class OperatorRules {

    /** A broken rule: the constraint's name ({@link RosterWeights}) and the position where it was found (-1: the period). */
    record Breach(String rule, int position) {}

    private static final ShiftKind[] KINDS = ShiftKind.values();

    private final SolverOperator op;
    private final int firstDayIndex;
    private final int span;
    private final OperatorDay[] day;
    private final boolean[] open;
    private final boolean[] inPeriod;
    private final boolean[] blocked;
    /** Per position, the ordinal of its ISO week among the operator's weeks. */
    private final int[] week;
    private final int weeks;
    private final int firstOpen;
    private final int lastOpen;

    // the plan so far and its totals
    private final ShiftOption[] shift;
    private final int[] weekMinutes;
    private final int[] weekendShifts;
    private int weekendsWorked;
    private int periodMinutes;
    private final int[] kindCount = new int[KINDS.length];
    /** Per shift kind, the period maximum. */
    private final int[] kindMax = new int[KINDS.length];
    /** Per template with a period maximum: {shifts counted, the maximum}. */
    private final Map<String, int[]> templateCount = new HashMap<>();

    /**
     * @param days all days of one operator (any order), including pinned days before the period
     * @param unavailable the dates (as {@code operatorId@date}, see {@link OperatorPatternSearch#key}) the operator
     *        must not work
     * @param from the open days are the unpinned days in the period with a day index in {@code from..to}
     */
    OperatorRules(List<OperatorDay> days, Set<String> unavailable, int from, int to) {
        List<OperatorDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparingInt(OperatorDay::getDayIndex));
        this.op = sorted.getFirst().getOperator();
        this.firstDayIndex = sorted.getFirst().getDayIndex();
        this.span = sorted.getLast().getDayIndex() - firstDayIndex + 1;
        this.day = new OperatorDay[span];
        this.open = new boolean[span];
        this.inPeriod = new boolean[span];
        this.blocked = new boolean[span];
        this.week = new int[span];
        this.shift = new ShiftOption[span];
        Map<Integer, Integer> weekOrdinal = new HashMap<>();
        int firstOpen = -1;
        int lastOpen = -1;
        for (OperatorDay d : sorted) {
            int p = d.getDayIndex() - firstDayIndex;
            day[p] = d;
            open[p] = !d.isPinned() && d.isInPeriod() && d.getDayIndex() >= from && d.getDayIndex() <= to;
            inPeriod[p] = d.isInPeriod();
            blocked[p] = d.isInPeriod() && unavailable.contains(OperatorPatternSearch.key(d.operatorId(), d.getDate()));
        }
        // positions without a day (before the period, nothing published) are days off; their week is a neighbour's
        for (int p = 0; p < span; p++) {
            int key = day[p] != null ? day[p].getWeekKey() : -1;
            week[p] = key < 0 ? (p > 0 ? week[p - 1] : -1) : weekOrdinal.computeIfAbsent(key, k -> weekOrdinal.size());
            if (open[p]) {
                firstOpen = firstOpen < 0 ? p : firstOpen;
                lastOpen = p;
            }
        }
        for (int p = 0; p < span && week[p] < 0; p++) {
            week[p] = 0;
        }
        this.weeks = Math.max(1, weekOrdinal.size());
        this.firstOpen = firstOpen;
        this.lastOpen = lastOpen;
        this.weekMinutes = new int[weeks];
        this.weekendShifts = new int[weeks];
        op.maxShiftsPerTemplate().forEach((code, max) -> templateCount.put(code, new int[] {0, max}));
        for (ShiftKind kind : KINDS) {
            kindMax[kind.ordinal()] = op.maxShiftsOf(kind);
        }
    }

    // --- the positions ----------------------------------------------------------------------------------------

    SolverOperator operator() {
        return op;
    }

    int span() {
        return span;
    }

    /** The position of {@code d} (a day of this operator). */
    int position(OperatorDay d) {
        return d.getDayIndex() - firstDayIndex;
    }

    /** The day at position {@code p} (null for a date before the period without a day). */
    OperatorDay dayAt(int p) {
        return day[p];
    }

    /** Whether the day at position {@code p} is one a search chooses (else it is fixed). */
    boolean isOpen(int p) {
        return open[p];
    }

    boolean inPeriod(int p) {
        return inPeriod[p];
    }

    /** Whether the operator may not work at all on position {@code p} (absent or unavailable the whole day). */
    boolean isBlocked(int p) {
        return blocked[p];
    }

    /** The first open position (-1: none); {@link #lastOpen} the last. */
    int firstOpen() {
        return firstOpen;
    }

    int lastOpen() {
        return lastOpen;
    }

    /** The week (an ordinal, 0 to {@link #weeks} - 1) of position {@code p}. */
    int week(int p) {
        return week[p];
    }

    int weeks() {
        return weeks;
    }

    // --- the plan and its totals ------------------------------------------------------------------------------

    /** The shift of position {@code p} in the plan so far (null: a day off, or not set yet). */
    ShiftOption shiftAt(int p) {
        return shift[p];
    }

    int weekMinutes(int w) {
        return weekMinutes[w];
    }

    /** Weekend shifts in the period in week {@code w}. */
    int weekendShifts(int w) {
        return weekendShifts[w];
    }

    /** Weeks with weekend work in the period. */
    int weekendsWorked() {
        return weekendsWorked;
    }

    int periodMinutes() {
        return periodMinutes;
    }

    /** An empty plan with the fixed days worked (counted from the start, so open days earlier in a week leave room for them). */
    void reset() {
        Arrays.fill(shift, null);
        Arrays.fill(weekMinutes, 0);
        Arrays.fill(weekendShifts, 0);
        Arrays.fill(kindCount, 0);
        templateCount.values().forEach(c -> c[0] = 0);
        weekendsWorked = 0;
        periodMinutes = 0;
        for (int p = 0; p < span; p++) {
            if (!open[p] && day[p] != null && day[p].getShift() != null) {
                set(p, day[p].getShift());
            }
        }
    }

    /** The plan of every day's current value, open days included. */
    void current() {
        reset();
        for (int p = 0; p < span; p++) {
            if (open[p]) {
                set(p, day[p].getShift());
            }
        }
    }

    /** Works {@code s} (null: a day off) on position {@code p}, which has no shift in the plan yet. */
    void set(int p, ShiftOption s) {
        shift[p] = s;
        if (s != null) {
            count(p, s, 1);
        }
    }

    /** Takes position {@code p}'s shift out of the plan. */
    void clear(int p) {
        if (shift[p] != null) {
            count(p, shift[p], -1);
        }
        shift[p] = null;
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

    // --- the checks -------------------------------------------------------------------------------------------

    /** Whether shift {@code s} on {@code queue} on open position {@code p} breaks no rule with the plan before it. */
    boolean fits(int p, ShiftOption s, Long queue) {
        return dayFits(p, s, queue, null) && sequenceFits(p, s, true, null);
    }

    /** Whether a day off on open position {@code p} breaks no rule with the plan before it. */
    boolean offFits(int p) {
        return offFits(p, true, null);
    }

    /** Whether fixed position {@code p}'s value in the plan breaks no rule with the open days before it. */
    boolean fixedFits(int p) {
        return fixedFits(p, null);
    }

    /** The per-day rules alone: whether open position {@code p} may take {@code s} on {@code queue} at all. */
    boolean eligible(int p, ShiftOption s, Long queue) {
        return available(p) && skilled(queue) && op.mayWork(s);
    }

    /** Whether the plan's period minutes reach the period minimum (rule {@link RosterWeights#MIN_PERIOD_MINUTES}). */
    boolean minimumMet() {
        return periodMinutes >= op.minMinutesPerPeriod();
    }

    /** Whether the week of position {@code p} has room for {@code minutes} more (rule {@link RosterWeights#MAX_WEEK_MINUTES}). */
    boolean weekRoom(int p, int minutes) {
        return weekMinutes[week[p]] + minutes <= op.maxMinutesPerWeek();
    }

    /**
     * The rules of the day and the totals for shift {@code s} on {@code queue} on open position {@code p}, each
     * stated once: with {@code out} null the first broken one gives false (the search), else every broken one is
     * added to {@code out} (and the result is true).
     */
    private boolean dayFits(int p, ShiftOption s, Long queue, List<Breach> out) {
        return (available(p) || broken(out, RosterWeights.UNAVAILABLE, p))
                && (skilled(queue) || broken(out, RosterWeights.SKILL, p))
                && (op.nightAllowed(s) || broken(out, RosterWeights.NIGHT_ELIGIBLE, p))
                && (op.templateAllowed(s) || broken(out, RosterWeights.TEMPLATE_ELIGIBLE, p))
                && (op.kindAllowed(s) || broken(out, RosterWeights.USUAL_KIND_HARD, p))
                && (weekRoom(p, s.paidMinutes()) || broken(out, RosterWeights.MAX_WEEK_MINUTES, p))
                && (periodMinutes + s.paidMinutes() <= op.maxMinutesPerPeriod() || broken(out, RosterWeights.MAX_PERIOD_MINUTES, p))
                && (kindCount[s.kind().ordinal()] + 1 <= kindMax[s.kind().ordinal()] || broken(out, RosterWeights.MAX_SHIFTS_OF_KIND, p))
                && (templateRoom(s) || broken(out, RosterWeights.MAX_SHIFTS_OF_TEMPLATE, p))
                && (weekendRoom(p, s) || broken(out, RosterWeights.MAX_WEEKENDS, p));
    }

    /**
     * The sequence rules for shift {@code s} on {@code p} against the plan before it, each stated once (as
     * {@link #dayFits}); unless {@code openDay}, only where an open day takes part.
     */
    private boolean sequenceFits(int p, ShiftOption s, boolean openDay, List<Breach> out) {
        return (sequenceAllowed(p, s, openDay) || broken(out, RosterWeights.FORBIDDEN_SEQUENCE, p))
                && (restFits(p, s, openDay) || broken(out, RosterWeights.MIN_REST, p))
                && (restAfterNightsFits(p, s, openDay) || broken(out, RosterWeights.REST_AFTER_NIGHTS, p))
                && (runFits(p, openDay) || broken(out, RosterWeights.MAX_CONSECUTIVE_DAYS, p))
                && (nightsFit(p, s, openDay) || broken(out, RosterWeights.MAX_NIGHTS, p))
                && (daysOffFit(p, openDay) || broken(out, RosterWeights.MIN_DAYS_OFF, p));
    }

    /** The rules of fixed position {@code p}'s value in the plan (as {@link #dayFits}), only where open days take part. */
    private boolean fixedFits(int p, List<Breach> out) {
        return !inPeriod[p] || (shift[p] == null ? offFits(p, false, out) : sequenceFits(p, shift[p], false, out));
    }

    /** The rule of a day off on in-period position {@code p} (as {@link #dayFits}). */
    private boolean offFits(int p, boolean openDay, List<Breach> out) {
        return runLongEnough(p, openDay) || broken(out, RosterWeights.MIN_CONSECUTIVE_DAYS, p);
    }

    /**
     * A broken rule: without {@code out} (the search) false, which ends the checks; else (the whole-plan check) it is
     * recorded and true, so the checks go on.
     */
    private static boolean broken(List<Breach> out, String rule, int p) {
        if (out == null) {
            return false;
        }
        out.add(new Breach(rule, p));
        return true;
    }

    /**
     * Every rule the plan of {@code shifts} and {@code queues} (per position; fixed positions keep their days' values)
     * breaks, by the checks the search makes, position by position in date order; the period minimum last (position
     * -1). Leaves that plan as the plan so far.
     */
    List<Breach> breaches(ShiftOption[] shifts, Long[] queues) {
        reset();
        List<Breach> out = new ArrayList<>();
        for (int p = 0; p < span; p++) {
            if (!open[p]) {
                fixedFits(p, out);
            } else if (shifts[p] == null) {
                offFits(p, true, out);
            } else {
                dayFits(p, shifts[p], queues[p], out);
                sequenceFits(p, shifts[p], true, out);
                set(p, shifts[p]);
            }
        }
        if (!minimumMet()) {
            out.add(new Breach(RosterWeights.MIN_PERIOD_MINUTES, -1));
        }
        return out;
    }

    /** {@link #breaches(ShiftOption[], Long[])} of the days' current values. */
    List<Breach> breaches() {
        ShiftOption[] shifts = new ShiftOption[span];
        Long[] queues = new Long[span];
        for (int p = 0; p < span; p++) {
            shifts[p] = open[p] ? day[p].getShift() : null;
            queues[p] = open[p] ? day[p].getQueue() : null;
        }
        return breaches(shifts, queues);
    }

    // --- one statement per rule -------------------------------------------------------------------------------

    /** Rule {@link RosterWeights#UNAVAILABLE} (whole days): no shift on a day the operator is absent or unavailable. */
    private boolean available(int p) {
        return !blocked[p];
    }

    /** Rule {@link RosterWeights#SKILL}: a queue only of the operator's skills. */
    private boolean skilled(Long queue) {
        return queue == null || op.hasSkill(queue);
    }

    /** Rule {@link RosterWeights#MAX_SHIFTS_OF_TEMPLATE}: room for one more shift of {@code s}'s template. */
    private boolean templateRoom(ShiftOption s) {
        if (templateCount.isEmpty()) {
            return true;
        }
        int[] counted = templateCount.get(s.templateCode());
        return counted == null || counted[0] + 1 <= counted[1];
    }

    /** Rule {@link RosterWeights#MAX_WEEKENDS}: weekend work in a week without any yet only within the limit. */
    private boolean weekendRoom(int p, ShiftOption s) {
        return !s.weekend() || weekendShifts[week[p]] != 0 || weekendsWorked + 1 <= op.maxWeekendsPerPeriod();
    }

    /** Rule {@link RosterWeights#FORBIDDEN_SEQUENCE}: {@code s} is not one the shift the day before forbids after it. */
    private boolean sequenceAllowed(int p, ShiftOption s, boolean openDay) {
        return p == 0 || shift[p - 1] == null || !(openDay || open[p - 1]) || !shift[p - 1].forbidsNext(s);
    }

    /** Rule {@link RosterWeights#MIN_REST}: the rest after the shifts of the two days before. */
    private boolean restFits(int p, ShiftOption s, boolean openDay) {
        for (int q = Math.max(0, p - 2); q < p; q++) {
            if (shift[q] != null && (openDay || open[q]) && minutes(shift[q], s) < op.minRestMinutes()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rule {@link RosterWeights#REST_AFTER_NIGHTS}: the rest after the last night of a block in the five days before;
     * the day after the night takes part too (no night on it makes the night the last).
     */
    private boolean restAfterNightsFits(int p, ShiftOption s, boolean openDay) {
        for (int q = Math.max(0, p - 5); q < p; q++) {
            // only the last night of a block owes the rest (the day after it is no night)
            boolean lastOfBlock = q == p - 1 ? !s.isNight() : shift[q + 1] == null || !shift[q + 1].isNight();
            if (shift[q] != null && shift[q].isNight() && lastOfBlock && (openDay || open[q] || open[q + 1])
                    && minutes(shift[q], s) < op.minRestAfterNightsMinutes()) {
                return false;
            }
        }
        return true;
    }

    /** Rule {@link RosterWeights#MAX_CONSECUTIVE_DAYS}: the run of working days up to {@code p} within the maximum. */
    private boolean runFits(int p, boolean openDay) {
        int run = 1;
        boolean runHasOpen = openDay;
        for (int q = p - 1; q >= 0 && shift[q] != null; q--) {
            run++;
            runHasOpen |= open[q];
        }
        return run <= op.maxConsecutiveDays() || !runHasOpen;
    }

    /** Rule {@link RosterWeights#MAX_NIGHTS}: the nights in a row up to {@code p} within the maximum. */
    private boolean nightsFit(int p, ShiftOption s, boolean openDay) {
        if (!s.isNight()) {
            return true;
        }
        int nights = 1;
        boolean nightsHaveOpen = openDay;
        for (int q = p - 1; q >= 0 && shift[q] != null && shift[q].isNight(); q--) {
            nights++;
            nightsHaveOpen |= open[q];
        }
        return nights <= op.maxNightsInRow() || !nightsHaveOpen;
    }

    /**
     * Rule {@link RosterWeights#MIN_DAYS_OFF}: the days off since the last worked day, if any, at least the minimum;
     * the days off take part too (an open one could be worked).
     */
    private boolean daysOffFit(int p, boolean openDay) {
        int last = p - 1;
        boolean gapHasOpen = false;
        while (last >= 0 && shift[last] == null) {
            gapHasOpen |= open[last];
            last--;
        }
        int gap = p - last - 1;
        return last < 0 || gap == 0 || gap >= op.minConsecutiveDaysOff() || !(openDay || open[last] || gapHasOpen);
    }

    /**
     * Rule {@link RosterWeights#MIN_CONSECUTIVE_DAYS}: a day off on in-period position {@code p} leaves the run of
     * working days just before it at least the contract's minimum, when a day off in the period precedes that run
     * (runs from the period start may continue before it); unless {@code openDay}, only where the run has an open day.
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
