package org.switchboard.demand.staffing;

/**
 * A what-if staffing question for one interval. Fractions are 0..1. {@code maxOccupancy}, {@code shrinkage}
 * and {@code patienceSeconds} are optional; a patience selects Erlang A. {@code asaTargetSeconds} and
 * {@code abandonmentTarget} (Erlang A) are optional extra targets.
 */
public record ErlangQuery(Double callsPerInterval, Integer intervalMinutes, Double ahtSeconds,
        Double serviceLevelTarget, Double answerWithinSeconds, Double maxOccupancy, Double shrinkage,
        Double patienceSeconds, Double asaTargetSeconds, Double abandonmentTarget) {

    public static ErlangQuery of(double calls, int intervalMinutes, double aht, double slTarget, double answerWithin) {
        return new ErlangQuery(calls, intervalMinutes, aht, slTarget, answerWithin, null, null, null, null, null);
    }
}
