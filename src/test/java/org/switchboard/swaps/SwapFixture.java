package org.switchboard.swaps;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.absences.AbsenceTestSupport;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.PublishedSchedule;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.RosterState;
import org.switchboard.rostering.ShiftTrades;
import org.switchboard.rostering.ShiftTrades.Move;
import org.switchboard.rostering.TradeShift;
import org.switchboard.schedule.ScheduleFixture;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.SystemAuthentication;

/**
 * The published roster the swap tests trade in: the demo's Aurora (day) team, whose E1001 (login operator), E1003
 * (operator2) and E1005 (operator3) share the queues. Plus signing in and freeing days inside a test's transaction.
 */
final class SwapFixture {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String ANNA = "operator";
    static final String VERA = "operator2";
    static final String THIRD = "operator3";

    private SwapFixture() {}

    /**
     * The published roster that governs Anna's (E1001) days in the week of the schedule tests (four weeks after next
     * Monday, inside the demo forecast, so its shifts have queues): published once per database by
     * {@link ScheduleFixture} unless another test published Aurora over that week since (then that newer roster
     * governs, and is the one to trade in). Swap tests roll their changes back.
     */
    static Roster roster(RosterService rosters, OperatorService operators, TeamService teams,
            UserAccountService accounts, PublishedSchedule published, ShiftTrades trades) {
        ScheduleFixture.ensure(rosters, operators, teams, accounts, published);
        Operator anna = byNumber(operators, "E1001");
        for (LocalDate d = ScheduleFixture.week(); d.isBefore(ScheduleFixture.week().plusDays(7)); d = d.plusDays(1)) {
            Optional<TradeShift> s = trades.publishedShift(anna.getId(), d);
            if (s.isPresent()) {
                long id = s.get().rosterId();
                return SystemAuthentication.callAsSystem(() -> rosters.get(id));
            }
        }
        throw new AssertionError("E1001 has no published shift in the week of " + ScheduleFixture.week());
    }

    /** A date both work on where swapping their shifts breaks no rule (different shifts preferred). */
    static LocalDate swapDay(ShiftTrades trades, Roster roster, Operator a, Operator b) {
        LocalDate same = null;
        for (LocalDate d = roster.startDate(); d.isBefore(roster.startDate().plusDays(7)); d = d.plusDays(1)) {
            Optional<TradeShift> x = trades.publishedShift(a.getId(), d);
            Optional<TradeShift> y = trades.publishedShift(b.getId(), d);
            if (x.isEmpty() || y.isEmpty()) {
                continue;
            }
            if (!trades.check(List.of(Move.shift(a.getId(), d, b.getId()), Move.shift(b.getId(), d, a.getId())),
                    Locale.ENGLISH).ok()) {
                continue;
            }
            if (!x.get().sameWork(y.get())) {
                return d;
            }
            same = same == null ? d : same;
        }
        if (same == null) {
            throw new AssertionError("no day on which " + a.getEmployeeNumber() + " and " + b.getEmployeeNumber()
                    + " may swap");
        }
        return same;
    }

    /**
     * Makes the operators' contracts roomy for the rules a test does not test (inside its transaction): at least 8 h of
     * rest and 1 day off in a row. Each run solves the week anew, and a solve can leave every day of two colleagues
     * blocked by exactly these rules (an evening shift before a day shift, a single day off); the rules themselves are
     * tested in {@code ShiftTradesTest}.
     */
    static void roomy(JdbcTemplate jdbc, Operator... operators) {
        for (Operator o : operators) {
            jdbc.update("update contract set min_rest_minutes = least(min_rest_minutes, 480), min_consecutive_days_off = 1"
                    + " where id = ?", o.getContractId());
        }
    }

    static Operator byNumber(OperatorService operators, String number) {
        return SystemAuthentication.callAsSystem(operators::list).stream()
                .filter(o -> o.getEmployeeNumber().equals(number)).findFirst().orElseThrow();
    }

    static <T> T as(String login, Supplier<T> work) {
        return AbsenceTestSupport.as(login, "OPERATOR", work);
    }

    static <T> T manager(Supplier<T> work) {
        return AbsenceTestSupport.as("manager", "MANAGER", work);
    }

    static <T> T planner(Supplier<T> work) {
        return AbsenceTestSupport.as("planner", "PLANNER", work);
    }

    /** Takes the operator's day out of the published roster (inside the test's transaction: rolled back after). */
    static void free(JdbcTemplate jdbc, long rosterId, long operatorId, LocalDate date) {
        jdbc.update("delete from roster_assignment where roster_id = ? and operator_id = ? and work_date = ?", rosterId,
                operatorId, date);
    }

    /** The operator's assignment row on the date, or null. */
    static Map<String, Object> row(JdbcTemplate jdbc, long rosterId, long operatorId, LocalDate date) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select * from roster_assignment where roster_id = ? and operator_id = ? and work_date = ?", rosterId,
                operatorId, date);
        return rows.isEmpty() ? null : rows.getFirst();
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
