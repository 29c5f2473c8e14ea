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
    private List<ShiftOption> shiftRange;

    @PlanningVariable(valueRangeProviderRefs = "shiftRange", nullable = true)
    private ShiftOption shift;

    @PlanningVariable(valueRangeProviderRefs = "queueRange", nullable = true)
    private Long queue;

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
        this.shift = shift;
        this.queue = queue;
    }

    /** An unpinned day in the period with the given options. */
    public static OperatorDay open(SolverOperator operator, LocalDate date, int dayIndex, List<ShiftOption> options) {
        return new OperatorDay(operator, date, dayIndex, true, false, options, null, null);
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

    /** The demand units (as keys) this day's work counts in. */
    public List<CoverKey> coverKeys() {
        if (shift == null) {
            return List.of();
        }
        long q = queueKey();
        int[] slots = shift.coveredSlots();
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

    @Override
    public String toString() {
        return operator + " " + date + " " + (shift == null ? "off" : shift.templateCode() + (queue == null ? "" : "/" + queue));
    }
}
