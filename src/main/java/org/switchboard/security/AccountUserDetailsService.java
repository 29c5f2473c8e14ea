package org.switchboard.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs users in against the {@code app_user} table. A user who must still replace a one-time password also gets
 * the authority {@value #PASSWORD_CHANGE_REQUIRED}, which the API refuses (the web app sends them to change it).
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private final AppUserRepository users;

    AccountUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username == null ? "" : username.trim().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        java.util.List<String> authorities = new java.util.ArrayList<>();
        user.roleNames().forEach(role -> authorities.add("ROLE_" + role));
        if (user.isMustChangePassword()) {
            authorities.add(PASSWORD_CHANGE_REQUIRED);
        }
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .disabled(!user.isEnabled())
                .authorities(authorities.toArray(String[]::new))
                .build();
    }
}
