package org.switchboard.absences;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signing in as the demo's users for service tests, and dates in next year (clear of the current one). */
public final class AbsenceTestSupport {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Demo logins: Anna Ivanova (E1001, Aurora) and her two colleagues on the same team and queues. */
    static final String ANNA = "operator";
    static final String COLLEAGUE = "operator2";
    static final String OTHER_COLLEAGUE = "operator3";

    private AbsenceTestSupport() {}

    /** Next year at the site. */
    public static int year() {
        return LocalDate.now(MOSCOW).getYear() + 1;
    }

    /** A date of next year. */
    public static LocalDate day(int month, int day) {
        return LocalDate.of(year(), month, day);
    }

    public static <T> T as(String user, String role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                Arrays.stream(role.split(",")).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static void run(String user, String role, Runnable work) {
        as(user, role, () -> {
            work.run();
            return null;
        });
    }

    static <T> T manager(Supplier<T> work) {
        return as("manager", "MANAGER", work);
    }

    static <T> T planner(Supplier<T> work) {
        return as("planner", "PLANNER", work);
    }

    static <T> T operator(String login, Supplier<T> work) {
        return as(login, "OPERATOR", work);
    }
}
