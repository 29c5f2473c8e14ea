package org.switchboard.rostering.solver;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * What each operator present in a demand unit is worth when the roster aims at the service level: the unit's
 * forecast calls and, for 0, 1, 2, ... operators present, the share of them answered within the queue's target time
 * (Erlang C, or A with a patience, as the coverage screen projects it). The k-th operator's <em>step</em> is the
 * calls answered in time that it adds, in medium points (scaled so a roster's steps average {@link #AVERAGE_STEP}),
 * so a busy interval one short costs more than a quiet one. The steps go on for {@link #BEYOND_REQUIRED} operators beyond the requirement: where
 * contracts and shift lengths leave operators over, they are worth most where they raise the service level most.
 *
 * <p>The steps come from the least concave majorant of "calls answered in time" over the operators present, so they
 * never rise: under Erlang C nobody is answered in time until the operators exceed the traffic, and the raw curve
 * would give the first operators of an empty interval no value at all; the majorant spreads the value of reaching the
 * first useful headcount evenly over the operators it takes. Each step up to the requirement is at least
 * {@link #MIN_REQUIRED_STEP} (the first {@link #MIN_FIRST_STEP}), so quiet intervals and those whose calls are met
 * stay worth covering up to it.
 *
 * @param calls the unit's forecast calls (its share of the requirement interval's)
 * @param levels service level (0 to 1) with 0, 1, 2, ... operators present; the last holds for more operators too
 * @param steps the weight of the 1st, 2nd, ... operator present (one per required operator and {@link #BEYOND_REQUIRED}
 *        more, never rising)
 */
public record ServiceCurve(double calls, double[] levels, int[] steps) {

    /**
     * The medium points of an average operator-interval: the builder scales a roster's curves so their steps up to the
     * requirement average this, and weighs a unit without a curve (outbound, no calls, or a roster weighing
     * operators) this much per missing operator; the other medium rules are weighed in the same unit.
     */
    public static final int AVERAGE_STEP = 10;
    /**
     * The least step of a required operator: half an average operator-interval. A quiet interval's few calls (a night)
     * would otherwise make its required operators worth next to nothing, and a call center staffs its nights all the
     * same; above this, the calls decide.
     */
    public static final int MIN_REQUIRED_STEP = AVERAGE_STEP / 2;
    /**
     * The least step of an interval's first required operator: a whole average operator-interval, so an open queue is
     * staffed whenever it requires someone, however few its calls.
     */
    public static final int MIN_FIRST_STEP = AVERAGE_STEP;
    /** The levels are computed up to this many operators beyond the requirement, and the steps value them. */
    public static final int BEYOND_REQUIRED = 4;

    public ServiceCurve {
        levels = levels.clone();
        steps = steps.clone();
    }

    /**
     * The service levels of a unit with {@code required} operators from {@code level}: with n operators present
     * (n = 0 to required + {@link #BEYOND_REQUIRED}), never falling.
     */
    public static double[] levels(int required, IntToDoubleFunction level) {
        int n = Math.max(0, required) + BEYOND_REQUIRED;
        double[] levels = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            levels[i] = Math.clamp(level.applyAsDouble(i), 0, 1);
            if (i > 0 && levels[i] < levels[i - 1]) {
                levels[i] = levels[i - 1];
            }
        }
        return levels;
    }

    /**
     * The calls answered in time each further operator adds (the 1st, 2nd, ... up to the last level): the
     * differences of the least concave majorant of calls × level, so they never rise.
     */
    public static double[] answeredSteps(double calls, double[] levels) {
        int upTo = levels.length - 1;
        double[] value = new double[upTo + 1];
        for (int i = 0; i <= upTo; i++) {
            value[i] = calls * levels[i];
        }
        // upper hull from (0, value[0]): from each hull point the next is the one with the steepest slope
        double[] hull = new double[upTo + 1];
        int at = 0;
        hull[0] = value[0];
        while (at < upTo) {
            int best = at + 1;
            double bestSlope = value[best] - value[at];
            for (int j = at + 2; j <= upTo; j++) {
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
        double[] steps = new double[upTo];
        for (int k = 0; k < upTo; k++) {
            steps[k] = Math.max(0, hull[k + 1] - hull[k]);
        }
        return steps;
    }

    /**
     * The curve with its steps in medium points: {@code pointsPerCall} points per call answered in time, at least
     * {@link #MIN_REQUIRED_STEP} up to the requirement (a quiet interval, or one whose calls are met, stays worth
     * covering up to it), never rising.
     */
    public static ServiceCurve of(double calls, int required, double[] levels, double[] answeredSteps,
            double pointsPerCall) {
        int[] steps = new int[answeredSteps.length];
        for (int k = 0; k < steps.length; k++) {
            int floor = k >= required ? 0 : k == 0 ? MIN_FIRST_STEP : MIN_REQUIRED_STEP;
            steps[k] = (int) Math.max(floor, Math.round(answeredSteps[k] * pointsPerCall));
            if (k > 0 && steps[k] > steps[k - 1]) {
                steps[k] = steps[k - 1];
            }
        }
        return new ServiceCurve(calls, levels, steps);
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
