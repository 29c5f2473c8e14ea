package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.score.stream.DefaultConstraintJustification;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.switchboard.rostering.ShiftKind;
import org.switchboard.rostering.ShiftKindRules;

/**
 * {@link OperatorRules} against the constraint streams ({@link RosterConstraints} through OptaPlanner's
 * {@link SolutionManager}): on many random small problems, for every hard contract rule, the checker finds a breach
 * of it exactly when the streams have a match of it that the search is meant to see.
 *
 * <p>A problem: one operator with a random contract (rest, rest after nights, runs of days and nights, days off,
 * weekly and period hours, weekends, shifts per kind and per template, minimum runs, templates it may not work, hard
 * usual kinds, night eligibility), random templates (nights across midnight, the DST change in some periods),
 * forbidden sequences, a period of two to four weeks starting on any weekday, up to six published days before it
 * (some dates without a day), pinned days, days unavailable, and sometimes a window (the search's open days are only
 * some of the period). Its plan: a legal one the search found, with none to three days changed (or random values when
 * the search found none), so both verdicts are frequent.
 *
 * <p>What the checker deliberately does not see, and so is left out of the streams' side: a match between fixed
 * days only (pinned, before the period, outside the window), namely per-day rules on a fixed day, sequence rules
 * whose days are all fixed, and totals no open day's shift adds to (see {@link OperatorRules}). The period minimum
 * is compared as a rule of the whole plan. And the search's own verdict ({@link OperatorPatternSearch#isLegal}) must
 * be "no breach".
 */
class OperatorRulesPropertyTest {

    static final int CASES = 1000;
    static final SolutionManager<RosterSolution, HardMediumSoftScore> SCORE = SolutionManager.create(
            SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(1), null)));

    /** The hard rules of one operator, by constraint name. */
    static final List<String> RULES = List.of(RosterWeights.UNAVAILABLE, RosterWeights.SKILL,
            RosterWeights.NIGHT_ELIGIBLE, RosterWeights.MIN_REST, RosterWeights.MAX_WEEK_MINUTES,
            RosterWeights.MAX_PERIOD_MINUTES, RosterWeights.MIN_PERIOD_MINUTES, RosterWeights.MAX_CONSECUTIVE_DAYS,
            RosterWeights.MIN_DAYS_OFF, RosterWeights.MAX_NIGHTS, RosterWeights.REST_AFTER_NIGHTS,
            RosterWeights.MAX_WEEKENDS, RosterWeights.MAX_SHIFTS_OF_KIND, RosterWeights.MIN_CONSECUTIVE_DAYS,
            RosterWeights.FORBIDDEN_SEQUENCE, RosterWeights.MAX_SHIFTS_OF_TEMPLATE, RosterWeights.TEMPLATE_ELIGIBLE,
            RosterWeights.USUAL_KIND_HARD);

    private record Template(String code, LocalTime start, int minutes, int unpaid) {
    }

    /** Day, evening, night (across midnight), part-time, late, early, long night. */
    static final List<Template> TEMPLATES = List.of(new Template("D", LocalTime.of(7, 0), 540, 60),
            new Template("E", LocalTime.of(14, 0), 540, 60), new Template("N", LocalTime.of(22, 0), 540, 60),
            new Template("P", LocalTime.of(8, 0), 240, 0), new Template("L", LocalTime.of(15, 0), 480, 0),
            new Template("S", LocalTime.of(6, 0), 480, 0), new Template("X", LocalTime.of(20, 0), 600, 60));

    /** One random problem and plan. */
    private static final class Case {
        final Random random;
        final LocalDate start;
        final int periodDays;
        final List<Template> templates = new ArrayList<>();
        final Map<String, Set<String>> forbidden = new HashMap<>();
        final SolverOperator op;
        final List<OperatorDay> days = new ArrayList<>();
        final List<Unavailability> unavailable = new ArrayList<>();
        int from = Integer.MIN_VALUE;
        int to = Integer.MAX_VALUE;

        Case(long seed) {
            random = new Random(seed);
            start = LocalDate.of(2026, 3, 16).plusDays(random.nextInt(14));
            periodDays = 14 + random.nextInt(15);
            for (Template t : TEMPLATES) {
                if (random.nextInt(3) > 0 || t.code().equals("D")) {
                    templates.add(t);
                }
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                forbidden.computeIfAbsent(pick(templates).code(), c -> new HashSet<>()).add(pick(templates).code());
            }
            op = contract();
            for (int d = -6; d < 0; d++) {
                if (random.nextInt(3) > 0) {
                    ShiftOption s = random.nextBoolean() ? pick(options(d)) : null;
                    days.add(new OperatorDay(op, date(d), d, false, true, s == null ? List.of() : List.of(s), s,
                            s == null ? null : 1L));
                }
            }
            for (int d = 0; d < periodDays; d++) {
                OperatorDay day = OperatorDay.open(op, date(d), d, options(d));
                if (random.nextInt(12) == 0) {
                    day.setShift(random.nextBoolean() ? pick(day.getShiftRange()) : null);
                    day.setQueue(day.getShift() == null ? null : 1L);
                    day.setPinned(true);
                }
                days.add(day);
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                unavailable.add(new Unavailability(op.id(), date(random.nextInt(periodDays))));
            }
            if (random.nextInt(4) == 0) {
                from = random.nextInt(periodDays - 5);
                to = from + 3 + random.nextInt(periodDays - from - 3);
            }
        }

        private SolverOperator contract() {
            int maxWeek = (20 + random.nextInt(29)) * 60;
            RosterFixture.Op o = RosterFixture.op(1).skills(1L, 2L).maxWeek(maxWeek)
                    .maxConsecutive(2 + random.nextInt(6)).minOff(1 + random.nextInt(3))
                    // a rest of a day or more now and then, so that it reaches past the day after a shift
                    .minRest((random.nextInt(5) == 0 ? 20 + random.nextInt(17) : 8 + random.nextInt(5)) * 60)
                    .maxNights(1 + random.nextInt(4))
                    .maxWeekends(random.nextInt(5)).minRun(1 + random.nextInt(3));
            // now and then a rest after nights that reaches the fifth day after the last night
            o.restAfterNights = (random.nextInt(6) == 0 ? 72 + random.nextInt(49) : 24 + random.nextInt(37)) * 60;
            // a period minimum of a share of the weekly maximums (sometimes more than the rules allow), a maximum above it
            int min = random.nextInt(3) == 0 ? 0 : periodDays * maxWeek / 7 * (20 + random.nextInt(70)) / 100;
            o.minPeriod(min).maxPeriod(random.nextInt(3) == 0 ? 1_000_000 : min + periodDays * random.nextInt(4) * 60);
            if (random.nextInt(3) == 0) {
                o.maxShifts(ShiftKind.values()[random.nextInt(ShiftKind.values().length)], random.nextInt(11));
            }
            if (random.nextInt(2) == 0) {
                o.maxShifts(pick(templates).code(), random.nextInt(6));
            }
            if (random.nextInt(5) == 0) {
                o.notTemplates(pick(templates).code());
            }
            if (random.nextInt(6) == 0) {
                o.usualKinds(true, ShiftKind.DAY, ShiftKind.EVENING);
            }
            if (random.nextInt(6) == 0) {
                o.noNights();
            }
            return o.build();
        }

        LocalDate date(int dayIndex) {
            return start.plusDays(dayIndex);
        }

        List<ShiftOption> options(int dayIndex) {
            List<ShiftOption> out = new ArrayList<>();
            LocalDate d = date(dayIndex);
            for (Template t : templates) {
                ZonedDateTime s = d.atTime(t.start()).atZone(RosterFixture.ZONE);
                Instant end = s.toLocalDateTime().plusMinutes(t.minutes()).atZone(RosterFixture.ZONE).toInstant();
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                out.add(new ShiftOption(t.code() + "@" + d, d, dayIndex, t.code(), s.toInstant(), end, t.start(),
                        t.minutes() - t.unpaid(), ShiftKindRules.DEFAULT.kindOf(t.start(), Duration.ofMinutes(t.minutes())),
                        weekend, new int[0], List.of(), null, forbidden.get(t.code())));
            }
            return out;
        }

        <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        Set<String> unavailableKeys() {
            Set<String> keys = new HashSet<>();
            unavailable.forEach(u -> keys.add(OperatorPatternSearch.key(u.operatorId(), u.date())));
            return keys;
        }

        /** A legal plan where the search finds one, then none to three period days changed. */
        void plan() {
            OperatorPatternSearch search = new OperatorPatternSearch(days, unavailableKeys(), from, to);
            Map<String, Integer> table = new HashMap<>();
            OperatorPatternSearch.Gain gain = (d, s, q) -> table.computeIfAbsent(s.id() + q, k -> random.nextInt(12) - 3);
            var plan = search.search(gain, random, 2, 3_000, 4, true, random.nextInt(4) > 0);
            for (int p = 0; plan != null && p < search.span(); p++) {
                if (search.isOpen(p)) {
                    search.dayAt(p).setShift(plan[p].shift());
                    search.dayAt(p).setQueue(plan[p].queue());
                }
            }
            for (int k = plan == null || random.nextInt(2) == 0 ? 0 : 1 + random.nextInt(3); k > 0; k--) {
                OperatorDay d = days.get(days.size() - 1 - random.nextInt(periodDays));
                if (!d.isPinned()) {
                    d.setShift(random.nextInt(3) == 0 ? null : pick(d.getShiftRange()));
                    d.setQueue(d.getShift() == null ? null : random.nextInt(8) == 0 ? 3L : 1L + random.nextInt(2));
                }
            }
        }

        @Override
        public String toString() {
            return op + " " + op.maxMinutesPerWeek() + "/w " + op.minMinutesPerPeriod() + ".." + op.maxMinutesPerPeriod()
                    + " runs " + op.minConsecutiveDays() + ".." + op.maxConsecutiveDays() + " off " + op.minConsecutiveDaysOff()
                    + " rest " + op.minRestMinutes() + " nights " + op.maxNightsInRow() + "/" + op.minRestAfterNightsMinutes()
                    + " weekends " + op.maxWeekendsPerPeriod() + " kinds " + op.maxShiftsPerKind() + " templates "
                    + op.maxShiftsPerTemplate() + " not " + op.ineligibleTemplates() + " usual " + op.usualKinds()
                    + " night " + op.nightEligible() + " forbidden " + forbidden + " window " + from + ".." + to
                    + " unavailable " + unavailable + "\n" + days;
        }
    }

    @Test
    void theCheckerBreaksARuleExactlyWhereTheConstraintStreamsDoForTheSearchsDays() {
        long started = System.nanoTime();
        int legal = 0;
        int fixedOnly = 0;
        Map<String, Integer> found = new TreeMap<>();
        for (long seed = 0; seed < CASES; seed++) {
            Case c = new Case(seed);
            c.plan();
            OperatorRules rules = new OperatorRules(c.days, c.unavailableKeys(), c.from, c.to);
            Set<String> byChecker = new TreeSet<>();
            rules.breaches().forEach(b -> byChecker.add(b.rule()));
            Set<String> byStreams = new TreeSet<>();
            RosterSolution solution = new RosterSolution(List.of(c.op), List.of(), List.of(), c.unavailable, List.of(),
                    new RosterWeights(), c.days);
            for (ConstraintMatchTotal<HardMediumSoftScore> total : SCORE.explain(solution).getConstraintMatchTotalMap().values()) {
                if (!RULES.contains(total.getConstraintName())) {
                    continue;
                }
                for (ConstraintMatch<HardMediumSoftScore> match : total.getConstraintMatchSet()) {
                    List<Object> facts = ((DefaultConstraintJustification) match.getJustification()).getFacts();
                    if (seen(total.getConstraintName(), facts, rules)) {
                        byStreams.add(total.getConstraintName());
                    } else {
                        fixedOnly++;
                    }
                }
            }
            String context = "seed " + seed + ": " + c;
            assertThat(byChecker).as(context).isEqualTo(byStreams);
            assertThat(new OperatorPatternSearch(c.days, c.unavailableKeys(), c.from, c.to).isLegal()).as(context)
                    .isEqualTo(byChecker.isEmpty());
            legal += byChecker.isEmpty() ? 1 : 0;
            byChecker.forEach(rule -> found.merge(rule, 1, Integer::sum));
        }
        System.out.printf("OperatorRulesPropertyTest: %d cases in %d ms, %d%% legal, %d%% illegal; %d stream matches "
                + "between fixed days only left out; cases per broken rule: %s%n", CASES,
                (System.nanoTime() - started) / 1_000_000, legal * 100 / CASES, 100 - legal * 100 / CASES, fixedOnly,
                found);
        assertThat(legal).as("legal cases").isGreaterThan(CASES / 5);
        assertThat(CASES - legal).as("illegal cases").isGreaterThan(CASES / 5);
        assertThat(found.keySet()).as("every rule broken in some case").containsAll(RULES);
    }

    @Test
    void aBreachNamesItsRuleAndItsPositionAndRulesBetweenPinnedDaysOnlyAreLeftOut() {
        SolverOperator a = RosterFixture.op(1).skills(1L).minRest(11 * 60).minOff(1).minPeriod(5 * 480).build();
        List<OperatorDay> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            days.add(OperatorDay.open(a, RosterFixture.date(d), d, List.of(RosterFixture.day(d), RosterFixture.evening(d))));
        }
        // an evening then a day shift (8 h of rest) on open days 0-1, and on pinned days 3-4
        days.get(0).setShift(RosterFixture.evening(0));
        days.get(1).setShift(RosterFixture.day(1));
        days.get(3).setShift(RosterFixture.evening(3));
        days.get(4).setShift(RosterFixture.day(4));
        days.get(3).setPinned(true);
        days.get(4).setPinned(true);
        days.forEach(d -> d.setQueue(d.getShift() == null ? null : 1L));
        OperatorRules rules = new OperatorRules(days, Set.of(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertThat(rules.breaches()).containsExactly(new OperatorRules.Breach(RosterWeights.MIN_REST, 1),
                new OperatorRules.Breach(RosterWeights.MIN_PERIOD_MINUTES, -1));
        // the same plan given as arrays, with the day shift on day 1 moved to day 2
        ShiftOption[] shifts = new ShiftOption[7];
        Long[] queues = new Long[7];
        shifts[0] = RosterFixture.evening(0);
        shifts[2] = RosterFixture.day(2);
        shifts[6] = RosterFixture.day(6);
        java.util.Arrays.fill(queues, 1L);
        assertThat(rules.breaches(shifts, queues)).isEmpty();
        assertThat(rules.periodMinutes()).as("the plan checked is the plan so far").isEqualTo(5 * 480);
    }

    /**
     * Whether a stream match of {@code rule} (its justification's facts) is one the search sees: one that an open
     * day takes part in.
     */
    private static boolean seen(String rule, List<Object> facts, OperatorRules rules) {
        SolverOperator op = rules.operator();
        return switch (rule) {
            case RosterWeights.UNAVAILABLE, RosterWeights.SKILL, RosterWeights.NIGHT_ELIGIBLE,
                    RosterWeights.TEMPLATE_ELIGIBLE, RosterWeights.USUAL_KIND_HARD -> open(rules, facts.get(0));
            case RosterWeights.MIN_REST, RosterWeights.FORBIDDEN_SEQUENCE -> open(rules, facts.get(0)) || open(rules, facts.get(1));
            // the worked days around a block of days off too short, and the block (an open day off could be worked)
            case RosterWeights.MIN_DAYS_OFF -> anyOpen(rules, position(rules, facts.get(0)), position(rules, facts.get(1)));
            // the last night, the shift too soon after it, and the day after the night (a night there makes it no last)
            case RosterWeights.REST_AFTER_NIGHTS -> open(rules, facts.get(0)) || open(rules, facts.get(1))
                    || rules.isOpen(position(rules, facts.get(0)) + 1);
            // a window of max + 1 days from its first day (facts: that day, the days counted)
            case RosterWeights.MAX_CONSECUTIVE_DAYS -> anyOpen(rules, position(rules, facts.get(0)),
                    position(rules, facts.get(0)) + op.maxConsecutiveDays());
            case RosterWeights.MAX_NIGHTS -> anyOpen(rules, position(rules, facts.get(0)),
                    position(rules, facts.get(0)) + op.maxNightsInRow());
            // the days off around a run too short, and the run
            case RosterWeights.MIN_CONSECUTIVE_DAYS -> anyOpen(rules, position(rules, facts.get(0)), position(rules, facts.get(1)));
            // totals (facts: the group's keys and values): an open day's shift counts in them
            case RosterWeights.MAX_WEEK_MINUTES -> openWork(rules, d -> d.getWeekKey() == (Integer) facts.get(1));
            case RosterWeights.MAX_PERIOD_MINUTES -> openWork(rules, d -> true);
            case RosterWeights.MAX_SHIFTS_OF_KIND -> openWork(rules, d -> d.getShift().kind() == facts.get(1));
            case RosterWeights.MAX_SHIFTS_OF_TEMPLATE -> openWork(rules, d -> d.getShift().templateCode().equals(facts.get(1)));
            // a weekend counted only for open days' work
            case RosterWeights.MAX_WEEKENDS -> openOnlyWeekend(rules);
            case RosterWeights.MIN_PERIOD_MINUTES -> true;
            default -> throw new IllegalArgumentException(rule);
        };
    }

    private static int position(OperatorRules rules, Object day) {
        return rules.position((OperatorDay) day);
    }

    private static boolean open(OperatorRules rules, Object day) {
        return rules.isOpen(position(rules, day));
    }

    private static boolean anyOpen(OperatorRules rules, int from, int to) {
        for (int p = Math.max(0, from); p <= Math.min(rules.span() - 1, to); p++) {
            if (rules.isOpen(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean openWork(OperatorRules rules, java.util.function.Predicate<OperatorDay> counted) {
        for (int p = 0; p < rules.span(); p++) {
            OperatorDay d = rules.dayAt(p);
            if (rules.isOpen(p) && d.isWorking() && counted.test(d)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some week's weekend work in the period is all on open days. */
    private static boolean openOnlyWeekend(OperatorRules rules) {
        Map<Integer, Boolean> allOpen = new HashMap<>();
        for (int p = 0; p < rules.span(); p++) {
            OperatorDay d = rules.dayAt(p);
            if (d != null && d.isInPeriod() && d.isWorking() && d.getShift().weekend()) {
                allOpen.merge(d.getWeekKey(), rules.isOpen(p), Boolean::logicalAnd);
            }
        }
        return allOpen.containsValue(true);
    }
}
