package org.switchboard.demand.forecast;

import java.time.LocalDate;
import java.util.Random;

/** Synthetic interval series for tests and the benchmark. */
final class Synthetic {

    /** A Monday. */
    static final LocalDate START = LocalDate.of(2025, 1, 6);

    private Synthetic() {}

    /**
     * Expected calls for day {@code d} (0 = a Monday) and slot: Monday–Friday open 07:00–22:00 with a
     * smooth two-peak day, Saturday 09:00–14:00, Sunday closed; the level differs by weekday and is
     * multiplied by {@code (1 + weeklyGrowth)^(d/7)}.
     */
    static double expected(int d, int slot, int intervalMinutes, double dailyPeak, double weeklyGrowth) {
        int dow = d % 7;  // 0 = Monday
        double minute = (slot + 0.5) * intervalMinutes;
        double open = dow < 5 ? 7 * 60 : dow == 5 ? 9 * 60 : 0;
        double close = dow < 5 ? 22 * 60 : dow == 5 ? 14 * 60 : 0;
        if (minute < open || minute >= close) {
            return 0;
        }
        double x = (minute - open) / (close - open);
        double shape = Math.sin(Math.PI * x) * (0.8 + 0.4 * Math.sin(2 * Math.PI * x));
        double[] weekday = {1.25, 1.1, 1.0, 1.0, 0.9, 0.5, 0};
        return dailyPeak * weekday[dow] * Math.max(0, shape) * Math.pow(1 + weeklyGrowth, d / 7.0)
                * intervalMinutes / 15.0;
    }

    /** Noise-free series of {@code days} days. */
    static IntervalSeries exact(int days, int intervalMinutes, double peak, double weeklyGrowth) {
        int spd = 1440 / intervalMinutes;
        double[] calls = new double[days * spd];
        double[] aht = new double[days * spd];
        for (int d = 0; d < days; d++) {
            for (int s = 0; s < spd; s++) {
                calls[d * spd + s] = expected(d, s, intervalMinutes, peak, weeklyGrowth);
                aht[d * spd + s] = calls[d * spd + s] > 0 ? 180 : Double.NaN;
            }
        }
        return new IntervalSeries(START, intervalMinutes, calls, aht);
    }

    /** The same with Poisson counts and noisy AHT (NaN where there were no calls). */
    static IntervalSeries poisson(int days, int intervalMinutes, double peak, double weeklyGrowth, long seed) {
        Random rnd = new Random(seed);
        int spd = 1440 / intervalMinutes;
        double[] calls = new double[days * spd];
        double[] aht = new double[days * spd];
        for (int d = 0; d < days; d++) {
            for (int s = 0; s < spd; s++) {
                int i = d * spd + s;
                calls[i] = poisson(rnd, expected(d, s, intervalMinutes, peak, weeklyGrowth));
                aht[i] = calls[i] > 0 ? 180 + 30 * rnd.nextGaussian() / Math.sqrt(calls[i]) : Double.NaN;
            }
        }
        return new IntervalSeries(START, intervalMinutes, calls, aht);
    }

    static double poisson(Random rnd, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = rnd.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rnd.nextDouble();
            k++;
        }
        return k;
    }

    static double sum(double[] v, int from, int to) {
        double t = 0;
        for (int i = from; i < to; i++) {
            t += v[i];
        }
        return t;
    }
}
