package org.switchboard.absences;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.switchboard.shared.Roles;

/** Who is calling (read through the security-context strategy method security uses) and what their roles allow. */
@Component
class Caller {

    /** Decide requests and keep the teams' rules for time off. */
    static final String DECIDE = "hasAnyRole('ADMIN','MANAGER')";
    /** See everyone's absences and balances, enter absences for others, see the impact. */
    static final String SEE_ALL = Roles.READ_MASTER_DATA;

    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    Caller(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy;
    }

    private Authentication auth() {
        return strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy).getContext().getAuthentication();
    }

    String name() {
        Authentication a = auth();
        return a == null ? "system" : a.getName();
    }

    boolean has(String... roles) {
        return Roles.granted(auth(), roles);
    }

    /** Planner, manager or admin: sees everyone's absences, enters them for others. */
    boolean seesAll() {
        return has(Roles.ADMIN, Roles.PLANNER, Roles.MANAGER);
    }

    boolean decides() {
        return has(Roles.ADMIN, Roles.MANAGER);
    }
}
