package org.switchboard.shared;

import com.vaadin.flow.internal.CurrentInstance;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as the system with the ADMIN role, so it goes through the same secured services as a user would: start-up
 * work (seeding, the first admin) and a service's own look-ups that the caller may not make themself.
 *
 * <p>Inside a request of a Vaadin screen, Vaadin's security-context strategy reads the signed-in user's context from
 * the HTTP session before the thread's, so a context set on the thread alone would be ignored there; for the call the
 * thread's Vaadin instances (session, UI) are put aside and restored afterwards.
 */
public final class SystemAuthentication {

    private SystemAuthentication() {}

    public static <T> T callAsSystem(Supplier<T> work) {
        Map<Class<?>, CurrentInstance> vaadin = CurrentInstance.getInstances();
        CurrentInstance.clearAll();
        // the thread's own context (with the Vaadin instances put aside, not the session's)
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system", null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            CurrentInstance.restoreInstances(vaadin);
        }
    }

    public static void runAsSystem(Runnable work) {
        callAsSystem(() -> {
            work.run();
            return null;
        });
    }
}
