package org.switchboard.demand.history;

import java.util.List;

/**
 * The start of a file as the import sees it, with the settings the import suggests for it.
 *
 * @param queueValues distinct values of the suggested queue column over the whole file
 * @param encoding the character set the file was read in (detected, or as chosen)
 * @param encodingReason why: "byte-order mark", "valid UTF-8", "Cyrillic letters read best as windows-1251", "chosen"…
 * @param detectedIntervalMinutes the interval length detected from the starts of an interval file without an
 *     interval-length column (one of {@link IntervalDetector#CANDIDATES}; the suggested settings take it when the
 *     import accepts it), or null
 */
public record CsvPreview(
        char delimiter, List<String> headers, List<List<String>> rows, long dataRows, ImportSettings suggested,
        List<String> queueValues, String encoding, String encodingReason,
        Integer detectedIntervalMinutes) {}
