package org.switchboard.notifications;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.absences.AbsenceSpan;
import org.switchboard.absences.AbsenceType;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.SystemAuthentication;

/**
 * People for the notification tests, made once per database through the real services: a team of its own with
 * inactive operators (no roster picks them up), two of them with logins (the second has chosen Russian), one
 * without; a manager. Events are published in a transaction of their own, as the modules do, and the listeners
 * (asynchronous, after commit) are waited for.
 */
public final class NotificationFixture {

    public static final String PASSWORD = "notify-test-password";
    public static final String OLGA = "notify-olga";
    public static final String PAVEL = "notify-pavel";
    public static final String VIEWER = "notify-viewer";
    public static final String MANAGER = "notify-manager";
    public static final String MANAGER_NAME = "Maria Petrova";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final java.util.concurrent.atomic.AtomicInteger DAYS = new java.util.concurrent.atomic.AtomicInteger();
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    /** Olga (N9001, login notify-olga), Pavel (N9002, login notify-pavel, Russian), Ivan (N9003, no login), Vera (N9004, login notify-viewer). */
    public record People(Operator olga, Operator pavel, Operator ivan, Operator vera) {
    }

    private NotificationFixture() {}

    public static synchronized People ensure(OperatorService operators, TeamService teams, UserAccountService accounts) {
        return SystemAuthentication.callAsSystem(() -> {
            Operator any = operators.list().stream().filter(o -> o.getEmployeeNumber().equals("E1001")).findFirst()
                    .orElseThrow();
            long team = teams.list().stream().filter(t -> t.getName().equals("Notifications test")).findFirst()
                    .orElseGet(() -> teams.save(new Team("Notifications test"))).getId();
            Operator olga = operator(operators, accounts, any, team, "N9001", "Olga", "Testova", OLGA);
            Operator pavel = operator(operators, accounts, any, team, "N9002", "Pavel", "Testov", PAVEL);
            Operator ivan = operator(operators, accounts, any, team, "N9003", "Ivan", "Bezlogina", null);
            Operator vera = operator(operators, accounts, any, team, "N9004", "Vera", "Vidova", VIEWER);
            account(accounts, MANAGER, MANAGER_NAME, "MANAGER");
            as(PAVEL, () -> {
                accounts.setOwnLocale(Locale.forLanguageTag("ru"));
                return null;
            });
            return new People(olga, pavel, ivan, vera);
        });
    }

    private static Operator operator(OperatorService operators, UserAccountService accounts, Operator like, long team,
            String number, String first, String last, String login) {
        Operator o = operators.list().stream().filter(x -> x.getEmployeeNumber().equals(number)).findFirst()
                .orElse(null);
        if (o != null) {
            return o;
        }
        o = new Operator();
        o.setEmployeeNumber(number);
        o.setFirstName(first);
        o.setLastName(last);
        o.setTeamId(team);
        o.setContractId(like.getContractId());
        o.setTimeZone("Europe/Moscow");
        o.setActive(false);
        if (login != null) {
            o.setUserId(account(accounts, login, first + " " + last, "OPERATOR").id());
        }
        return operators.save(o);
    }

    private static UserAccount account(UserAccountService accounts, String login, String name, String role) {
        return accounts.list().stream().filter(a -> a.username().equals(login)).findFirst()
                .orElseGet(() -> accounts.createWithPassword(login, name, Set.of(role), PASSWORD, false));
    }

    /** An id no other test uses (absence and roster ids of the published events). */
    public static long nextId() {
        return IDS.incrementAndGet();
    }

    /**
     * A day no other test of the run uses, 60 days from any other such day (a period starting there stays clear of
     * the others), so a notification's text tells it apart.
     */
    public static LocalDate day() {
        return LocalDate.of(2031, 1, 1).plusDays(60L * DAYS.incrementAndGet());
    }

    /** Whole days of the operator from {@code from} to {@code to}, Moscow midnights. */
    public static AbsenceSpan span(long absenceId, Operator o, AbsenceType type, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.of("Europe/Moscow");
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return new AbsenceSpan(absenceId, o.getId(), type, from, to, start, end, true);
    }

    /** Publishes the event in a transaction of its own, as the publishing modules do. */
    public static void publish(PlatformTransactionManager transactions, ApplicationEventPublisher events, Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
    }

    /** Runs as the signed-in user. */
    public static <T> T as(String username, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Waits until the user has a notification whose English text matches, and returns it. */
    public static Notification awaitOne(Notifications notifications, String username, Predicate<String> english) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(
                () -> as(username, () -> notifications.mine(Notifications.MAX_LIMIT, 0)).stream()
                        .filter(n -> english.test(n.text(Locale.ENGLISH))).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    /** The user's notifications whose English text matches. */
    public static List<Notification> matching(Notifications notifications, String username, Predicate<String> english) {
        return as(username, () -> notifications.mine(Notifications.MAX_LIMIT, 0)).stream()
                .filter(n -> english.test(n.text(Locale.ENGLISH))).toList();
    }
}
