package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.ShiftTrades.Move;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.rostering.solver.SolverOperator;
import org.switchboard.schedule.ScheduleFixture;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.RuleViolation;
import org.switchboard.shared.SystemAuthentication;

/**
 * A trade is checked with the roster's own rules: for each rule a trade may break, one clean case and one breaking
 * case on the published Aurora and Owls week of the schedule tests, each made by changing the published days inside
 * the test's transaction (rolled back). The clean case is the same every time: Vera (E1003) is given the day off and
 * takes Anna's (E1001) shift that day, Anna's contract minimum lowered so that she may give it. And a swap applied
 * leaves both operators' rosters without any hard breach.
 */
@SpringBootTest
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShiftTradesTest {

    static final Locale EN = Locale.ENGLISH;

    @Autowired
    ShiftTrades trades;
    @Autowired
    RosterService rosters;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PublishedSchedule published;
    @Autowired
    SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ShiftKindRules kinds;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    Roster roster;
    Operator anna;
    Operator vera;

    @BeforeAll
    void publish() {
        ScheduleFixture.ensure(rosters, operators, teams, accounts, published);
        anna = byNumber("E1001");
        vera = byNumber("E1003");
        // the roster that governs Anna's week (another test may have published Aurora over it since)
        long id = java.util.stream.Stream.iterate(ScheduleFixture.week(), d -> d.plusDays(1)).limit(7)
                .map(d -> trades.publishedShift(anna.getId(), d)).flatMap(Optional::stream).findFirst().orElseThrow()
                .rosterId();
        roster = SystemAuthentication.callAsSystem(() -> rosters.get(id));
    }

    @Test
    void theCleanCaseBreaksNothing() {
        LocalDate d = cleanDay();
        assertThat(giveToVera(d)).isEmpty();
        assertThat(trades.check(List.of(Move.shift(anna.getId(), d, vera.getId())), EN).ok()).isTrue();
    }

    @Test
    void oneShiftADay() {
        LocalDate d = bothWork(x -> true);
        assertThat(rules(trades.check(List.of(Move.shift(anna.getId(), d, vera.getId())), EN).violations()))
                .containsExactly(ShiftTrades.ONE_SHIFT_A_DAY);
    }

    @Test
    void skillForTheQueue() {
        LocalDate d = cleanDay();
        TradeShift annas = trades.publishedShift(anna.getId(), d).orElseThrow();
        jdbc.update("delete from operator_skill where operator_id = ? and queue_id = ?", vera.getId(), annas.queueId());
        assertThat(rules(giveToVera(d))).containsExactly(RosterWeights.SKILL);
    }

    @Test
    void restBetweenShifts() {
        // a day Vera works after a worked day; she is given that day off and takes Anna's (made a 07:00 start), with
        // her shift the day before ending at 16:00 (clean: 15 h of rest) or at 23:30 (7.5 h)
        lowerAnnasMinimum();
        jdbc.update("update contract set min_consecutive_days_off = 1 where id in (?, ?)", anna.getContractId(),
                vera.getContractId());
        LocalDate d = bothWork(day -> trades.publishedShift(vera.getId(), day.minusDays(1)).isPresent());
        SubstitutionFixture.free(jdbcClient(), roster.id(), vera.getId(), d);
        ZoneId zone = roster.zone();
        TradeShift annas = trades.publishedShift(anna.getId(), d).orElseThrow();
        long shiftBy = java.time.Duration.between(annas.localStart(), LocalTime.of(7, 0)).toMinutes();
        jdbc.update("""
                update roster_assignment set shift_start = shift_start + ? * interval '1 minute',
                    shift_end = shift_end + ? * interval '1 minute', break_start = null, break_end = null, breaks = '[]'
                where roster_id = ? and operator_id = ? and work_date = ?""", shiftBy, shiftBy, roster.id(),
                anna.getId(), d);
        String dayBefore = """
                update roster_assignment set shift_start = ?, shift_end = ?, break_start = null, break_end = null,
                    breaks = '[]' where roster_id = ? and operator_id = ? and work_date = ?""";
        jdbc.update(dayBefore, Timestamp.from(d.minusDays(1).atTime(7, 0).atZone(zone).toInstant()),
                Timestamp.from(d.minusDays(1).atTime(16, 0).atZone(zone).toInstant()), roster.id(), vera.getId(),
                d.minusDays(1));
        assertThat(rules(giveToVera(d))).doesNotContain(RosterWeights.MIN_REST);
        jdbc.update(dayBefore, Timestamp.from(d.minusDays(1).atTime(14, 30).atZone(zone).toInstant()),
                Timestamp.from(d.minusDays(1).atTime(23, 30).atZone(zone).toInstant()), roster.id(), vera.getId(),
                d.minusDays(1));
        assertThat(rules(giveToVera(d))).contains(RosterWeights.MIN_REST);
    }

    @Test
    void hoursPerWeekAndDaysInARow() {
        // a day Anna works and Vera is off: he already has his week's hours
        LocalDate d = null;
        for (LocalDate x = roster.startDate(); x.isBefore(roster.startDate().plusDays(7)); x = x.plusDays(1)) {
            if (trades.publishedShift(anna.getId(), x).isPresent() && trades.publishedShift(vera.getId(), x).isEmpty()) {
                d = x;
            }
        }
        if (d == null) {
            // the roster gave them the same days: move one of Vera's shifts to a day she is off, in the same week
            LocalDate both = null;
            LocalDate free = null;
            for (LocalDate x = roster.startDate(); x.isBefore(roster.startDate().plusDays(7)); x = x.plusDays(1)) {
                if (trades.publishedShift(vera.getId(), x).isEmpty()) {
                    free = x;
                } else if (trades.publishedShift(anna.getId(), x).isPresent()) {
                    both = x;
                }
            }
            assertThat(both).as("a day both work").isNotNull();
            assertThat(free).as("a day E1003 is off").isNotNull();
            int shift = (int) (free.toEpochDay() - both.toEpochDay());
            jdbc.update("update roster_assignment set work_date = ?, shift_start = shift_start + make_interval(days => ?), "
                    + "shift_end = shift_end + make_interval(days => ?), break_start = null, break_end = null, "
                    + "breaks = '[]' where roster_id = ? and operator_id = ? and work_date = ?",
                    free, shift, shift, roster.id(), vera.getId(), both);
            d = both;
        }
        assertThat(trades.publishedShift(vera.getId(), d)).as("E1003 is off on %s", d).isEmpty();
        lowerAnnasMinimum();
        assertThat(rules(giveToVera(d))).contains(RosterWeights.MAX_WEEK_MINUTES);
    }

    @Test
    void daysInARow() {
        LocalDate d = cleanDay();
        assertThat(trades.publishedShift(vera.getId(), d.minusDays(1)).isPresent()
                || trades.publishedShift(vera.getId(), d.plusDays(1)).isPresent())
                .as("E1003 works next to the day she takes").isTrue();
        jdbc.update("update contract set max_consecutive_days = 1 where id = ?", vera.getContractId());
        assertThat(rules(giveToVera(d))).contains(RosterWeights.MAX_CONSECUTIVE_DAYS);
    }

    @Test
    void approvedAbsences() {
        LocalDate d = cleanDay();
        ZoneId zone = roster.zone();
        jdbc.update("""
                insert into absence (operator_id, type, status, from_date, to_date, starts_at, ends_at, whole_days,
                    requested_at, requested_by, decided_at, decided_by)
                values (?, 'VACATION', 'APPROVED', ?, ?, ?, ?, true, now(), 'test', now(), 'test-manager')""",
                vera.getId(), d, d, Timestamp.from(d.atStartOfDay(zone).toInstant()),
                Timestamp.from(d.plusDays(1).atStartOfDay(zone).toInstant()));
        assertThat(rules(giveToVera(d))).containsExactly(RosterWeights.UNAVAILABLE);
    }

    @Test
    void nightsForThoseWhoMayNotWorkThem() {
        // an Owls operator's night shift on a day Vera works (he is given that day off)
        Operator owl = null;
        LocalDate d = null;
        for (Operator o : SystemAuthentication.callAsSystem(operators::list)) {
            if (!o.isNightEligible() || o.getTeamId().equals(anna.getTeamId())) {
                continue;
            }
            for (LocalDate x = roster.startDate(); x.isBefore(roster.startDate().plusDays(7)) && d == null; x = x.plusDays(1)) {
                Optional<TradeShift> s = trades.publishedShift(o.getId(), x);
                if (s.isPresent() && kinds.kindOf(s.get().localStart(), java.time.Duration.between(s.get().start(),
                        s.get().end())) == ShiftKind.NIGHT && trades.publishedShift(vera.getId(), x).isPresent()) {
                    owl = o;
                    d = x;
                }
            }
            if (d != null) {
                break;
            }
        }
        assertThat(d).as("a night shift of Owls on a day E1003 works").isNotNull();
        SubstitutionFixture.free(jdbcClient(), roster.id(), vera.getId(), d);
        jdbc.update("update operator set night_eligible = false where id = ?", vera.getId());
        TradeShift night = trades.publishedShift(owl.getId(), d).orElseThrow();
        jdbc.update("insert into operator_skill (operator_id, queue_id, proficiency) values (?, ?, 3) on conflict do nothing",
                vera.getId(), night.queueId());
        List<RuleViolation> v = trades.check(List.of(Move.shift(owl.getId(), d, vera.getId())), EN).violations();
        assertThat(rules(v)).contains(RosterWeights.NIGHT_ELIGIBLE);
    }

    @Test
    void weekendsPerPeriod() {
        // the Saturday: Anna is given the weekend off, Vera works it (given a shift like her first one of the week if she
        // is off); Anna takes it with one of her weekdays taken out so that her hours stay within the week; then her
        // contract allows no weekend
        LocalDate d = roster.startDate().with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SATURDAY));
        assertThat(roster.contains(d)).as("the week has a Saturday").isTrue();
        // Anna has the weekend off (whatever the solve gave her)
        SubstitutionFixture.free(jdbcClient(), roster.id(), anna.getId(), d);
        SubstitutionFixture.free(jdbcClient(), roster.id(), anna.getId(), d.plusDays(1));
        if (trades.publishedShift(vera.getId(), d).isEmpty()) {
            LocalDate first = bothWork(x -> true);
            jdbc.update("""
                    insert into roster_assignment (roster_id, operator_id, work_date, shift_template_code, shift_start,
                        shift_end, paid_minutes, queue_id, breaks, pinned)
                    select roster_id, operator_id, ?, shift_template_code, shift_start + ?::interval,
                        shift_end + ?::interval, paid_minutes, queue_id, '[]', false from roster_assignment
                    where roster_id = ? and operator_id = ? and work_date = ?""", d,
                    (d.toEpochDay() - first.toEpochDay()) + " days", (d.toEpochDay() - first.toEpochDay()) + " days",
                    roster.id(), vera.getId(), first);
        }
        LocalDate weekday = bothWork(x -> x.getDayOfWeek().getValue() <= 5);
        SubstitutionFixture.free(jdbcClient(), roster.id(), anna.getId(), weekday);
        List<RuleViolation> clean = trades.check(List.of(Move.shift(vera.getId(), d, anna.getId())), EN).violations();
        jdbc.update("update contract set max_weekends_per_period = 0 where id = ?", anna.getContractId());
        List<RuleViolation> v = trades.check(List.of(Move.shift(vera.getId(), d, anna.getId())), EN).violations();
        assertThat(rules(clean)).doesNotContain(RosterWeights.MAX_WEEKENDS);
        assertThat(rules(v)).contains(RosterWeights.MAX_WEEKENDS);
    }

    @Test
    void aSwapAppliedLeavesBothRostersWithoutAHardBreach() {
        jdbc.update("update contract set min_rest_minutes = least(min_rest_minutes, 480), min_consecutive_days_off = 1"
                + " where id in (?, ?)", anna.getContractId(), vera.getContractId());
        assertThat(hardBreaches(anna)).as("before").isEmpty();
        assertThat(hardBreaches(vera)).as("before").isEmpty();
        Predicate<LocalDate> swappable = x -> !trades.publishedShift(anna.getId(), x).orElseThrow()
                .sameWork(trades.publishedShift(vera.getId(), x).orElseThrow()) && trades.check(List.of(
                        Move.shift(anna.getId(), x, vera.getId()), Move.shift(vera.getId(), x, anna.getId())), EN).ok();
        if (!anyDay(swappable)) {
            // the roster gave them the same shifts on their common days (stable start times): Vera starts an hour
            // later on one of them, as a planner's edit would have it
            for (LocalDate x = roster.startDate(); x.isBefore(roster.startDate().plusDays(7)) && !anyDay(swappable);
                    x = x.plusDays(1)) {
                if (trades.publishedShift(anna.getId(), x).isPresent() && trades.publishedShift(vera.getId(), x).isPresent()) {
                    jdbc.update("update roster_assignment set shift_start = shift_start + interval '1 hour', "
                            + "shift_end = shift_end + interval '1 hour', break_start = null, break_end = null, "
                            + "breaks = '[]' where roster_id = ? and operator_id = ? and work_date = ?",
                            roster.id(), vera.getId(), x);
                    if (!swappable.test(x)) {
                        jdbc.update("update roster_assignment set shift_start = shift_start - interval '1 hour', "
                                + "shift_end = shift_end - interval '1 hour' where roster_id = ? and operator_id = ? "
                                + "and work_date = ?", roster.id(), vera.getId(), x);
                    }
                }
            }
        }
        LocalDate d = bothWork(swappable);
        TradeShift annas = trades.publishedShift(anna.getId(), d).orElseThrow();
        TradeShift veras = trades.publishedShift(vera.getId(), d).orElseThrow();
        List<Move> moves = List.of(Move.shift(anna.getId(), d, vera.getId()), Move.shift(vera.getId(), d, anna.getId()));

        trades.apply(moves, List.of(annas, veras), "test", EN);

        assertThat(trades.publishedShift(anna.getId(), d).orElseThrow().sameWork(veras)).isTrue();
        assertThat(trades.publishedShift(vera.getId(), d).orElseThrow().sameWork(annas)).isTrue();
        assertThat(hardBreaches(anna)).as("after").isEmpty();
        assertThat(hardBreaches(vera)).as("after").isEmpty();
        // applied once: the same trade again finds the shifts changed
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trades.apply(moves, List.of(annas, veras), "test", EN))
                .isInstanceOf(org.switchboard.shared.ConflictException.class);
    }

    @Test
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void aTradeWhoseShiftChangedLeavesTheCallersTransactionUsable() {
        LocalDate d = bothWork(x -> true);
        TradeShift annas = trades.publishedShift(anna.getId(), d).orElseThrow();
        TradeShift stale = new TradeShift(annas.rosterId(), annas.operatorId(), null, d, annas.templateCode(),
                annas.start().plusSeconds(3600), annas.end().plusSeconds(3600), annas.paidMinutes(), annas.queueId(),
                annas.queueCode(), annas.zone());
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> trades.apply(
                    List.of(Move.shift(anna.getId(), d, vera.getId())), List.of(stale), "test", EN))
                    .isInstanceOf(org.switchboard.shared.ConflictException.class);
            // the caller (module swaps) goes on to record that the trade expired, and commits
            assertThat(status.isRollbackOnly()).isFalse();
            status.setRollbackOnly();
        });
        assertThat(trades.publishedShift(anna.getId(), d).orElseThrow().sameWork(annas)).as("nothing moved").isTrue();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private boolean anyDay(Predicate<LocalDate> also) {
        try {
            bothWork(also);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** A day of the week both Anna and Vera work that matches. */
    private LocalDate bothWork(Predicate<LocalDate> also) {
        for (LocalDate x = roster.startDate(); x.isBefore(roster.startDate().plusDays(7)); x = x.plusDays(1)) {
            if (trades.publishedShift(anna.getId(), x).isPresent() && trades.publishedShift(vera.getId(), x).isPresent()
                    && also.test(x)) {
                return x;
            }
        }
        throw new AssertionError("no such day in the week of " + roster.startDate());
    }

    /**
     * The clean case, found in the week as published (each run solves it anew): a day both work on which Vera, given
     * that day off, takes Anna's shift without breaking any rule, Anna's contract minimum lowered so that she may give
     * it. The day is left freed (inside the test's transaction).
     */
    private LocalDate cleanDay() {
        lowerAnnasMinimum();
        // each run solves the week anew; rest and days off (tested on their own) relaxed so that some day is clean
        jdbc.update("update contract set min_rest_minutes = least(min_rest_minutes, 480), min_consecutive_days_off = 1"
                + " where id in (?, ?)", anna.getContractId(), vera.getContractId());
        StringBuilder tried = new StringBuilder();
        for (LocalDate x = roster.startDate(); x.isBefore(roster.startDate().plusDays(7)); x = x.plusDays(1)) {
            if (trades.publishedShift(anna.getId(), x).isEmpty() || trades.publishedShift(vera.getId(), x).isEmpty()) {
                continue;
            }
            jdbc.execute("savepoint clean_day");
            SubstitutionFixture.free(jdbcClient(), roster.id(), vera.getId(), x);
            List<RuleViolation> v = giveToVera(x);
            if (v.isEmpty()) {
                jdbc.execute("release savepoint clean_day");
                return x;
            }
            tried.append(x).append(' ').append(v).append('\n');
            jdbc.execute("rollback to savepoint clean_day");
        }
        throw new AssertionError("no day on which E1003 may take the shift of E1001:\n" + tried);
    }

    private void lowerAnnasMinimum() {
        jdbc.update("update contract set min_minutes_per_week = least(min_minutes_per_week, 1920) where id = ?",
                anna.getContractId());
    }

    private List<RuleViolation> giveToVera(LocalDate d) {
        return trades.check(List.of(Move.shift(anna.getId(), d, vera.getId())), EN).violations();
    }

    private static List<String> rules(List<RuleViolation> violations) {
        return violations.stream().map(RuleViolation::rule).toList();
    }

    /** The operator's hard breaches in the published roster as it stands, scored by the constraint streams. */
    private List<RuleBreach> hardBreaches(Operator o) {
        return SystemAuthentication.callAsSystem(() -> {
            RosterSolution problem = rosters.problem(roster, operators.list());
            SolverOperator so = problem.getOperators().stream().filter(x -> x.id() == o.getId()).findFirst().orElseThrow();
            List<OperatorDay> days = problem.getDays().stream().filter(x -> x.operatorId() == o.getId()).toList();
            RosterSolution mine = new RosterSolution(List.of(so), problem.getShiftOptions(), List.of(),
                    problem.getUnavailabilities(), problem.getPreferences(), problem.getWeights(), days);
            return ChangeBreaches.hard(solutionManager, mine, roster);
        });
    }

    private org.springframework.jdbc.core.simple.JdbcClient jdbcClient() {
        return org.springframework.jdbc.core.simple.JdbcClient.create(jdbc);
    }

    private Operator byNumber(String number) {
        return SystemAuthentication.callAsSystem(operators::list).stream()
                .filter(o -> o.getEmployeeNumber().equals(number)).findFirst().orElseThrow();
    }
}
