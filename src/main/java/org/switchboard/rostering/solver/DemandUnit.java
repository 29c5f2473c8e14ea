package org.switchboard.rostering.solver;

/**
 * Something coverage is scored against: how many operators are required, and what a missing or surplus operator
 * costs. One coverage rule serves two kinds of demand:
 * <ul>
 *   <li><b>call-center intervals</b>: a unit is (queue, interval); {@code slot} is the interval index from the
 *       period start (queue-agnostic, the same index as in {@link ShiftOption#coveredSlots()}), {@code required} the
 *       Erlang requirement. An operator counts in every interval their shift covers, for the queue they work.</li>
 *   <li><b>slot-style</b> (e.g. nurse-rostering benchmarks): a unit is (day, shift type); {@code queueId} is null
 *       and {@code slot} is a key per (day, shift type) that the matching shift options cover.</li>
 * </ul>
 * An operator working an option counts in a unit when the option covers the unit's slot and the operator's queue is
 * the unit's queue (both null for slot-style).
 *
 * @param index unique among the units of a solution
 * @param dayIndex the period day the unit belongs to (for an interval: the local day it starts on); only shift
 *        options of this day or the day before may cover it
 * @param shortageWeight cost of each missing operator (medium level, times the configured weight) when the unit has
 *        no service curve
 * @param surplusWeight cost of each operator beyond the requirement (soft level, times the configured weight)
 * @param curve when the roster aims at the service level: what each operator present is worth, up to a few beyond
 *        the requirement (its steps replace the shortage weight); null: every missing operator costs the shortage
 *        weight, and operators beyond the requirement are worth nothing
 */
public record DemandUnit(int index, Long queueId, int slot, int dayIndex, String label, int required,
        int shortageWeight, int surplusWeight, ServiceCurve curve) {

    public DemandUnit {
        if (curve != null && curve.steps().length < Math.max(0, required)) {
            throw new IllegalArgumentException("a service curve needs a step per required operator at least: " + label);
        }
    }

    /** A unit weighed by operators: every missing one costs {@code shortageWeight}. */
    public DemandUnit(int index, Long queueId, int slot, int dayIndex, String label, int required, int shortageWeight,
            int surplusWeight) {
        this(index, queueId, slot, dayIndex, label, required, shortageWeight, surplusWeight, null);
    }

    /** The weight of the {@code k}-th operator present (from 0), for k below {@link #valuedOperators()}. */
    public int step(int k) {
        return curve == null ? shortageWeight : curve.steps()[k];
    }

    /** How many operators present are worth something: the requirement, or with a curve its steps (a few more). */
    public int valuedOperators() {
        return curve == null ? Math.max(0, required) : curve.steps().length;
    }

    /** What {@code present} operators are worth: the steps of the first of them, up to {@link #valuedOperators()}. */
    public int coverValue(int present) {
        int n = Math.min(present, valuedOperators());
        if (curve == null) {
            return Math.max(0, n) * shortageWeight;
        }
        int[] steps = curve.steps();
        int value = 0;
        for (int k = 0; k < n; k++) {
            value += steps[k];
        }
        return value;
    }

    /** What all valued operators are worth: the cost of the unit with nobody present. */
    public int fullValue() {
        return coverValue(Integer.MAX_VALUE);
    }

    /** The shortage's cost with {@code present} operators: the steps of the operators still missing. */
    public int missingCost(int present) {
        return fullValue() - coverValue(present);
    }

    /** The queue as a join key: the queue id, or -1 for slot-style units. */
    public long queueKey() {
        return queueId == null ? -1L : queueId;
    }

    public CoverKey key() {
        return new CoverKey(queueKey(), slot);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemandUnit other && other.index == index;
    }

    @Override
    public int hashCode() {
        return index;
    }
}
