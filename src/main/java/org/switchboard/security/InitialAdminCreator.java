package org.switchboard.security;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.switchboard.base.DemoMode;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;

/**
 * Outside demo mode, the first start on an empty database creates the user {@code admin} with a generated
 * one-time password, written once to the log; it must be changed at first sign-in.
 */
@Component
@Conditional(DemoMode.Off.class)
@Order(0)
class InitialAdminCreator implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdminCreator.class);

    private final UserAccountService accounts;

    InitialAdminCreator(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfNoUsers();
    }

    /** @return the one-time password when an admin was created */
    java.util.Optional<String> createIfNoUsers() {
        if (accounts.anyUserExists()) {
            return java.util.Optional.empty();
        }
        String password = UserAccountService.generatePassword();
        SystemAuthentication.runAsSystem(() -> accounts.createWithPassword(
                ADMIN_USERNAME, "Administrator", Set.of(Roles.ADMIN), password, true));
        log.warn("""

                ===========================================================================
                First start: created user '{}' with the one-time password: {}
                Sign in and choose a new password; this one is shown only now.
                ===========================================================================""",
                ADMIN_USERNAME, password);
        return java.util.Optional.of(password);
    }
}
