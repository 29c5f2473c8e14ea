package org.switchboard.demand.forecast;

import java.time.Instant;

/**
 * One interval of a queue as the forecast screen shows it. Null where there is nothing: no history yet,
 * no forecast made.
 *
 * @param forecast the stored forecast before adjustments
 * @param adjusted the forecast after the planner's adjustments (what staffing uses)
 */
public record ForecastPoint(Instant start, int intervalMinutes, Double history, Double forecast, Double adjusted,
        Double ahtSeconds) {

    public boolean isAdjusted() {
        return forecast != null && adjusted != null && Math.abs(forecast - adjusted) > 1e-9;
    }
}
