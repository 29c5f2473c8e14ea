package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.switchboard.demand.staffing.StaffingCalculator;
import org.switchboard.demand.staffing.StaffingRequest;

/** The service-level weights of a demand unit: never rising, at least 1, from the calls answered in time. */
class ServiceCurveTest {

    /** Erlang C, 30-minute interval, 80 % in 20 s. */
    private static ServiceCurve erlang(double calls, double aht) {
        StaffingRequest request = StaffingRequest.erlangC(calls, 30, aht, 0.8, 20);
        int required = StaffingCalculator.required(request).agents();
        return ServiceCurve.of(calls, required, n -> {
            try {
                return StaffingCalculator.evaluate(request, n).serviceLevel();
            } catch (IllegalArgumentException e) {
                return 0;
            }
        });
    }

    @Test
    void theMajorantSpreadsTheValueOfTheFirstUsefulOperatorsEvenly() {
        // 10 calls: nobody answered in time until the fourth operator, then 5, 8, 9 calls
        int[] steps = ServiceCurve.steps(10, new double[] {0, 0, 0, 0.5, 0.8, 0.9}, 5);
        // value 0, 0, 0, 500, 800, 900 hundredths: the hull runs from 0 to 800 at 4 (200 each), then 100
        assertThat(steps).containsExactly(200, 200, 200, 200, 100);
    }

    @Test
    void stepsNeverRiseAreAtLeastOneAndAddUpToTheCallsAnsweredInTime() {
        for (double calls : new double[] {0.5, 3, 20, 80, 250}) {
            ServiceCurve c = erlang(calls, 240);
            int[] steps = c.steps();
            assertThat(steps).as("one step per required operator at %s calls", calls).isNotEmpty();
            for (int k = 0; k < steps.length; k++) {
                assertThat(steps[k]).isGreaterThanOrEqualTo(1);
                if (k > 0) {
                    assertThat(steps[k]).as("step %d at %s calls", k, calls).isLessThanOrEqualTo(steps[k - 1]);
                }
            }
            int required = steps.length;
            double answered = calls * c.level(required) * ServiceCurve.SCALE;
            // rounding each step (and the floor of 1) moves the sum by at most a step's rounding each
            assertThat((double) java.util.Arrays.stream(steps).sum()).as("sum at %s calls", calls)
                    .isCloseTo(Math.max(answered, required), within(required * 1.0 + 1));
            assertThat(c.level(required)).as("the requirement meets the target").isGreaterThanOrEqualTo(0.8);
            assertThat(c.level(required + ServiceCurve.BEYOND_REQUIRED + 10)).isEqualTo(c.level(required + ServiceCurve.BEYOND_REQUIRED));
        }
    }

    @Test
    void aBusyIntervalOneShortCostsMoreThanAQuietOne() {
        ServiceCurve busy = erlang(200, 240);
        ServiceCurve quiet = erlang(6, 240);
        int busyLast = busy.steps()[busy.steps().length - 1];
        int quietLast = quiet.steps()[quiet.steps().length - 1];
        assertThat(busyLast).as("the last required operator of a busy interval against a quiet one's")
                .isGreaterThan(quietLast * 3);
    }
}
