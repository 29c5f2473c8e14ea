package org.switchboard.demand.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffingCalculatorTest {

    private static StaffingRequest request(double calls, double aht, Double sl, double t, Double asa, Double cap,
            double shrinkage) {
        return new StaffingRequest(calls, 30, aht, sl, t, asa, cap, shrinkage, null, null);
    }

    @Test
    void pyworkforceDocumentedPoint() {
        var result = StaffingCalculator.required(StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withShrinkage(0.30));
        assertThat(result.agents()).isEqualTo(14);
        assertThat(result.positions()).isEqualTo(20);
        assertThat(result.serviceLevel()).isCloseTo(0.888, within(5e-4));
        assertThat(result.occupancy()).isCloseTo(0.714, within(5e-4));
        assertThat(result.probabilityOfWaiting()).isCloseTo(0.174, within(5e-4));
        assertThat(result.abandonmentProbability()).isZero();
    }

    @Test
    void positionsIgnoreFloatingPointNoise() {
        assertThat(21 / (1 - 0.3)).isGreaterThan(30.0); // the trap: 30.000000000000004
        assertThat(StaffingCalculator.positions(21, 0.3)).isEqualTo(30);
        assertThat(StaffingCalculator.positions(33, 0.45)).isEqualTo(60);
        assertThat(StaffingCalculator.positions(14, 0.3)).isEqualTo(20);
        assertThat(StaffingCalculator.positions(15, 0.3)).isEqualTo(22);
        assertThat(StaffingCalculator.positions(7, 0.3)).isEqualTo(10);
        assertThat(StaffingCalculator.positions(0, 0.3)).isZero();
        assertThat(StaffingCalculator.positions(10, 0.0)).isEqualTo(10);
        assertThat(StaffingCalculator.positions(1, 0.5)).isEqualTo(2);
        assertThat(StaffingCalculator.positions(3, 0.1)).isEqualTo(4);
        assertThat(StaffingCalculator.positions(14, 0.9)).isEqualTo(140);
    }

    /** Shrinkage 0.9999999 once gave 2147483647 positions: the int cast saturated without a word. */
    @Test
    void positionsNeverSaturate() {
        assertThatThrownBy(() -> StaffingCalculator.positions(14, 0.9999999))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("shrinkage: must be from 0 % to 90 %, was 99.99999 %");
        assertThatThrownBy(() -> StaffingCalculator.positions(Integer.MAX_VALUE, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 2147483647");
        assertThat(StaffingCalculator.positions(Integer.MAX_VALUE, 0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(StaffingCalculator.positions(StaffingLimits.MAX_AGENTS, StaffingLimits.MAX_SHRINKAGE))
                .isEqualTo(10 * StaffingLimits.MAX_AGENTS);
        assertThatThrownBy(() -> StaffingCalculator.required(
                        StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withShrinkage(0.9999999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shrinkage: 99.99999 % is out of range: must be from 0 % to 90 %");
        assertThat(StaffingCalculator.required(StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withShrinkage(0.9))
                .positions()).isEqualTo(140);
    }

    @Test
    void erlangFunctionsAtAKnownPoint() {
        // A = 10 Erlangs, N = 12 (B = 0.119739, C = 0.449388)
        assertThat(ErlangC.erlangB(12, 10)).isCloseTo(0.119739, within(1e-6));
        assertThat(ErlangC.probabilityOfWaiting(12, 10)).isCloseTo(0.449388, within(1e-6));
        assertThat(ErlangC.erlangB(0, 3)).isEqualTo(1.0);
        assertThat(ErlangC.erlangB(1, 1)).isEqualTo(0.5);
    }

    @Test
    void largeCenterStaysFinite() {
        double b = ErlangC.erlangB(5000, 4900.0);
        assertThat(b).isFinite().isGreaterThan(0).isLessThan(1);
        double c = ErlangC.probabilityOfWaiting(5000, 4900.0);
        assertThat(c).isFinite().isGreaterThan(0).isLessThan(1);
        assertThat(ErlangC.serviceLevel(5000, 4900.0, 180, 20)).isFinite().isBetween(0.0, 1.0);
        assertThat(ErlangC.asaSeconds(5000, 4900.0, 180)).isFinite().isPositive();

        var result = StaffingCalculator.required(StaffingRequest.erlangC(98_000, 30, 180, 0.8, 20));
        assertThat(result.agents()).isGreaterThan(9_800).isLessThan(10_000);
        assertThat(result.serviceLevel()).isFinite().isGreaterThanOrEqualTo(0.8);
        assertThat(result.occupancy()).isFinite().isLessThan(1);
        assertThat(result.probabilityOfWaiting()).isFinite().isBetween(0.0, 1.0);
        assertThat(result.asaSeconds()).isFinite();
        var fewer = StaffingCalculator.evaluate(StaffingRequest.erlangC(98_000, 30, 180, 0.8, 20), result.agents() - 1);
        assertThat(fewer.serviceLevel()).isLessThan(0.8);

        var erlangA = StaffingCalculator.required(
                StaffingRequest.erlangC(98_000, 30, 180, 0.8, 20).withPatience(600.0, null));
        assertThat(erlangA.agents()).isPositive().isLessThanOrEqualTo(result.agents());
        assertThat(erlangA.serviceLevel()).isFinite().isGreaterThanOrEqualTo(0.8);
        assertThat(erlangA.abandonmentProbability()).isFinite().isBetween(0.0, 1.0);
    }

    @Test
    void zeroCalls() {
        var result = StaffingCalculator.required(StaffingRequest.erlangC(0, 30, 180, 0.8, 20).withShrinkage(0.3));
        assertThat(result).isEqualTo(new StaffingResult(0, 0, 1.0, 0.0, 0.0, 0.0, 0.0));
        var erlangA = StaffingCalculator.required(StaffingRequest.erlangC(0, 30, 180, 0.8, 20).withPatience(60.0, 0.05));
        assertThat(erlangA).isEqualTo(new StaffingResult(0, 0, 1.0, 0.0, 0.0, 0.0, 0.0));
        assertThat(ErlangC.serviceLevel(0, 0, 180, 20)).isEqualTo(1.0);
        assertThat(ErlangC.asaSeconds(3, 0, 180)).isZero();
        assertThat(ErlangC.probabilityOfWaiting(3, 0)).isZero();
        assertThat(ErlangA.serviceLevel(2, 0, 180, 60, 20)).isEqualTo(1.0);
    }

    @Test
    void loadAtOrAboveAgents() {
        assertThat(ErlangC.probabilityOfWaiting(10, 10.0)).isEqualTo(1.0);
        assertThat(ErlangC.probabilityOfWaiting(10, 12.5)).isEqualTo(1.0);
        assertThat(ErlangC.serviceLevel(10, 10.0, 180, 20)).isZero();
        assertThat(ErlangC.serviceLevel(3, 12.5, 180, 20)).isZero();
        assertThat(ErlangC.asaSeconds(10, 10.0, 180)).isInfinite();
        assertThat(ErlangC.asaSeconds(0, 1.0, 180)).isInfinite();
        assertThat(ErlangC.occupancy(5, 12.5)).isEqualTo(1.0);
        var r = StaffingCalculator.evaluate(StaffingRequest.erlangC(200, 30, 180, 0.8, 20), 15); // A = 20
        assertThat(r.serviceLevel()).isZero();
        assertThat(r.occupancy()).isEqualTo(1.0);
        assertThat(r.probabilityOfWaiting()).isEqualTo(1.0);
        assertThat(r.asaSeconds()).isInfinite();
        // Erlang A is stable below the load
        var a = StaffingCalculator.evaluate(StaffingRequest.erlangC(200, 30, 180, 0.8, 20).withPatience(90.0, null), 15);
        assertThat(a.abandonmentProbability()).isGreaterThanOrEqualTo(1 - 15 / 20.0).isLessThan(1);
        assertThat(a.serviceLevel()).isPositive().isLessThan(0.75);
        assertThat(a.asaSeconds()).isFinite();
        assertThat(a.occupancy()).isLessThanOrEqualTo(1.0).isGreaterThan(0.9);
    }

    @Test
    void evaluateGivesTheFiguresOfAnyNumberOfAgents() {
        var request = StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withShrinkage(0.3);
        var at14 = StaffingCalculator.evaluate(request, 14);
        assertThat(at14).isEqualTo(StaffingCalculator.required(request));
        var at20 = StaffingCalculator.evaluate(request, 20);
        assertThat(at20.positions()).isEqualTo(29);
        assertThat(at20.serviceLevel()).isGreaterThan(at14.serviceLevel());
        assertThat(at20.occupancy()).isCloseTo(0.5, within(1e-12));
        assertThat(StaffingCalculator.evaluate(request, 0).serviceLevel()).isZero();
        assertThatThrownBy(() -> StaffingCalculator.evaluate(request, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agents");
        // no target needed for a what-if
        var noTargets = new StaffingRequest(100, 30, 180, null, 20, null, null, 0, null, null);
        assertThat(StaffingCalculator.evaluate(noTargets, 14).serviceLevel()).isEqualTo(at14.serviceLevel());
    }

    @Test
    void occupancyCapBinds() {
        // A = 100: 80/20 alone needs about 110 agents (occupancy above 0.9); a 0.85 cap needs ceil(100/0.85) = 118
        var free = StaffingCalculator.required(request(1000, 180, 0.8, 20, null, null, 0));
        assertThat(free.occupancy()).isGreaterThan(0.85);
        var capped = StaffingCalculator.required(request(1000, 180, 0.8, 20, null, 0.85, 0));
        assertThat(capped.agents()).isEqualTo(118);
        assertThat(capped.occupancy()).isLessThanOrEqualTo(0.85);
        // A = 10: the service level needs 14 agents, the lowest cap (0.5) twice the load
        var low = StaffingCalculator.required(request(100, 180, 0.8, 20, null, 0.5, 0));
        assertThat(low.agents()).isEqualTo(20);
        assertThat(StaffingCalculator.required(request(100, 180, 0.8, 20, null, null, 0)).agents()).isEqualTo(14);
        // occupancy exactly at the cap counts as met: A = 8.5, cap 0.85, 10 agents
        var tie = StaffingCalculator.required(new StaffingRequest(85, 30, 180, null, 20, 3600.0, 0.85, 0, null, null));
        assertThat(tie.agents()).isEqualTo(10);
    }

    @Test
    void asaTargetBinds() {
        var slOnly = StaffingCalculator.required(request(100, 180, 0.8, 20, null, null, 0));
        assertThat(slOnly.asaSeconds()).isGreaterThan(5);
        var withAsa = StaffingCalculator.required(request(100, 180, 0.8, 20, 5.0, null, 0));
        assertThat(withAsa.agents()).isGreaterThan(slOnly.agents());
        assertThat(withAsa.asaSeconds()).isLessThanOrEqualTo(5);
        assertThat(StaffingCalculator.evaluate(request(100, 180, 0.8, 20, 5.0, null, 0), withAsa.agents() - 1)
                .asaSeconds()).isGreaterThan(5);
        var asaOnly = StaffingCalculator.required(request(100, 180, null, 20, 5.0, null, 0));
        assertThat(asaOnly.agents()).isEqualTo(withAsa.agents());
    }

    @Test
    void unreachableTargetsThrow() {
        assertThatThrownBy(() -> StaffingCalculator.required(StaffingRequest.erlangC(100, 30, 180, 1.0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("serviceLevelTarget:")
                .hasMessageContaining("cannot be reached");
        assertThatThrownBy(() -> StaffingCalculator.required(StaffingRequest.erlangC(100, 30, 180, 1.0, 20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be reached");
        // an ASA target of 1e-300 s is out of range; the search behind the check still gives up by itself
        var tinyAsa = request(100, 180, null, 20, 1e-300, null, 0);
        assertThatThrownBy(() -> StaffingCalculator.required(tinyAsa))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asaTargetSeconds: must be a number of seconds from 1 to 3600");
        assertThatThrownBy(() -> StaffingCalculator.required(tinyAsa, tinyAsa.trafficErlangs()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("asaTargetSeconds:")
                .hasMessageContaining("cannot be reached");
        assertThatThrownBy(() -> StaffingCalculator.required(
                        StaffingRequest.erlangC(100, 30, 180, 0.8, 20).withPatience(60.0, 0.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("abandonmentTarget:");
        assertThatThrownBy(() -> StaffingCalculator.required(
                        StaffingRequest.erlangC(100, 30, 180, 1.0, 20).withPatience(60.0, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("serviceLevelTarget:");
        var tinyAsaA = tinyAsa.withPatience(60.0, null);
        assertThatThrownBy(() -> StaffingCalculator.required(tinyAsaA, tinyAsaA.trafficErlangs()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("asaTargetSeconds:")
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void validationNamesEachField() {
        var valid = StaffingRequest.erlangC(100, 30, 180, 0.8, 20);
        assertThat(valid.problems()).isEmpty();
        var everythingWrong = new StaffingRequest(-1, 0, 0, 1.5, -1, -2.0, 1.2, 1.0, -5.0, 2.0);
        Map<String, String> problems = everythingWrong.problems();
        assertThat(problems.keySet()).containsExactly("callsPerInterval", "intervalMinutes", "ahtSeconds",
                "serviceLevelTarget", "answerWithinSeconds", "asaTargetSeconds", "maxOccupancy", "shrinkage",
                "patienceSeconds", "abandonmentTarget");
        assertThat(problems.get("shrinkage")).isEqualTo("100 % is out of range: must be from 0 % to 90 %");
        assertThat(problems.get("serviceLevelTarget")).isEqualTo("150 % is out of range: must be from 1 % to below 100 %");
        assertThat(problems.get("maxOccupancy")).isEqualTo("120 % is out of range: must be from 50 % to 100 %");
        assertThat(problems.get("abandonmentTarget")).isEqualTo("200 % is out of range: must be from 0 % to 99 %");
        assertThatThrownBy(() -> StaffingCalculator.required(valid.withShrinkage(1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shrinkage: 100 % is out of range: must be from 0 % to 90 %");
        assertThatThrownBy(() -> StaffingCalculator.required(everythingWrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callsPerInterval: ")
                .hasMessageContaining("abandonmentTarget: ");
        assertThat(new StaffingRequest(Double.NaN, 30, 180, 0.8, 20, null, null, 0, null, null).problems())
                .containsOnlyKeys("callsPerInterval");
        assertThat(new StaffingRequest(100, 30, Double.POSITIVE_INFINITY, 0.8, 20, null, null, 0, null, null)
                .problems()).containsOnlyKeys("ahtSeconds");
        assertThat(valid.withMaxOccupancy(0.0).problems()).containsOnlyKeys("maxOccupancy");
        assertThat(valid.withMaxOccupancy(1.0).problems()).isEmpty();
        assertThat(valid.withAsaTargetSeconds(0.0).problems()).containsOnlyKeys("asaTargetSeconds");
        assertThat(valid.withPatience(0.0, null).problems()).containsOnlyKeys("patienceSeconds");
        assertThat(valid.withPatience(60.0, -0.1).problems()).containsOnlyKeys("abandonmentTarget");
        assertThat(StaffingRequest.erlangC(100, 30, 180, 0.0, 20).problems()).containsOnlyKeys("serviceLevelTarget");
        assertThat(StaffingRequest.erlangC(1e12, 30, 180, 0.8, 20).problems()).containsOnlyKeys("callsPerInterval");
    }

    @Test
    void atLeastOneTargetIsNeeded() {
        var none = new StaffingRequest(100, 30, 180, null, 20, null, 0.85, 0, null, null);
        assertThat(none.problems()).containsOnlyKeys("serviceLevelTarget");
        assertThatThrownBy(() -> StaffingCalculator.required(none))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("serviceLevelTarget:");
        // an abandonment target counts only with patience
        assertThat(none.withPatience(null, 0.05).problems()).containsOnlyKeys("serviceLevelTarget");
        var abandonOnly = none.withPatience(120.0, 0.05);
        assertThat(abandonOnly.problems()).isEmpty();
        var result = StaffingCalculator.required(abandonOnly);
        assertThat(result.abandonmentProbability()).isLessThanOrEqualTo(0.05);
        assertThat(StaffingCalculator.evaluate(abandonOnly, result.agents() - 1).abandonmentProbability())
                .isGreaterThan(0.05);
    }
}
