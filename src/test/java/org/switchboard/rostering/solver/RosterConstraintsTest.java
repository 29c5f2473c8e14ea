package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;

import static org.switchboard.rostering.solver.RosterFixture.date;
import static org.switchboard.rostering.solver.RosterFixture.day;
import static org.switchboard.rostering.solver.RosterFixture.evening;
import static org.switchboard.rostering.solver.RosterFixture.night;
import static org.switchboard.rostering.solver.RosterFixture.off;
import static org.switchboard.rostering.solver.RosterFixture.late;
import static org.switchboard.rostering.solver.RosterFixture.op;
import static org.switchboard.rostering.solver.RosterFixture.option;
import static org.switchboard.rostering.solver.RosterFixture.run;
import static org.switchboard.rostering.solver.RosterFixture.slot;
import static org.switchboard.rostering.solver.RosterFixture.slotOption;
import static org.switchboard.rostering.solver.RosterFixture.work;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.rostering.ShiftKind;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** Every rule with a penalised and a clean case (ConstraintVerifier from optaplanner-test). */
class RosterConstraintsTest {

    private final ConstraintVerifier<RosterConstraints, RosterSolution> verifier =
            ConstraintVerifier.build(new RosterConstraints(), RosterSolution.class, OperatorDay.class);

    private static Object[] all(List<?>... lists) {
        List<Object> out = new ArrayList<>();
        for (List<?> l : lists) {
            out.addAll(l);
        }
        return out.toArray();
    }

    @Test
    void unavailable() {
        SolverOperator a = op(1).build();
        verifier.verifyThat(RosterConstraints::unavailable)
                .given(work(a, day(0)), new Unavailability(1, date(0))).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::unavailable)
                .given(work(a, day(0)), off(a, 1), new Unavailability(1, date(1))).penalizesBy(0);
        // a window: available only from 14:00 on day 0 (the day shift 07:00-16:00 overlaps, the evening does not)
        java.time.Instant midnight = date(0).atStartOfDay(RosterFixture.ZONE).toInstant();
        Unavailability morning = new Unavailability(1, date(0), midnight, midnight.plus(java.time.Duration.ofHours(14)));
        verifier.verifyThat(RosterConstraints::unavailable).given(work(a, day(0)), morning).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::unavailable).given(work(a, evening(0)), morning).penalizesBy(0);
        // an absence from day 1, 00:00: the night starting on day 0 runs into it, the evening ends before
        java.time.Instant day1 = date(1).atStartOfDay(RosterFixture.ZONE).toInstant();
        Unavailability absent = new Unavailability(1, date(0), day1, day1.plus(java.time.Duration.ofDays(1)));
        verifier.verifyThat(RosterConstraints::unavailable).given(work(a, night(0)), absent).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::unavailable).given(work(a, evening(0)), absent).penalizesBy(0);
    }

    @Test
    void skillForQueue() {
        SolverOperator a = op(1).skills(1L).build();
        verifier.verifyThat(RosterConstraints::skillForQueue).given(work(a, day(0), 2L)).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::skillForQueue).given(work(a, day(0), 1L)).penalizesBy(0);
        // a published (pinned) day is not judged any more; a planner's forced edit is
        OperatorDay published = work(a, day(0), 2L);
        published.setPinned(true);
        verifier.verifyThat(RosterConstraints::skillForQueue).given(published).penalizesBy(0);
        OperatorDay forced = work(a, day(0), 2L);
        forced.pinByPlanner();
        verifier.verifyThat(RosterConstraints::skillForQueue).given(forced).penalizesBy(1);
    }

    @Test
    void nightEligible() {
        verifier.verifyThat(RosterConstraints::nightEligible)
                .given(work(op(1).noNights().build(), night(0))).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::nightEligible)
                .given(work(op(1).build(), night(0)), work(op(2).noNights().build(), evening(0))).penalizesBy(0);
        OperatorDay forced = work(op(1).noNights().build(), night(0));
        forced.pinByPlanner();
        verifier.verifyThat(RosterConstraints::nightEligible).given(forced).penalizesBy(1);
        OperatorDay published = work(op(1).noNights().build(), night(0));
        published.setPinned(true);
        verifier.verifyThat(RosterConstraints::nightEligible).given(published).penalizesBy(0);
    }

    @Test
    void minRestAfterEveningAndAcrossMidnight() {
        SolverOperator a = op(1).build();
        // evening ends 23:00, day starts 07:00: 8 h of 11 h
        verifier.verifyThat(RosterConstraints::minRest).given(work(a, evening(0)), work(a, day(1))).penalizesBy(180);
        // night ends 07:00 next day, evening starts 14:00: 7 h of 11 h
        verifier.verifyThat(RosterConstraints::minRest).given(work(a, night(0)), work(a, evening(1))).penalizesBy(240);
        // night after night: 15 h
        verifier.verifyThat(RosterConstraints::minRest).given(work(a, night(0)), work(a, night(1))).penalizesBy(0);
        // day after evening with a day off between
        verifier.verifyThat(RosterConstraints::minRest)
                .given(work(a, evening(0)), off(a, 1), work(a, day(2))).penalizesBy(0);
    }

    @Test
    void minRestCountsRealTimeOverDstChange() {
        SolverOperator a = op(1).minRest(600).build();
        // Sat 28 Mar 23:00 to Sun 29 Mar 09:30 is 10.5 h on the clock but 9.5 h real (clocks go forward)
        verifier.verifyThat(RosterConstraints::minRest)
                .given(work(a, evening(5)), work(a, option(6, "D930", LocalTime.of(9, 30), 480, 0, 0))).penalizesBy(30);
        // the same a week later is 10.5 h
        verifier.verifyThat(RosterConstraints::minRest)
                .given(work(a, evening(12)), work(a, option(13, "D930", LocalTime.of(9, 30), 480, 0, 0))).penalizesBy(0);
    }

    @Test
    void maxMinutesPerWeek() {
        SolverOperator a = op(1).maxWeek(24 * 60).build();
        verifier.verifyThat(RosterConstraints::maxMinutesPerWeek).given(all(run(a, 0, 3, RosterFixture::day))).penalizesBy(480);
        // days 4–6 in one ISO week, day 7 in the next
        verifier.verifyThat(RosterConstraints::maxMinutesPerWeek).given(all(run(a, 4, 7, RosterFixture::day))).penalizesBy(0);
    }

    /** What the published roster did wholly before the period is not this roster's to fix; across its start it is. */
    @Test
    void rulesBeforeThePeriodCountOnlyWhereTheyReachIt() {
        SolverOperator a = op(1).maxWeek(24 * 60).build();
        OperatorDay eveningBefore = new OperatorDay(a, date(-2), -2, false, true, List.of(), evening(-2), null);
        OperatorDay dayBefore = new OperatorDay(a, date(-1), -1, false, true, List.of(), day(-1), null);
        verifier.verifyThat(RosterConstraints::minRest).given(eveningBefore, dayBefore).penalizesBy(0);
        OperatorDay eveningLast = new OperatorDay(a, date(-1), -1, false, true, List.of(), evening(-1), null);
        verifier.verifyThat(RosterConstraints::minRest).given(eveningLast, work(a, day(0))).penalizesBy(180);
        // the ISO week before the period: 4 × 8 h over a 24 h maximum, all kept days
        List<OperatorDay> lastWeek = new ArrayList<>();
        for (int d = -4; d <= -1; d++) {
            lastWeek.add(new OperatorDay(a, date(d), d, false, true, List.of(), day(d), null));
        }
        verifier.verifyThat(RosterConstraints::maxMinutesPerWeek).given(lastWeek.toArray()).penalizesBy(0);
    }

    @Test
    void maxMinutesPerPeriod() {
        SolverOperator a = op(1).maxPeriod(960).build();
        verifier.verifyThat(RosterConstraints::maxMinutesPerPeriod).given(all(run(a, 0, 2, RosterFixture::day))).penalizesBy(480);
        OperatorDay before = new OperatorDay(a, date(-1), -1, false, true, List.of(), day(-1), null);
        verifier.verifyThat(RosterConstraints::maxMinutesPerPeriod)
                .given(all(run(a, 0, 1, RosterFixture::day), List.of(before))).penalizesBy(0);
    }

    @Test
    void minMinutesPerPeriod() {
        SolverOperator a = op(1).minPeriod(960).build();
        verifier.verifyThat(RosterConstraints::minMinutesPerPeriod).given(work(a, day(0)), off(a, 1)).penalizesBy(480);
        verifier.verifyThat(RosterConstraints::minMinutesPerPeriod).given(off(a, 0), off(a, 1)).penalizesBy(960);
        verifier.verifyThat(RosterConstraints::minMinutesPerPeriod).given(work(a, day(0)), work(a, day(1))).penalizesBy(0);
    }

    @Test
    void maxConsecutiveDays() {
        SolverOperator a = op(1).maxConsecutive(5).build();
        verifier.verifyThat(RosterConstraints::maxConsecutiveDays).given(all(run(a, 0, 5, RosterFixture::day))).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::maxConsecutiveDays).given(all(run(a, 0, 6, RosterFixture::day))).penalizesBy(2);
        verifier.verifyThat(RosterConstraints::maxConsecutiveDays)
                .given(all(run(a, 0, 4, RosterFixture::day), List.of(off(a, 5)), run(a, 6, 8, RosterFixture::day))).penalizesBy(0);
    }

    @Test
    void minConsecutiveDaysOff() {
        SolverOperator a = op(1).minOff(2).build();
        verifier.verifyThat(RosterConstraints::minConsecutiveDaysOff)
                .given(work(a, day(0)), off(a, 1), work(a, day(2))).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::minConsecutiveDaysOff)
                .given(work(a, day(0)), off(a, 1), off(a, 2), work(a, day(3)), work(a, day(4))).penalizesBy(0);
        // a single day off at the end of the period is not a closed block
        verifier.verifyThat(RosterConstraints::minConsecutiveDaysOff).given(work(a, day(0)), off(a, 1)).penalizesBy(0);
    }

    @Test
    void maxNightsInRow() {
        SolverOperator a = op(1).maxNights(3).build();
        verifier.verifyThat(RosterConstraints::maxNightsInRow).given(all(run(a, 0, 3, RosterFixture::night))).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::maxNightsInRow)
                .given(all(run(a, 0, 2, RosterFixture::night), List.of(off(a, 3)), run(a, 4, 6, RosterFixture::night))).penalizesBy(0);
    }

    @Test
    void restAfterNights() {
        SolverOperator a = op(1).build();
        // night ends day 1 07:00, day shift day 2 07:00: 24 h of 48 h
        verifier.verifyThat(RosterConstraints::restAfterNights).given(work(a, night(0)), work(a, day(2))).penalizesBy(1440);
        // a night on the next day continues the block; 48 h after the last night is enough
        verifier.verifyThat(RosterConstraints::restAfterNights)
                .given(work(a, night(0)), work(a, night(1)), work(a, day(4))).penalizesBy(0);
        // the rest is owed after the block, not within it: nights 0-3 then 72 h off are legal
        verifier.verifyThat(RosterConstraints::restAfterNights)
                .given(all(run(a, 0, 3, RosterFixture::night), run(a, 7, 7, RosterFixture::day))).penalizesBy(0);
        // 48 h on the clock from Friday 07:00 to Sunday 07:00 are 47 h across the spring change (29 March 2026)
        verifier.verifyThat(RosterConstraints::restAfterNights)
                .given(all(run(a, 0, 3, RosterFixture::night), run(a, 6, 6, RosterFixture::day))).penalizesBy(60);
        // a night after one day off does not continue the block: 39 h of 48 h after the night of day 1
        verifier.verifyThat(RosterConstraints::restAfterNights)
                .given(work(a, night(0)), work(a, night(1)), work(a, night(3))).penalizesBy(540);
    }

    @Test
    void maxWeekends() {
        SolverOperator a = op(1).maxWeekends(1).build();
        verifier.verifyThat(RosterConstraints::maxWeekends).given(work(a, day(5)), work(a, day(12))).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::maxWeekends).given(work(a, day(5)), work(a, day(6)), work(a, day(7))).penalizesBy(0);
    }

    @Test
    void maxShiftsOfKind() {
        SolverOperator a = op(1).maxShifts(org.switchboard.rostering.ShiftKind.EVENING, 2).build();
        verifier.verifyThat(RosterConstraints::maxShiftsOfKind)
                .given(all(run(a, 0, 3, RosterFixture::evening))).penalizesBy(2);
        verifier.verifyThat(RosterConstraints::maxShiftsOfKind)
                .given(all(run(a, 0, 1, RosterFixture::evening), run(a, 2, 4, RosterFixture::day))).penalizesBy(0);
    }

    @Test
    void minConsecutiveDays() {
        SolverOperator a = op(1).minRun(3).build();
        // off on day 0 and day 3: a run of 2 of 3
        verifier.verifyThat(RosterConstraints::minConsecutiveDays)
                .given(all(List.of(off(a, 0)), run(a, 1, 2, RosterFixture::day), List.of(off(a, 3)))).penalizesBy(1);
        // a run of 3; a short run touching the period start, and one touching its end, may continue outside it
        verifier.verifyThat(RosterConstraints::minConsecutiveDays)
                .given(all(List.of(off(a, 0)), run(a, 1, 3, RosterFixture::day), List.of(off(a, 4)))).penalizesBy(0);
        verifier.verifyThat(RosterConstraints::minConsecutiveDays)
                .given(all(run(a, 0, 1, RosterFixture::day), List.of(off(a, 2)), run(a, 3, 3, RosterFixture::day))).penalizesBy(0);
    }

    @Test
    void forbiddenSequence() {
        SolverOperator a = op(1).build();
        verifier.verifyThat(RosterConstraints::forbiddenSequence).given(work(a, late(0)), work(a, day(1))).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::forbiddenSequence)
                .given(work(a, late(0)), off(a, 1), work(a, day(2)), work(a, day(3)), work(a, late(4))).penalizesBy(0);
    }

    @Test
    void maxShiftsOfTemplate() {
        SolverOperator a = op(1).maxShifts("E", 1).build();
        verifier.verifyThat(RosterConstraints::maxShiftsOfTemplate)
                .given(all(run(a, 0, 2, RosterFixture::evening))).penalizesBy(2);
        verifier.verifyThat(RosterConstraints::maxShiftsOfTemplate)
                .given(all(run(a, 0, 0, RosterFixture::evening), run(a, 1, 3, RosterFixture::day))).penalizesBy(0);
    }

    /** The constant half of under-coverage: every required operator × the unit's shortage weight; nothing for a unit requiring nobody. */
    @Test
    void requiredOperators() {
        DemandUnit u = new DemandUnit(0, 1L, slot(0, 8), 0, "q1 08:00", 3, 2, 1);
        SolverOperator a = op(1).skills(1L).build();
        verifier.verifyThat(RosterConstraints::requiredOperators).given(u, work(a, day(0), 1L)).penalizesBy(6);
        verifier.verifyThat(RosterConstraints::requiredOperators)
                .given(new DemandUnit(1, 1L, slot(0, 8), 0, "q1 08:00", 0, 2, 1), work(a, day(0), 1L)).penalizesBy(0);
    }

    @Test
    void underCoverageOfIntervals() {
        DemandUnit u = new DemandUnit(0, 1L, slot(0, 8), 0, "q1 08:00", 3, 2, 1);
        SolverOperator a = op(1).skills(1L, 2L).build();
        SolverOperator b = op(2).skills(1L, 2L).build();
        SolverOperator c = op(3).skills(1L, 2L).build();
        SolverOperator d = op(4).skills(1L, 2L).build();
        // one on the queue, one on another queue: 1 covered of 3 (shortage 6 - 2 = 4)
        verifier.verifyThat(RosterConstraints::coveredOperators).given(u, work(a, day(0), 1L), work(b, day(0), 2L)).rewardsWith(2);
        // four on the queue count up to the requirement: 3 × 2, no shortage left
        verifier.verifyThat(RosterConstraints::coveredOperators)
                .given(u, work(a, day(0), 1L), work(b, day(0), 1L), work(c, day(0), 1L), work(d, day(0), 1L)).rewardsWith(6);
    }

    /**
     * Aiming at the service level: the k-th operator present is worth its curve's step, so the missing ones cost the
     * steps of the last required operators, and a busy interval one short costs more than a quiet one.
     */
    @Test
    void underCoverageByServiceLevel() {
        SolverOperator a = op(1).skills(1L).build();
        SolverOperator b = op(2).skills(1L).build();
        SolverOperator c = op(3).skills(1L).build();
        SolverOperator d = op(4).skills(1L).build();
        SolverOperator e = op(5).skills(1L).build();
        // three required; the curve values one operator beyond them (a fourth still raises the service level)
        ServiceCurve busy = new ServiceCurve(40, new double[] {0, 0.2, 0.6, 0.8, 0.9}, new int[] {900, 700, 300, 100});
        DemandUnit u = new DemandUnit(0, 1L, slot(0, 8), 0, "q1 08:00", 3, 10, 1, busy);
        verifier.verifyThat(RosterConstraints::requiredOperators).given(u).penalizesBy(2000);
        verifier.verifyThat(RosterConstraints::coveredOperators).given(u, work(a, day(0), 1L)).rewardsWith(900);
        verifier.verifyThat(RosterConstraints::coveredOperators).given(u, work(a, day(0), 1L), work(b, day(0), 1L))
                .rewardsWith(1600);
        verifier.verifyThat(RosterConstraints::coveredOperators)
                .given(u, work(a, day(0), 1L), work(b, day(0), 1L), work(c, day(0), 1L), work(d, day(0), 1L))
                .rewardsWith(2000);
        // a fifth is beyond what the curve values
        verifier.verifyThat(RosterConstraints::coveredOperators)
                .given(u, work(a, day(0), 1L), work(b, day(0), 1L), work(c, day(0), 1L), work(d, day(0), 1L),
                        work(e, day(0), 1L))
                .rewardsWith(2000);
        // one short of the requirement in the busy interval costs its last required step; in a quiet one far less
        ServiceCurve quiet = new ServiceCurve(4, new double[] {0, 0.5, 0.9, 1, 1}, new int[] {200, 160, 40, 0});
        DemandUnit v = new DemandUnit(1, 1L, slot(0, 9), 0, "q1 09:00", 3, 10, 1, quiet);
        verifier.verifyThat(RosterConstraints::coveredOperators).given(v, work(a, day(0), 1L), work(b, day(0), 1L))
                .rewardsWith(360);
        assertThat(u.missingCost(2) - u.missingCost(3)).isEqualTo(300);
        assertThat(v.missingCost(2) - v.missingCost(3)).isEqualTo(40);
    }

    @Test
    void underCoverageOfSlots() {
        DemandUnit u = new DemandUnit(0, null, 0 * 3 + 1, 0, "day 0 E", 2, 5, 1);
        SolverOperator a = op(1).build();
        SolverOperator b = op(2).build();
        verifier.verifyThat(RosterConstraints::coveredOperators).given(u, work(a, slotOption(0, 1)), work(b, slotOption(0, 0))).rewardsWith(5);
        verifier.verifyThat(RosterConstraints::coveredOperators).given(u, work(a, slotOption(0, 1)), work(b, slotOption(0, 1))).rewardsWith(10);
    }

    @Test
    void uncoveredDemandEarnsNothing() {
        SolverOperator a = op(1).skills(1L).build();
        // 12:00–13:00 is the day shift's unpaid break: the whole requirement stays missing
        DemandUnit lunch = new DemandUnit(0, 1L, slot(0, 12), 0, "q1 12:00", 2, 3, 1);
        verifier.verifyThat(RosterConstraints::coveredOperators).given(lunch, work(a, day(0), 1L)).rewardsWith(0);
        // 03:00 on day 1 is covered by the night shift that started on day 0
        DemandUnit early = new DemandUnit(1, 1L, slot(1, 3), 1, "q1 03:00", 1, 3, 1);
        verifier.verifyThat(RosterConstraints::coveredOperators).given(early, work(a, night(0), 1L)).rewardsWith(3);
        DemandUnit slotUnit = new DemandUnit(2, null, 2 * 3 + 2, 2, "day 2 N", 1, 4, 1);
        verifier.verifyThat(RosterConstraints::coveredOperators).given(slotUnit, work(op(2).build(), slotOption(2, 2))).rewardsWith(4);
        verifier.verifyThat(RosterConstraints::coveredOperators).given(slotUnit, work(op(2).build(), slotOption(2, 1))).rewardsWith(0);
    }

    /** Both halves together: the medium score is minus the shortage, also for a unit nobody covers. */
    @Test
    void underCoverageIsRequiredMinusCovered() {
        SolverOperator a = op(1).skills(1L).build();
        DemandUnit nine = new DemandUnit(0, 1L, slot(0, 9), 0, "q1 09:00", 2, 1, 0);
        DemandUnit lunch = new DemandUnit(1, 1L, slot(0, 12), 0, "q1 12:00", 1, 1, 0);
        RosterSolution s = new RosterSolution(List.of(a), List.of(day(0)), List.of(nine, lunch), List.of(), List.of(),
                new RosterWeights(), List.of(work(a, day(0), 1L)));
        verifier.verifyThat().givenSolution(s).scores(HardMediumSoftScore.of(0, -2, 0));
    }

    @Test
    void overCoverage() {
        DemandUnit u = new DemandUnit(0, 1L, slot(0, 9), 0, "q1 09:00", 1, 1, 2);
        SolverOperator a = op(1).skills(1L).build();
        SolverOperator b = op(2).skills(1L).build();
        SolverOperator c = op(3).skills(1L).build();
        verifier.verifyThat(RosterConstraints::overCoverage)
                .given(u, work(a, day(0), 1L), work(b, day(0), 1L), work(c, day(0), 1L)).penalizesBy(4);
        verifier.verifyThat(RosterConstraints::overCoverage).given(u, work(a, day(0), 1L)).penalizesBy(0);
    }

    @Test
    void preferences() {
        SolverOperator a = op(1).build();
        ShiftPreference dayOff = new ShiftPreference(1, date(0), null, false, 7);
        ShiftPreference wantsNight = new ShiftPreference(1, date(1), "N", true, 3);
        verifier.verifyThat(RosterConstraints::preferences)
                .given(dayOff, wantsNight, work(a, day(0)), work(a, day(1))).penalizesBy(10);
        verifier.verifyThat(RosterConstraints::preferences)
                .given(dayOff, wantsNight, off(a, 0), work(a, night(1))).penalizesBy(0);
    }

    @Test
    void preferredKind() {
        SolverOperator a = op(1).build();
        // wants a night on day 0; on day 1 (a whole-period "nights" wish) not a day or an evening shift
        ShiftPreference night0 = new ShiftPreference(1, date(0), null, ShiftKind.NIGHT, true, 1);
        ShiftPreference noDay1 = new ShiftPreference(1, date(1), null, ShiftKind.DAY, false, 1);
        ShiftPreference noEvening1 = new ShiftPreference(1, date(1), null, ShiftKind.EVENING, false, 1);
        verifier.verifyThat(RosterConstraints::preferences)
                .given(night0, noDay1, noEvening1, work(a, day(0)), work(a, evening(1))).penalizesBy(2);
        verifier.verifyThat(RosterConstraints::preferences)
                .given(night0, noDay1, noEvening1, work(a, night(0)), off(a, 1)).penalizesBy(0);
    }

    @Test
    void wishFairness() {
        SolverOperator a = op(1).build();
        SolverOperator b = op(2).build();
        List<ShiftPreference> offs = List.of(new ShiftPreference(1, date(0), null, false, 1),
                new ShiftPreference(1, date(1), null, false, 1), new ShiftPreference(2, date(0), null, false, 1));
        // a loses both wishes (4), b its one (1)
        verifier.verifyThat(RosterConstraints::wishFairness)
                .given(all(offs, List.of(work(a, day(0)), work(a, day(1)), work(b, day(0))))).penalizesBy(5);
        // a and b lose one each: 1 + 1
        verifier.verifyThat(RosterConstraints::wishFairness)
                .given(all(offs, List.of(work(a, day(0)), off(a, 1), work(b, day(0))))).penalizesBy(2);
        verifier.verifyThat(RosterConstraints::wishFairness)
                .given(all(offs, List.of(off(a, 0), off(a, 1), off(b, 0)))).penalizesBy(0);
    }

    @Test
    void nightFairness() {
        SolverOperator a = op(1).build();
        verifier.verifyThat(RosterConstraints::nightFairness).given(work(a, night(0)), work(a, night(1))).penalizesBy(4);
        verifier.verifyThat(RosterConstraints::nightFairness).given(work(a, day(0)), off(a, 1)).penalizesBy(0);
    }

    @Test
    void weekendFairness() {
        SolverOperator a = op(1).build();
        verifier.verifyThat(RosterConstraints::weekendFairness)
                .given(work(a, day(5)), work(a, day(6)), work(a, day(12))).penalizesBy(4);
        verifier.verifyThat(RosterConstraints::weekendFairness).given(work(a, day(0)), work(a, day(4))).penalizesBy(0);
    }

    @Test
    void coverageCountsPlacedBreaks() {
        SolverOperator a = op(1).skills(1L).build();
        // break floating 10:00-12:00 (nominal 11:00); placed at 10:00, the operator covers 11:00 after all
        ShiftOption shift = RosterFixture.floating(0, "F", LocalTime.of(7, 0), 540, 180, 300, 60);
        DemandUnit eleven = new DemandUnit(0, 1L, slot(0, 11), 0, "q1 11:00", 1, 1, 1);
        OperatorDay d = work(a, shift, 1L);
        verifier.verifyThat(RosterConstraints::coveredOperators).given(eleven, d).rewardsWith(0);
        OperatorDay placed = work(a, shift, 1L);
        PlacedBreak ten = shift.unpaidBreaks().getFirst().at(shift.start().plusSeconds(3 * 3600));
        placed.placeBreaks(List.of(ten), shift.coveredSlotsWith(List.of(ten)));
        verifier.verifyThat(RosterConstraints::coveredOperators).given(eleven, placed).rewardsWith(1);
        verifier.verifyThat(RosterConstraints::coveredOperators)
                .given(new DemandUnit(1, 1L, slot(0, 11), 0, "q1 11:00", 2, 1, 1), placed).rewardsWith(1);
    }

    @Test
    void fairHours() {
        // flexible hours (no minimum, at most two 8-hour days): one works both days (0 ‰ short), one none (1000 ‰);
        // the average is 500 ‰, each is 50 percentage points off it
        SolverOperator a = op(1).maxPeriod(960).build();
        SolverOperator b = op(2).maxPeriod(960).build();
        verifier.verifyThat(RosterConstraints::fairHours)
                .given(work(a, day(0)), work(a, day(1)), off(b, 0), off(b, 1)).penalizesBy(100);
        // relative to the contract: one day of two and two days of four are the same share
        SolverOperator c = op(3).maxPeriod(1920).build();
        // and operators with fixed hours (minimum = maximum) are left out
        SolverOperator fixed = op(4).minPeriod(960).maxPeriod(960).build();
        verifier.verifyThat(RosterConstraints::fairHours)
                .given(work(a, day(0)), off(a, 1), work(c, day(0)), work(c, day(1)), off(c, 2), off(c, 3),
                        off(fixed, 0), off(fixed, 1))
                .penalizesBy(0);
    }

    @Test
    void stableStartTimes() {
        SolverOperator a = op(1).build();
        // 07:00, 14:00, 07:00 in one week: two start times
        verifier.verifyThat(RosterConstraints::stableStartTimes)
                .given(work(a, day(0)), work(a, evening(1)), work(a, day(2))).penalizesBy(1);
        // the same start all week; the next ISO week (from day 7) starts afresh
        verifier.verifyThat(RosterConstraints::stableStartTimes)
                .given(work(a, day(0)), work(a, day(2)), off(a, 3), work(a, evening(7)), work(a, evening(8))).penalizesBy(0);
    }

    @Test
    void templateEligible() {
        // templates meant for other contracts or teams: the builder gives the operator the codes it may not work
        SolverOperator fullTimer = op(1).notTemplates("L").build();
        verifier.verifyThat(RosterConstraints::templateEligible)
                .given(work(fullTimer, late(0)), work(fullTimer, day(2))).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::templateEligible)
                .given(work(fullTimer, day(0)), work(op(2).build(), late(0)), off(fullTimer, 1)).penalizesBy(0);
        // a planner's forced edit is judged; a published day is not
        OperatorDay forced = work(fullTimer, late(3));
        forced.pinByPlanner();
        verifier.verifyThat(RosterConstraints::templateEligible).given(forced).penalizesBy(1);
        OperatorDay published = work(fullTimer, late(3));
        published.setPinned(true);
        verifier.verifyThat(RosterConstraints::templateEligible).given(published).penalizesBy(0);
    }

    @Test
    void usualShiftKinds() {
        // a day team, hard: an evening is forbidden, days are fine
        SolverOperator hard = op(1).usualKinds(true, ShiftKind.DAY).build();
        verifier.verifyThat(RosterConstraints::usualShiftKindHard)
                .given(work(hard, day(0)), work(hard, evening(2)), work(hard, night(4))).penalizesBy(2);
        verifier.verifyThat(RosterConstraints::usualShiftKind)
                .given(work(hard, day(0)), work(hard, evening(2))).penalizesBy(0);
        // weighted: each shift of another kind costs one (soft), nothing hard
        SolverOperator weighted = op(2).usualKinds(false, ShiftKind.DAY, ShiftKind.EVENING).build();
        verifier.verifyThat(RosterConstraints::usualShiftKind)
                .given(work(weighted, day(0)), work(weighted, evening(1)), work(weighted, night(3))).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::usualShiftKindHard)
                .given(work(weighted, night(3))).penalizesBy(0);
        // a team without usual kinds works anything
        SolverOperator any = op(3).build();
        verifier.verifyThat(RosterConstraints::usualShiftKind).given(work(any, night(0))).penalizesBy(0);
        verifier.verifyThat(RosterConstraints::usualShiftKindHard).given(work(any, night(0))).penalizesBy(0);
        // the one place the builder and the search ask
        org.assertj.core.api.Assertions.assertThat(hard.mayWork(evening(0))).isFalse();
        org.assertj.core.api.Assertions.assertThat(weighted.mayWork(night(0))).isTrue();
        org.assertj.core.api.Assertions.assertThat(op(4).notTemplates("D").build().mayWork(day(0))).isFalse();
    }

    @Test
    void fewStartTimesPerPeriod() {
        SolverOperator a = op(1).build();
        // 07:00 all week, 14:00 the next week: every week is stable, the period has two start times
        verifier.verifyThat(RosterConstraints::fewStartTimesPerPeriod)
                .given(work(a, day(0)), work(a, day(1)), work(a, evening(7)), work(a, evening(8))).penalizesBy(1);
        // three start times over the period (and per operator: another operator's starts do not count)
        verifier.verifyThat(RosterConstraints::fewStartTimesPerPeriod)
                .given(work(a, day(0)), work(a, evening(7)), work(a, night(14)), work(op(2).build(), evening(0)))
                .penalizesBy(2);
        verifier.verifyThat(RosterConstraints::fewStartTimesPerPeriod)
                .given(work(a, day(0)), off(a, 1), work(a, day(9))).penalizesBy(0);
    }

    @Test
    void publishedChange() {
        SolverOperator a = op(1).skills(1L, 2L).build();
        OperatorDay otherShift = work(a, evening(0), 1L);
        otherShift.setPublished(day(0).id(), 1L);
        OperatorDay workOnPublishedDayOff = work(a, day(1), 1L);
        workOnPublishedDayOff.setPublished(null, null);
        OperatorDay otherQueue = work(a, day(2), 2L);
        otherQueue.setPublished(day(2).id(), 1L);
        verifier.verifyThat(RosterConstraints::publishedChange)
                .given(otherShift, workOnPublishedDayOff, otherQueue).penalizesBy(3);
        OperatorDay same = work(a, day(0), 1L);
        same.setPublished(day(0).id(), 1L);
        OperatorDay stillOff = off(a, 1);
        stillOff.setPublished(null, null);
        verifier.verifyThat(RosterConstraints::publishedChange)
                .given(same, stillOff, work(a, evening(2), 2L)).penalizesBy(0);
    }
}
