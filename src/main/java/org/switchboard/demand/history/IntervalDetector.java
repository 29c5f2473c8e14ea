package org.switchboard.demand.history;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Detects the interval length of an interval file from its starts: the most common positive gap between two
 * consecutive starts of one queue (in file order), among {@link #CANDIDATES} minutes. Gaps of any other length
 * (the night a queue is closed, a missing interval) do not count; ties go to the shorter length. Rows whose start
 * cannot be read are left out (the import itself names them). At most {@link #MAX_ROWS} rows are looked at.
 */
public final class IntervalDetector {

    /** The lengths that can be detected, in minutes. */
    public static final List<Integer> CANDIDATES = List.of(5, 10, 15, 20, 30, 60);

    static final int MAX_ROWS = 20_000;

    private final String startColumn;
    private final String dateColumn;
    private final String timeColumn;
    private final String queueColumn;
    private final Map<String, LocalDateTime> lastStart = new HashMap<>();
    private final int[] counts = new int[CANDIDATES.size()];
    private int rows;

    private IntervalDetector(String startColumn, String dateColumn, String timeColumn, String queueColumn) {
        this.startColumn = startColumn;
        this.dateColumn = dateColumn;
        this.timeColumn = timeColumn;
        this.queueColumn = queueColumn;
    }

    /**
     * A detector for a mapping, or null when there is nothing to detect: a call file, a file with an interval-length
     * column, or no start mapped.
     */
    static IntervalDetector of(ImportSettings settings) {
        if (settings.kind() != ImportKind.INTERVALS || settings.column(HistoryField.INTERVAL_MINUTES) != null) {
            return null;
        }
        String start = settings.column(HistoryField.START);
        String date = settings.column(HistoryField.DATE);
        String time = settings.column(HistoryField.TIME);
        if (start == null && (date == null || time == null)) {
            return null;
        }
        return new IntervalDetector(start, date, time, settings.queue() == null ? settings.column(HistoryField.QUEUE) : null);
    }

    /** Takes one row into account. */
    void accept(CSVRecord r) {
        if (++rows > MAX_ROWS) {
            return;
        }
        LocalDateTime start = start(r);
        if (start == null) {
            return;
        }
        String queue = queueColumn != null && r.isSet(queueColumn) ? r.get(queueColumn) : "";
        LocalDateTime before = lastStart.put(queue, start);
        if (before != null) {
            add(Duration.between(before, start).toMinutes());
        }
    }

    private LocalDateTime start(CSVRecord r) {
        try {
            if (startColumn != null) {
                return r.isSet(startColumn) ? FieldValues.dateTime(r.get(startColumn), ZoneOffset.UTC) : null;
            }
            if (!r.isSet(dateColumn) || !r.isSet(timeColumn)) {
                return null;
            }
            return FieldValues.date(r.get(dateColumn)).atTime(FieldValues.time(r.get(timeColumn)));
        } catch (FieldValues.Refused | RuntimeException e) {
            return null;
        }
    }

    private void add(long gapMinutes) {
        int i = CANDIDATES.indexOf((int) Math.min(gapMinutes, Integer.MAX_VALUE));
        if (gapMinutes > 0 && i >= 0) {
            counts[i]++;
        }
    }

    /** The detected length in minutes, or null when no two starts of a queue were a candidate length apart. */
    Integer minutes() {
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? null : CANDIDATES.get(best);
    }

    /** The detected length of a sequence of starts of one queue (tests and callers with parsed starts). */
    public static Integer detect(List<LocalDateTime> startsOfOneQueue) {
        IntervalDetector d = new IntervalDetector(null, null, null, null);
        LocalDateTime before = null;
        for (LocalDateTime s : startsOfOneQueue) {
            if (before != null) {
                d.add(Duration.between(before, s).toMinutes());
            }
            before = s;
        }
        return d.minutes();
    }
}
