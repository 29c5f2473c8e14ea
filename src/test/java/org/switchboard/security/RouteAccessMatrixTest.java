package org.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.base.ui.AccessDeniedView;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.NewRoster;
import org.switchboard.rostering.RosterService;
import org.switchboard.security.AuthorizationMatrixTest.Who;
import org.switchboard.security.ui.LoginView;

/**
 * Who may open which screen: every route of the UI (read from the {@code @Route} classes, so a new screen cannot be
 * left out) for anonymous visitors and each role, in ONE table. Navigation goes through Vaadin's own access control,
 * as in the running app: an allowed screen shows, a refused one shows "Not for your role" in the frame, and an
 * anonymous visitor is sent to the sign-in page. Roster screens are opened on a draft made in the test's transaction.
 */
@SpringBootTest
@Transactional
class RouteAccessMatrixTest extends SpringBrowserlessTest {

    static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    static final Set<Who> SIGNED_IN = EnumSet.of(Who.OPERATOR, Who.PLANNER, Who.MANAGER, Who.ADMIN);
    static final Set<Who> STAFF = EnumSet.of(Who.PLANNER, Who.MANAGER, Who.ADMIN);
    static final Set<Who> PLANNERS = EnumSet.of(Who.PLANNER, Who.ADMIN);
    static final Set<Who> OPERATORS = EnumSet.of(Who.OPERATOR);
    static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);

    /** The table: route (parameters as {@code :id}) → who may open it; anyone else is refused. */
    static final Map<String, Set<Who>> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("login", EVERYONE);
        ROUTES.put("", SIGNED_IN);
        ROUTES.put("change-password", SIGNED_IN);
        ROUTES.put("my-schedule", SIGNED_IN);
        ROUTES.put("time-off", SIGNED_IN);
        ROUTES.put("notifications", SIGNED_IN);
        ROUTES.put("swaps", SIGNED_IN);
        ROUTES.put("my-profile", OPERATORS);
        ROUTES.put("my-availability", OPERATORS);
        ROUTES.put("swap-rules", STAFF);
        ROUTES.put("operators", STAFF);
        ROUTES.put("teams", STAFF);
        ROUTES.put("contracts", STAFF);
        ROUTES.put("availability", STAFF);
        ROUTES.put("absences", STAFF);
        ROUTES.put("approvals", STAFF);
        ROUTES.put("absence-rules", STAFF);
        ROUTES.put("queues", STAFF);
        ROUTES.put("shift-templates", STAFF);
        ROUTES.put("rosters", STAFF);
        ROUTES.put("rosters/:id", STAFF);
        ROUTES.put("rosters/:id/coverage", STAFF);
        ROUTES.put("rosters/:id/print", STAFF);
        ROUTES.put("open-shifts", STAFF);
        ROUTES.put("demand/forecast", STAFF);
        ROUTES.put("demand/requirements", STAFF);
        ROUTES.put("demand/erlang", STAFF);
        ROUTES.put("demand/import", PLANNERS);
        ROUTES.put("users", ADMINS);
        ROUTES.put("audit", EnumSet.of(Who.MANAGER, Who.ADMIN));
    }

    @Autowired
    RosterService rosters;
    @Autowired
    TeamService teams;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyScreenOpensForWhomTheTableSaysAndNoOneElse() {
        long roster = as(Who.PLANNER, () -> rosters.create(new NewRoster(java.time.LocalDate.now().plusYears(4), 7,
                List.of(teams.list().getFirst().getId()), null, null, null, null)).id());
        Map<String, Class<?>> views = routeClasses();
        List<String> wrong = new ArrayList<>();
        for (Who who : Who.values()) {
            for (Map.Entry<String, Set<Who>> route : ROUTES.entrySet()) {
                String location = route.getKey().replace(":id", String.valueOf(roster));
                Class<?> view = views.get(route.getKey());
                String outcome = as(who, () -> open(location, view));
                String expected = route.getValue().contains(who) ? "shown" : who == Who.ANON ? "sign-in" : "refused";
                if (!outcome.equals(expected)) {
                    wrong.add("/" + location + " as " + who + ": " + outcome + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).as("screens opened otherwise than the table says").isEmpty();
    }

    @Test
    void everyRouteHasARow() {
        Set<String> missing = new java.util.TreeSet<>(routeClasses().keySet());
        missing.removeAll(ROUTES.keySet());
        assertThat(missing).as("routes of the @Route classes without a row in the table (add one line each)").isEmpty();
        Set<String> gone = new java.util.TreeSet<>(ROUTES.keySet());
        gone.removeAll(routeClasses().keySet());
        assertThat(gone).as("rows for routes that no longer exist").isEmpty();
        assertThat(ROUTES).hasSizeGreaterThan(25);
    }

    /** What the visitor sees after navigating: the screen, the refusal in the frame, or the sign-in page. */
    private String open(String location, Class<?> view) {
        navigate(location, Component.class);
        if (!find(AccessDeniedView.class).all().isEmpty()) {
            return "refused";
        }
        if (view != LoginView.class && !find(LoginView.class).all().isEmpty()) {
            return "sign-in";
        }
        @SuppressWarnings("unchecked")
        Class<? extends Component> type = (Class<? extends Component>) view;
        return find(type).all().isEmpty() ? "something else" : "shown";
    }

    /** Route template → its class, from every {@code @Route} class of the application. */
    static Map<String, Class<?>> routeClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> routes = new java.util.TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("org.switchboard")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                routes.put(type.getAnnotation(Route.class).value(), type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    private static <T> T as(Who who, java.util.function.Supplier<T> work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (who != Who.ANON) {
            String login = who == Who.OPERATOR ? MatrixFixture.OPERATOR : who.name().toLowerCase(Locale.ROOT);
            var roles = List.of(new SimpleGrantedAuthority("ROLE_" + who.name()));
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new org.springframework.security.core.userdetails.User(login, "", roles), null, roles));
        }
        SecurityContextHolder.setContext(context);
        return work.get();
    }
}
