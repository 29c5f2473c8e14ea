package org.switchboard.rostering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.absences.AbsenceType;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.base.ui.Translations;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.CurrentUser;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.RuleViolation;
import org.switchboard.shared.RuleViolationsException;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * Substitution: the shifts approved absences opened in published rosters ({@link OpenShift}), a ranked list of
 * substitutes for each (scored with the solver's own rules by {@link SubstituteEvaluator}, within the overtime the
 * contract allows: nobody who would break a hard rule is offered; those without overtime first, then best score change
 * first, with the reasons), assigning one (checked again under the locks, with the same overtime allowance,
 * written into the published roster at once) and replanning the affected days in a draft.
 * Planners and admins change; managers read.
 */
@Service
public class Substitution {

    private final OpenShiftStore openShifts;
    private final RosterStore store;
    private final RosterService rosters;
    private final SubstituteEvaluator evaluator;
    private final OperatorService operators;
    private final RuleTexts texts;
    private final Translations translations;
    private final ApplicationEventPublisher events;
    private final CurrentUser user;
    private final org.switchboard.absences.AbsenceCalendar absences;
    private final AuditTrail audit;
    private final Clock clock;

    Substitution(OpenShiftStore openShifts, RosterStore store, RosterService rosters, SubstituteEvaluator evaluator,
            OperatorService operators, RuleTexts texts, Translations translations, ApplicationEventPublisher events,
            CurrentUser user, org.switchboard.absences.AbsenceCalendar absences, AuditTrail audit,
            Optional<Clock> clock) {
        this.absences = absences;
        this.audit = audit;
        this.openShifts = openShifts;
        this.store = store;
        this.rosters = rosters;
        this.evaluator = evaluator;
        this.operators = operators;
        this.texts = texts;
        this.translations = translations;
        this.events = events;
        this.user = user;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * An open shift as the screens and the API show it.
     *
     * @param start the site's local start time; {@code end} may be on the next day (a night)
     * @param queue the queue's code, or null
     * @param absenceId null (and {@code absenceType}, {@code absentEmployeeNumber} too) for a shift a planner added
     */
    public record OpenShiftView(long id, long rosterId, LocalDate date, LocalTime start, LocalTime end, Instant startsAt,
            Instant endsAt, String templateCode, String queue, Long absenceId, AbsenceType absenceType,
            String absentEmployeeNumber, String absentName, OpenShift.Status status, boolean absenceCancelled,
            String substituteEmployeeNumber, String substituteName, Instant filledAt, String filledBy) {
    }

    /**
     * One offered substitute.
     *
     * @param scoreChange the roster's score change when they take the shift ("0hard/0medium/-120soft"; higher is
     *        better)
     * @param reasons what it changes, in the reader's language with their keys and figures
     * @param overtimeMinutes paid minutes beyond the contract's maximum the shift brings them to in its week (or
     *        period), within the contract's overtime allowance; 0 without overtime (these come first)
     */
    public record Candidate(String employeeNumber, String name, String scoreChange, int hard, long medium, long soft,
            List<SubstituteReason> reasons, int overtimeMinutes) {
    }

    /** An open shift with its substitutes, best first. */
    public record ShiftCandidates(long openShiftId, LocalDate date, LocalTime start, LocalTime end, String queue,
            String templateCode, String absentEmployeeNumber, List<Candidate> candidates) {
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** A roster's open shifts (every state), by date and start. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<OpenShiftView> openShifts(long rosterId) {
        rosters.get(rosterId);
        return views(openShifts.ofRoster(rosterId, List.of(OpenShift.Status.values())));
    }

    /** The shifts still open in published rosters from today on (the open-shifts screen). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<OpenShiftView> stillOpen() {
        return views(openShifts.stillOpen(LocalDate.now(clock).minusDays(1)));
    }

    /** The shifts an absence opened (every state). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<OpenShiftView> ofAbsence(long absenceId) {
        return views(openShifts.ofAbsence(absenceId));
    }

    /** How many shifts are still open in a roster (the board's banner). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public int openCount(long rosterId) {
        return openShifts.ofRoster(rosterId, List.of(OpenShift.Status.OPEN)).size();
    }

    /** The absent operators' days of a roster's still-open shifts, by operator id (the board marks them). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public Map<Long, Set<LocalDate>> absentDays(long rosterId) {
        Map<Long, Set<LocalDate>> out = new HashMap<>();
        for (OpenShift s : openShifts.ofRoster(rosterId, List.of(OpenShift.Status.OPEN, OpenShift.Status.FILLED))) {
            if (s.added()) {
                continue;
            }
            out.computeIfAbsent(s.absentOperatorId(), k -> new java.util.TreeSet<>()).add(s.date());
        }
        return out;
    }

    /**
     * For each shift the absence opened that is still open, the substitutes best first (see the class comment).
     *
     * An absence that opened no shift (none of its days was worked, or the approval is still being applied) has none.
     *
     * @throws NotFoundException when there is no such absence
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<ShiftCandidates> substitutes(long absenceId, Locale locale) {
        if (absences.span(absenceId) == null) {
            throw new NotFoundException("Absence", absenceId);
        }
        List<OpenShift> shifts = openShifts.ofAbsence(absenceId);
        return candidates(shifts.stream().filter(s -> s.status() == OpenShift.Status.OPEN).toList(), locale);
    }

    /** The substitutes for one open shift, best first (empty when it is no longer open). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public ShiftCandidates substitutesFor(long openShiftId, Locale locale) {
        OpenShift s = openShifts.find(openShiftId).orElseThrow(() -> new NotFoundException("OpenShift", openShiftId));
        if (s.status() != OpenShift.Status.OPEN) {
            return shiftCandidates(s, List.of(), codes(), numbers());
        }
        return candidates(List.of(s), locale).getFirst();
    }

    private List<ShiftCandidates> candidates(List<OpenShift> shifts, Locale locale) {
        List<Operator> all = operators.list();
        Map<Long, SubstituteEvaluator.Context> contexts = new HashMap<>();
        Map<Long, String> codes = codes();
        Map<Long, Operator> byId = numbers(all);
        Map<String, Long> ids = new HashMap<>();
        all.forEach(x -> ids.put(x.getEmployeeNumber(), x.getId()));
        List<ShiftCandidates> out = new ArrayList<>();
        for (OpenShift s : shifts) {
            Roster r = rosters.get(s.rosterId());
            if (!governing(r, s)) {
                out.add(shiftCandidates(s, List.of(), codes, byId));
                continue;
            }
            SubstituteEvaluator.Context c = contexts.computeIfAbsent(r.id(), k -> evaluator.context(r, all));
            List<Candidate> list = evaluator.candidates(c, s).stream().map(e -> candidate(e, locale))
                    // in a superseded roster, only those whose day it still governs
                    .filter(x -> r.state() == RosterState.PUBLISHED
                            || openShifts.governs(r.id(), ids.getOrDefault(x.employeeNumber(), -1L), s.date()))
                    .toList();
            out.add(shiftCandidates(s, list, codes, byId));
        }
        return out;
    }

    // --- assigning ---------------------------------------------------------------------------------------------

    /**
     * Puts the operator on the absence's open shift of that date (see {@link #assign(long, String, Locale)}).
     *
     * @throws NotFoundException when the absence opened no shift on that date
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional
    public OpenShiftView assign(long absenceId, LocalDate date, String employeeNumber, Locale locale) {
        if (date == null) {
            throw ValidationFailedException.of("date", Text.of("substitute.error.dateMissing"));
        }
        List<OpenShift> onDate = openShifts.ofAbsence(absenceId).stream().filter(s -> s.date().equals(date)).toList();
        if (onDate.isEmpty()) {
            throw new NotFoundException(Text.of("substitute.error.noOpenShiftOn", String.valueOf(absenceId), date));
        }
        OpenShift s = onDate.stream().filter(x -> x.status() == OpenShift.Status.OPEN).findFirst().orElse(onDate.getFirst());
        return assign(s.id(), employeeNumber, locale);
    }

    /**
     * Puts the operator on an open shift: checked again with the rules under the roster's and the shift's locks, then
     * written into the published roster (with the breaks the shift had), the shift FILLED and {@link ShiftsChanged}
     * (ASSIGNED) published, all in one transaction.
     *
     * @throws ConflictException when the shift is no longer open or its roster no longer published
     * @throws RuleViolationsException when the operator may not take it (not planned, not qualified, working that
     *         day, absent) or a hard rule would break
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional
    public OpenShiftView assign(long openShiftId, String employeeNumber, Locale locale) {
        if (employeeNumber == null || employeeNumber.isBlank()) {
            throw ValidationFailedException.of("employeeNumber", Text.of("substitute.error.employeeMissing"));
        }
        OpenShift found = openShifts.find(openShiftId).orElseThrow(() -> new NotFoundException("OpenShift", openShiftId));
        // the roster first, then the shift (as the listeners lock them)
        Roster r = store.lock(found.rosterId()).orElseThrow(() -> new NotFoundException("Roster", found.rosterId()));
        OpenShift s = openShifts.lock(openShiftId).orElseThrow();
        if (s.status() != OpenShift.Status.OPEN) {
            throw new ConflictException(Text.of("substitute.error.notOpen", s.date(),
                    Text.of("substitute.status." + s.status().name().toLowerCase(Locale.ROOT))));
        }
        if (!governing(r, s)) {
            throw new ConflictException(Text.of("substitute.error.notPublished", String.valueOf(r.id())));
        }
        List<Operator> all = operators.list();
        Operator o = all.stream().filter(x -> x.getEmployeeNumber().equals(employeeNumber.trim())).findFirst()
                .orElseThrow(() -> new NotFoundException("Operator", employeeNumber));
        if (r.state() != RosterState.PUBLISHED && !openShifts.governs(r.id(), o.getId(), s.date())) {
            // the substitute's day belongs to a newer roster: a shift written here would not be theirs to see
            throw new ConflictException(Text.of("substitute.error.notPublished", String.valueOf(r.id())));
        }
        SubstituteEvaluator.Context c = evaluator.context(r, all);
        String why = evaluator.ineligible(c, s, o.getId(), evaluator.absentDuring(c, s));
        if (why != null) {
            throw new RuleViolationsException(List.of(new RuleViolation("substitute",
                    translations.getTranslation(why, locale, o.getEmployeeNumber(), texts.date(s.date(), locale)))));
        }
        SubstituteEvaluator.Evaluation e = evaluator.evaluate(c, s, o.getId());
        if (e.breaksHardRule()) {
            List<RuleViolation> violations = e.newHard().stream()
                    .map(b -> new RuleViolation(b.rule(), texts.render(b, locale).text())).toList();
            throw new RuleViolationsException(violations.isEmpty() ? List.of(new RuleViolation("substitute",
                    translations.getTranslation("substitute.refused.hard", locale, e.change().toString()))) : violations);
        }
        StoredShift shift = s.asShiftOf(o.getId());
        openShifts.insertAssignment(r.id(), shift);
        openShifts.fill(s.id(), o.getId(), user.name(), clock.instant());
        // a draft over that day no longer starts from the schedule as it stands
        openShifts.draftsChanged(o.getId(), o.getTeamId(), s.date().minusDays(1), s.date().plusDays(1), clock.instant());
        ShiftsChanged.ChangedDay day = AbsenceShifts.changed(o.getId(), shift, ShiftsChanged.Change.ASSIGNED, r,
                rosters.queueCodes());
        events.publishEvent(new ShiftsChanged(r.id(), s.absenceId(), List.of(day)));
        Operator absent = all.stream().filter(x -> x.getId().equals(s.absentOperatorId())).findFirst().orElse(null);
        audit.record(AuditKind.SHIFT_SUBSTITUTED, "openShift", s.id(), Map.of("status", s.status().name()),
                Map.of("status", OpenShift.Status.FILLED.name(), "employeeNumber", o.getEmployeeNumber()),
                AuditTrail.facts("rosterId", r.id(), "absenceId", s.absenceId(), "date", s.date(), "start", day.start(),
                        "end", day.end(), "queue", day.queueCode(), "template", s.templateCode(), "employeeNumber",
                        o.getEmployeeNumber(), "operatorName", o.fullName(), "absentEmployeeNumber",
                        absent == null ? null : absent.getEmployeeNumber(), "absentName",
                        absent == null ? null : absent.fullName()));
        return views(List.of(openShifts.find(s.id()).orElseThrow())).getFirst();
    }

    // --- adding -----------------------------------------------------------------------------------------------

    /**
     * Adds an open shift to a published roster: extra work nobody is planned for yet (a planner's choice), offered
     * like the shifts absences open (substitutes, or operators picking it up on the swap board). The shift is an
     * option the roster's problem has (an active template with that start on that date); without breaks placed.
     *
     * @param start the site's local start (may be null for a template with one start)
     * @param queue the queue's code (null: none)
     * @throws ValidationFailedException for a date outside the period or in the past, an unknown template, start or
     *         queue
     * @throws ConflictException when the roster is not published
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional
    public OpenShiftView addOpenShift(long rosterId, LocalDate date, String template, LocalTime start, String queue) {
        Roster r = store.lock(rosterId).orElseThrow(() -> new NotFoundException("Roster", rosterId));
        if (r.state() != RosterState.PUBLISHED) {
            throw new ConflictException(Text.of("substitute.error.addNotPublished", String.valueOf(rosterId)));
        }
        if (date == null || !r.contains(date) || date.isBefore(rosters.firstOpenDate(r.zone()))) {
            throw ValidationFailedException.of("date", Text.of("substitute.error.addDate", r.startDate(), r.endDate()));
        }
        if (template == null || template.isBlank()) {
            throw ValidationFailedException.of("shiftTemplate", Text.of("substitute.error.addTemplate", ""));
        }
        Long queueId = null;
        if (queue != null && !queue.isBlank()) {
            queueId = rosters.queueCodes().entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(queue.trim()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> ValidationFailedException.of("queue",
                            Text.of("substitute.error.addQueue", queue.trim())));
        }
        String code = template.trim();
        List<org.switchboard.rostering.solver.ShiftOption> options = rosters.problem(r, operators.list())
                .getShiftOptions().stream().filter(o -> o.date().equals(date) && o.templateCode().equalsIgnoreCase(code))
                .toList();
        if (options.isEmpty()) {
            throw ValidationFailedException.of("shiftTemplate", Text.of("substitute.error.addTemplate", code));
        }
        var option = start == null ? (options.size() == 1 ? options.getFirst() : null)
                : options.stream().filter(o -> o.localStart().equals(start)).findFirst().orElse(null);
        if (option == null && start == null) {
            // the template starts at more than one time that day: say which there are (it said "does not start at  ")
            throw ValidationFailedException.of("start", Text.of("substitute.error.addStartMissing", code,
                    options.stream().map(o -> o.localStart().toString()).distinct().sorted()
                            .collect(java.util.stream.Collectors.joining(", "))));
        }
        if (option == null) {
            throw ValidationFailedException.of("start", Text.of("substitute.error.addStart", code, String.valueOf(start)));
        }
        StoredShift shift = new StoredShift(-1, date, option.templateCode(), option.start(), option.end(),
                option.paidMinutes(), queueId, List.of());
        long id = openShifts.add(r.id(), shift, user.name(), clock.instant());
        Map<String, Object> added = RosterAudit.day(shift, r.zone(), rosters.queueCodes());
        audit.record(AuditKind.OPEN_SHIFT_ADDED, "openShift", id, null, added, AuditTrail.facts("rosterId", r.id(),
                "date", date, "template", added.get("template"), "start", added.get("start"), "end", added.get("end"),
                "queue", added.get("queue")));
        return views(List.of(openShifts.find(id).orElseThrow())).getFirst();
    }

    /**
     * Whether the open shift's roster still governs the absent operator's day (published, or superseded there); for
     * a shift a planner added, whether it is published.
     */
    private boolean governing(Roster r, OpenShift s) {
        return r.state() == RosterState.PUBLISHED || (r.state() == RosterState.SUPERSEDED && !s.added()
                && openShifts.governs(r.id(), s.absentOperatorId(), s.date()));
    }

    // --- replanning --------------------------------------------------------------------------------------------

    /**
     * A draft made from a published roster to replan the days with open shifts: the same period, teams, queues and
     * weights; only the dates with still-open shifts may change, their published values penalised when changed (the
     * "changes to the published roster" rule); every other day stays as published. The planner solves it and sees
     * the differences in the publish preview.
     *
     * @return the new draft
     * @throws ConflictException when the roster is not published or has no open shift from tomorrow on
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional
    public Roster replanOpenDays(long rosterId) {
        Roster r = rosters.get(rosterId);
        if (r.state() != RosterState.PUBLISHED) {
            throw new ConflictException(Text.of("substitute.error.replanNotPublished", String.valueOf(rosterId)));
        }
        LocalDate firstOpen = rosters.firstOpenDate(r.zone());
        Set<LocalDate> dates = new java.util.TreeSet<>();
        openShifts.ofRoster(rosterId, List.of(OpenShift.Status.OPEN)).stream().map(OpenShift::date)
                .filter(d -> !d.isBefore(firstOpen)).forEach(dates::add);
        if (dates.isEmpty()) {
            throw new ConflictException(Text.of("substitute.error.nothingToReplan", String.valueOf(rosterId)));
        }
        Roster draft = rosters.create(new NewRoster(r.startDate(), r.days(), r.teamIds(), r.queueIds(),
                r.zone().getId(), false, r.weights()));
        openShifts.saveReplanDates(draft.id(), dates);
        return rosters.get(draft.id());
    }

    /** The dates a replanning draft may change (empty for any other roster). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public Set<LocalDate> replanDates(long rosterId) {
        return store.replanDates(rosterId);
    }

    // --- views -------------------------------------------------------------------------------------------------

    private Candidate candidate(SubstituteEvaluator.Evaluation e, Locale locale) {
        var change = e.change();
        List<SubstituteReason> reasons = e.reasons().stream().map(x -> x.withText(render(x, locale))).toList();
        return new Candidate(e.operator().getEmployeeNumber(), e.operator().fullName(), change.toString(),
                change.hardScore(), change.mediumScore(), change.softScore(), reasons, e.overtimeMinutes());
    }

    /** A reason's sentence: rule titles and levels first, then the typed figures as {@link RuleTexts} writes them. */
    String render(SubstituteReason reason, Locale locale) {
        List<String> args = new ArrayList<>();
        for (String a : reason.args()) {
            if (a.startsWith("rule:")) {
                args.add(texts.title(a.substring(5), locale));
            } else if (a.startsWith("level:")) {
                args.add(translations.getTranslation("substitute.level." + a.substring(6), locale));
            } else if (a.matches("-?\\d+") && reason.key().equals("substitute.reason.rule")) {
                long n = Long.parseLong(a);
                args.add(n > 0 ? "+" + n : n < 0 ? "−" + (-n) : "0");
            } else {
                args.add(a);
            }
        }
        return texts.sentence(reason.key(), args, locale);
    }

    private List<OpenShiftView> views(List<OpenShift> shifts) {
        if (shifts.isEmpty()) {
            return List.of();
        }
        Map<Long, Operator> byId = numbers();
        Map<Long, String> codes = codes();
        Map<Long, Roster> rosterById = new HashMap<>();
        List<OpenShiftView> out = new ArrayList<>();
        for (OpenShift s : shifts) {
            Roster r = rosterById.computeIfAbsent(s.rosterId(), id -> store.find(id).orElseThrow());
            Operator absent = s.added() ? null : byId.get(s.absentOperatorId());
            Operator sub = s.substituteOperatorId() == null ? null : byId.get(s.substituteOperatorId());
            out.add(new OpenShiftView(s.id(), s.rosterId(), s.date(), s.start().atZone(r.zone()).toLocalTime(),
                    s.end().atZone(r.zone()).toLocalTime(), s.start(), s.end(), s.templateCode(),
                    s.queueId() == null ? null : codes.get(s.queueId()), s.absenceId(), s.absenceType(),
                    s.added() ? null : absent == null ? String.valueOf(s.absentOperatorId()) : absent.getEmployeeNumber(),
                    absent == null ? "" : absent.fullName(), s.status(), s.absenceCancelled(),
                    sub == null ? null : sub.getEmployeeNumber(), sub == null ? null : sub.fullName(), s.filledAt(),
                    s.filledBy()));
        }
        out.sort(Comparator.comparing(OpenShiftView::startsAt).thenComparingLong(OpenShiftView::id));
        return out;
    }

    private ShiftCandidates shiftCandidates(OpenShift s, List<Candidate> list, Map<Long, String> codes,
            Map<Long, Operator> byId) {
        Roster r = store.find(s.rosterId()).orElseThrow();
        Operator absent = s.added() ? null : byId.get(s.absentOperatorId());
        return new ShiftCandidates(s.id(), s.date(), s.start().atZone(r.zone()).toLocalTime(),
                s.end().atZone(r.zone()).toLocalTime(), s.queueId() == null ? null : codes.get(s.queueId()),
                s.templateCode(), s.added() ? null
                        : absent == null ? String.valueOf(s.absentOperatorId()) : absent.getEmployeeNumber(), list);
    }

    private Map<Long, String> codes() {
        return rosters.queueCodes();
    }

    private Map<Long, Operator> numbers() {
        return numbers(operators.list());
    }

    private static Map<Long, Operator> numbers(List<Operator> all) {
        Map<Long, Operator> out = new HashMap<>();
        all.forEach(o -> out.put(o.getId(), o));
        return out;
    }
}
