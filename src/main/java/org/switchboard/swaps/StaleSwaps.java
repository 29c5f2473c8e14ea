package org.switchboard.swaps;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.switchboard.rostering.RosterPublished;
import org.switchboard.rostering.ShiftsChanged;

/**
 * Trades that can no longer be applied expire as soon as the schedule changes under them, not only when someone
 * answers them: an approved absence took a shift away, a substitute was put on a day or an open shift, a roster was
 * published over the days. Listens to module rostering's events (through the event publication registry, after the
 * change committed), re-checks the active trades of the operators and days concerned under each trade's lock, and
 * expires those whose shifts are no longer as offered; those involved are told ({@link SwapChanged}).
 */
@Component
class StaleSwaps {

    private final SwapStore store;
    private final SwapDecisions decisions;
    private final Clock clock;

    StaleSwaps(SwapStore store, SwapDecisions decisions, Optional<Clock> clock) {
        this.store = store;
        this.decisions = decisions;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @ApplicationModuleListener
    void on(ShiftsChanged e) {
        expireStale(e);
    }

    @ApplicationModuleListener
    void on(RosterPublished e) {
        expireStale(e);
    }

    /** The trades a change of shifts concerns, expired where they are stale; returns how many expired. */
    int expireStale(ShiftsChanged e) {
        Map<Long, Swap> concerned = new LinkedHashMap<>();
        for (ShiftsChanged.ChangedDay day : e.changes()) {
            store.activeOf(Set.of(day.operatorId()), day.date(), day.date()).forEach(s -> concerned.put(s.id(), s));
            store.activeOpenShifts(day.date(), day.date()).forEach(s -> concerned.put(s.id(), s));
        }
        return expire(new ArrayList<>(concerned.values()));
    }

    /** The trades a published roster concerns (its operators and days), expired where they are stale. */
    int expireStale(RosterPublished e) {
        LocalDate to = e.startDate().plusDays(Math.max(1, e.days()) - 1L);
        Map<Long, Swap> concerned = new LinkedHashMap<>();
        store.activeOf(e.operatorIds(), e.startDate(), to).forEach(s -> concerned.put(s.id(), s));
        store.activeOpenShifts(e.startDate(), to).forEach(s -> concerned.put(s.id(), s));
        return expire(new ArrayList<>(concerned.values()));
    }

    private int expire(List<Swap> swaps) {
        int n = 0;
        for (Swap found : swaps) {
            Swap s = store.lock(found.id()).orElse(null);
            if (s != null && s.status().active() && !decisions.current(s)) {
                decisions.expire(s, SwapDecisions.CHANGED, clock.instant());
                n++;
            }
        }
        return n;
    }
}
