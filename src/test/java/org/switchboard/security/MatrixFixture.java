package org.switchboard.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.absences.AbsenceType;
import org.switchboard.absences.Allotments;
import org.switchboard.absences.NewAbsence;
import org.switchboard.absences.TeamAbsenceSettings;
import org.switchboard.absences.TimeOffRequests;
import org.switchboard.operators.NewWish;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.operators.WishPeriods;
import org.switchboard.operators.WishService;
import org.switchboard.operators.WishType;
import org.switchboard.rostering.DayEdit;
import org.switchboard.rostering.NewRoster;
import org.switchboard.rostering.RosterEdits;
import org.switchboard.rostering.PublishedSchedule;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.ShiftTrades;
import org.switchboard.rostering.TradeShift;
import org.switchboard.schedule.CalendarFeeds;
import org.switchboard.schedule.ScheduleFixture;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.swaps.Swaps;

/**
 * The records the authorization matrix asks for by id, made through the services as their owners would (inside the
 * test's transaction, so all of it is rolled back): the published roster of the demo's Aurora week (made once per
 * database by {@link ScheduleFixture}, committed), a draft of Aurora, an absence request, a swap, a wish and a
 * notification of operator2 (E1003), and the same of operator (E1001) where the matrix also needs the caller's own.
 * Paths name them as {@code {key}}; {@link #resolve} puts the ids in.
 */
final class MatrixFixture {

    static final String OPERATOR = "operator";   // E1001
    static final String OPERATOR2 = "operator2"; // E1003
    static final String OPERATOR3 = "operator3"; // E1005
    private static final Pattern KEY = Pattern.compile("\\{([A-Za-z0-9]+)}");

    final RosterService rosters;
    final RosterEdits edits;
    final OperatorService operators;
    final TeamService teams;
    final UserAccountService accounts;
    final PublishedSchedule published;
    final ShiftTrades trades;
    final TimeOffRequests requests;
    final Allotments allotments;
    final Swaps swaps;
    final WishPeriods periods;
    final WishService wishes;
    final CalendarFeeds feeds;
    final JdbcTemplate jdbc;
    final PlatformTransactionManager transactions;

    MatrixFixture(ApplicationContext context) {
        rosters = context.getBean(RosterService.class);
        edits = context.getBean(RosterEdits.class);
        operators = context.getBean(OperatorService.class);
        teams = context.getBean(TeamService.class);
        accounts = context.getBean(UserAccountService.class);
        published = context.getBean(PublishedSchedule.class);
        trades = context.getBean(ShiftTrades.class);
        requests = context.getBean(TimeOffRequests.class);
        allotments = context.getBean(Allotments.class);
        swaps = context.getBean(Swaps.class);
        periods = context.getBean(WishPeriods.class);
        wishes = context.getBean(WishService.class);
        feeds = context.getBean(CalendarFeeds.class);
        jdbc = context.getBean(JdbcTemplate.class);
        transactions = context.getBean(PlatformTransactionManager.class);
    }

    /** Outside any transaction: the published week is solved in a thread of its own and must be committed. */
    void ensurePublished() {
        try {
            ScheduleFixture.ensure(rosters, operators, teams, accounts, published);
        } catch (AssertionError e) {
            // the schedule tests' own needs (a night shift across midnight, the Berlin week) may miss after a short
            // solve; the Aurora week this matrix needs is published before those are looked for
        }
    }

    /** Inside the test's transaction: the ids by key. */
    Map<String, String> build() {
        Map<String, String> ids = new LinkedHashMap<>();
        Operator anna = byNumber("E1001");
        Operator vera = byNumber("E1003");
        Operator third = byNumber("E1005");
        long aurora = anna.getTeamId();
        long other = SystemAuthentication.callAsSystem(teams::list).stream().filter(t -> t.getId() != aurora)
                .findFirst().orElseThrow().getId();
        ids.put("team", String.valueOf(aurora));
        ids.put("otherTeam", String.valueOf(other));

        // the published roster that governs Anna's week, and a day operator2 works in it
        TradeShift annas = shiftIn(anna, ScheduleFixture.week());
        long roster = annas.rosterId();
        ids.put("published", String.valueOf(roster));
        TradeShift veras = shiftIn(vera, ScheduleFixture.week());
        ids.put("date", veras.date().toString());
        ids.put("template", veras.templateCode());
        ids.put("queue", veras.queueCode());
        ids.put("queueId", String.valueOf(jdbc.queryForObject("select id from queue where code = ?", Long.class,
                veras.queueCode())));
        ids.put("contract", String.valueOf(jdbc.queryForObject("select min(id) from contract", Long.class)));
        ids.put("shiftTemplate", String.valueOf(jdbc.queryForObject("select min(id) from shift_template", Long.class)));
        ids.put("start", veras.localStart().toString());
        ids.put("outboundQueueId", String.valueOf(jdbc.queryForObject(
                "select min(id) from queue where direction = 'OUTBOUND'", Long.class)));
        ids.put("forecastDay", LocalDate.now(ScheduleFixture.MOSCOW).plusDays(7).toString());

        // a draft of Aurora far ahead (not solved), and a free week for creating another
        LocalDate draftStart = ScheduleFixture.week().plusWeeks(40);
        long draft = as("planner", "PLANNER", () -> rosters.create(new NewRoster(draftStart, 7, List.of(aurora), null,
                null, null, null))).id();
        ids.put("draft", String.valueOf(draft));
        ids.put("draftDate", draftStart.plusDays(2).toString());
        LocalDate pinned = draftStart.plusDays(3);
        as("planner", "PLANNER", () -> edits.edit(draft, "E1003", pinned, new DayEdit(null, null, null, true), true,
                Locale.ENGLISH));
        ids.put("pinnedDate", pinned.toString());
        ids.put("newRosterStart", draftStart.plusWeeks(2).toString());

        // no automatic decisions: a request stays waiting for the manager
        as("manager", "MANAGER", () -> {
            TeamAbsenceSettings now = allotments.settings(aurora);
            return allotments.saveSettings(new TeamAbsenceSettings(aurora, null, false, now.threshold()));
        });
        ids.put("absence", String.valueOf(absence(OPERATOR2, 0)));
        ids.put("myAbsence", String.valueOf(absence(OPERATOR, 10)));
        ids.put("absenceDate", LocalDate.now().plusYears(2).withDayOfYear(200).toString());

        // a direct swap between operator2 and operator3: operator (E1001) has no part in it
        roomy(vera, third, anna);
        ids.put("swap", String.valueOf(swapBetween(vera, third)));
        ids.put("swapDate", swapDay(anna, vera).toString());

        // a wish period still open, operator2's wish and operator's in it
        LocalDate periodStart = LocalDate.now().plusYears(3).withDayOfYear(100);
        Instant deadline = Instant.now().plus(30, ChronoUnit.DAYS);
        long period = as("planner", "PLANNER", () -> periods.create(periodStart, periodStart.plusDays(27), deadline)).id();
        ids.put("period", String.valueOf(period));
        ids.put("periodStart", periodStart.toString());
        ids.put("periodEnd", periodStart.plusDays(27).toString());
        ids.put("deadline", deadline.truncatedTo(ChronoUnit.SECONDS).toString());
        ids.put("newPeriodStart", periodStart.plusDays(60).toString());
        ids.put("newPeriodEnd", periodStart.plusDays(66).toString());
        ids.put("wish", String.valueOf(as(OPERATOR2, "OPERATOR", () -> wishes.addMine(
                new NewWish(WishType.DAY_OFF, periodStart.plusDays(3), null, null, null))).id()));
        ids.put("myWish", String.valueOf(as(OPERATOR, "OPERATOR", () -> wishes.addMine(
                new NewWish(WishType.DAY_OFF, periodStart.plusDays(4), null, null, null))).id()));
        ids.put("wishDate", periodStart.plusDays(5).toString());

        // notifications come only from other modules' events (after commit): one row each, as the listeners write it
        ids.put("notification", String.valueOf(notification(OPERATOR2)));
        ids.put("myNotification", String.valueOf(notification(OPERATOR)));

        ids.put("token", as(OPERATOR, "OPERATOR", feeds::myToken));
        return ids;
    }

    /** The path or body with every {@code {key}} replaced by its id; an unknown key fails. */
    static String resolve(String template, Map<String, String> ids) {
        Matcher m = KEY.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = ids.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no fixture value {" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private Operator byNumber(String number) {
        return SystemAuthentication.callAsSystem(operators::list).stream()
                .filter(o -> o.getEmployeeNumber().equals(number)).findFirst().orElseThrow();
    }

    private TradeShift shiftIn(Operator o, LocalDate week) {
        for (LocalDate d = week; d.isBefore(week.plusDays(7)); d = d.plusDays(1)) {
            Optional<TradeShift> s = trades.publishedShift(o.getId(), d);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw new AssertionError(o.getEmployeeNumber() + " has no published shift in the week of " + week);
    }

    /** A vacation day of the login's operator, next year or later (another test's absence may hold a day). */
    private long absence(String login, int offset) {
        LocalDate base = LocalDate.now().plusYears(1).withDayOfYear(60 + offset);
        for (int i = 0; i < 30; i++) {
            LocalDate day = base.plusDays(i * 3L);
            Optional<Long> id = attempt(() -> as(login, "OPERATOR", () -> requests.request(
                    new NewAbsence(AbsenceType.VACATION, day, day, null, null, null, null))).id());
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new AssertionError("no day for a vacation of " + login);
    }

    private void roomy(Operator... people) {
        for (Operator o : people) {
            jdbc.update("update contract set min_rest_minutes = least(min_rest_minutes, 480), min_consecutive_days_off = 1"
                    + " where id = ?", o.getContractId());
        }
    }

    private long swapBetween(Operator a, Operator b) {
        LocalDate week = ScheduleFixture.week();
        for (LocalDate d = week; d.isBefore(week.plusDays(7)); d = d.plusDays(1)) {
            LocalDate day = d;
            Optional<Long> id = attempt(() -> as(OPERATOR2, "OPERATOR", () -> swaps.propose(day, b.getEmployeeNumber(),
                    day, Locale.ENGLISH)).id());
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new AssertionError("no day on which " + a.getEmployeeNumber() + " may swap with " + b.getEmployeeNumber());
    }

    /** A day on which the two may swap their shifts, breaking no rule (checked only: nothing is offered). */
    private LocalDate swapDay(Operator a, Operator b) {
        LocalDate week = ScheduleFixture.week();
        for (LocalDate d = week; d.isBefore(week.plusDays(7)); d = d.plusDays(1)) {
            if (trades.publishedShift(a.getId(), d).isPresent() && trades.publishedShift(b.getId(), d).isPresent()
                    && trades.check(List.of(ShiftTrades.Move.shift(a.getId(), d, b.getId()),
                            ShiftTrades.Move.shift(b.getId(), d, a.getId())), Locale.ENGLISH).ok()) {
                return d;
            }
        }
        throw new AssertionError("no day on which " + a.getEmployeeNumber() + " may swap with " + b.getEmployeeNumber());
    }

    private long notification(String login) {
        long user = SystemAuthentication.callAsSystem(accounts::list).stream().filter(a -> a.username().equals(login))
                .findFirst().orElseThrow().id();
        return jdbc.queryForObject("insert into notification (recipient_id, kind, args, link, created_at)"
                + " values (?, 'ROSTER_PUBLISHED', '{\"rosterId\":\"1\",\"from\":\"2031-01-06\",\"to\":\"2031-01-12\",\"days\":\"7\"}'::jsonb,"
                + " 'my-schedule', now()) returning id", Long.class, user);
    }

    /** The work in a savepoint: its value, or empty (and nothing of it kept) when it throws. */
    <T> Optional<T> attempt(Supplier<T> work) {
        try {
            return Optional.ofNullable(nested().execute(status -> work.get()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    TransactionTemplate nested() {
        TransactionTemplate t = new TransactionTemplate(transactions);
        t.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return t;
    }

    static <T> T as(String user, String role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
