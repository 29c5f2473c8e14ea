package org.switchboard.demand.staffing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inputs for one interval. Fractions are 0..1; a {@code null} {@link Double} means "not set".
 *
 * <p>With {@code patienceSeconds} unset the queue is Erlang C (M/M/N, nobody hangs up); with it set
 * the queue is Erlang A (M/M/N+M, exponential patience with mean {@code patienceSeconds}).
 *
 * <p>The record accepts any values; {@link #problems()} lists what is wrong (for a 400 answer) and
 * {@link StaffingCalculator} throws {@link IllegalArgumentException} with the same texts.
 *
 * @param callsPerInterval offered calls in the interval, at least 0
 * @param intervalMinutes interval length in minutes, above 0
 * @param ahtSeconds average handling time in seconds, above 0
 * @param serviceLevelTarget fraction of offered calls to answer within {@code answerWithinSeconds}
 *     (e.g. 0.8), or null for no service-level target
 * @param answerWithinSeconds the service-level answer time T in seconds, at least 0
 * @param asaTargetSeconds the highest average speed of answer in seconds, or null for none
 * @param maxOccupancy the highest agent occupancy (e.g. 0.85), or null for no cap
 * @param shrinkage fraction of paid time not on the phones, 0 &le; s &lt; 1
 * @param patienceSeconds mean caller patience in seconds (Erlang A), or null for Erlang C
 * @param abandonmentTarget the highest abandonment fraction, or null for none; only meaningful
 *     with {@code patienceSeconds} (Erlang C never abandons, so it is always met there)
 */
public record StaffingRequest(
        double callsPerInterval,
        int intervalMinutes,
        double ahtSeconds,
        Double serviceLevelTarget,
        double answerWithinSeconds,
        Double asaTargetSeconds,
        Double maxOccupancy,
        double shrinkage,
        Double patienceSeconds,
        Double abandonmentTarget) {

    /** The highest offered load the calculator accepts, in Erlangs. */
    public static final double MAX_TRAFFIC_ERLANGS = 1_000_000;

    /** The common Erlang C case: a service-level target only, no occupancy cap, no shrinkage. */
    public static StaffingRequest erlangC(
            double calls, int intervalMinutes, double aht, double slTarget, double answerWithin) {
        return new StaffingRequest(calls, intervalMinutes, aht, slTarget, answerWithin, null, null, 0.0, null, null);
    }

    /** A copy with another shrinkage. */
    public StaffingRequest withShrinkage(double newShrinkage) {
        return new StaffingRequest(callsPerInterval, intervalMinutes, ahtSeconds, serviceLevelTarget,
                answerWithinSeconds, asaTargetSeconds, maxOccupancy, newShrinkage, patienceSeconds, abandonmentTarget);
    }

    /** A copy with another occupancy cap (null for none). */
    public StaffingRequest withMaxOccupancy(Double newMaxOccupancy) {
        return new StaffingRequest(callsPerInterval, intervalMinutes, ahtSeconds, serviceLevelTarget,
                answerWithinSeconds, asaTargetSeconds, newMaxOccupancy, shrinkage, patienceSeconds, abandonmentTarget);
    }

    /** A copy with another ASA target in seconds (null for none). */
    public StaffingRequest withAsaTargetSeconds(Double newAsaTarget) {
        return new StaffingRequest(callsPerInterval, intervalMinutes, ahtSeconds, serviceLevelTarget,
                answerWithinSeconds, newAsaTarget, maxOccupancy, shrinkage, patienceSeconds, abandonmentTarget);
    }

    /** A copy with Erlang A patience (null for Erlang C) and an abandonment target (null for none). */
    public StaffingRequest withPatience(Double newPatienceSeconds, Double newAbandonmentTarget) {
        return new StaffingRequest(callsPerInterval, intervalMinutes, ahtSeconds, serviceLevelTarget,
                answerWithinSeconds, asaTargetSeconds, maxOccupancy, shrinkage, newPatienceSeconds, newAbandonmentTarget);
    }

    /** Offered load in Erlangs: calls &times; AHT / interval length in seconds. */
    public double trafficErlangs() {
        return callsPerInterval * ahtSeconds / (intervalMinutes * 60.0);
    }

    /** Whether this is an Erlang A (abandonment) request. */
    public boolean hasPatience() {
        return patienceSeconds != null;
    }

    /**
     * What is wrong with the request, field name to reason, in field order; empty when valid. Field
     * names are the record's component names. A request without any target (no service level, no
     * ASA and, with patience, no abandonment target) is reported under {@code serviceLevelTarget}.
     */
    public Map<String, String> problems() {
        Map<String, String> problems = inputProblems();
        boolean anyTarget = serviceLevelTarget != null || asaTargetSeconds != null
                || (patienceSeconds != null && abandonmentTarget != null);
        if (!anyTarget) {
            problems.putIfAbsent("serviceLevelTarget",
                    "set a target: serviceLevelTarget, asaTargetSeconds or (with patienceSeconds) abandonmentTarget");
        }
        return problems;
    }

    /** {@link #problems()} without the "at least one target" rule (for what-if evaluation). */
    Map<String, String> inputProblems() {
        Map<String, String> p = new LinkedHashMap<>();
        if (!Double.isFinite(callsPerInterval) || callsPerInterval < 0) {
            p.put("callsPerInterval", "must be a number of at least 0");
        }
        if (intervalMinutes <= 0) {
            p.put("intervalMinutes", "must be above 0");
        }
        if (!Double.isFinite(ahtSeconds) || ahtSeconds <= 0) {
            p.put("ahtSeconds", "must be a number above 0");
        }
        if (p.isEmpty() && trafficErlangs() > MAX_TRAFFIC_ERLANGS) {
            p.put("callsPerInterval", "offered load of " + trafficErlangs()
                    + " Erlangs is above the supported " + (long) MAX_TRAFFIC_ERLANGS);
        }
        if (serviceLevelTarget != null
                && (!Double.isFinite(serviceLevelTarget) || serviceLevelTarget <= 0 || serviceLevelTarget > 1)) {
            p.put("serviceLevelTarget", "must be above 0 and at most 1");
        }
        if (!Double.isFinite(answerWithinSeconds) || answerWithinSeconds < 0) {
            p.put("answerWithinSeconds", "must be a number of at least 0");
        }
        if (asaTargetSeconds != null && (!Double.isFinite(asaTargetSeconds) || asaTargetSeconds <= 0)) {
            p.put("asaTargetSeconds", "must be a number above 0");
        }
        if (maxOccupancy != null && (!Double.isFinite(maxOccupancy) || maxOccupancy <= 0 || maxOccupancy > 1)) {
            p.put("maxOccupancy", "must be above 0 and at most 1");
        }
        if (!Double.isFinite(shrinkage) || shrinkage < 0 || shrinkage >= 1) {
            p.put("shrinkage", "must be at least 0 and below 1");
        }
        if (patienceSeconds != null && (!Double.isFinite(patienceSeconds) || patienceSeconds <= 0)) {
            p.put("patienceSeconds", "must be a number above 0 (leave it unset for Erlang C)");
        }
        if (abandonmentTarget != null
                && (!Double.isFinite(abandonmentTarget) || abandonmentTarget < 0 || abandonmentTarget > 1)) {
            p.put("abandonmentTarget", "must be between 0 and 1");
        }
        return p;
    }
}
