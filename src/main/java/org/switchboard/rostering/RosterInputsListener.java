package org.switchboard.rostering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.switchboard.demand.QueueTargetsChanged;
import org.switchboard.demand.forecast.ForecastChanged;
import org.switchboard.operators.ContractChanged;
import org.switchboard.operators.OperatorChanged;

/**
 * Marks draft rosters whose inputs changed ({@code roster.inputs_changed_at}): requirements recomputed (a forecast or
 * a queue's targets changed: module demand recomputes the requirements in the same transaction), an operator or a
 * contract saved or deleted. A draft solved before the change then says it is stale ({@link Roster#stale()}).
 * Listeners of the event publication registry: they run after the change is committed, each in a transaction of its
 * own, and are retried from the registry when they failed.
 */
@Component
class RosterInputsListener {

    private static final Logger log = LoggerFactory.getLogger(RosterInputsListener.class);

    private final RosterStore store;
    private final Clock clock;

    RosterInputsListener(RosterStore store, Optional<Clock> clock) {
        this.store = store;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @ApplicationModuleListener
    void on(ForecastChanged e) {
        LocalDate from = e.from() == null ? null : e.from().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate to = e.to() == null ? null : e.to().atOffset(ZoneOffset.UTC).toLocalDate();
        if (from == null || to == null) {
            from = null;
            to = null;
        }
        log.debug("Forecast of queue {} changed: {} draft roster(s) marked", e.queueId(),
                store.queueInputsChanged(e.queueId(), from, to, clock.instant()));
    }

    @ApplicationModuleListener
    void on(QueueTargetsChanged e) {
        store.queueInputsChanged(e.queueId(), null, null, clock.instant());
    }

    @ApplicationModuleListener
    void on(OperatorChanged e) {
        store.operatorInputsChanged(e.operatorId(), e.teamId(), clock.instant());
    }

    @ApplicationModuleListener
    void on(ContractChanged e) {
        store.allInputsChanged(clock.instant());
    }
}
