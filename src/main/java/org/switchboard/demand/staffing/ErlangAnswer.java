package org.switchboard.demand.staffing;

/** The answer of {@code POST /api/staffing/erlang}. ASA is null when it is unbounded. */
public record ErlangAnswer(int agents, int positions, double serviceLevel, double occupancy,
        double probabilityOfWaiting, Double asaSeconds, double abandonmentProbability) {

    static ErlangAnswer of(StaffingResult r) {
        return new ErlangAnswer(r.agents(), r.positions(), r.serviceLevel(), r.occupancy(), r.probabilityOfWaiting(),
                Double.isFinite(r.asaSeconds()) ? r.asaSeconds() : null, r.abandonmentProbability());
    }
}
