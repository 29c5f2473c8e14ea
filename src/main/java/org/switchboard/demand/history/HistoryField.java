package org.switchboard.demand.history;

import java.util.EnumSet;
import java.util.Set;

/** The fields an import reads; the user maps each to a column of the file. */
public enum HistoryField {
    /** Interval start or call arrival as one date-time column (e.g. 2026-03-02T08:00 or 2026-03-02 08:00). */
    START("start", "Start (date and time)"),
    /** Date column, used with TIME when date and time are separate. */
    DATE("date", "Date"),
    /** Time-of-day column, used with DATE. */
    TIME("time", "Time"),
    /** Interval length in minutes (interval files); without it the length is chosen at import. */
    INTERVAL_MINUTES("interval_minutes", "Interval length (minutes)"),
    QUEUE("queue", "Queue"),
    /** Calls offered to operators in the interval. */
    OFFERED("offered", "Offered calls"),
    HANDLED("handled", "Handled calls"),
    ABANDONED("abandoned", "Abandoned calls"),
    /** Average handling time of the interval, seconds. */
    AHT("aht_seconds", "AHT (seconds)"),
    /** Call records: the call's outcome (answered, abandoned, ignored values are set in the import). */
    OUTCOME("outcome", "Outcome"),
    /** Call records: handling (talk) time of the call, seconds. */
    HANDLE_SECONDS("handle_seconds", "Handling time (seconds)"),
    /** Call records: time the call joined the operator queue; 0:00:00 or blank = never. */
    QUEUE_START("queue_start", "Queue entry time"),
    /** Call records: time an operator answered; 0:00:00 or blank = never. */
    SERVICE_START("service_start", "Service start time");

    private final String standardColumn;
    private final String label;

    HistoryField(String standardColumn, String label) {
        this.standardColumn = standardColumn;
        this.label = label;
    }

    /** The column name of the documented standard format. */
    public String standardColumn() {
        return standardColumn;
    }

    public String label() {
        return label;
    }

    public static Set<HistoryField> forKind(ImportKind kind) {
        return kind == ImportKind.INTERVALS
                ? EnumSet.of(START, DATE, TIME, INTERVAL_MINUTES, QUEUE, OFFERED, HANDLED, ABANDONED, AHT)
                : EnumSet.of(START, DATE, TIME, QUEUE, OUTCOME, HANDLE_SECONDS, QUEUE_START, SERVICE_START);
    }
}
