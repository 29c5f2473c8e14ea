package org.switchboard.rostering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.absences.AbsenceApproved;
import org.switchboard.absences.AbsenceCalendar;
import org.switchboard.absences.AbsenceCancelled;
import org.switchboard.absences.AbsenceSpan;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.shared.SystemAuthentication;

/**
 * What approved and cancelled absences do to the published schedule.
 *
 * <p><b>Approved</b>: in the rosters that govern the operator's days (the most recently published roster planning
 * the operator on each date; a superseded one for the days no newer one plans), the operator's shifts overlapping
 * the absence are taken away (the operator is off those days) and recorded as {@link OpenShift}s; {@link ShiftsChanged} (REMOVED)
 * is published in the same transaction, and the drafts of those dates that plan the operator or the team are marked
 * stale (their inputs changed).
 *
 * <p><b>Cancelled after approval</b>: shifts already filled stay with their substitutes. Each shift still open goes
 * back to the operator when that breaks no hard rule (checked with the solver's rules as for a substitute); it is then
 * CANCELLED and {@link ShiftsChanged} (ASSIGNED) tells the operator. Otherwise it stays open, marked
 * {@code absenceCancelled}, so the planner sees the operator is back.
 *
 * <p><b>Published</b>: a roster published after an approval (a draft solved before it, or on its own) gets the same
 * treatment for the approved absences of its operators in its period, so publishing never puts an absent operator
 * back on shift. Opening is idempotent per absence and roster day, so re-delivered events change nothing.
 *
 * <p>An approval is acted on only while the absence is still approved (a late listener of an approval cancelled
 * meanwhile does nothing; the absence's row is share-locked meanwhile, so a cancellation waits for it).
 *
 * <p>Listeners of the event publication registry: they run after the deciding transaction is committed, in one of
 * their own, as the system.
 */
@Component
class AbsenceShifts {

    private static final Logger log = LoggerFactory.getLogger(AbsenceShifts.class);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final RosterStore store;
    private final OpenShiftStore openShifts;
    private final OperatorService operators;
    private final RosterService rosters;
    private final SubstituteEvaluator evaluator;
    private final ApplicationEventPublisher events;
    private final AbsenceCalendar absences;
    private final Clock clock;

    AbsenceShifts(RosterStore store, OpenShiftStore openShifts, OperatorService operators, RosterService rosters,
            SubstituteEvaluator evaluator, ApplicationEventPublisher events, AbsenceCalendar absences,
            Optional<Clock> clock) {
        this.absences = absences;
        this.store = store;
        this.openShifts = openShifts;
        this.operators = operators;
        this.rosters = rosters;
        this.evaluator = evaluator;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @ApplicationModuleListener
    void on(AbsenceApproved e) {
        SystemAuthentication.runAsSystem(() -> approved(e.span()));
    }

    @ApplicationModuleListener
    void on(RosterPublished e) {
        SystemAuthentication.runAsSystem(() -> published(e));
    }

    @ApplicationModuleListener
    void on(AbsenceCancelled e) {
        if (e.wasApproved()) {
            SystemAuthentication.runAsSystem(() -> cancelled(e.span()));
        }
    }

    /** Opens the absent operator's published shifts overlapping the absence; returns the shifts opened. */
    @Transactional
    List<OpenShift> approved(AbsenceSpan span) {
        long op = span.operatorId();
        if (!absences.isApprovedNow(span.absenceId())) {
            log.info("Absence {} is no longer approved: its shifts stay", span.absenceId());
            return List.of();
        }
        Map<Long, String> codes = rosters.queueCodes();
        List<OpenShift> opened = new ArrayList<>();
        for (long rosterId : openShifts.publishedRostersPlanning(op, span.from().minusDays(1), span.to())) {
            Roster r = store.lock(rosterId).orElseThrow();
            if (r.state() == RosterState.DRAFT) {
                continue;
            }
            List<ShiftsChanged.ChangedDay> changes = new ArrayList<>();
            for (StoredShift s : store.assignments(rosterId)) {
                if (s.operatorId() != op || !span.overlaps(s.start(), s.end())
                        || !openShifts.governs(rosterId, op, s.date())) {
                    continue; // another roster's day, or one a newer roster governs
                }
                Long id = openShifts.open(rosterId, s, span.absenceId(), span.type(), clock.instant());
                if (id == null) {
                    continue;
                }
                openShifts.removeAssignment(rosterId, op, s.date());
                opened.add(openShifts.find(id).orElseThrow());
                changes.add(changed(op, s, ShiftsChanged.Change.REMOVED, r, codes));
            }
            if (!changes.isEmpty()) {
                events.publishEvent(new ShiftsChanged(rosterId, span.absenceId(), changes));
                log.info("Absence {}: {} shift(s) of operator {} opened in roster {}", span.absenceId(), changes.size(),
                        op, rosterId);
            }
        }
        Long team = operators.list().stream().filter(o -> o.getId() == op).findFirst().map(Operator::getTeamId)
                .orElse(null);
        openShifts.draftsChanged(op, team, span.from().minusDays(1), span.to().plusDays(1), clock.instant());
        return opened;
    }

    /** Opens, in a roster just published, the shifts its operators' approved absences overlap. */
    @Transactional
    List<OpenShift> published(RosterPublished e) {
        Roster r = store.find(e.rosterId()).orElse(null);
        if (r == null) {
            return List.of(); // deleted since (or never a stored roster): nothing to open
        }
        Instant from = e.startDate().minusDays(1).atStartOfDay(r.zone()).toInstant();
        Instant to = e.startDate().plusDays(e.days() + 1L).atStartOfDay(r.zone()).toInstant();
        List<OpenShift> opened = new ArrayList<>();
        for (AbsenceSpan a : absences.approved(e.operatorIds(), from, to)) {
            opened.addAll(approved(a));
        }
        return opened;
    }

    /** Puts the operator back on the absence's still-open shifts where no hard rule breaks; returns those put back. */
    @Transactional
    List<OpenShift> cancelled(AbsenceSpan span) {
        long op = span.operatorId();
        List<OpenShift> back = new ArrayList<>();
        Map<Long, SubstituteEvaluator.Context> contexts = new HashMap<>();
        Map<Long, List<ShiftsChanged.ChangedDay>> changes = new HashMap<>();
        List<Operator> all = operators.list();
        Map<Long, String> codes = rosters.queueCodes();
        for (OpenShift s : openShifts.ofAbsence(span.absenceId())) {
            if (s.status() != OpenShift.Status.OPEN) {
                continue;
            }
            Roster r = store.lock(s.rosterId()).orElseThrow();
            OpenShift locked = openShifts.lock(s.id()).orElseThrow();
            SubstituteEvaluator.Context c = openShifts.governs(r.id(), op, locked.date())
                    ? contexts.computeIfAbsent(r.id(), k -> evaluator.context(r, all)) : null;
            OpenShift self = locked;
            boolean free = c != null && locked.status() == OpenShift.Status.OPEN
                    && SubstituteEvaluator.day(c, op, locked) != null && !SubstituteEvaluator.day(c, op, locked).isWorking()
                    && !evaluator.absentDuring(c, locked).contains(op);
            if (free && !evaluator.evaluate(c, self, op).breaksHardRule()) {
                StoredShift shift = locked.asShiftOf(op);
                openShifts.insertAssignment(r.id(), shift);
                openShifts.cancel(locked.id(), "system", clock.instant());
                // the next shift of this roster is checked with this one back in place
                contexts.remove(r.id());
                back.add(openShifts.find(locked.id()).orElseThrow());
                changes.computeIfAbsent(r.id(), k -> new ArrayList<>())
                        .add(changed(op, shift, ShiftsChanged.Change.ASSIGNED, r, codes));
            } else {
                openShifts.markAbsenceCancelled(locked.id());
            }
        }
        changes.forEach((rosterId, days) -> events.publishEvent(new ShiftsChanged(rosterId, span.absenceId(), days)));
        return back;
    }

    static ShiftsChanged.ChangedDay changed(long operatorId, StoredShift s, ShiftsChanged.Change change, Roster r,
            Map<Long, String> codes) {
        return new ShiftsChanged.ChangedDay(operatorId, s.date(), change, HM.format(s.start().atZone(r.zone())),
                HM.format(s.end().atZone(r.zone())), s.queueId() == null ? null : codes.get(s.queueId()));
    }

    /** The dates with shifts still open in a roster. */
    Set<LocalDate> openDates(long rosterId) {
        Set<LocalDate> out = new java.util.TreeSet<>();
        openShifts.ofRoster(rosterId, List.of(OpenShift.Status.OPEN)).forEach(s -> out.add(s.date()));
        return out;
    }
}
