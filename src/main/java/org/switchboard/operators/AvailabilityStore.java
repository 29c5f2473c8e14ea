package org.switchboard.operators;

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

/** The tables of availability, wish periods and wishes (V016), read and written with plain SQL. */
@Repository
class AvailabilityStore {

    private static final String WISH_COLUMNS = "w.id, w.operator_id, w.period_id, p.start_date, p.end_date, w.type,"
            + " w.wish_date, w.shift_kind, w.note, w.set_by, w.created_by, w.created_at";

    private final JdbcClient jdbc;

    AvailabilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // availability

    /** The rows of the operators (null = all), by operator, in the order they were set. */
    java.util.Map<Long, List<AvailabilityEntry>> availability(Collection<Long> operatorIds) {
        java.util.Map<Long, List<AvailabilityEntry>> out = new java.util.LinkedHashMap<>();
        if (operatorIds != null && operatorIds.isEmpty()) {
            return out;
        }
        var spec = jdbc.sql("select * from operator_availability"
                + (operatorIds == null ? "" : " where operator_id in (:ops)") + " order by operator_id, set_by, id");
        if (operatorIds != null) {
            spec = spec.param("ops", List.copyOf(operatorIds));
        }
        spec.query((ResultSet rs) -> {
            out.computeIfAbsent(rs.getLong("operator_id"), k -> new java.util.ArrayList<>()).add(entry(rs, 0));
        });
        return out;
    }

    /** Replaces the rows {@code setBy} set for the operator. */
    void replaceAvailability(long operatorId, SetBy setBy, List<AvailabilityEntry> entries, String user, Instant now) {
        jdbc.sql("delete from operator_availability where operator_id = :op and set_by = :by")
                .param("op", operatorId).param("by", setBy.name()).update();
        for (AvailabilityEntry e : entries) {
            jdbc.sql("insert into operator_availability (operator_id, days, available, from_time, until_time, valid_from,"
                            + " valid_to, note, set_by, changed_by, changed_at) values (:op, :days, :available, :from, :until,"
                            + " :validFrom, :validTo, :note, :by, :user, :at)")
                    .param("op", operatorId).param("days", e.mask()).param("available", e.available())
                    .param("from", e.from() == null ? null : java.sql.Time.valueOf(e.from()))
                    .param("until", e.until() == null ? null : java.sql.Time.valueOf(e.until()))
                    .param("validFrom", e.validFrom() == null ? null : java.sql.Date.valueOf(e.validFrom()))
                    .param("validTo", e.validTo() == null ? null : java.sql.Date.valueOf(e.validTo()))
                    .param("note", e.note()).param("by", setBy.name()).param("user", user)
                    .param("at", Timestamp.from(now)).update();
        }
    }

    private static AvailabilityEntry entry(ResultSet rs, int row) throws SQLException {
        java.sql.Time from = rs.getTime("from_time");
        java.sql.Time until = rs.getTime("until_time");
        java.sql.Date validFrom = rs.getDate("valid_from");
        java.sql.Date validTo = rs.getDate("valid_to");
        return new AvailabilityEntry(rs.getLong("id"), AvailabilityEntry.days(rs.getInt("days")), rs.getBoolean("available"),
                from == null ? null : from.toLocalTime(), until == null ? null : until.toLocalTime(),
                validFrom == null ? null : validFrom.toLocalDate(), validTo == null ? null : validTo.toLocalDate(),
                rs.getString("note"), SetBy.valueOf(rs.getString("set_by")), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    // wish periods

    List<WishPeriod> periods() {
        return jdbc.sql("select * from wish_period order by start_date").query(AvailabilityStore::period).list();
    }

    Optional<WishPeriod> period(long id) {
        return jdbc.sql("select * from wish_period where id = :id").param("id", id).query(AvailabilityStore::period).optional();
    }

    long insertPeriod(LocalDate start, LocalDate end, Instant deadline, String user) {
        return jdbc.sql("insert into wish_period (start_date, end_date, deadline, created_by) values (:s, :e, :d, :u)"
                        + " returning id")
                .param("s", java.sql.Date.valueOf(start)).param("e", java.sql.Date.valueOf(end))
                .param("d", Timestamp.from(deadline)).param("u", user).query(Long.class).single();
    }

    void updatePeriod(long id, LocalDate start, LocalDate end, Instant deadline) {
        jdbc.sql("update wish_period set start_date = :s, end_date = :e, deadline = :d where id = :id")
                .param("s", java.sql.Date.valueOf(start)).param("e", java.sql.Date.valueOf(end))
                .param("d", Timestamp.from(deadline)).param("id", id).update();
    }

    int deletePeriod(long id) {
        return jdbc.sql("delete from wish_period where id = :id").param("id", id).update();
    }

    private static WishPeriod period(ResultSet rs, int row) throws SQLException {
        return new WishPeriod(rs.getLong("id"), rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                rs.getTimestamp("deadline").toInstant());
    }

    // wishes

    /** Wishes of the operators (null = all) dated in [from, to], or for a whole period overlapping it; open ends allowed. */
    List<Wish> wishes(Collection<Long> operatorIds, LocalDate from, LocalDate to) {
        if (operatorIds != null && operatorIds.isEmpty()) {
            return List.of();
        }
        LocalDate first = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate last = to == null ? LocalDate.of(2999, 12, 31) : to;
        var spec = jdbc.sql("select " + WISH_COLUMNS + " from wish w join wish_period p on p.id = w.period_id"
                        + " where ((w.wish_date is not null and w.wish_date between :from and :to)"
                        + " or (w.wish_date is null and p.start_date <= :to and p.end_date >= :from))"
                        + (operatorIds == null ? "" : " and w.operator_id in (:ops)")
                        + " order by w.operator_id, coalesce(w.wish_date, p.start_date), w.id")
                .param("from", java.sql.Date.valueOf(first)).param("to", java.sql.Date.valueOf(last));
        if (operatorIds != null) {
            spec = spec.param("ops", List.copyOf(operatorIds));
        }
        return spec.query(AvailabilityStore::wish).list();
    }

    Optional<Wish> wish(long id) {
        return jdbc.sql("select " + WISH_COLUMNS + " from wish w join wish_period p on p.id = w.period_id where w.id = :id")
                .param("id", id).query(AvailabilityStore::wish).optional();
    }

    boolean wishExists(long operatorId, long periodId, WishType type, LocalDate date, PreferredShift kind) {
        return jdbc.sql("select count(*) from wish where operator_id = :op and period_id = :p and type = :t"
                        + " and wish_date is not distinct from :d and shift_kind is not distinct from :k")
                .param("op", operatorId).param("p", periodId).param("t", type.name())
                .param("d", date == null ? null : java.sql.Date.valueOf(date), java.sql.Types.DATE)
                .param("k", kind == null ? null : kind.name(), java.sql.Types.VARCHAR)
                .query(Long.class).single() > 0;
    }

    long insertWish(long operatorId, long periodId, NewWish w, SetBy setBy, String user, Instant now) {
        return jdbc.sql("insert into wish (operator_id, period_id, type, wish_date, shift_kind, note, set_by, created_by,"
                        + " created_at) values (:op, :p, :t, :d, :k, :note, :by, :user, :at) returning id")
                .param("op", operatorId).param("p", periodId).param("t", w.type().name())
                .param("d", w.date() == null ? null : java.sql.Date.valueOf(w.date()), java.sql.Types.DATE)
                .param("k", w.kind() == null ? null : w.kind().name(), java.sql.Types.VARCHAR)
                .param("note", w.note() == null || w.note().isBlank() ? null : w.note().trim(), java.sql.Types.VARCHAR)
                .param("by", setBy.name()).param("user", user).param("at", Timestamp.from(now))
                .query(Long.class).single();
    }

    void deleteWish(long id) {
        jdbc.sql("delete from wish where id = :id").param("id", id).update();
    }

    private static Wish wish(ResultSet rs, int row) throws SQLException {
        java.sql.Date date = rs.getDate("wish_date");
        String kind = rs.getString("shift_kind");
        return new Wish(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("period_id"),
                rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                WishType.valueOf(rs.getString("type")), date == null ? null : date.toLocalDate(),
                kind == null ? null : PreferredShift.valueOf(kind), rs.getString("note"),
                SetBy.valueOf(rs.getString("set_by")), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
