package org.switchboard.demand.history;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.switchboard.shared.Text;

/**
 * Checks a file's rows one by one and hands every interval on as soon as it is known (interval files), or after
 * the last row (call records, counted into intervals). Nothing is kept per row: the duplicate check holds one
 * {@code long} per interval, the call counts a few numbers per interval. After the first problem no interval is
 * handed on, but checking goes on until {@value HistoryCsv#MAX_PROBLEMS} problems, each with line and column.
 */
final class HistoryRows {

    /** One interval of one queue, as read or counted from the file. */
    record Interval(String queueCode, int minutes, Instant start, LocalDate localDay, int offered, Integer handled,
            Integer abandoned, Double ahtSeconds) {}

    /** Where valid intervals go. */
    interface Sink {
        void accept(Interval interval);
    }

    /** What reading found, apart from the intervals. */
    record Result(int dataRows, int skippedRows, List<ImportProblem> problems, boolean truncated) {}

    private static final int NONE = -1;
    private static final int SKIP = -2;
    private static final int UNKNOWN = -3;
    /** Minutes since 1969-12-30 (UTC): non-negative for every accepted day in every time zone, below 2^32. */
    private static final long MINUTE_BASE = LocalDate.of(1969, 12, 30).toEpochDay() * 1440;

    private final ImportSettings settings;
    private final Map<String, ZoneId> zones;
    private final Sink sink;
    private final List<String> codes;
    private final Map<String, Integer> codeIndex = new HashMap<>();
    private final Map<String, Integer> valueIndex = new HashMap<>();
    private final LongIntMap firstLineOf = new LongIntMap(1 << 16);
    private final CallCounter calls = new CallCounter();
    final List<ImportProblem> problems = new ArrayList<>();
    private int rows;
    private int skipped;
    private int emitted;

    HistoryRows(ImportSettings settings, Map<String, ZoneId> zones, Sink sink) {
        this.settings = settings;
        this.zones = zones;
        this.sink = sink;
        this.codes = zones.keySet().stream().sorted().toList();
        for (int i = 0; i < codes.size(); i++) {
            codeIndex.put(codes.get(i), i);
        }
    }

    static long minuteOf(long epochSecond) {
        return Math.floorDiv(epochSecond, 60) - MINUTE_BASE;
    }

    static long epochSecondOf(long minute) {
        return (minute + MINUTE_BASE) * 60;
    }

    /** Reads every row of an open file; problems with line and column instead of stopping at the first. */
    Result read(HistoryCsv.CsvFile file) {
        checkSettings(file.headers);
        if (!problems.isEmpty()) {
            return new Result(rows, skipped, problems, false);
        }
        try {
            long linesBefore = file.parser.getCurrentLineNumber(); // line breaks read so far (the header's)
            for (CSVRecord r : file.parser) {
                // the parser counts line breaks: a record ending in one ends on that line, the last record of a file
                // without a final line break on the next; quoted values may span lines
                long read = file.parser.getCurrentLineNumber();
                long lastLine = read > linesBefore ? read : read + 1;
                row(r, lastLine - HistoryCsv.countNewlines(r));
                linesBefore = read;
                if (problems.size() >= HistoryCsv.MAX_PROBLEMS) {
                    return new Result(rows, skipped, problems, true);
                }
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            problems.add(HistoryCsv.problemOf(e, file.text.line()));
            return new Result(rows, skipped, problems, false);
        }
        finish();
        return new Result(rows, skipped, problems, false);
    }

    private void problem(long line, String column, Text reason) {
        problems.add(new ImportProblem(line, column, reason));
    }

    private void emit(Interval interval) {
        if (problems.isEmpty()) {
            sink.accept(interval);
        }
        emitted++;
    }

    void checkSettings(List<String> headers) {
        for (var e : settings.columns().entrySet()) {
            if (!headers.contains(e.getValue())) {
                problem(1, e.getValue(), Text.of("error.import.noColumn", e.getValue(), label(e.getKey()),
                        String.join(", ", headers)));
            }
        }
        if (settings.column(HistoryField.START) == null
                && (settings.column(HistoryField.DATE) == null || settings.column(HistoryField.TIME) == null)) {
            problem(1, null, Text.of("error.import.mapStart"));
        }
        if (settings.queue() != null) {
            if (!zones.containsKey(settings.queue())) {
                problem(1, null, Text.of("error.import.noQueueCode", settings.queue()));
            }
        } else if (settings.column(HistoryField.QUEUE) == null) {
            problem(1, null, Text.of("error.import.mapQueue"));
        }
        if (settings.kind() == ImportKind.INTERVALS && settings.column(HistoryField.OFFERED) == null) {
            problem(1, null, Text.of("error.import.mapOffered"));
        }
        Integer m = settings.intervalMinutes();
        boolean needsLength = settings.kind() == ImportKind.CALLS || settings.column(HistoryField.INTERVAL_MINUTES) == null;
        if (needsLength && (m == null || !validMinutes(m))) {
            problem(1, null, Text.of("error.import.chooseLength"));
        }
        for (var e : settings.queueCodes().entrySet()) {
            if (!e.getValue().isBlank() && !zones.containsKey(e.getValue())) {
                problem(1, null, Text.of("error.import.mappedQueueMissing", e.getKey(), e.getValue()));
            }
        }
    }

    static boolean validMinutes(int m) {
        return m == 15 || m == 30 || m == 60;
    }

    void row(CSVRecord r, long line) {
        rows++;
        if (!r.isConsistent()) {
            problem(line, null, Text.of("error.import.valueCount", String.valueOf(r.size()),
                    String.valueOf(r.getParser().getHeaderNames().size())));
            return;
        }
        int queue;
        if (settings.queue() != null) {
            queue = codeIndex.get(settings.queue());
        } else {
            String value = get(r, HistoryField.QUEUE);
            queue = queueIndex(value);
            if (queue == SKIP) {
                skipped++;
                return;
            }
            if (queue == UNKNOWN) {
                problem(line, settings.column(HistoryField.QUEUE), Text.of("error.import.unknownQueueValue", value));
                return;
            }
        }
        if (settings.kind() == ImportKind.CALLS) {
            callRow(r, line, queue);
        } else {
            intervalRow(r, line, queue);
        }
    }

    /** The queue a value of the queue column goes to: as mapped, else the queue of that code; totals are skipped. */
    private int queueIndex(String value) {
        Integer known = valueIndex.get(value);
        if (known != null) {
            return known;
        }
        int index;
        if (settings.queueCodes().containsKey(value)) {
            String code = settings.queueCodes().get(value);
            index = code.isBlank() ? SKIP : codeIndex.getOrDefault(code, UNKNOWN);
        } else {
            String upper = value.toUpperCase(Locale.ROOT);
            index = codeIndex.containsKey(upper) ? codeIndex.get(upper) : HistoryCsv.TOTALS.contains(upper) ? SKIP : UNKNOWN;
        }
        if (valueIndex.size() < 10_000) {
            valueIndex.put(value, index);
        }
        return index;
    }

    private void intervalRow(CSVRecord r, long line, int queue) {
        String code = codes.get(queue);
        ZoneId zone = zones.get(code);
        int before = problems.size();
        Integer minutes = settings.column(HistoryField.INTERVAL_MINUTES) == null
                ? settings.intervalMinutes() : whole(r, line, HistoryField.INTERVAL_MINUTES, true, 24 * 60);
        if (minutes != null && !validMinutes(minutes)) {
            problem(line, settings.column(HistoryField.INTERVAL_MINUTES), Text.of("error.import.length", String.valueOf(minutes)));
            minutes = null;
        }
        LocalDateTime local = localStart(r, line, zone);
        Integer offered = whole(r, line, HistoryField.OFFERED, true, FieldValues.MAX_CALLS);
        Integer handled = whole(r, line, HistoryField.HANDLED, false, FieldValues.MAX_CALLS);
        Integer abandoned = whole(r, line, HistoryField.ABANDONED, false, FieldValues.MAX_CALLS);
        Double aht = decimal(r, line, HistoryField.AHT, FieldValues.MAX_SECONDS);
        if (minutes == null || local == null || offered == null || problems.size() > before) {
            return;
        }
        if ((local.getHour() * 60 + local.getMinute()) % minutes != 0 || local.getSecond() != 0) {
            problem(line, timeColumn(), Text.of("error.import.notIntervalStart", String.valueOf(local.toLocalTime()),
                    String.valueOf(minutes)));
            return;
        }
        if (handled != null && handled > offered) {
            problem(line, settings.column(HistoryField.HANDLED), Text.of("error.import.handledExceeds", String.valueOf(handled),
                    String.valueOf(offered)));
            return;
        }
        if (abandoned != null && abandoned > offered) {
            problem(line, settings.column(HistoryField.ABANDONED), Text.of("error.import.abandonedExceeds", String.valueOf(abandoned),
                    String.valueOf(offered)));
            return;
        }
        Instant start = instant(local, zone, line, queue, minutes);
        if (start == null) {
            return;
        }
        int earlier = firstLineOf.putIfAbsent(key(queue, minutes, start), (int) Math.min(line, Integer.MAX_VALUE), NONE);
        if (earlier != NONE) {
            problem(line, timeColumn(), Text.of("error.import.duplicate", code, String.valueOf(earlier)));
            return;
        }
        emit(new Interval(code, minutes, start, local.toLocalDate(), offered, handled, abandoned,
                handled != null && handled == 0 ? null : aht));
    }

    private static long key(int queue, int minutes, Instant start) {
        long length = minutes == 15 ? 0 : minutes == 30 ? 1 : 2;
        return (long) queue << 34 | length << 32 | minuteOf(start.getEpochSecond());
    }

    private void callRow(CSVRecord r, long line, int queue) {
        String outcome = get(r, HistoryField.OUTCOME);
        if (outcome != null && HistoryCsv.containsIgnoreCase(settings.ignoredOutcomes(), outcome)) {
            skipped++;
            return;
        }
        int before = problems.size();
        LocalDateTime arrival = localStart(r, line, zones.get(codes.get(queue)));
        boolean queued = reached(r, line, HistoryField.QUEUE_START);
        boolean served = reached(r, line, HistoryField.SERVICE_START);
        Integer seconds = whole(r, line, HistoryField.HANDLE_SECONDS, false, FieldValues.MAX_SECONDS);
        if (arrival == null || problems.size() > before) {
            return;
        }
        boolean entryMapped = settings.column(HistoryField.QUEUE_START) != null
                || settings.column(HistoryField.SERVICE_START) != null;
        if (entryMapped && !queued && !served) {
            skipped++; // finished in the IVR: never reached an operator
            return;
        }
        boolean answered = (outcome == null ? seconds != null && seconds > 0
                : HistoryCsv.containsIgnoreCase(settings.answeredOutcomes(), outcome))
                && (settings.column(HistoryField.SERVICE_START) == null || served);
        int minutes = settings.intervalMinutes();
        int minuteOfDay = arrival.getHour() * 60 + arrival.getMinute();
        LocalDateTime slot = arrival.toLocalDate().atStartOfDay().plusMinutes(minuteOfDay - minuteOfDay % minutes);
        calls.add(queue, slot, line, answered, seconds);
    }

    /** Counted calls become intervals; a file that gave none is refused. */
    private void finish() {
        if (problems.isEmpty()) {
            calls.forEach((queue, slot, firstLine, offered, handled, timed, seconds) -> {
                String code = codes.get(queue);
                if (offered > FieldValues.MAX_CALLS) {
                    problem(firstLine, null, Text.of("error.import.tooManyCalls", code, (long) offered,
                            String.valueOf(slot), (long) FieldValues.MAX_CALLS));
                    return;
                }
                // calls carry no order within a repeated hour: they count at its first occurrence
                Instant start = instant(slot, zones.get(code), firstLine, queue, settings.intervalMinutes());
                if (start != null) {
                    emit(new Interval(code, settings.intervalMinutes(), start, slot.toLocalDate(), offered, handled,
                            offered - handled, timed == 0 ? null : (double) seconds / timed));
                }
            });
        }
        if (problems.isEmpty() && emitted == 0) {
            problem(1, null, Text.of("error.import.noRows", String.valueOf(rows), String.valueOf(skipped)));
        }
    }

    private boolean reached(CSVRecord r, long line, HistoryField field) {
        String v = get(r, field);
        if (v == null || v.isBlank()) {
            return false;
        }
        try {
            return !FieldValues.time(v).equals(LocalTime.MIDNIGHT);
        } catch (FieldValues.Refused e) {
            problem(line, settings.column(field), Text.of("error.import.notTimeOfDay", v));
            return false;
        }
    }

    /** A field's name in the reader's language (the import screen's own words for it). */
    private static Text label(HistoryField field) {
        return Text.of("import.field." + field.name());
    }

    private String timeColumn() {
        return settings.column(HistoryField.START) != null ? settings.column(HistoryField.START) : settings.column(HistoryField.TIME);
    }

    /**
     * The instant of a local start; in the repeated hour of a DST change the second occurrence of an interval
     * gets the later offset.
     */
    private Instant instant(LocalDateTime local, ZoneId zone, long line, int queue, int minutes) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            problem(line, timeColumn(), Text.of("error.import.gap", String.valueOf(local), String.valueOf(zone)));
            return null;
        }
        Instant first = local.toInstant(offsets.get(0));
        if (offsets.size() > 1 && firstLineOf.get(key(queue, minutes, first), NONE) != NONE) {
            return local.toInstant(offsets.get(1));
        }
        return first;
    }

    /** The local wall time in the queue's zone, from one date-time column or from a date and a time column. */
    private LocalDateTime localStart(CSVRecord r, long line, ZoneId zone) {
        String startColumn = settings.column(HistoryField.START);
        if (startColumn != null) {
            try {
                return FieldValues.dateTime(r.get(startColumn), zone);
            } catch (FieldValues.Refused e) {
                problem(line, startColumn, e.reason);
                return null;
            }
        }
        LocalDate date = null;
        try {
            date = FieldValues.date(r.get(settings.column(HistoryField.DATE)));
        } catch (FieldValues.Refused e) {
            problem(line, settings.column(HistoryField.DATE), e.reason);
        }
        LocalTime time = null;
        try {
            time = FieldValues.time(r.get(settings.column(HistoryField.TIME)));
        } catch (FieldValues.Refused e) {
            problem(line, settings.column(HistoryField.TIME), e.reason);
        }
        return date == null || time == null ? null : date.atTime(time);
    }

    private String get(CSVRecord r, HistoryField field) {
        String c = settings.column(field);
        return c == null ? null : r.get(c);
    }

    private Integer whole(CSVRecord r, long line, HistoryField field, boolean required, int max) {
        String v = get(r, field);
        if (v == null || v.isBlank()) {
            if (required && settings.column(field) != null) {
                problem(line, settings.column(field), Text.of("error.import.empty", label(field)));
            }
            return null;
        }
        try {
            return FieldValues.whole(v, label(field), max);
        } catch (FieldValues.Refused e) {
            problem(line, settings.column(field), e.reason);
            return null;
        }
    }

    private Double decimal(CSVRecord r, long line, HistoryField field, double max) {
        String v = get(r, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return FieldValues.decimal(v, label(field), max);
        } catch (FieldValues.Refused e) {
            problem(line, settings.column(field), e.reason);
            return null;
        }
    }
}
