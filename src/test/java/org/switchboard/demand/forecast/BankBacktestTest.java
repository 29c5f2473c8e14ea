package org.switchboard.demand.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.SharedData;

/**
 * The agreed protocol on the real bank data (February 1999): train on 1999-02-01..21, forecast
 * 22..28, WAPE and bias per service type and in total over the six types' intervals. Prints a table
 * for every method and checks that the standard method beats seasonal-naive in total.
 */
class BankBacktestTest {

    static final int HOLDOUT_DAYS = 7;

    @ParameterizedTest
    @ValueSource(strings = {"data/callcenter/intervals_15min.csv", "data/callcenter/intervals_30min.csv"})
    void standardBeatsSeasonalNaiveInTotal(String relative) throws IOException {
        Path file = SharedData.require(relative);
        Map<String, IntervalSeries> series = BankIntervals.read(file);
        IntervalSeries ps = series.get("PS");
        assertThat(ps.firstDay()).isEqualTo(LocalDate.of(1999, 2, 1));
        assertThat(ps.lastDay()).isEqualTo(LocalDate.of(1999, 2, 28));

        List<ForecastMethod> methods = new ArrayList<>(Forecasting.all());
        ForecastMethod standard = Forecasting.standard();
        Map<String, Accuracy> totals = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder();
        table.append("%nBank backtest %s: train 02-01..21, forecast 02-22..28 (calls = agent_arrivals)%n"
                .formatted(file.getFileName()));
        table.append("%-18s %-5s %9s %9s %8s %8s%n".formatted("method", "type", "actual", "forecast", "WAPE%", "bias%"));
        for (ForecastMethod m : methods) {
            List<double[]> forecasts = new ArrayList<>();
            List<double[]> actuals = new ArrayList<>();
            for (String type : BankIntervals.TYPES) {
                IntervalSeries s = series.get(type);
                ForecastSeries f = Backtest.forecastHoldout(m, s, HOLDOUT_DAYS);
                double[] actual = s.lastDays(HOLDOUT_DAYS).calls();
                assertThat(f.firstDay()).isEqualTo(LocalDate.of(1999, 2, 22));
                assertThat(f.calls()).hasSameSizeAs(actual);
                ForecastMethodsTest.assertValid(f);
                Accuracy a = Backtest.accuracy(m.name(), f.calls(), actual);
                assertThat(a).isEqualTo(Backtest.evaluate(m, s, HOLDOUT_DAYS));
                table.append(row(m.name(), type, a));
                forecasts.add(f.calls());
                actuals.add(actual);
            }
            Accuracy total = Backtest.accuracy(m.name(), forecasts, actuals);
            totals.put(m.name(), total);
            table.append(row(m.name(), "TOTAL", total)).append('\n');
        }
        System.out.print(table);

        Accuracy naive = totals.get(new SeasonalNaive().name());
        Accuracy best = totals.get(standard.name());
        assertThat(best.wape())
                .as("standard (%s) total WAPE vs seasonal-naive on %s", standard.name(), file.getFileName())
                .isLessThan(naive.wape());
        assertThat(naive.actualTotal()).isEqualTo(best.actualTotal()).isPositive();
    }

    private static String row(String method, String type, Accuracy a) {
        return "%-18s %-5s %9.0f %9.0f %8.1f %+8.1f%n"
                .formatted(method, type, a.actualTotal(), a.forecastTotal(), a.wapePercent(), a.biasPercent());
    }
}
