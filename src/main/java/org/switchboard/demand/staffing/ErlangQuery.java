package org.switchboard.demand.staffing;

/**
 * A what-if staffing question for one interval, as sent (JSON numbers, all optional here). Fractions are
 * 0..1. {@code maxOccupancy}, {@code shrinkage} and {@code patienceSeconds} are optional; a patience selects
 * Erlang A. {@code asaTargetSeconds} and {@code abandonmentTarget} (Erlang A) are optional extra targets.
 * {@code intervalMinutes} is read as a number so that 1.5 is refused as "not a whole number" instead of
 * being cut to 1; {@link StaffingService#whatIf} checks every field against {@link StaffingLimits}.
 */
public record ErlangQuery(Double callsPerInterval, Double intervalMinutes, Double ahtSeconds,
        Double serviceLevelTarget, Double answerWithinSeconds, Double maxOccupancy, Double shrinkage,
        Double patienceSeconds, Double asaTargetSeconds, Double abandonmentTarget) {

    public static ErlangQuery of(double calls, int intervalMinutes, double aht, double slTarget, double answerWithin) {
        return new ErlangQuery(calls, (double) intervalMinutes, aht, slTarget, answerWithin, null, null, null, null,
                null);
    }
}
