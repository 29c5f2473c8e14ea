package org.switchboard.rostering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.base.ui.Translations;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.ShiftOption;
import org.switchboard.rostering.solver.SolverOperator;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.CurrentUser;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.RuleViolation;
import org.switchboard.shared.RuleViolationsException;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * A planner's manual edits of a draft roster, checked with the solver's own rules: the roster's problem is built as
 * for a solve ({@link RosterProblemBuilder}, with the draft, the pinned days and the published schedule), cut down to
 * the edited operator (every hard rule is a rule of one operator), and scored by OptaPlanner's
 * {@link SolutionManager} through the constraint streams before and after the edit. No rule is written a second time.
 *
 * <p>The violations of an edit are the hard breaches {@link ChangeBreaches} finds for the edited day: those the edit
 * introduces or keeps on that day, or new ones of a rule whose penalty grows with it.
 *
 * <p>An edit that is stored is pinned (the solver keeps it; a pinned day off has no assignment), its breaks are placed
 * by the {@code BreakPlanner}, and the roster's score, totals, covered share and explanation are stored anew.
 */
@Service
public class RosterEdits {

    private final RosterStore store;
    private final RosterService rosters;
    private final RosterSolveJobs jobs;
    private final OperatorService operators;
    private final ShiftTemplateService templates;
    private final QueueService queues;
    private final SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager;
    private final RuleTexts texts;
    private final Translations translations;
    private final CurrentUser user;
    private final AuditTrail audit;
    private final Clock clock;

    RosterEdits(RosterStore store, RosterService rosters, RosterSolveJobs jobs, OperatorService operators,
            ShiftTemplateService templates, QueueService queues,
            SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager, RuleTexts texts,
            Translations translations, CurrentUser user, AuditTrail audit, Optional<Clock> clock) {
        this.clock = clock.orElse(Clock.systemUTC());
        this.audit = audit;
        this.store = store;
        this.rosters = rosters;
        this.jobs = jobs;
        this.operators = operators;
        this.templates = templates;
        this.queues = queues;
        this.solutionManager = solutionManager;
        this.texts = texts;
        this.translations = translations;
        this.user = user;
    }

    /**
     * A dry run: the hard rules the edit would break for that operator (see the class comment), in {@code locale}.
     * Nothing is stored.
     *
     * @throws ValidationFailedException for an unknown template or queue, a start the template does not offer, a date
     *         outside the period or in the past
     * @throws ConflictException when the roster is not a draft or is being solved
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public List<RuleViolation> check(long rosterId, String employeeNumber, LocalDate date, DayEdit edit, Locale locale) {
        return prepare(rosterId, employeeNumber, date, edit, locale).violations;
    }

    /**
     * Stores an edit, pinned, unless it breaks hard rules and is not forced; then recomputes and stores the roster's
     * score, totals, covered share and explanation.
     *
     * @return the day as stored (with its breaks placed), or null for a day off
     * @throws RuleViolationsException when hard rules break and {@code force} is false (nothing is stored)
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional
    public StoredShift edit(long rosterId, String employeeNumber, LocalDate date, DayEdit edit, boolean force,
            Locale locale) {
        // the row lock first: the check and the write see the same draft (two edits of one operator at once, or a solve
        // ending in between, cannot together store a broken rule that neither check saw)
        Roster r = store.lock(rosterId).orElseThrow(() -> new NotFoundException("Roster", rosterId));
        requireEditable(r, locale);
        Prepared p = prepare(rosterId, employeeNumber, date, edit, locale);
        if (!p.violations.isEmpty() && !force) {
            throw new RuleViolationsException(p.violations);
        }
        StoredShift shift = p.option == null ? null : new StoredShift(p.operator.getId(), date,
                p.option.templateCode(), p.option.start(), p.option.end(), p.option.paidMinutes(), p.queueId, List.of());
        StoredShift was = store.assignment(rosterId, p.operator.getId(), date).orElse(null);
        store.storeEdit(rosterId, p.operator.getId(), date, shift, user.name(), clock.instant());
        rescore(r, p.all);
        StoredShift now = store.assignment(rosterId, p.operator.getId(), date).orElse(null);
        Map<Long, String> codes = rosters.queueCodes();
        audit.record(AuditKind.ROSTER_EDITED, "roster", rosterId, RosterAudit.day(was, r.zone(), codes),
                RosterAudit.day(now, r.zone(), codes), AuditTrail.facts("employeeNumber",
                        p.operator.getEmployeeNumber(), "operatorName", p.operator.fullName(), "date", date,
                        "forced", !p.violations.isEmpty(), "rules", p.violations.isEmpty() ? null
                                : p.violations.stream().map(RuleViolation::rule).distinct().toList()));
        return now;
    }

    /** Unpins a day: it stays as it is, and the next solve may change it. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional
    public void unpin(long rosterId, String employeeNumber, LocalDate date, Locale locale) {
        Roster r = store.lock(rosterId).orElseThrow(() -> new NotFoundException("Roster", rosterId));
        requireEditable(r, locale);
        Operator o = operator(employeeNumber, operators.list());
        if (!store.unpin(rosterId, o.getId(), date)) {
            throw new NotFoundException(Text.of("error.roster.pinnedMissing", date, employeeNumber));
        }
    }

    /** The pinned days of a roster, by operator and date. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<PinnedDay> pins(long rosterId) {
        store.find(rosterId).orElseThrow(() -> new NotFoundException("Roster", rosterId));
        Map<Long, String> numbers = new HashMap<>();
        operators.list().forEach(o -> numbers.put(o.getId(), o.getEmployeeNumber()));
        List<PinnedDay> out = new ArrayList<>();
        for (Object[] row : store.pinnedDays(rosterId)) {
            long op = (Long) row[0];
            out.add(new PinnedDay(op, numbers.getOrDefault(op, String.valueOf(op)), (LocalDate) row[1], (Boolean) row[2]));
        }
        return out;
    }

    // --- checking ------------------------------------------------------------------------------------------------

    /** An edit validated and checked: the operator, the shift option (null: a day off), the queue, the violations. */
    private record Prepared(Operator operator, ShiftOption option, Long queueId, List<RuleViolation> violations,
            List<Operator> all) {
    }

    private Prepared prepare(long rosterId, String employeeNumber, LocalDate date, DayEdit edit, Locale locale) {
        Roster r = store.find(rosterId).orElseThrow(() -> new NotFoundException("Roster", rosterId));
        requireEditable(r, locale);
        if (date == null || !r.contains(date)) {
            throw ValidationFailedException.of("date", t("roster.edit.outsidePeriod", locale,
                    texts.date(r.startDate(), locale), texts.date(r.endDate(), locale),
                    date == null ? "?" : texts.date(date, locale)));
        }
        if (date.isBefore(rosters.firstOpenDate(r.zone()))) {
            throw ValidationFailedException.of("date", t("roster.edit.pastDay", locale, texts.date(date, locale)));
        }
        List<Operator> all = operators.list();
        Operator o = operator(employeeNumber, all);
        if (edit == null || (!edit.dayOff() && (edit.shiftTemplate() == null || edit.shiftTemplate().isBlank()))) {
            throw ValidationFailedException.of("shiftTemplate", t("roster.edit.templateMissing", locale));
        }
        ShiftTemplate template = null;
        LocalTime start = null;
        Long queueId = null;
        if (!edit.dayOff()) {
            String code = edit.shiftTemplate().trim();
            template = templates.list().stream().filter(ShiftTemplate::isActive)
                    .filter(x -> x.getCode().equalsIgnoreCase(code)).findFirst()
                    .orElseThrow(() -> ValidationFailedException.of("shiftTemplate",
                            t("roster.edit.unknownTemplate", locale, code)));
            List<LocalTime> starts = template.startTimes();
            start = edit.start() != null ? edit.start() : starts.size() == 1 ? starts.get(0) : null;
            if (start == null) {
                throw ValidationFailedException.of("start", t("roster.edit.startMissing", locale));
            }
            if (!starts.contains(start)) {
                String offered = starts.size() == 1 ? starts.get(0).toString()
                        : starts.get(0) + "–" + starts.get(starts.size() - 1);
                throw ValidationFailedException.of("start", t("roster.edit.startOutside", locale, template.getCode(),
                        offered, start.toString()));
            }
            if (edit.queue() != null && !edit.queue().isBlank()) {
                String q = edit.queue().trim();
                queueId = queues.list().stream().filter(x -> x.getCode().equalsIgnoreCase(q)
                                || String.valueOf(x.getId()).equals(q)).map(Queue::getId).findFirst()
                        .orElseThrow(() -> ValidationFailedException.of("queue", t("roster.edit.unknownQueue", locale, q)));
            }
        }
        RosterSolution problem = rosters.problem(r, all);
        SolverOperator so = problem.getOperators().stream().filter(x -> x.id() == o.getId()).findFirst()
                .orElseThrow(() -> ValidationFailedException.of("employeeNumber",
                        t("roster.edit.unknownOperator", locale, employeeNumber, String.valueOf(r.id()))));
        List<OperatorDay> days = problem.getDays().stream().filter(d -> d.operatorId() == o.getId()).toList();
        OperatorDay day = days.stream().filter(d -> d.isInPeriod() && d.getDate().equals(date)).findFirst().orElseThrow();
        ShiftOption option = null;
        if (template != null) {
            String code = template.getCode();
            LocalTime at = start;
            option = problem.getShiftOptions().stream().filter(s -> s.date().equals(date)
                    && s.templateCode().equals(code) && s.localStart().equals(at)).findFirst()
                    .orElseThrow(() -> ValidationFailedException.of("shiftTemplate",
                            t("roster.edit.unknownTemplate", locale, code)));
            if (queueId == null) {
                queueId = day.getQueueRange().isEmpty() ? null : day.getQueueRange().get(0);
            }
        }
        // only the operator: every hard rule is one operator's, and coverage is not a hard rule
        RosterSolution mine = new RosterSolution(List.of(so), problem.getShiftOptions(), List.of(),
                problem.getUnavailabilities(), problem.getPreferences(), problem.getWeights(), days);
        List<RuleBreach> before = ChangeBreaches.hard(solutionManager, mine, r);
        day.setPinned(false);
        day.setShift(option);
        day.setQueue(option == null ? null : queueId);
        List<RuleBreach> after = ChangeBreaches.hard(solutionManager, mine, r);
        List<RuleViolation> violations = ChangeBreaches.introduced(before, after, Set.of(date)).stream()
                .map(b -> new RuleViolation(b.rule(), texts.render(b, locale).text())).toList();
        return new Prepared(o, option, queueId, List.copyOf(violations), all);
    }

    /** Stores the roster's assignments (breaks placed), score, totals and explanation from the draft and its pins. */
    private void rescore(Roster r, List<Operator> all) {
        RosterSolution problem = rosters.problem(r, all);
        jobs.saveUnsolved(r, problem, RosterService.names(all), rosters.queueCodes());
    }

    private void requireEditable(Roster r, Locale locale) {
        if (r.state() != RosterState.DRAFT) {
            throw new ConflictException(t("roster.edit.notDraft", locale, String.valueOf(r.id()),
                    t("error.roster.state." + r.state().name().toLowerCase(Locale.ROOT), locale)));
        }
        if (jobs.isSolving(r.id())) {
            throw new ConflictException(t("roster.edit.solving", locale, String.valueOf(r.id())));
        }
    }

    private static Operator operator(String employeeNumber, List<Operator> all) {
        return all.stream().filter(o -> o.getEmployeeNumber().equals(employeeNumber)).findFirst()
                .orElseThrow(() -> new NotFoundException("Operator", employeeNumber));
    }

    private String t(String key, Locale locale, Object... args) {
        return translations.getTranslation(key, locale, args);
    }
}
