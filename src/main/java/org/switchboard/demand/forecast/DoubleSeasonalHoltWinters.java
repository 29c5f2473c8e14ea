package org.switchboard.demand.forecast;

/**
 * Taylor's double-seasonal Holt–Winters exponential smoothing (additive), on the interval series:
 *
 * <pre>
 *   level   l_t = α (y_t − d_{t−S} − w_{t−W}) + (1 − α)(l_{t−1} + φ b_{t−1})
 *   trend   b_t = β (l_t − l_{t−1}) + (1 − β) φ b_{t−1}
 *   daily   d_t = δ (y_t − l_t − w_{t−W}) + (1 − δ) d_{t−S}
 *   weekly  w_t = ω (y_t − l_t − d_{t−S}) + (1 − ω) w_{t−W}
 *   ŷ_{t+k} = l_t + (φ + … + φ^k) b_t + d_{t+k−S} + w_{t+k−W}
 * </pre>
 *
 * with S = slots per day and W = 7 S. The start values are the mean of the first (up to) two weeks
 * as level and their mean weekly pattern as weekly seasonal. The parameters are chosen from a small
 * grid by the WAPE on the last week of the history (fitted on the weeks before it) when there are at
 * least three weeks, then refitted on the whole history; otherwise fixed defaults are used. Forecasts
 * are floored at 0, and slots without calls in every recent week of that weekday are 0. With less
 * than a week of history this falls back to {@link SeasonalNaive}.
 *
 * <p>Known limitation: with additive seasonals and a slow level, a steady multiplicative trend is
 * followed late (on a +3 %/week synthetic series it forecasts below the last week).
 */
public final class DoubleSeasonalHoltWinters implements ForecastMethod {

    private static final double[] ALPHAS = {0.001, 0.005, 0.02};
    private static final double[] DELTAS = {0.0, 0.05, 0.15};
    private static final double[] OMEGAS = {0.05, 0.15, 0.3};
    private static final double[] BETAS = {0.0, 0.0005};
    private static final double PHI = 0.98;
    private static final Params DEFAULTS = new Params(0.005, 0.05, 0.15, 0.0);
    private static final int CLOSED_WEEKS = 8;

    record Params(double alpha, double delta, double omega, double beta) {}

    private final boolean tune;

    /** Tunes the parameters on the last history week when there are at least three weeks. */
    public DoubleSeasonalHoltWinters() {
        this(true);
    }

    DoubleSeasonalHoltWinters(boolean tune) {
        this.tune = tune;
    }

    @Override
    public String name() {
        return "holt-winters";
    }

    @Override
    public ForecastSeries forecast(IntervalSeries history, int days) {
        SeasonalNaive.checkDays(days);
        int hDays = history.days();
        if (hDays < 7) {
            ForecastSeries naive = new SeasonalNaive().forecast(history, days);
            return naive;
        }
        int spd = history.slotsPerDay();
        double[] y = history.calls();
        Params p = DEFAULTS;
        if (tune && hDays >= 21) {
            int trainLen = (hDays - 7) * spd;
            double best = Double.POSITIVE_INFINITY;
            for (double a : ALPHAS) {
                for (double d : DELTAS) {
                    for (double o : OMEGAS) {
                        for (double b : BETAS) {
                            Params cand = new Params(a, d, o, b);
                            double[] f = run(y, trainLen, spd, cand, 7);
                            applyClosed(f, y, spd, hDays - 7);
                            double err = 0;
                            for (int i = 0; i < f.length; i++) {
                                err += Math.abs(f[i] - y[trainLen + i]);
                            }
                            if (err < best - 1e-9) {
                                best = err;
                                p = cand;
                            }
                        }
                    }
                }
            }
        }
        double[] f = run(y, y.length, spd, p, days);
        applyClosed(f, y, spd, hDays);
        return new ForecastSeries(history.lastDay().plusDays(1), history.intervalMinutes(), f,
                AhtForecast.forecast(history, days));
    }

    /** Fits on y[0, n) and forecasts {@code days} days, floored at 0. */
    static double[] run(double[] y, int n, int spd, Params p, int days) {
        int week = 7 * spd;
        int initWeeks = Math.min(2, n / week);
        double level = 0;
        for (int i = 0; i < initWeeks * week; i++) {
            level += y[i];
        }
        level /= initWeeks * week;
        double[] w = new double[week];
        for (int k = 0; k < week; k++) {
            double v = 0;
            for (int j = 0; j < initWeeks; j++) {
                v += y[k + j * week];
            }
            w[k] = v / initWeeks - level;
        }
        double[] d = new double[spd];
        double trend = 0;
        double a = p.alpha();
        double b = p.beta();
        double dl = p.delta();
        double om = p.omega();
        int si = 0;
        int wi = 0;
        for (int t = 0; t < n; t++) {
            double yt = y[t];
            double ds = d[si];
            double ws = w[wi];
            double prevLevel = level;
            level = a * (yt - ds - ws) + (1 - a) * (prevLevel + PHI * trend);
            trend = b * (level - prevLevel) + (1 - b) * PHI * trend;
            d[si] = dl * (yt - level - ws) + (1 - dl) * ds;
            w[wi] = om * (yt - level - ds) + (1 - om) * ws;
            if (++si == spd) {
                si = 0;
            }
            if (++wi == week) {
                wi = 0;
            }
        }
        double[] f = new double[days * spd];
        double damp = 0;
        double phiK = 1;
        for (int k = 0; k < f.length; k++) {
            phiK *= PHI;
            damp += phiK;
            f[k] = Math.max(0, level + damp * trend + d[si] + w[wi]);
            if (++si == spd) {
                si = 0;
            }
            if (++wi == week) {
                wi = 0;
            }
        }
        return f;
    }

    /** Zeroes slots that had no calls in any recent occurrence of that weekday. */
    static void applyClosed(double[] f, double[] y, int spd, int hDays) {
        int[][] occ = Weekly.occurrences(hDays, CLOSED_WEEKS);
        boolean[][] closed = new boolean[7][];
        for (int r = 0; r < 7; r++) {
            closed[r] = Weekly.closed(y, spd, occ[r]);
        }
        int days = f.length / spd;
        for (int h = 0; h < days; h++) {
            boolean[] c = closed[h % 7];
            for (int s = 0; s < spd; s++) {
                if (c[s]) {
                    f[h * spd + s] = 0;
                }
            }
        }
    }

    @Override
    public String toString() {
        return name() + (tune ? "[tuned on last week]" : "[defaults]");
    }
}
