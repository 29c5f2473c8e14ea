package org.switchboard.demand.staffing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.Optional;
import org.switchboard.demand.OpeningHours;
import org.switchboard.demand.Queue;
import org.switchboard.demand.forecast.LocalGrid;

/**
 * Turns an outbound queue's daily workload into operators per interval: the operator-hours the day needs (calls ×
 * AHT ÷ maximum occupancy) spread evenly over the open intervals in whole operators, the remainder as one stretch in
 * the inbound queues' quietest hours. (Filling the inbound valleys alone gave peaks of outbound work in a few quiet
 * intervals that no shift could cover: a roster gives each shift one queue, and the surveys went unstaffed.)
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
        int[] agents = even(load, hoursNeeded / (minutes / 60.0));
        int sum = 0;
        for (int a : agents) {
            sum += a;
        }
        double shrinkage = q.getShrinkagePercent() / 100;
        List<StaffingRequirement> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double calls = sum == 0 ? 0 : work.callsPerDay() * (double) agents[i] / sum;
            rows.add(new StaffingRequirement(q.getId(), starts.get(i), minutes, calls, work.ahtSeconds(), agents[i],
                    positions(agents[i], shrinkage), 1, agents[i] == 0 ? 0 : occupancy, 0));
        }
        return rows;
    }

    /** The calculator's positions: overflow-checked, shrinkage within {@link StaffingLimits}. */
    static int positions(int agents, double shrinkage) {
        return StaffingCalculator.positions(agents, shrinkage);
    }

    /**
     * Whole operators per open interval for {@code total} operator-intervals (rounded up): the same number all day,
     * and the units left over as one unbroken stretch where the inbound queues need the fewest operators, so the
     * outbound work has the shape of shifts (a roster gives each shift one queue) and its extra hands the quiet hours.
     */
    static int[] even(double[] load, double total) {
        int n = load.length;
        int[] agents = new int[n];
        int units = total <= 0 ? 0 : (int) Math.ceil(total - 1e-9);
        if (n == 0 || units == 0) {
            return agents;
        }
        Arrays.fill(agents, units / n);
        int left = units % n;
        if (left > 0) {
            int from = 0;
            double window = 0;
            for (int i = 0; i < left; i++) {
                window += load[i];
            }
            double least = window;
            for (int i = left; i < n; i++) {
                window += load[i] - load[i - left];
                if (window < least - 1e-9) {
                    least = window;
                    from = i - left + 1;
                }
            }
            for (int i = from; i < from + left; i++) {
                agents[i]++;
            }
        }
        return agents;
    }
}
