package org.switchboard.demand.forecast;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A forecast on the same regular local grid as {@link IntervalSeries}: {@code days() ×
 * slotsPerDay()} values, day-major, starting on {@code firstDay} (the day after the history's last
 * day). Calls are never negative and AHT is never NaN. The arrays are not copied.
 */
public record ForecastSeries(LocalDate firstDay, int intervalMinutes, double[] calls, double[] ahtSeconds) {

    public ForecastSeries {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(ahtSeconds, "ahtSeconds");
        IntervalSeries.checkInterval(intervalMinutes);
        if (calls.length % (1440 / intervalMinutes) != 0 || ahtSeconds.length != calls.length) {
            throw new IllegalArgumentException("calls and ahtSeconds must both hold whole days");
        }
    }

    public int slotsPerDay() {
        return 1440 / intervalMinutes;
    }

    public int days() {
        return calls.length / slotsPerDay();
    }

    /** Sum of the forecast calls. */
    public double totalCalls() {
        double t = 0;
        for (double c : calls) {
            t += c;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForecastSeries other
                && firstDay.equals(other.firstDay)
                && intervalMinutes == other.intervalMinutes
                && Arrays.equals(calls, other.calls)
                && Arrays.equals(ahtSeconds, other.ahtSeconds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstDay, intervalMinutes, Arrays.hashCode(calls), Arrays.hashCode(ahtSeconds));
    }

    @Override
    public String toString() {
        return "ForecastSeries[" + firstDay + ", " + days() + " days × " + slotsPerDay() + " slots of "
                + intervalMinutes + " min]";
    }
}
