package org.switchboard.demand.staffing;

/**
 * Erlang A: the M/M/N+M queue (Palm; Garnett, Mandelbaum &amp; Reiman 2002). Calls arrive at rate
 * &lambda;, agents serve at rate &mu; = 1/AHT, and a queuing caller hangs up at rate &theta; = 1/patience
 * (exponential patience). Traffic A = &lambda;/&mu; in Erlangs; unlike Erlang C the queue is stable for
 * any number of agents, including fewer than A.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li><b>P(wait)</b>: probability that an arriving call finds every agent busy (and queues).
 *   <li><b>P(abandon)</b>: fraction of offered calls that hang up before being answered, &theta;&middot;E[queue]/&lambda;.
 *   <li><b>Service level within T</b>: fraction of <em>all offered</em> calls that are <em>answered</em>
 *       within T seconds. Abandoned calls count as not answered, also those that hang up before T
 *       (the strictest common convention; it cannot exceed 1 &minus; P(abandon)).
 *   <li><b>ASA</b> ({@link #asaSeconds}): mean time to answer of <em>answered</em> calls, counting
 *       calls answered at once as 0. Abandoned calls are left out.
 *   <li><b>Average wait</b> ({@link #averageWaitSeconds}): mean time in queue of <em>all</em> offered
 *       calls (answered or abandoned), E[queue]/&lambda; by Little's law.
 *   <li><b>Occupancy</b>: carried load / N = A&middot;(1 &minus; P(abandon)) / N.
 * </ul>
 * As patience grows without bound all of these tend to the Erlang C figures.
 *
 * <h2>Computation</h2>
 * The stationary distribution of the birth&ndash;death chain (birth &lambda;, death
 * &mu;&middot;min(k, N) + &theta;&middot;max(0, k &minus; N)) is split at k = N. Below N it is the Erlang B
 * distribution, handled through B(N, A). Above N, w<sub>j</sub> = &pi;<sub>N+j</sub>/&pi;<sub>N</sub> =
 * &prod;<sub>i=1..j</sub> x/(c + i) with x = &lambda;/&theta; and c = N&mu;/&theta;; the sums over j are taken
 * around their peak in scaled form, stopping where the rest is below 1e-17 relative (the chain is
 * truncated where its probabilities are negligible); a series that would need more than {@link #MAX_TERMS}
 * terms is refused (IllegalArgumentException naming patienceSeconds). A caller who finds j waiting is answered with
 * probability c/(c + j + 1) after a mean wait of (1/&theta;)&middot;&sum;<sub>i=1..j+1</sub> 1/(c + i). The
 * service level uses the closed form P(answered after waiting, within T) = P(answered after waiting)
 * &middot; (1 &minus; &gamma;(c+1, x&middot;e<sup>&minus;&theta;T</sup>) / &gamma;(c+1, x)) with &gamma; the lower incomplete
 * gamma function, evaluated through the same scaled series.
 */
public final class ErlangA {

    /** Relative size below which the rest of a series is dropped. */
    private static final double EPS = 1e-17;

    /**
     * The most terms one series may take (tens of milliseconds). A series needs about 18&radic;x terms when there
     * are fewer agents than the load (x = arrival rate &times; patience, callers arriving during one mean
     * patience) and about 40 / (1 &minus; A/N) otherwise; requests within {@link StaffingLimits} need at most
     * about 150,000. Beyond the budget the evaluation is refused instead of running for hours (patience of
     * 10<sup>16</sup> s once did: the steps no longer changed c + k in floating point).
     */
    static final int MAX_TERMS = 2_000_000;

    private ErlangA() {}

    /**
     * All Erlang A figures for one number of agents.
     *
     * @param agents number of agents N
     * @param probabilityOfWaiting probability that a call queues
     * @param probabilityOfAbandonment fraction of offered calls that abandon
     * @param serviceLevel fraction of offered calls answered within T (abandoned = not answered)
     * @param asaSeconds mean wait of answered calls; +Infinity with no agents and load
     * @param averageWaitSeconds mean wait of all offered calls (answered or abandoned)
     * @param occupancy carried load / N, A(1 &minus; P(abandon))/N
     */
    public record Metrics(int agents, double probabilityOfWaiting, double probabilityOfAbandonment,
            double serviceLevel, double asaSeconds, double averageWaitSeconds, double occupancy) {}

    /** All figures for {@code agents} agents, service level measured within {@code answerWithinSeconds}. */
    public static Metrics metrics(int agents, double traffic, double ahtSeconds, double patienceSeconds,
            double answerWithinSeconds) {
        ErlangC.checkServers(agents);
        ErlangC.checkTraffic(traffic);
        ErlangC.checkAht(ahtSeconds);
        checkPatience(patienceSeconds);
        if (!(answerWithinSeconds >= 0) || answerWithinSeconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("answerWithinSeconds: must be a number of at least 0");
        }
        return metrics(agents, traffic, ahtSeconds, patienceSeconds, answerWithinSeconds,
                ErlangC.erlangB(agents, traffic));
    }

    /** Probability that a call queues. */
    public static double probabilityOfWaiting(int agents, double traffic, double ahtSeconds, double patienceSeconds) {
        return metrics(agents, traffic, ahtSeconds, patienceSeconds, 0).probabilityOfWaiting();
    }

    /** Fraction of offered calls that hang up before being answered. */
    public static double probabilityOfAbandonment(int agents, double traffic, double ahtSeconds, double patienceSeconds) {
        return metrics(agents, traffic, ahtSeconds, patienceSeconds, 0).probabilityOfAbandonment();
    }

    /** Fraction of offered calls answered within T seconds; abandoned calls count as not answered. */
    public static double serviceLevel(int agents, double traffic, double ahtSeconds, double patienceSeconds,
            double answerWithinSeconds) {
        return metrics(agents, traffic, ahtSeconds, patienceSeconds, answerWithinSeconds).serviceLevel();
    }

    /** Mean time to answer of answered calls in seconds (calls answered at once count as 0). */
    public static double asaSeconds(int agents, double traffic, double ahtSeconds, double patienceSeconds) {
        return metrics(agents, traffic, ahtSeconds, patienceSeconds, 0).asaSeconds();
    }

    /** Mean time in queue of all offered calls in seconds, answered or abandoned. */
    public static double averageWaitSeconds(int agents, double traffic, double ahtSeconds, double patienceSeconds) {
        return metrics(agents, traffic, ahtSeconds, patienceSeconds, 0).averageWaitSeconds();
    }

    /** Occupancy: carried load A(1 &minus; P(abandon)) / N. */
    public static double occupancy(int agents, double traffic, double ahtSeconds, double patienceSeconds) {
        return metrics(agents, traffic, ahtSeconds, patienceSeconds, 0).occupancy();
    }

    /**
     * Smallest number of agents answering at least {@code serviceLevelTarget} of offered calls within
     * {@code answerWithinSeconds}.
     *
     * @throws IllegalArgumentException for invalid input or an unreachable target
     */
    public static int requiredAgents(double traffic, double ahtSeconds, double patienceSeconds,
            double serviceLevelTarget, double answerWithinSeconds) {
        return requiredAgents(traffic, ahtSeconds, patienceSeconds, serviceLevelTarget, answerWithinSeconds,
                null, null, null);
    }

    /**
     * Smallest number of agents meeting every target that is set (null = not set).
     *
     * @throws IllegalArgumentException for invalid input or unreachable targets
     */
    public static int requiredAgents(double traffic, double ahtSeconds, double patienceSeconds,
            Double serviceLevelTarget, double answerWithinSeconds, Double asaTargetSeconds,
            Double abandonmentTarget, Double maxOccupancy) {
        ErlangC.checkTraffic(traffic);
        // an interval of 60 minutes, with the calls that give this traffic
        double calls = traffic * 3600 / ahtSeconds;
        var request = new StaffingRequest(calls, 60, ahtSeconds, serviceLevelTarget, answerWithinSeconds,
                asaTargetSeconds, maxOccupancy, 0.0, patienceSeconds, abandonmentTarget);
        StaffingCalculator.requireValid(request.problems());
        return StaffingCalculator.required(request, traffic).agents();
    }

    static void checkPatience(double patience) {
        if (!(patience > 0) || patience == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("patienceSeconds: must be a number above 0, was " + patience);
        }
    }

    /** The figures given B(agents, traffic), which the search keeps up to date step by step. */
    static Metrics metrics(int n, double traffic, double aht, double patience, double answerWithin, double erlangB) {
        if (traffic == 0) {
            return new Metrics(n, 0, 0, 1, 0, 0, 0);
        }
        if (n == 0) {
            // everyone queues and hangs up: the wait of all is the mean patience
            return new Metrics(0, 1, 1, 0, Double.POSITIVE_INFINITY, patience, 1.0);
        }
        double theta = 1 / patience;
        double lambda = traffic / aht;
        double x = traffic * patience / aht; // lambda / theta
        double c = n * patience / aht; // n mu / theta
        Sums q = sums(x, c);

        // weights relative to sum_{k<=n} pi_k: below n is 1 - B, the queue part is B * e^logScale * s
        double f = Math.log(erlangB) + q.logScale;
        double below;
        double queue;
        if (f <= 0) {
            below = 1 - erlangB;
            queue = Math.exp(f);
        } else {
            below = (1 - erlangB) * Math.exp(-f);
            queue = 1;
        }
        double total = below + queue * q.s0;
        double pWait = queue * q.s0 / total;
        double pAbandon = Math.min(1.0, queue * (q.sj / x) / total);
        double answeredAfterWait = queue * (c / x) * q.s1; // relative to total
        double withinT = 0;
        if (q.s1 > 0 && answerWithin > 0) {
            double thetaT = theta * answerWithin;
            double logSeriesC1 = q.logScale + Math.log(q.s1) + Math.log(c + 1) - Math.log(x);
            Sums shorter = sums(x * Math.exp(-thetaT), c + 1);
            double logSeriesShorter = shorter.logScale + Math.log(shorter.s0);
            double logRatio = -(c + 1) * thetaT - x * Math.expm1(-thetaT) + logSeriesShorter - logSeriesC1;
            withinT = Math.min(1.0, Math.max(0.0, -Math.expm1(Math.min(0.0, logRatio))));
        }
        double serviceLevel = Math.min(1.0, (below + answeredAfterWait * withinT) / total);
        double answered = below + answeredAfterWait;
        double asa = answered > 0 ? queue * q.sh * patience / answered : Double.POSITIVE_INFINITY;
        double averageWait = queue * q.sj / total / lambda;
        double occupancy = Math.min(1.0, traffic * (1 - pAbandon) / n);
        return new Metrics(n, pWait, pAbandon, serviceLevel, asa, averageWait, occupancy);
    }

    /**
     * Scaled sums over j &ge; 0 of w_j = prod_{i=1..j} x/(c+i): the true sums are e^logScale times s0
     * (all j), s1 (j &ge; 1), sj (j&middot;w_j) and sh (w_j &middot; c/(c+j+1) &middot; sum_{i=1..j+1} 1/(c+i)).
     */
    record Sums(double logScale, double s0, double s1, double sj, double sh) {}

    static Sums sums(double x, double c) {
        if (!(Double.isFinite(x) && Double.isFinite(c) && x >= 0 && c >= 0)) {
            throw tooLong(x, c);
        }
        if (x <= 0) {
            return new Sums(0, 1, 0, 0, c / (c + 1) / (c + 1));
        }
        // terms grow while x > c + j: the peak is at j* = floor(x - c)
        long peak = x > c ? (long) Math.floor(x - c) : 0;
        double logScale = 0;
        double h = 0; // sum_{i=1..peak+1} 1/(c+i)
        if (peak <= 256) {
            for (long i = 1; i <= peak; i++) {
                logScale += Math.log(x / (c + i));
                h += 1 / (c + i);
            }
            h += 1 / (c + peak + 1);
        } else {
            logScale = peak * Math.log(x) - (SpecialFunctions.lnGamma(c + peak + 1) - SpecialFunctions.lnGamma(c + 1));
            h = SpecialFunctions.digamma(c + peak + 2) - SpecialFunctions.digamma(c + 1);
        }
        double s0 = 1;
        double s1 = peak >= 1 ? 1 : 0;
        double sj = peak;
        double sh = c / (c + peak + 1) * h;

        // upwards from the peak
        double t = 1;
        double hk = h;
        long terms = 0;
        for (long k = peak + 1; ; k++) {
            if (++terms > MAX_TERMS) {
                throw tooLong(x, c);
            }
            t *= x / (c + k);
            hk += 1 / (c + k + 1);
            s0 += t;
            s1 += t;
            sj += k * t;
            sh += t * c / (c + k + 1) * hk;
            double r = x / (c + k + 1);
            if (t == 0 || (r < 1 && t * (k + 1) <= EPS * (s0 + sj) * (1 - r) * (1 - r))) {
                break;
            }
        }
        // downwards from the peak
        t = 1;
        hk = h;
        for (long k = peak - 1; k >= 0; k--) {
            if (++terms > MAX_TERMS) {
                throw tooLong(x, c);
            }
            t *= (c + k + 1) / x;
            hk -= 1 / (c + k + 2);
            s0 += t;
            if (k >= 1) {
                s1 += t;
            }
            sj += k * t;
            sh += t * c / (c + k + 1) * Math.max(0, hk);
            double r = (c + k) / x;
            if (t == 0 || (r < 1 && t <= EPS * s0 * (1 - r))) {
                break;
            }
        }
        return new Sums(logScale, s0, s1, sj, sh);
    }

    private static IllegalArgumentException tooLong(double x, double c) {
        return new IllegalArgumentException("patienceSeconds: too large to evaluate (" + x
                + " callers arrive during one mean patience, agents serve " + c + " calls in it; the Erlang A"
                + " series would need more than " + MAX_TERMS + " terms): use at most "
                + StaffingLimits.MAX_PATIENCE_SECONDS + " s, or leave the patience out for Erlang C");
    }
}
