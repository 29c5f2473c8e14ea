package org.switchboard.rostering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.absences.AbsenceType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open shifts, the published days they change and the replanning dates in PostgreSQL (see
 * V017__rostering_open_shifts.sql). Callers check permissions and hold the transactions.
 */
@Repository
class OpenShiftStore {

    private static final TypeReference<List<List<Instant>>> SPANS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OpenShiftStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The rosters that govern the operator's schedule on at least one date of [from, to]: for each date the most
     * recently published roster planning the operator then (published or superseded: publishing supersedes an older
     * roster that shares any operator and date, so the older one still governs the days the newer one does not plan).
     */
    List<Long> publishedRostersPlanning(long operatorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select distinct g.id from generate_series(cast(? as date), cast(? as date), interval '1 day') d,
                lateral (select r.id from roster r join roster_operator o on o.roster_id = r.id and o.operator_id = ?
                         where r.status in ('PUBLISHED', 'SUPERSEDED') and r.start_date <= d and r.start_date + r.days > d
                         order by r.published_at desc, r.id desc limit 1) g
                order by g.id""").params(from, to, operatorId).query(Long.class).list();
    }

    /** Whether the roster is the one that governs the operator's schedule on the date (see above). */
    boolean governs(long rosterId, long operatorId, LocalDate date) {
        return governing(operatorId, date).map(id -> id == rosterId).orElse(false);
    }

    /** The roster that governs the operator's schedule on the date (see above), if any. */
    Optional<Long> governing(long operatorId, LocalDate date) {
        return jdbc.sql("""
                select r.id from roster r join roster_operator o on o.roster_id = r.id and o.operator_id = ?
                where r.status in ('PUBLISHED', 'SUPERSEDED') and r.start_date <= ? and r.start_date + r.days > ?
                order by r.published_at desc, r.id desc limit 1""").params(operatorId, date, date)
                .query(Long.class).optional();
    }

    /** Opens a shift; null when this absence already opened it (a retried event). */
    Long open(long rosterId, StoredShift s, long absenceId, AbsenceType type, Instant now) {
        return jdbc.sql("""
                insert into open_shift (roster_id, work_date, shift_template_code, shift_start, shift_end, paid_minutes,
                    queue_id, breaks, absent_operator_id, absence_id, absence_type, status, opened_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, 'OPEN', ?)
                on conflict (absence_id, roster_id, work_date) do nothing returning id""")
                .params(rosterId, s.date(), s.templateCode(), Timestamp.from(s.start()), Timestamp.from(s.end()),
                        s.paidMinutes(), s.queueId(), spans(s.breaks()), s.operatorId(), absenceId, type.name(),
                        Timestamp.from(now))
                .query(Long.class).optional().orElse(null);
    }

    /** Adds an open shift a planner made (no absence); returns its id. */
    long add(long rosterId, StoredShift s, String by, Instant now) {
        return jdbc.sql("""
                insert into open_shift (roster_id, work_date, shift_template_code, shift_start, shift_end, paid_minutes,
                    queue_id, breaks, status, opened_at, added_by)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), 'OPEN', ?, ?) returning id""")
                .params(rosterId, s.date(), s.templateCode(), Timestamp.from(s.start()), Timestamp.from(s.end()),
                        s.paidMinutes(), s.queueId(), spans(s.breaks()), Timestamp.from(now), by)
                .query(Long.class).single();
    }

    /**
     * Whether the open shift's roster still governs it: for one an absence opened, the roster that governs the absent
     * operator's day; for one a planner added, a roster still published.
     */
    boolean current(OpenShift s) {
        if (s.absentOperatorId() == null) {
            return jdbc.sql("select count(*) from roster where id = ? and status = 'PUBLISHED'").param(s.rosterId())
                    .query(Integer.class).single() > 0;
        }
        return governs(s.rosterId(), s.absentOperatorId(), s.date());
    }

    Optional<OpenShift> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::openShift).optional();
    }

    /** The open shift locked until the transaction ends (assigning decides under it). */
    Optional<OpenShift> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(this::openShift).optional();
    }

    List<OpenShift> ofAbsence(long absenceId) {
        return jdbc.sql(SELECT + " where absence_id = ? order by work_date, roster_id").param(absenceId)
                .query(this::openShift).list();
    }

    /** A roster's open shifts (all states, or those given), by date and start. */
    List<OpenShift> ofRoster(long rosterId, Collection<OpenShift.Status> states) {
        return jdbc.sql(SELECT + " where roster_id = :roster and status in (:states) order by work_date, shift_start, id")
                .param("roster", rosterId).param("states", states.stream().map(Enum::name).toList())
                .query(this::openShift).list();
    }

    /**
     * Every shift still open from {@code from} on whose roster still governs the absent operator's day (a published
     * roster, or a superseded one for the days no newer one plans), or, added by a planner, whose roster is still
     * published; by date and start.
     */
    List<OpenShift> stillOpen(LocalDate from) {
        return jdbc.sql(SELECT + " " + """
                where status = 'OPEN' and work_date >= ?
                  and (roster_id = (select r.id from roster r join roster_operator o on o.roster_id = r.id
                                    and o.operator_id = absent_operator_id
                                    where r.status in ('PUBLISHED', 'SUPERSEDED') and r.start_date <= work_date
                                      and r.start_date + r.days > work_date
                                    order by r.published_at desc, r.id desc limit 1)
                       or (absent_operator_id is null
                           and exists (select 1 from roster r where r.id = roster_id and r.status = 'PUBLISHED')))
                order by work_date, shift_start, id""").param(from).query(this::openShift).list();
    }

    /** The still-open shifts of an absent operator dated in [from, to]. */
    List<OpenShift> ofAbsentOperator(long operatorId, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " where absent_operator_id = ? and status = 'OPEN' and work_date between ? and ?"
                + " order by work_date").params(operatorId, from, to).query(this::openShift).list();
    }

    /** Marks an OPEN shift filled; false when it is no longer open. */
    boolean fill(long id, long substituteId, String by, Instant now) {
        return jdbc.sql("""
                update open_shift set status = 'FILLED', substitute_operator_id = ?, filled_at = ?, filled_by = ?,
                    version = version + 1 where id = ? and status = 'OPEN'""")
                .params(substituteId, Timestamp.from(now), by, id).update() == 1;
    }

    /** Closes an OPEN shift (the absent operator is back on it); false when it is no longer open. */
    boolean cancel(long id, String by, Instant now) {
        return jdbc.sql("""
                update open_shift set status = 'CANCELLED', closed_at = ?, closed_by = ?, version = version + 1
                where id = ? and status = 'OPEN'""").params(Timestamp.from(now), by, id).update() == 1;
    }

    void markAbsenceCancelled(long id) {
        jdbc.sql("update open_shift set absence_cancelled = true, version = version + 1 where id = ? and status = 'OPEN'")
                .param(id).update();
    }

    // --- the published roster's days ----------------------------------------------------------------------------

    /** Takes an operator's day away from a roster; false when it had no shift. */
    boolean removeAssignment(long rosterId, long operatorId, LocalDate date) {
        boolean removed = jdbc.sql("delete from roster_assignment where roster_id = ? and operator_id = ? and work_date = ?")
                .params(rosterId, operatorId, date).update() == 1;
        if (removed) {
            jdbc.sql("update roster set version = version + 1 where id = ?").param(rosterId).update();
        }
        return removed;
    }

    /** Writes an operator's day into a roster (it had none); the roster's version goes up. */
    void insertAssignment(long rosterId, StoredShift s) {
        StoredShift.Span main = s.mainBreak();
        jdbc.sql("""
                insert into roster_assignment (roster_id, operator_id, work_date, shift_template_code, shift_start,
                    shift_end, paid_minutes, queue_id, break_start, break_end, breaks, pinned)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), false)""")
                .params(rosterId, s.operatorId(), s.date(), s.templateCode(), Timestamp.from(s.start()),
                        Timestamp.from(s.end()), s.paidMinutes(), s.queueId(),
                        main == null ? null : Timestamp.from(main.start()), main == null ? null : Timestamp.from(main.end()),
                        spans(s.breaks()))
                .update();
        jdbc.sql("update roster set version = version + 1 where id = ?").param(rosterId).update();
    }

    /**
     * Marks the drafts whose period overlaps [from, to] and that plan the operator or the operator's team (or every
     * team) as changed now: they say they are stale. Callers hold a published roster's lock: a draft another
     * transaction holds is skipped, not waited for (publishing it locks the draft, then the published roster it
     * supersedes: waiting here would deadlock; it is being published, or saved by a solve, which reads the schedule
     * anew).
     */
    int draftsChanged(long operatorId, Long teamId, LocalDate from, LocalDate to, Instant now) {
        return jdbc.sql("""
                update roster set inputs_changed_at = :now
                where id in (select r.id from roster r
                    where r.status = 'DRAFT' and r.start_date <= :to and r.start_date + r.days > :from
                      and (r.team_ids = '' or (',' || r.team_ids || ',') like ('%,' || :team || ',%')
                           or exists (select 1 from roster_operator o where o.roster_id = r.id and o.operator_id = :op))
                    for update skip locked)""")
                .param("now", Timestamp.from(now)).param("team", String.valueOf(teamId)).param("op", operatorId)
                .param("from", from).param("to", to).update();
    }

    // --- replanning ---------------------------------------------------------------------------------------------

    void saveReplanDates(long rosterId, Set<LocalDate> dates) {
        for (LocalDate d : dates) {
            jdbc.sql("insert into roster_replan_date (roster_id, work_date) values (?, ?) on conflict do nothing")
                    .params(rosterId, d).update();
        }
    }

    private static final String SELECT = """
            select id, roster_id, work_date, shift_template_code, shift_start, shift_end, paid_minutes, queue_id,
                breaks::text as breaks, absent_operator_id, absence_id, absence_type, status, absence_cancelled,
                substitute_operator_id, filled_at, filled_by
            from open_shift""";

    private OpenShift openShift(ResultSet rs, int n) throws SQLException {
        List<StoredShift.Span> breaks = new ArrayList<>();
        for (List<Instant> b : json.readValue(rs.getString("breaks"), SPANS)) {
            breaks.add(new StoredShift.Span(b.get(0), b.get(1)));
        }
        Timestamp filled = rs.getTimestamp("filled_at");
        return new OpenShift(rs.getLong("id"), rs.getLong("roster_id"), rs.getObject("work_date", LocalDate.class),
                rs.getString("shift_template_code"), rs.getTimestamp("shift_start").toInstant(),
                rs.getTimestamp("shift_end").toInstant(), rs.getInt("paid_minutes"),
                (Long) rs.getObject("queue_id", Long.class), breaks, (Long) rs.getObject("absent_operator_id", Long.class),
                (Long) rs.getObject("absence_id", Long.class),
                rs.getString("absence_type") == null ? null : AbsenceType.valueOf(rs.getString("absence_type")),
                OpenShift.Status.valueOf(rs.getString("status")), rs.getBoolean("absence_cancelled"),
                (Long) rs.getObject("substitute_operator_id", Long.class), filled == null ? null : filled.toInstant(),
                rs.getString("filled_by"));
    }

    private String spans(List<StoredShift.Span> breaks) {
        return json.writeValueAsString(breaks.stream().map(b -> List.of(b.start(), b.end())).toList());
    }
}
