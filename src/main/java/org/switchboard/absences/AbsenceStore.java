package org.switchboard.absences;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.Text;

/** The absence table: reads, the insert with its overlap check, and the compare-and-set status changes. */
@Repository
class AbsenceStore {

    static final String COLUMNS = "id, operator_id, type, status, from_date, to_date, starts_at, ends_at, whole_days, note,"
            + " requested_at, requested_by, decided_at, decided_by, decided_by_system, decision_reason, cancelled_at,"
            + " cancelled_by, waitlisted_at";
    private static final String ACTIVE = "('REQUESTED', 'WAITLISTED', 'APPROVED')";

    /** One row as stored. */
    record Stored(long id, long operatorId, AbsenceType type, AbsenceStatus status, LocalDate from, LocalDate to,
            Instant startsAt, Instant endsAt, boolean wholeDays, String note, Instant requestedAt, String requestedBy,
            Instant decidedAt, String decidedBy, boolean decidedBySystem, String reason, Instant cancelledAt,
            String cancelledBy, Instant waitlistedAt) {

        AbsenceSpan span() {
            return new AbsenceSpan(id, operatorId, type, from, to, startsAt, endsAt, wholeDays);
        }

        /** The dates the absence covers as whole days (none for a time span). */
        List<LocalDate> wholeDates() {
            return wholeDays ? from.datesUntil(to.plusDays(1)).toList() : List.of();
        }
    }

    /** What to insert. */
    record Insert(long operatorId, AbsenceType type, AbsenceStatus status, LocalDate from, LocalDate to,
            Instant startsAt, Instant endsAt, boolean wholeDays, String note, Instant requestedAt, String requestedBy,
            String decidedBy, Instant decidedAt, Instant waitlistedAt) {
    }

    private final JdbcClient jdbc;

    AbsenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Stored row(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("operator_id"), AbsenceType.valueOf(rs.getString("type")),
                AbsenceStatus.valueOf(rs.getString("status")), rs.getDate("from_date").toLocalDate(),
                rs.getDate("to_date").toLocalDate(), instant(rs, "starts_at"), instant(rs, "ends_at"),
                rs.getBoolean("whole_days"), rs.getString("note"), instant(rs, "requested_at"),
                rs.getString("requested_by"), instant(rs, "decided_at"), rs.getString("decided_by"),
                rs.getBoolean("decided_by_system"), rs.getString("decision_reason"), instant(rs, "cancelled_at"),
                rs.getString("cancelled_by"), instant(rs, "waitlisted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from absence where id = :id").param("id", id).query(AbsenceStore::row)
                .optional();
    }

    /** The row, locked until the transaction ends. */
    Optional<Stored> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from absence where id = :id for update").param("id", id)
                .query(AbsenceStore::row).optional();
    }

    /** An active absence of the operator overlapping [start, end), the earliest, if any. */
    Optional<Stored> overlapping(long operatorId, Instant start, Instant end) {
        return jdbc.sql("select " + COLUMNS + " from absence where operator_id = :op and status in " + ACTIVE
                        + " and starts_at < :end and ends_at > :start order by starts_at limit 1")
                .param("op", operatorId).param("start", ts(start)).param("end", ts(end)).query(AbsenceStore::row)
                .optional();
    }

    /**
     * Inserts the absence. The overlap is checked before by the caller; the exclusion constraint is the backstop
     * (two requests at once): its violation is answered with the same kind of conflict, naming the other absence's
     * dates as the database reports them (the failed transaction can no longer read them).
     */
    long insert(Insert a, ZoneId zone) {
        try {
            return jdbc.sql("insert into absence (operator_id, type, status, from_date, to_date, starts_at, ends_at,"
                            + " whole_days, note, requested_at, requested_by, decided_by, decided_at, waitlisted_at)"
                            + " values (:op, :type, :status, :from, :to, :start, :end, :whole, :note, :requestedAt,"
                            + " :requestedBy, :decidedBy, :decidedAt, :waitlistedAt) returning id")
                    .param("op", a.operatorId()).param("type", a.type().name()).param("status", a.status().name())
                    .param("from", a.from()).param("to", a.to()).param("start", ts(a.startsAt()))
                    .param("end", ts(a.endsAt())).param("whole", a.wholeDays()).param("note", a.note())
                    .param("requestedAt", ts(a.requestedAt())).param("requestedBy", a.requestedBy())
                    .param("decidedBy", a.decidedBy()).param("decidedAt", ts(a.decidedAt()))
                    .param("waitlistedAt", ts(a.waitlistedAt())).query(Long.class).single();
        } catch (DataIntegrityViolationException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            if (message.contains("absence_no_overlap")) {
                throw overlapReported(message, zone);
            }
            throw e;
        }
    }

    /** The "existing key" of PostgreSQL's exclusion-violation detail: the other absence's time range. */
    private static final Pattern EXISTING = Pattern.compile(
            "conflicts with existing key \\(.*\\)=\\(\\[\\d+,\\d+\\), \\[\"([^\"]+)\",\"([^\"]+)\"\\)\\)");
    private static final DateTimeFormatter PG_TIME = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendPattern("[xxx][x]").toFormatter();

    /** The conflict for a violated exclusion constraint, with the other absence's dates in the operator's zone. */
    static ConflictException overlapReported(String message, ZoneId zone) {
        Matcher m = EXISTING.matcher(message);
        if (m.find()) {
            try {
                Instant start = OffsetDateTime.parse(m.group(1), PG_TIME).toInstant();
                Instant end = OffsetDateTime.parse(m.group(2), PG_TIME).toInstant();
                return new ConflictException(Text.of("error.absence.overlapDates", start.atZone(zone).toLocalDate(),
                        end.minusNanos(1).atZone(zone).toLocalDate()));
            } catch (DateTimeParseException ignored) {
                // fall through to the words without dates
            }
        }
        return new ConflictException(Text.of("error.absence.overlapUnknown"));
    }

    static ConflictException overlap(Stored other) {
        return new ConflictException(Text.of("error.absence.overlap",
                Text.of("absence.type." + other.type()),
                Text.of("absence.status." + other.status()), other.from(), other.to()));
    }

    /**
     * The absences matching: of the operators (null: everyone), in the status (null: any), touching [from, to]
     * (either may be null), by start.
     */
    List<Stored> list(Collection<Long> operatorIds, AbsenceStatus status, LocalDate from, LocalDate to) {
        if (operatorIds != null && operatorIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from absence where true");
        List<Object[]> params = new ArrayList<>();
        if (operatorIds != null) {
            sql.append(" and operator_id in (:ops)");
            params.add(new Object[] {"ops", List.copyOf(operatorIds)});
        }
        if (status != null) {
            sql.append(" and status = :status");
            params.add(new Object[] {"status", status.name()});
        }
        if (from != null) {
            sql.append(" and to_date >= :from");
            params.add(new Object[] {"from", from});
        }
        if (to != null) {
            sql.append(" and from_date <= :to");
            params.add(new Object[] {"to", to});
        }
        sql.append(" order by starts_at, id");
        var spec = jdbc.sql(sql.toString());
        for (Object[] p : params) {
            spec = spec.param((String) p[0], p[1]);
        }
        return spec.query(AbsenceStore::row).list();
    }

    /** The operators' whole-day absences in the statuses, touching [from, to]. */
    List<Stored> wholeDays(Collection<Long> operatorIds, Collection<AbsenceStatus> statuses, LocalDate from,
            LocalDate to) {
        if (operatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from absence where whole_days and operator_id in (:ops)"
                        + " and status in (:statuses) and to_date >= :from and from_date <= :to order by starts_at, id")
                .param("ops", List.copyOf(operatorIds)).param("statuses", statuses.stream().map(Enum::name).toList())
                .param("from", from).param("to", to).query(AbsenceStore::row).list();
    }

    /** The operators' waitlisted requests, oldest first. */
    List<Stored> waitlisted(Collection<Long> operatorIds) {
        if (operatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from absence where status = 'WAITLISTED' and operator_id in (:ops)"
                        + " order by waitlisted_at, id")
                .param("ops", List.copyOf(operatorIds)).query(AbsenceStore::row).list();
    }

    /** Approves while still REQUESTED; false when someone else decided (or it moved) first. */
    boolean approve(long id, String by, boolean bySystem, Instant at) {
        return jdbc.sql("update absence set status = 'APPROVED', decided_by = :by, decided_by_system = :system,"
                        + " decided_at = :at, version = version + 1 where id = :id and status = 'REQUESTED'")
                .param("by", by).param("system", bySystem).param("at", ts(at)).param("id", id).update() == 1;
    }

    /** Rejects while still REQUESTED or WAITLISTED; false when someone else decided first. */
    boolean reject(long id, String by, String reason, Instant at) {
        return jdbc.sql("update absence set status = 'REJECTED', decided_by = :by, decided_by_system = false,"
                        + " decided_at = :at, decision_reason = :reason, version = version + 1"
                        + " where id = :id and status in ('REQUESTED', 'WAITLISTED')")
                .param("by", by).param("reason", reason).param("at", ts(at)).param("id", id).update() == 1;
    }

    /** Cancels while still active; false when it was not. */
    boolean cancel(long id, String by, Instant at) {
        return jdbc.sql("update absence set status = 'CANCELLED', cancelled_by = :by, cancelled_at = :at,"
                        + " version = version + 1 where id = :id and status in " + ACTIVE)
                .param("by", by).param("at", ts(at)).param("id", id).update() == 1;
    }

    /** Moves a waitlisted request up to REQUESTED; false when it is no longer waitlisted. */
    boolean promote(long id) {
        return jdbc.sql("update absence set status = 'REQUESTED', version = version + 1"
                        + " where id = :id and status = 'WAITLISTED'").param("id", id).update() == 1;
    }

    /** Serialises changes that count a team's places (requests, cancellations, the waitlist) until the transaction ends. */
    void lockTeam(long teamId) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(21021, cast(:team as integer))) locked")
                .param("team", teamId).query(Integer.class).single();
    }
}
