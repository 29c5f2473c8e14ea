package org.switchboard.demand.staffing;

import static org.switchboard.demand.staffing.StaffingLimits.*;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inputs for one interval. Fractions are 0..1; a {@code null} {@link Double} means "not set".
 *
 * <p>With {@code patienceSeconds} unset the queue is Erlang C (M/M/N, nobody hangs up); with it set
 * the queue is Erlang A (M/M/N+M, exponential patience with mean {@code patienceSeconds}).
 *
 * <p>The record accepts any values; {@link #problems()} lists what is wrong (for a 400 answer) and
 * {@link StaffingCalculator} throws {@link IllegalArgumentException} with the same texts. The accepted
 * ranges are those of {@link StaffingLimits}: within them every calculation ends in well under a second.
 *
 * @param callsPerInterval offered calls in the interval, 0 to 1,000,000
 * @param intervalMinutes interval length in minutes, 1 to 1440
 * @param ahtSeconds average handling time in seconds, 1 to 86,400; calls &times; AHT / interval at most
 *     1,000,000 Erlangs
 * @param serviceLevelTarget fraction of offered calls to answer within {@code answerWithinSeconds}
 *     (e.g. 0.8), 0.01 to below 1, or null for no service-level target
 * @param answerWithinSeconds the service-level answer time T in seconds, 0 to 3600
 * @param asaTargetSeconds the highest average speed of answer in seconds (1 to 3600), or null for none
 * @param maxOccupancy the highest agent occupancy (e.g. 0.85), 0.5 to 1, or null for no cap
 * @param shrinkage fraction of paid time not on the phones, 0 to 0.9
 * @param patienceSeconds mean caller patience in seconds (Erlang A), 1 to 3600, or null for Erlang C
 * @param abandonmentTarget the highest abandonment fraction (0 to 0.99), or null for none; only meaningful
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
        if (!(callsPerInterval >= 0 && callsPerInterval <= MAX_CALLS_PER_INTERVAL)) {
            p.put("callsPerInterval", "must be a number from 0 to 1,000,000");
        }
        if (!(intervalMinutes >= MIN_INTERVAL_MINUTES && intervalMinutes <= MAX_INTERVAL_MINUTES)) {
            p.put("intervalMinutes", INTERVAL_REASON);
        }
        if (!(ahtSeconds >= MIN_AHT_SECONDS && ahtSeconds <= MAX_AHT_SECONDS)) {
            p.put("ahtSeconds", "must be a number of seconds from 1 to 86,400");
        }
        if (p.isEmpty() && trafficErlangs() > MAX_TRAFFIC_ERLANGS) {
            p.put("callsPerInterval", "offered load of " + trafficErlangs()
                    + " Erlangs (calls × AHT / interval) is above the supported 1,000,000");
        }
        if (serviceLevelTarget != null && !(serviceLevelTarget >= MIN_SERVICE_LEVEL && serviceLevelTarget <= 1)) {
            p.put("serviceLevelTarget", StaffingLimits.percent(serviceLevelTarget) + " is out of range: must be from "
                    + StaffingLimits.percent(MIN_SERVICE_LEVEL) + " to below 100 %");
        }
        if (!(answerWithinSeconds >= 0 && answerWithinSeconds <= MAX_ANSWER_WITHIN_SECONDS)) {
            p.put("answerWithinSeconds", "must be a number of seconds from 0 to " + MAX_ANSWER_WITHIN_SECONDS);
        }
        if (asaTargetSeconds != null
                && !(asaTargetSeconds >= MIN_ASA_TARGET_SECONDS && asaTargetSeconds <= MAX_ASA_TARGET_SECONDS)) {
            p.put("asaTargetSeconds", "must be a number of seconds from " + MIN_ASA_TARGET_SECONDS + " to "
                    + MAX_ASA_TARGET_SECONDS);
        }
        if (maxOccupancy != null && !(maxOccupancy >= MIN_MAX_OCCUPANCY && maxOccupancy <= MAX_MAX_OCCUPANCY)) {
            p.put("maxOccupancy", StaffingLimits.percent(maxOccupancy) + " is out of range: must be from "
                    + StaffingLimits.percent(MIN_MAX_OCCUPANCY) + " to " + StaffingLimits.percent(MAX_MAX_OCCUPANCY));
        }
        if (!(shrinkage >= 0 && shrinkage <= MAX_SHRINKAGE)) {
            p.put("shrinkage", Double.isFinite(shrinkage) ? StaffingLimits.percent(shrinkage) + " is out of range: "
                    + SHRINKAGE_REASON : SHRINKAGE_REASON);
        }
        if (patienceSeconds != null
                && !(patienceSeconds >= MIN_PATIENCE_SECONDS && patienceSeconds <= MAX_PATIENCE_SECONDS)) {
            p.put("patienceSeconds", "must be a number of seconds from " + MIN_PATIENCE_SECONDS + " to "
                    + MAX_PATIENCE_SECONDS + " (leave it unset for Erlang C)");
        }
        if (abandonmentTarget != null && !(abandonmentTarget >= 0 && abandonmentTarget <= MAX_ABANDONMENT)) {
            p.put("abandonmentTarget", StaffingLimits.percent(abandonmentTarget) + " is out of range: must be from 0 % to "
                    + StaffingLimits.percent(MAX_ABANDONMENT));
        }
        return p;
    }

    /** The reason given for an interval length out of range or not a whole number of minutes. */
    static final String INTERVAL_REASON = "must be a whole number of minutes from " + MIN_INTERVAL_MINUTES + " to "
            + MAX_INTERVAL_MINUTES;

    static final String SHRINKAGE_REASON = "must be from 0 % to " + StaffingLimits.percent(MAX_SHRINKAGE);
}
