package org.switchboard.rostering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rosters, their operators and assignments in PostgreSQL (see V008__rosters.sql). Callers check permissions. */
@Repository
class RosterStore {

    private static final TypeReference<Map<String, String>> WEIGHTS = new TypeReference<>() {};
    private static final TypeReference<List<Roster.ConstraintTotal>> TOTALS = new TypeReference<>() {};
    private static final TypeReference<List<RuleBreach>> BREACHES = new TypeReference<>() {};
    private static final TypeReference<List<List<Instant>>> SPANS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    RosterStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    long insert(LocalDate startDate, int days, ZoneId zone, List<Long> teamIds, List<Long> queueIds,
            boolean keepPublished, Map<String, String> weights, CoverageAim aim, String by, Instant now) {
        return jdbc.sql("""
                insert into roster (start_date, days, time_zone, team_ids, queue_ids, keep_published, weights,
                    coverage_aim, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) returning id""")
                .params(startDate, days, zone.getId(), ids(teamIds), ids(queueIds), keepPublished,
                        json.writeValueAsString(weights), aim.name(), Timestamp.from(now), by)
                .query(Long.class).single();
    }

    Optional<Roster> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::roster).optional();
    }

    /** The roster row locked until the transaction ends (publishing decides under it). */
    Optional<Roster> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(this::roster).optional();
    }

    List<Roster> list() {
        return jdbc.sql(SELECT + " order by start_date desc, id desc").query(this::roster).list();
    }

    List<Long> operatorIds(long rosterId) {
        return jdbc.sql("select operator_id from roster_operator where roster_id = ? order by operator_id")
                .param(rosterId).query(Long.class).list();
    }

    List<StoredShift> assignments(long rosterId) {
        return jdbc.sql(ASSIGNMENTS + " where roster_id = ? order by operator_id, work_date")
                .param(rosterId).query(this::shift).list();
    }

    List<RuleBreach> explanation(long rosterId) {
        String text = jdbc.sql("select explanation::text from roster where id = ?").param(rosterId)
                .query(String.class).optional().orElse(null);
        return text == null ? List.of() : json.readValue(text, BREACHES);
    }

    /**
     * A solve's bookkeeping (see {@link SolveQueue}): its Quartz job, when it was asked for, when and where its solver
     * began, a stop asked for, the runs it took and how it ended.
     */
    record SolveState(String job, Instant startedAt, Instant beganAt, Instant endedAt, Instant stopRequestedAt,
            String node, int attempts, String outcome, Integer seconds) {

        boolean solving() {
            return startedAt != null && endedAt == null;
        }
    }

    Optional<SolveState> solveState(long id) {
        return jdbc.sql("""
                select solve_job, solve_started_at, solve_began_at, solve_ended_at, solve_stop_requested_at, solve_node,
                    solve_attempts, solve_outcome, solve_seconds
                from roster where id = ?""").param(id)
                .query((rs, n) -> new SolveState(rs.getString("solve_job"), instant(rs, "solve_started_at"),
                        instant(rs, "solve_began_at"), instant(rs, "solve_ended_at"),
                        instant(rs, "solve_stop_requested_at"), rs.getString("solve_node"), rs.getInt("solve_attempts"),
                        rs.getString("solve_outcome"), (Integer) rs.getObject("solve_seconds", Integer.class)))
                .optional();
    }

    /**
     * Records that a solve was asked for and which job runs it; false (nothing written) when the roster is no longer a
     * draft or is already being solved.
     */
    boolean solveRequested(long id, int seconds, Instant now, String job) {
        return jdbc.sql("""
                update roster set solve_started_at = ?, solve_ended_at = null, solve_seconds = ?, solve_job = ?,
                    solve_began_at = null, solve_node = null, solve_stop_requested_at = null, solve_attempts = 0,
                    solve_outcome = null, version = version + 1
                where id = ? and status = 'DRAFT' and (solve_started_at is null or solve_ended_at is not null)""")
                .params(Timestamp.from(now), seconds, job, id).update() == 1;
    }

    /**
     * Records that the solver began on {@code node}; false (nothing written) when the roster is no longer a draft, was
     * stopped or ended, or changed (an edit, an unpin, a publish) since {@code version} was read, before its problem
     * was built.
     */
    boolean solveBegan(long id, int version, String node, Instant now) {
        return jdbc.sql("""
                update roster set solve_began_at = ?, solve_node = ?, solve_attempts = solve_attempts + 1,
                    version = version + 1
                where id = ? and status = 'DRAFT' and version = ? and solve_started_at is not null
                    and solve_ended_at is null and solve_stop_requested_at is null""")
                .params(Timestamp.from(now), node, id, version).update() == 1;
    }

    /** Asks a solve to stop, wherever it runs; false when the roster is not being solved. */
    boolean requestStop(long id, Instant now) {
        return jdbc.sql("""
                update roster set solve_stop_requested_at = coalesce(solve_stop_requested_at, ?)
                where id = ? and solve_started_at is not null and solve_ended_at is null""")
                .params(Timestamp.from(now), id).update() == 1;
    }

    /** Of these rosters, those whose solve was asked to stop. */
    List<Long> stopsRequested(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from roster where id = any(?) and solve_stop_requested_at is not null")
                .param(ids.toArray(Long[]::new)).query(Long.class).list();
    }

    /** Whether the roster is being solved or waits for a solver, on any instance. */
    boolean solving(long id) {
        return jdbc.sql("select solve_started_at is not null and solve_ended_at is null from roster where id = ?")
                .param(id).query(Boolean.class).optional().orElse(false);
    }

    /** How the solve ended (finished, stopped, failed, abandoned); the first word written stays. */
    void solveOutcome(long id, String outcome) {
        jdbc.sql("update roster set solve_outcome = coalesce(solve_outcome, ?) where id = ?").params(outcome, id).update();
    }

    /** How long a save waits for a row another transaction holds before it gives up (PostgreSQL interval). */
    static final String SAVE_LOCK_TIMEOUT = "20s";

    /**
     * The database sessions that are not idle, for a log line when a save gave up waiting: who held what, since when
     * (pid, state, transaction age, what it waits for, its last statement).
     */
    List<String> busySessions() {
        return jdbc.sql("""
                select pid || ' ' || coalesce(state, '?') || ' for ' || coalesce(cast(now() - xact_start as text), '-')
                    || ' waiting ' || coalesce(wait_event_type || ':' || wait_event, 'no') || ' blocked by '
                    || cast(pg_blocking_pids(pid) as text) || ': ' || left(coalesce(query, ''), 300)
                from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and state is distinct from 'idle'""")
                .query(String.class).list();
    }

    /** The roster row's version: every change of its draft, pins, state or score raises it. */
    int version(long id) {
        return jdbc.sql("select version from roster where id = ?").param(id).query(Integer.class).optional().orElse(-1);
    }

    /**
     * Replaces the roster's operators and assignments and stores the score of them, in one transaction: a crash
     * leaves either the previous result or this one.
     *
     * @param ended when solving ended; null for an intermediate save while solving goes on
     */
    @Transactional
    void saveResult(long id, Collection<Long> operatorIds, List<StoredShift> shifts, String score, int hard,
            long medium, long soft, double coveredShare, Double serviceLevel, long required,
            List<Roster.ConstraintTotal> totals, List<RuleBreach> explanation, Instant ended) {
        // a save never waits for ever: a row held elsewhere fails it after SAVE_LOCK_TIMEOUT (the solve then ends with
        // the draft saved before, and the holders are logged) instead of stalling every later solve behind it
        jdbc.sql("set local lock_timeout = '" + SAVE_LOCK_TIMEOUT + "'").update();
        // only a draft is ever rewritten (a published roster is the operators' schedule)
        String status = jdbc.sql("select status from roster where id = ? for update").param(id).query(String.class)
                .optional().orElse(null);
        if (!RosterState.DRAFT.name().equals(status)) {
            return;
        }
        jdbc.sql("delete from roster_assignment where roster_id = ?").param(id).update();
        jdbc.sql("delete from roster_operator where roster_id = ?").param(id).update();
        template.batchUpdate("insert into roster_operator (roster_id, operator_id) values (?, ?)",
                operatorIds.stream().map(o -> new Object[] {id, o}).toList());
        template.batchUpdate("""
                insert into roster_assignment (roster_id, operator_id, work_date, shift_template_code, shift_start,
                    shift_end, paid_minutes, queue_id, break_start, break_end, breaks, pinned)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), false)""",
                shifts.stream().map(s -> {
                    StoredShift.Span main = s.mainBreak();
                    return new Object[] {id, s.operatorId(), s.date(), s.templateCode(), Timestamp.from(s.start()),
                        Timestamp.from(s.end()), s.paidMinutes(), s.queueId(),
                        main == null ? null : Timestamp.from(main.start()), main == null ? null : Timestamp.from(main.end()),
                        json.writeValueAsString(s.breaks().stream().map(b -> List.of(b.start(), b.end())).toList())};
                }).toList());
        jdbc.sql("""
                update roster_assignment a set pinned = true where a.roster_id = ? and exists (select 1 from roster_pin p
                    where p.roster_id = a.roster_id and p.operator_id = a.operator_id and p.work_date = a.work_date)""")
                .param(id).update();
        jdbc.sql("""
                update roster set score = ?, hard_score = ?, medium_score = ?, soft_score = ?, covered_share = ?,
                    service_level = ?, required_operator_intervals = ?, constraint_totals = cast(? as jsonb),
                    explanation = cast(? as jsonb),
                    solve_ended_at = coalesce(?, solve_ended_at), version = version + 1
                where id = ?""")
                .params(score, hard, medium, soft, coveredShare, serviceLevel, required, json.writeValueAsString(totals),
                        explanation == null ? null : json.writeValueAsString(explanation),
                        ended == null ? null : Timestamp.from(ended), id)
                .update();
    }

    /** Marks solving as ended without a new result (it failed or was stopped before any). */
    void solveEnded(long id, Instant now) {
        jdbc.sql("update roster set solve_ended_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }

    /** Ends a solve that never began or cannot go on, with why; false when it had already ended. */
    boolean solveEnded(long id, Instant now, String outcome) {
        return jdbc.sql("""
                update roster set solve_ended_at = ?, solve_outcome = coalesce(solve_outcome, ?)
                where id = ? and solve_ended_at is null""").params(Timestamp.from(now), outcome, id).update() == 1;
    }

    /**
     * Marks as failed every solve that is marked running or waiting but has no job any more, on any instance: a
     * solve asked for before solves became jobs, or one whose job ended without ending it. (Asking for a solve writes
     * the roster and its job in one transaction, and a job ends its solve before the job goes, so a running or
     * waiting solve always has its job.) Returns how many.
     */
    int endOrphanedSolves(Instant now) {
        return jdbc.sql("""
                update roster r set solve_ended_at = ?, solve_outcome = coalesce(solve_outcome, 'failed')
                where r.solve_started_at is not null and r.solve_ended_at is null
                    and (r.solve_job is null or not exists (select 1 from qrtz_job_details j where j.job_name = r.solve_job))""")
                .param(Timestamp.from(now)).update();
    }

    /**
     * Publishes the roster: every other published roster that shares operators and dates with it becomes
     * superseded (it keeps its rows). Call inside a transaction holding {@link #lock}.
     */
    int publish(Roster r, String by, Instant now) {
        int superseded = jdbc.sql("""
                update roster o set status = 'SUPERSEDED', superseded_by = :id, version = o.version + 1
                where o.status = 'PUBLISHED' and o.id <> :id
                  and o.start_date < :end and o.start_date + o.days > :start
                  and exists (select 1 from roster_operator a join roster_operator b on a.operator_id = b.operator_id
                              where a.roster_id = o.id and b.roster_id = :id)""")
                .param("id", r.id()).param("start", r.startDate()).param("end", r.startDate().plusDays(r.days()))
                .update();
        jdbc.sql("""
                update roster set status = 'PUBLISHED', published_at = ?, published_by = ?, superseded_by = null,
                    version = version + 1 where id = ?""")
                .params(Timestamp.from(now), by, r.id()).update();
        return superseded;
    }

    /**
     * The published schedule: for each operator and date in [from, to) that a published (or superseded) roster
     * plans, the shift of the most recently published of them, or empty for a day off there.
     *
     * @param operatorIds null = every operator
     */
    Map<Long, Map<LocalDate, Optional<StoredShift>>> published(Collection<Long> operatorIds, LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, Optional<StoredShift>>> out = new HashMap<>();
        if (operatorIds != null && operatorIds.isEmpty()) {
            return out;
        }
        String sql = """
                with governing as (
                    select distinct on (ro.operator_id, d.day) ro.operator_id, d.day as work_date, r.id as roster_id
                    from roster r
                    join roster_operator ro on ro.roster_id = r.id
                    cross join lateral (select g::date as day from generate_series(greatest(r.start_date, :from),
                        least(r.start_date + r.days - 1, :to - 1), interval '1 day') g) d
                    where r.status in ('PUBLISHED', 'SUPERSEDED') and r.start_date < :to and r.start_date + r.days > :from
                      %s
                    order by ro.operator_id, d.day, r.published_at desc, r.id desc)
                select g.operator_id as g_operator, g.work_date as g_date, a.*
                from governing g
                left join roster_assignment a on a.roster_id = g.roster_id and a.operator_id = g.operator_id
                    and a.work_date = g.work_date
                order by g.operator_id, g.work_date""".formatted(operatorIds == null ? "" : "and ro.operator_id in (:ops)");
        var spec = jdbc.sql(sql).param("from", from).param("to", to);
        if (operatorIds != null) {
            spec = spec.param("ops", operatorIds);
        }
        spec.query((rs, n) -> {
            long op = rs.getLong("g_operator");
            LocalDate date = rs.getObject("g_date", LocalDate.class);
            Optional<StoredShift> shift = rs.getObject("roster_id") == null ? Optional.empty() : Optional.of(shift(rs, n));
            out.computeIfAbsent(op, k -> new HashMap<>()).put(date, shift);
            return null;
        }).list();
        return out;
    }

    /** The operator-intervals required as last scored; -1 when not known (stored before it was kept). */
    long requiredOperatorIntervals(long rosterId) {
        Long v = jdbc.sql("select required_operator_intervals from roster where id = ?").param(rosterId)
                .query(Long.class).optional().orElse(null);
        return v == null ? -1 : v;
    }

    // --- pins (days a planner edited) ----------------------------------------------------------------------------

    /** Per operator the pinned dates of a roster. */
    Map<Long, java.util.Set<LocalDate>> pins(long rosterId) {
        Map<Long, java.util.Set<LocalDate>> out = new HashMap<>();
        jdbc.sql("select operator_id, work_date from roster_pin where roster_id = ?").param(rosterId)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>())
                        .add(rs.getObject(2, LocalDate.class)))
                .list();
        return out;
    }

    /** The pinned days with whether each is a day off (no assignment), by operator and date. */
    List<Object[]> pinnedDays(long rosterId) {
        return jdbc.sql("""
                select p.operator_id, p.work_date, a.roster_id is null as day_off
                from roster_pin p left join roster_assignment a on a.roster_id = p.roster_id
                    and a.operator_id = p.operator_id and a.work_date = p.work_date
                where p.roster_id = ? order by p.operator_id, p.work_date""")
                .param(rosterId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3)})
                .list();
    }

    /**
     * Stores a planner's edit of one day, pinned: the shift (breaks as given, usually none yet) or a day off (no row).
     * Call inside a transaction holding {@link #lock}.
     */
    void storeEdit(long rosterId, long operatorId, LocalDate date, StoredShift shift, String by, Instant now) {
        jdbc.sql("delete from roster_assignment where roster_id = ? and operator_id = ? and work_date = ?")
                .params(rosterId, operatorId, date).update();
        if (shift != null) {
            StoredShift.Span main = shift.mainBreak();
            jdbc.sql("""
                    insert into roster_assignment (roster_id, operator_id, work_date, shift_template_code, shift_start,
                        shift_end, paid_minutes, queue_id, break_start, break_end, breaks, pinned)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), true)""")
                    .params(rosterId, operatorId, date, shift.templateCode(), Timestamp.from(shift.start()),
                            Timestamp.from(shift.end()), shift.paidMinutes(), shift.queueId(),
                            main == null ? null : Timestamp.from(main.start()),
                            main == null ? null : Timestamp.from(main.end()),
                            json.writeValueAsString(shift.breaks().stream().map(b -> List.of(b.start(), b.end())).toList()))
                    .update();
        }
        jdbc.sql("""
                insert into roster_pin (roster_id, operator_id, work_date, pinned_at, pinned_by) values (?, ?, ?, ?, ?)
                on conflict (roster_id, operator_id, work_date) do update set pinned_at = excluded.pinned_at,
                    pinned_by = excluded.pinned_by""")
                .params(rosterId, operatorId, date, Timestamp.from(now), by).update();
        jdbc.sql("update roster set version = version + 1 where id = ?").param(rosterId).update();
    }

    /** Unpins one day (its value stays as a starting value); false when it was not pinned. */
    boolean unpin(long rosterId, long operatorId, LocalDate date) {
        boolean removed = jdbc.sql("delete from roster_pin where roster_id = ? and operator_id = ? and work_date = ?")
                .params(rosterId, operatorId, date).update() == 1;
        if (removed) {
            jdbc.sql("update roster_assignment set pinned = false where roster_id = ? and operator_id = ? and work_date = ?")
                    .params(rosterId, operatorId, date).update();
            jdbc.sql("update roster set version = version + 1 where id = ?").param(rosterId).update();
        }
        return removed;
    }

    /** One stored day of a roster (empty: a day off or not planned). */
    Optional<StoredShift> assignment(long rosterId, long operatorId, LocalDate date) {
        return jdbc.sql(ASSIGNMENTS + " where roster_id = ? and operator_id = ? and work_date = ?")
                .params(rosterId, operatorId, date).query(this::shift).optional();
    }

    /** The dates a replanning draft may change (table roster_replan_date); empty for any other roster. */
    java.util.Set<LocalDate> replanDates(long rosterId) {
        return new java.util.TreeSet<>(jdbc.sql("select work_date from roster_replan_date where roster_id = ?")
                .param(rosterId).query((rs, n) -> rs.getObject(1, LocalDate.class)).list());
    }

    // --- stale drafts --------------------------------------------------------------------------------------------

    /**
     * Marks the drafts planned from a queue's requirements (all queues, or this one) as changed now; with dates, only
     * those whose period overlaps [from, to] (a day's margin for time zones).
     */
    int queueInputsChanged(long queueId, LocalDate from, LocalDate to, Instant now) {
        return jdbc.sql("""
                update roster set inputs_changed_at = :now
                where status = 'DRAFT'
                  and (queue_ids = '' or (',' || queue_ids || ',') like ('%,' || :queue || ',%'))
                  and (cast(:from as date) is null or (start_date <= cast(:to as date) + 1
                       and start_date + days >= cast(:from as date) - 1))""")
                .param("now", Timestamp.from(now)).param("queue", String.valueOf(queueId))
                .param("from", from).param("to", to).update();
    }

    /** Marks the drafts that plan a team (every team, or this one) or this operator as changed now. */
    int operatorInputsChanged(long operatorId, Long teamId, Instant now) {
        return jdbc.sql("""
                update roster r set inputs_changed_at = :now
                where r.status = 'DRAFT'
                  and (r.team_ids = '' or (',' || r.team_ids || ',') like ('%,' || :team || ',%')
                       or exists (select 1 from roster_operator o where o.roster_id = r.id and o.operator_id = :op))""")
                .param("now", Timestamp.from(now)).param("team", String.valueOf(teamId)).param("op", operatorId)
                .update();
    }

    /** Marks every draft as changed now (a contract changed: any operator may have it). */
    int allInputsChanged(Instant now) {
        return jdbc.sql("update roster set inputs_changed_at = ? where status = 'DRAFT'").param(Timestamp.from(now)).update();
    }

    private static final String SELECT = """
            select id, start_date, days, time_zone, team_ids, queue_ids, keep_published, status, weights::text as weights,
                score, hard_score, medium_score, soft_score,
                case when required_operator_intervals = 0 then null else covered_share end as covered_share,
                constraint_totals::text as totals, solve_started_at, solve_ended_at, solve_seconds, created_at,
                created_by, published_at, published_by, superseded_by, inputs_changed_at, coverage_aim, service_level
            from roster""";

    private static final String ASSIGNMENTS = """
            select operator_id, work_date, shift_template_code, shift_start, shift_end, paid_minutes, queue_id,
                breaks::text as breaks
            from roster_assignment""";

    private Roster roster(ResultSet rs, int n) throws SQLException {
        String totals = rs.getString("totals");
        return new Roster(rs.getLong("id"), rs.getObject("start_date", LocalDate.class), rs.getInt("days"),
                ZoneId.of(rs.getString("time_zone")), ids(rs.getString("team_ids")), ids(rs.getString("queue_ids")),
                rs.getBoolean("keep_published"), RosterState.valueOf(rs.getString("status")),
                json.readValue(rs.getString("weights"), WEIGHTS), rs.getString("score"),
                (Integer) rs.getObject("hard_score", Integer.class), (Long) rs.getObject("medium_score", Long.class),
                (Long) rs.getObject("soft_score", Long.class), (Double) rs.getObject("covered_share", Double.class),
                totals == null ? List.of() : json.readValue(totals, TOTALS), instant(rs, "solve_started_at"),
                instant(rs, "solve_ended_at"), (Integer) rs.getObject("solve_seconds", Integer.class),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "published_at"),
                rs.getString("published_by"), (Long) rs.getObject("superseded_by", Long.class),
                instant(rs, "inputs_changed_at"), CoverageAim.valueOf(rs.getString("coverage_aim")),
                (Double) rs.getObject("service_level", Double.class));
    }

    private StoredShift shift(ResultSet rs, int n) throws SQLException {
        List<StoredShift.Span> breaks = new ArrayList<>();
        for (List<Instant> b : json.readValue(rs.getString("breaks"), SPANS)) {
            breaks.add(new StoredShift.Span(b.get(0), b.get(1)));
        }
        return new StoredShift(rs.getLong("operator_id"), rs.getObject("work_date", LocalDate.class),
                rs.getString("shift_template_code"), instant(rs, "shift_start"), instant(rs, "shift_end"),
                rs.getInt("paid_minutes"), (Long) rs.getObject("queue_id", Long.class), breaks);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String ids(List<Long> ids) {
        return ids == null ? "" : String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<Long> ids(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }
}
