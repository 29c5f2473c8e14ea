package org.switchboard.demand.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A regular local-time series: {@code days() × slotsPerDay()} values, day-major, so the value of
 * day {@code d} and slot {@code s} is {@code calls[d * slotsPerDay + s]}. The slot is the time of
 * day divided by the interval length (96 slots a day at 15 minutes, 48 at 30). The caller maps
 * stored instants to this grid and back, DST included, so every day here has the same slots.
 *
 * <p>Calls must be finite and not negative (zero-fill intervals without calls). AHT (average
 * handling time, seconds) may be NaN where nothing was handled; a {@code null} AHT array means
 * "unknown everywhere". The arrays are not copied: do not change them after construction.
 */
public record IntervalSeries(LocalDate firstDay, int intervalMinutes, double[] calls, double[] ahtSeconds) {

    public IntervalSeries {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(calls, "calls");
        checkInterval(intervalMinutes);
        int spd = 1440 / intervalMinutes;
        if (calls.length % spd != 0) {
            throw new IllegalArgumentException("calls has " + calls.length
                    + " values, not a whole number of days of " + spd + " slots");
        }
        for (double c : calls) {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("calls must be finite and >= 0, got " + c);
            }
        }
        if (ahtSeconds == null) {
            ahtSeconds = new double[calls.length];
            Arrays.fill(ahtSeconds, Double.NaN);
        } else if (ahtSeconds.length != calls.length) {
            throw new IllegalArgumentException("ahtSeconds has " + ahtSeconds.length
                    + " values but calls has " + calls.length);
        }
    }

    /** A series without AHT (all NaN). */
    public static IntervalSeries ofCalls(LocalDate firstDay, int intervalMinutes, double[] calls) {
        return new IntervalSeries(firstDay, intervalMinutes, calls, null);
    }

    static void checkInterval(int intervalMinutes) {
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
            throw new IllegalArgumentException("intervalMinutes must divide 1440, got " + intervalMinutes);
        }
    }

    /** 1440 / intervalMinutes. */
    public int slotsPerDay() {
        return 1440 / intervalMinutes;
    }

    public int days() {
        return calls.length / slotsPerDay();
    }

    /** The last day, or the day before {@link #firstDay()} when the series is empty. */
    public LocalDate lastDay() {
        return firstDay.plusDays(days() - 1L);
    }

    /** The weekday of day index {@code d} (0 = firstDay). */
    public DayOfWeek dayOfWeek(int d) {
        return firstDay.plusDays(d).getDayOfWeek();
    }

    /** The first {@code n} days (for example the training part of a backtest). */
    public IntervalSeries firstDays(int n) {
        checkDayCount(n);
        int len = n * slotsPerDay();
        return new IntervalSeries(firstDay, intervalMinutes,
                Arrays.copyOf(calls, len), Arrays.copyOf(ahtSeconds, len));
    }

    /** The last {@code n} days (for example the actuals of a holdout). */
    public IntervalSeries lastDays(int n) {
        checkDayCount(n);
        int from = (days() - n) * slotsPerDay();
        return new IntervalSeries(firstDay.plusDays(days() - n), intervalMinutes,
                Arrays.copyOfRange(calls, from, calls.length),
                Arrays.copyOfRange(ahtSeconds, from, ahtSeconds.length));
    }

    private void checkDayCount(int n) {
        if (n < 0 || n > days()) {
            throw new IllegalArgumentException("n must be within 0.." + days() + ", got " + n);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSeries other
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
        return "IntervalSeries[" + firstDay + ", " + days() + " days × " + slotsPerDay() + " slots of "
                + intervalMinutes + " min]";
    }
}
