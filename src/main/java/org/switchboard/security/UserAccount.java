package org.switchboard.security;

import java.time.Instant;
import java.util.Set;

/**
 * What other modules and screens see of a user account (never the password hash).
 *
 * @param lockedUntil when a lock after too many wrong passwords ends (null or past: not locked)
 */
public record UserAccount(
        Long id,
        String username,
        String displayName,
        Set<String> roles,
        boolean enabled,
        boolean mustChangePassword,
        Instant lockedUntil) {

    /** Whether sign-in is refused at {@code now} because of too many wrong passwords. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public String label() {
        return username + " (" + displayName + ")";
    }
}
