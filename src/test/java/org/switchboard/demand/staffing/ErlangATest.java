package org.switchboard.demand.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Erlang A against a brute-force birth–death chain, a direct integral, a simulation and Erlang C. */
class ErlangATest {

    /** Stationary distribution of the chain truncated at k = K, computed plainly (moderate sizes only). */
    private static double[] chain(int n, double traffic, double aht, double patience, int states) {
        double lambda = traffic / aht;
        double mu = 1 / aht;
        double theta = 1 / patience;
        double[] p = new double[states];
        p[0] = 1;
        double sum = 1;
        for (int k = 1; k < states; k++) {
            p[k] = p[k - 1] * lambda / (mu * Math.min(k, n) + theta * Math.max(0, k - n));
            sum += p[k];
        }
        for (int k = 0; k < states; k++) {
            p[k] /= sum;
        }
        return p;
    }

    @Test
    void matchesTheBirthDeathChain() {
        double[][] cases = { // n, traffic, aht, patience, T
            {10, 9, 180, 120, 20}, {5, 8, 300, 60, 30}, {30, 25, 240, 600, 20}, {1, 0.5, 100, 10, 5},
            {3, 20, 180, 30, 10}, {50, 48, 200, 2000, 15}, {8, 6, 60, 900, 0}};
        for (double[] c : cases) {
            int n = (int) c[0];
            double traffic = c[1], aht = c[2], patience = c[3], t = c[4];
            double[] p = chain(n, traffic, aht, patience, 20_000);
            double lambda = traffic / aht, mu = 1 / aht, theta = 1 / patience;
            double pWait = 0, queue = 0, servedWait = 0, served = 0, h = 0;
            for (int k = 0; k < p.length; k++) {
                if (k < n) {
                    served += p[k];
                    continue;
                }
                int j = k - n;
                pWait += p[k];
                queue += j * p[k];
                double cc = n * mu / theta;
                double answered = cc / (cc + j + 1);
                h += 1 / (n * mu + j * theta + theta); // sum_{i=0..j} 1/(n mu + i theta + theta)
                served += p[k] * answered;
                servedWait += p[k] * answered * h;
            }
            // answered after waiting within T: integral of n mu exp(lambda(1-e^-theta x)/theta - (n mu + theta) x)
            double integral = 0;
            int steps = 20_000;
            for (int i = 0; i <= steps; i++) {
                double x = t * i / steps;
                double w = (i == 0 || i == steps) ? 1 : (i % 2 == 1 ? 4 : 2);
                integral += w * n * mu * Math.exp(lambda * -Math.expm1(-theta * x) / theta - (n * mu + theta) * x);
            }
            integral *= t / steps / 3;
            double sl = 0;
            for (int k = 0; k < n; k++) {
                sl += p[k];
            }
            sl += p[n] * integral;

            var m = ErlangA.metrics(n, traffic, aht, patience, t);
            String what = java.util.Arrays.toString(c) + " " + m;
            assertThat(m.probabilityOfWaiting()).as(what).isCloseTo(pWait, within(1e-10));
            assertThat(m.probabilityOfAbandonment()).as(what).isCloseTo(theta * queue / lambda, within(1e-10));
            assertThat(1 - m.probabilityOfAbandonment()).as(what).isCloseTo(served, within(1e-10));
            assertThat(m.serviceLevel()).as(what).isCloseTo(sl, within(1e-8));
            assertThat(m.asaSeconds()).as(what).isCloseTo(servedWait / served, within(1e-8 * (1 + servedWait / served)));
            assertThat(m.averageWaitSeconds()).as(what).isCloseTo(queue / lambda, within(1e-8 * (1 + queue / lambda)));
            assertThat(m.occupancy()).as(what).isCloseTo(traffic * served / n, within(1e-10));
        }
    }

    /** Discrete-event simulation of the FCFS M/M/n+M queue through each caller's offered wait. */
    @Test
    void agreesWithASimulation() {
        int n = 10;
        double traffic = 9.5, aht = 180, patience = 120, t = 20;
        var random = new SplittableRandom(20240611L);
        PriorityQueue<Double> freeAt = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            freeAt.add(0.0);
        }
        double lambda = traffic / aht;
        double now = 0;
        int calls = 400_000, abandoned = 0, within = 0, waited = 0, answered = 0;
        double answeredWait = 0;
        for (int i = 0; i < calls; i++) {
            now += -Math.log(1 - random.nextDouble()) / lambda;
            double start = Math.max(now, freeAt.peek());
            double wait = start - now;
            double giveUp = -Math.log(1 - random.nextDouble()) * patience;
            if (wait > 0) {
                waited++;
            }
            if (wait > 0 && giveUp < wait) {
                abandoned++;
                continue;
            }
            freeAt.poll();
            freeAt.add(start - Math.log(1 - random.nextDouble()) * aht);
            answered++;
            answeredWait += wait;
            if (wait <= t) {
                within++;
            }
        }
        var m = ErlangA.metrics(n, traffic, aht, patience, t);
        assertThat(m.probabilityOfAbandonment()).isCloseTo((double) abandoned / calls, within(0.01));
        assertThat(m.probabilityOfWaiting()).isCloseTo((double) waited / calls, within(0.015));
        assertThat(m.serviceLevel()).isCloseTo((double) within / calls, within(0.015));
        assertThat(m.asaSeconds()).isCloseTo(answeredWait / answered, within(0.05 * m.asaSeconds()));
    }

    @Test
    void veryPatientCallersGiveErlangC() {
        double[][] cases = {{14, 10, 180, 20}, {110, 100, 180, 20}, {3, 1.2, 300, 15}, {520, 500, 240, 30}};
        for (double[] c : cases) {
            int n = (int) c[0];
            double traffic = c[1], aht = c[2], t = c[3];
            var m = ErlangA.metrics(n, traffic, aht, 1e9, t);
            assertThat(m.probabilityOfWaiting()).isCloseTo(ErlangC.probabilityOfWaiting(n, traffic), within(1e-5));
            assertThat(m.serviceLevel()).isCloseTo(ErlangC.serviceLevel(n, traffic, aht, t), within(1e-5));
            assertThat(m.asaSeconds()).isCloseTo(ErlangC.asaSeconds(n, traffic, aht), within(1e-4));
            assertThat(m.probabilityOfAbandonment()).isLessThan(1e-5);
            assertThat(m.occupancy()).isCloseTo(traffic / n, within(1e-5));
        }
    }

    @Test
    void overloadedAndExtremeInputsStayFinite() {
        double[][] cases = { // n, traffic, aht, patience
            {1, 50, 180, 60}, {100, 9800, 180, 600}, {5000, 4900, 180, 600}, {9500, 9800, 180, 1e6},
            {10, 5, 180, 1e-3}, {2000, 0.01, 180, 60}, {800, 1000, 300, 1e7}};
        for (double[] c : cases) {
            var m = ErlangA.metrics((int) c[0], c[1], c[2], c[3], 20);
            String what = java.util.Arrays.toString(c) + " " + m;
            assertThat(m.probabilityOfWaiting()).as(what).isBetween(0.0, 1.0);
            assertThat(m.probabilityOfAbandonment()).as(what).isBetween(0.0, 1.0);
            assertThat(m.serviceLevel()).as(what).isBetween(0.0, 1.0);
            assertThat(m.asaSeconds()).as(what).isFinite().isNotNegative();
            assertThat(m.averageWaitSeconds()).as(what).isFinite().isNotNegative();
            assertThat(m.occupancy()).as(what).isBetween(0.0, 1.0);
            // carried load never exceeds the agents
            assertThat(1 - m.probabilityOfAbandonment()).as(what).isLessThanOrEqualTo(c[0] / c[1] + 1e-9);
        }
        var none = ErlangA.metrics(0, 5, 180, 60, 20);
        assertThat(none.probabilityOfAbandonment()).isEqualTo(1.0);
        assertThat(none.serviceLevel()).isZero();
    }

    @Test
    void requiredAgentsHelper() {
        int erlangA = ErlangA.requiredAgents(10, 180, 120, 0.8, 20);
        int erlangC = StaffingCalculator.required(StaffingRequest.erlangC(100, 30, 180, 0.8, 20)).agents();
        assertThat(erlangA).isLessThanOrEqualTo(erlangC).isGreaterThan(8);
        assertThat(ErlangA.serviceLevel(erlangA, 10, 180, 120, 20)).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangA.serviceLevel(erlangA - 1, 10, 180, 120, 20)).isLessThan(0.8);
        int withAbandon = ErlangA.requiredAgents(10, 180, 120, null, 20, null, 0.01, null);
        assertThat(ErlangA.probabilityOfAbandonment(withAbandon, 10, 180, 120)).isLessThanOrEqualTo(0.01);
        assertThat(ErlangA.probabilityOfAbandonment(withAbandon - 1, 10, 180, 120)).isGreaterThan(0.01);
    }

    /**
     * The figures themselves (not only the API) end for any patience. With fewer agents than the load the
     * queue's peak lies about (A &minus; N) &times; patience / AHT callers deep and the series would need
     * billions of terms: refused at once, naming the patience (it used to run for hours). With more agents
     * than the load they are Erlang C's, as long as load &times; patience / AHT is a finite double.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e14, 1e16, 1e20, Double.MAX_VALUE})
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugePatienceEndsInTheFiguresToo(double patience) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> ErlangA.metrics(8, 10, 180, patience, 20)) // A = 10
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("patienceSeconds: too large to evaluate");
        if (Double.isFinite(10 * patience / 180)) {
            var m = ErlangA.metrics(12, 10, 180, patience, 20);
            assertThat(m.serviceLevel()).isCloseTo(ErlangC.serviceLevel(12, 10, 180, 20), within(1e-9));
            assertThat(m.probabilityOfWaiting()).isCloseTo(ErlangC.probabilityOfWaiting(12, 10), within(1e-9));
        } else {
            assertThatThrownBy(() -> ErlangA.metrics(12, 10, 180, patience, 20))
                    .hasMessageStartingWith("patienceSeconds: too large to evaluate");
        }
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
    }
}
