package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.switchboard.demand.staffing.StaffingCalculator;
import org.switchboard.demand.staffing.StaffingRequest;

/** The service-level weights of a demand unit: never rising, from the calls answered in time. */
class ServiceCurveTest {

    /** Erlang C, 30-minute interval, 80 % in 20 s, at {@code pointsPerCall}. */
    private static ServiceCurve erlang(double calls, double aht, double pointsPerCall) {
        StaffingRequest request = StaffingRequest.erlangC(calls, 30, aht, 0.8, 20);
        int required = StaffingCalculator.required(request).agents();
        double[] levels = ServiceCurve.levels(required, n -> {
            try {
                return StaffingCalculator.evaluate(request, n).serviceLevel();
            } catch (IllegalArgumentException e) {
                return 0;
            }
        });
        return ServiceCurve.of(calls, required, levels, ServiceCurve.answeredSteps(calls, levels), pointsPerCall);
    }

    @Test
    void theMajorantSpreadsTheValueOfTheFirstUsefulOperatorsEvenly() {
        // 10 calls: nobody answered in time until the fourth operator, then 5, 8, 9 calls
        double[] answered = ServiceCurve.answeredSteps(10, new double[] {0, 0, 0, 0.5, 0.8, 0.9});
        // value 0, 0, 0, 5, 8, 9: the hull runs from 0 to 8 at 4 (2 each), then 1
        assertThat(answered).containsExactly(new double[] {2, 2, 2, 2, 1}, within(1e-9));
        ServiceCurve c = ServiceCurve.of(10, 3, new double[] {0, 0, 0, 0.5, 0.8, 0.9}, answered, 10);
        assertThat(c.steps()).containsExactly(20, 20, 20, 20, 10);
        // a quiet interval: its required operators weigh at least the floor, those beyond it what they add
        ServiceCurve quiet = ServiceCurve.of(0.2, 2, new double[] {0, 0.9, 1, 1, 1}, ServiceCurve.answeredSteps(0.2,
                new double[] {0, 0.9, 1, 1, 1}), 10);
        assertThat(quiet.steps()).containsExactly(ServiceCurve.MIN_FIRST_STEP, ServiceCurve.MIN_REQUIRED_STEP, 0, 0);
    }

    @Test
    void stepsNeverRiseAreAtLeastOneUpToTheRequirementAndAddUpToTheCallsAnsweredInTime() {
        for (double calls : new double[] {0.5, 3, 20, 80, 250}) {
            ServiceCurve c = erlang(calls, 240, 100);
            int[] steps = c.steps();
            int required = c.levels().length - 1 - ServiceCurve.BEYOND_REQUIRED;
            assertThat(steps).as("a step per required operator and the few beyond").hasSize(required + ServiceCurve.BEYOND_REQUIRED);
            for (int k = 0; k < steps.length; k++) {
                assertThat(steps[k]).isGreaterThanOrEqualTo(k < required ? ServiceCurve.MIN_REQUIRED_STEP : 0);
                if (k > 0) {
                    assertThat(steps[k]).as("step %d at %s calls", k, calls).isLessThanOrEqualTo(steps[k - 1]);
                }
            }
            double answered = calls * c.level(steps.length) * 100;
            // rounding moves the sum by at most about one per step; the floor only adds
            assertThat((double) Arrays.stream(steps).sum()).as("sum at %s calls", calls)
                    .isGreaterThanOrEqualTo(answered - steps.length)
                    .isLessThanOrEqualTo(answered + steps.length + required * ServiceCurve.MIN_FIRST_STEP);
            assertThat(c.level(required)).as("the requirement meets the target").isGreaterThanOrEqualTo(0.8);
            assertThat(c.level(steps.length + 10)).isEqualTo(c.level(steps.length));
        }
    }

    @Test
    void aBusyIntervalOneShortCostsMoreThanAQuietOne() {
        ServiceCurve busy = erlang(200, 240, 100);
        ServiceCurve quiet = erlang(6, 240, 100);
        int busyRequired = busy.levels().length - 1 - ServiceCurve.BEYOND_REQUIRED;
        int quietRequired = quiet.levels().length - 1 - ServiceCurve.BEYOND_REQUIRED;
        assertThat(busy.steps()[busyRequired - 1]).as("the last required operator of a busy interval against a quiet one's")
                .isGreaterThan(quiet.steps()[quietRequired - 1] * 3);
    }
}
