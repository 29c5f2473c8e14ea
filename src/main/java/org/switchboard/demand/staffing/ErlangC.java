package org.switchboard.demand.staffing;

/**
 * Erlang B and Erlang C (M/M/N, callers never hang up) figures, computed through the numerically
 * stable Erlang B recursion B(0) = 1, B(n) = A&middot;B(n&minus;1) / (n + A&middot;B(n&minus;1)). Loads of
 * thousands of Erlangs neither overflow nor lose precision.
 *
 * <p>Traffic (offered load) A is in Erlangs: calls &times; AHT / interval seconds.
 */
public final class ErlangC {

    private ErlangC() {}

    /** Erlang B blocking probability B(servers, A) by the stable recursion; 1 for 0 servers. */
    public static double erlangB(int servers, double trafficErlangs) {
        checkServers(servers);
        checkTraffic(trafficErlangs);
        double b = 1.0;
        for (int n = 1; n <= servers; n++) {
            b = nextErlangB(b, n, trafficErlangs);
        }
        return b;
    }

    /** B(n) from B(n &minus; 1): one step of the recursion. */
    static double nextErlangB(double previous, int n, double traffic) {
        double ab = traffic * previous;
        return ab / (n + ab);
    }

    /**
     * Erlang C probability that a call waits: C = N&middot;B / (N &minus; A&middot;(1 &minus; B)); 1 when the
     * load is at least the number of agents, 0 with no load.
     */
    public static double probabilityOfWaiting(int agents, double traffic) {
        checkServers(agents);
        checkTraffic(traffic);
        if (traffic == 0) {
            return 0.0;
        }
        if (traffic >= agents) {
            return 1.0;
        }
        return fromErlangB(agents, traffic, erlangB(agents, traffic));
    }

    /** Erlang C from Erlang B for a stable queue (traffic &lt; agents). */
    static double fromErlangB(int agents, double traffic, double erlangB) {
        return agents * erlangB / (agents - traffic * (1 - erlangB));
    }

    /**
     * Service level: fraction of calls answered within T seconds, 1 &minus; C&middot;exp(&minus;(N &minus; A)&middot;T/AHT);
     * 0 when the load is at least the number of agents, 1 with no load.
     */
    public static double serviceLevel(int agents, double traffic, double ahtSeconds, double answerWithinSeconds) {
        checkAht(ahtSeconds);
        if (!(answerWithinSeconds >= 0)) {
            throw new IllegalArgumentException("answerWithinSeconds: must be a number of at least 0");
        }
        double c = probabilityOfWaiting(agents, traffic);
        if (traffic == 0) {
            return 1.0;
        }
        if (traffic >= agents) {
            return 0.0;
        }
        return serviceLevel(agents, traffic, ahtSeconds, answerWithinSeconds, c);
    }

    static double serviceLevel(int agents, double traffic, double aht, double answerWithin, double c) {
        return 1.0 - c * Math.exp(-(agents - traffic) * answerWithin / aht);
    }

    /**
     * Average speed of answer in seconds, C&middot;AHT/(N &minus; A); +Infinity when the load is at least the
     * number of agents, 0 with no load.
     */
    public static double asaSeconds(int agents, double traffic, double ahtSeconds) {
        checkAht(ahtSeconds);
        double c = probabilityOfWaiting(agents, traffic);
        if (traffic == 0) {
            return 0.0;
        }
        if (traffic >= agents) {
            return Double.POSITIVE_INFINITY;
        }
        return c * ahtSeconds / (agents - traffic);
    }

    /** Occupancy A/N, capped at 1 (and 1 for 0 agents with load); 0 with no load. */
    public static double occupancy(int agents, double traffic) {
        checkServers(agents);
        checkTraffic(traffic);
        if (traffic == 0) {
            return 0.0;
        }
        return agents == 0 ? 1.0 : Math.min(1.0, traffic / agents);
    }

    static void checkServers(int servers) {
        if (servers < 0) {
            throw new IllegalArgumentException("agents: must be at least 0, was " + servers);
        }
    }

    static void checkTraffic(double traffic) {
        if (!(traffic >= 0) || traffic == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("traffic: must be a number of at least 0 Erlangs, was " + traffic);
        }
    }

    static void checkAht(double aht) {
        if (!(aht > 0) || aht == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("ahtSeconds: must be a number above 0, was " + aht);
        }
    }
}
