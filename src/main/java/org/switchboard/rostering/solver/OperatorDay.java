package org.switchboard.rostering.solver;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * One operator on one date: which shift they work (none = day off) and on which queue. There is exactly one per
 * operator and date, so "at most one shift per day" holds by construction.
 *
 * <p>The shift value range is per entity: only the options of this date that the operator may ever work (night
 * shifts are left out for operators who may not work nights; an unavailable day gets no options). Days before the
 * period (the previous published roster, for rest rules across the period start) and published days are pinned.
 *
 * <p>Two plain (non-planning) additions: the breaks as {@link BreakPlanner} placed them after solving, with the slots
 * then actually covered (used by {@link #coverKeys()} as long as the shift is the one they were placed for), and the
 * published value of the day for replanning (the rule against changes to the published roster).
 */
@PlanningEntity
public class OperatorDay {

    @PlanningId
    private String id;
    private SolverOperator operator;
    private LocalDate date;
    private int dayIndex;
    private int weekKey;
    private boolean inPeriod;
    @PlanningPin
    private boolean pinned;
    /** Pinned by a planner's edit (not by publishing or the past): its hard rules still count, see {@link #isRuleChecked()}. */
    private boolean pinnedByPlanner;
    private List<ShiftOption> shiftRange;
    /** Of {@link #shiftRange}, read by every per-operator search: whether an option is weekend work, and the longest paid one. */
    private boolean weekendOption;
    private int longestPaidOption;

    @PlanningVariable(valueRangeProviderRefs = "shiftRange", nullable = true)
    private ShiftOption shift;

    @PlanningVariable(valueRangeProviderRefs = "queueRange", nullable = true)
    private Long queue;

    /** The shift {@link #placedBreaks} and {@link #placedSlots} belong to; they count only while it is worked. */
    private ShiftOption breaksPlacedFor;
    private List<PlacedBreak> placedBreaks;
    private int[] placedSlots;

    /** Whether the day has a published value; then {@link #publishedShiftId} (null = off) and the queue. */
    private boolean published;
    private String publishedShiftId;
    private Long publishedQueue;

    public OperatorDay() {
    }

    /**
     * @param dayIndex days since the period start
     * @param inPeriod false for pinned days before the period that only feed rest and sequence rules
     */
    public OperatorDay(SolverOperator operator, LocalDate date, int dayIndex, boolean inPeriod, boolean pinned,
            List<ShiftOption> shiftRange, ShiftOption shift, Long queue) {
        this.id = operator.id() + "@" + date;
        this.operator = operator;
        this.date = date;
        this.dayIndex = dayIndex;
        this.weekKey = date.get(IsoFields.WEEK_BASED_YEAR) * 100 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        this.inPeriod = inPeriod;
        this.pinned = pinned;
        this.shiftRange = List.copyOf(shiftRange);
        this.weekendOption = this.shiftRange.stream().anyMatch(ShiftOption::weekend);
        this.longestPaidOption = this.shiftRange.stream().mapToInt(ShiftOption::paidMinutes).max().orElse(0);
        this.shift = shift;
        this.queue = queue;
    }

    /**
     * A copy for {@link RosterSolutionCloner}: every field, references shared (the placed breaks and slots are
     * never changed in place, only replaced).
     */
    OperatorDay planningClone() {
        OperatorDay c = new OperatorDay();
        c.id = id;
        c.operator = operator;
        c.date = date;
        c.dayIndex = dayIndex;
        c.weekKey = weekKey;
        c.inPeriod = inPeriod;
        c.pinned = pinned;
        c.pinnedByPlanner = pinnedByPlanner;
        c.shiftRange = shiftRange;
        c.weekendOption = weekendOption;
        c.longestPaidOption = longestPaidOption;
        c.shift = shift;
        c.queue = queue;
        c.breaksPlacedFor = breaksPlacedFor;
        c.placedBreaks = placedBreaks;
        c.placedSlots = placedSlots;
        c.published = published;
        c.publishedShiftId = publishedShiftId;
        c.publishedQueue = publishedQueue;
        return c;
    }

    /**
     * A copy of this day (every field, the shift and queue as they are) for another view of the same operator, e.g.
     * with other contract limits, so the constraints judge the copy by that operator's terms.
     *
     * @throws IllegalArgumentException when {@code other} is another operator
     */
    public OperatorDay forOperator(SolverOperator other) {
        if (other.id() != operator.id()) {
            throw new IllegalArgumentException(other + " is not " + operator);
        }
        OperatorDay c = planningClone();
        c.operator = other;
        return c;
    }

    /** An unpinned day in the period with the given options. */
    public static OperatorDay open(SolverOperator operator, LocalDate date, int dayIndex, List<ShiftOption> options) {
        return new OperatorDay(operator, date, dayIndex, true, false, options, null, null);
    }

    /** Whether one of the shift options is weekend work. */
    boolean hasWeekendOption() {
        return weekendOption;
    }

    /** The paid minutes of the longest shift option (0: none). */
    int longestPaidOption() {
        return longestPaidOption;
    }

    @ValueRangeProvider(id = "shiftRange")
    public List<ShiftOption> getShiftRange() {
        return shiftRange;
    }

    @ValueRangeProvider(id = "queueRange")
    public List<Long> getQueueRange() {
        return operator.skillQueueIds();
    }

    public boolean isWorking() {
        return shift != null;
    }

    public boolean isNight() {
        return shift != null && shift.isNight();
    }

    public int paidMinutes() {
        return shift == null ? 0 : shift.paidMinutes();
    }

    /** The queue as a coverage join key: the queue id, or -1 when none (slot-style demand). */
    public long queueKey() {
        return queue == null ? -1L : queue;
    }

    /** Whether {@link BreakPlanner} placed the breaks of the shift worked now. */
    public boolean hasPlacedBreaks() {
        return shift != null && shift.equals(breaksPlacedFor);
    }

    /** The unpaid breaks as taken: as placed for this shift, else at their nominal positions; none on a day off. */
    public List<PlacedBreak> getBreaks() {
        if (shift == null) {
            return List.of();
        }
        return hasPlacedBreaks() ? placedBreaks : shift.nominalBreaks();
    }

    /** Records where the breaks of the current shift are taken and the slots then covered (see {@link BreakPlanner}). */
    public void placeBreaks(List<PlacedBreak> breaks, int[] coveredSlots) {
        if (shift == null) {
            throw new IllegalStateException("No shift on " + this);
        }
        this.breaksPlacedFor = shift;
        this.placedBreaks = List.copyOf(breaks);
        this.placedSlots = coveredSlots.clone();
    }

    public void clearPlacedBreaks() {
        breaksPlacedFor = null;
        placedBreaks = null;
        placedSlots = null;
    }

    /** The demand slots this day's work covers: with the placed breaks when there are any, else the shift's nominal ones. */
    public int[] coveredSlots() {
        if (shift == null) {
            return new int[0];
        }
        return hasPlacedBreaks() ? placedSlots : shift.coveredSlots();
    }

    /** Whether this day's work covers {@code slot} (any queue). */
    public boolean covers(int slot) {
        return shift != null && java.util.Arrays.binarySearch(coveredSlots(), slot) >= 0;
    }

    /** The demand units (as keys) this day's work counts in. */
    public List<CoverKey> coverKeys() {
        if (shift == null) {
            return List.of();
        }
        long q = queueKey();
        int[] slots = coveredSlots();
        CoverKey[] keys = new CoverKey[slots.length];
        for (int i = 0; i < slots.length; i++) {
            keys[i] = new CoverKey(q, slots[i]);
        }
        return List.of(keys);
    }

    /**
     * Minutes from the end of this day's shift to the start of {@code later}'s shift; a very large number when
     * either is a day off (Bavet may evaluate joiners on a tuple whose day has just become a day off).
     */
    public long minutesUntil(OperatorDay later) {
        if (shift == null || later.shift == null) {
            return Integer.MAX_VALUE;
        }
        return java.time.Duration.between(shift.end(), later.shift.start()).toMinutes();
    }

    public String getId() {
        return id;
    }

    public SolverOperator getOperator() {
        return operator;
    }

    public long operatorId() {
        return operator.id();
    }

    public LocalDate getDate() {
        return date;
    }

    public int getDayIndex() {
        return dayIndex;
    }

    /** ISO week-based year × 100 + ISO week: groups days into contract weeks and weekends. */
    public int getWeekKey() {
        return weekKey;
    }

    public boolean isInPeriod() {
        return inPeriod;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public boolean isPinnedByPlanner() {
        return pinnedByPlanner;
    }

    /** Pins the day as a planner's edit: the solver keeps it, and a rule it breaks shows in the score. */
    public void pinByPlanner() {
        this.pinned = true;
        this.pinnedByPlanner = true;
    }

    /**
     * Whether the per-day eligibility rules (skill, nights) judge this day: every open day and a planner's pinned edit
     * (a forced breach must stay visible in the score), but not a day kept from publishing or the past, which nobody
     * can change any more.
     */
    public boolean isRuleChecked() {
        return !pinned || pinnedByPlanner;
    }

    public ShiftOption getShift() {
        return shift;
    }

    public void setShift(ShiftOption shift) {
        this.shift = shift;
    }

    public Long getQueue() {
        return queue;
    }

    public void setQueue(Long queue) {
        this.queue = queue;
    }

    /** Sets the published value: the option id worked (null = day off) and the queue. */
    public void setPublished(String shiftId, Long queue) {
        this.published = true;
        this.publishedShiftId = shiftId;
        this.publishedQueue = queue;
    }

    public void clearPublished() {
        this.published = false;
        this.publishedShiftId = null;
        this.publishedQueue = null;
    }

    public boolean hasPublished() {
        return published;
    }

    public String getPublishedShiftId() {
        return publishedShiftId;
    }

    public Long getPublishedQueue() {
        return publishedQueue;
    }

    /**
     * Whether the day has a published value and now differs from it: another shift (or work instead of a day off, or
     * the other way round), or the same shift on another queue.
     */
    public boolean differsFromPublished() {
        if (!published) {
            return false;
        }
        String now = shift == null ? null : shift.id();
        if (!java.util.Objects.equals(now, publishedShiftId)) {
            return true;
        }
        return shift != null && !java.util.Objects.equals(queue, publishedQueue);
    }

    @Override
    public String toString() {
        return operator + " " + date + " " + (shift == null ? "off" : shift.templateCode() + " " + shift.localStart() + (queue == null ? "" : "/" + queue));
    }
}
