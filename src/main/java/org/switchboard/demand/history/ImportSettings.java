package org.switchboard.demand.history;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How to read one file: which column holds which field, the interval length, which queue each value of
 * the queue column goes to, and (for call records) which outcomes count as answered or are ignored.
 *
 * @param columns field → column name as in the header
 * @param intervalMinutes interval length when the file has no interval column (15, 30 or 60); for call
 *     records the length to count calls into
 * @param queueCodes value of the queue column → queue code; a blank code skips the rows with that value
 *     (e.g. a file's "ALL" total); a value not in the map goes to the queue with the same code, and ALL, TOTAL
 *     and * are skipped unless such a queue exists
 * @param answeredOutcomes outcome values of an answered call (call records)
 * @param ignoredOutcomes outcome values of records that are not calls at all (call records)
 * @param encoding the file's character set (e.g. "windows-1251"); null to detect it
 * @param queue the code of the queue every row goes to (a file of one queue); null to read the queue column
 */
public record ImportSettings(
        ImportKind kind,
        Map<HistoryField, String> columns,
        Integer intervalMinutes,
        Map<String, String> queueCodes,
        Set<String> answeredOutcomes,
        Set<String> ignoredOutcomes,
        String encoding,
        String queue) {

    public ImportSettings {
        columns = columns.isEmpty() ? new EnumMap<>(HistoryField.class) : new EnumMap<>(columns);
        queueCodes = new LinkedHashMap<>(queueCodes);
        answeredOutcomes = Set.copyOf(answeredOutcomes);
        ignoredOutcomes = Set.copyOf(ignoredOutcomes);
        encoding = encoding == null || encoding.isBlank() ? null : encoding;
        queue = queue == null || queue.isBlank() ? null : queue;
    }

    /** Settings that detect the encoding and read the queue column. */
    public ImportSettings(ImportKind kind, Map<HistoryField, String> columns, Integer intervalMinutes,
            Map<String, String> queueCodes, Set<String> answeredOutcomes, Set<String> ignoredOutcomes) {
        this(kind, columns, intervalMinutes, queueCodes, answeredOutcomes, ignoredOutcomes, null, null);
    }

    public String column(HistoryField field) {
        String c = columns.get(field);
        return c == null || c.isBlank() ? null : c;
    }

    public ImportSettings withColumn(HistoryField field, String column) {
        Map<HistoryField, String> c = new EnumMap<>(HistoryField.class);
        c.putAll(columns);
        if (column == null || column.isBlank()) {
            c.remove(field);
        } else {
            c.put(field, column);
        }
        return new ImportSettings(kind, c, intervalMinutes, queueCodes, answeredOutcomes, ignoredOutcomes, encoding, queue);
    }

    public ImportSettings withKind(ImportKind k) {
        return new ImportSettings(k, columns, intervalMinutes, queueCodes, answeredOutcomes, ignoredOutcomes, encoding, queue);
    }

    public ImportSettings withIntervalMinutes(Integer minutes) {
        return new ImportSettings(kind, columns, minutes, queueCodes, answeredOutcomes, ignoredOutcomes, encoding, queue);
    }

    public ImportSettings withQueueCodes(Map<String, String> codes) {
        return new ImportSettings(kind, columns, intervalMinutes, codes, answeredOutcomes, ignoredOutcomes, encoding, queue);
    }

    public ImportSettings withOutcomes(Set<String> answered, Set<String> ignored) {
        return new ImportSettings(kind, columns, intervalMinutes, queueCodes, answered, ignored, encoding, queue);
    }

    public ImportSettings withEncoding(String charset) {
        return new ImportSettings(kind, columns, intervalMinutes, queueCodes, answeredOutcomes, ignoredOutcomes, charset, queue);
    }

    public ImportSettings withQueue(String code) {
        return new ImportSettings(kind, columns, intervalMinutes, queueCodes, answeredOutcomes, ignoredOutcomes, encoding, code);
    }
}
