package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * When one solve must end, as its custom phases see it: the solve's deadline (from {@link #startClock}) and a stop
 * asked for ({@link #stop}). OptaPlanner's termination ends local search between two moves, but it cannot interrupt
 * a custom phase: {@link PatternConstruction}, {@link PatternSweep} and {@link ColumnGeneration} poll this between
 * their units of work (an operator, a linear model), and a linear or integer model being solved by OR-Tools is
 * interrupted through {@link #whileSolving}. Each problem has its own (see {@link RosterSolution#getControl}); the
 * planning clones share it. Thread-safe: the application stops a solve from another thread.
 */
public final class SolveControl {

    private volatile long deadline = Long.MAX_VALUE;
    private volatile boolean clockStarted;
    private volatile boolean stopped;
    private final List<Runnable> interrupts = new ArrayList<>();

    /** The solve starts now and must end {@code limitMillis} from now. */
    public void startClock(long limitMillis) {
        deadline = fromNow(limitMillis);
        clockStarted = deadline != Long.MAX_VALUE;
    }

    /** Asks the solve to end as soon as it can: the phases return what they have, a running model is interrupted. */
    public void stop() {
        List<Runnable> now;
        synchronized (interrupts) {
            stopped = true;
            now = List.copyOf(interrupts);
            // interrupting under the lock: whoever unregisters (and then frees the model) waits for this
            for (Runnable r : now) {
                r.run();
            }
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Whether the solve must end now: stopped, or its deadline has passed. */
    public boolean isOver() {
        return stopped || (clockStarted && System.nanoTime() - deadline >= 0);
    }

    /**
     * A phase's deadline: {@code budgetMillis} from now, or the solve's deadline when that comes first; the
     * returned deadline also counts as passed once the solve is stopped.
     */
    public Deadline phase(long budgetMillis) {
        long own = fromNow(budgetMillis);
        return new Deadline(clockStarted && (own == Long.MAX_VALUE || deadline - own < 0) ? deadline : own, this);
    }

    /**
     * Runs {@code interrupt} if the solve is stopped until the returned registration is closed (a model being solved
     * stops at once instead of at its time limit). Closing waits for an interrupt being run, so the model may be
     * freed right after.
     */
    public Registration whileSolving(Runnable interrupt) {
        synchronized (interrupts) {
            interrupts.add(interrupt);
        }
        return () -> {
            synchronized (interrupts) {
                interrupts.remove(interrupt);
            }
        };
    }

    /** {@link System#nanoTime()} {@code millis} from now; {@link Long#MAX_VALUE} (no limit) for a century or more. */
    static long fromNow(long millis) {
        return millis >= 3_000_000_000_000L ? Long.MAX_VALUE : System.nanoTime() + Math.max(0, millis) * 1_000_000L;
    }

    /** See {@link #whileSolving}. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The end of one phase: a {@link System#nanoTime()} value, and the solve it belongs to.
     *
     * @param nanos when the phase must end
     */
    public record Deadline(long nanos, SolveControl control) {

        /** No limit but a stop (for callers without a time budget). */
        public static Deadline none() {
            return new Deadline(Long.MAX_VALUE, new SolveControl());
        }

        /** Whether the phase must end now: past its deadline, or the solve stopped. */
        public boolean passed() {
            return control.isStopped() || (nanos != Long.MAX_VALUE && System.nanoTime() - nanos >= 0);
        }

        /** Milliseconds left until the deadline (0 once passed or stopped). */
        public long millisLeft() {
            if (control.isStopped()) {
                return 0;
            }
            return nanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, (nanos - System.nanoTime()) / 1_000_000);
        }

        /** The earlier of this deadline and {@code millis} from now. */
        public Deadline within(long millis) {
            long other = fromNow(millis);
            return other == Long.MAX_VALUE || (nanos != Long.MAX_VALUE && nanos - other < 0) ? this
                    : new Deadline(other, control);
        }
    }
}
