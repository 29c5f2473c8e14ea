package org.switchboard.swaps;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers expire when their first shift starts: every minute the active trades that are due become EXPIRED (by the
 * system, with their event). Safe on several nodes: the due rows are locked and skipped when another node holds them.
 * A trade that is answered after its start is refused and expires then too ({@link SwapDecisions#requireCurrent}).
 */
@Component
@EnableScheduling
class SwapExpiry {

    private final SwapStore store;
    private final SwapDecisions decisions;
    private final Clock clock;
    private final TransactionTemplate tx;

    SwapExpiry(SwapStore store, SwapDecisions decisions, TransactionTemplate tx, Optional<Clock> clock) {
        this.tx = tx;
        this.store = store;
        this.decisions = decisions;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Expires every active trade due at {@code now}; returns how many. */
    int expireDue(Instant now) {
        Integer n = tx.execute(status -> {
            int count = 0;
            for (Swap s : store.dueToExpire(now)) {
                decisions.expire(s, SwapDecisions.EXPIRED, now);
                count++;
            }
            return count;
        });
        return n == null ? 0 : n;
    }

    @Scheduled(initialDelayString = "${switchboard.swaps.expiry-delay:PT1M}", fixedDelayString = "${switchboard.swaps.expiry-every:PT1M}")
    void expire() {
        expireDue(clock.instant());
    }
}
