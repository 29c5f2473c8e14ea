package org.switchboard.demand.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.demand.Queue;

/** Every input within {@link StaffingLimits} is answered quickly and finitely; beyond them it is refused. */
class StaffingLimitsTest {

    /** Within the limits no single question may take longer than this (the worst measured is far below). */
    private static final double MAX_SECONDS = 3.0;

    /** A log-uniform draw between two positive bounds, each bound itself one time in eight. */
    private static double logUniform(SplittableRandom r, double min, double max) {
        int pick = r.nextInt(8);
        if (pick == 0) {
            return min;
        }
        if (pick == 1) {
            return max;
        }
        return Math.exp(r.nextDouble(Math.log(min), Math.log(max)));
    }

    private static double uniform(SplittableRandom r, double min, double max) {
        int pick = r.nextInt(8);
        return pick == 0 ? min : pick == 1 ? max : r.nextDouble(min, max);
    }

    /** A random request anywhere within the limits (redrawn until the load is within 1,000,000 Erlangs). */
    static StaffingRequest randomAccepted(SplittableRandom r) {
        while (true) {
            double calls = r.nextInt(10) == 0 ? 0 : logUniform(r, 0.01, StaffingLimits.MAX_CALLS_PER_INTERVAL);
            int minutes = r.nextBoolean() ? new int[] {15, 30, 60}[r.nextInt(3)]
                    : (int) Math.round(logUniform(r, 1, StaffingLimits.MAX_INTERVAL_MINUTES));
            double aht = logUniform(r, StaffingLimits.MIN_AHT_SECONDS, StaffingLimits.MAX_AHT_SECONDS);
            Double sl = r.nextInt(4) == 0 ? null : uniform(r, StaffingLimits.MIN_SERVICE_LEVEL, 0.9999);
            double t = uniform(r, 0, StaffingLimits.MAX_ANSWER_WITHIN_SECONDS);
            Double asa = sl == null || r.nextInt(4) == 0
                    ? logUniform(r, StaffingLimits.MIN_ASA_TARGET_SECONDS, StaffingLimits.MAX_ASA_TARGET_SECONDS) : null;
            Double cap = r.nextBoolean() ? uniform(r, StaffingLimits.MIN_MAX_OCCUPANCY, StaffingLimits.MAX_MAX_OCCUPANCY)
                    : null;
            double shrinkage = uniform(r, 0, StaffingLimits.MAX_SHRINKAGE);
            Double patience = r.nextBoolean() ? null
                    : logUniform(r, StaffingLimits.MIN_PATIENCE_SECONDS, StaffingLimits.MAX_PATIENCE_SECONDS);
            Double abandon = patience != null && r.nextBoolean() ? uniform(r, 0.001, StaffingLimits.MAX_ABANDONMENT)
                    : null;
            var request = new StaffingRequest(calls, minutes, aht, sl, t, asa, cap, shrinkage, patience, abandon);
            if (request.problems().isEmpty()) {
                return request;
            }
            assertThat(request.problems()).as(request.toString()).containsOnlyKeys("callsPerInterval");
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void randomAcceptedRequestsEndQuicklyWithFiniteFigures() {
        var r = new SplittableRandom(20260505L);
        double slowest = 0;
        StaffingRequest slowestRequest = null;
        for (int i = 0; i < 150; i++) {
            StaffingRequest request = randomAccepted(r);
            long start = System.nanoTime();
            StaffingResult result = StaffingCalculator.required(request);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (seconds > slowest) {
                slowest = seconds;
                slowestRequest = request;
            }
            String what = request + " -> " + result + " in " + seconds + " s";
            assertThat(seconds).as(what).isLessThan(MAX_SECONDS);
            assertThat(StaffingCalculator.meetsTargets(request, result)).as(what).isTrue();
            assertThat(result.agents()).as(what).isBetween(0, StaffingLimits.MAX_AGENTS);
            assertThat(result.positions()).as(what).isGreaterThanOrEqualTo(result.agents())
                    .isLessThanOrEqualTo(10 * result.agents() + 1)
                    .isEqualTo(StaffingCalculator.positions(result.agents(), request.shrinkage()));
            assertThat(result.serviceLevel()).as(what).isBetween(0.0, 1.0);
            assertThat(result.occupancy()).as(what).isBetween(0.0, 1.0);
            assertThat(result.probabilityOfWaiting()).as(what).isBetween(0.0, 1.0);
            assertThat(result.abandonmentProbability()).as(what).isBetween(0.0, 1.0);
            assertThat(result.asaSeconds()).as(what).isNotNegative();
            if (request.asaTargetSeconds() != null) {
                assertThat(result.asaSeconds()).as(what).isFinite();
            }
            if (result.agents() > 0) {
                var fewer = StaffingCalculator.evaluate(request, result.agents() - 1);
                assertThat(StaffingCalculator.meetsTargets(request, fewer)).as(what).isFalse();
            }
        }
        System.out.printf("slowest accepted request of 150: %.3f s, %s%n", slowest, slowestRequest);
    }

    /** The corners that cost most: the largest load, many agents, the longest patience. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void worstCornersEndQuickly() {
        StaffingRequest[] corners = {
            // 1,000,000 Erlangs, the lowest occupancy cap: 2,000,000 agents (Erlang C and A)
            new StaffingRequest(1e6, 1440, 86_400, 0.8, 20, null, 0.5, 0.9, null, null),
            new StaffingRequest(1e6, 1440, 86_400, 0.8, 20, null, 0.5, 0.9, 3600.0, null),
            // the most arrivals per second with the longest patience: x = 6e7 callers per mean patience
            new StaffingRequest(1e6, 1, 59.9, 0.99, 0, null, 0.5, 0.9, 3600.0, null),
            new StaffingRequest(1e6, 1, 59.9, 0.01, 3600, 1.0, null, 0.9, 3600.0, 0.001),
            new StaffingRequest(1e6, 1, 1, null, 0, 3600.0, null, 0, 3600.0, null),
            new StaffingRequest(1e6, 1, 59.9, null, 0, 3600.0, null, 0, 3600.0, 0.99),
        };
        for (StaffingRequest request : corners) {
            assertThat(request.problems()).as(request.toString()).isEmpty();
            long start = System.nanoTime();
            StaffingResult result = StaffingCalculator.required(request);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%.3f s: %s -> %s%n", seconds, request, result);
            assertThat(seconds).as(request + " -> " + result).isLessThan(MAX_SECONDS);
            assertThat(StaffingCalculator.meetsTargets(request, result)).isTrue();
            assertThat(result.positions()).isEqualTo(StaffingCalculator.positions(result.agents(), request.shrinkage()));
        }
    }

    // ---- the queue form ----------------------------------------------------------------------------

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static Queue queueAtTheLimits() {
        Queue q = new Queue();
        q.setCode("LIMITS");
        q.setName("At the limits");
        q.setServiceLevelPercent(99.9);
        q.setAnswerWithinSeconds((int) StaffingLimits.MAX_ANSWER_WITHIN_SECONDS);
        q.setAsaTargetSeconds((int) StaffingLimits.MAX_ASA_TARGET_SECONDS);
        q.setMaxOccupancyPercent(Double.valueOf(StaffingLimits.MIN_MAX_OCCUPANCY_PERCENT));
        q.setShrinkagePercent(Double.valueOf(StaffingLimits.MAX_SHRINKAGE_PERCENT));
        q.setPatienceSeconds((int) StaffingLimits.MAX_PATIENCE_SECONDS);
        q.setAbandonTargetPercent(Double.valueOf(StaffingLimits.MAX_ABANDONMENT_PERCENT));
        return q;
    }

    /** What the queue form accepts, the calculator computes: the same bounds, from one place. */
    @Test
    void theQueueFormAcceptsWhatTheCalculatorComputes() {
        Queue most = queueAtTheLimits();
        Queue least = queueAtTheLimits();
        least.setServiceLevelPercent(Double.valueOf(StaffingLimits.MIN_SERVICE_LEVEL_PERCENT));
        least.setAnswerWithinSeconds(1);
        least.setAsaTargetSeconds((int) StaffingLimits.MIN_ASA_TARGET_SECONDS);
        least.setMaxOccupancyPercent(Double.valueOf(StaffingLimits.MAX_MAX_OCCUPANCY_PERCENT));
        least.setShrinkagePercent(0.0);
        least.setPatienceSeconds((int) StaffingLimits.MIN_PATIENCE_SECONDS);
        least.setAbandonTargetPercent(0.1);
        for (Queue q : new Queue[] {most, least}) {
            assertThat(VALIDATOR.validate(q)).isEmpty();
            StaffingRequest request = StaffingTargets.of(q).request(10_000, 15, 3600);
            assertThat(request.problems()).isEmpty();
            StaffingResult result = StaffingCalculator.required(request);
            assertThat(result.positions()).isEqualTo(StaffingCalculator.positions(result.agents(), request.shrinkage()));
        }
    }

    /** Just beyond each bound both refuse, the form in percent and the calculator in fractions. */
    @ParameterizedTest
    @ValueSource(strings = {"serviceLevelPercent", "answerWithinSeconds", "asaTargetSeconds", "maxOccupancyPercent",
        "shrinkagePercent", "patienceSeconds", "abandonTargetPercent"})
    void theQueueFormRefusesWhatTheCalculatorRefuses(String property) {
        Queue q = queueAtTheLimits();
        String field = switch (property) {
            case "serviceLevelPercent" -> {
                q.setServiceLevelPercent(0.99);
                yield "serviceLevelTarget";
            }
            case "answerWithinSeconds" -> {
                q.setAnswerWithinSeconds((int) StaffingLimits.MAX_ANSWER_WITHIN_SECONDS + 1);
                yield "answerWithinSeconds";
            }
            case "asaTargetSeconds" -> {
                q.setAsaTargetSeconds((int) StaffingLimits.MAX_ASA_TARGET_SECONDS + 1);
                yield "asaTargetSeconds";
            }
            case "maxOccupancyPercent" -> {
                q.setMaxOccupancyPercent(49.9);
                yield "maxOccupancy";
            }
            case "shrinkagePercent" -> {
                q.setShrinkagePercent(90.1);
                yield "shrinkage";
            }
            case "patienceSeconds" -> {
                q.setPatienceSeconds((int) StaffingLimits.MAX_PATIENCE_SECONDS + 1);
                yield "patienceSeconds";
            }
            default -> {
                q.setAbandonTargetPercent(99.1);
                yield "abandonmentTarget";
            }
        };
        assertThat(VALIDATOR.validate(q)).extracting(v -> v.getPropertyPath().toString()).containsExactly(property);
        assertThat(StaffingTargets.of(q).request(100, 30, 180).problems()).containsOnlyKeys(field);
    }
}
