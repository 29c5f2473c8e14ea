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
 *     (e.g. a file's "ALL" total); a value not in the map goes to the queue with the same code
 * @param answeredOutcomes outcome values of an answered call (call records)
 * @param ignoredOutcomes outcome values of records that are not calls at all (call records)
 */
public record ImportSettings(
        ImportKind kind,
        Map<HistoryField, String> columns,
        Integer intervalMinutes,
        Map<String, String> queueCodes,
        Set<String> answeredOutcomes,
        Set<String> ignoredOutcomes) {

    public ImportSettings {
        columns = columns.isEmpty() ? new EnumMap<>(HistoryField.class) : new EnumMap<>(columns);
        queueCodes = new LinkedHashMap<>(queueCodes);
        answeredOutcomes = Set.copyOf(answeredOutcomes);
        ignoredOutcomes = Set.copyOf(ignoredOutcomes);
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
        return new ImportSettings(kind, c, intervalMinutes, queueCodes, answeredOutcomes, ignoredOutcomes);
    }

    public ImportSettings withIntervalMinutes(Integer minutes) {
        return new ImportSettings(kind, columns, minutes, queueCodes, answeredOutcomes, ignoredOutcomes);
    }

    public ImportSettings withQueueCodes(Map<String, String> codes) {
        return new ImportSettings(kind, columns, intervalMinutes, codes, answeredOutcomes, ignoredOutcomes);
    }
}
