package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.rostering.solver.RosterFixture.day;
import static org.switchboard.rostering.solver.RosterFixture.op;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hours repair: shortens a shift in a week over its maximum, adds one where the period is short, else nothing. */
class WeekHoursRepairTest {

    static ShiftOption part(int d) {
        return RosterFixture.option(d, "P", LocalTime.of(8, 0), 240, 0, 0);
    }

    static List<OperatorDay> days(SolverOperator a, int workedUpTo) {
        List<OperatorDay> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            days.add(new OperatorDay(a, RosterFixture.date(d), d, true, false, List.of(day(d), part(d)),
                    d <= workedUpTo ? day(d) : null, 1L));
        }
        return days;
    }

    @Test
    void shortensAShiftInAWeekOverItsMaximum() {
        SolverOperator a = op(1).skills(1L).maxWeek(24 * 60).build();
        List<OperatorDay> days = days(a, 3); // 4 × 8 h in the week, 24 h allowed
        for (int seed = 0; seed < 20; seed++) {
            ChangeDaysMove move = WeekHoursRepair.Factory.repair(days, new Random(seed));
            assertThat(move).isNotNull();
            OperatorDay changed = move.getPlanningEntities().getFirst();
            assertThat(changed.getDayIndex()).isBetween(0, 3);
            assertThat(move.getPlanningValues()).allMatch(v -> !(v instanceof ShiftOption o) || o.paidMinutes() < 480);
        }
    }

    @Test
    void addsAShiftWhereThePeriodIsShortAndLeavesALegalOperatorAlone() {
        SolverOperator shortOne = op(1).skills(1L).minPeriod(4 * 480).build();
        ChangeDaysMove add = WeekHoursRepair.Factory.repair(days(shortOne, 1), new Random(3));
        assertThat(add).isNotNull();
        assertThat(add.getPlanningEntities()).singleElement().matches(d -> !d.isWorking() && d.getDayIndex() >= 2);
        SolverOperator fine = op(2).skills(1L).minPeriod(2 * 480).build();
        assertThat(WeekHoursRepair.Factory.repair(days(fine, 1), new Random(3))).isNull();
    }
}
