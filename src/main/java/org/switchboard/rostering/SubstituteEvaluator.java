package org.switchboard.rostering;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.springframework.stereotype.Component;
import org.switchboard.absences.AbsenceCalendar;
import org.switchboard.absences.AbsenceSpan;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorSkill;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.ShiftOption;
import org.switchboard.rostering.solver.SolverOperator;

/**
 * Scores putting an open shift on an operator with the solver's own rules, as {@link RosterEdits} checks an edit: the
 * roster's problem is built once as for a solve ({@link RosterProblemBuilder}, from the published roster), then for
 * each candidate cut down to that operator (every hard rule is one operator's) and scored by OptaPlanner's
 * {@link SolutionManager} before and after the shift is put on the candidate's day. Coverage is left out: every
 * candidate covers the same intervals with the same shift, so it changes no ranking. The reasons are the differences
 * of the constraint matches ({@link RosterExplainer}) and the figures behind them (hours against the contract, nights,
 * weekend). No rule is written a second time.
 *
 * <p>Overtime: absences are covered with the overtime the contract allows on top of its weekly maximum
 * ({@code Contract.maxOvertimeMinutesPerWeek}; rosters themselves are planned within the maximum). The candidate is
 * judged as a copy of their {@link SolverOperator} whose weekly maximum is raised by the allowance and whose period
 * maximum is raised pro rata as the problem builder makes it ({@link RosterProblemBuilder#withOvertime}), with copies
 * of their days pointing at it, so the same "maximum hours" constraints decide: a shift beyond even the allowance
 * breaks a hard rule and is not offered. A shift that takes the week (or the period) past the contract's own maximum
 * says so in a reason with the figures ({@code substitute.reason.overtime}).
 *
 * <p>Ranking: candidates without overtime first, then by score change (hard, medium, soft; higher is better), then by
 * employee number. Overtime comes first because it costs money and eats into a yearly legal limit, which the score does
 * not see (inside the allowance the hours rules do not penalise it at all); a score change is then a matter of the
 * roster's quality (fairness, stable start times, nights and weekends).
 *
 * <p>Callers run it with a role that may read the master data (the system for listeners).
 */
@Component
class SubstituteEvaluator {

    private final RosterService rosters;
    private final SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager;
    private final AbsenceCalendar absences;
    private final ShiftKindRules kinds;
    private final RosterStore store;
    private final ContractService contracts;

    SubstituteEvaluator(RosterStore store, RosterService rosters, SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager,
            AbsenceCalendar absences, ShiftKindRules kinds, ContractService contracts) {
        this.store = store;
        this.contracts = contracts;
        this.rosters = rosters;
        this.solutionManager = solutionManager;
        this.absences = absences;
        this.kinds = kinds;
    }

    /**
     * A roster's problem, built once for all candidates of its open shifts.
     *
     * @param overtime per operator id the overtime minutes per week their contract allows (absent: none)
     */
    record Context(Roster roster, RosterSolution problem, Map<Long, Operator> operators, Set<Long> planned,
            Map<Long, List<OperatorDay>> days, Map<Long, String> queueCodes, Map<Long, Integer> overtime) {

        /** The same problem with other overtime allowances (per operator id, minutes per week). */
        Context withOvertime(Map<Long, Integer> allowances) {
            return new Context(roster, problem, operators, planned, days, queueCodes, Map.copyOf(allowances));
        }

        /** The operator as the problem has them, with the contract's limits. */
        SolverOperator contracted(long operatorId) {
            return problem.getOperators().stream().filter(x -> x.id() == operatorId).findFirst().orElseThrow();
        }

        /** The operator as a substitution judges them: the maxima raised by the contract's overtime allowance. */
        SolverOperator withAllowance(long operatorId) {
            return RosterProblemBuilder.withOvertime(contracted(operatorId), overtime.getOrDefault(operatorId, 0),
                    roster.days());
        }
    }

    /**
     * One candidate scored.
     *
     * @param change after minus before (higher is better)
     * @param newHard the hard breaches the shift brings that were not there before
     * @param overtimeMinutes with the shift, the paid minutes beyond the contract's maximum in the shift's week (or, if
     *        more, in the period); 0 without overtime
     */
    record Evaluation(Operator operator, HardMediumSoftScore before, HardMediumSoftScore after,
            HardMediumSoftScore change, List<SubstituteReason> reasons, List<RuleBreach> newHard, int overtimeMinutes) {

        boolean breaksHardRule() {
            return after.hardScore() < before.hardScore();
        }

        boolean overtime() {
            return overtimeMinutes > 0;
        }
    }

    Context context(Roster r, List<Operator> all) {
        RosterSolution problem = rosters.problem(r, all);
        Map<Long, Operator> byId = new HashMap<>();
        all.forEach(o -> byId.put(o.getId(), o));
        Map<Long, List<OperatorDay>> days = new HashMap<>();
        problem.getDays().forEach(d -> days.computeIfAbsent(d.operatorId(), k -> new ArrayList<>()).add(d));
        Set<Long> planned = new HashSet<>(store.operatorIds(r.id()));
        Map<Long, Integer> allowances = new HashMap<>();
        for (Contract contract : contracts.list()) {
            allowances.put(contract.getId(), contract.getMaxOvertimeMinutesPerWeek());
        }
        Map<Long, Integer> overtime = new HashMap<>();
        for (Operator o : all) {
            Integer allowance = o.getContractId() == null ? null : allowances.get(o.getContractId());
            if (allowance != null && allowance > 0) {
                overtime.put(o.getId(), allowance);
            }
        }
        return new Context(r, problem, byId, planned, days, rosters.queueCodes(), Map.copyOf(overtime));
    }

    /**
     * Who may take the shift at all, before any score: operators the roster plans (and the problem has: active, with
     * a contract), not the absent one, qualified for the shift's queue, without a shift that date and not absent
     * during it. Null when eligible, else the message key of why not.
     */
    String ineligible(Context c, OpenShift s, long operatorId, Set<Long> absent) {
        Operator o = c.operators().get(operatorId);
        if (o == null || !o.isActive() || !c.planned().contains(operatorId) || !c.days().containsKey(operatorId)) {
            return "substitute.refused.notPlanned";
        }
        if (Long.valueOf(operatorId).equals(s.absentOperatorId())) {
            return "substitute.refused.absentOperator";
        }
        if (s.queueId() != null && o.getSkills().stream().map(OperatorSkill::queueId).noneMatch(s.queueId()::equals)) {
            return "substitute.refused.notQualified";
        }
        OperatorDay day = day(c, operatorId, s);
        if (day == null || day.isWorking()) {
            return "substitute.refused.working";
        }
        if (absent.contains(operatorId)) {
            return "substitute.refused.absent";
        }
        return null;
    }

    /** The operators with an approved absence during the shift. */
    Set<Long> absentDuring(Context c, OpenShift s) {
        Set<Long> out = new HashSet<>();
        for (AbsenceSpan a : absences.approved(c.planned(), s.start(), s.end())) {
            out.add(a.operatorId());
        }
        return out;
    }

    /** Best first: without overtime, then the higher score change, then by employee number (see the class comment). */
    static final Comparator<Evaluation> RANKING = Comparator.comparing(Evaluation::overtime)
            .thenComparing(Comparator.comparing(Evaluation::change).reversed())
            .thenComparing(e -> e.operator().getEmployeeNumber());

    /**
     * Every eligible candidate scored, hard breakers left out, best first: without overtime first, then by score
     * change (hard, medium, soft), then by employee number (see the class comment).
     */
    List<Evaluation> candidates(Context c, OpenShift s) {
        Set<Long> absent = absentDuring(c, s);
        List<Evaluation> out = new ArrayList<>();
        for (SolverOperator so : c.problem().getOperators()) {
            if (ineligible(c, s, so.id(), absent) != null) {
                continue;
            }
            Evaluation e = evaluate(c, s, so.id());
            if (!e.breaksHardRule()) {
                out.add(e);
            }
        }
        out.sort(RANKING);
        return out;
    }

    /**
     * The score of the candidate's roster before and after the shift is put on their day, judged with the overtime
     * allowance (see the class comment); on copies of their days, the context is left as it was.
     */
    Evaluation evaluate(Context c, OpenShift s, long operatorId) {
        SolverOperator contracted = c.contracted(operatorId);
        SolverOperator so = c.withAllowance(operatorId);
        OperatorDay original = day(c, operatorId, s);
        List<OperatorDay> days = new ArrayList<>();
        OperatorDay day = null;
        for (OperatorDay d : c.days().get(operatorId)) {
            OperatorDay copy = d.forOperator(so);
            days.add(copy);
            if (d == original) {
                day = copy;
            }
        }
        RosterSolution mine = new RosterSolution(List.of(so), c.problem().getShiftOptions(), List.of(),
                c.problem().getUnavailabilities(), c.problem().getPreferences(), c.problem().getWeights(), days);
        ShiftOption option = option(c, s, day);
        ScoreExplanation<RosterSolution, HardMediumSoftScore> before = solutionManager.explain(mine);
        List<RuleBreach> breachesBefore = explainer(c, mine).breaches(before);
        day.setShift(option);
        day.setQueue(s.queueId());
        ScoreExplanation<RosterSolution, HardMediumSoftScore> after = solutionManager.explain(mine);
        List<RuleBreach> breachesAfter = explainer(c, mine).breaches(after);
        Hours hours = Hours.of(days, day);
        List<SubstituteReason> reasons = new ArrayList<>(figures(contracted, hours, day, option));
        int overtime = overtime(contracted, so, hours, day, reasons);
        Map<String, HardMediumSoftScore> deltas = deltas(before, after);
        Set<String> was = new HashSet<>();
        breachesBefore.forEach(b -> was.add(identity(b)));
        List<RuleBreach> newHard = new ArrayList<>();
        for (var e : deltas.entrySet()) {
            String level = RosterExplainer.level(e.getValue());
            long change = level.equals("hard") ? e.getValue().hardScore()
                    : level.equals("medium") ? e.getValue().mediumScore() : e.getValue().softScore();
            reasons.add(new SubstituteReason("substitute.reason.rule",
                    List.of("rule:" + e.getKey(), "level:" + level, String.valueOf(change)), e.getKey(), level, change));
            if (change < 0) {
                for (RuleBreach b : breachesAfter) {
                    if (b.rule().equals(e.getKey()) && !was.contains(identity(b)) && b.key() != null) {
                        reasons.add(new SubstituteReason(b.key(), b.args(), b.rule(), b.level(), 0));
                        if ("hard".equals(b.level())) {
                            newHard.add(b);
                        }
                    }
                }
            }
        }
        return new Evaluation(c.operators().get(operatorId), before.getScore(), after.getScore(),
                after.getScore().subtract(before.getScore()), List.copyOf(reasons), List.copyOf(newHard), overtime);
    }

    /** The candidate's day of the shift's date in the roster's period (null: not in it). */
    static OperatorDay day(Context c, long operatorId, OpenShift s) {
        return c.days().getOrDefault(operatorId, List.of()).stream()
                .filter(d -> d.isInPeriod() && d.getDate().equals(s.date())).findFirst().orElse(null);
    }

    /**
     * The candidate's paid minutes with the shift: in its ISO week and in the period (days in the period only), and
     * the nights worked in the period.
     */
    record Hours(int week, int period, int nights) {

        static Hours of(List<OperatorDay> days, OperatorDay day) {
            int week = 0;
            int period = 0;
            int nights = 0;
            for (OperatorDay d : days) {
                if (!d.isInPeriod() || !d.isWorking()) {
                    continue;
                }
                period += d.paidMinutes();
                if (d.getWeekKey() == day.getWeekKey()) {
                    week += d.paidMinutes();
                }
                if (d.isNight()) {
                    nights++;
                }
            }
            return new Hours(week, period, nights);
        }
    }

    /**
     * The overtime the shift brings the candidate to: beyond the contract's weekly maximum in the shift's week, else
     * beyond its period maximum; a reason with the figures is added when there is any. Returns the minutes (0: none).
     */
    private static int overtime(SolverOperator contracted, SolverOperator allowed, Hours hours, OperatorDay day,
            List<SubstituteReason> reasons) {
        int week = hours.week() - contracted.maxMinutesPerWeek();
        int period = hours.period() - contracted.maxMinutesPerPeriod();
        if (week > 0) {
            LocalDate monday = day.getDate().with(DayOfWeek.MONDAY);
            reasons.add(1, new SubstituteReason("substitute.reason.overtime", List.of("min:" + week, "date:" + monday,
                    "min:" + contracted.maxMinutesPerWeek(), "min:" + allowed.maxMinutesPerWeek()), null, null, 0));
        } else if (period > 0) {
            reasons.add(1, new SubstituteReason("substitute.reason.overtimePeriod", List.of("min:" + period,
                    "min:" + contracted.maxMinutesPerPeriod(), "min:" + allowed.maxMinutesPerPeriod()), null, null, 0));
        }
        return Math.max(0, Math.max(week, period));
    }

    /** Plain figures: the hours it adds against the contract's week and period, a night, a weekend day. */
    private static List<SubstituteReason> figures(SolverOperator so, Hours hours, OperatorDay day, ShiftOption option) {
        int week = hours.week();
        int period = hours.period();
        int nights = hours.nights();
        List<SubstituteReason> out = new ArrayList<>();
        out.add(new SubstituteReason("substitute.reason.hours", List.of("min:" + option.paidMinutes(), "min:" + week,
                "min:" + so.maxMinutesPerWeek()), null, null, 0));
        out.add(new SubstituteReason("substitute.reason.periodHours", List.of("min:" + period,
                "min:" + so.maxMinutesPerPeriod()), null, null, 0));
        if (option.isNight()) {
            out.add(new SubstituteReason("substitute.reason.night", List.of(String.valueOf(nights)), null, null, 0));
        }
        if (option.weekend()) {
            out.add(new SubstituteReason("substitute.reason.weekend", List.of("date:" + day.getDate()), null, null, 0));
        }
        return out;
    }

    /** Per rule the score change (after minus before), rules that did not change left out, worst first. */
    private static Map<String, HardMediumSoftScore> deltas(ScoreExplanation<RosterSolution, HardMediumSoftScore> before,
            ScoreExplanation<RosterSolution, HardMediumSoftScore> after) {
        Map<String, HardMediumSoftScore> was = new HashMap<>();
        for (ConstraintMatchTotal<HardMediumSoftScore> t : before.getConstraintMatchTotalMap().values()) {
            was.put(t.getConstraintName(), t.getScore());
        }
        Map<String, HardMediumSoftScore> now = new HashMap<>();
        for (ConstraintMatchTotal<HardMediumSoftScore> t : after.getConstraintMatchTotalMap().values()) {
            now.put(t.getConstraintName(), t.getScore());
        }
        Set<String> rules = new HashSet<>(was.keySet());
        rules.addAll(now.keySet());
        Map<String, HardMediumSoftScore> out = new java.util.LinkedHashMap<>();
        rules.stream().sorted().forEach(rule -> {
            HardMediumSoftScore d = now.getOrDefault(rule, HardMediumSoftScore.ZERO)
                    .subtract(was.getOrDefault(rule, HardMediumSoftScore.ZERO));
            if (!d.isZero()) {
                out.put(rule, d);
            }
        });
        List<Map.Entry<String, HardMediumSoftScore>> sorted = new ArrayList<>(out.entrySet());
        sorted.sort(Map.Entry.comparingByValue());
        Map<String, HardMediumSoftScore> ordered = new java.util.LinkedHashMap<>();
        sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /**
     * The option of the open shift for the candidate's day: the one of the day's range with the shift's template and
     * times, else the period's option (a night for an operator without nights: the rules then say so), else one made
     * for the shift as it was (a template changed since).
     */
    private ShiftOption option(Context c, OpenShift s, OperatorDay day) {
        return option(c, s.asShiftOf(day.operatorId()), day);
    }

    /** The option of a published shift for an operator's day (as above): a trade puts it on another operator. */
    ShiftOption option(Context c, StoredShift s, OperatorDay day) {
        for (List<ShiftOption> range : List.of(day.getShiftRange(), c.problem().getShiftOptions())) {
            for (ShiftOption o : range) {
                if (o.date().equals(s.date()) && o.templateCode().equals(s.templateCode()) && o.start().equals(s.start())
                        && o.end().equals(s.end()) && o.paidMinutes() == s.paidMinutes()) {
                    return o;
                }
            }
        }
        ZoneId zone = c.roster().zone();
        var localStart = s.start().atZone(zone).toLocalTime();
        var dow = s.date().getDayOfWeek();
        return new ShiftOption("kept:" + s.templateCode() + "@" + s.date() + "@" + s.start(), s.date(),
                day.getDayIndex(), s.templateCode(), s.start(), s.end(), localStart, s.paidMinutes(),
                kinds.kindOf(localStart, Duration.between(s.start(), s.end())),
                dow == java.time.DayOfWeek.SATURDAY || dow == java.time.DayOfWeek.SUNDAY, new int[0]);
    }

    private static RosterExplainer explainer(Context c, RosterSolution solution) {
        return new RosterExplainer(solution, c.roster().zone(), c.roster().startDate(), Map.of(), c.queueCodes());
    }

    private static String identity(RuleBreach b) {
        return b.rule() + "|" + b.key() + "|" + b.args();
    }
}
