package org.switchboard.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.switchboard.security.UserAccountService;

/** Sends a user who still has a one-time password to the change-password screen, whatever they open. */
@Component
class PasswordChangeEnforcer implements VaadinServiceInitListener {

    private final UserAccountService accounts;

    PasswordChangeEnforcer(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            Class<?> target = enter.getNavigationTarget();
            if (target == ChangePasswordView.class || target == LoginView.class) {
                return;
            }
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated() && accounts.mustChangePassword(auth.getName())) {
                enter.forwardTo(ChangePasswordView.class);
            }
        }));
    }
}
