package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.rostering.solver.RosterFixture.date;
import static org.switchboard.rostering.solver.RosterFixture.day;
import static org.switchboard.rostering.solver.RosterFixture.evening;
import static org.switchboard.rostering.solver.RosterFixture.night;
import static org.switchboard.rostering.solver.RosterFixture.op;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * The per-operator search against the score itself: whatever it returns has no hard violation in the constraint
 * streams, and its legality check agrees with them on random day patterns (a second implementation of the contract
 * rules is only trustworthy while both say the same).
 */
class OperatorPatternSearchTest {

    static final int DAYS = 28;
    static final SolutionManager<RosterSolution, HardMediumSoftScore> SCORE = SolutionManager.create(
            SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(1), null)));

    static ShiftOption part(int d) {
        return RosterFixture.option(d, "P", LocalTime.of(8, 0), 240, 0, 0);
    }

    static List<ShiftOption> options(int d) {
        return List.of(day(d), evening(d), night(d), part(d), RosterFixture.late(d));
    }

    /** The demo's night contract: 32–36 h a week, at most 4 days and 4 nights in a row, 48 h after nights, 2 weekends. */
    static SolverOperator nightWorker(long id) {
        return op(id).skills(1L, 2L).maxWeek(36 * 60).minPeriod(4 * 32 * 60).maxPeriod(4 * 36 * 60).maxConsecutive(4)
                .maxNights(4).minRest(12 * 60).maxWeekends(2).build();
    }

    static List<OperatorDay> open(SolverOperator a) {
        List<OperatorDay> days = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            days.add(OperatorDay.open(a, date(d), d, options(d)));
        }
        return days;
    }

    static HardMediumSoftScore score(List<OperatorDay> days, List<Unavailability> unavailable) {
        RosterSolution s = new RosterSolution(List.of(days.getFirst().getOperator()), List.of(), List.of(), unavailable,
                List.of(), new RosterWeights(), days);
        return SCORE.update(s);
    }

    static void apply(OperatorPatternSearch search, OperatorPatternSearch.Choice[] choices) {
        for (int p = 0; p < search.span(); p++) {
            if (search.isOpen(p)) {
                search.dayAt(p).setShift(choices[p].shift());
                search.dayAt(p).setQueue(choices[p].queue());
            }
        }
    }

    @Test
    void findsLegalNightBlocksUnderTheTightNightContract() {
        // preferring nights is what the roster wants from night workers; blocks of 4 with 48 h after them must fit
        OperatorPatternSearch.Gain nights = (d, s, q) -> s.isNight() ? 100 : s.paidMinutes() / 60.0;
        for (int seed = 0; seed < 5; seed++) {
            List<OperatorDay> days = open(nightWorker(1));
            OperatorPatternSearch search = new OperatorPatternSearch(days, Set.of());
            var choices = search.search(nights, new Random(seed), 3, 20_000, 10, seed > 0, true);
            assertThat(choices).as("seed %d", seed).isNotNull();
            apply(search, choices);
            assertThat(score(days, List.of()).hardScore()).isZero();
            assertThat(search.isLegal()).isTrue();
            int paid = days.stream().mapToInt(OperatorDay::paidMinutes).sum();
            assertThat(paid).isBetween(4 * 32 * 60, 4 * 36 * 60);
            assertThat(days.stream().filter(OperatorDay::isNight).count()).isGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void keepsPinnedAndAbsentDaysAndLeavesRoomForPinnedHoursLaterInTheWeek() {
        SolverOperator a = op(2).skills(1L).maxWeek(40 * 60).minPeriod(4 * 36 * 60).maxPeriod(4 * 40 * 60).build();
        List<OperatorDay> days = open(a);
        // published evening shifts on Thursday and Friday of week 1, an absence on Monday of week 2
        for (int d : new int[] {3, 4}) {
            OperatorDay pinned = days.get(d);
            pinned.setShift(evening(d));
            pinned.setQueue(1L);
            pinned.setPinned(true);
        }
        List<Unavailability> absent = List.of(new Unavailability(2, date(7)));
        OperatorPatternSearch search = new OperatorPatternSearch(days, Set.of(OperatorPatternSearch.key(2, date(7))));
        var choices = search.search((d, s, q) -> s.paidMinutes(), new Random(1), 3, 20_000, 10, true);
        assertThat(choices).isNotNull();
        apply(search, choices);
        assertThat(days.get(3).getShift()).isEqualTo(evening(3));
        assertThat(days.get(4).getShift()).isEqualTo(evening(4));
        assertThat(days.get(7).isWorking()).isFalse();
        assertThat(score(days, absent).hardScore()).isZero();
    }

    @Test
    void aBlockOfDaysOffBetweenFixedWorkedDaysCountsItsOpenDaysAsTheStreamsDo() {
        // two days off at least; published day shifts on Monday and Wednesday, Tuesday open between them
        SolverOperator a = op(3).skills(1L).minOff(2).maxConsecutive(5).build();
        List<OperatorDay> days = open(a);
        for (int d : new int[] {0, 2}) {
            days.get(d).setShift(day(d));
            days.get(d).setQueue(1L);
            days.get(d).setPinned(true);
        }
        // a search that would rather leave Tuesday off must work it: one day off there is a block too short
        OperatorPatternSearch search = new OperatorPatternSearch(days, Set.of());
        var choices = search.search((d, s, q) -> d.getDayIndex() == 1 ? -50 : s.paidMinutes() / 60.0, new Random(3), 3,
                20_000, 0, false, true, true);
        assertThat(choices).isNotNull();
        apply(search, choices);
        assertThat(days.get(1).isWorking()).as("Tuesday worked").isTrue();
        assertThat(score(days, List.of()).hardScore()).isZero();
        // with Tuesday unavailable the fixed days force the breach: no plan is legal, as the streams say
        days.get(1).setShift(null);
        OperatorPatternSearch absent = new OperatorPatternSearch(days, Set.of(OperatorPatternSearch.key(3, date(1))));
        assertThat(absent.search((d, s, q) -> s.paidMinutes(), new Random(3), 3, 20_000, 0, false, true)).isNull();
        assertThat(score(days, List.of(new Unavailability(3, date(1)))).hardScore()).isNegative();
    }

    @Test
    void legalityAgreesWithTheConstraintsOnRandomPatterns() {
        Random random = new Random(42);
        int legal = 0;
        int illegal = 0;
        for (int round = 0; round < 300; round++) {
            SolverOperator a = op(round + 1).skills(1L).maxWeek((24 + random.nextInt(20)) * 60)
                    .minPeriod(random.nextInt(100) * 60).maxPeriod((80 + random.nextInt(100)) * 60)
                    .maxConsecutive(3 + random.nextInt(4)).minOff(1 + random.nextInt(2)).maxNights(2 + random.nextInt(3))
                    .maxWeekends(1 + random.nextInt(4)).minRun(1 + random.nextInt(3)).maxShifts("E", random.nextInt(8))
                    .build();
            List<OperatorDay> days = open(a);
            // start from a legal pattern where one exists and change a few days, so both verdicts occur often
            OperatorPatternSearch search = new OperatorPatternSearch(days, Set.of());
            var choices = search.search((d, s, q) -> random.nextInt(10) - 3, random, 2, 5_000, 5, true, false);
            if (choices != null) {
                apply(search, choices);
            }
            for (int change = random.nextInt(4); change > 0; change--) {
                OperatorDay d = days.get(random.nextInt(DAYS));
                d.setShift(random.nextBoolean() ? null : d.getShiftRange().get(random.nextInt(5)));
                d.setQueue(random.nextInt(10) == 0 ? 2L : 1L);
            }
            boolean byScore = score(days, List.of()).hardScore() == 0;
            assertThat(new OperatorPatternSearch(days, Set.of()).isLegal()).as("round %d: %s", round, days).isEqualTo(byScore);
            if (byScore) {
                legal++;
            } else {
                illegal++;
            }
        }
        assertThat(legal).isGreaterThan(30);
        assertThat(illegal).isGreaterThan(30);
    }

    @Test
    void aWindowsLegalityAgreesWithTheConstraintsOnALongHorizon() {
        // a week's window in 10 weeks whose other days are a legal pattern: the window's check (which starts at the
        // window and leaves the days beyond the rules' reach unwalked) must say what the constraint streams say
        int horizon = 70;
        Random random = new Random(11);
        int legal = 0;
        int illegal = 0;
        for (int round = 0; round < 200; round++) {
            SolverOperator a = op(round + 1).skills(1L).maxWeek((30 + random.nextInt(14)) * 60)
                    .minPeriod(random.nextInt(300) * 60).maxPeriod((300 + random.nextInt(200)) * 60)
                    .maxConsecutive(3 + random.nextInt(4)).minOff(1 + random.nextInt(3)).maxNights(2 + random.nextInt(3))
                    .maxWeekends(3 + random.nextInt(6)).minRun(1 + random.nextInt(3)).build();
            List<OperatorDay> days = new ArrayList<>();
            for (int d = 0; d < horizon; d++) {
                days.add(OperatorDay.open(a, date(d), d, options(d)));
            }
            var start = new OperatorPatternSearch(days, Set.of()).search((d, sh, q) -> random.nextInt(10) - 2, random, 3,
                    50_000, 5, true, true);
            if (start == null) {
                continue;
            }
            for (int d = 0; d < horizon; d++) {
                days.get(d).setShift(start[d].shift());
                days.get(d).setQueue(start[d].queue());
            }
            int from = random.nextInt(horizon - 7 + 1);
            OperatorPatternSearch window = new OperatorPatternSearch(days, Set.of(), from, from + 6);
            for (int trial = 0; trial < 20; trial++) {
                // the legal pattern with one to four days of the window changed
                for (int d = from; d < from + 7; d++) {
                    days.get(d).setShift(start[d].shift());
                }
                for (int change = 1 + random.nextInt(4); change > 0; change--) {
                    OperatorDay d = days.get(from + random.nextInt(7));
                    d.setShift(random.nextInt(3) == 0 ? null : d.getShiftRange().get(random.nextInt(5)));
                    d.setQueue(1L);
                }
                boolean byScore = score(days, List.of()).hardScore() == 0;
                assertThat(window.isLegal()).as("round %d, window %d..%d: %s", round, from, from + 6, days).isEqualTo(byScore);
                if (byScore) {
                    legal++;
                } else {
                    illegal++;
                }
            }
        }
        assertThat(legal).isGreaterThan(50);
        assertThat(illegal).isGreaterThan(50);
    }

    @Test
    void branchAndBoundFindsTheBestLegalPatternOfAWindow() {
        // every pattern of a 9-day window (day, evening or off) enumerated and judged by the legality check: the
        // search with its gain bound must reach the best total gain, so the bound never cuts off the best pattern
        Random random = new Random(7);
        int windows = 0;
        for (int round = 0; round < 30; round++) {
            SolverOperator a = op(round + 1).skills(1L).maxWeek((24 + random.nextInt(20)) * 60)
                    .minPeriod(random.nextInt(110) * 60).maxPeriod((90 + random.nextInt(80)) * 60)
                    .maxConsecutive(2 + random.nextInt(4)).minOff(1 + random.nextInt(3)).maxWeekends(1 + random.nextInt(3))
                    .minRun(1 + random.nextInt(2)).build();
            List<OperatorDay> days = new ArrayList<>();
            for (int d = 0; d < DAYS; d++) {
                days.add(OperatorDay.open(a, date(d), d, List.of(day(d), evening(d))));
            }
            double[][] gain = new double[DAYS][2];
            for (double[] g : gain) {
                g[0] = random.nextInt(14) - 4;
                g[1] = random.nextInt(14) - 4;
            }
            OperatorPatternSearch.Gain byTable = (d, s, q) -> gain[d.getDayIndex()][s.templateCode().equals(evening(0).templateCode()) ? 1 : 0];
            // a legal start for the days outside the window
            var start = new OperatorPatternSearch(days, Set.of()).search(byTable, random, 3, 20_000, 3, true, true);
            if (start == null) {
                continue;
            }
            for (int d = 0; d < DAYS; d++) {
                days.get(d).setShift(start[d].shift());
                days.get(d).setQueue(start[d].queue());
            }
            int from = random.nextInt(DAYS - 9 + 1);
            int pinned = from + random.nextInt(9);
            days.get(pinned).setPinned(random.nextBoolean());
            OperatorPatternSearch search = new OperatorPatternSearch(days, Set.of(), from, from + 8);
            double best = Double.NEGATIVE_INFINITY;
            int[] digit = new int[9];
            for (int code = 0; code < 19_683; code++) {
                double total = 0;
                for (int i = 0, c = code; i < 9; i++, c /= 3) {
                    digit[i] = c % 3;
                    OperatorDay d = days.get(from + i);
                    if (d.isPinned()) {
                        continue;
                    }
                    d.setShift(digit[i] == 0 ? null : digit[i] == 1 ? day(from + i) : evening(from + i));
                    total += digit[i] == 0 ? 0 : gain[from + i][digit[i] - 1];
                }
                if (total > best && search.isLegal()) {
                    best = total;
                }
            }
            var found = search.search(byTable, new Random(round), 1, Long.MAX_VALUE, 0, false, true, true);
            if (best == Double.NEGATIVE_INFINITY) {
                assertThat(found).as("round %d: no legal pattern exists", round).isNull();
                assertThat(search.best(byTable, Long.MAX_VALUE, Double.NEGATIVE_INFINITY)).isNull();
                assertThat(search.wasCut()).isFalse();
                continue;
            }
            assertThat(found).as("round %d", round).isNotNull();
            assertThat(total(days, from, found, byTable)).as("round %d: best gain of window %d..%d", round, from, from + 8).isEqualTo(best);
            // column generation's pricing: only answers above a floor, and whether the node limit stopped the search
            assertThat(total(days, from, search.best(byTable, Long.MAX_VALUE, best - 0.5), byTable)).isEqualTo(best);
            assertThat(search.wasCut()).isFalse();
            assertThat(search.best(byTable, Long.MAX_VALUE, best)).as("round %d: nothing above the best", round).isNull();
            assertThat(search.wasCut()).isFalse();
            search.best(byTable, 3, Double.NEGATIVE_INFINITY);
            assertThat(search.wasCut()).as("a 9-day window takes more than 3 nodes").isTrue();
            windows++;
        }
        assertThat(windows).isGreaterThan(15);
    }

    /** The total gain of a 9-day window's open days from {@code from} in {@code plan}. */
    private static double total(List<OperatorDay> days, int from, OperatorPatternSearch.Choice[] plan, OperatorPatternSearch.Gain gain) {
        assertThat(plan).isNotNull();
        double total = 0;
        for (int i = 0; i < 9; i++) {
            OperatorDay d = days.get(from + i);
            if (!d.isPinned() && plan[d.getDayIndex()].shift() != null) {
                total += gain.of(d, plan[d.getDayIndex()].shift(), null);
            }
        }
        return total;
    }

    @Test
    void weekdayWorkStaysOpenWhenPinnedWeekendsAlreadyExceedTheLimit() {
        // two published weekends against a limit of one: no new weekend may be worked, but weekdays may (the branch
        // and bound once cut every shift there, so the best plan it found was to work nothing)
        SolverOperator a = op(4).skills(1L).maxWeekends(1).build();
        List<OperatorDay> days = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            days.add(OperatorDay.open(a, date(d), d, List.of(day(d))));
        }
        for (int d : new int[] {5, 12}) {
            days.get(d).setShift(day(d));
            days.get(d).setQueue(1L);
            days.get(d).setPinned(true);
        }
        OperatorPatternSearch search = new OperatorPatternSearch(days, Set.of());
        var plan = search.search((d, s, q) -> s.paidMinutes(), new Random(1), 1, 20_000, 0, false, true, true);
        assertThat(plan).isNotNull();
        assertThat(java.util.Arrays.stream(plan).filter(c -> c != null && c.shift() != null).count()).isGreaterThanOrEqualTo(6);
        apply(search, plan);
        assertThat(score(days, List.of()).hardScore()).as("only the pinned weekends break a rule").isEqualTo(-1000);
    }

    @Test
    void restrictedDaysTakeTheirOneChoiceAndTheRestStaysLegal() {
        // column generation's dives fix single days of an operator; the search must keep to them and stay legal
        OperatorPatternSearch.Gain hours = (d, s, q) -> s.isNight() ? 0 : s.paidMinutes() / 60.0;
        List<OperatorDay> days = open(nightWorker(3));
        OperatorPatternSearch search = new OperatorPatternSearch(days, Set.of());
        var free = search.search(hours, new Random(1), 1, 20_000, 0, false, true, true);
        assertThat(free).isNotNull();
        assertThat(free[9].shift()).isNotEqualTo(night(9));
        // a night on day 9 and a day off on day 10 that the free search did not choose
        search.restrict(9, new OperatorPatternSearch.Choice(night(9), 1L));
        search.restrict(10, OperatorPatternSearch.Choice.OFF);
        assertThat(search.restriction(9)).isNotNull();
        assertThat(search.restriction(11)).isNull();
        var fixed = search.search(hours, new Random(1), 1, 20_000, 0, false, true, true);
        assertThat(fixed).isNotNull();
        assertThat(fixed[9]).isEqualTo(new OperatorPatternSearch.Choice(night(9), 1L));
        assertThat(fixed[10]).isEqualTo(OperatorPatternSearch.Choice.OFF);
        apply(search, fixed);
        assertThat(score(days, List.of()).hardScore()).isZero();
        // a choice the day does not have (a queue outside the skills) leaves the search without an answer
        search.restrict(9, new OperatorPatternSearch.Choice(night(9), 99L));
        assertThat(search.search(hours, new Random(1), 1, 20_000, 0, false, true, true)).isNull();
        search.clearRestrictions();
        assertThat(search.search(hours, new Random(1), 1, 20_000, 0, false, true, true)).isEqualTo(free);
    }
}
