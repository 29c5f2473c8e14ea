package org.switchboard.demand.staffing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Optional;
import org.switchboard.demand.OpeningHours;
import org.switchboard.demand.Queue;
import org.switchboard.demand.forecast.LocalGrid;

/**
 * Turns an outbound queue's daily workload into operators per interval by "filling the valleys": the
 * operator-hours the day needs (calls × AHT ÷ maximum occupancy) go to the open intervals with the least
 * inbound requirement first, up to a common level, so outbound work uses the quiet hours.
 */
final class OutboundSpread {

    /** Longest interval a requirement can have (60 minutes): how far back an overlapping one may start. */
    static final long MAX_INTERVAL_SECONDS = 3600;

    private OutboundSpread() {}

    /** Inbound requirements by start, so each interval finds the ones overlapping it without a scan. */
    static NavigableMap<Instant, List<StaffingRequirement>> byStart(List<StaffingRequirement> inbound) {
        NavigableMap<Instant, List<StaffingRequirement>> map = new TreeMap<>();
        for (StaffingRequirement r : inbound) {
            map.computeIfAbsent(r.start(), k -> new ArrayList<>(4)).add(r);
        }
        return map;
    }

    static List<StaffingRequirement> spread(Queue q, OutboundWorkload work, LocalDate day, ZoneId zone, int minutes,
            NavigableMap<Instant, List<StaffingRequirement>> inbound) {
        Optional<OpeningHours> hours = RequirementService.hours(q, day.getDayOfWeek());
        if (hours.isEmpty()) {
            return List.of();
        }
        List<Instant> starts = new ArrayList<>();
        for (LocalGrid.Slot s : LocalGrid.slotsOf(day, zone, minutes)) {
            LocalTime t = s.start().atZone(zone).toLocalTime();
            if (RequirementService.open(hours.get(), t)) {
                starts.add(s.start());
            }
        }
        int n = starts.size();
        if (n == 0) {
            return List.of();
        }
        double[] load = new double[n];
        for (int i = 0; i < n; i++) {
            Instant from = starts.get(i);
            Instant to = from.plusSeconds(minutes * 60L);
            // inbound operators needed during the interval: the busiest overlapping start (all inbound queues summed)
            load[i] = inbound.subMap(from.minusSeconds(MAX_INTERVAL_SECONDS), false, to, false).values().stream()
                    .flatMap(List::stream)
                    .filter(r -> r.start().isBefore(to) && r.end().isAfter(from))
                    .mapToInt(StaffingRequirement::agents).max().orElse(0);
        }
        double occupancy = q.getMaxOccupancyPercent() / 100;
        double hoursNeeded = work.callsPerDay() * (double) work.ahtSeconds() / 3600 / occupancy;
        double[] extra = level(load, hoursNeeded / (minutes / 60.0));
        int[] agents = roundPreservingTotal(extra);
        double sum = 0;
        for (double e : extra) {
            sum += e;
        }
        double shrinkage = q.getShrinkagePercent() / 100;
        List<StaffingRequirement> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double calls = sum == 0 ? 0 : work.callsPerDay() * extra[i] / sum;
            rows.add(new StaffingRequirement(q.getId(), starts.get(i), minutes, calls, work.ahtSeconds(), agents[i],
                    positions(agents[i], shrinkage), 1, agents[i] == 0 ? 0 : occupancy, 0));
        }
        return rows;
    }

    /** The calculator's positions: overflow-checked, shrinkage within {@link StaffingLimits}. */
    static int positions(int agents, double shrinkage) {
        return StaffingCalculator.positions(agents, shrinkage);
    }

    /** Water level: extra[i] = max(0, L − load[i]) with Σ extra = total (operator-intervals). */
    static double[] level(double[] load, double total) {
        double[] extra = new double[load.length];
        if (total <= 0) {
            return extra;
        }
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (double l : load) {
            lo = Math.min(lo, l);
            hi = Math.max(hi, l);
        }
        hi += total;
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            double s = 0;
            for (double l : load) {
                s += Math.max(0, mid - l);
            }
            if (s < total) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        for (int i = 0; i < load.length; i++) {
            extra[i] = Math.max(0, hi - load[i]);
        }
        return extra;
    }

    /** Whole operators per interval: floors, then the missing units to the largest remainders (total = ceil Σ). */
    static int[] roundPreservingTotal(double[] values) {
        int[] out = new int[values.length];
        double sum = 0;
        int floors = 0;
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) Math.floor(values[i] + 1e-9);
            floors += out[i];
            sum += values[i];
        }
        int missing = (int) Math.ceil(sum - 1e-9) - floors;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> values[i] - out[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < missing && k < order.size(); k++) {
            out[order.get(k)]++;
        }
        return out;
    }
}
