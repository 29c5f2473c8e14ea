package org.switchboard.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What other modules and screens see of a user account (never the password hash).
 *
 * @param lockedUntil when a lock after too many wrong passwords ends (null or past: not locked)
 * @param locale the language the user chose for the UI, {@code null} while not chosen (the browser's language applies)
 */
public record UserAccount(
        Long id,
        String username,
        String displayName,
        Set<String> roles,
        boolean enabled,
        boolean mustChangePassword,
        Instant lockedUntil,
        Locale locale) {

    /** Whether sign-in is refused at {@code now} because of too many wrong passwords. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public String label() {
        return username + " (" + displayName + ")";
    }
}
