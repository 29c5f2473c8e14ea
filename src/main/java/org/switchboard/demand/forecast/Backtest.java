package org.switchboard.demand.forecast;

import java.util.List;

/** Holdout backtests and accuracy arithmetic. */
public final class Backtest {

    private Backtest() {}

    /**
     * Trains {@code method} on all but the last {@code holdoutDays} days of {@code series}, forecasts
     * those days and compares the forecast calls with the actual calls.
     */
    public static Accuracy evaluate(ForecastMethod method, IntervalSeries series, int holdoutDays) {
        ForecastSeries f = forecastHoldout(method, series, holdoutDays);
        return accuracy(method.name(), f.calls(), series.lastDays(holdoutDays).calls());
    }

    /** The forecast {@link #evaluate} compares: trained on all but the last {@code holdoutDays} days. */
    public static ForecastSeries forecastHoldout(ForecastMethod method, IntervalSeries series, int holdoutDays) {
        if (holdoutDays < 1 || holdoutDays >= series.days()) {
            throw new IllegalArgumentException("holdoutDays must be within 1.." + (series.days() - 1)
                    + ", got " + holdoutDays);
        }
        return method.forecast(series.firstDays(series.days() - holdoutDays), holdoutDays);
    }

    /** WAPE and bias of {@code forecast} against {@code actual}, interval by interval. */
    public static Accuracy accuracy(String method, double[] forecast, double[] actual) {
        return accuracy(method, List.of(forecast), List.of(actual));
    }

    /**
     * WAPE and bias pooled over several series (for example every queue's intervals): the i-th
     * forecast array is compared with the i-th actual array.
     */
    public static Accuracy accuracy(String method, List<double[]> forecasts, List<double[]> actuals) {
        if (forecasts.size() != actuals.size()) {
            throw new IllegalArgumentException(forecasts.size() + " forecasts but " + actuals.size() + " actuals");
        }
        double sumA = 0;
        double sumF = 0;
        double sumAbs = 0;
        for (int k = 0; k < forecasts.size(); k++) {
            double[] f = forecasts.get(k);
            double[] a = actuals.get(k);
            if (f.length != a.length) {
                throw new IllegalArgumentException("forecast has " + f.length + " values, actual " + a.length);
            }
            for (int i = 0; i < f.length; i++) {
                if (Double.isNaN(f[i]) || Double.isNaN(a[i])) {
                    continue;
                }
                sumA += a[i];
                sumF += f[i];
                sumAbs += Math.abs(f[i] - a[i]);
            }
        }
        double wape;
        double bias;
        if (sumA == 0) {
            wape = sumAbs == 0 ? 0 : Double.POSITIVE_INFINITY;
            bias = sumF == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, sumF);
        } else {
            wape = sumAbs / sumA;
            bias = (sumF - sumA) / sumA;
        }
        return new Accuracy(method, wape, bias, sumA, sumF);
    }
}
