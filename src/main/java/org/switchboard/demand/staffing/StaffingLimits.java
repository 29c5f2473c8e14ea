package org.switchboard.demand.staffing;

/**
 * The ranges the staffing calculation accepts, in one place. {@link StaffingRequest#problems()} checks
 * every request against them (the what-if API and calculator screen, and the stored requirements of
 * each queue), and the queue form ({@link org.switchboard.demand.Queue}) takes its percent and second
 * bounds from the same constants. docs/demand.md lists them with their reasons.
 *
 * <p>Why these: the Erlang A series has about 18&radic;x terms, x = arrival rate &times; patience
 * (callers arriving during one mean patience). The bounds keep x at most 1,000,000 / 60 s &times; 3600 s
 * = 6&middot;10<sup>7</sup> (at most about 150,000 terms), the load at most 1,000,000 Erlangs and the
 * agents at most 2,040,100 (10,000,000 with {@link #MAX_AGENTS} to spare), and the positions below
 * 10 &times; the agents (shrinkage at most 90 %). Every accepted request is answered in well under a second
 * (see StaffingLimitsTest); beyond them the figures are either meaningless for a call center or too
 * expensive to evaluate exactly.
 *
 * <p>Fractions are checked here as fractions (0.9); the queue form enters them in percent (90), hence the
 * {@code *_PERCENT} strings (bean-validation annotations need constant strings).
 */
public final class StaffingLimits {

    private StaffingLimits() {}

    /** Offered calls in one interval: 0 to 1,000,000. */
    public static final double MAX_CALLS_PER_INTERVAL = 1_000_000;

    /** Interval length: a whole number of minutes, 1 to 1440 (a day). */
    public static final int MIN_INTERVAL_MINUTES = 1;

    public static final int MAX_INTERVAL_MINUTES = 1440;

    /** Average handling time: 1 second to 86,400 (a day). */
    public static final double MIN_AHT_SECONDS = 1;

    public static final double MAX_AHT_SECONDS = 86_400;

    /** Offered load calls &times; AHT / interval: at most 1,000,000 Erlangs. */
    public static final double MAX_TRAFFIC_ERLANGS = 1_000_000;

    /** Service-level target: 1 % to below 100 % (100 % is never reached while calls arrive). */
    public static final String MIN_SERVICE_LEVEL_PERCENT = "1";

    public static final String MAX_SERVICE_LEVEL_PERCENT = "100";

    /** Service-level answer time T: 0 to 3600 seconds (the queue form asks for at least 1). */
    public static final long MAX_ANSWER_WITHIN_SECONDS = 3600;

    /** ASA target: 1 to 3600 seconds. */
    public static final long MIN_ASA_TARGET_SECONDS = 1;

    public static final long MAX_ASA_TARGET_SECONDS = 3600;

    /** Occupancy cap: 50 % to 100 %. */
    public static final String MIN_MAX_OCCUPANCY_PERCENT = "50";

    public static final String MAX_MAX_OCCUPANCY_PERCENT = "100";

    /**
     * Shrinkage: 0 to 90 %. Above 90 % fewer than one paid hour in ten is on the phones: that is no call
     * center's plan, and positions = agents / (1 &minus; shrinkage) would grow without bound (at 0.9999999
     * ten million positions per agent).
     */
    public static final String MAX_SHRINKAGE_PERCENT = "90";

    /**
     * Callers' mean patience (Erlang A): 1 to 3600 seconds, as on the queue form. The work of the Erlang A
     * series grows with the square root of patience &times; arrival rate, and its steps stop changing c + k
     * in floating point near 10<sup>16</sup>. An hour is already close to Erlang C for calls of minutes
     * (100 calls / 30 min of 180 s, 80/20: 13 agents, Erlang C 14); leave the patience out for Erlang C.
     */
    public static final long MIN_PATIENCE_SECONDS = 1;

    public static final long MAX_PATIENCE_SECONDS = 3600;

    /** Abandonment target (with a patience): 0 to 99 % (0 is never reached with finite patience). */
    public static final String MAX_ABANDONMENT_PERCENT = "99";

    /** The most agents the calculator considers or evaluates. */
    public static final int MAX_AGENTS = 10_000_000;

    /** {@link #MIN_SERVICE_LEVEL_PERCENT} as a fraction. */
    public static final double MIN_SERVICE_LEVEL = fraction(MIN_SERVICE_LEVEL_PERCENT);

    /** {@link #MIN_MAX_OCCUPANCY_PERCENT} as a fraction. */
    public static final double MIN_MAX_OCCUPANCY = fraction(MIN_MAX_OCCUPANCY_PERCENT);

    /** {@link #MAX_MAX_OCCUPANCY_PERCENT} as a fraction. */
    public static final double MAX_MAX_OCCUPANCY = fraction(MAX_MAX_OCCUPANCY_PERCENT);

    /** {@link #MAX_SHRINKAGE_PERCENT} as a fraction. */
    public static final double MAX_SHRINKAGE = fraction(MAX_SHRINKAGE_PERCENT);

    /** {@link #MAX_ABANDONMENT_PERCENT} as a fraction. */
    public static final double MAX_ABANDONMENT = fraction(MAX_ABANDONMENT_PERCENT);

    /**
     * A fraction of 1 as a percentage for messages: 0.8 → "80 %", 0.999 → "99.9 %", 1.0 → "100 %" (at most six
     * decimals, none trailing). Fields of the API stay fractions; what is said of them is in percent.
     */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return String.valueOf(fraction);
        }
        return java.math.BigDecimal.valueOf(fraction).movePointRight(2).setScale(6, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " %";
    }

    private static double fraction(String percent) {
        return Double.parseDouble(percent) / 100;
    }
}
