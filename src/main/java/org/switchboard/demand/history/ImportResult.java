package org.switchboard.demand.history;

import java.time.LocalDate;
import java.util.Map;

/**
 * What an import wrote.
 *
 * @param dataRows rows read (without the header)
 * @param skippedRows rows not counted: mapped to no queue, ignored outcomes, calls that never reached operators
 * @param intervals intervals written per queue code
 * @param replaced intervals that already had history and were replaced (importing a file again replaces, never adds)
 * @param encoding the character set the file was read in
 */
public record ImportResult(
        long importId, int dataRows, int skippedRows, Map<String, Integer> intervals, int replaced,
        LocalDate firstDay, LocalDate lastDay, String encoding) {

    public int totalIntervals() {
        return intervals.values().stream().mapToInt(Integer::intValue).sum();
    }
}
