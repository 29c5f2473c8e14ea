package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.SharedData;
import org.switchboard.demand.staffing.ErlangC;
import org.switchboard.demand.staffing.StaffingCalculator;
import org.switchboard.demand.staffing.StaffingRequest;

/** The bank benchmark's judge: the call-weighted service level a roster achieves on real calls. */
class BankWeekTest {

    @Test
    void theErlangRequirementMeetsTheTargetAndOneOperatorLessDoesNot() {
        double calls = 120;
        double aht = 190;
        int needed = StaffingCalculator.required(StaffingRequest.erlangC(calls, 30, aht, 0.8, 20)).agents();
        double at = BankWeek.serviceLevel(new int[] {needed}, new double[] {calls}, new double[] {aht}, 100, 1800, 20);
        double below = BankWeek.serviceLevel(new int[] {needed - 1}, new double[] {calls}, new double[] {aht}, 100, 1800, 20);
        assertThat(at).isGreaterThanOrEqualTo(0.8).isCloseTo(ErlangC.serviceLevel(needed, calls * aht / 1800, aht, 20), within(1e-12));
        assertThat(below).isLessThan(0.8);
    }

    @Test
    void callWeightedOverIntervalsAndNobodyOrOverloadAnswersNone() {
        // 100 calls with far more operators than load (about 1), 300 calls with nobody: a quarter in time
        double sl = BankWeek.serviceLevel(new int[] {40, 0}, new double[] {100, 300}, new double[] {180, 180}, 180, 1800, 20);
        assertThat(sl).isCloseTo(0.25, within(1e-6));
        // 10 Erlangs on 10 operators: the queue grows without bound
        assertThat(BankWeek.serviceLevel(new int[] {10}, new double[] {100}, new double[] {180}, 180, 1800, 20)).isZero();
        // no answered call in an interval: the week's talk time is used; no calls at all: nothing to judge
        assertThat(BankWeek.serviceLevel(new int[] {3}, new double[] {10}, new double[] {Double.NaN}, 180, 1800, 20))
                .isCloseTo(ErlangC.serviceLevel(3, 1.0, 180, 20), within(1e-12));
        assertThat(BankWeek.serviceLevel(new int[] {0}, new double[] {0}, new double[] {Double.NaN}, 180, 1800, 20)).isEqualTo(1);
    }

    @Test
    void readsThePooledIntervalsOfTheSharedFile() throws IOException {
        List<BankWeek.Interval> all = BankWeek.read(SharedData.require("data/callcenter/intervals_30min.csv"));
        assertThat(all).hasSize(28 * 48);
        List<BankWeek.Interval> week = all.stream().filter(r -> !r.date().isBefore(LocalDate.of(1999, 2, 22))).toList();
        assertThat(week).hasSize(7 * 48);
        // the shared README: 33,344 records, 278 phantom; of the rest, the ones that reached the agents' queue
        int calls = all.stream().mapToInt(BankWeek.Interval::calls).sum();
        int answered = all.stream().mapToInt(BankWeek.Interval::answered).sum();
        assertThat(calls).isBetween(answered, 33_344 - 278);
        assertThat(answered).isPositive().isLessThanOrEqualTo(27_162);
        assertThat(week.stream().mapToInt(BankWeek.Interval::calls).sum()).isEqualTo(7111);
        assertThat(all).allSatisfy(r -> assertThat(r.answeredWithin20s()).isBetween(0, r.answered()));
    }
}
