package org.switchboard.demand.forecast;

import java.time.Instant;

/** A planner's change to one queue's forecast over [startsAt, endsAt). Later adjustments apply after earlier ones. */
public record ForecastAdjustment(Long id, long queueId, Instant startsAt, Instant endsAt, AdjustmentKind kind,
        double amount, String note, String createdBy, Instant createdAt) {

    public boolean covers(Instant intervalStart) {
        return !intervalStart.isBefore(startsAt) && intervalStart.isBefore(endsAt);
    }

    public double apply(double calls) {
        return kind == AdjustmentKind.SCALE ? calls * (1 + amount / 100) : amount;
    }

    public String describe() {
        return kind == AdjustmentKind.SCALE
                ? (amount >= 0 ? "+" : "") + fmt(amount) + " %"
                : "= " + fmt(amount) + " calls per interval";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
