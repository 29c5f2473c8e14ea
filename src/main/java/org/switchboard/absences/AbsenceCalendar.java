package org.switchboard.absences;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approved absences, for other modules (module rostering turns them into the solver's unavailability and opens
 * the published shifts they hit). No role check: callers are services that check their own.
 */
@Service
public class AbsenceCalendar {

    private final JdbcClient jdbc;

    AbsenceCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The approved absences overlapping [from, to), of the given operators (null = all), by operator and start. */
    @Transactional(readOnly = true)
    public List<AbsenceSpan> approved(Collection<Long> operatorIds, Instant from, Instant to) {
        if (operatorIds != null && operatorIds.isEmpty()) {
            return List.of();
        }
        String sql = "select id, operator_id, type, from_date, to_date, starts_at, ends_at, whole_days from absence"
                + " where status = 'APPROVED' and starts_at < :to and ends_at > :from"
                + (operatorIds == null ? "" : " and operator_id in (:ops)") + " order by operator_id, starts_at";
        var spec = jdbc.sql(sql).param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to));
        if (operatorIds != null) {
            spec = spec.param("ops", List.copyOf(operatorIds));
        }
        return spec.query(AbsenceCalendar::span).list();
    }

    /** One absence by id, whatever its status (null when there is none). */
    @Transactional(readOnly = true)
    public AbsenceSpan span(long absenceId) {
        return jdbc.sql("select id, operator_id, type, from_date, to_date, starts_at, ends_at, whole_days from absence"
                + " where id = :id").param("id", absenceId).query(AbsenceCalendar::span).optional().orElse(null);
    }

    /**
     * Whether the absence is approved now, holding a share lock on its row until the caller's transaction ends (so a
     * cancellation waits for what the caller does on the strength of the approval, and a late listener of an approval
     * that was cancelled meanwhile sees it). Needs a transaction.
     */
    @Transactional
    public boolean isApprovedNow(long absenceId) {
        return jdbc.sql("select status from absence where id = :id for share").param("id", absenceId)
                .query(String.class).optional().map("APPROVED"::equals).orElse(false);
    }

    static AbsenceSpan span(ResultSet rs, int row) throws SQLException {
        return new AbsenceSpan(rs.getLong("id"), rs.getLong("operator_id"), AbsenceType.valueOf(rs.getString("type")),
                rs.getDate("from_date").toLocalDate(), rs.getDate("to_date").toLocalDate(),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getBoolean("whole_days"));
    }
}
