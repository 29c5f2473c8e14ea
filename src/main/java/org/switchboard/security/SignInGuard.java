package org.switchboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;

/**
 * Wrong passwords slow sign-in down, then lock the account for a while, whichever way the password came (the
 * sign-in form or HTTP Basic).
 *
 * <ul>
 *   <li>From the {@value #SLOW_DOWN_AFTER}th wrong password in a row, the next attempt is refused unchecked until
 *       a pause has passed since the last wrong one: 1 s, then 2, 4, … up to 60 s.
 *   <li>The {@value #LOCK_AFTER}th wrong password in a row locks the account for {@link #LOCK_FOR}; every wrong
 *       password after that locks it again. An administrator can unlock it at once (Users screen).
 *   <li>A right password resets the count.
 * </ul>
 *
 * <p>Refusals name when to try again; each wrong password and each lock is logged and recorded in the audit trail
 * (by the system, in a transaction of its own: a refused sign-in changes nothing else). The counters are updated in
 * one statement each, so parallel attempts cannot lose a count.
 */
@Component
class SignInGuard {

    static final int SLOW_DOWN_AFTER = 3;
    static final int LOCK_AFTER = 10;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);

    private final JdbcClient jdbc;
    /** Looked up when needed: the guard is made with the security configuration, before the proxies are ready. */
    private final ObjectProvider<AuditTrail> audit;
    private Clock clock = Clock.systemUTC();

    SignInGuard(JdbcClient jdbc, ObjectProvider<AuditTrail> audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Tests move time on. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** The account's count of wrong passwords in a row, the last one and any lock. */
    record Attempts(int failed, Instant lastFailed, Instant lockedUntil) {}

    /** Reads {@code failed_sign_ins, last_failed_sign_in, locked_until}, in this order. */
    private static final RowMapper<Attempts> ATTEMPTS = (rs, i) ->
            new Attempts(rs.getInt(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)));

    /** Refuses, before any password is checked, an account that is locked or must still pause. */
    void checkMayTry(String username) {
        Optional<Attempts> attempts = attempts(username);
        if (attempts.isEmpty()) {
            return;
        }
        Instant now = now();
        Attempts a = attempts.get();
        if (a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
            throw new SignInLockedException(a.lockedUntil(), false);
        }
        if (a.failed() >= SLOW_DOWN_AFTER && a.lastFailed() != null && (a.lockedUntil() == null
                || a.lockedUntil().isBefore(a.lastFailed()))) {
            Instant next = a.lastFailed().plus(pauseAfter(a.failed()));
            if (next.isAfter(now)) {
                throw new SignInLockedException(next, true);
            }
        }
    }

    /** Counts a wrong password; locks the account at the {@value #LOCK_AFTER}th in a row. */
    void wrongPassword(String username) {
        Instant now = now();
        Optional<Attempts> after = jdbc.sql("""
                        update app_user set failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in = :now,
                            locked_until = case when failed_sign_ins + 1 >= :lockAfter then :lockedUntil else locked_until end
                        where username = :username
                        returning failed_sign_ins, last_failed_sign_in, locked_until""")
                .param("now", java.sql.Timestamp.from(now))
                .param("lockAfter", LOCK_AFTER)
                .param("lockedUntil", java.sql.Timestamp.from(now.plus(LOCK_FOR)))
                .param("username", username)
                .query(ATTEMPTS)
                .optional();
        if (after.isEmpty()) {
            log.warn("Sign-in with unknown user name '{}'", printable(username));
            record(AuditKind.SIGN_IN_FAILED, printable(username), AuditTrail.facts("unknownUser", true));
            return;
        }
        int failed = after.get().failed();
        record(AuditKind.SIGN_IN_FAILED, username, AuditTrail.facts("failures", failed));
        if (failed >= LOCK_AFTER) {
            log.warn("Account '{}' locked until {} after {} wrong passwords in a row", username,
                    after.get().lockedUntil(), failed);
            record(AuditKind.ACCOUNT_LOCKED, username, AuditTrail.facts("failures", failed, "minutes",
                    LOCK_FOR.toMinutes(), "lockedUntil", String.valueOf(after.get().lockedUntil())));
        } else {
            log.warn("Wrong password for '{}' ({} in a row)", username, failed);
        }
    }

    /** An entry about the account in the audit trail; a failure to write it is logged, the refusal stands. */
    private void record(AuditKind kind, String username, java.util.Map<String, Object> facts) {
        try {
            audit.getObject().recordOnItsOwn(kind, "user", username, null, null, facts);
        } catch (RuntimeException e) {
            log.error("Could not record {} of '{}' in the audit trail", kind, printable(username), e);
        }
    }

    /** A right password: the count starts again (written only when there was one). */
    void rightPassword(String username) {
        jdbc.sql("update app_user set failed_sign_ins = 0 where username = :username and failed_sign_ins > 0")
                .param("username", username)
                .update();
    }

    /** An administrator lifts a lock and the count. */
    void unlock(long userId) {
        jdbc.sql("update app_user set failed_sign_ins = 0, locked_until = null where id = :id")
                .param("id", userId)
                .update();
        log.info("Account {} unlocked", userId);
    }

    Optional<Attempts> attempts(String username) {
        return jdbc.sql("select failed_sign_ins, last_failed_sign_in, locked_until from app_user where username = :u")
                .param("u", username)
                .query(ATTEMPTS)
                .optional();
    }

    static Duration pauseAfter(int failed) {
        int doublings = Math.min(failed - SLOW_DOWN_AFTER, 6);
        Duration pause = Duration.ofSeconds(1L << doublings);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
