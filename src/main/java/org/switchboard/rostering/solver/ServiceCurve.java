package org.switchboard.rostering.solver;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * What each operator present in a demand unit is worth when the roster aims at the service level: the unit's
 * forecast calls and, for 0, 1, 2, ... operators present, the share of them answered within the queue's target time
 * (Erlang C, or A with a patience, as the coverage screen projects it). The k-th operator's <em>step</em> is the
 * calls answered in time that it adds, in hundredths of a call ({@link #SCALE}), so a busy interval one short costs
 * more than a quiet one.
 *
 * <p>The steps come from the least concave majorant of "calls answered in time" over the operators present, so they
 * never rise: under Erlang C nobody is answered in time until the operators exceed the traffic, and the raw curve
 * would give the first operators of an empty interval no value at all; the majorant spreads the value of reaching the
 * first useful headcount evenly over the operators it takes. Each step is at least 1, so even an interval whose
 * calls are met stays worth covering up to its requirement.
 *
 * @param calls the unit's forecast calls (its share of the requirement interval's)
 * @param levels service level (0 to 1) with 0, 1, 2, ... operators present; the last holds for more operators too
 * @param steps the weight of the 1st, 2nd, ... required operator present (one per required operator, never rising)
 */
public record ServiceCurve(double calls, double[] levels, int[] steps) {

    /** Steps count hundredths of a call answered within the target time. */
    public static final int SCALE = 100;
    /** The levels are computed up to this many operators beyond the requirement (a surplus still raises them). */
    public static final int BEYOND_REQUIRED = 4;

    public ServiceCurve {
        levels = levels.clone();
        steps = steps.clone();
    }

    /**
     * The curve of a unit with {@code required} operators and {@code calls} calls, from {@code level}: the service
     * level with n operators present (n = 0 to required + {@link #BEYOND_REQUIRED}).
     */
    public static ServiceCurve of(double calls, int required, IntToDoubleFunction level) {
        int n = Math.max(0, required) + BEYOND_REQUIRED;
        double[] levels = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            levels[i] = Math.clamp(level.applyAsDouble(i), 0, 1);
            if (i > 0 && levels[i] < levels[i - 1]) {
                levels[i] = levels[i - 1];
            }
        }
        return new ServiceCurve(calls, levels, steps(calls, levels, Math.max(0, required)));
    }

    /** The steps up to {@code required}: differences of the least concave majorant of calls × level, scaled, at least 1. */
    static int[] steps(double calls, double[] levels, int required) {
        double[] value = new double[required + 1];
        for (int i = 0; i <= required; i++) {
            value[i] = calls * levels[i] * SCALE;
        }
        // upper hull from (0, value[0]): from each hull point the next is the one with the steepest slope
        double[] hull = new double[required + 1];
        int at = 0;
        hull[0] = value[0];
        while (at < required) {
            int best = at + 1;
            double bestSlope = value[best] - value[at];
            for (int j = at + 2; j <= required; j++) {
                double slope = (value[j] - value[at]) / (j - at);
                if (slope >= bestSlope) {
                    best = j;
                    bestSlope = slope;
                }
            }
            for (int j = at + 1; j <= best; j++) {
                hull[j] = value[at] + bestSlope * (j - at);
            }
            at = best;
        }
        int[] steps = new int[required];
        for (int k = 0; k < required; k++) {
            steps[k] = (int) Math.max(1, Math.round(hull[k + 1] - hull[k]));
            if (k > 0 && steps[k] > steps[k - 1]) {
                steps[k] = steps[k - 1];
            }
        }
        return steps;
    }

    /** The same curve with every step at {@code weight}: a unit weighed by operators (outbound, no calls). */
    public static int[] flat(int required, int weight) {
        int[] steps = new int[Math.max(0, required)];
        Arrays.fill(steps, weight);
        return steps;
    }

    /** The service level with {@code present} operators (the last level for more). */
    public double level(int present) {
        return levels[Math.clamp(present, 0, levels.length - 1)];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceCurve other && other.calls == calls && Arrays.equals(other.levels, levels)
                && Arrays.equals(other.steps, steps);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(calls) * 31 + Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        return "ServiceCurve[calls=" + calls + ", steps=" + Arrays.toString(steps) + "]";
    }
}
