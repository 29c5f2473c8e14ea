package org.switchboard.rostering;

import java.time.Duration;

/** Solving a roster in tests: start a solve and wait for it to end, as a planner watching the board would. */
public final class Solving {

    private Solving() {}

    /**
     * Starts a solve of {@code seconds} and waits until it has ended, at most {@code max}; the caller holds the
     * rights to solve (e.g. runs as the system).
     *
     * @return whether it ended in time
     */
    public static boolean solve(RosterService rosters, long rosterId, int seconds, Duration max) {
        rosters.solve(rosterId, seconds);
        long deadline = System.currentTimeMillis() + max.toMillis();
        while (rosters.isSolving(rosterId)) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return true;
    }
}
