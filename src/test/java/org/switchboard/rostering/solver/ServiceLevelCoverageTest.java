package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/**
 * The search weighs coverage as the score does when units carry service curves: the gain {@link Residual} gives an
 * operator is the score's change, the k-th operator of a unit is worth less than the one before, and column
 * generation's model (a segment per missing operator) improves the roster by the score.
 */
class ServiceLevelCoverageTest {

    @BeforeAll
    static void ortoolsLoads() {
        assertThat(ColumnGeneration.available()).isTrue();
    }

    /** The call-center fixture of {@link PatternConstructionTest}, each unit weighed by a service curve. */
    static RosterSolution instance() {
        RosterSolution s = PatternConstructionTest.instance();
        List<DemandUnit> units = new ArrayList<>();
        for (DemandUnit u : s.getDemandUnits()) {
            // busier by day; service level rising with the operators present, faster where it is quiet
            double calls = 6.0 * u.required() + (u.slot() % 24 >= 9 && u.slot() % 24 < 12 ? 20 : 0);
            double scale = calls / 8;
            double[] levels = ServiceCurve.levels(u.required(), n -> 1 - Math.exp(-n * n / (scale * scale + 1)));
            ServiceCurve curve = ServiceCurve.of(calls, u.required(), levels, ServiceCurve.answeredSteps(calls, levels), 10);
            units.add(new DemandUnit(u.index(), u.queueId(), u.slot(), u.dayIndex(), u.label(), u.required(),
                    1, u.surplusWeight(), curve));
        }
        return new RosterSolution(s.getOperators(), s.getShiftOptions(), units, s.getUnavailabilities(),
                s.getPreferences(), s.getWeights(), s.getDays());
    }

    @Test
    void theSearchsGainIsTheScoresChangeAndEachFurtherOperatorIsWorthLess() {
        RosterSolution s = instance();
        // surplus and wishes left out: the gain is then the medium score's change alone
        s.getWeights().with(RosterWeights.OVER_COVERAGE, HardMediumSoftScore.ZERO);
        HardMediumSoftScore before = PatternConstructionTest.SCORE.update(s);
        List<OperatorDay> onDay5 = s.getDays().stream().filter(d -> d.getDayIndex() == 5 && !d.isPinned()).toList();
        ShiftOption shift = onDay5.getFirst().getShiftRange().stream().filter(o -> o.templateCode().equals("D"))
                .findFirst().orElseThrow();
        double previous = Double.MAX_VALUE;
        double first = 0;
        for (OperatorDay d : onDay5.subList(0, 4)) {
            Residual residual = new Residual(s);
            s.getDays().forEach(residual::take);
            double gain = residual.gain(d, shift, 1L);
            d.setShift(shift);
            d.setQueue(1L);
            HardMediumSoftScore after = PatternConstructionTest.SCORE.update(s);
            assertThat(gain).as("gain of %s", d).isCloseTo(after.mediumScore() - before.mediumScore(), within(1e-6));
            assertThat(gain).as("a further operator on the same shift").isLessThanOrEqualTo(previous);
            first = previous == Double.MAX_VALUE ? gain : first;
            previous = gain;
            before = after;
        }
        assertThat(previous).as("the fourth operator against the first").isLessThan(first);
    }

    @Test
    void columnGenerationImprovesAServiceLevelRosterByTheScore() {
        RosterSolution s = instance();
        PatternConstructionTest.construct(s);
        HardMediumSoftScore built = PatternConstructionTest.SCORE.update(s);
        Double builtLevel = s.serviceLevel();
        ColumnGeneration.Report report = ColumnGeneration.run(s, 20_000, (d, c) -> {
            d.setShift(c.shift());
            d.setQueue(c.shift() == null ? d.getQueue() : c.queue());
        });
        HardMediumSoftScore after = PatternConstructionTest.SCORE.update(s);
        assertThat(report.kept()).as("%s", report).isTrue();
        assertThat(report.bound()).isLessThanOrEqualTo(report.after() + 1e-6);
        assertThat(after.hardScore()).isZero();
        assertThat(after.mediumScore()).as("after %s, built %s (%s)", after, built, report).isGreaterThan(built.mediumScore());
        assertThat(s.serviceLevel()).as("projected service level").isGreaterThan(builtLevel);
    }
}
