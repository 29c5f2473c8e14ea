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
 * rules are broken, in words ("Only 9 h 30 min rest between ..."). Coverage is told per queue and day (how many
 * operator-intervals short or over, and the worst interval) rather than per interval.
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
            int gap = u.required() - Math.min(u.required(), present.getOrDefault(u.key(), 0));
            if (gap > 0) {
                String key = RosterWeights.UNDER_COVERAGE + "|" + u.queueKey() + "|" + u.dayIndex();
                coverage.computeIfAbsent(key, k -> new Coverage(RosterWeights.UNDER_COVERAGE, coverageLevel, u))
                        .add(u, gap, (long) gap * u.shortageWeight() * coveredWeight);
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
        String text;
        switch (rule) {
            case RosterWeights.UNAVAILABLE -> text = "Works " + shift(a) + " on a day they are absent or unavailable";
            case RosterWeights.SKILL -> text = "Works queue " + queue(a.getQueue()) + " on " + a.getDate() + " without the skill";
            case RosterWeights.NIGHT_ELIGIBLE -> text = "Works the night shift " + shift(a) + " but may not work nights";
            case RosterWeights.MIN_REST -> text = "Only " + hours(a.minutesUntil(b)) + " rest between " + shift(a)
                    + " and " + shift(b) + "; the contract requires " + hours(op.minRestMinutes());
            case RosterWeights.REST_AFTER_NIGHTS -> text = "Only " + hours(a.minutesUntil(b)) + " rest after the night "
                    + shift(a) + " before " + shift(b) + "; the contract requires " + hours(op.minRestAfterNightsMinutes())
                    + " after a block of nights";
            case RosterWeights.MAX_WEEK_MINUTES -> {
                int week = number(facts, 1);
                int minutes = number(facts, 2);
                date = mondayOf(week);
                text = hours(minutes) + " in the week from " + date + ", " + hours(minutes - op.maxMinutesPerWeek())
                        + " more than the contract's " + hours(op.maxMinutesPerWeek());
            }
            case RosterWeights.MAX_PERIOD_MINUTES -> {
                int minutes = number(facts, 1);
                text = hours(minutes) + " in the period, " + hours(minutes - op.maxMinutesPerPeriod())
                        + " more than the maximum of " + hours(op.maxMinutesPerPeriod());
            }
            case RosterWeights.MIN_PERIOD_MINUTES -> {
                int minutes = number(facts, 1);
                text = hours(minutes) + " in the period, " + hours(op.minMinutesPerPeriod() - minutes)
                        + " short of the contract's minimum of " + hours(op.minMinutesPerPeriod());
            }
            case RosterWeights.MAX_CONSECUTIVE_DAYS -> text = "Works more than " + op.maxConsecutiveDays()
                    + " days in a row from " + a.getDate() + " (the contract's maximum)";
            case RosterWeights.MIN_DAYS_OFF -> text = "Only " + (b.getDayIndex() - a.getDayIndex() - 1)
                    + " day(s) off between " + a.getDate() + " and " + b.getDate() + "; the contract requires "
                    + op.minConsecutiveDaysOff() + " in a row";
            case RosterWeights.MAX_NIGHTS -> text = "Works more than " + op.maxNightsInRow() + " nights in a row from "
                    + a.getDate() + " (the contract's maximum)";
            case RosterWeights.MAX_WEEKENDS -> text = "Works " + number(facts, 1) + " weekends; the contract allows "
                    + op.maxWeekendsPerPeriod();
            case RosterWeights.MAX_SHIFTS_OF_KIND -> text = "Works " + number(facts, 2) + " " + facts.get(1).toString()
                    .toLowerCase() + " shifts; at most " + op.maxShiftsOf((org.switchboard.rostering.ShiftKind) facts.get(1));
            case RosterWeights.MIN_CONSECUTIVE_DAYS -> text = "Works only " + (b.getDayIndex() - a.getDayIndex() - 1)
                    + " day(s) in a row between the days off " + a.getDate() + " and " + b.getDate()
                    + "; the contract requires at least " + op.minConsecutiveDays();
            case RosterWeights.FORBIDDEN_SEQUENCE -> text = shift(b) + " may not follow " + shift(a) + " on the next day";
            case RosterWeights.MAX_SHIFTS_OF_TEMPLATE -> text = "Works " + number(facts, 2) + " " + facts.get(1)
                    + " shifts; at most " + op.maxShiftsOfTemplate((String) facts.get(1));
            case RosterWeights.PREFERENCE -> text = "A wish is not met on " + a.getDate() + " ("
                    + (a.isWorking() ? "works " + shift(a) : "day off") + ")";
            case RosterWeights.NIGHT_FAIRNESS -> text = number(facts, 1) + " night shifts in the period";
            case RosterWeights.WEEKEND_FAIRNESS -> text = number(facts, 1) + " weekends worked in the period";
            case RosterWeights.FAIR_HOURS -> {
                int minutes = number(facts, 1);
                text = hours(minutes) + " in the period of at most " + hours(op.maxMinutesPerPeriod())
                        + ": further from the contract than the others on average";
            }
            case RosterWeights.STABLE_START -> {
                int week = number(facts, 1);
                date = mondayOf(week);
                text = number(facts, 2) + " different start times in the week from " + date;
            }
            case RosterWeights.PUBLISHED_CHANGE -> text = "Changed from the published roster: now "
                    + (a.isWorking() ? shift(a) : "a day off on " + a.getDate());
            default -> text = rule + ": " + describe(facts);
        }
        if (b != null && date == null) {
            date = b.getDate();
        }
        return new RuleBreach(op == null ? null : op.employeeNumber(), op == null ? null : operatorNames.get(op.id()),
                date, rule, level, penalty, text);
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
            String where = first.queueId() == null ? first.label() : "Queue " + queue(first.queueId()) + " on " + date;
            String what = switch (rule) {
                case RosterWeights.OVER_COVERAGE -> operatorIntervals + " operator-intervals more than required";
                default -> operatorIntervals + " operator-intervals short";
            };
            String peak = worst == null ? "" : " (worst " + worstGap + " at " + timeOf(worst) + ")";
            return new RuleBreach(null, null, date, rule, level, penalty, where + ": " + what + peak);
        }
    }

    private String timeOf(DemandUnit u) {
        String label = u.label();
        int space = label.lastIndexOf(' ');
        return space < 0 ? label : label.substring(space + 1);
    }

    private String shift(OperatorDay d) {
        if (d == null || d.getShift() == null) {
            return "a day off";
        }
        var s = d.getShift();
        return s.templateCode() + " on " + d.getDate() + " (" + HM.format(s.start().atZone(zone)) + "–"
                + HM.format(s.end().atZone(zone)) + ")";
    }

    private String queue(Long id) {
        return id == null ? "none" : queueCodes.getOrDefault(id, String.valueOf(id));
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
