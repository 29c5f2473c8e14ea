package org.switchboard.shared;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's name, read through the same security-context strategy that method security uses
 * (Vaadin installs its own), so services see the user their {@code @PreAuthorize} checks saw.
 */
@Component
public class CurrentUser {

    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy;
    }

    /** Whether the signed-in user has one of the roles (names as in {@link Roles}). */
    public boolean has(String... roles) {
        return Roles.granted(strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy).getContext()
                .getAuthentication(), roles);
    }

    /** The user name, or "system" when nobody is signed in (start-up work). */
    public String name() {
        SecurityContextHolderStrategy s = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        Authentication auth = s.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
