package org.switchboard.rostering;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.score.stream.DefaultConstraintJustification;
import org.switchboard.rostering.solver.DemandUnit;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.rostering.solver.SolverOperator;

/**
 * Turns the solver's score explanation into what a planner reads: totals per rule, and per operator and day which
 * rules are broken, as facts (a message key and typed figures, see {@link RuleBreach#args()}) that {@link RuleTexts}
 * renders in the reader's language ("Only 9 h 30 min rest between ..."). Coverage is told per queue and day (how
 * many operator-intervals short or over, and the worst interval) rather than per interval.
 */
final class RosterExplainer {

    /** At most this many breaches are kept (the worst first); the totals always cover everything. */
    static final int MAX_BREACHES = 3000;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final RosterSolution solution;
    private final ZoneId zone;
    private final LocalDate startDate;
    private final Map<Long, String> operatorNames;
    private final Map<Long, String> queueCodes;
    private long coveredWeight = 1;
    private String coverageLevel = "medium";

    RosterExplainer(RosterSolution solution, ZoneId zone, LocalDate startDate, Map<Long, String> operatorNames,
            Map<Long, String> queueCodes) {
        this.solution = solution;
        this.zone = zone;
        this.startDate = startDate;
        this.operatorNames = operatorNames;
        this.queueCodes = queueCodes;
    }

    /** Totals per rule with a penalty, hard first, then the biggest penalty. */
    static List<Roster.ConstraintTotal> totals(ScoreExplanation<RosterSolution, HardMediumSoftScore> explanation) {
        List<Roster.ConstraintTotal> out = new ArrayList<>();
        // under-coverage = required operators (a constant penalty) minus covered ones (a reward), per unit
        Map<DemandUnit, Long> required = new HashMap<>();
        Map<DemandUnit, Long> covered = new HashMap<>();
        String coverageLevel = "medium";
        for (ConstraintMatchTotal<HardMediumSoftScore> t : explanation.getConstraintMatchTotalMap().values()) {
            boolean isRequired = t.getConstraintName().equals(RosterWeights.REQUIRED);
            if (isRequired || t.getConstraintName().equals(RosterWeights.COVERED)) {
                coverageLevel = level(t.getConstraintWeight());
                for (ConstraintMatch<HardMediumSoftScore> m : t.getConstraintMatchSet()) {
                    if (m.getJustification() instanceof DefaultConstraintJustification j
                            && j.getFacts().get(0) instanceof DemandUnit u) {
                        (isRequired ? required : covered).merge(u, penalty(m.getScore(), coverageLevel), Long::sum);
                    }
                }
            }
        }
        if (!required.isEmpty()) {
            long shortage = 0;
            int unitsShort = 0;
            for (var e : required.entrySet()) {
                long gap = e.getValue() - covered.getOrDefault(e.getKey(), 0L);
                if (gap > 0) {
                    shortage += gap;
                    unitsShort++;
                }
            }
            out.add(new Roster.ConstraintTotal(RosterWeights.UNDER_COVERAGE, coverageLevel, shortage, unitsShort));
        }
        for (ConstraintMatchTotal<HardMediumSoftScore> t : explanation.getConstraintMatchTotalMap().values()) {
            if (t.getConstraintName().equals(RosterWeights.REQUIRED) || t.getConstraintName().equals(RosterWeights.COVERED)) {
                continue;
            }
            String level = level(t.getConstraintWeight());
            out.add(new Roster.ConstraintTotal(t.getConstraintName(), level, penalty(t.getScore(), level),
                    t.getConstraintMatchCount()));
        }
        out.sort(Comparator.comparingInt((Roster.ConstraintTotal t) -> rank(t.level()))
                .thenComparing(Comparator.comparingLong(Roster.ConstraintTotal::penalty).reversed())
                .thenComparing(Roster.ConstraintTotal::name));
        return out;
    }

    /** Every broken rule in words, hard first, then by penalty; coverage summed per queue and day. */
    List<RuleBreach> breaches(ScoreExplanation<RosterSolution, HardMediumSoftScore> explanation) {
        List<RuleBreach> out = new ArrayList<>();
        Map<String, Coverage> coverage = new LinkedHashMap<>();
        coveredWeight = 1;
        for (ConstraintMatchTotal<HardMediumSoftScore> t : explanation.getConstraintMatchTotalMap().values()) {
            String level = level(t.getConstraintWeight());
            for (ConstraintMatch<HardMediumSoftScore> m : t.getConstraintMatchSet()) {
                long penalty = penalty(m.getScore(), level);
                if (penalty == 0) {
                    continue;
                }
                List<Object> facts = m.getJustification() instanceof DefaultConstraintJustification j
                        ? j.getFacts() : m.getIndictedObjectList();
                String rule = t.getConstraintName();
                if (rule.equals(RosterWeights.REQUIRED) || rule.equals(RosterWeights.COVERED)) {
                    coverageLevel = level;
                    coveredWeight = penalty(t.getConstraintWeight(), level);
                    continue;
                }
                if (!facts.isEmpty() && facts.get(0) instanceof DemandUnit u) {
                    int count = facts.size() > 1 && facts.get(1) instanceof Number n ? n.intValue() : 0;
                    int gap = count - u.required();
                    String key = rule + "|" + u.queueKey() + "|" + u.dayIndex();
                    coverage.computeIfAbsent(key, k -> new Coverage(rule, level, u)).add(u, gap, penalty);
                    continue;
                }
                out.add(breach(rule, level, penalty, facts));
            }
        }
        // shortage per unit from the roster itself (the score has it as a constant minus a reward)
        Map<org.switchboard.rostering.solver.CoverKey, Integer> present = new HashMap<>();
        for (OperatorDay d : solution.getDays()) {
            for (var k : d.coverKeys()) {
                present.merge(k, 1, Integer::sum);
            }
        }
        for (DemandUnit u : solution.getDemandUnits()) {
            int n = present.getOrDefault(u.key(), 0);
            int gap = u.required() - Math.min(u.required(), n);
            if (gap > 0) {
                String key = RosterWeights.UNDER_COVERAGE + "|" + u.queueKey() + "|" + u.dayIndex();
                coverage.computeIfAbsent(key, k -> new Coverage(RosterWeights.UNDER_COVERAGE, coverageLevel, u))
                        .add(u, gap, (long) u.missingCost(n) * coveredWeight);
            }
        }
        for (Coverage c : coverage.values()) {
            out.add(c.breach());
        }
        out.sort(Comparator.comparingInt((RuleBreach b) -> rank(b.level()))
                .thenComparing(Comparator.comparingLong(RuleBreach::penalty).reversed())
                .thenComparing(b -> b.date() == null ? LocalDate.MIN : b.date())
                .thenComparing(b -> b.employeeNumber() == null ? "" : b.employeeNumber()));
        return out.size() > MAX_BREACHES ? List.copyOf(out.subList(0, MAX_BREACHES)) : out;
    }

    private RuleBreach breach(String rule, String level, long penalty, List<Object> facts) {
        OperatorDay a = fact(facts, 0, OperatorDay.class);
        OperatorDay b = fact(facts, 1, OperatorDay.class);
        SolverOperator op = a != null ? a.getOperator() : fact(facts, 0, SolverOperator.class);
        LocalDate date = a != null ? a.getDate() : null;
        List<String> args;
        switch (rule) {
            case RosterWeights.UNAVAILABLE, RosterWeights.NIGHT_ELIGIBLE -> args = List.of(shift(a));
            case RosterWeights.SKILL -> args = List.of(queue(a.getQueue()), date(a.getDate()));
            case RosterWeights.MIN_REST -> args = List.of(min(a.minutesUntil(b)), shift(a), shift(b),
                    min(op.minRestMinutes()));
            case RosterWeights.REST_AFTER_NIGHTS -> args = List.of(min(a.minutesUntil(b)), shift(a), shift(b),
                    min(op.minRestAfterNightsMinutes()));
            case RosterWeights.MAX_WEEK_MINUTES -> {
                int minutes = number(facts, 2);
                date = mondayOf(number(facts, 1));
                args = List.of(min(minutes), date(date), min(minutes - op.maxMinutesPerWeek()),
                        min(op.maxMinutesPerWeek()));
            }
            case RosterWeights.MAX_PERIOD_MINUTES -> {
                int minutes = number(facts, 1);
                args = List.of(min(minutes), min(minutes - op.maxMinutesPerPeriod()), min(op.maxMinutesPerPeriod()));
            }
            case RosterWeights.MIN_PERIOD_MINUTES -> {
                int minutes = number(facts, 1);
                args = List.of(min(minutes), min(op.minMinutesPerPeriod() - minutes), min(op.minMinutesPerPeriod()));
            }
            case RosterWeights.MAX_CONSECUTIVE_DAYS -> args = List.of(String.valueOf(op.maxConsecutiveDays()),
                    date(a.getDate()));
            case RosterWeights.MIN_DAYS_OFF -> args = List.of(String.valueOf(b.getDayIndex() - a.getDayIndex() - 1),
                    date(a.getDate()), date(b.getDate()), String.valueOf(op.minConsecutiveDaysOff()));
            case RosterWeights.MAX_NIGHTS -> args = List.of(String.valueOf(op.maxNightsInRow()), date(a.getDate()));
            case RosterWeights.MAX_WEEKENDS -> args = List.of(String.valueOf(number(facts, 1)),
                    String.valueOf(op.maxWeekendsPerPeriod()));
            case RosterWeights.MAX_SHIFTS_OF_KIND -> args = List.of(String.valueOf(number(facts, 2)),
                    "kind:" + ((ShiftKind) facts.get(1)).name(),
                    String.valueOf(op.maxShiftsOf((ShiftKind) facts.get(1))));
            case RosterWeights.MIN_CONSECUTIVE_DAYS -> args = List.of(String.valueOf(b.getDayIndex() - a.getDayIndex() - 1),
                    date(a.getDate()), date(b.getDate()), String.valueOf(op.minConsecutiveDays()));
            case RosterWeights.FORBIDDEN_SEQUENCE -> args = List.of(shift(b), shift(a));
            case RosterWeights.MAX_SHIFTS_OF_TEMPLATE -> args = List.of(String.valueOf(number(facts, 2)),
                    String.valueOf(facts.get(1)), String.valueOf(op.maxShiftsOfTemplate((String) facts.get(1))));
            case RosterWeights.TEMPLATE_ELIGIBLE, RosterWeights.USUAL_KIND_HARD, RosterWeights.USUAL_KIND -> args = List.of(
                    shift(a));
            case RosterWeights.PERIOD_STARTS -> args = List.of(String.valueOf(number(facts, 1)));
            case RosterWeights.PREFERENCE -> args = List.of(date(a.getDate()), shift(a));
            case RosterWeights.NIGHT_FAIRNESS, RosterWeights.WEEKEND_FAIRNESS, RosterWeights.WISH_FAIRNESS -> args = List.of(
                    String.valueOf(number(facts, 1)));
            case RosterWeights.FAIR_HOURS -> args = List.of(min(number(facts, 1)), min(op.maxMinutesPerPeriod()));
            case RosterWeights.STABLE_START -> {
                date = mondayOf(number(facts, 1));
                args = List.of(String.valueOf(number(facts, 2)), date(date));
            }
            case RosterWeights.PUBLISHED_CHANGE -> args = List.of(a.isWorking() ? shift(a) : "shift:off|" + a.getDate());
            default -> args = List.of(rule, describe(facts));
        }
        if (b != null && date == null) {
            date = b.getDate();
        }
        return new RuleBreach(op == null ? null : op.employeeNumber(), op == null ? null : operatorNames.get(op.id()),
                date, rule, level, penalty, null, RuleTexts.breachKey(rule), args);
    }

    private static String min(long minutes) {
        return "min:" + minutes;
    }

    private static String date(LocalDate date) {
        return "date:" + date;
    }

    /** Shortage or surplus of one queue on one day, summed over its intervals. */
    private final class Coverage {
        final String rule;
        final String level;
        final DemandUnit first;
        long penalty;
        long operatorIntervals;
        int worstGap;
        DemandUnit worst;

        Coverage(String rule, String level, DemandUnit first) {
            this.rule = rule;
            this.level = level;
            this.first = first;
        }

        void add(DemandUnit u, int gap, long p) {
            penalty += p;
            operatorIntervals += gap;
            if (gap > worstGap) {
                worstGap = gap;
                worst = u;
            }
        }

        RuleBreach breach() {
            LocalDate date = startDate.plusDays(first.dayIndex());
            String where = first.queueId() == null ? first.label() : queue(first.queueId());
            String key = RuleTexts.breachKey(rule) + (worst == null ? "" : ".peak");
            List<String> args = worst == null ? List.of(where, date(date), String.valueOf(operatorIntervals))
                    : List.of(where, date(date), String.valueOf(operatorIntervals), String.valueOf(worstGap), timeOf(worst));
            return new RuleBreach(null, null, date, rule, level, penalty, null, key, args);
        }
    }

    private String timeOf(DemandUnit u) {
        String label = u.label();
        int space = label.lastIndexOf(' ');
        return space < 0 ? label : label.substring(space + 1);
    }

    /** A shift as a typed figure (see {@link RuleBreach#args()}). */
    private String shift(OperatorDay d) {
        if (d == null || d.getShift() == null) {
            return "shift:off";
        }
        var s = d.getShift();
        return "shift:" + s.templateCode() + "|" + d.getDate() + "|" + HM.format(s.start().atZone(zone)) + "|"
                + HM.format(s.end().atZone(zone));
    }

    private String queue(Long id) {
        return id == null ? "-" : queueCodes.getOrDefault(id, String.valueOf(id));
    }

    private LocalDate mondayOf(int weekKey) {
        int year = weekKey / 100;
        int week = weekKey % 100;
        return LocalDate.of(year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    static String hours(long minutes) {
        long h = Math.abs(minutes) / 60;
        long m = Math.abs(minutes) % 60;
        String sign = minutes < 0 ? "-" : "";
        return sign + (m == 0 ? h + " h" : h == 0 ? m + " min" : h + " h " + m + " min");
    }

    private static String describe(List<Object> facts) {
        return String.join(", ", facts.stream().map(String::valueOf).toList());
    }

    private static <T> T fact(List<Object> facts, int i, Class<T> type) {
        return facts.size() > i && type.isInstance(facts.get(i)) ? type.cast(facts.get(i)) : null;
    }

    private static int number(List<Object> facts, int i) {
        return facts.size() > i && facts.get(i) instanceof Number n ? n.intValue() : 0;
    }

    static String level(HardMediumSoftScore weight) {
        return weight.hardScore() != 0 ? "hard" : weight.mediumScore() != 0 ? "medium" : "soft";
    }

    static long penalty(HardMediumSoftScore score, String level) {
        return Math.abs(switch (level) {
            case "hard" -> score.hardScore();
            case "medium" -> score.mediumScore();
            default -> score.softScore();
        });
    }

    private static int rank(String level) {
        return switch (level) {
            case "hard" -> 0;
            case "medium" -> 1;
            default -> 2;
        };
    }
}
