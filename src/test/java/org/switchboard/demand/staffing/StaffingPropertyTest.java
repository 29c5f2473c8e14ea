package org.switchboard.demand.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties over many random inputs (fixed seed, so failures reproduce). */
class StaffingPropertyTest {

    private static final int CASES = 400;

    /** A random valid request; patience and targets vary. */
    private static StaffingRequest randomRequest(SplittableRandom r, boolean erlangA) {
        double calls = r.nextInt(6) == 0 ? r.nextDouble(0, 5) : r.nextDouble(0, 2000);
        int interval = r.nextBoolean() ? 15 : 30;
        double aht = r.nextDouble(30, 600);
        Double sl = r.nextInt(5) == 0 ? null : r.nextDouble(0.5, 0.98);
        double t = r.nextInt(8) == 0 ? 0 : r.nextDouble(5, 60);
        Double asa = sl == null || r.nextInt(3) == 0 ? r.nextDouble(2, 120) : null;
        Double cap = r.nextBoolean() ? r.nextDouble(0.6, 1.0) : null;
        double shrinkage = r.nextDouble(0, 0.5);
        Double patience = erlangA ? r.nextDouble(10, 900) : null;
        Double abandon = erlangA && r.nextBoolean() ? r.nextDouble(0.005, 0.2) : null;
        return new StaffingRequest(calls, interval, aht, sl, t, asa, cap, shrinkage, patience, abandon);
    }

    @Test
    void agentsAreMinimal() {
        var r = new SplittableRandom(42);
        for (int i = 0; i < CASES; i++) {
            for (boolean erlangA : new boolean[] {false, true}) {
                StaffingRequest request = randomRequest(r, erlangA);
                StaffingResult result = StaffingCalculator.required(request);
                String what = request + " -> " + result;
                assertThat(result.agents()).as(what).isNotNegative();
                assertThat(StaffingCalculator.meetsTargets(request, result)).as(what).isTrue();
                assertThat(StaffingCalculator.evaluate(request, result.agents())).as(what).isEqualTo(result);
                if (result.agents() > 0) {
                    var fewer = StaffingCalculator.evaluate(request, result.agents() - 1);
                    assertThat(StaffingCalculator.meetsTargets(request, fewer)).as(what).isFalse();
                }
                assertThat(result.positions()).as(what)
                        .isGreaterThanOrEqualTo(result.agents())
                        .isEqualTo(StaffingCalculator.positions(result.agents(), request.shrinkage()));
                assertThat(result.serviceLevel()).as(what).isBetween(0.0, 1.0);
                assertThat(result.occupancy()).as(what).isBetween(0.0, 1.0);
                assertThat(result.probabilityOfWaiting()).as(what).isBetween(0.0, 1.0);
                assertThat(result.asaSeconds()).as(what).isFinite().isNotNegative();
                assertThat(result.abandonmentProbability()).as(what).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void serviceLevelIncreasesAndWaitsFallWithAgents() {
        var r = new SplittableRandom(7);
        for (int i = 0; i < CASES; i++) {
            double traffic = r.nextDouble(0.05, 300);
            double aht = r.nextDouble(30, 600);
            double t = r.nextDouble(0, 60);
            double patience = r.nextDouble(5, 1200);
            int from = (int) Math.floor(traffic) + 1;
            double previousSl = -1, previousAsa = Double.POSITIVE_INFINITY, previousWait = 2;
            for (int n = from; n < from + 40; n++) {
                double sl = ErlangC.serviceLevel(n, traffic, aht, t);
                double asa = ErlangC.asaSeconds(n, traffic, aht);
                double wait = ErlangC.probabilityOfWaiting(n, traffic);
                assertThat(sl).isGreaterThanOrEqualTo(previousSl);
                assertThat(asa).isLessThanOrEqualTo(previousAsa);
                assertThat(wait).isLessThanOrEqualTo(previousWait);
                previousSl = sl;
                previousAsa = asa;
                previousWait = wait;
            }
            double previousA = -1, previousAbandon = 2, previousAll = Double.POSITIVE_INFINITY;
            double previousAsaA = Double.POSITIVE_INFINITY;
            double previousOccupancy = 1;
            int start = Math.max(0, (int) (traffic * 0.5));
            for (int n = start; n < from + 30; n++) {
                var m = ErlangA.metrics(n, traffic, aht, patience, t);
                String what = "n=%d A=%s aht=%s T=%s patience=%s %s".formatted(n, traffic, aht, t, patience, m);
                assertThat(m.serviceLevel()).as(what).isGreaterThanOrEqualTo(previousA - 1e-10);
                assertThat(m.probabilityOfAbandonment()).as(what).isLessThanOrEqualTo(previousAbandon + 1e-15);
                if (previousAbandon > 1e-12) {
                    assertThat(m.probabilityOfAbandonment()).as(what).isLessThan(previousAbandon);
                }
                assertThat(m.averageWaitSeconds()).as(what).isLessThanOrEqualTo(previousAll * (1 + 1e-12));
                assertThat(m.asaSeconds()).as(what).isLessThanOrEqualTo(previousAsaA * (1 + 1e-9));
                // the Erlang A search halves gaps: it relies on occupancy falling with agents as well
                assertThat(m.occupancy()).as(what).isLessThanOrEqualTo(previousOccupancy + 1e-12);
                previousOccupancy = m.occupancy();
                previousAsaA = m.asaSeconds();
                previousA = m.serviceLevel();
                previousAbandon = m.probabilityOfAbandonment();
                previousAll = m.averageWaitSeconds();
            }
        }
    }

    /** The Erlang A search (doubling, then halving) finds what trying every number from 0 up finds. */
    @Test
    void erlangASearchFindsTheFirstNumberMeetingTheTargets() {
        var r = new SplittableRandom(99);
        for (int i = 0; i < 150; i++) {
            StaffingRequest request = randomRequest(r, true);
            double traffic = request.trafficErlangs();
            if (traffic == 0) {
                continue;
            }
            int first = -1;
            double b = 1; // B(0)
            for (int n = 0; first < 0; n++) {
                if (n > 0) {
                    b = ErlangC.nextErlangB(b, n, traffic);
                }
                if (StaffingCalculator.meetsTargets(request, StaffingCalculator.evaluate(request, traffic, n, b))) {
                    first = n;
                }
            }
            assertThat(StaffingCalculator.required(request).agents()).as(request.toString()).isEqualTo(first);
        }
    }

    @Test
    void erlangANeedsNoMoreAgentsThanErlangCAndApproachesItWithPatience() {
        var r = new SplittableRandom(2024);
        for (int i = 0; i < CASES; i++) {
            StaffingRequest c = randomRequest(r, false);
            double patience = r.nextDouble(5, 1800);
            StaffingResult erlangC = StaffingCalculator.required(c);
            StaffingResult erlangA = StaffingCalculator.required(c.withPatience(patience, null));
            assertThat(erlangA.agents()).as("%s patience %s", c, patience).isLessThanOrEqualTo(erlangC.agents());

            // callers who practically never hang up: Erlang A tends to Erlang C
            String what = c + " -> C " + erlangC + " / A " + erlangA;
            StaffingResult patient = StaffingCalculator.required(
                    c.withPatience((double) StaffingLimits.MAX_PATIENCE_SECONDS, null));
            assertThat(patient.agents()).as(what).isLessThanOrEqualTo(erlangC.agents());
            if (c.trafficErlangs() > 0) {
                int n = erlangC.agents();
                double traffic = c.trafficErlangs();
                var m = ErlangA.metrics(n, traffic, c.ahtSeconds(), 1e12, c.answerWithinSeconds());
                assertThat(m.serviceLevel()).as(what).isCloseTo(erlangC.serviceLevel(), within(1e-6));
                assertThat(m.probabilityOfWaiting()).as(what).isCloseTo(erlangC.probabilityOfWaiting(), within(1e-6));
                assertThat(m.asaSeconds()).as(what)
                        .isCloseTo(erlangC.asaSeconds(), within(1e-6 * (1 + erlangC.asaSeconds())));
                assertThat(m.occupancy()).as(what).isCloseTo(erlangC.occupancy(), within(1e-6));
                assertThat(m.probabilityOfAbandonment()).as(what).isLessThan(1e-6);
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double v) {
        return org.assertj.core.api.Assertions.within(v);
    }
}
