package org.switchboard.absences;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.Operator;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.KeyedException;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * Managers' (and admins') decisions on requests, one by one or in bulk, and the effect of a request on coverage.
 * A decision changes the row only while it is still REQUESTED (compare-and-set in SQL), so of two managers deciding at
 * once exactly one wins and the other is told who decided and when (409). Approvals and rejections are published in
 * the deciding transaction; a rejection frees the team's places, so waitlisted requests may move up.
 */
@Service
@Transactional
public class AbsenceDecisions {

    public static final int MAX_REASON = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AbsenceStore store;
    private final Staff staff;
    private final Caller caller;
    private final Waitlist waitlist;
    private final AutoApproval autoApproval;
    private final ApplicationEventPublisher events;
    private final AbsenceAudit audit;
    private final Clock clock;

    AbsenceDecisions(AbsenceStore store, Staff staff, Caller caller, Waitlist waitlist, AutoApproval autoApproval,
            ApplicationEventPublisher events, AbsenceAudit audit, Optional<Clock> clock) {
        this.audit = audit;
        this.store = store;
        this.staff = staff;
        this.caller = caller;
        this.waitlist = waitlist;
        this.autoApproval = autoApproval;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Approves a REQUESTED absence.
     *
     * @throws ConflictException already decided (by whom and when), cancelled, or waiting for a place (409)
     */
    @PreAuthorize(Caller.DECIDE)
    public AbsenceEntry approve(long id) {
        return doApprove(id, caller.name());
    }

    /**
     * Rejects a REQUESTED or WAITLISTED absence with the manager's reason.
     *
     * @throws ValidationFailedException no reason (400)
     * @throws ConflictException already decided or cancelled (409)
     */
    @PreAuthorize(Caller.DECIDE)
    public AbsenceEntry reject(long id, String reason) {
        String why = checkReason(reason);
        return doReject(id, why, caller.name());
    }

    /**
     * Approves each request; what became of each, in the order given. One transaction: a request that cannot be
     * decided is refused before anything is written (the compare-and-set changes nothing), the others are decided.
     */
    @PreAuthorize(Caller.DECIDE)
    public List<DecisionOutcome> approveAll(List<Long> ids) {
        String by = caller.name();
        return each(ids, id -> doApprove(id, by));
    }

    /** Rejects each request with the same reason, as {@link #approveAll} does. */
    @PreAuthorize(Caller.DECIDE)
    public List<DecisionOutcome> rejectAll(List<Long> ids, String reason) {
        String why = checkReason(reason);
        String by = caller.name();
        return each(ids, id -> doReject(id, why, by));
    }

    private List<DecisionOutcome> each(List<Long> ids, java.util.function.LongFunction<AbsenceEntry> decision) {
        if (ids == null || ids.isEmpty()) {
            throw ValidationFailedException.of("ids", Text.of("error.absence.idsMissing"));
        }
        List<DecisionOutcome> outcomes = new ArrayList<>();
        for (Long id : ids) {
            if (id == null) {
                continue;
            }
            try {
                AbsenceEntry e = decision.apply(id);
                outcomes.add(new DecisionOutcome(id, true, e.status(), null));
            } catch (KeyedException e) {
                AbsenceStatus now = store.find(id).map(AbsenceStore.Stored::status).orElse(null);
                outcomes.add(new DecisionOutcome(id, false, now, e.text()));
            }
        }
        return outcomes;
    }

    private static String checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ValidationFailedException.of("reason", Text.of("error.absence.reasonMissing"));
        }
        if (reason.length() > MAX_REASON) {
            throw ValidationFailedException.of("reason", Text.of("error.absence.reasonTooLong", MAX_REASON));
        }
        return reason.strip();
    }

    private AbsenceEntry doApprove(long id, String by) {
        AbsenceStore.Stored s = store.find(id).orElseThrow(() -> new NotFoundException("Absence", id));
        Operator o = staff.byId(s.operatorId());
        if (!store.approve(id, by, false, clock.instant())) {
            throw lost(id, o.zone());
        }
        AbsenceStore.Stored now = store.find(id).orElseThrow();
        events.publishEvent(new AbsenceApproved(now.span(), by, false));
        audit.approved(now.span(), o, s.status(), false);
        return Entries.of(now, o);
    }

    private AbsenceEntry doReject(long id, String reason, String by) {
        AbsenceStore.Stored s = store.find(id).orElseThrow(() -> new NotFoundException("Absence", id));
        Operator o = staff.byId(s.operatorId());
        // the team first, then the row: the order the waitlist takes them in when the rejection frees a place
        store.lockTeam(o.getTeamId());
        if (!store.reject(id, by, reason, clock.instant())) {
            throw lost(id, o.zone());
        }
        AbsenceStore.Stored now = store.find(id).orElseThrow();
        events.publishEvent(new AbsenceRejected(now.span(), by, reason));
        audit.rejected(now.span(), o, s.status(), reason);
        if (now.wholeDays()) {
            waitlist.moveUp(o.getTeamId());
        }
        return Entries.of(now, o);
    }

    /** Why a compare-and-set found the request no longer REQUESTED: who decided it and when, in the site's time. */
    private ConflictException lost(long id, ZoneId zone) {
        AbsenceStore.Stored s = store.find(id).orElseThrow(() -> new NotFoundException("Absence", id));
        return switch (s.status()) {
            case APPROVED -> new ConflictException(Text.of(s.decidedBySystem() ? "error.absence.approvedBySystem"
                    : "error.absence.alreadyApproved", s.decidedBy(), date(s.decidedAt(), zone), time(s.decidedAt(), zone)));
            case REJECTED -> new ConflictException(Text.of("error.absence.alreadyRejected", s.decidedBy(),
                    date(s.decidedAt(), zone), time(s.decidedAt(), zone)));
            case CANCELLED -> new ConflictException(Text.of("error.absence.alreadyCancelled", s.cancelledBy(),
                    date(s.cancelledAt(), zone), time(s.cancelledAt(), zone)));
            case WAITLISTED -> new ConflictException(Text.of("error.absence.waitlisted"));
            case REQUESTED -> new ConflictException(Text.of("error.absence.changed"));
        };
    }

    private static LocalDate date(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toLocalDate();
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : LocalDateTime.ofInstant(at, zone).format(TIME);
    }

    /**
     * The request's effect on coverage (per day, queue and interval, from module rostering when present) and the other
     * approved absences of the operator's team overlapping it. Planners, managers and admins.
     */
    @PreAuthorize(Caller.SEE_ALL)
    @Transactional(readOnly = true)
    public ImpactReport impact(long id) {
        AbsenceStore.Stored s = store.find(id).orElseThrow(() -> new NotFoundException("Absence", id));
        var all = staff.all();
        Operator o = all.get(s.operatorId());
        List<Long> team = all.values().stream().filter(m -> m.getTeamId().equals(o.getTeamId())).map(Operator::getId)
                .toList();
        List<AbsenceEntry> others = store.list(team, AbsenceStatus.APPROVED, s.from(), s.to()).stream()
                .filter(a -> a.id() != id && a.span().overlaps(s.startsAt(), s.endsAt()))
                .map(a -> Entries.of(a, all.get(a.operatorId()))).toList();
        return new ImpactReport(Entries.of(s, o), autoApproval.impact(s.span()), others);
    }
}
