package org.switchboard.demand.history;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads history files: detects the delimiter, suggests a column mapping, and turns rows into intervals in
 * the queue's local time. Pure parsing; nothing here touches the database.
 */
final class HistoryCsv {

    static final int MAX_PROBLEMS = 50;

    /** Queue values that stand for the total of the others and are skipped unless mapped. */
    static final Set<String> TOTALS = Set.of("ALL", "TOTAL", "*");

    /** One interval of one queue, as read or counted from the file. */
    record Interval(String queueCode, int minutes, Instant start, LocalDate localDay, int offered,
            Integer handled, Integer abandoned, Double ahtSeconds) {}

    /** What reading produced: intervals, or the problems that stop the import. */
    record Read(List<Interval> intervals, int dataRows, int skippedRows, List<ImportProblem> problems,
            boolean truncated) {}

    private static final DateTimeFormatter TWO_DIGIT_YEAR = new DateTimeFormatterBuilder()
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1950)
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter();
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE, TWO_DIGIT_YEAR,
            DateTimeFormatter.ofPattern("dd.MM.uuuu"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

    private HistoryCsv() {}

    static String text(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t'}) {
            long n = header.chars().filter(x -> x == c).count();
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    static CSVParser parser(String text, char delimiter) throws IOException {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text));
    }

    static CsvPreview preview(byte[] content, int maxRows, Set<String> knownQueueCodes) {
        String text = text(content);
        char delimiter = delimiter(text);
        try (CSVParser parser = parser(text, delimiter)) {
            List<String> headers = parser.getHeaderNames();
            ImportSettings suggested = suggest(headers, knownQueueCodes);
            List<List<String>> rows = new ArrayList<>();
            Set<String> values = new TreeSet<>();
            String queueColumn = suggested.column(HistoryField.QUEUE);
            long count = 0;
            for (CSVRecord r : parser) {
                count++;
                if (rows.size() < maxRows) {
                    rows.add(r.toList());
                }
                if (queueColumn != null && r.isSet(queueColumn) && values.size() < 200) {
                    values.add(r.get(queueColumn));
                }
            }
            Map<String, String> codes = new LinkedHashMap<>();
            for (String v : values) {
                String upper = v.toUpperCase(Locale.ROOT);
                if (knownQueueCodes.contains(upper)) {
                    codes.put(v, upper);
                } else if (TOTALS.contains(upper)) {
                    codes.put(v, ""); // a total over the other values: importing it would count calls twice
                }
            }
            return new CsvPreview(delimiter, headers, rows, count, suggested.withQueueCodes(codes), List.copyOf(values));
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ImportFailedException(List.of(new ImportProblem(1, null, "Not a readable CSV file: " + e.getMessage())), false);
        }
    }

    /** Distinct values of one column (at most 200), for mapping them to queues. */
    static List<String> distinct(byte[] content, String column) {
        String text = text(content);
        Set<String> values = new TreeSet<>();
        try (CSVParser parser = parser(text, delimiter(text))) {
            if (!parser.getHeaderNames().contains(column)) {
                return List.of();
            }
            for (CSVRecord r : parser) {
                if (r.isSet(column) && values.size() < 200) {
                    values.add(r.get(column));
                }
            }
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            return List.of();
        }
        return List.copyOf(values);
    }

    /** Column names of the bank call center's interval files. */
    private static final Map<HistoryField, String> BANK_INTERVALS = Map.of(
            HistoryField.DATE, "date", HistoryField.TIME, "interval_start", HistoryField.INTERVAL_MINUTES, "interval_minutes",
            HistoryField.QUEUE, "type", HistoryField.OFFERED, "agent_arrivals", HistoryField.HANDLED, "answered",
            HistoryField.ABANDONED, "abandoned_in_queue", HistoryField.AHT, "mean_service_seconds");

    /** Column names of the bank call center's call records. */
    private static final Map<HistoryField, String> BANK_CALLS = Map.of(
            HistoryField.DATE, "date", HistoryField.TIME, "vru_exit", HistoryField.QUEUE, "type",
            HistoryField.OUTCOME, "outcome", HistoryField.HANDLE_SECONDS, "ser_time", HistoryField.QUEUE_START, "q_start",
            HistoryField.SERVICE_START, "ser_start");

    /** A preset's columns as the file spells them (any case); columns the file lacks are left out. */
    private static Map<HistoryField, String> preset(Map<String, String> lowerToHeader, Map<HistoryField, String> preset) {
        Map<HistoryField, String> columns = new EnumMap<>(HistoryField.class);
        preset.forEach((field, name) -> {
            if (lowerToHeader.containsKey(name)) {
                columns.put(field, lowerToHeader.get(name));
            }
        });
        return columns;
    }

    /** The mapping for a header: the bank call-center files, the documented standard format, or a best guess. */
    static ImportSettings suggest(List<String> headers, Set<String> knownQueueCodes) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach(h -> lower.put(h.toLowerCase(Locale.ROOT), h));
        if (lower.containsKey("agent_arrivals") && lower.containsKey("interval_start")) {
            // the bank call center's interval files (README in ../shared/data/callcenter)
            return new ImportSettings(ImportKind.INTERVALS, preset(lower, BANK_INTERVALS), null, Map.of(), Set.of(), Set.of());
        }
        if (lower.containsKey("vru_exit") && lower.containsKey("outcome")) {
            // the bank call center's call records: a call reaches operators when it leaves the VRU
            return new ImportSettings(ImportKind.CALLS, preset(lower, BANK_CALLS), 30, Map.of(), Set.of("AGENT"),
                    Set.of("PHANTOM"));
        }
        Map<HistoryField, String> columns = new EnumMap<>(HistoryField.class);
        boolean calls = lower.containsKey("outcome") || lower.containsKey("handle_seconds") || lower.containsKey("arrival");
        ImportKind kind = calls ? ImportKind.CALLS : ImportKind.INTERVALS;
        for (HistoryField f : HistoryField.forKind(kind)) {
            String c = lower.get(f.standardColumn());
            if (c != null) {
                columns.put(f, c);
            }
        }
        for (String synonym : List.of("interval_start", "arrival", "start", "datetime")) {
            if (!columns.containsKey(HistoryField.START) && lower.containsKey(synonym)
                    && !columns.containsKey(HistoryField.DATE)) {
                columns.put(HistoryField.START, lower.get(synonym));
            }
        }
        return new ImportSettings(kind, columns, columns.containsKey(HistoryField.INTERVAL_MINUTES) ? null : 30,
                Map.of(), calls ? Set.of("ANSWERED", "AGENT") : Set.of(), calls ? Set.of("PHANTOM") : Set.of());
    }

    /** Reads every row; collects problems with line and column instead of stopping at the first. */
    static Read read(byte[] content, ImportSettings settings, Map<String, ZoneId> zonesByCode) {
        Reader reader = new Reader(settings, zonesByCode);
        String text = text(content);
        try (CSVParser parser = parser(text, delimiter(text))) {
            reader.checkSettings(parser.getHeaderNames());
            if (reader.problems.isEmpty()) {
                long linesBefore = parser.getCurrentLineNumber(); // line breaks read so far (the header's)
                for (CSVRecord r : parser) {
                    // the parser counts line breaks: a record ending in one ends on that line, the last record
                    // of a file without a final line break on the next; quoted values may span lines
                    long read = parser.getCurrentLineNumber();
                    long lastLine = read > linesBefore ? read : read + 1;
                    reader.row(r, lastLine - countNewlines(r));
                    linesBefore = read;
                    if (reader.problems.size() >= MAX_PROBLEMS) {
                        return reader.result(true);
                    }
                }
            }
            return reader.result(false);
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            reader.problem(reader.rows + 2, null, "The file cannot be read as CSV: " + e.getMessage());
            return reader.result(false);
        }
    }

    private static final class Reader {
        final ImportSettings settings;
        final Map<String, ZoneId> zones;
        final List<ImportProblem> problems = new ArrayList<>();
        final Map<String, Interval> intervals = new LinkedHashMap<>();
        final Map<String, Long> firstLineOf = new HashMap<>();
        final Map<String, CallCounts> calls = new LinkedHashMap<>();
        int rows;
        int skipped;

        Reader(ImportSettings settings, Map<String, ZoneId> zones) {
            this.settings = settings;
            this.zones = zones;
        }

        void problem(long line, String column, String message) {
            problems.add(new ImportProblem(line, column, message));
        }

        void checkSettings(List<String> headers) {
            for (var e : settings.columns().entrySet()) {
                if (!headers.contains(e.getValue())) {
                    problem(1, e.getValue(), "The file has no column \"" + e.getValue() + "\" (mapped to "
                            + e.getKey().label() + "); its columns are " + String.join(", ", headers));
                }
            }
            if (settings.column(HistoryField.START) == null
                    && (settings.column(HistoryField.DATE) == null || settings.column(HistoryField.TIME) == null)) {
                problem(1, null, "Map either a date-and-time column, or a date column and a time column");
            }
            if (settings.column(HistoryField.QUEUE) == null) {
                problem(1, null, "Map the queue column");
            }
            if (settings.kind() == ImportKind.INTERVALS && settings.column(HistoryField.OFFERED) == null) {
                problem(1, null, "Map the offered-calls column");
            }
            Integer m = settings.intervalMinutes();
            boolean needsLength = settings.kind() == ImportKind.CALLS || settings.column(HistoryField.INTERVAL_MINUTES) == null;
            if (needsLength && (m == null || !validMinutes(m))) {
                problem(1, null, "Choose an interval length of 15, 30 or 60 minutes");
            }
            for (var e : settings.queueCodes().entrySet()) {
                if (!e.getValue().isBlank() && !zones.containsKey(e.getValue())) {
                    problem(1, null, "\"" + e.getKey() + "\" is mapped to queue " + e.getValue() + ", which does not exist");
                }
            }
        }

        static boolean validMinutes(int m) {
            return m == 15 || m == 30 || m == 60;
        }

        void row(CSVRecord r, long line) {
            rows++;
            if (!r.isConsistent()) {
                problem(line, null, "Has " + r.size() + " values where the header has " + r.getParser().getHeaderNames().size());
                return;
            }
            String value = get(r, HistoryField.QUEUE);
            String code = settings.queueCodes().containsKey(value)
                    ? settings.queueCodes().get(value) : value.toUpperCase(Locale.ROOT);
            if (code.isBlank()) {
                skipped++;
                return;
            }
            ZoneId zone = zones.get(code);
            if (zone == null) {
                problem(line, settings.column(HistoryField.QUEUE), "No queue has the code \"" + value
                        + "\": create it, map the value to a queue, or skip it");
                return;
            }
            if (settings.kind() == ImportKind.CALLS) {
                callRow(r, line, code, zone);
            } else {
                intervalRow(r, line, code, zone);
            }
        }

        void intervalRow(CSVRecord r, long line, String code, ZoneId zone) {
            int before = problems.size();
            Integer minutes = settings.column(HistoryField.INTERVAL_MINUTES) == null
                    ? settings.intervalMinutes() : integer(r, line, HistoryField.INTERVAL_MINUTES, true);
            if (minutes != null && !validMinutes(minutes)) {
                problem(line, settings.column(HistoryField.INTERVAL_MINUTES), "Use 15, 30 or 60 minutes, not " + minutes);
                minutes = null;
            }
            LocalDateTime local = localStart(r, line, zone);
            Integer offered = integer(r, line, HistoryField.OFFERED, true);
            Integer handled = integer(r, line, HistoryField.HANDLED, false);
            Integer abandoned = integer(r, line, HistoryField.ABANDONED, false);
            Double aht = decimal(r, line, HistoryField.AHT);
            if (minutes == null || local == null || problems.size() > before) {
                return;
            }
            if ((local.getHour() * 60 + local.getMinute()) % minutes != 0 || local.getSecond() != 0) {
                problem(line, timeColumn(), local.toLocalTime() + " is not the start of a " + minutes + "-minute interval");
                return;
            }
            if (handled != null && handled > offered) {
                problem(line, settings.column(HistoryField.HANDLED), "More calls handled (" + handled + ") than offered (" + offered + ")");
                return;
            }
            String prefix = code + "|" + minutes + "|";
            Instant start = instant(local, zone, line, prefix);
            if (start == null) {
                return;
            }
            String key = prefix + start;
            Long earlier = firstLineOf.putIfAbsent(key, line);
            if (earlier != null) {
                problem(line, timeColumn(), "Queue " + code + " already has this interval on line " + earlier);
                return;
            }
            intervals.put(key, new Interval(code, minutes, start, local.toLocalDate(), offered, handled, abandoned,
                    handled != null && handled == 0 ? null : aht));
        }

        void callRow(CSVRecord r, long line, String code, ZoneId zone) {
            String outcome = get(r, HistoryField.OUTCOME);
            if (outcome != null && containsIgnoreCase(settings.ignoredOutcomes(), outcome)) {
                skipped++;
                return;
            }
            int before = problems.size();
            LocalDateTime arrival = localStart(r, line, zone);
            boolean queued = reached(r, line, HistoryField.QUEUE_START);
            boolean served = reached(r, line, HistoryField.SERVICE_START);
            Integer seconds = integer(r, line, HistoryField.HANDLE_SECONDS, false);
            if (arrival == null || problems.size() > before) {
                return;
            }
            boolean entryMapped = settings.column(HistoryField.QUEUE_START) != null
                    || settings.column(HistoryField.SERVICE_START) != null;
            if (entryMapped && !queued && !served) {
                skipped++; // finished in the IVR: never reached an operator
                return;
            }
            boolean answered = (outcome == null ? seconds != null && seconds > 0 : containsIgnoreCase(settings.answeredOutcomes(), outcome))
                    && (settings.column(HistoryField.SERVICE_START) == null || served);
            int minutes = settings.intervalMinutes();
            int minuteOfDay = arrival.getHour() * 60 + arrival.getMinute();
            LocalDateTime slot = arrival.toLocalDate().atStartOfDay().plusMinutes(minuteOfDay - minuteOfDay % minutes);
            String key = code + "|" + slot;
            CallCounts c = calls.computeIfAbsent(key, k -> new CallCounts(code, slot, line));
            c.offered++;
            if (answered) {
                c.handled++;
                if (seconds != null) {
                    c.timed++; // AHT comes from the handled calls that carry a handling time
                    c.handleSeconds += Math.max(0, seconds);
                }
            }
        }

        boolean reached(CSVRecord r, long line, HistoryField field) {
            String v = get(r, field);
            if (v == null || v.isBlank()) {
                return false;
            }
            try {
                return !LocalTime.parse(v, TIME).equals(LocalTime.MIDNIGHT);
            } catch (DateTimeParseException e) {
                problem(line, settings.column(field), "\"" + v + "\" is not a time such as 8:05:30");
                return false;
            }
        }

        String timeColumn() {
            return settings.column(HistoryField.START) != null ? settings.column(HistoryField.START) : settings.column(HistoryField.TIME);
        }

        /** The instant of a local start; in the repeated hour of a DST change the second occurrence gets the later offset. */
        Instant instant(LocalDateTime local, ZoneId zone, long line, String keyPrefix) {
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                problem(line, timeColumn(), local + " does not exist in " + zone + " (the clocks go forward then)");
                return null;
            }
            Instant first = local.toInstant(offsets.get(0));
            if (offsets.size() > 1 && firstLineOf.containsKey(keyPrefix + first)) {
                return local.toInstant(offsets.get(1));
            }
            return first;
        }

        /** The local wall time in the queue's zone; a value with an offset is converted from its instant. */
        LocalDateTime localStart(CSVRecord r, long line, ZoneId zone) {
            String startColumn = settings.column(HistoryField.START);
            if (startColumn != null) {
                String v = r.get(startColumn);
                try {
                    String t = v.replace(' ', 'T');
                    if (t.length() > 16 && (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$"))) {
                        // an instant with an offset: the same instant in the queue's local time
                        return java.time.OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDateTime();
                    }
                    return LocalDateTime.parse(t);
                } catch (DateTimeParseException e) {
                    problem(line, startColumn, "\"" + v + "\" is not a date and time such as 2026-03-02T08:30");
                    return null;
                }
            }
            LocalDate date = date(r.get(settings.column(HistoryField.DATE)));
            if (date == null) {
                problem(line, settings.column(HistoryField.DATE), "\"" + r.get(settings.column(HistoryField.DATE))
                        + "\" is not a date such as 2026-03-02, 20260302, 990201 or 02.03.2026");
            }
            String tv = r.get(settings.column(HistoryField.TIME));
            LocalTime time = null;
            try {
                time = LocalTime.parse(tv, TIME);
            } catch (DateTimeParseException e) {
                problem(line, settings.column(HistoryField.TIME), "\"" + tv + "\" is not a time such as 08:30");
            }
            return date == null || time == null ? null : date.atTime(time);
        }

        static LocalDate date(String v) {
            for (DateTimeFormatter f : DATES) {
                try {
                    return LocalDate.parse(v, f);
                } catch (DateTimeException e) {
                    // try the next format
                }
            }
            return null;
        }

        String get(CSVRecord r, HistoryField field) {
            String c = settings.column(field);
            return c == null ? null : r.get(c);
        }

        Integer integer(CSVRecord r, long line, HistoryField field, boolean required) {
            String v = get(r, field);
            if (v == null || v.isBlank()) {
                if (required && settings.column(field) != null) {
                    problem(line, settings.column(field), "Enter a whole number (" + field.label() + " is empty)");
                }
                return null;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < 0 && field != HistoryField.HANDLE_SECONDS) {
                    problem(line, settings.column(field), field.label() + " cannot be negative (" + v + ")");
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                problem(line, settings.column(field), "\"" + v + "\" is not a whole number");
                return null;
            }
        }

        Double decimal(CSVRecord r, long line, HistoryField field) {
            String v = get(r, field);
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                double d = Double.parseDouble(v.replace(',', '.'));
                if (!Double.isFinite(d) || d < 0) {
                    problem(line, settings.column(field), field.label() + " must be a number of 0 or more (" + v + ")");
                    return null;
                }
                return d;
            } catch (NumberFormatException e) {
                problem(line, settings.column(field), "\"" + v + "\" is not a number");
                return null;
            }
        }

        Read result(boolean truncated) {
            if (!problems.isEmpty()) {
                return new Read(List.of(), rows, skipped, problems, truncated);
            }
            List<Interval> out = new ArrayList<>(intervals.values());
            for (CallCounts c : calls.values()) {
                Instant start = instant(c.slot, zones.get(c.code), c.firstLine, c.code + "|calls|");
                if (start == null) {
                    continue;
                }
                out.add(new Interval(c.code, settings.intervalMinutes(), start, c.slot.toLocalDate(), c.offered,
                        c.handled, c.offered - c.handled, c.timed == 0 ? null : (double) c.handleSeconds / c.timed));
            }
            if (!problems.isEmpty()) {
                return new Read(List.of(), rows, skipped, problems, false);
            }
            if (out.isEmpty()) {
                problem(1, null, "The file has no rows to import (" + rows + " rows read, " + skipped + " skipped)");
                return new Read(List.of(), rows, skipped, problems, false);
            }
            return new Read(out, rows, skipped, List.of(), false);
        }
    }

    static boolean containsIgnoreCase(Set<String> values, String value) {
        for (String v : values) {
            if (v.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static long countNewlines(CSVRecord r) {
        long n = 0;
        for (String v : r.values()) {
            n += v.chars().filter(c -> c == '\n').count();
        }
        return n;
    }

    private static final class CallCounts {
        final String code;
        final LocalDateTime slot;
        final long firstLine;
        int offered;
        int handled;
        int timed;
        long handleSeconds;

        CallCounts(String code, LocalDateTime slot, long firstLine) {
            this.code = code;
            this.slot = slot;
            this.firstLine = firstLine;
        }
    }

}
