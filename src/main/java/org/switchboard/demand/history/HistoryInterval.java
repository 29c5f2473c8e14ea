package org.switchboard.demand.history;

import java.time.Instant;

/** Stored history of one queue interval. Handled, abandoned and AHT may be unknown (null). */
public record HistoryInterval(long queueId, int intervalMinutes, Instant start, int offered, Integer handled,
        Integer abandoned, Double ahtSeconds) {}
