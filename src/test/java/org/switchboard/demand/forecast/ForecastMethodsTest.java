package org.switchboard.demand.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ForecastMethodsTest {

    static Stream<ForecastMethod> methods() {
        return Forecasting.all().stream();
    }

    @Test
    void standardIsOneOfAllAndNamesAreUnique() {
        assertThat(Forecasting.all()).extracting(ForecastMethod::name)
                .doesNotHaveDuplicates()
                .contains("seasonal-naive", Forecasting.standard().name());
        assertThat(Forecasting.standard().name()).isEqualTo("weighted-seasonal");
    }

    @ParameterizedTest
    @MethodSource("methods")
    void weeklyPeriodicSeriesIsForecastNearlyExactly(ForecastMethod method) {
        for (int minutes : new int[] {15, 30}) {
            IntervalSeries all = Synthetic.exact(6 * 7, minutes, 40, 0);
            Accuracy a = Backtest.evaluate(method, all, 14);
            assertThat(a.wape()).as("%s at %d min", method.name(), minutes).isLessThan(0.02);
            assertThat(Math.abs(a.bias())).isLessThan(0.01);
        }
    }

    @Test
    void seasonalNaiveRepeatsTheLastWeek() {
        IntervalSeries h = Synthetic.poisson(14, 30, 20, 0, 1);
        ForecastSeries f = new SeasonalNaive().forecast(h, 15);
        int week = 7 * h.slotsPerDay();
        double[] lastWeek = Arrays.copyOfRange(h.calls(), h.calls().length - week, h.calls().length);
        assertThat(Arrays.copyOfRange(f.calls(), 0, week)).containsExactly(lastWeek);
        assertThat(Arrays.copyOfRange(f.calls(), week, 2 * week)).containsExactly(lastWeek);
        assertThat(Arrays.copyOfRange(f.calls(), 2 * week, 15 * h.slotsPerDay()))
                .containsExactly(Arrays.copyOfRange(lastWeek, 0, h.slotsPerDay()));
        assertThat(f.firstDay()).isEqualTo(h.lastDay().plusDays(1));
    }

    static Stream<ForecastMethod> trendFollowers() {
        // Holt-Winters (additive, slow level) follows a steady trend late; see its Javadoc.
        return Stream.of(new SeasonalNaive(), Forecasting.standard());
    }

    @ParameterizedTest
    @MethodSource("trendFollowers")
    void growingAndShrinkingTrendsAreFollowed(ForecastMethod method) {
        for (double growth : new double[] {0.03, -0.03}) {
            IntervalSeries h = Synthetic.exact(8 * 7, 30, 40, growth);
            int week = 7 * h.slotsPerDay();
            double lastWeek = Synthetic.sum(h.calls(), h.calls().length - week, h.calls().length);
            double truth = lastWeek * (1 + growth);
            double next = method.forecast(h, 7).totalCalls();
            if (method instanceof SeasonalNaive) {
                assertThat(next).isCloseTo(lastWeek, org.assertj.core.data.Percentage.withPercentage(0.01));
            } else if (growth > 0) {
                assertThat(next).as(method.name()).isGreaterThan(lastWeek).isLessThan(truth * 1.02);
            } else {
                assertThat(next).as(method.name()).isLessThan(lastWeek).isGreaterThan(truth * 0.98);
            }
        }
    }

    @Test
    void trendIsDampedOverLongHorizons() {
        IntervalSeries h = Synthetic.exact(4 * 7, 30, 40, 0.05);
        ForecastSeries f = Forecasting.standard().forecast(h, 7 * 52);
        int week = 7 * h.slotsPerDay();
        double first = Synthetic.sum(f.calls(), 0, week);
        double lastWeekOfYear = Synthetic.sum(f.calls(), 51 * week, 52 * week);
        // Undamped 5 %/week would be ×12.6 after a year; damped it levels off within a few weeks.
        assertThat(lastWeekOfYear / first).isBetween(1.0, 1.25);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void closedSlotsStayZero(ForecastMethod method) {
        IntervalSeries h = Synthetic.poisson(5 * 7, 15, 30, 0.02, 7);
        ForecastSeries f = method.forecast(h, 21);
        int spd = h.slotsPerDay();
        for (int d = 0; d < f.days(); d++) {
            int dow = f.firstDay().plusDays(d).getDayOfWeek().getValue() - 1;  // 0 = Monday
            for (int s = 0; s < spd; s++) {
                if (Synthetic.expected(dow, s, 15, 30, 0) == 0) {
                    assertThat(f.calls()[d * spd + s]).as("%s day %d slot %d", method.name(), d, s).isZero();
                }
            }
        }
        // Sunday is closed all day: exactly zero, also for the tuned smoothing method.
        int sunday = (int) (java.time.DayOfWeek.SUNDAY.getValue() - f.firstDay().getDayOfWeek().getValue() + 7) % 7;
        assertThat(Synthetic.sum(f.calls(), sunday * spd, (sunday + 1) * spd)).isZero();
    }

    @ParameterizedTest
    @MethodSource("methods")
    void oneWeekOfHistoryWorks(ForecastMethod method) {
        IntervalSeries h = Synthetic.poisson(7, 15, 30, 0, 3);
        ForecastSeries f = method.forecast(h, 14);
        assertThat(f.calls()).hasSize(14 * 96);
        assertValid(f);
        double naive = new SeasonalNaive().forecast(h, 14).totalCalls();
        assertThat(f.totalCalls()).isCloseTo(naive, org.assertj.core.data.Percentage.withPercentage(5));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void shortAndEmptyHistoriesWork(ForecastMethod method) {
        IntervalSeries three = Synthetic.poisson(3, 30, 30, 0, 5);
        ForecastSeries f = method.forecast(three, 10);
        assertThat(f.days()).isEqualTo(10);
        assertValid(f);
        assertThat(f.totalCalls()).isPositive();

        IntervalSeries empty = IntervalSeries.ofCalls(LocalDate.of(2025, 3, 1), 15, new double[0]);
        ForecastSeries none = method.forecast(empty, 2);
        assertThat(none.firstDay()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(none.calls()).hasSize(192).containsOnly(0.0);
        assertThat(none.ahtSeconds()).containsOnly(0.0);
        assertThat(method.forecast(three, 0).calls()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("methods")
    void outputsAreNeverNegativeAndAhtNeverNaN(ForecastMethod method) {
        // A sharp drop in the last week tempts additive methods below zero; AHT missing on some days.
        IntervalSeries h = Synthetic.poisson(4 * 7, 15, 30, 0, 11);
        double[] calls = h.calls().clone();
        double[] aht = h.ahtSeconds().clone();
        int spd = h.slotsPerDay();
        for (int i = 3 * 7 * spd; i < calls.length; i++) {
            calls[i] = Math.floor(calls[i] / 10);
        }
        Arrays.fill(aht, 0, 7 * spd, Double.NaN);
        ForecastSeries f = method.forecast(new IntervalSeries(h.firstDay(), 15, calls, aht), 28);
        assertValid(f);
        for (double a : f.ahtSeconds()) {
            assertThat(a).isBetween(100.0, 260.0);
        }
        ForecastSeries noAht = method.forecast(IntervalSeries.ofCalls(h.firstDay(), 15, calls), 7);
        assertThat(noAht.ahtSeconds()).containsOnly(0.0);
    }

    @Test
    void ahtIsTheCallsWeightedMeanOfTheSameWeekdayAndSlot() {
        int spd = 48;
        double[] calls = new double[14 * spd];
        double[] aht = new double[14 * spd];
        Arrays.fill(aht, Double.NaN);
        // Slot 20 every day: 100 calls at 200 s in week 1 and 300 calls at 100 s in week 2.
        for (int d = 0; d < 14; d++) {
            calls[d * spd + 20] = d < 7 ? 100 : 300;
            aht[d * spd + 20] = d < 7 ? 200 : 100;
        }
        ForecastSeries f = Forecasting.standard().forecast(new IntervalSeries(Synthetic.START, 30, calls, aht), 7);
        // (100×200 + 300×100) / 400 = 125; the time-of-day prior has the same value here.
        assertThat(f.ahtSeconds()[20]).isCloseTo(125, org.assertj.core.data.Offset.offset(1e-9));
        // Slots never handled fall back to the overall mean.
        assertThat(f.ahtSeconds()[3]).isCloseTo(125, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aOneOffSpikeIsNotCopiedForward() {
        IntervalSeries h = Synthetic.poisson(4 * 7, 30, 30, 0, 13);
        double[] calls = h.calls().clone();
        int spd = h.slotsPerDay();
        int spikeDay = 3 * 7 + 1;  // Tuesday of the last week
        int slot = 30;             // 15:00
        double normal = Synthetic.expected(1, slot, 30, 30, 0);
        calls[spikeDay * spd + slot] = 10 * normal;
        ForecastSeries f = Forecasting.standard().forecast(new IntervalSeries(h.firstDay(), 30, calls, null), 7);
        double tuesday = f.calls()[1 * spd + slot];
        assertThat(tuesday).isLessThan(1.5 * normal);
        assertThat(new SeasonalNaive().forecast(new IntervalSeries(h.firstDay(), 30, calls, null), 14)
                .calls()[spd + slot]).isEqualTo(10 * normal);
    }

    @Test
    void intervalSeriesSlicesAndValidates() {
        IntervalSeries s = Synthetic.poisson(10, 30, 10, 0, 1);
        assertThat(s.slotsPerDay()).isEqualTo(48);
        assertThat(s.days()).isEqualTo(10);
        assertThat(s.lastDay()).isEqualTo(Synthetic.START.plusDays(9));
        assertThat(s.firstDays(3).calls()).containsExactly(Arrays.copyOf(s.calls(), 144));
        assertThat(s.lastDays(2).firstDay()).isEqualTo(Synthetic.START.plusDays(8));
        assertThat(s.lastDays(2).ahtSeconds()).hasSize(96);
        assertThatThrownBy(() -> IntervalSeries.ofCalls(Synthetic.START, 7, new double[10]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntervalSeries.ofCalls(Synthetic.START, 30, new double[47]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntervalSeries.ofCalls(Synthetic.START, 30, new double[] {-1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.firstDays(11)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertValid(ForecastSeries f) {
        for (int i = 0; i < f.calls().length; i++) {
            assertThat(f.calls()[i]).isNotNegative().isFinite();
            assertThat(f.ahtSeconds()[i]).isNotNaN().isFinite();
        }
    }
}
