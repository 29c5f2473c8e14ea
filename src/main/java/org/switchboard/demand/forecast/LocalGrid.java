package org.switchboard.demand.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Between instants and the site's local grid of days × time-of-day slots. A day has 23, 24 or 25 hours
 * of real intervals; the grid always has 24 hours of slots. History in the repeated hour of a DST change
 * is averaged into its slot; a forecast slot is staffed on every real interval that shows it, so both
 * occurrences of the repeated hour get staff and the skipped hour gets none.
 */
public final class LocalGrid {

    private LocalGrid() {}

    /** A real interval of a local day and the time-of-day slot it falls in. */
    public record Slot(Instant start, int slot) {}

    public static Instant startOfDay(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The real intervals of one local day, in order. */
    public static List<Slot> slotsOf(LocalDate day, ZoneId zone, int intervalMinutes) {
        List<Slot> slots = new ArrayList<>(1440 / intervalMinutes + 4);
        ZonedDateTime t = day.atStartOfDay(zone);
        Instant end = startOfDay(day.plusDays(1), zone);
        while (t.toInstant().isBefore(end)) {
            int minuteOfDay = t.getHour() * 60 + t.getMinute();
            slots.add(new Slot(t.toInstant(), minuteOfDay / intervalMinutes));
            t = t.plusMinutes(intervalMinutes);
        }
        return slots;
    }

    /** Accumulates instants' values onto the local grid (averaging the repeated hour). */
    public static final class Builder {
        private final LocalDate firstDay;
        private final int days;
        private final int intervalMinutes;
        private final ZoneId zone;
        private final double[] calls;
        private final int[] count;
        private final double[] handleSeconds;
        private final double[] handled;

        public Builder(LocalDate firstDay, int days, int intervalMinutes, ZoneId zone) {
            this.firstDay = firstDay;
            this.days = days;
            this.intervalMinutes = intervalMinutes;
            this.zone = zone;
            int n = days * (1440 / intervalMinutes);
            calls = new double[n];
            count = new int[n];
            handleSeconds = new double[n];
            handled = new double[n];
        }

        /** Adds one interval's calls and, if known, how many were handled at what average time. */
        public void add(Instant start, double offered, Integer handledCalls, Double ahtSeconds) {
            ZonedDateTime local = start.atZone(zone);
            long d = ChronoUnit.DAYS.between(firstDay, local.toLocalDate());
            if (d < 0 || d >= days) {
                return;
            }
            int i = (int) d * (1440 / intervalMinutes) + (local.getHour() * 60 + local.getMinute()) / intervalMinutes;
            calls[i] += offered;
            count[i]++;
            if (ahtSeconds != null && !ahtSeconds.isNaN()) {
                double weight = handledCalls == null ? Math.max(offered, 1) : handledCalls;
                handleSeconds[i] += ahtSeconds * weight;
                handled[i] += weight;
            }
        }

        public IntervalSeries build() {
            double[] c = Arrays.copyOf(calls, calls.length);
            double[] aht = new double[calls.length];
            for (int i = 0; i < c.length; i++) {
                if (count[i] > 1) {
                    c[i] /= count[i];
                }
                aht[i] = handled[i] > 0 ? handleSeconds[i] / handled[i] : Double.NaN;
            }
            return new IntervalSeries(firstDay, intervalMinutes, c, aht);
        }
    }
}
