package org.switchboard.base.events;

import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-delivers the reactions between modules that did not happen. Every event a module listens to is written to Spring
 * Modulith's event publication registry (table {@code event_publication}) in the transaction that publishes it, one row
 * per listener, and marked completed when that listener's own transaction has committed. A row left incomplete means
 * the reaction was lost: the instance died between publishing and handling (or while handling), or the listener
 * failed.
 *
 * <p>Modulith's staleness monitor marks rows that stayed published or in processing for too long as failed
 * ({@code spring.modulith.events.staleness.*}); every {@code switchboard.events.redeliver-every} this hands the failed
 * ones to their listeners again, on whichever instance gets there first (a row is claimed by a conditional update, so
 * two instances never re-deliver the same one), up to {@code switchboard.events.max-attempts} times.
 */
@Component
public class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final EventPublicationRegistry registry;
    private final FailedEventPublications failed;
    private final int maxAttempts;

    EventRedelivery(EventPublicationRegistry registry, FailedEventPublications failed,
            @Value("${switchboard.events.max-attempts:10}") int maxAttempts) {
        this.registry = registry;
        this.failed = failed;
        this.maxAttempts = maxAttempts;
    }

    /** The schedule: the failed publications (the monitor marks the stale ones) go to their listeners again. */
    @Scheduled(fixedDelayString = "${switchboard.events.redeliver-every:PT1M}",
            initialDelayString = "${switchboard.events.redeliver-every:PT1M}")
    void redeliverFailed() {
        redeliver(p -> true);
    }

    /**
     * Marks the publications stale by {@code staleness} as failed (what the monitor does on its schedule) and
     * re-delivers the failed ones {@code which} selects.
     */
    public void redeliverStale(Staleness staleness, Predicate<EventPublication> which) {
        registry.markStalePublicationsFailed(staleness);
        redeliver(which);
    }

    private void redeliver(Predicate<EventPublication> which) {
        try {
            failed.resubmit(ResubmissionOptions.defaults()
                    .withFilter(p -> p.getCompletionAttempts() < maxAttempts && which.test(p)));
        } catch (RuntimeException e) {
            log.warn("Re-delivering failed event publications failed; trying again later", e);
        }
    }

    /**
     * Publications not completed within {@code age}, whether never taken up or left in processing (for a run by hand,
     * e.g. after a known crash); a re-delivered one is left alone for the configured resubmission staleness.
     */
    public static Staleness olderThan(Duration age) {
        return status -> switch (status) {
            case PUBLISHED, PROCESSING -> age;
            default -> Duration.ofDays(365);
        };
    }
}
