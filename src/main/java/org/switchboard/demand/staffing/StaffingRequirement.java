package org.switchboard.demand.staffing;

import java.time.Instant;

/**
 * Operators one queue needs in one interval: {@code agents} on the phones (Erlang result, occupancy cap
 * applied) and {@code positions} to schedule (agents grossed up for shrinkage). For outbound queues calls
 * are the calls to make in the interval and service level, ASA are not applicable (1 and 0).
 */
public record StaffingRequirement(long queueId, Instant start, int intervalMinutes, double calls, double ahtSeconds,
        int agents, int positions, double serviceLevel, double occupancy, double asaSeconds) {

    public Instant end() {
        return start.plusSeconds(intervalMinutes * 60L);
    }
}
