package org.switchboard.demand.history;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.shared.Roles;

/**
 * Imports call history from CSV files (interval aggregates or one row per call) into {@code call_history}.
 * All or nothing: the whole file is read and checked first, and only a file without problems is written,
 * in one transaction. An interval already in the history is replaced, so importing a file twice changes nothing.
 */
@Service
public class HistoryImportService {

    private final QueueService queues;
    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.switchboard.shared.CurrentUser currentUser;

    HistoryImportService(QueueService queues, JdbcTemplate jdbc, JdbcClient client, ApplicationEventPublisher events,
            java.util.Optional<Clock> clock, org.switchboard.shared.CurrentUser currentUser) {
        this.queues = queues;
        this.jdbc = jdbc;
        this.client = client;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
        this.currentUser = currentUser;
    }

    /** The first rows of a file, its queue values, and the mapping the import suggests. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional(readOnly = true)
    public CsvPreview preview(byte[] content, int rows) {
        return HistoryCsv.preview(content, rows, zonesByCode().keySet());
    }

    /** The distinct values of a file's column (at most 200): what the queue mapping offers. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public List<String> distinctValues(byte[] content, String column) {
        return HistoryCsv.distinct(content, column);
    }

    /**
     * Reads and stores a file. Throws {@link ImportFailedException} with every problem found (line and
     * column each; at most {@value HistoryCsv#MAX_PROBLEMS}) and then nothing is written.
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional
    public ImportResult importFile(String fileName, byte[] content, ImportSettings settings) {
        Map<String, Queue> byCode = queues.list().stream().collect(Collectors.toMap(Queue::getCode, q -> q));
        Map<String, ZoneId> zones = zones(byCode.values());
        HistoryCsv.Read read = HistoryCsv.read(content, settings, zones);
        if (!read.problems().isEmpty()) {
            throw new ImportFailedException(read.problems(), read.truncated());
        }
        List<HistoryCsv.Interval> intervals = read.intervals();
        LocalDate first = intervals.stream().map(HistoryCsv.Interval::localDay).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = intervals.stream().map(HistoryCsv.Interval::localDay).max(LocalDate::compareTo).orElseThrow();
        Map<String, Integer> perQueue = new TreeMap<>();
        intervals.forEach(i -> perQueue.merge(i.queueCode(), 1, Integer::sum));

        int replaced = countExisting(intervals, byCode);
        String user = currentUser.name();
        long importId = client.sql("""
                insert into history_import (file_name, kind, sha256, data_rows, intervals_written, queues,
                    first_day, last_day, imported_by, imported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(truncate(fileName, 255), settings.kind().name(), sha256(content), read.dataRows(),
                        intervals.size(), truncate(String.join(", ", perQueue.keySet()), 500), first, last, user,
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        List<Object[]> batch = new ArrayList<>(intervals.size());
        for (HistoryCsv.Interval i : intervals) {
            batch.add(new Object[] {byCode.get(i.queueCode()).getId(), i.minutes(), Timestamp.from(i.start()),
                    i.offered(), i.handled(), i.abandoned(), i.ahtSeconds(), importId});
        }
        jdbc.batchUpdate("""
                insert into call_history (queue_id, interval_minutes, interval_start, offered, handled, abandoned,
                    aht_seconds, import_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (queue_id, interval_minutes, interval_start) do update set
                    offered = excluded.offered, handled = excluded.handled, abandoned = excluded.abandoned,
                    aht_seconds = excluded.aht_seconds, import_id = excluded.import_id""", batch);
        perQueue.keySet().forEach(code -> events.publishEvent(new HistoryImported(byCode.get(code).getId(), first, last)));
        return new ImportResult(importId, read.dataRows(), read.skippedRows(), perQueue, replaced, first, last);
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
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10),
                        rs.getTimestamp(11).toInstant()))
                .list();
    }

    private int countExisting(List<HistoryCsv.Interval> intervals, Map<String, Queue> byCode) {
        Map<String, List<HistoryCsv.Interval>> groups = intervals.stream()
                .collect(Collectors.groupingBy(i -> i.queueCode() + "|" + i.minutes()));
        int existing = 0;
        for (List<HistoryCsv.Interval> g : groups.values()) {
            HistoryCsv.Interval any = g.get(0);
            Instant from = g.stream().map(HistoryCsv.Interval::start).min(Instant::compareTo).orElseThrow();
            Instant to = g.stream().map(HistoryCsv.Interval::start).max(Instant::compareTo).orElseThrow();
            java.util.Set<Instant> starts = g.stream().map(HistoryCsv.Interval::start).collect(Collectors.toSet());
            existing += (int) client.sql("""
                    select interval_start from call_history where queue_id = ? and interval_minutes = ?
                        and interval_start between ? and ?""")
                    .params(byCode.get(any.queueCode()).getId(), any.minutes(), Timestamp.from(from), Timestamp.from(to))
                    .query((rs, n) -> rs.getTimestamp(1).toInstant()).list().stream().filter(starts::contains).count();
        }
        return existing;
    }

    private Map<String, ZoneId> zonesByCode() {
        return zones(queues.list());
    }

    private static Map<String, ZoneId> zones(java.util.Collection<Queue> list) {
        Map<String, ZoneId> zones = new HashMap<>();
        list.forEach(q -> zones.put(q.getCode(), ZoneId.of(q.getTimeZone())));
        return zones;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
