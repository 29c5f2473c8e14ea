package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/** The passes between construction and local search, on the fixture of {@link PatternConstructionTest}. */
class PatternSweepTest {

    private static PatternSweep.Report sweep(RosterSolution s, long budgetMillis, Map<String, Integer> changes) {
        return PatternSweep.sweep(s, budgetMillis, new Random(3), (d, c) -> {
            changes.merge(d.getId(), 1, Integer::sum);
            d.setShift(c.shift());
            d.setQueue(c.shift() == null ? d.getQueue() : c.queue());
        });
    }

    @Test
    void replansOperatorsForMoreCoverageAndKeepsTheRosterLegalAndPinnedDays() {
        RosterSolution s = PatternConstructionTest.instance();
        PatternConstructionTest.construct(s);
        HardMediumSoftScore built = PatternConstructionTest.SCORE.update(s);
        Map<String, Object> pinned = new HashMap<>();
        s.getDays().stream().filter(OperatorDay::isPinned).forEach(d -> pinned.put(d.getId(), d.getShift()));

        Map<String, Integer> changes = new HashMap<>();
        PatternSweep.Report report = sweep(s, 10_000, changes);
        HardMediumSoftScore swept = PatternConstructionTest.SCORE.update(s);

        assertThat(report.gainPerPass()).isNotEmpty().allMatch(g -> g >= 0);
        assertThat(report.gainPerPass().getFirst()).isPositive();
        assertThat(swept.hardScore()).isZero();
        assertThat(swept).as("after the passes %s, built %s", swept, built).isGreaterThan(built);
        assertThat(changes).isNotEmpty().doesNotContainKeys(pinned.keySet().toArray(String[]::new));
        s.getDays().stream().filter(OperatorDay::isPinned).forEach(d -> assertThat(d.getShift()).isEqualTo(pinned.get(d.getId())));
        // the passes stop when one adds (next to) nothing: the last is below a hundredth of the first
        assertThat(report.gainPerPass().getLast()).isLessThan(report.gainPerPass().getFirst() / 100);
    }

    @Test
    void aSpentBudgetChangesNothing() {
        RosterSolution s = PatternConstructionTest.instance();
        PatternConstructionTest.construct(s);
        Map<String, Integer> changes = new HashMap<>();

        PatternSweep.Report report = sweep(s, 0, changes);

        assertThat(report.gainPerPass()).isEmpty();
        assertThat(changes).isEmpty();
    }
}
