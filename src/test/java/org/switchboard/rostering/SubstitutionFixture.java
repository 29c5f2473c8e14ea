package org.switchboard.rostering;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.absences.AbsenceCalendar;
import org.switchboard.absences.AbsenceSpan;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.SystemAuthentication;

/**
 * The published roster the substitution tests work on: the demo's Comet (evening) team for the week after next
 * Monday, made through the roster service as a planner would (create, solve a few seconds, publish), once per
 * database; and approved absences inserted as module absences stores them.
 */
public final class SubstitutionFixture {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    public static final String TEAM = "Comet (evening)";

    private static Roster roster;

    private SubstitutionFixture() {}

    public static synchronized Roster roster(RosterService rosters, TeamService teams) {
        if (roster == null) {
            roster = SystemAuthentication.callAsSystem(() -> {
                long team = teams.list().stream().filter(t -> t.getName().equals(TEAM)).findFirst().orElseThrow().getId();
                Roster r = rosters.create(new NewRoster(RosterApiTest.monday(1), 7, List.of(team), null, null, null, null));
                if (!Solving.solve(rosters, r.id(), 4, java.time.Duration.ofSeconds(120))) {
                    throw new AssertionError("still solving");
                }
                return rosters.publish(r.id(), true);
            });
        }
        return roster;
    }

    public static List<Operator> team(OperatorService operators, TeamService teams) {
        return SystemAuthentication.callAsSystem(() -> {
            long team = teams.list().stream().filter(t -> t.getName().equals(TEAM)).findFirst().orElseThrow().getId();
            return operators.list().stream().filter(o -> o.getTeamId() != null && o.getTeamId() == team).toList();
        });
    }

    /** Whether the operator has a shift on the date in the roster as stored now. */
    public static boolean works(RosterService rosters, long rosterId, long operatorId, LocalDate date) {
        return SystemAuthentication.callAsSystem(() -> rosters.assignments(rosterId).stream()
                .anyMatch(a -> a.operatorId() == operatorId && a.date().equals(date)));
    }

    /** Takes an operator's day out of the roster (gives them room for a substitution). */
    public static void free(JdbcClient jdbc, long rosterId, long operatorId, LocalDate date) {
        jdbc.sql("delete from roster_assignment where roster_id = ? and operator_id = ? and work_date = ?")
                .params(rosterId, operatorId, date).update();
    }

    /** An approved absence of whole days (Moscow), inserted as module absences stores it. */
    public static AbsenceSpan insertAbsence(JdbcClient jdbc, AbsenceCalendar calendar, Operator o, LocalDate from,
            LocalDate to) {
        Instant starts = from.atStartOfDay(MOSCOW).toInstant();
        Instant ends = to.plusDays(1).atStartOfDay(MOSCOW).toInstant();
        long id = jdbc.sql("""
                insert into absence (operator_id, type, status, from_date, to_date, starts_at, ends_at, whole_days,
                    requested_at, requested_by, decided_at, decided_by)
                values (?, 'VACATION', 'APPROVED', ?, ?, ?, ?, true, now(), 'test', now(), 'test-manager') returning id""")
                .params(o.getId(), from, to, Timestamp.from(starts), Timestamp.from(ends)).query(Long.class).single();
        return SystemAuthentication.callAsSystem(() -> calendar.span(id));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
