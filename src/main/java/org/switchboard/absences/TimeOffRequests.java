package org.switchboard.absences;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.Operator;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.Violations;

/**
 * Time-off requests: an operator asks for their own time off and cancels it before it starts; planners, managers and
 * admins enter absences for operators (sick leave and other unplanned absences take effect at once) and see everyone's.
 * A request overlapping another active absence of the operator is refused (409), one beyond the balance too (422); a
 * full-day request on a day the team has no place left joins the waitlist.
 */
@Service
@Transactional
public class TimeOffRequests {

    /** The longest absence one request may cover. */
    public static final int MAX_DAYS = 366;
    public static final int MAX_NOTE = 1000;

    private final AbsenceStore store;
    private final Staff staff;
    private final Caller caller;
    private final BalanceCalculator balances;
    private final AllotmentCounter allotments;
    private final AutoApproval autoApproval;
    private final Waitlist waitlist;
    private final ApplicationEventPublisher events;
    private final AbsenceAudit audit;
    private final Clock clock;

    TimeOffRequests(AbsenceStore store, Staff staff, Caller caller, BalanceCalculator balances,
            AllotmentCounter allotments, AutoApproval autoApproval, Waitlist waitlist, ApplicationEventPublisher events,
            AbsenceAudit audit, Optional<Clock> clock) {
        this.audit = audit;
        this.store = store;
        this.staff = staff;
        this.caller = caller;
        this.balances = balances;
        this.allotments = allotments;
        this.autoApproval = autoApproval;
        this.waitlist = waitlist;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Whether the type is an unplanned absence that a planner or manager enters with effect at once. */
    public static boolean unplanned(AbsenceType type) {
        return type == AbsenceType.SICK || type == AbsenceType.OTHER;
    }

    /**
     * Requests time off (or enters it, for a planner, manager or admin naming an employee number).
     *
     * @throws org.switchboard.shared.ValidationFailedException bad input (400)
     * @throws ConflictException overlap with another active absence of the operator (409)
     * @throws BalanceExceededException beyond the balance (422)
     */
    @PreAuthorize(Roles.SIGNED_IN)
    public RequestOutcome request(NewAbsence request) {
        String by = caller.name();
        boolean deciderEntry = caller.seesAll();
        Operator o = operatorFor(request.employeeNumber(), deciderEntry);
        ZoneId zone = o.zone();
        Instant now = clock.instant();

        Violations v = Violations.none();
        v.check(request.type() == null, "type", Text.of("error.absence.typeMissing"));
        v.check(request.type() == AbsenceType.SICK && !deciderEntry, "type", Text.of("error.absence.sickByPlanner"));
        v.check(request.note() != null && request.note().length() > MAX_NOTE, "note",
                Text.of("error.absence.noteTooLong", MAX_NOTE));
        LocalDate from;
        LocalDate to;
        Instant startsAt = null;
        Instant endsAt = null;
        boolean wholeDays = !request.isSpan();
        if (wholeDays) {
            from = request.from();
            to = request.to();
            v.check(from == null, "from", Text.of("error.absence.dateMissing"));
            v.check(to == null, "to", Text.of("error.absence.dateMissing"));
            if (from != null && to != null) {
                v.check(to.isBefore(from), "to", Text.of("error.absence.order", to, from));
                v.check(ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS, "to", Text.of("error.absence.tooLong", MAX_DAYS));
                startsAt = from.atStartOfDay(zone).toInstant();
                endsAt = to.plusDays(1).atStartOfDay(zone).toInstant();
            }
        } else {
            LocalDateTime start = request.start();
            LocalDateTime end = request.end();
            v.check(start == null, "start", Text.of("error.absence.timeMissing"));
            v.check(end == null, "end", Text.of("error.absence.timeMissing"));
            from = start == null ? null : start.toLocalDate();
            to = null;
            if (start != null && end != null) {
                startsAt = start.atZone(zone).toInstant();
                endsAt = end.atZone(zone).toInstant();
                v.check(!endsAt.isAfter(startsAt), "end", Text.of("error.absence.endBeforeStart"));
                v.check(ChronoUnit.DAYS.between(start, end) >= MAX_DAYS, "end", Text.of("error.absence.tooLong", MAX_DAYS));
                // the site's dates the span touches (an end at midnight does not touch the next day)
                to = endsAt.minusNanos(1).atZone(zone).toLocalDate();
                if (to.isBefore(from)) {
                    to = from;
                }
            }
        }
        v.check(startsAt != null && !deciderEntry && !startsAt.isAfter(now), wholeDays ? "from" : "start",
                Text.of("error.absence.past"));
        v.throwIfAny();

        store.lockTeam(o.getTeamId());
        store.overlapping(o.getId(), startsAt, endsAt).ifPresent(other -> {
            throw AbsenceStore.overlap(other);
        });
        AbsenceType type = request.type();
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        AbsenceStatus status;
        if (deciderEntry && unplanned(type)) {
            status = AbsenceStatus.APPROVED;
        } else {
            List<Text> exceeded = balances.exceeded(o, type, from, to);
            if (!exceeded.isEmpty()) {
                throw new BalanceExceededException(exceeded);
            }
            List<LocalDate> dates = wholeDays ? from.datesUntil(to.plusDays(1)).toList() : List.of();
            status = allotments.fits(o.getTeamId(), dates, null) ? AbsenceStatus.REQUESTED : AbsenceStatus.WAITLISTED;
        }
        long id = store.insert(new AbsenceStore.Insert(o.getId(), type, status, from, to, startsAt, endsAt, wholeDays,
                note, now, by, status == AbsenceStatus.APPROVED ? by : null, status == AbsenceStatus.APPROVED ? now : null,
                status == AbsenceStatus.WAITLISTED ? now : null), zone);
        AbsenceSpan span = new AbsenceSpan(id, o.getId(), type, from, to, startsAt, endsAt, wholeDays);
        if (status == AbsenceStatus.APPROVED) {
            events.publishEvent(new AbsenceApproved(span, by, false));
            audit.approved(span, o, null, false);
            return new RequestOutcome(id, status);
        }
        events.publishEvent(new AbsenceRequested(span, status));
        if (status == AbsenceStatus.REQUESTED && autoApproval.consider(span, o)) {
            status = AbsenceStatus.APPROVED;
        }
        return new RequestOutcome(id, status);
    }

    private Operator operatorFor(String employeeNumber, boolean seesAll) {
        if (employeeNumber == null || employeeNumber.isBlank()) {
            return staff.mineOrThrow();
        }
        if (seesAll) {
            return staff.byNumber(employeeNumber);
        }
        Operator me = staff.mineOrThrow();
        if (!me.getEmployeeNumber().equalsIgnoreCase(employeeNumber.trim())) {
            throw new AccessDeniedException("Only planners and managers enter absences for others");
        }
        return me;
    }

    /**
     * Cancels an absence before it starts: the operator their own (an approved one too: AbsenceCancelled says it was
     * approved, so managers are told), planners, managers and admins anyone's. Frees the team's places, so waitlisted
     * requests may move up.
     *
     * @throws ConflictException it has started, or is no longer active (409)
     */
    @PreAuthorize(Roles.SIGNED_IN)
    public AbsenceEntry cancel(long id) {
        Operator o = visible(store.find(id).orElseThrow(() -> new NotFoundException("Absence", id)));
        // the team first, then the row: the order the waitlist takes them in
        store.lockTeam(o.getTeamId());
        AbsenceStore.Stored s = store.lock(id).orElseThrow(() -> new NotFoundException("Absence", id));
        if (!s.status().isActive()) {
            throw new ConflictException(Text.of("error.absence.notActive", Text.of("absence.status." + s.status())));
        }
        Instant now = clock.instant();
        if (!s.startsAt().isAfter(now)) {
            throw new ConflictException(Text.of("error.absence.started", s.from()));
        }
        String by = caller.name();
        if (!caller.seesAll() && !by.equals(s.requestedBy())) {
            // sick leave and other entries a planner or manager made for the operator are theirs to undo
            throw new ConflictException(Text.of("error.absence.enteredByOthers", s.requestedBy()));
        }
        store.cancel(id, by, now);
        events.publishEvent(new AbsenceCancelled(s.span(), by, s.status() == AbsenceStatus.APPROVED));
        if (s.wholeDays() && s.status() != AbsenceStatus.WAITLISTED) {
            waitlist.moveUp(o.getTeamId());
        }
        return Entries.of(store.find(id).orElseThrow(), o);
    }

    /** One absence: an operator's own, or anyone's for planners, managers and admins. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public AbsenceEntry get(long id) {
        AbsenceStore.Stored s = store.find(id).orElseThrow(() -> new NotFoundException("Absence", id));
        return Entries.of(s, visible(s));
    }

    /** The operator of the absence when the caller may see it; 404 for an operator's look at someone else's. */
    private Operator visible(AbsenceStore.Stored s) {
        if (caller.seesAll()) {
            return staff.byId(s.operatorId());
        }
        Operator me = staff.mineOrThrow();
        if (me.getId() != s.operatorId()) {
            throw new NotFoundException("Absence", s.id());
        }
        return me;
    }

    /**
     * The absences matching the filter, by start: an operator's own only; planners, managers and admins everyone's
     * (optionally of one team or one employee).
     */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<AbsenceEntry> list(AbsenceFilter filter) {
        AbsenceFilter f = filter == null ? AbsenceFilter.all() : filter;
        Map<Long, Operator> operators;
        if (caller.seesAll()) {
            operators = staff.all();
            if (f.teamId() != null) {
                operators.values().removeIf(o -> !o.getTeamId().equals(f.teamId()));
            }
            if (f.employeeNumber() != null && !f.employeeNumber().isBlank()) {
                operators.values().removeIf(o -> !o.getEmployeeNumber().equalsIgnoreCase(f.employeeNumber().trim()));
            }
        } else {
            Operator me = staff.mineOrThrow();
            operators = Map.of(me.getId(), me);
        }
        boolean everyone = caller.seesAll() && f.teamId() == null
                && (f.employeeNumber() == null || f.employeeNumber().isBlank());
        Map<Long, Operator> known = operators;
        return store.list(everyone ? null : operators.keySet(), f.status(), f.from(), f.to()).stream()
                .filter(s -> known.containsKey(s.operatorId()))
                .map(s -> Entries.of(s, known.get(s.operatorId())))
                .sorted(Comparator.comparing(AbsenceEntry::start).thenComparing(AbsenceEntry::id))
                .toList();
    }
}
