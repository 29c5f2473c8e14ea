package org.switchboard.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.NewRoster;
import org.switchboard.rostering.PublishedSchedule;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.RosterState;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.SystemAuthentication;

/**
 * Published rosters for the schedule tests, made through the roster service as a real planner would (create, solve a
 * few seconds with the real solver, publish): the demo's Aurora (day) and Owls (night) teams for the week four weeks
 * after next Monday (inside the demo forecast, clear of the weeks RosterApiTest publishes), and Aurora planned in Europe/Berlin over the switch to summer
 * time on 28 March 2027. Made once per database; logins linked to operators for the tests.
 */
public final class ScheduleFixture {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    public static final String PASSWORD = "schedule-test-password";
    /** Linked to the demo's Anna Ivanova (E1001, Aurora). */
    public static final String ANNA = "operator";
    /** Linked to a night operator of Owls with a night shift across midnight in the week. */
    static final String NIGHT_LOGIN = "schedule-night";
    /** Signed in, linked to no operator. */
    public static final String UNLINKED_LOGIN = "schedule-unlinked";
    /** Linked to the Aurora operator planned in Europe/Berlin. */
    static final String BERLIN_LOGIN = "schedule-berlin";
    /** The Berlin roster: two weeks around the last Sunday of March 2027. */
    static final LocalDate BERLIN_START = LocalDate.of(2027, 3, 22);

    /** Monday of the published week: four weeks after next Monday (Moscow), inside the demo forecast. */
    public static LocalDate week() {
        return LocalDate.now(MOSCOW).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(4);
    }

    public record Fixture(Operator anna, Operator night, Operator berlin) {
    }

    private ScheduleFixture() {}

    public static synchronized Fixture ensure(RosterService rosters, OperatorService operators, TeamService teams,
            UserAccountService accounts, PublishedSchedule published) {
        return SystemAuthentication.callAsSystem(() -> {
            List<Roster> existing = rosters.list();
            long aurora = teamId(teams, "Aurora (day)");
            long owls = teamId(teams, "Owls (night)");
            if (existing.stream().noneMatch(r -> r.startDate().equals(week()) && r.state() == RosterState.PUBLISHED)) {
                publish(rosters, new NewRoster(week(), 7, List.of(aurora, owls), null, null, null, null));
            }
            if (existing.stream().noneMatch(r -> r.startDate().equals(BERLIN_START) && r.state() == RosterState.PUBLISHED)) {
                publish(rosters, new NewRoster(BERLIN_START, 14, List.of(aurora), null, "Europe/Berlin", null, null));
            }
            List<Operator> all = operators.list();
            Operator anna = all.stream().filter(o -> o.getEmployeeNumber().equals("E1001")).findFirst().orElseThrow();
            Operator night = linked(all, accounts, NIGHT_LOGIN);
            if (night == null) {
                night = all.stream().filter(o -> o.getTeamId() == owls && o.getUserId() == null)
                        .filter(o -> published.shifts(o.getId(), week(), week().plusDays(6)).stream()
                                .anyMatch(ScheduleFixture::acrossMidnight))
                        .findFirst().orElseThrow(() -> new AssertionError("no night shift across midnight was published"));
                night = link(operators, accounts, night, NIGHT_LOGIN);
            }
            Operator berlin = linked(all, accounts, BERLIN_LOGIN);
            if (berlin == null) {
                berlin = all.stream().filter(o -> o.getTeamId() == aurora && o.getUserId() == null)
                        .filter(o -> published.shifts(o.getId(), BERLIN_START, BERLIN_START.plusDays(3)).size() >= 1
                                && published.shifts(o.getId(), BERLIN_START.plusDays(7), BERLIN_START.plusDays(13)).size() >= 1)
                        .findFirst().orElseThrow(() -> new AssertionError("nobody works on both sides of the switch"));
                berlin = link(operators, accounts, berlin, BERLIN_LOGIN);
            }
            if (accounts.list().stream().noneMatch(a -> a.username().equals(UNLINKED_LOGIN))) {
                accounts.createWithPassword(UNLINKED_LOGIN, "Schedule unlinked", Set.of("PLANNER"), PASSWORD, false);
            }
            return new Fixture(anna, night, berlin);
        });
    }

    /** Runs on into the next day (not merely ending at midnight). */
    static boolean acrossMidnight(PublishedSchedule.PublishedShift s) {
        var end = s.end().atZone(MOSCOW);
        return end.toLocalDate().isAfter(s.start().atZone(MOSCOW).toLocalDate()) && end.toLocalTime().isAfter(java.time.LocalTime.MIDNIGHT);
    }

    /** The published shifts as the rostering module hands them out (queue names need a signed-in caller). */
    public static List<PublishedSchedule.PublishedShift> shifts(PublishedSchedule published, long operatorId, LocalDate from,
            LocalDate to) {
        return SystemAuthentication.callAsSystem(() -> published.shifts(operatorId, from, to));
    }

    private static void publish(RosterService rosters, NewRoster request) {
        Roster r = rosters.create(request);
        rosters.solve(r.id(), 3);
        long deadline = System.currentTimeMillis() + 120_000;
        while (rosters.isSolving(r.id())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("roster " + r.id() + " still solving after 120 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        rosters.publish(r.id(), true);
    }

    private static Operator linked(List<Operator> all, UserAccountService accounts, String login) {
        return accounts.list().stream().filter(a -> a.username().equals(login)).findFirst()
                .flatMap(a -> all.stream().filter(o -> Long.valueOf(a.id()).equals(o.getUserId())).findFirst())
                .orElse(null);
    }

    private static Operator link(OperatorService operators, UserAccountService accounts, Operator o, String login) {
        UserAccount account = accounts.list().stream().filter(a -> a.username().equals(login)).findFirst()
                .orElseGet(() -> accounts.createWithPassword(login, "Schedule " + login, Set.of("OPERATOR"), PASSWORD, false));
        o.setUserId(account.id());
        return operators.save(o);
    }

    private static long teamId(TeamService teams, String name) {
        return teams.list().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow().getId();
    }
}
