package org.switchboard.demand.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One queue, a year (364 days) of 15-minute history with weekday × time-of-day pattern, trend and
 * Poisson noise, forecast 8 weeks with the standard method. Not part of the normal build:
 * {@code ./mvnw -B -ntp -Pbench test -Dtest=ForecastBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * Goal: well under 2 s per forecast.
 */
@Tag("benchmark")
class ForecastBenchmarkTest {

    @Test
    void yearOfFifteenMinuteHistoryEightWeeksAhead() {
        IntervalSeries history = Synthetic.poisson(364, 15, 40, 0.003, 42);
        for (ForecastMethod method : Forecasting.all()) {
            run(method, history);
        }
    }

    private static void run(ForecastMethod method, IntervalSeries history) {
        int days = 56;
        for (int i = 0; i < 3; i++) {
            method.forecast(history, days);
        }
        long[] nanos = new long[5];
        ForecastSeries f = null;
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            f = method.forecast(history, days);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("forecast benchmark %-16s %s 364 days × 96 slots → 56 days: min %.1f ms, median %.1f ms%n",
                method.name(), method.equals(Forecasting.standard()) || method.name().equals(Forecasting.standard().name())
                        ? "(standard)" : "          ",
                nanos[0] / 1e6, nanos[2] / 1e6);

        assertThat(f.calls()).hasSize(days * 96);
        ForecastMethodsTest.assertValid(f);
        // Against the noise-free truth of those 8 weeks.
        double expected = 0;
        for (int d = 364; d < 364 + days; d++) {
            for (int s = 0; s < 96; s++) {
                expected += Synthetic.expected(d, s, 15, 40, 0.003);
            }
        }
        assertThat(f.totalCalls() / expected).isBetween(0.93, 1.07);
        if (method.name().equals(Forecasting.standard().name())) {
            assertThat(nanos[2]).isLessThan(2_000_000_000L);
        }
    }
}
