package org.switchboard.absences;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.switchboard.operators.Operator;

/**
 * Moves waitlisted requests up: when places free up (a cancellation, a rejection, a higher limit), the team's
 * waitlisted requests that now fit on every one of their days become REQUESTED, oldest first (each counted before the
 * next is tried), and the team's auto-approval rule is asked.
 */
@Component
class Waitlist {

    private final AbsenceStore store;
    private final AllotmentCounter counter;
    private final AutoApproval autoApproval;
    private final Staff staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Waitlist(AbsenceStore store, AllotmentCounter counter, AutoApproval autoApproval, Staff staff,
            ApplicationEventPublisher events, Optional<Clock> clock) {
        this.store = store;
        this.counter = counter;
        this.autoApproval = autoApproval;
        this.staff = staff;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Moves up what now fits in the team; the ids moved up, in order. */
    List<Long> moveUp(long teamId) {
        store.lockTeam(teamId);
        List<Operator> team = staff.team(teamId);
        List<Long> ids = team.stream().map(Operator::getId).toList();
        List<Long> moved = new java.util.ArrayList<>();
        for (AbsenceStore.Stored w : store.waitlisted(ids)) {
            if (!w.startsAt().isAfter(clock.instant())) {
                continue;
            }
            if (counter.fits(teamId, w.wholeDates(), null) && store.promote(w.id())) {
                events.publishEvent(new AbsenceRequested(w.span(), AbsenceStatus.REQUESTED));
                team.stream().filter(o -> o.getId() == w.operatorId()).findFirst()
                        .ifPresent(o -> autoApproval.consider(w.span(), o));
                moved.add(w.id());
            }
        }
        return moved;
    }
}
