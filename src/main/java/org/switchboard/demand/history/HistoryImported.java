package org.switchboard.demand.history;

import java.time.LocalDate;

/** History of a queue changed between two local days (inclusive) by an import. */
public record HistoryImported(long queueId, LocalDate firstDay, LocalDate lastDay) {}
