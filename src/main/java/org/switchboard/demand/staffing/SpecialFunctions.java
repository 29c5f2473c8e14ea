package org.switchboard.demand.staffing;

/** Log-gamma and digamma for positive arguments (Stirling series after an upward shift). */
final class SpecialFunctions {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {}

    /** ln &Gamma;(z) for z &gt; 0, absolute error about 1e-14 (relative 1e-16 for large z). */
    static double lnGamma(double z) {
        double shift = 0;
        while (z < 15) {
            shift += Math.log(z);
            z += 1;
        }
        double inv = 1 / z;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
        return (z - 0.5) * Math.log(z) - z + HALF_LOG_TWO_PI + series - shift;
    }

    /** &psi;(z), the digamma function, for z &gt; 0. */
    static double digamma(double z) {
        double shift = 0;
        while (z < 15) {
            shift += 1 / z;
            z += 1;
        }
        double inv = 1 / z;
        double inv2 = inv * inv;
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 / 240)));
        return Math.log(z) - 0.5 * inv - series - shift;
    }
}
