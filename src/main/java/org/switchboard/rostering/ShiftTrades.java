package org.switchboard.rostering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.base.ui.Translations;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.SolverOperator;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.RuleViolation;
import org.switchboard.shared.RuleViolationsException;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.shared.Text;

/**
 * Shift trades in the published schedule, for module swaps: which shift an operator works on a date, whether moving
 * shifts between operators breaks a rule, and moving them. A trade is a list of {@link Move}s; each moves one whole
 * shift (template, times, queue and breaks) to another operator: a direct swap is two moves, a give-away or a one-sided
 * trade one, picking up an open shift one from the open shift.
 *
 * <p>Rules once: every affected operator's roster is built as for a solve ({@link RosterProblemBuilder}, from the
 * governing published roster), cut down to that operator (every hard rule is one operator's) and scored by
 * OptaPlanner's {@link SolutionManager} before and after their days change; the violations are what
 * {@link ChangeBreaches} finds, as for a manual edit. Skills, rest, hours per week and period, nights and rest after
 * them, consecutive days, weekends and approved absences are all the constraint streams' rules. What the model cannot
 * even express is refused before: a second shift on a day, a shift that is no longer there, operators or dates the
 * roster does not govern. Picking up an open shift is judged as a substitution is ({@link SubstituteEvaluator}):
 * within the overtime the contract allows, the overtime reported so that a manager decides.
 *
 * <p>No role check: module swaps decides who may trade what. Reads as the system (an operator may not read the
 * master data the rules need).
 */
@Service
public class ShiftTrades {

    static final String ONE_SHIFT_A_DAY = "One shift a day";
    static final String SHIFT_TO_TRADE = "Shift to trade";
    static final String ONE_ROSTER = "One published roster";

    private final RosterStore store;
    private final OpenShiftStore openShifts;
    private final RosterService rosters;
    private final SubstituteEvaluator evaluator;
    private final OperatorService operators;
    private final SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager;
    private final TradeCoverage coverage;
    private final RuleTexts texts;
    private final Translations translations;
    private final Clock clock;

    ShiftTrades(RosterStore store, OpenShiftStore openShifts, RosterService rosters, SubstituteEvaluator evaluator,
            OperatorService operators, SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager,
            TradeCoverage coverage, RuleTexts texts, Translations translations, Optional<Clock> clock) {
        this.store = store;
        this.openShifts = openShifts;
        this.rosters = rosters;
        this.evaluator = evaluator;
        this.operators = operators;
        this.solutionManager = solutionManager;
        this.coverage = coverage;
        this.texts = texts;
        this.translations = translations;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * One shift changing hands: the shift {@code fromOperatorId} works on {@code date} (or, with {@code openShiftId},
     * that open shift, dated {@code date}) goes to {@code toOperatorId}. Without {@code toOperatorId} the shift is only
     * given up: a give-away is checked that way for its giver before anyone takes it.
     */
    public record Move(Long fromOperatorId, LocalDate date, Long toOperatorId, Long openShiftId) {

        /** The giver's side of a give-away: the shift given up, nobody taking it yet. */
        public static Move givenUp(long fromOperatorId, LocalDate date) {
            return new Move(fromOperatorId, date, null, null);
        }


        public static Move shift(long fromOperatorId, LocalDate date, long toOperatorId) {
            return new Move(fromOperatorId, date, toOperatorId, null);
        }

        public static Move openShift(long openShiftId, LocalDate date, long toOperatorId) {
            return new Move(null, date, toOperatorId, openShiftId);
        }
    }

    /**
     * A trade checked.
     *
     * @param violations the rules it breaks, in the reader's words (empty: none)
     * @param overtimeMinutes paid minutes beyond a contract's maximum an open shift brings its taker to (within the
     *        contract's overtime allowance); 0 without overtime
     * @param serviceLevelBefore the call-weighted projected service level of the intervals the moved shifts touch,
     *        before the trade (null: no inbound interval with calls)
     * @param serviceLevelAfter the same after the trade
     */
    public record Check(List<RuleViolation> violations, int overtimeMinutes, Double serviceLevelBefore,
            Double serviceLevelAfter) {

        public Check {
            violations = List.copyOf(violations);
        }

        public boolean ok() {
            return violations.isEmpty();
        }

        /** Whether the service level falls with the trade and ends below the threshold (a share, 0.8 for 80 %). */
        public boolean serviceLevelFallsBelow(double threshold) {
            return serviceLevelBefore != null && serviceLevelAfter != null
                    && serviceLevelAfter < serviceLevelBefore - 1e-9 && serviceLevelAfter < threshold;
        }
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** The operator's published shift on the date (of the roster governing that day), if they work then. */
    @Transactional(readOnly = true)
    public Optional<TradeShift> publishedShift(long operatorId, LocalDate date) {
        return SystemAuthentication.callAsSystem(() -> openShifts.governing(operatorId, date).flatMap(id -> {
            Roster r = store.find(id).orElseThrow();
            return store.assignment(id, operatorId, date).map(s -> TradeShift.of(r, s, operatorId, null, code(s)));
        }));
    }

    /** The open shift if it is still open (and its roster still governs it: see {@link OpenShiftStore#current}). */
    @Transactional(readOnly = true)
    public Optional<TradeShift> openShift(long openShiftId) {
        return SystemAuthentication.callAsSystem(() -> openShifts.find(openShiftId)
                .filter(s -> s.status() == OpenShift.Status.OPEN)
                .filter(openShifts::current)
                .map(s -> TradeShift.of(store.find(s.rosterId()).orElseThrow(), s.asShiftOf(-1), null, s.id(),
                        code(s.asShiftOf(-1)))));
    }

    /**
     * The open shifts from {@code from} on that are still open and whose roster still governs the absent operator's
     * day (those a planner may offer to pick up), by date and start.
     */
    @Transactional(readOnly = true)
    public List<TradeShift> stillOpen(LocalDate from) {
        return SystemAuthentication.callAsSystem(() -> {
            Map<Long, String> codes = rosters.queueCodes();
            Map<Long, Roster> byId = new HashMap<>();
            return openShifts.stillOpen(from).stream().map(s -> TradeShift.of(
                    byId.computeIfAbsent(s.rosterId(), id -> store.find(id).orElseThrow()), s.asShiftOf(-1), null,
                    s.id(), s.queueId() == null ? null : codes.get(s.queueId()))).toList();
        });
    }

    /** The operator's published shifts with a date in [from, to], by date. */
    @Transactional(readOnly = true)
    public List<TradeShift> publishedShifts(long operatorId, LocalDate from, LocalDate to) {
        List<TradeShift> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            publishedShift(operatorId, d).ifPresent(out::add);
        }
        return out;
    }

    /** Whether the roster governs the operator's schedule on the date (they may hold a shift of it then). */
    @Transactional(readOnly = true)
    public boolean governs(long rosterId, long operatorId, LocalDate date) {
        return openShifts.governs(rosterId, operatorId, date);
    }

    // --- checking ----------------------------------------------------------------------------------------------

    /** Checks a trade with the roster's rules (see the class comment); nothing is stored. */
    @Transactional(readOnly = true)
    public Check check(List<Move> moves, Locale locale) {
        return SystemAuthentication.callAsSystem(() -> checkAsSystem(moves, locale));
    }

    /**
     * Checks several trades at once with the rules only (the offers one operator may take): the operators and each
     * roster's problem are read once for all of them, and the service level is left out (null). One {@link Check} per
     * trade, in order.
     */
    @Transactional(readOnly = true)
    public List<Check> checkEach(List<List<Move>> tradesToCheck, Locale locale) {
        return SystemAuthentication.callAsSystem(() -> {
            Facts facts = new Facts(operators.list());
            return tradesToCheck.stream().map(moves -> check(moves, locale, facts, false)).toList();
        });
    }

    /** What checks share: the operators, and each roster's problem as built once. */
    private final class Facts {
        final List<Operator> all;
        final Map<Long, Operator> byId = new HashMap<>();
        final Map<Long, SubstituteEvaluator.Context> contexts = new HashMap<>();

        Facts(List<Operator> all) {
            this.all = all;
            all.forEach(o -> byId.put(o.getId(), o));
        }

        SubstituteEvaluator.Context context(Roster r) {
            return contexts.computeIfAbsent(r.id(), id -> evaluator.context(r, all));
        }
    }

    private Check checkAsSystem(List<Move> moves, Locale locale) {
        return check(moves, locale, new Facts(operators.list()), true);
    }

    private Check check(List<Move> moves, Locale locale, Facts facts, boolean withServiceLevel) {
        Map<Long, Operator> byId = facts.byId;
        Resolved res = resolve(moves, byId, locale);
        if (!res.violations.isEmpty()) {
            return new Check(res.violations, 0, null, null);
        }
        Roster r = res.roster;
        SubstituteEvaluator.Context c = facts.context(r);
        List<RuleViolation> violations = new ArrayList<>();
        int overtime = 0;
        // each affected operator: their days after the trade (null: day off), then the rules on their own roster
        Map<Long, Map<LocalDate, StoredShift>> changes = new LinkedHashMap<>();
        Set<Long> pickingUp = new java.util.HashSet<>();
        for (int i = 0; i < moves.size(); i++) {
            Move m = moves.get(i);
            StoredShift s = res.shifts.get(i);
            if (m.fromOperatorId() != null) {
                changes.computeIfAbsent(m.fromOperatorId(), k -> new HashMap<>()).putIfAbsent(m.date(), null);
            } else {
                pickingUp.add(m.toOperatorId());
            }
            if (m.toOperatorId() != null) {
                changes.computeIfAbsent(m.toOperatorId(), k -> new HashMap<>()).put(m.date(), s);
            }
        }
        for (var e : changes.entrySet()) {
            long operatorId = e.getKey();
            Operator o = byId.get(operatorId);
            if (!c.days().containsKey(operatorId) || c.problem().getOperators().stream().noneMatch(x -> x.id() == operatorId)) {
                violations.add(violation(ONE_ROSTER, "trade.refused.notPlanned", locale, number(o, operatorId),
                        String.valueOf(r.id())));
                continue;
            }
            boolean overtimeAllowed = pickingUp.contains(operatorId);
            SolverOperator contracted = c.contracted(operatorId);
            SolverOperator so = overtimeAllowed ? c.withAllowance(operatorId) : contracted;
            List<OperatorDay> days = new ArrayList<>();
            for (OperatorDay d : c.days().get(operatorId)) {
                days.add(d.forOperator(so));
            }
            RosterSolution mine = new RosterSolution(List.of(so), c.problem().getShiftOptions(), List.of(),
                    c.problem().getUnavailabilities(), c.problem().getPreferences(), c.problem().getWeights(), days);
            List<RuleBreach> before = ChangeBreaches.hard(solutionManager, mine, r);
            OperatorDay lastTaken = null;
            for (var change : e.getValue().entrySet()) {
                OperatorDay day = days.stream().filter(d -> d.isInPeriod() && d.getDate().equals(change.getKey()))
                        .findFirst().orElse(null);
                if (day == null) {
                    violations.add(violation(ONE_ROSTER, "trade.refused.notPlanned", locale, number(o, operatorId),
                            String.valueOf(r.id())));
                    continue;
                }
                StoredShift s = change.getValue();
                day.setPinned(false);
                day.setShift(s == null ? null : evaluator.option(c, s, day));
                day.setQueue(s == null ? null : s.queueId());
                if (s != null) {
                    lastTaken = day;
                }
            }
            List<RuleBreach> after = ChangeBreaches.hard(solutionManager, mine, r);
            for (RuleBreach b : ChangeBreaches.introduced(before, after, e.getValue().keySet())) {
                violations.add(new RuleViolation(b.rule(), number(o, operatorId) + ": " + texts.render(b, locale).text()));
            }
            if (overtimeAllowed && lastTaken != null) {
                SubstituteEvaluator.Hours hours = SubstituteEvaluator.Hours.of(days, lastTaken);
                overtime = Math.max(overtime, Math.max(0, Math.max(hours.week() - contracted.maxMinutesPerWeek(),
                        hours.period() - contracted.maxMinutesPerPeriod())));
            }
        }
        if (!withServiceLevel) {
            return new Check(violations, overtime, null, null);
        }
        TradeCoverage.Effect effect = coverage.effect(r, res.removed(moves), res.added(moves));
        return new Check(violations, overtime, effect.before(), effect.after());
    }

    /** The shifts the moves take (in their order), the one roster they belong to, and what is refused outright. */
    private static final class Resolved {
        Roster roster;
        final List<StoredShift> shifts = new ArrayList<>();
        final List<RuleViolation> violations = new ArrayList<>();

        List<StoredShift> removed(List<Move> moves) {
            return shifts.stream().filter(s -> s.operatorId() >= 0).toList();
        }

        List<StoredShift> added(List<Move> moves) {
            List<StoredShift> out = new ArrayList<>();
            for (int i = 0; i < moves.size(); i++) {
                StoredShift s = shifts.get(i);
                if (moves.get(i).toOperatorId() == null) {
                    continue;
                }
                out.add(new StoredShift(moves.get(i).toOperatorId(), s.date(), s.templateCode(), s.start(), s.end(),
                        s.paidMinutes(), s.queueId(), s.breaks()));
            }
            return out;
        }
    }

    private Resolved resolve(List<Move> moves, Map<Long, Operator> byId, Locale locale) {
        Resolved res = new Resolved();
        Set<String> given = new LinkedHashSet<>();
        for (Move m : moves) {
            if (m.fromOperatorId() != null) {
                given.add(m.fromOperatorId() + "@" + m.date());
            }
        }
        for (Move m : moves) {
            Long rosterId;
            StoredShift s;
            if (m.openShiftId() != null) {
                OpenShift os = openShifts.find(m.openShiftId()).filter(x -> x.status() == OpenShift.Status.OPEN)
                        .orElse(null);
                if (os == null) {
                    res.violations.add(violation(SHIFT_TO_TRADE, "trade.refused.openShiftGone", locale,
                            texts.date(m.date(), locale)));
                    continue;
                }
                rosterId = os.rosterId();
                // marked as nobody's (-1): it is added, not taken from anyone
                s = os.asShiftOf(-1);
            } else {
                Operator from = byId.get(m.fromOperatorId());
                rosterId = openShifts.governing(m.fromOperatorId(), m.date()).orElse(null);
                s = rosterId == null ? null : store.assignment(rosterId, m.fromOperatorId(), m.date()).orElse(null);
                if (s == null) {
                    res.violations.add(violation(SHIFT_TO_TRADE, "trade.refused.noShift", locale,
                            number(from, m.fromOperatorId()), texts.date(m.date(), locale)));
                    continue;
                }
            }
            Roster r = store.find(rosterId).orElseThrow();
            if (res.roster == null) {
                res.roster = r;
            } else if (res.roster.id() != r.id()) {
                res.violations.add(violation(ONE_ROSTER, "trade.refused.twoRosters", locale));
                continue;
            }
            if (m.toOperatorId() == null) {
                res.shifts.add(s);
                continue;
            }
            Operator to = byId.get(m.toOperatorId());
            if (to == null || !to.isActive() || !openShifts.governs(r.id(), m.toOperatorId(), m.date())) {
                res.violations.add(violation(ONE_ROSTER, "trade.refused.notPlanned", locale,
                        number(to, m.toOperatorId()), String.valueOf(r.id())));
                continue;
            }
            boolean keepsOwn = given.contains(m.toOperatorId() + "@" + m.date());
            if (!keepsOwn && store.assignment(r.id(), m.toOperatorId(), m.date()).isPresent()) {
                res.violations.add(violation(ONE_SHIFT_A_DAY, "trade.refused.working", locale, number(to, m.toOperatorId()),
                        texts.date(m.date(), locale)));
                continue;
            }
            if (m.fromOperatorId() != null && m.fromOperatorId().equals(m.toOperatorId())) {
                res.violations.add(violation(SHIFT_TO_TRADE, "trade.refused.self", locale));
                continue;
            }
            res.shifts.add(s);
        }
        return res;
    }

    // --- applying ----------------------------------------------------------------------------------------------

    /**
     * Applies a trade, all of it or nothing, in the caller's transaction: under the roster's lock (and the open
     * shift's), each shift must still be what the trade offered ({@code expected}, in the order of the moves), the
     * rules are checked again, then every shift is moved (with its breaks), an open shift is marked filled by its
     * taker, and drafts over those days are marked stale. Two trades touching one shift can never both be applied:
     * the second finds the shift changed.
     *
     * @throws ConflictException when a shift changed since the offer (or an open shift was filled); nothing was written
     *         and the caller's transaction is not marked for rollback (the caller records that the trade expired)
     * @throws RuleViolationsException when the trade breaks a rule now
     */
    @Transactional(noRollbackFor = ConflictException.class)
    public Check apply(List<Move> moves, List<TradeShift> expected, String by, Locale locale) {
        return applyIf(moves, expected, by, locale, check -> true).check();
    }

    /**
     * What {@link #applyIf} did: applied, or not because the condition did not hold on the check made under the
     * roster's lock (then nothing was written).
     */
    public record Outcome(boolean applied, Check check) {
    }

    /**
     * As {@link #apply}, but only when the condition holds on the check made under the roster's lock (the automatic
     * approval decides on what is true when the trade is applied, not on an earlier look); otherwise nothing is written.
     *
     * @throws ConflictException when a shift changed since the offer; the caller's transaction stays usable
     * @throws RuleViolationsException when the trade breaks a rule now
     */
    @Transactional(noRollbackFor = ConflictException.class)
    public Outcome applyIf(List<Move> moves, List<TradeShift> expected, String by, Locale locale,
            java.util.function.Predicate<Check> condition) {
        if (moves.isEmpty() || moves.size() != expected.size() || moves.stream().anyMatch(m -> m.toOperatorId() == null)) {
            throw new IllegalArgumentException("Every move of a trade to apply needs its taker and its expected shift");
        }
        return SystemAuthentication.callAsSystem(() -> {
            long rosterId = expected.getFirst().rosterId();
            Roster r = store.lock(rosterId).orElseThrow(() -> new ConflictException(Text.of("trade.error.changed",
                    moves.getFirst().date())));
            for (int i = 0; i < moves.size(); i++) {
                Move m = moves.get(i);
                TradeShift now = m.openShiftId() != null
                        ? openShifts.lock(m.openShiftId()).filter(s -> s.status() == OpenShift.Status.OPEN)
                                .map(s -> TradeShift.of(r, s.asShiftOf(-1), null, s.id(), null)).orElse(null)
                        : openShifts.governing(m.fromOperatorId(), m.date()).flatMap(id -> store.assignment(id,
                                m.fromOperatorId(), m.date()).map(s -> TradeShift.of(store.find(id).orElseThrow(), s,
                                m.fromOperatorId(), null, null))).orElse(null);
                if (now == null || !now.sameWork(expected.get(i))) {
                    throw new ConflictException(Text.of("trade.error.changed", m.date()));
                }
            }
            Check check = checkAsSystem(moves, locale);
            if (!check.ok()) {
                throw new RuleViolationsException(check.violations());
            }
            if (!condition.test(check)) {
                return new Outcome(false, check);
            }
            List<StoredShift> taken = new ArrayList<>();
            for (Move m : moves) {
                if (m.fromOperatorId() != null) {
                    StoredShift s = store.assignment(r.id(), m.fromOperatorId(), m.date()).orElseThrow();
                    openShifts.removeAssignment(r.id(), m.fromOperatorId(), m.date());
                    taken.add(s);
                } else {
                    taken.add(openShifts.find(m.openShiftId()).orElseThrow().asShiftOf(-1));
                }
            }
            Map<Long, Operator> byId = new HashMap<>();
            operators.list().forEach(o -> byId.put(o.getId(), o));
            for (int i = 0; i < moves.size(); i++) {
                Move m = moves.get(i);
                StoredShift s = taken.get(i);
                openShifts.insertAssignment(r.id(), new StoredShift(m.toOperatorId(), s.date(), s.templateCode(),
                        s.start(), s.end(), s.paidMinutes(), s.queueId(), s.breaks()));
                if (m.openShiftId() != null) {
                    openShifts.fill(m.openShiftId(), m.toOperatorId(), by, clock.instant());
                }
                for (Long id : new Long[] {m.fromOperatorId(), m.toOperatorId()}) {
                    if (id != null && byId.containsKey(id)) {
                        openShifts.draftsChanged(id, byId.get(id).getTeamId(), m.date().minusDays(1),
                                m.date().plusDays(1), clock.instant());
                    }
                }
            }
            return new Outcome(true, check);
        });
    }

    // --- words -------------------------------------------------------------------------------------------------

    private RuleViolation violation(String rule, String key, Locale locale, Object... args) {
        return new RuleViolation(rule, translations.getTranslation(key, locale, args));
    }

    private static String number(Operator o, long id) {
        return o == null ? String.valueOf(id) : o.getEmployeeNumber();
    }

    private String code(StoredShift s) {
        return s.queueId() == null ? null : rosters.queueCodes().get(s.queueId());
    }
}
