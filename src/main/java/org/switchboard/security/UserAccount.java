package org.switchboard.security;

import java.util.Set;

/** What other modules and screens see of a user account (never the password hash). */
public record UserAccount(
        Long id, String username, String displayName, Set<String> roles, boolean enabled, boolean mustChangePassword) {

    public String label() {
        return username + " (" + displayName + ")";
    }
}
