package org.switchboard.demand.forecast;

/** A way to forecast calls and AHT per interval from a regular local-time history. */
public interface ForecastMethod {

    /** A short stable identifier, for example {@code "seasonal-naive"}. */
    String name();

    /**
     * Forecasts {@code days} days starting the day after {@code history.lastDay()}, on the same
     * interval grid. Calls are never negative and AHT is never NaN. Works with any history length,
     * including none (then everything is 0).
     */
    ForecastSeries forecast(IntervalSeries history, int days);
}
