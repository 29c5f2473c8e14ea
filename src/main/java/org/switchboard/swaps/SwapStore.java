package org.switchboard.swaps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.rostering.TradeShift;
import tools.jackson.databind.json.JsonMapper;

/** Trades, their history and the teams' trade rules in PostgreSQL (V020__swaps.sql). Callers hold the transactions. */
@Repository
class SwapStore {

    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SwapStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(SwapKind kind, long rosterId, Long teamId, Long proposerId, String by, Instant now, TradeShift give,
            Long openShiftId, Long addresseeId, LocalDate takeDate, TradeShift take, Instant expiresAt) {
        long id = jdbc.sql("""
                insert into swap (kind, status, roster_id, team_id, proposer_operator_id, proposed_by, proposed_at,
                    give_date, give_shift, open_shift_id, addressee_operator_id, take_date, take_shift, expires_at)
                values (?, 'PROPOSED', ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb), ?) returning id""")
                .params(kind.name(), rosterId, teamId, proposerId, by, Timestamp.from(now), give.date(),
                        json.writeValueAsString(give), openShiftId, addresseeId, takeDate,
                        take == null ? null : json.writeValueAsString(take), Timestamp.from(expiresAt))
                .query(Long.class).single();
        step(id, SwapStatus.PROPOSED, now, by, false, null);
        return id;
    }

    Optional<Swap> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::swap).optional();
    }

    /** The trade locked until the transaction ends: every transition decides under it. */
    Optional<Swap> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(this::swap).optional();
    }

    /** Everything, newest first (managers), at most {@code limit}. */
    List<Swap> all(int limit) {
        return jdbc.sql(SELECT + " order by proposed_at desc, id desc limit ?").param(limit).query(this::swap).list();
    }

    /** The operator's own, addressed to them or taken by them, newest first. */
    List<Swap> involving(long operatorId, int limit) {
        return jdbc.sql(SELECT + """
                 where proposer_operator_id = :op or addressee_operator_id = :op or taker_operator_id = :op
                order by proposed_at desc, id desc limit :limit""").param("op", operatorId).param("limit", limit)
                .query(this::swap).list();
    }

    /** Whether the operator's shift on the date is offered in an active trade already. */
    boolean offered(long proposerId, LocalDate date) {
        return jdbc.sql("select count(*) from swap where proposer_operator_id = ? and give_date = ?"
                + " and status in ('PROPOSED', 'ACCEPTED')").params(proposerId, date).query(Integer.class).single() > 0;
    }

    /** Whether the open shift is offered in an active trade already. */
    boolean offeredOpenShift(long openShiftId) {
        return jdbc.sql("select count(*) from swap where open_shift_id = ? and status in ('PROPOSED', 'ACCEPTED')")
                .param(openShiftId).query(Integer.class).single() > 0;
    }

    /** Give-aways and open shifts still offered (not expired at {@code now}), by the shift's start. */
    List<Swap> offered(Instant now) {
        return jdbc.sql(SELECT + """
                 where status = 'PROPOSED' and kind in ('GIVEAWAY', 'OPEN_SHIFT') and expires_at > ?
                order by expires_at, id""").param(Timestamp.from(now)).query(this::swap).list();
    }

    /** Trades waiting for a manager, oldest first. */
    List<Swap> waiting() {
        return jdbc.sql(SELECT + " where status = 'ACCEPTED' order by accepted_at, id").query(this::swap).list();
    }

    /**
     * Active trades (other than {@code except}) that offer or ask for the operator's shift on the date, locked; those
     * another transaction holds are skipped (it holds the trade and waits for the roster this caller holds: waiting
     * here would deadlock; that trade finds the shift changed when it gets the roster and expires then).
     */
    List<Swap> activeTouching(long operatorId, LocalDate date, long except) {
        return jdbc.sql(SELECT + """
                 where status in ('PROPOSED', 'ACCEPTED') and id <> :except
                  and (proposer_operator_id = :op or addressee_operator_id = :op or taker_operator_id = :op)
                  and (give_date = :d or take_date = :d)
                order by id for update skip locked""").param("op", operatorId).param("d", date).param("except", except)
                .query(this::swap).list();
    }

    /** Active trades of the operators (proposed, addressed or taken) with a shift dated in [from, to], by id. */
    List<Swap> activeOf(Collection<Long> operatorIds, LocalDate from, LocalDate to) {
        if (operatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 where status in ('PROPOSED', 'ACCEPTED')
                  and (proposer_operator_id in (:ops) or addressee_operator_id in (:ops) or taker_operator_id in (:ops))
                  and (give_date between :from and :to or take_date between :from and :to)
                order by id""").param("ops", operatorIds).param("from", from).param("to", to).query(this::swap).list();
    }

    /** Active offers of open shifts dated in [from, to], by id. */
    List<Swap> activeOpenShifts(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " where status in ('PROPOSED', 'ACCEPTED') and kind = 'OPEN_SHIFT'"
                + " and give_date between ? and ? order by id").params(from, to).query(this::swap).list();
    }

    /** The active trades whose first shift has started by {@code now}, locked (skipping those another node holds). */
    List<Swap> dueToExpire(Instant now) {
        return jdbc.sql(SELECT + " where status in ('PROPOSED', 'ACCEPTED') and expires_at <= ? order by id"
                + " for update skip locked").param(Timestamp.from(now)).query(this::swap).list();
    }

    void accept(long id, long takerId, Instant now, String by) {
        jdbc.sql("update swap set status = 'ACCEPTED', taker_operator_id = ?, accepted_at = ?, version = version + 1"
                + " where id = ?").params(takerId, Timestamp.from(now), id).update();
        step(id, SwapStatus.ACCEPTED, now, by, false, null);
    }

    /** Records the taker without a decision yet (accepted and approved in one step). */
    void take(long id, long takerId, Instant now) {
        jdbc.sql("update swap set taker_operator_id = ?, accepted_at = ?, version = version + 1 where id = ?")
                .params(takerId, Timestamp.from(now), id).update();
    }

    /** APPROVED or REJECTED, by a manager or the system. */
    void decide(long id, SwapStatus status, String by, boolean bySystem, String reason, Instant now) {
        jdbc.sql("""
                update swap set status = ?, decided_by = ?, decided_at = ?, decided_by_system = ?, reason = ?,
                    version = version + 1 where id = ?""")
                .params(status.name(), by, Timestamp.from(now), bySystem, reason, id).update();
        step(id, status, now, by, bySystem, reason);
    }

    /** DECLINED, CANCELLED or EXPIRED. */
    void close(long id, SwapStatus status, String by, boolean bySystem, String reason, Instant now) {
        jdbc.sql("update swap set status = ?, closed_by = ?, closed_at = ?, reason = ?, version = version + 1 where id = ?")
                .params(status.name(), by, Timestamp.from(now), reason, id).update();
        step(id, status, now, by, bySystem, reason);
    }

    /** Records a step the trade's row does not change (a waiting reason, e.g.). */
    void note(long id, SwapStatus status, Instant now, String by, boolean bySystem, String reason) {
        step(id, status, now, by, bySystem, reason);
    }

    /** The histories of the trades, each oldest first, in one query. */
    java.util.Map<Long, List<Swap.Step>> histories(Collection<Long> ids) {
        java.util.Map<Long, List<Swap.Step>> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select swap_id, status, at, actor, by_system, reason from swap_history where swap_id in (:ids)"
                + " order by swap_id, at, id").param("ids", ids).query(rs -> {
                    out.computeIfAbsent(rs.getLong("swap_id"), k -> new java.util.ArrayList<>()).add(step(rs));
                });
        return out;
    }

    List<Swap.Step> history(long id) {
        return jdbc.sql("select status, at, actor, by_system, reason from swap_history where swap_id = ? order by at, id")
                .param(id).query((rs, n) -> step(rs)).list();
    }

    private static Swap.Step step(ResultSet rs) throws SQLException {
        return new Swap.Step(SwapStatus.valueOf(rs.getString("status")), rs.getTimestamp("at").toInstant(),
                rs.getString("actor"), rs.getBoolean("by_system"), rs.getString("reason"));
    }

    List<Swap> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id in (:ids) order by id").param("ids", ids).query(this::swap).list();
    }

    // --- trade rules --------------------------------------------------------------------------------------------

    TradeRules rules(long teamId) {
        return jdbc.sql("""
                select team_id, same_queue_only, unequal_paid_time, one_sided, min_notice_hours, open_days_ahead,
                    auto_approve, auto_approve_threshold from swap_team_setting where team_id = ?""").param(teamId)
                .query((rs, n) -> new TradeRules(rs.getLong("team_id"), rs.getBoolean("same_queue_only"),
                        rs.getBoolean("unequal_paid_time"), rs.getBoolean("one_sided"), rs.getInt("min_notice_hours"),
                        rs.getInt("open_days_ahead"), rs.getBoolean("auto_approve"),
                        rs.getBigDecimal("auto_approve_threshold").doubleValue()))
                .optional().orElseGet(() -> TradeRules.defaults(teamId));
    }

    /** The team's rules locked until the transaction ends (a row with the defaults is made first if none). */
    TradeRules lockRules(long teamId) {
        jdbc.sql("insert into swap_team_setting (team_id) values (?) on conflict (team_id) do nothing").param(teamId)
                .update();
        jdbc.sql("select team_id from swap_team_setting where team_id = ? for update").param(teamId).query(Long.class)
                .single();
        return rules(teamId);
    }

    void saveRules(TradeRules r) {
        jdbc.sql("""
                insert into swap_team_setting (team_id, same_queue_only, unequal_paid_time, one_sided, min_notice_hours,
                    open_days_ahead, auto_approve, auto_approve_threshold) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (team_id) do update set same_queue_only = excluded.same_queue_only,
                    unequal_paid_time = excluded.unequal_paid_time, one_sided = excluded.one_sided,
                    min_notice_hours = excluded.min_notice_hours, open_days_ahead = excluded.open_days_ahead,
                    auto_approve = excluded.auto_approve, auto_approve_threshold = excluded.auto_approve_threshold,
                    version = swap_team_setting.version + 1""")
                .params(r.teamId(), r.sameQueueOnly(), r.unequalPaidTime(), r.oneSided(), r.minNoticeHours(),
                        r.openDaysAhead(), r.autoApprove(), java.math.BigDecimal.valueOf(r.threshold())).update();
    }

    // --- rows ---------------------------------------------------------------------------------------------------

    private void step(long id, SwapStatus status, Instant at, String by, boolean bySystem, String reason) {
        jdbc.sql("insert into swap_history (swap_id, status, at, actor, by_system, reason) values (?, ?, ?, ?, ?, ?)")
                .params(id, status.name(), Timestamp.from(at), by, bySystem, reason).update();
    }

    private static final String SELECT = """
            select id, kind, status, roster_id, team_id, proposer_operator_id, proposed_by, proposed_at, give_date,
                give_shift::text as give_shift, open_shift_id, addressee_operator_id, take_date,
                take_shift::text as take_shift, taker_operator_id, accepted_at, decided_by, decided_at,
                decided_by_system, reason, closed_by, closed_at, expires_at
            from swap""";

    private Swap swap(ResultSet rs, int n) throws SQLException {
        String take = rs.getString("take_shift");
        return new Swap(rs.getLong("id"), SwapKind.valueOf(rs.getString("kind")),
                SwapStatus.valueOf(rs.getString("status")), rs.getLong("roster_id"), (Long) rs.getObject("team_id", Long.class),
                (Long) rs.getObject("proposer_operator_id", Long.class), rs.getString("proposed_by"),
                instant(rs, "proposed_at"), rs.getObject("give_date", LocalDate.class),
                json.readValue(rs.getString("give_shift"), TradeShift.class),
                (Long) rs.getObject("open_shift_id", Long.class), (Long) rs.getObject("addressee_operator_id", Long.class),
                rs.getObject("take_date", LocalDate.class), take == null ? null : json.readValue(take, TradeShift.class),
                (Long) rs.getObject("taker_operator_id", Long.class), instant(rs, "accepted_at"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getBoolean("decided_by_system"), rs.getString("reason"),
                rs.getString("closed_by"), instant(rs, "closed_at"), instant(rs, "expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
