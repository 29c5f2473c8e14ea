package org.switchboard.demand.staffing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Agents needed for one interval (Erlang C, or Erlang A when patience is set), and the figures for a
 * given number of agents. Pure computation, thread-safe, no allocation beyond the result.
 *
 * <p>The search starts at a number of agents that provably cannot meet the targets with fewer
 * (Erlang C: floor(A) + 1 and A / occupancy cap; Erlang A: service-level target &times; A and
 * (1 &minus; abandonment target) &times; A, since at most N Erlangs can be carried). Erlang C steps up one
 * agent at a time, advancing Erlang B by one step of its recursion (at most 40&radic;A + 102 steps), so the
 * first number meeting every target is the smallest one. Erlang A, whose start can be far below the
 * answer (with an ASA target only it is 1), doubles its step until the targets are met and then halves
 * the gap (about 2 log<sub>2</sub> N evaluations): every figure improves with more agents (service level
 * and occupancy fall or rise monotonically, see StaffingPropertyTest), so the first number meeting every
 * target is found, and the one below it is evaluated and fails. Both give up (IllegalArgumentException) at
 * A / cap + 40&radic;A + 100 agents, far beyond any reachable target.
 *
 * <p>Inputs are bounded by {@link StaffingLimits}; within them the worst request takes well under a second.
 */
public final class StaffingCalculator {

    /** Slack for floating-point ties when comparing figures with targets. */
    static final double TOLERANCE = 1e-12;

    /** The most agents the search will consider or {@link #evaluate} accepts. */
    static final int MAX_AGENTS = StaffingLimits.MAX_AGENTS;

    private StaffingCalculator() {}

    /**
     * The smallest number of agents meeting every target set in the request (service level, ASA,
     * occupancy cap, and with patience abandonment), with its figures and positions.
     *
     * @throws IllegalArgumentException naming the field, for invalid input or an unreachable target
     */
    public static StaffingResult required(StaffingRequest request) {
        requireValid(request.problems());
        return required(request, request.trafficErlangs());
    }

    /**
     * The figures for {@code agents} agents (what-if, coverage reports). Targets need not be set and
     * are not checked; positions are computed from {@code agents} and the shrinkage.
     *
     * @throws IllegalArgumentException for invalid input or agents below 0
     */
    public static StaffingResult evaluate(StaffingRequest request, int agents) {
        requireValid(request.inputProblems());
        if (agents < 0 || agents > MAX_AGENTS) {
            throw new IllegalArgumentException("agents: must be 0 to " + MAX_AGENTS + ", was " + agents);
        }
        double traffic = request.trafficErlangs();
        return evaluate(request, traffic, agents, ErlangC.erlangB(agents, traffic));
    }

    /** Whether a result meets every target of the request (with a 1e-12 slack for rounding). */
    public static boolean meetsTargets(StaffingRequest request, StaffingResult result) {
        return unmetTargets(request, result).isEmpty();
    }

    /**
     * Positions to schedule: ceil(agents / (1 &minus; shrinkage)), ignoring floating-point noise (14/0.7 is 20).
     *
     * @throws IllegalArgumentException for shrinkage outside 0 to {@link StaffingLimits#MAX_SHRINKAGE}, agents
     *     below 0, or more positions than an int holds (never rounded down or saturated)
     */
    public static int positions(int agents, double shrinkage) {
        if (!(shrinkage >= 0 && shrinkage <= StaffingLimits.MAX_SHRINKAGE)) {
            throw new IllegalArgumentException("shrinkage: " + StaffingRequest.SHRINKAGE_REASON + ", was "
                    + StaffingLimits.percent(shrinkage));
        }
        if (agents < 0) {
            throw new IllegalArgumentException("agents: must be at least 0, was " + agents);
        }
        double exact = agents / (1 - shrinkage);
        double nearest = Math.rint(exact);
        double rounded = Math.abs(exact - nearest) <= 1e-9 * Math.max(1.0, exact) ? nearest : Math.ceil(exact);
        if (!(rounded <= Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("agents: " + agents + " at shrinkage " + shrinkage + " need "
                    + rounded + " positions, more than " + Integer.MAX_VALUE);
        }
        return (int) rounded;
    }

    /** The search, for a valid request with its traffic. */
    static StaffingResult required(StaffingRequest request, double traffic) {
        if (traffic == 0) {
            return new StaffingResult(0, 0, 1.0, 0.0, 0.0, 0.0, 0.0);
        }
        boolean erlangA = request.hasPatience();
        if (request.serviceLevelTarget() != null && request.serviceLevelTarget() >= 1) {
            throw new IllegalArgumentException("serviceLevelTarget: " + StaffingLimits.percent(request.serviceLevelTarget())
                    + " cannot be reached: while calls arrive some always wait longer than "
                    + java.math.BigDecimal.valueOf(request.answerWithinSeconds()).stripTrailingZeros().toPlainString()
                    + " s, whatever the number of agents");
        }
        if (erlangA && request.abandonmentTarget() != null && request.abandonmentTarget() <= 0) {
            throw new IllegalArgumentException("abandonmentTarget: 0 % cannot be reached: with finite patience"
                    + " some callers always hang up, whatever the number of agents");
        }
        double cap = request.maxOccupancy() == null ? 1.0 : request.maxOccupancy();
        int lower;
        if (erlangA) {
            // served calls are at most N Erlangs of the A offered: SL <= N/A and P(abandon) >= 1 - N/A
            lower = 1;
            if (request.serviceLevelTarget() != null) {
                lower = Math.max(lower, (int) Math.floor(request.serviceLevelTarget() * traffic * (1 - 1e-9)));
            }
            if (request.abandonmentTarget() != null) {
                lower = Math.max(lower, (int) Math.floor((1 - request.abandonmentTarget()) * traffic * (1 - 1e-9)));
            }
        } else {
            lower = (int) Math.floor(traffic) + 1;
            long byCap = (long) Math.ceil(traffic / cap) - 1;
            if (byCap > MAX_AGENTS) {
                throw new IllegalArgumentException("maxOccupancy: " + cap + " would need more than " + MAX_AGENTS
                        + " agents for " + traffic + " Erlangs");
            }
            lower = Math.max(lower, (int) byCap);
        }
        long upperLong = (long) Math.ceil(traffic / cap) + (long) Math.ceil(40 * Math.sqrt(traffic)) + 100;
        int upper = (int) Math.min(MAX_AGENTS, upperLong);

        return erlangA ? firstMeetingByBisection(request, traffic, lower, upper)
                : firstMeetingStepwise(request, traffic, lower, upper);
    }

    /** One agent at a time from {@code lower}: Erlang C, where lower is within 40&radic;A + 102 of the answer. */
    private static StaffingResult firstMeetingStepwise(StaffingRequest request, double traffic, int lower, int upper) {
        double b = ErlangC.erlangB(lower, traffic);
        StaffingResult last = null;
        for (int n = lower; n <= upper; n++) {
            if (n > lower) {
                b = ErlangC.nextErlangB(b, n, traffic);
            }
            last = evaluate(request, traffic, n, b);
            if (meetsTargets(request, last)) {
                return last;
            }
        }
        throw unreachable(request, traffic, upper, last);
    }

    /**
     * Doubling steps from {@code lower} until the targets are met, then halving the gap between the last
     * number that fails and the first that meets (Erlang A: its figures improve with every agent). Erlang B
     * is only ever advanced forwards, from the largest number known to fail, so the recursion costs
     * O(answer) steps in all and the figures about 2 log<sub>2</sub>(answer &minus; lower) evaluations.
     */
    private static StaffingResult firstMeetingByBisection(StaffingRequest request, double traffic, int lower,
            int upper) {
        int failing = lower - 1; // below lower nothing meets the targets (see the class comment)
        double bFailing = ErlangC.erlangB(failing, traffic);
        int meeting = -1;
        StaffingResult meets = null;
        for (long step = 1; meets == null; step *= 2) {
            int n = (int) Math.min(upper, failing + step);
            double b = advance(bFailing, failing, n, traffic);
            StaffingResult r = evaluate(request, traffic, n, b);
            if (meetsTargets(request, r)) {
                meeting = n;
                meets = r;
            } else if (n == upper) {
                throw unreachable(request, traffic, upper, r);
            } else {
                failing = n;
                bFailing = b;
            }
        }
        while (meeting - failing > 1) {
            int n = failing + (meeting - failing) / 2;
            double b = advance(bFailing, failing, n, traffic);
            StaffingResult r = evaluate(request, traffic, n, b);
            if (meetsTargets(request, r)) {
                meeting = n;
                meets = r;
            } else {
                failing = n;
                bFailing = b;
            }
        }
        return meets;
    }

    /** B(to, A) from B(from, A) by the forward recursion. */
    private static double advance(double b, int from, int to, double traffic) {
        for (int n = from + 1; n <= to; n++) {
            b = ErlangC.nextErlangB(b, n, traffic);
        }
        return b;
    }

    private static IllegalArgumentException unreachable(StaffingRequest request, double traffic, int upper,
            StaffingResult last) {
        return new IllegalArgumentException(String.join("; ", unmetTargets(request, last))
                + " (still not met with " + upper + " agents for " + traffic + " Erlangs; the target cannot be reached)");
    }

    /** The figures for n agents given B(n, A). */
    static StaffingResult evaluate(StaffingRequest request, double traffic, int n, double erlangB) {
        int positions = positions(n, request.shrinkage());
        if (traffic == 0) {
            return new StaffingResult(n, positions, 1.0, 0.0, 0.0, 0.0, 0.0);
        }
        double aht = request.ahtSeconds();
        double t = request.answerWithinSeconds();
        if (request.hasPatience()) {
            ErlangA.Metrics m = ErlangA.metrics(n, traffic, aht, request.patienceSeconds(), t, erlangB);
            return new StaffingResult(n, positions, m.serviceLevel(), m.occupancy(), m.probabilityOfWaiting(),
                    m.asaSeconds(), m.probabilityOfAbandonment());
        }
        if (traffic >= n) {
            return new StaffingResult(n, positions, 0.0, 1.0, 1.0, Double.POSITIVE_INFINITY, 0.0);
        }
        double c = ErlangC.fromErlangB(n, traffic, erlangB);
        return new StaffingResult(n, positions, ErlangC.serviceLevel(n, traffic, aht, t, c), traffic / n, c,
                c * aht / (n - traffic), 0.0);
    }

    private static List<String> unmetTargets(StaffingRequest request, StaffingResult r) {
        List<String> unmet = new ArrayList<>(2);
        Double sl = request.serviceLevelTarget();
        if (sl != null && !(r.serviceLevel() >= sl - TOLERANCE)) {
            unmet.add("serviceLevelTarget: " + StaffingLimits.percent(sl) + " within " + request.answerWithinSeconds()
                    + " s not met (service level " + StaffingLimits.percent(r.serviceLevel()) + ")");
        }
        Double asa = request.asaTargetSeconds();
        if (asa != null && !(r.asaSeconds() <= asa * (1 + TOLERANCE))) {
            unmet.add("asaTargetSeconds: " + asa + " not met (ASA " + r.asaSeconds() + " s)");
        }
        Double cap = request.maxOccupancy();
        if (cap != null && !(r.occupancy() <= cap + TOLERANCE)) {
            unmet.add("maxOccupancy: " + StaffingLimits.percent(cap) + " exceeded (occupancy "
                    + StaffingLimits.percent(r.occupancy()) + ")");
        }
        Double abandon = request.abandonmentTarget();
        if (abandon != null && request.hasPatience() && !(r.abandonmentProbability() <= abandon + TOLERANCE)) {
            unmet.add("abandonmentTarget: " + StaffingLimits.percent(abandon) + " not met (abandonment "
                    + StaffingLimits.percent(r.abandonmentProbability()) + ")");
        }
        return unmet;
    }

    static void requireValid(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
    }
}
