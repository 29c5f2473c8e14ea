package org.switchboard.schedule;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.base.ui.Translations;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.Operator;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;

/**
 * Personal calendar feeds: an operator's published shifts as iCalendar at {@code /calendar/{token}.ics}, a URL a
 * phone calendar can subscribe to without signing in. The token (256 bits) is HMAC-SHA256 of the operator's random
 * 128-bit nonce under the server's key, so the same URL can be shown again; the database keeps the nonce and the
 * token's SHA-256 only. Renewing draws a new nonce, which kills the old URL at once.
 */
@Service
public class CalendarFeeds {

    /** The feed covers this many weeks back and ahead of today. */
    static final int WEEKS_BACK = 4;
    static final int WEEKS_AHEAD = 12;
    /** The path of a feed, relative to the application's root. */
    public static final String PATH_PREFIX = "/calendar/";
    public static final String PATH_SUFFIX = ".ics";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedStore store;
    private final OperatorService operators;
    private final UserAccountService accounts;
    private final MySchedule schedule;
    private final IcsWriter writer;
    private final Clock clock;
    private final String configuredKey;
    private volatile byte[] key;

    CalendarFeeds(CalendarFeedStore store, OperatorService operators, UserAccountService accounts, MySchedule schedule,
            Translations words, Optional<Clock> clock, @Value("${switchboard.calendar.feed-key:}") String configuredKey) {
        this.store = store;
        this.operators = operators;
        this.accounts = accounts;
        this.schedule = schedule;
        this.writer = new IcsWriter(words);
        this.clock = clock.orElse(Clock.systemUTC());
        this.configuredKey = configuredKey;
    }

    /** The signed-in operator's feed token, created on first use. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional
    public String myToken() {
        ScheduleOwner me = schedule.owner().orElseThrow(MySchedule::notLinked);
        Optional<CalendarFeedStore.Feed> feed = store.ofOperator(me.operatorId());
        if (feed.isEmpty()) {
            byte[] nonce = nonce();
            store.create(me.operatorId(), nonce, hash(token(me.operatorId(), nonce)), clock.instant());
            feed = store.ofOperator(me.operatorId());
        }
        String token = token(me.operatorId(), feed.orElseThrow().nonce());
        String hash = hash(token);
        if (!hash.equals(feed.get().tokenHash())) {
            store.rehash(me.operatorId(), hash);
        }
        return token;
    }

    /** A new token for the signed-in operator; the old one answers 404 from now on. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional
    public String renewMyToken() {
        ScheduleOwner me = schedule.owner().orElseThrow(MySchedule::notLinked);
        if (store.ofOperator(me.operatorId()).isEmpty()) {
            return myToken();
        }
        byte[] nonce = nonce();
        String token = token(me.operatorId(), nonce);
        store.renew(me.operatorId(), nonce, hash(token), clock.instant());
        return token;
    }

    /**
     * The iCalendar document of the feed with this token, or empty for an unknown token. Needs no signed-in user:
     * the token is the authorisation (covers {@value #WEEKS_BACK} weeks back to {@value #WEEKS_AHEAD} ahead).
     */
    @Transactional(readOnly = true)
    public Optional<String> feed(String token, Locale locale) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        // the token stands for its operator: read that operator's record and shifts as the system
        return store.operatorOf(hash(token)).flatMap(id -> SystemAuthentication.callAsSystem(() -> {
            Operator operator = operators.get(id);
            // the feed ends with the person's access: an inactive operator, no linked login, or a disabled one
            boolean serving = operator.isActive() && operator.getUserId() != null
                    && accounts.find(operator.getUserId()).map(UserAccount::enabled).orElse(false);
            if (!serving) {
                return Optional.<String>empty();
            }
            ScheduleOwner owner = MySchedule.owner(operator);
            LocalDate today = schedule.today(owner.zone());
            var shifts = schedule.shiftsOf(owner, today.minusWeeks(WEEKS_BACK), today.plusWeeks(WEEKS_AHEAD));
            return Optional.of(writer.write(owner, shifts, clock.instant(), locale));
        }));
    }

    /** The feed's path for a token: {@code /calendar/{token}.ics}. */
    public static String path(String token) {
        return PATH_PREFIX + token + PATH_SUFFIX;
    }

    private String token(long operatorId, byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update(("calendar-feed:" + operatorId + ":").getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = configuredKey == null || configuredKey.isBlank()
                    ? store.key(randomBytes(32), clock.instant())
                    : configuredKey.getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }

    private static byte[] nonce() {
        return randomBytes(16);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
