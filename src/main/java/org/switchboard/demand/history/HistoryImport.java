package org.switchboard.demand.history;

import java.time.Instant;
import java.time.LocalDate;

/** One import as logged: file, kind, what it wrote, who and when. */
public record HistoryImport(long id, String fileName, ImportKind kind, String sha256, int dataRows,
        int intervalsWritten, String queues, LocalDate firstDay, LocalDate lastDay, String importedBy,
        Instant importedAt) {}
