package org.switchboard.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks user name and password for the sign-in form and HTTP Basic alike, with two additions to Spring's own
 * check ({@link DaoAuthenticationProvider}, bcrypt):
 *
 * <ul>
 *   <li>{@link SignInGuard} refuses a locked or pausing account before the password is looked at, and counts
 *       wrong and right passwords; checks of one account's password run one at a time on a node, so parallel
 *       guesses are counted one by one;
 *   <li>a verified password is remembered for {@link #REMEMBER_FOR} as an HMAC with a key made at start (never the
 *       password, never kept past a restart), so an API client that sends Basic credentials with every request does
 *       not pay a bcrypt hash (about 70 ms of a core) each time. Any change to the account (password, roles,
 *       enabled, lock) forgets it at once.
 * </ul>
 */
@Component
class SignInProvider implements AuthenticationProvider {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    private static final int MOST_REMEMBERED = 10_000;

    private final DaoAuthenticationProvider passwords;
    private final SignInGuard guard;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    /** Counts the changes of each account that was changed since start (a few, those an admin touched). */
    private final ConcurrentHashMap<String, Long> generations = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[64];
    private final SecretKeySpec key;

    SignInProvider(UserDetailsService users, PasswordEncoder encoder, SignInGuard guard) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.guard = guard;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    private record Verified(byte[] proof, Authentication result, Instant until) {}

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().trim().toLowerCase();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        byte[] proof = proof(username, password);
        Verified known = verified.get(username);
        Instant now = guard.now();
        if (known != null && known.until().isAfter(now) && MessageDigest.isEqual(known.proof(), proof)) {
            return known.result();
        }
        // one password check at a time per account (on this node), so parallel guesses cannot all pass the
        // guard's check before any of them is counted
        synchronized (stripe(username)) {
            guard.checkMayTry(username);
            long generation = generation(username);
            Authentication result;
            try {
                result = passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
            } catch (BadCredentialsException e) {
                // a wrong password does not unmake the right one: the client using it stays remembered, so it does
                // not reset the count at every request while someone guesses
                guard.wrongPassword(username);
                throw e;
            }
            guard.rightPassword(username);
            if (verified.size() >= MOST_REMEMBERED) {
                verified.clear();
            }
            // remembered only if the account did not change while it was being checked
            Verified fresh = new Verified(proof, result, now.plus(REMEMBER_FOR));
            verified.compute(username, (name, old) -> generation(name) == generation ? fresh : null);
            return result;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * Forgets the remembered password of an account that changed: at once, and again when the change commits, so
     * a check that read the account before the commit cannot remember its old state.
     */
    void forget(String username) {
        forgetNow(username);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetNow(username);
                }
            });
        }
    }

    private void forgetNow(String username) {
        generations.merge(username, 1L, Long::sum);
        verified.remove(username);
    }

    private long generation(String username) {
        return generations.getOrDefault(username, 0L);
    }

    private Object stripe(String username) {
        return stripes[Math.floorMod(username.hashCode(), stripes.length)];
    }

    private byte[] proof(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
