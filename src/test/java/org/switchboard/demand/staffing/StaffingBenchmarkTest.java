package org.switchboard.demand.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the staffing search: one year of 15-minute intervals for 10 queues (350,400
 * intervals) on a parallel stream, and Erlang A for one queue-year (35,040 intervals). Prints the
 * timings; asserts only that the figures are sane. Not part of the normal build:
 * {@code ./mvnw -Pbench test -Dtest=StaffingBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StaffingBenchmarkTest {

    private static final int DAYS = 365;
    private static final int INTERVALS_PER_DAY = 96;
    private static final int WARM_UP = 3;
    private static final int RUNS = 5;

    /** Calls per 15 minutes for a queue peaking at {@code peak}: closed at night, two humps by day. */
    private static double calls(SplittableRandom random, double peak, int day, int slot) {
        double hour = slot / 4.0;
        if (hour < 7 || hour >= 22) {
            return random.nextInt(10) == 0 ? random.nextInt(3) : 0; // a trickle at night
        }
        double morning = Math.exp(-Math.pow((hour - 10.5) / 1.8, 2));
        double afternoon = 0.85 * Math.exp(-Math.pow((hour - 15) / 2.2, 2));
        double base = 0.12;
        int dayOfWeek = day % 7;
        double weekly = dayOfWeek == 5 ? 0.55 : dayOfWeek == 6 ? 0.4 : dayOfWeek == 0 ? 1.15 : 1.0;
        double seasonal = 1 + 0.15 * Math.sin(2 * Math.PI * day / DAYS);
        double mean = peak * weekly * seasonal * Math.min(1.0, base + Math.max(morning, afternoon));
        double noisy = mean * (1 + 0.1 * random.nextGaussian());
        return Math.max(0, Math.min(300, Math.round(noisy)));
    }

    private static StaffingRequest[] year(int queues, boolean erlangA, long seed) {
        var random = new SplittableRandom(seed);
        StaffingRequest[] requests = new StaffingRequest[queues * DAYS * INTERVALS_PER_DAY];
        int i = 0;
        for (int q = 0; q < queues; q++) {
            double peak = 60 + random.nextDouble() * 240; // peaks of 60..300 calls per interval
            double aht = 120 + random.nextDouble() * 280; // 120..400 s
            Double patience = erlangA ? 60 + random.nextDouble() * 240 : null;
            for (int day = 0; day < DAYS; day++) {
                for (int slot = 0; slot < INTERVALS_PER_DAY; slot++) {
                    double intervalAht = aht * (0.9 + 0.2 * random.nextDouble());
                    requests[i++] = new StaffingRequest(calls(random, peak, day, slot), 15, intervalAht, 0.8, 20.0,
                            null, 0.85, 0.3, patience, null);
                }
            }
        }
        return requests;
    }

    private static void run(String label, StaffingRequest[] requests) {
        int[] agents = new int[requests.length];
        int[] positions = new int[requests.length];
        double[] serviceLevel = new double[requests.length];
        long[] nanos = new long[RUNS];
        for (int round = 0; round < WARM_UP + RUNS; round++) {
            long start = System.nanoTime();
            IntStream.range(0, requests.length).parallel().forEach(i -> {
                StaffingResult r = StaffingCalculator.required(requests[i]);
                agents[i] = r.agents();
                positions[i] = r.positions();
                serviceLevel[i] = r.serviceLevel();
            });
            long elapsed = System.nanoTime() - start;
            if (round >= WARM_UP) {
                nanos[round - WARM_UP] = elapsed;
            }
        }
        Arrays.sort(nanos);
        double min = nanos[0] / 1e6;
        double median = nanos[RUNS / 2] / 1e6;
        long totalAgentIntervals = Arrays.stream(agents).asLongStream().sum();
        System.out.printf(
                "%s: %,d intervals, %d threads (%d cores): min %.1f ms, median %.1f ms, %,.0f intervals/s (at min),"
                        + " mean agents %.1f, max agents %d%n",
                label, requests.length, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1,
                Runtime.getRuntime().availableProcessors(), min, median, requests.length / (min / 1000),
                (double) totalAgentIntervals / requests.length, Arrays.stream(agents).max().orElse(0));
        for (int i = 0; i < requests.length; i++) {
            assertThat(agents[i]).isNotNegative();
            assertThat(positions[i]).isGreaterThanOrEqualTo(agents[i]);
            assertThat(serviceLevel[i]).isNotNaN();
            if (requests[i].callsPerInterval() > 0) {
                assertThat(serviceLevel[i]).isGreaterThanOrEqualTo(0.8 - 1e-12);
            }
        }
    }

    @Test
    void erlangCForTenQueueYears() {
        run("Erlang C, 10 queues x 1 year of 15-min intervals", year(10, false, 1L));
    }

    @Test
    void erlangAForOneQueueYear() {
        run("Erlang A, 1 queue x 1 year of 15-min intervals", year(1, true, 2L));
    }
}
