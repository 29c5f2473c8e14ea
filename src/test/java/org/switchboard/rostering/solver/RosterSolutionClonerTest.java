package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.rostering.solver.RosterFixture.date;
import static org.switchboard.rostering.solver.RosterFixture.day;
import static org.switchboard.rostering.solver.RosterFixture.evening;
import static org.switchboard.rostering.solver.RosterFixture.op;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/** The hand-written planning clone: days copied with every field, everything else shared. */
class RosterSolutionClonerTest {

    @Test
    void copiesEveryFieldOfTheDaysAndSharesTheFacts() throws IllegalAccessException {
        SolverOperator a = op(1).skills(1L).build();
        OperatorDay worked = new OperatorDay(a, date(0), 0, true, true, List.of(day(0), evening(0)), evening(0), 1L);
        worked.placeBreaks(List.of(new PlacedBreak(Instant.parse("2026-03-23T18:00:00Z"), Instant.parse("2026-03-23T18:30:00Z"))),
                new int[] {3, 4});
        worked.setPublished(evening(0).id(), 1L);
        OperatorDay off = OperatorDay.open(a, date(1), 1, List.of(day(1)));
        RosterSolution original = new RosterSolution(List.of(a), List.of(day(0), evening(0), day(1)), List.of(), List.of(),
                List.of(), new RosterWeights(), List.of(worked, off));
        original.setScore(HardMediumSoftScore.of(0, -3, -7));

        RosterSolution clone = new RosterSolutionCloner().cloneSolution(original);

        assertThat(clone.getScore()).isEqualTo(original.getScore());
        assertThat(clone.getOperators()).isSameAs(original.getOperators());
        assertThat(clone.getShiftOptions()).isSameAs(original.getShiftOptions());
        assertThat(clone.getWeights()).isSameAs(original.getWeights());
        assertThat(clone.getDays()).isNotSameAs(original.getDays()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            OperatorDay o = original.getDays().get(i);
            OperatorDay c = clone.getDays().get(i);
            assertThat(c).isNotSameAs(o);
            // every field, including any added later: a field the clone forgets fails here
            for (Field f : OperatorDay.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                if (f.getType().isPrimitive()) {
                    assertThat(f.get(c)).as(f.getName()).isEqualTo(f.get(o));
                } else {
                    // the worked day has every field set, so a forgotten one shows as null there
                    assertThat(f.get(c)).as(f.getName()).isSameAs(f.get(o));
                    if (i == 0) {
                        assertThat(f.get(c)).as(f.getName()).isNotNull();
                    }
                }
            }
        }
        // the clone's planning variables are its own
        clone.getDays().get(0).setShift(null);
        assertThat(worked.getShift()).isEqualTo(evening(0));
    }
}
