package org.switchboard.demand.staffing;

import org.switchboard.demand.Queue;
import org.switchboard.demand.forecast.ForecastService.StoredForecast;

/** A queue's service targets as the Erlang calculation takes them (fractions, seconds). */
record StaffingTargets(double serviceLevel, double answerWithinSeconds, Double asaSeconds, double maxOccupancy,
        double shrinkage, Double patienceSeconds, Double abandonment) {

    static StaffingTargets of(Queue q) {
        return new StaffingTargets(q.getServiceLevelPercent() / 100, q.getAnswerWithinSeconds(),
                q.getAsaTargetSeconds() == null ? null : q.getAsaTargetSeconds().doubleValue(),
                q.getMaxOccupancyPercent() / 100, q.getShrinkagePercent() / 100,
                q.getPatienceSeconds() == null ? null : q.getPatienceSeconds().doubleValue(),
                q.getPatienceSeconds() == null || q.getAbandonTargetPercent() == null ? null : q.getAbandonTargetPercent() / 100);
    }

    StaffingRequest request(double calls, int intervalMinutes, double ahtSeconds) {
        return new StaffingRequest(calls, intervalMinutes, ahtSeconds, serviceLevel, answerWithinSeconds, asaSeconds,
                maxOccupancy, shrinkage, patienceSeconds, abandonment);
    }

    /** The requirement of one forecast interval; no calls or no handling time needs nobody. */
    StaffingRequirement requirement(long queueId, StoredForecast f) {
        if (f.adjusted() <= 0 || f.ahtSeconds() <= 0) {
            return new StaffingRequirement(queueId, f.start(), f.intervalMinutes(), Math.max(0, f.adjusted()),
                    f.ahtSeconds(), 0, 0, 1, 0, 0);
        }
        StaffingResult r = StaffingCalculator.required(request(f.adjusted(), f.intervalMinutes(), f.ahtSeconds()));
        return new StaffingRequirement(queueId, f.start(), f.intervalMinutes(), f.adjusted(), f.ahtSeconds(),
                r.agents(), r.positions(), r.serviceLevel(), r.occupancy(), r.asaSeconds());
    }
}
