package org.switchboard.notifications;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;

/**
 * The signed-in user's own notifications: newest first, the unread count, marking read. Nobody reads or marks
 * another's: someone else's notification is answered as missing. A signed-in name without an account (none is
 * stored for it) has none.
 */
@Service
@Transactional
public class Notifications {

    /** The most one call lists. */
    public static final int MAX_LIMIT = 200;
    /** How many a call lists unless told. */
    public static final int DEFAULT_LIMIT = 50;

    private final NotificationStore store;
    private final UserAccountService accounts;
    private final OperatorService operators;
    private final Clock clock;

    Notifications(NotificationStore store, UserAccountService accounts, OperatorService operators,
            Optional<Clock> clock) {
        this.store = store;
        this.accounts = accounts;
        this.operators = operators;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The signed-in user's notifications, newest first: {@code limit} (1 to {@link #MAX_LIMIT}) from {@code offset}. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<Notification> mine(int limit, int offset) {
        int n = Math.clamp(limit, 1, MAX_LIMIT);
        return me().map(user -> store.list(user, n, Math.max(0, offset)).stream().map(Notifications::notification).toList())
                .orElse(List.of());
    }

    /** How many of the signed-in user's notifications are unread. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public long unreadCount() {
        return me().map(store::unread).orElse(0L);
    }

    /** Marks one of the signed-in user's notifications read; another's (or none) is {@link NotFoundException}. */
    @PreAuthorize(Roles.SIGNED_IN)
    public void markRead(long id) {
        long user = me().orElseThrow(() -> missing(id));
        if (!store.markRead(id, user, clock.instant())) {
            throw missing(id);
        }
    }

    /** Marks all the signed-in user's notifications read; how many were unread. */
    @PreAuthorize(Roles.SIGNED_IN)
    public int markAllRead() {
        return me().map(user -> store.markAllRead(user, clock.instant())).orElse(0);
    }

    /** The language the signed-in user chose, if any (REST answers without {@code Accept-Language} use it). */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<Locale> myLocale() {
        return accounts.current().map(UserAccount::locale);
    }

    /** The zone the signed-in user's times read in: their site's when they are an operator, else the server's. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public ZoneId myZone() {
        return operators.mine().map(Operator::zone).orElse(ZoneId.systemDefault());
    }

    private Optional<Long> me() {
        return accounts.current().map(UserAccount::id);
    }

    private static NotFoundException missing(long id) {
        return new NotFoundException("Notification", id);
    }

    private static Notification notification(NotificationStore.Row r) {
        return new Notification(r.id(), r.kind(), NotificationFacts.text(r.kind(), r.args()), r.link(), r.createdAt(),
                r.readAt() != null);
    }
}
