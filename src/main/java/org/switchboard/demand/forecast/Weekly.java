package org.switchboard.demand.forecast;

/**
 * Package-private helpers on the regular grid: finding earlier days with the same weekday,
 * closed-slot masks and robust averages. Day indices are relative to the history's first day; the
 * forecast days are {@code H, H+1, ...} where {@code H} is the history length in days.
 */
final class Weekly {

    private Weekly() {}

    /** The latest history day before {@code historyDays} with the same weekday as day {@code n}; may be negative. */
    static int lastSameWeekday(int historyDays, int n) {
        return n - 7 * ((n - historyDays + 7) / 7);
    }

    /**
     * For each of the 7 weekdays of the forecast (index r = target day {@code H + r}), the history day
     * indices with that weekday, newest first, at most {@code maxWeeks}.
     */
    static int[][] occurrences(int historyDays, int maxWeeks) {
        int[][] occ = new int[7][];
        for (int r = 0; r < 7; r++) {
            int last = lastSameWeekday(historyDays, historyDays + r);
            int count = last < 0 ? 0 : Math.min(maxWeeks, last / 7 + 1);
            occ[r] = new int[count];
            for (int j = 0; j < count; j++) {
                occ[r][j] = last - 7 * j;
            }
        }
        return occ;
    }

    /**
     * Slots that had no calls on any of the given days (closed every week). With no days nothing is
     * known, so nothing counts as closed.
     */
    static boolean[] closed(double[] calls, int spd, int[] days) {
        boolean[] closed = new boolean[spd];
        if (days.length == 0) {
            return closed;
        }
        java.util.Arrays.fill(closed, true);
        for (int d : days) {
            int base = d * spd;
            for (int s = 0; s < spd; s++) {
                if (calls[base + s] > 0) {
                    closed[s] = false;
                }
            }
        }
        return closed;
    }

    /** Median of the first {@code n} values (the array is reordered). */
    static double median(double[] v, int n) {
        java.util.Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    /**
     * Repeats the 7 weekday templates ({@code templates[r]} for target day {@code H + r}) over
     * {@code days} days, multiplying day {@code h} by {@code factor[h]} and flooring at 0.
     */
    static double[] tile(double[][] templates, int spd, int days, double[] factor) {
        double[] out = new double[days * spd];
        for (int h = 0; h < days; h++) {
            double[] t = templates[h % 7];
            double f = factor == null ? 1 : factor[h];
            int base = h * spd;
            for (int s = 0; s < spd; s++) {
                out[base + s] = Math.max(0, t[s] * f);
            }
        }
        return out;
    }
}
