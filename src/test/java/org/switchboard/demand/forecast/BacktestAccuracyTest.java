package org.switchboard.demand.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestAccuracyTest {

    @Test
    void wapeAndBiasOnAHandExample() {
        Accuracy a = Backtest.accuracy("m", new double[] {2, 0, 5}, new double[] {1, 2, 5});
        // |F−A| = 1 + 2 + 0 = 3, ΣA = 8, ΣF = 7
        assertThat(a.method()).isEqualTo("m");
        assertThat(a.wape()).isCloseTo(3.0 / 8, within(1e-12));
        assertThat(a.bias()).isCloseTo(-1.0 / 8, within(1e-12));
        assertThat(a.actualTotal()).isEqualTo(8);
        assertThat(a.forecastTotal()).isEqualTo(7);
        assertThat(a.wapePercent()).isCloseTo(37.5, within(1e-9));
    }

    @Test
    void overForecastHasPositiveBias() {
        Accuracy a = Backtest.accuracy("m", new double[] {12, 11}, new double[] {10, 10});
        assertThat(a.bias()).isCloseTo(0.15, within(1e-12));
        assertThat(a.wape()).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void nanPairsAreLeftOut() {
        Accuracy a = Backtest.accuracy("m", new double[] {2, Double.NaN, 4}, new double[] {1, 100, Double.NaN});
        assertThat(a.wape()).isEqualTo(1.0);
        assertThat(a.actualTotal()).isEqualTo(1);
        assertThat(a.forecastTotal()).isEqualTo(2);
    }

    @Test
    void zeroActuals() {
        Accuracy both = Backtest.accuracy("m", new double[] {0, 0}, new double[] {0, 0});
        assertThat(both.wape()).isZero();
        assertThat(both.bias()).isZero();
        Accuracy over = Backtest.accuracy("m", new double[] {1, 0}, new double[] {0, 0});
        assertThat(over.wape()).isInfinite();
        assertThat(over.bias()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Backtest.accuracy("m", new double[0], new double[0]).wape()).isZero();
    }

    @Test
    void pooledAccuracyWeighsEveryInterval() {
        Accuracy pooled = Backtest.accuracy("m", List.of(new double[] {2}, new double[] {10}),
                List.of(new double[] {1}, new double[] {10}));
        assertThat(pooled.wape()).isCloseTo(1.0 / 11, within(1e-12));
        assertThatThrownBy(() -> Backtest.accuracy("m", new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evaluateTrainsOnThePrefixAndScoresTheHoldout() {
        IntervalSeries s = Synthetic.exact(21, 30, 20, 0);
        Accuracy a = Backtest.evaluate(new SeasonalNaive(), s, 7);
        assertThat(a.method()).isEqualTo("seasonal-naive");
        assertThat(a.wape()).isZero();
        assertThat(a.actualTotal()).isEqualTo(Synthetic.sum(s.calls(), 14 * 48, 21 * 48));
        assertThatThrownBy(() -> Backtest.evaluate(new SeasonalNaive(), s, 21))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
