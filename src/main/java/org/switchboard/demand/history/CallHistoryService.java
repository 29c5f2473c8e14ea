package org.switchboard.demand.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.Roles;

/** Reads the stored call history. */
@Service
@Transactional(readOnly = true)
public class CallHistoryService {

    private final JdbcClient jdbc;

    CallHistoryService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A queue's history at one interval length, over [from, to), in time order. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<HistoryInterval> history(long queueId, int intervalMinutes, Instant from, Instant to) {
        return jdbc.sql("""
                select queue_id, interval_minutes, interval_start, offered, handled, abandoned, aht_seconds
                from call_history where queue_id = ? and interval_minutes = ? and interval_start >= ? and interval_start < ?
                order by interval_start""")
                .params(queueId, intervalMinutes, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new HistoryInterval(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getInt(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6),
                        (Double) rs.getObject(7)))
                .list();
    }

    /** What history a queue has: per interval length, first and last interval start and the number of intervals. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<HistoryCoverage> coverage(long queueId) {
        return jdbc.sql("""
                select interval_minutes, min(interval_start), max(interval_start), count(*), sum(offered)
                from call_history where queue_id = ? group by interval_minutes order by count(*) desc, interval_minutes""")
                .param(queueId)
                .query((rs, n) -> new HistoryCoverage(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getLong(5)))
                .list();
    }

    /** The interval length with the most history, if the queue has any. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public Optional<HistoryCoverage> mainCoverage(long queueId) {
        return coverage(queueId).stream().findFirst();
    }

    /** First and last interval start of a queue's history at one length, with counts. */
    public record HistoryCoverage(int intervalMinutes, Instant first, Instant last, int intervals, long offered) {}
}
