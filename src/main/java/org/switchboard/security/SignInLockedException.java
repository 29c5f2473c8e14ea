package org.switchboard.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/**
 * Sign-in refused before the password was checked: the account is locked after too many wrong passwords, or
 * must pause before the next try (see {@code SignInGuard}). {@link #until()} says when to try again. Spring
 * Security keeps the last one in the session, so the sign-in page can say so.
 */
public final class SignInLockedException extends LockedException {

    private final Instant until;
    private final boolean pause;

    SignInLockedException(Instant until, boolean pause) {
        super(pause ? "Too many wrong passwords: try again after " + until
                : "Too many wrong passwords: the account is locked until " + until);
        this.until = until;
        this.pause = pause;
    }

    /** When sign-in may be tried again. */
    public Instant until() {
        return until;
    }

    /** A short pause after a few wrong passwords, rather than a lock. */
    public boolean pause() {
        return pause;
    }
}
