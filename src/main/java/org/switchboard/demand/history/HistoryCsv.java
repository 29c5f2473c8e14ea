package org.switchboard.demand.history;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
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
 * Opens history files for reading (checked text, capped lines and columns, the delimiter taken from the header),
 * previews them and suggests a column mapping. Pure reading; nothing here touches the database. The rows
 * themselves are checked by {@link HistoryRows}.
 */
final class HistoryCsv {

    static final int MAX_PROBLEMS = 50;

    /** Queue values that stand for the total of the others and are skipped unless mapped. */
    static final Set<String> TOTALS = Set.of("ALL", "TOTAL", "*");

    /** Distinct queue values kept for the mapping. */
    static final int MAX_QUEUE_VALUES = 200;

    private HistoryCsv() {}

    /** An open file: the parser over checked text, the delimiter and the header. */
    static final class CsvFile implements Closeable {
        final CSVParser parser;
        final char delimiter;
        final List<String> headers;
        final CheckedReader text;

        private CsvFile(CSVParser parser, char delimiter, CheckedReader text) {
            this.parser = parser;
            this.delimiter = delimiter;
            this.headers = parser.getHeaderNames();
            this.text = text;
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /**
     * Opens a file as CSV. Throws {@link CheckedReader.TextProblem} when its text or its header breaks the
     * limits, other IOExceptions when it is not CSV.
     */
    static CsvFile open(ImportSource source, Charset charset, ImportLimits limits) throws IOException {
        char delimiter = delimiter(headerLine(source, charset, limits));
        CheckedReader text = new CheckedReader(source.open(), charset, limits.maxLineLength(), delimiter);
        try {
            CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get().parse(text);
            if (parser.getHeaderNames().size() > limits.maxColumns()) {
                throw new CheckedReader.TextProblem(1, String.format("The header has %,d columns; a history file may have "
                        + "at most %,d", parser.getHeaderNames().size(), limits.maxColumns()));
            }
            return new CsvFile(parser, delimiter, text);
        } catch (IOException | RuntimeException e) {
            text.close();
            throw e;
        }
    }

    /** The first line of the file, read with the same checks. */
    private static String headerLine(ImportSource source, Charset charset, ImportLimits limits) throws IOException {
        try (InputStream in = source.open(); CheckedReader text = new CheckedReader(in, charset, limits.maxLineLength(), (char) 0)) {
            StringBuilder header = new StringBuilder();
            for (int c; (c = text.read()) >= 0 && c != '\n' && c != '\r'; ) {
                header.append((char) c);
            }
            return header.toString();
        }
    }

    static char delimiter(String header) {
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

    /** The problem a failed read stands for: a text problem as it is, a CSV error at the line being read. */
    static ImportProblem problemOf(Throwable e, long line) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CheckedReader.TextProblem t) {
            return t.problem;
        }
        return new ImportProblem(line, null, "The file cannot be read as CSV: " + cause.getMessage());
    }

    static CsvPreview preview(ImportSource source, TextEncoding.Scan scan, Charset charset, int maxRows,
            Set<String> knownQueueCodes, ImportLimits limits) {
        CsvFile f = null;
        try (CsvFile file = open(source, charset, limits)) {
            f = file;
            ImportSettings suggested = suggest(file.headers, knownQueueCodes).withEncoding(charset.name());
            List<List<String>> rows = new ArrayList<>();
            Set<String> values = new TreeSet<>();
            String queueColumn = suggested.column(HistoryField.QUEUE);
            IntervalDetector detector = IntervalDetector.of(suggested);
            long count = 0;
            for (CSVRecord r : file.parser) {
                count++;
                if (detector != null) {
                    detector.accept(r);
                }
                if (rows.size() < maxRows) {
                    rows.add(r.toList());
                }
                if (queueColumn != null && r.isSet(queueColumn) && values.size() < MAX_QUEUE_VALUES) {
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
            String reason = charset.equals(scan.charset()) ? scan.reason() : "chosen";
            Integer detected = detector == null ? null : detector.minutes();
            if (detected != null && HistoryRows.validMinutes(detected)) {
                suggested = suggested.withIntervalMinutes(detected);
            }
            return new CsvPreview(file.delimiter, file.headers, rows, count, suggested.withQueueCodes(codes),
                    List.copyOf(values), charset.name(), reason, detected);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            throw new ImportFailedException(List.of(problemOf(e, f == null ? 1 : f.text.line())), false);
        }
    }

    /** The mapping suggested from the header alone (the API reads no preview). */
    static ImportSettings suggest(ImportSource source, Charset charset, Set<String> knownQueueCodes, ImportLimits limits) {
        try (CsvFile file = open(source, charset, limits)) {
            return suggest(file.headers, knownQueueCodes).withEncoding(charset.name());
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            throw new ImportFailedException(List.of(problemOf(e, 1)), false);
        }
    }

    /** The interval length detected from a file's starts as mapped (see {@link IntervalDetector}); null: none. */
    static Integer detectIntervalMinutes(ImportSource source, Charset charset, ImportSettings settings, ImportLimits limits) {
        IntervalDetector detector = IntervalDetector.of(settings);
        if (detector == null) {
            return null;
        }
        try (CsvFile file = open(source, charset, limits)) {
            int n = 0;
            for (CSVRecord r : file.parser) {
                detector.accept(r);
                if (++n >= IntervalDetector.MAX_ROWS) {
                    break;
                }
            }
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            // the import names the problem; detect from the rows read so far
        }
        return detector.minutes();
    }

    /** Distinct values of one column (at most 200), for mapping them to queues. */
    static List<String> distinct(ImportSource source, Charset charset, String column, ImportLimits limits) {
        Set<String> values = new TreeSet<>();
        try (CsvFile file = open(source, charset, limits)) {
            if (!file.headers.contains(column)) {
                return List.of();
            }
            for (CSVRecord r : file.parser) {
                if (r.isSet(column) && values.size() < MAX_QUEUE_VALUES) {
                    values.add(r.get(column));
                }
            }
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
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

    static boolean containsIgnoreCase(Set<String> values, String value) {
        for (String v : values) {
            if (v.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    static long countNewlines(CSVRecord r) {
        long n = 0;
        for (String v : r.values()) {
            for (int i = 0; i < v.length(); i++) {
                if (v.charAt(i) == '\n') {
                    n++;
                }
            }
        }
        return n;
    }
}
