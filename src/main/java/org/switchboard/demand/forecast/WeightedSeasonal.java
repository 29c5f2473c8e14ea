package org.switchboard.demand.forecast;

/**
 * Weighted same-weekday averages, forecasting the daily total and the intraday shape separately:
 *
 * <ol>
 *   <li>For each weekday, the last {@code weeks} occurrences are averaged with recency weights
 *       {@code decay^j} (j = 0 for the most recent week).
 *   <li>Robustness: with three or more weeks, each slot value is capped at {@code median + 3√median + 3}
 *       across the weeks (a one-off spike is not carried forward), and the daily totals are
 *       clipped to median ± 3 robust standard deviations (never below √median, the Poisson noise)
 *       before they are averaged.
 *   <li>Daily total = weighted mean of the weekday's totals × a damped level/trend factor.
 *   <li>Intraday shape = the weekday's slot values summed over the weeks (calls-weighted, so a busy
 *       week counts more), smoothed with a small triangular kernel across neighbouring open slots,
 *       normalised to 1. Slots closed in every week of that weekday stay exactly 0.
 *   <li>Pooling: a weekday's shape is shrunk toward the mean shape of the weekdays whose shapes are
 *       within L1 distance {@code poolDistance} of it (for example the working days of a week),
 *       with the weight of {@code poolWeeks} weeks of history. Closed slots stay 0.
 *   <li>Trend: ordinary least squares on the weekly totals of the last {@code weeks} whole weeks
 *       (at least 3), as a relative change per week, capped at ±{@code maxWeeklyTrend}. It is applied
 *       in full from the centre of the averaged weeks to the last history week, and damped with
 *       factor {@code damping} per week beyond it (so it levels off instead of exploding).
 * </ol>
 *
 * <p>With one week of history this is seasonal-naive with a smoothed intraday shape; with less than
 * a week a weekday not yet seen gets the mean day.
 */
public final class WeightedSeasonal implements ForecastMethod {

    private final int weeks;
    private final double decay;
    private final int smoothingMinutes;
    private final double damping;
    private final double maxWeeklyTrend;
    private final double poolDistance;
    private final double poolWeeks;

    /**
     * The defaults: the last 8 weeks equally weighted, ±30 min smoothing, trend damped 0.8 per week
     * and capped at 5 %/week, shapes pooled with weekdays within L1 distance 0.5 at 2 weeks' weight.
     */
    public WeightedSeasonal() {
        this(8, 1.0, 30, 0.8, 0.05, 0.5, 2);
    }

    /** Without shape pooling. */
    public WeightedSeasonal(int weeks, double decay, int smoothingMinutes, double damping, double maxWeeklyTrend) {
        this(weeks, decay, smoothingMinutes, damping, maxWeeklyTrend, 0, 0);
    }

    /**
     * @param weeks            how many past occurrences of each weekday to average (≥ 1)
     * @param decay            recency weight ratio per week, in (0, 1]
     * @param smoothingMinutes half-width of the triangular intraday kernel in minutes (0 = none)
     * @param damping          trend damping per week in [0, 1); 0 switches the trend off
     * @param maxWeeklyTrend   cap on the relative trend per week
     * @param poolDistance     weekdays whose intraday shapes differ by at most this L1 distance (0..2) are pooled
     * @param poolWeeks        weight of the pooled shape, in weeks of history (0 = no pooling)
     */
    public WeightedSeasonal(int weeks, double decay, int smoothingMinutes, double damping, double maxWeeklyTrend,
            double poolDistance, double poolWeeks) {
        if (weeks < 1 || !(decay > 0 && decay <= 1) || smoothingMinutes < 0
                || !(damping >= 0 && damping < 1) || !(maxWeeklyTrend >= 0)
                || !(poolDistance >= 0) || !(poolWeeks >= 0)) {
            throw new IllegalArgumentException("invalid parameters");
        }
        this.weeks = weeks;
        this.decay = decay;
        this.smoothingMinutes = smoothingMinutes;
        this.damping = damping;
        this.maxWeeklyTrend = maxWeeklyTrend;
        this.poolDistance = poolDistance;
        this.poolWeeks = poolWeeks;
    }

    @Override
    public String name() {
        return "weighted-seasonal";
    }

    @Override
    public ForecastSeries forecast(IntervalSeries history, int days) {
        SeasonalNaive.checkDays(days);
        int spd = history.slotsPerDay();
        int hDays = history.days();
        double[] calls = history.calls();
        int halfWidth = Math.round((float) smoothingMinutes / history.intervalMinutes());

        double[] meanDay = new double[spd];
        for (int d = 0; d < hDays; d++) {
            for (int s = 0; s < spd; s++) {
                meanDay[s] += calls[d * spd + s] / hDays;
            }
        }

        int[][] occ = Weekly.occurrences(hDays, weeks);
        double[][] templates = new double[7][];
        double centreAge = 0;
        double[] totals = new double[7];
        double[][] shapes = new double[7][];
        for (int r = 0; r < 7; r++) {
            if (occ[r].length > 0) {
                shapes[r] = new double[spd];
                totals[r] = weekdayShape(calls, spd, occ[r], halfWidth, shapes[r]);
            }
        }
        double[][] pooled = pool(shapes, occ);
        for (int r = 0; r < 7; r++) {
            if (occ[r].length == 0) {
                templates[r] = meanDay;
            } else {
                templates[r] = new double[spd];
                for (int s = 0; s < spd; s++) {
                    templates[r][s] = totals[r] * pooled[r][s];
                }
            }
        }
        int n = Math.min(weeks, hDays / 7);
        double wSum = 0;
        for (int j = 0; j < n; j++) {
            double w = Math.pow(decay, j);
            centreAge += w * j;
            wSum += w;
        }
        centreAge = wSum > 0 ? centreAge / wSum : 0;

        double g = weeklyTrend(calls, spd, hDays);
        double[] factor = new double[days];
        for (int h = 0; h < days; h++) {
            // From the averaged weeks' centre to the last week the trend is observed; beyond it, damped.
            int ahead = h / 7 + 1;
            double damped = damping * (1 - Math.pow(damping, ahead)) / (1 - damping);
            factor[h] = Math.clamp(1 + g * (centreAge + damped), 0.5, 2.0);
        }
        return new ForecastSeries(history.lastDay().plusDays(1), history.intervalMinutes(),
                Weekly.tile(templates, spd, days, factor), AhtForecast.forecast(history, days));
    }

    /**
     * Shrinks each weekday's shape toward the mean shape of the weekdays whose shape is within
     * {@code poolDistance} (L1) of it, itself included, with {@code poolWeeks} weeks' weight. Slots
     * closed on that weekday stay 0.
     */
    private double[][] pool(double[][] shapes, int[][] occ) {
        if (poolWeeks == 0) {
            return shapes;
        }
        double[][] out = new double[7][];
        for (int r = 0; r < 7; r++) {
            if (shapes[r] == null) {
                continue;
            }
            int spd = shapes[r].length;
            double[] mean = new double[spd];
            double wsum = 0;
            for (int q = 0; q < 7; q++) {
                if (shapes[q] == null) {
                    continue;
                }
                double l1 = 0;
                for (int s = 0; s < spd; s++) {
                    l1 += Math.abs(shapes[r][s] - shapes[q][s]);
                }
                if (l1 <= poolDistance) {
                    double w = occ[q].length;
                    for (int s = 0; s < spd; s++) {
                        mean[s] += w * shapes[q][s];
                    }
                    wsum += w;
                }
            }
            double nr = occ[r].length;
            out[r] = new double[spd];
            double sum = 0;
            for (int s = 0; s < spd; s++) {
                if (shapes[r][s] > 0) {
                    out[r][s] = (nr * shapes[r][s] + poolWeeks * mean[s] / wsum) / (nr + poolWeeks);
                    sum += out[r][s];
                }
            }
            for (int s = 0; s < spd && sum > 0; s++) {
                out[r][s] /= sum;
            }
        }
        return out;
    }

    /** Fills {@code out} with the weekday's intraday shape (sums to 1, or all 0) and returns its daily total. */
    private double weekdayShape(double[] calls, int spd, int[] days, int halfWidth, double[] out) {
        int n = days.length;
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = Math.pow(decay, j);
        }
        // Slot values across weeks, spikes capped at a Poisson-style bound above the median.
        double[][] y = new double[n][spd];
        double[] buf = new double[n];
        for (int s = 0; s < spd; s++) {
            double cap = Double.POSITIVE_INFINITY;
            if (n >= 3) {
                for (int j = 0; j < n; j++) {
                    buf[j] = calls[days[j] * spd + s];
                }
                double med = Weekly.median(buf, n);
                cap = med + 3 * Math.sqrt(med) + 3;
            }
            for (int j = 0; j < n; j++) {
                y[j][s] = Math.min(calls[days[j] * spd + s], cap);
            }
        }
        double[] totals = new double[n];
        for (int j = 0; j < n; j++) {
            double t = 0;
            for (int s = 0; s < spd; s++) {
                t += y[j][s];
            }
            totals[j] = t;
        }
        // Robust weighted mean of the daily totals.
        double[] clipped = totals.clone();
        if (n >= 3) {
            double med = Weekly.median(totals.clone(), n);
            double[] dev = new double[n];
            for (int j = 0; j < n; j++) {
                dev[j] = Math.abs(totals[j] - med);
            }
            double scale = Math.max(1.4826 * Weekly.median(dev, n), Math.sqrt(med));
            for (int j = 0; j < n; j++) {
                clipped[j] = Math.clamp(totals[j], med - 3 * scale, med + 3 * scale);
            }
        }
        double wSum = 0;
        double total = 0;
        for (int j = 0; j < n; j++) {
            total += w[j] * clipped[j];
            wSum += w[j];
        }
        total /= wSum;

        // Intraday shape: weighted slot sums over the weeks, smoothed over open neighbours.
        double[] shape = new double[spd];
        boolean[] open = new boolean[spd];
        for (int s = 0; s < spd; s++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += w[j] * y[j][s];
            }
            shape[s] = v;
            open[s] = v > 0;
        }
        double[] smooth = smooth(shape, open, halfWidth);
        double sum = 0;
        for (double v : smooth) {
            sum += v;
        }
        if (sum > 0) {
            for (int s = 0; s < spd; s++) {
                out[s] = smooth[s] / sum;
            }
        }
        return total;
    }

    /** Triangular kernel smoothing over open slots only; closed slots stay 0. */
    static double[] smooth(double[] v, boolean[] open, int halfWidth) {
        if (halfWidth <= 0) {
            return v.clone();
        }
        int spd = v.length;
        double[] out = new double[spd];
        for (int s = 0; s < spd; s++) {
            if (!open[s]) {
                continue;
            }
            double num = 0;
            double den = 0;
            for (int k = -halfWidth; k <= halfWidth; k++) {
                int t = s + k;
                if (t < 0 || t >= spd || !open[t]) {
                    continue;
                }
                double kw = halfWidth + 1 - Math.abs(k);
                num += kw * v[t];
                den += kw;
            }
            out[s] = num / den;
        }
        return out;
    }

    /** Relative change per week of the weekly totals (OLS), capped; 0 with fewer than 3 whole weeks. */
    private double weeklyTrend(double[] calls, int spd, int hDays) {
        int n = Math.min(weeks, hDays / 7);
        if (damping == 0 || n < 3) {
            return 0;
        }
        double[] totals = new double[n];  // index 0 = oldest
        for (int i = 0; i < n; i++) {
            int firstDay = hDays - 7 * (n - i);
            double t = 0;
            for (int k = firstDay * spd; k < (firstDay + 7) * spd; k++) {
                t += calls[k];
            }
            totals[i] = t;
        }
        double mx = (n - 1) / 2.0;
        double my = 0;
        for (double t : totals) {
            my += t / n;
        }
        if (my <= 0) {
            return 0;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - mx) * (totals[i] - my);
            sxx += (i - mx) * (i - mx);
        }
        return Math.clamp(sxy / sxx / my, -maxWeeklyTrend, maxWeeklyTrend);
    }

    @Override
    public String toString() {
        return name() + "[weeks=" + weeks + ", decay=" + decay + ", smoothing=" + smoothingMinutes
                + "min, damping=" + damping + ", maxTrend=" + maxWeeklyTrend + ", pool=" + poolDistance + "/"
                + poolWeeks + "w]";
    }
}
