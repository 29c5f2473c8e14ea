package org.switchboard.demand.forecast;

/**
 * Baseline: each interval gets the value of the same slot 7 days earlier; longer horizons repeat
 * the last week. With less than a week of history a weekday not yet seen gets the mean of that slot
 * over the days there are. AHT comes from the shared recent-weeks estimate.
 */
public final class SeasonalNaive implements ForecastMethod {

    @Override
    public String name() {
        return "seasonal-naive";
    }

    @Override
    public ForecastSeries forecast(IntervalSeries history, int days) {
        checkDays(days);
        int spd = history.slotsPerDay();
        int hDays = history.days();
        double[] calls = history.calls();
        double[] slotMean = new double[spd];
        for (int d = 0; d < hDays; d++) {
            for (int s = 0; s < spd; s++) {
                slotMean[s] += calls[d * spd + s] / hDays;
            }
        }
        double[][] templates = new double[7][];
        for (int r = 0; r < 7; r++) {
            int last = Weekly.lastSameWeekday(hDays, hDays + r);
            templates[r] = last >= 0
                    ? java.util.Arrays.copyOfRange(calls, last * spd, (last + 1) * spd)
                    : slotMean;
        }
        return new ForecastSeries(history.lastDay().plusDays(1), history.intervalMinutes(),
                Weekly.tile(templates, spd, days, null), AhtForecast.forecast(history, days));
    }

    static void checkDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0, got " + days);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
