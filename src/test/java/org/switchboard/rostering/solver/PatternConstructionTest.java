package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.rostering.solver.RosterFixture.GRID_START;
import static org.switchboard.rostering.solver.RosterFixture.START;
import static org.switchboard.rostering.solver.RosterFixture.ZONE;
import static org.switchboard.rostering.solver.RosterFixture.op;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * The construction and the rebuild move on two weeks over the spring change: four night workers under the tight
 * night contract, four day workers with 36–40 h a week, hourly demand on one queue, the previous roster's last night
 * pinned before the period and a published day pinned inside it.
 */
class PatternConstructionTest {

    static final int DAYS = 14;
    static final DefaultSolverFactory<RosterSolution> FACTORY = (DefaultSolverFactory<RosterSolution>) SolverFactory
            .<RosterSolution>create(RosterSolverConfig.create(Duration.ofSeconds(1), null));
    static final SolutionManager<RosterSolution, HardMediumSoftScore> SCORE = SolutionManager.create(FACTORY);

    static RosterSolution instance() {
        List<SolverOperator> operators = new ArrayList<>();
        for (long id = 1; id <= 8; id++) {
            operators.add(id <= 4
                    ? op(id).skills(1L).maxWeek(36 * 60).minPeriod(2 * 32 * 60).maxPeriod(2 * 36 * 60).maxConsecutive(4)
                            .maxNights(4).minRest(12 * 60).maxWeekends(1).build()
                    : op(id).skills(1L).noNights().maxWeek(40 * 60).minPeriod(2 * 36 * 60).maxPeriod(2 * 40 * 60).build());
        }
        List<DemandUnit> units = new ArrayList<>();
        Instant end = START.plusDays(DAYS).atStartOfDay(ZONE).toInstant();
        int slot = 0;
        for (Instant t = GRID_START; t.isBefore(end); t = t.plus(1, ChronoUnit.HOURS), slot++) {
            var local = t.atZone(ZONE);
            int h = local.getHour();
            int required = h >= 8 && h < 17 ? 3 : h >= 6 && h < 22 ? 2 : 1;
            units.add(new DemandUnit(units.size(), 1L, slot, (int) ChronoUnit.DAYS.between(START, local.toLocalDate()),
                    "q1 " + local, required, ServiceCurve.AVERAGE_STEP, 1));
        }
        List<OperatorDay> days = new ArrayList<>();
        List<ShiftOption> options = new ArrayList<>();
        ShiftOption previousNight = RosterFixture.night(-1);
        options.add(previousNight);
        days.add(new OperatorDay(operators.getFirst(), previousNight.date(), -1, false, true, List.of(previousNight),
                previousNight, 1L));
        for (int d = 0; d < DAYS; d++) {
            options.addAll(OperatorPatternSearchTest.options(d));
        }
        for (SolverOperator o : operators) {
            for (int d = 0; d < DAYS; d++) {
                List<ShiftOption> allowed = OperatorPatternSearchTest.options(d).stream()
                        .filter(s -> o.nightEligible() || !s.isNight()).toList();
                boolean published = o.id() == 6 && d == 2;
                days.add(new OperatorDay(o, RosterFixture.date(d), d, true, published, allowed,
                        published ? allowed.get(1) : null, published ? 1L : null));
            }
        }
        return new RosterSolution(operators, options, units, List.of(), List.of(), new RosterWeights(), days);
    }

    static void construct(RosterSolution s) {
        PatternConstruction.plan(s, (d, c) -> {
            d.setShift(c.shift());
            d.setQueue(c.shift() == null ? d.getQueue() : c.queue());
        });
    }

    @Test
    void buildsALegalRosterThatCoversDemandAndKeepsPinnedDays() {
        RosterSolution s = instance();
        HardMediumSoftScore empty = SCORE.update(s);
        construct(s);
        HardMediumSoftScore built = SCORE.update(s);

        assertThat(empty.hardScore()).isNegative(); // nobody reaches the period minimum
        assertThat(built.hardScore()).isZero();
        assertThat(built.mediumScore()).as("%s vs empty %s", built, empty).isGreaterThan(empty.mediumScore() / 2);
        OperatorDay published = s.getDays().stream().filter(d -> d.isPinned() && d.isInPeriod()).findFirst().orElseThrow();
        assertThat(published.getShift().templateCode()).isEqualTo("E");
        // the night before the period: operator 1 does not start a day shift 24 h after it
        OperatorDay first = s.getDays().stream().filter(d -> d.operatorId() == 1 && d.getDayIndex() == 0).findFirst().orElseThrow();
        assertThat(first.isWorking() && !first.isNight()).isFalse();
    }

    @Test
    void keepsLegalOperatorsAsTheyAreAndRebuildsOnlyTheBrokenOne() {
        RosterSolution s = instance();
        construct(s);
        Map<String, ShiftOption> before = new HashMap<>();
        s.getDays().forEach(d -> before.put(d.getId(), d.getShift()));
        // operator 7 now works every day: runs, weekly and period hours broken
        s.getDays().stream().filter(d -> d.operatorId() == 7).forEach(d -> {
            d.setShift(d.getShiftRange().getFirst());
            d.setQueue(1L);
        });
        assertThat(SCORE.update(s).hardScore()).isNegative();

        List<SolverOperator> failed = PatternConstruction.plan(s, (d, c) -> {
            d.setShift(c.shift());
            d.setQueue(c.shift() == null ? d.getQueue() : c.queue());
        });
        assertThat(failed).isEmpty();
        assertThat(SCORE.update(s).hardScore()).isZero();
        assertThat(s.getDays()).filteredOn(d -> d.operatorId() != 7)
                .allMatch(d -> java.util.Objects.equals(d.getShift(), before.get(d.getId())));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rebuildMovesKeepTheRosterLegalAndPinnedDaysAndUndoExactly(boolean pairs) {
        RosterSolution s = instance();
        construct(s);
        try (InnerScoreDirector<RosterSolution, HardMediumSoftScore> sd =
                (InnerScoreDirector<RosterSolution, HardMediumSoftScore>) FACTORY.getScoreDirectorFactory().buildScoreDirector()) {
            sd.setWorkingSolution(s);
            HardMediumSoftScore start = sd.calculateScore();
            assertThat(start.hardScore()).isZero();
            int doable = 0;
            int better = 0;
            Random random = new Random(5);
            for (int step = 0; step < 60; step++) {
                Iterator<ChangeDaysMove> moves = (pairs ? new RebuildOperatorMove.PairFactory() : new RebuildOperatorMove.Factory())
                        .createRandomMoveIterator(sd, random);
                ChangeDaysMove move = moves.next();
                if (!move.isMoveDoable(sd)) {
                    continue;
                }
                doable++;
                assertThat(move.getPlanningEntities()).allMatch(d -> d.isInPeriod() && !d.isPinned());
                if (pairs) {
                    assertThat(move.getPlanningEntities().stream().map(d -> ((OperatorDay) d).operatorId()).distinct().count())
                            .isLessThanOrEqualTo(2);
                }
                HardMediumSoftScore before = sd.calculateScore();
                var undo = move.doMove(sd);
                HardMediumSoftScore after = sd.calculateScore();
                assertThat(after.hardScore()).as("after %s", move).isZero();
                if (after.compareTo(before) > 0) {
                    better++; // keep it, as a local search would
                } else {
                    undo.doMove(sd);
                    assertThat(sd.calculateScore()).isEqualTo(before);
                }
            }
            assertThat(doable).isGreaterThanOrEqualTo(10);
            // making a move leaves the step's coverage as it was
            Residual covered = new Residual(s);
            s.getDays().forEach(covered::take);
            String counts = covered.counts();
            Map<Long, List<OperatorDay>> byOperator = new java.util.TreeMap<>();
            s.getDays().forEach(d -> byOperator.computeIfAbsent(d.operatorId(), k -> new java.util.ArrayList<>()).add(d));
            List<List<OperatorDay>> all = List.copyOf(byOperator.values());
            for (int i = 0; i < 20; i++) {
                RebuildOperatorMove.Factory.rebuild(pairs ? List.of(all.get(i % all.size()), all.get((i + 3) % all.size()))
                        : List.of(all.get(i % all.size())), covered, OperatorPatternSearch.unavailable(s), DAYS, random);
                assertThat(covered.counts()).isEqualTo(counts);
            }
            assertThat(better).isPositive();
            assertThat(sd.calculateScore().mediumScore()).isGreaterThan(start.mediumScore());
        }
    }

    @Test
    void onAPeriodLongerThanHalfAYearARebuildPlansAtMostFourWeeksUnlessTheOperatorBreaksARule() {
        int horizon = RebuildOperatorMove.WHOLE_PERIOD_UP_TO + 7;
        SolverOperator legal = op(1).skills(1L).noNights().maxWeek(40 * 60).build();
        SolverOperator shortOfHours = op(2).skills(1L).noNights().maxWeek(40 * 60).minPeriod(120 * 480).build();
        List<DemandUnit> units = new ArrayList<>();
        for (int slot = 0; slot < horizon * 24 + 1; slot++) {
            units.add(new DemandUnit(slot, 1L, slot, slot / 24, "q1 " + slot, 1, ServiceCurve.AVERAGE_STEP, 1));
        }
        List<OperatorDay> days = new ArrayList<>();
        for (SolverOperator o : List.of(legal, shortOfHours)) {
            for (int d = 0; d < horizon; d++) {
                days.add(OperatorDay.open(o, RosterFixture.date(d), d, List.of(RosterFixture.day(d), RosterFixture.evening(d))));
            }
        }
        RosterSolution s = new RosterSolution(List.of(legal, shortOfHours), List.of(), units, List.of(), List.of(),
                new RosterWeights(), days);
        List<OperatorDay> first = days.subList(0, horizon);
        List<OperatorDay> second = days.subList(horizon, 2 * horizon);
        Residual covered = new Residual(s);
        s.getDays().forEach(covered::take);
        Random random = new Random(7);
        int widest = 0;
        int widestBroken = 0;
        for (int i = 0; i < 30; i++) {
            // an empty plan: legal for the first operator (no minimum), 120 shifts short for the second
            widest = Math.max(widest, span(RebuildOperatorMove.Factory.rebuild(List.of(first), covered, java.util.Set.of(),
                    horizon, random)));
            widestBroken = Math.max(widestBroken, span(RebuildOperatorMove.Factory.rebuild(List.of(second), covered,
                    java.util.Set.of(), horizon, random)));
        }
        assertThat(widest).as("days spanned by a legal operator's rebuild").isPositive()
                .isLessThanOrEqualTo(RebuildOperatorMove.LONGEST_WINDOW);
        assertThat(widestBroken).as("days spanned by a rebuild of an operator short of hours")
                .isGreaterThan(RebuildOperatorMove.LONGEST_WINDOW);
    }

    /** From the first to the last day a move changes, inclusive. */
    private static int span(ChangeDaysMove move) {
        var indexes = move.getPlanningEntities().stream().mapToInt(d -> ((OperatorDay) d).getDayIndex()).summaryStatistics();
        return indexes.getCount() == 0 ? 0 : indexes.getMax() - indexes.getMin() + 1;
    }
}
