package org.switchboard.demand.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes intervals into {@code call_history} while the file is read, 5,000 rows per statement (arrays unnested
 * by PostgreSQL), inside the import's transaction: a later problem rolls every batch back. An interval already
 * stored is replaced; the statement counts those.
 */
final class HistoryWriter implements HistoryRows.Sink {

    static final int BATCH = 5_000;

    private static final String UPSERT = """
            with written as (
                insert into call_history (queue_id, interval_minutes, interval_start, offered, handled, abandoned,
                    aht_seconds, import_id)
                select q, m, to_timestamp(s), o, h, a, t, ?
                from unnest(?::bigint[], ?::integer[], ?::bigint[], ?::integer[], ?::integer[], ?::integer[],
                    ?::double precision[]) as u(q, m, s, o, h, a, t)
                on conflict (queue_id, interval_minutes, interval_start) do update set
                    offered = excluded.offered, handled = excluded.handled, abandoned = excluded.abandoned,
                    aht_seconds = excluded.aht_seconds, import_id = excluded.import_id
                returning xmax
            )
            select count(*) filter (where xmax::text <> '0') from written""";

    private final JdbcTemplate jdbc;
    private final long importId;
    private final Map<String, Long> queueIds;
    private final Long[] queue = new Long[BATCH];
    private final Integer[] minutes = new Integer[BATCH];
    private final Long[] start = new Long[BATCH];
    private final Integer[] offered = new Integer[BATCH];
    private final Integer[] handled = new Integer[BATCH];
    private final Integer[] abandoned = new Integer[BATCH];
    private final Double[] aht = new Double[BATCH];
    private int n;
    private int written;
    private int replaced;
    private final Map<String, Integer> perQueue = new TreeMap<>();
    private LocalDate first;
    private LocalDate last;

    HistoryWriter(JdbcTemplate jdbc, long importId, Map<String, Long> queueIds) {
        this.jdbc = jdbc;
        this.importId = importId;
        this.queueIds = queueIds;
    }

    @Override
    public void accept(HistoryRows.Interval i) {
        queue[n] = queueIds.get(i.queueCode());
        minutes[n] = i.minutes();
        start[n] = i.start().getEpochSecond();
        offered[n] = i.offered();
        handled[n] = i.handled();
        abandoned[n] = i.abandoned();
        aht[n] = i.ahtSeconds();
        n++;
        written++;
        perQueue.merge(i.queueCode(), 1, Integer::sum);
        if (first == null || i.localDay().isBefore(first)) {
            first = i.localDay();
        }
        if (last == null || i.localDay().isAfter(last)) {
            last = i.localDay();
        }
        if (n == BATCH) {
            flush();
        }
    }

    /** Writes what is still buffered. */
    void flush() {
        if (n == 0) {
            return;
        }
        int rows = n;
        replaced += jdbc.execute((ConnectionCallback<Integer>) con -> upsert(con, rows));
        n = 0;
    }

    private int upsert(Connection con, int rows) throws SQLException {
        Array[] arrays = {
            con.createArrayOf("int8", Arrays.copyOf(queue, rows)), con.createArrayOf("int4", Arrays.copyOf(minutes, rows)),
            con.createArrayOf("int8", Arrays.copyOf(start, rows)), con.createArrayOf("int4", Arrays.copyOf(offered, rows)),
            con.createArrayOf("int4", Arrays.copyOf(handled, rows)), con.createArrayOf("int4", Arrays.copyOf(abandoned, rows)),
            con.createArrayOf("float8", Arrays.copyOf(aht, rows))};
        try (PreparedStatement ps = con.prepareStatement(UPSERT)) {
            ps.setLong(1, importId);
            for (int i = 0; i < arrays.length; i++) {
                ps.setArray(i + 2, arrays[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } finally {
            for (Array a : arrays) {
                a.free();
            }
        }
    }

    int written() {
        return written;
    }

    int replaced() {
        return replaced;
    }

    Map<String, Integer> perQueue() {
        return perQueue;
    }

    LocalDate first() {
        return first;
    }

    LocalDate last() {
        return last;
    }
}
