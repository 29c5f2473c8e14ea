package org.switchboard.demand.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.shared.CurrentUser;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;

/**
 * Imports call history from CSV files (interval aggregates or one row per call) into {@code call_history}.
 * Files are streamed, never held in memory: one pass checks the bytes (encoding, SHA-256), the next reads the rows
 * and writes intervals in batches as they come. All or nothing: everything happens in one transaction (a savepoint
 * when the caller already has one), and a file with any problem rolls it back, so nothing of it stays. An interval
 * already in the history is replaced, so importing a file twice changes nothing. Limits: {@link ImportLimits} and
 * the value bounds of {@link FieldValues}.
 */
@Service
public class HistoryImportService {

    private final QueueService queues;
    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ImportLimits limits;
    private final TransactionTemplate savepointOrNew;
    private final TransactionTemplate joined;

    HistoryImportService(QueueService queues, JdbcTemplate jdbc, JdbcClient client, ApplicationEventPublisher events,
            Optional<Clock> clock, CurrentUser currentUser, ImportLimits limits, PlatformTransactionManager transactions) {
        this.queues = queues;
        this.jdbc = jdbc;
        this.client = client;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
        this.currentUser = currentUser;
        this.limits = limits;
        this.savepointOrNew = new TransactionTemplate(transactions);
        savepointOrNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.joined = new TransactionTemplate(transactions);
    }

    /** How large and wide a file may be. */
    public ImportLimits limits() {
        return limits;
    }

    /** The encodings the preview offers to choose from. */
    public List<String> encodings() {
        return TextEncoding.OFFERED;
    }

    /**
     * The first rows of a file, its queue values, its encoding (detected when {@code encoding} is null) and the
     * mapping the import suggests. Throws {@link ImportFailedException} when the file cannot be read (the line
     * that breaks it), {@link ImportTooLargeException} when it is too large.
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public CsvPreview preview(ImportSource source, int rows, String encoding) {
        checkSize(source);
        TextEncoding.Scan scan = scan(source);
        return HistoryCsv.preview(source, scan, charset(encoding, scan), rows, zonesByCode().keySet(), limits);
    }

    /** {@link #preview(ImportSource, int, String)} of content in memory, encoding detected. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public CsvPreview preview(byte[] content, int rows) {
        return preview(ImportSource.of("", content), rows, null);
    }

    /** The mapping suggested from a file's header alone, encoding detected when {@code encoding} is null. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public ImportSettings suggest(ImportSource source, String encoding) {
        checkSize(source);
        TextEncoding.Scan scan = scan(source);
        return HistoryCsv.suggest(source, charset(encoding, scan), zonesByCode().keySet(), limits);
    }

    /**
     * The interval length detected from the starts of an interval file as mapped by {@code settings} (the most common
     * gap between consecutive starts of a queue, see {@link IntervalDetector}), or null: a call file, a file with an
     * interval-length column, or no such gap.
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public Integer detectIntervalMinutes(ImportSource source, ImportSettings settings) {
        checkSize(source);
        Charset charset = settings.encoding() == null ? scan(source).charset() : charset(settings.encoding(), null);
        return HistoryCsv.detectIntervalMinutes(source, charset, settings, limits);
    }

    /** The distinct values of a file's column (at most 200): what the queue mapping offers. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public List<String> distinctValues(ImportSource source, String column, String encoding) {
        checkSize(source);
        Charset charset = encoding == null ? scan(source).charset() : charset(encoding, null);
        return HistoryCsv.distinct(source, charset, column, limits);
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public List<String> distinctValues(byte[] content, String column) {
        return distinctValues(ImportSource.of("", content), column, null);
    }

    /**
     * Reads and stores a file. Throws {@link ImportFailedException} with every problem found (line and
     * column each; at most {@value HistoryCsv#MAX_PROBLEMS}) and then nothing is written.
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public ImportResult importFile(ImportSource source, ImportSettings settings) {
        checkSize(source);
        try {
            return savepointOrNew.execute(status -> write(source, settings));
        } catch (CannotCreateTransactionException e) {
            // the caller's transaction is already marked rollback-only, so it takes no savepoint; its rollback undoes
            // this import with everything else
            return joined.execute(status -> write(source, settings));
        }
    }

    /** One import inside its transaction or savepoint: a problem throws, and everything written is rolled back. */
    private ImportResult write(ImportSource source, ImportSettings settings) {
        Map<String, Queue> byCode = queues.list().stream().collect(Collectors.toMap(Queue::getCode, q -> q));
        TextEncoding.Scan scan = scan(source);
        Charset charset = charset(settings.encoding(), scan);
        long importId = client.sql("""
                insert into history_import (file_name, kind, sha256, data_rows, intervals_written, queues,
                    first_day, last_day, imported_by, imported_at)
                values (?, ?, ?, 0, 0, '', null, null, ?, ?) returning id""")
                .params(truncate(source.name(), 255), settings.kind().name(), scan.sha256(), currentUser.name(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        Map<String, Long> ids = new HashMap<>();
        byCode.forEach((code, q) -> ids.put(code, q.getId()));
        HistoryWriter writer = new HistoryWriter(jdbc, importId, ids);
        HistoryRows.Result read;
        try (HistoryCsv.CsvFile file = HistoryCsv.open(source, charset, limits)) {
            read = new HistoryRows(settings, zones(byCode.values()), writer).read(file);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            throw new ImportFailedException(List.of(HistoryCsv.problemOf(e, 1)), false);
        }
        if (!read.problems().isEmpty()) {
            throw new ImportFailedException(read.problems(), read.truncated()); // rolls back every batch written
        }
        writer.flush();
        Map<String, Integer> perQueue = writer.perQueue();
        client.sql("""
                update history_import set data_rows = ?, intervals_written = ?, queues = ?, first_day = ?, last_day = ?
                where id = ?""")
                .params(read.dataRows(), writer.written(), truncate(String.join(", ", perQueue.keySet()), 500),
                        writer.first(), writer.last(), importId)
                .update();
        perQueue.keySet().forEach(code -> events.publishEvent(
                new HistoryImported(byCode.get(code).getId(), writer.first(), writer.last())));
        return new ImportResult(importId, read.dataRows(), read.skippedRows(), perQueue, writer.replaced(),
                writer.first(), writer.last(), charset.name());
    }

    /** {@link #importFile(ImportSource, ImportSettings)} of content in memory. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public ImportResult importFile(String fileName, byte[] content, ImportSettings settings) {
        return importFile(ImportSource.of(fileName, content), settings);
    }

    /** The imports so far, newest first. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<HistoryImport> imports() {
        return client.sql("""
                select id, file_name, kind, sha256, data_rows, intervals_written, queues, first_day, last_day,
                    imported_by, imported_at from history_import order by imported_at desc, id desc""")
                .query((rs, n) -> new HistoryImport(rs.getLong(1), rs.getString(2), ImportKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7),
                        rs.getObject(8, java.time.LocalDate.class), rs.getObject(9, java.time.LocalDate.class),
                        rs.getString(10), rs.getTimestamp(11).toInstant()))
                .list();
    }

    private void checkSize(ImportSource source) {
        if (source.size() > limits.maxFileSize().toBytes()) {
            throw new ImportTooLargeException(limits);
        }
    }

    private static TextEncoding.Scan scan(ImportSource source) {
        try (InputStream in = source.open()) {
            return TextEncoding.scan(in);
        } catch (IOException e) {
            throw new ImportFailedException(List.of(new ImportProblem(1, null, "The file cannot be read: " + e.getMessage())), false);
        }
    }

    /** The named character set, or the detected one; an unknown name is a problem of the settings. */
    static Charset charset(String name, TextEncoding.Scan scan) {
        if (name == null || name.isBlank()) {
            return scan.charset();
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new ImportFailedException(List.of(new ImportProblem(1, null, Text.of("error.import.unknownEncoding", name,
                    String.join(", ", TextEncoding.OFFERED)))), false);
        }
    }

    private Map<String, ZoneId> zonesByCode() {
        return zones(queues.list());
    }

    private static Map<String, ZoneId> zones(Collection<Queue> list) {
        Map<String, ZoneId> zones = new HashMap<>();
        list.forEach(q -> zones.put(q.getCode(), ZoneId.of(q.getTimeZone())));
        return zones;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Whether a name is a character set this Java can read. */
    public static boolean knownEncoding(String name) {
        try {
            return Charset.isSupported(name.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
