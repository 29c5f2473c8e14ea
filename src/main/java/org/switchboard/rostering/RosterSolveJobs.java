package org.switchboard.rostering;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.switchboard.rostering.solver.BreakPlanner;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.SolveControl;
import org.switchboard.rostering.solver.SolverOperator;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.Text;

/**
 * The solves running on this instance (callers check permissions). A solve is a persisted Quartz job (see
 * {@link SolveQueue}); the instance that claims it builds the problem ({@link SolveRunner}) and runs it here, one
 * OptaPlanner {@link Solver} each on a pool of {@code switchboard.solver.parallel-solver-count} threads (as many as
 * Quartz threads), ended at its time limit or on a stop asked on any instance, and saved as it goes.
 *
 * <p>What keeps work and state from being lost:
 * <ul>
 *   <li>The best roster so far is saved as the draft every {@code switchboard.solver.save-every-seconds} by a timer,
 *       and once more when solving ends or is stopped.</li>
 *   <li>A solve ends at its deadline or on a stop within seconds: the custom phases poll the solve's
 *       {@link SolveControl}, which OptaPlanner's termination cannot reach into, and OptaPlanner's own
 *       {@code terminateEarly} runs on a thread of its own, never on the caller's or the timer's. A stop asked on
 *       another instance is read from the database every second.</li>
 *   <li>No solve stays "solving": a job that fails, even with an {@link Error} OptaPlanner does not report (out of
 *       memory), is ended by a watcher; the job of an instance that died is taken over by another
 *       ({@link SolveRunner}).</li>
 * </ul>
 */
@Component
class RosterSolveJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RosterSolveJobs.class);
    /** The status totals are refreshed at most this often, and less often when an explanation takes long. */
    private static final long SUMMARY_MILLIS = 5000;
    /** The most placing the breaks of a roster may take (see {@link BreakPlanner}). */
    private static final long BREAKS_MAX_MILLIS = 10_000;

    private final RosterStore store;
    private final SolverFactory<RosterSolution> solverFactory;
    /** Runs the solves, {@code switchboard.solver.parallel-solver-count} at a time; the others wait in line. */
    private final ExecutorService solving;
    private final SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager;
    private final Clock clock;
    private final long saveEveryMillis;
    private final Map<Long, Job> live = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "roster-solve-timer"));
    private final ScheduledExecutorService savers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "roster-solve-saver"));

    RosterSolveJobs(RosterStore store, SolverFactory<RosterSolution> solverFactory,
            SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager, Optional<Clock> clock,
            @Value("${switchboard.solver.save-every-seconds:10}") int saveEverySeconds,
            @Value("${switchboard.solver.parallel-solver-count:1}") String parallel) {
        this.store = store;
        this.solverFactory = solverFactory;
        this.solving = Executors.newFixedThreadPool(parallelSolves(parallel), r -> daemon(r, "roster-solver"));
        this.solutionManager = solutionManager;
        this.clock = clock.orElse(Clock.systemUTC());
        this.saveEveryMillis = Math.max(1, saveEverySeconds) * 1000L;
        timers.scheduleWithFixedDelay(this::pollStops, 1, 1, TimeUnit.SECONDS);
    }

    /** A whole number of solves at a time, or AUTO: half the cores, at least one. */
    static int parallelSolves(String parallel) {
        if (parallel == null || parallel.isBlank() || parallel.trim().equalsIgnoreCase("AUTO")) {
            return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
        return Math.max(1, Integer.parseInt(parallel.trim()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** What the status shows of a running solve. */
    record LiveStatus(SolverStatus solverStatus, HardMediumSoftScore score, double coveredShare, Double serviceLevel,
            List<Roster.ConstraintTotal> totals) {
    }

    Optional<LiveStatus> status(long id) {
        Job job = live.get(id);
        return job == null ? Optional.empty()
                : Optional.of(new LiveStatus(solverStatus(job), job.score, job.coveredShare, job.serviceLevel, job.totals));
    }

    /** Whether the roster is being solved or waits for a solver, here or on another instance. */
    boolean isSolving(long id) {
        return live.containsKey(id) || store.solving(id);
    }

    /** Whether the roster is being solved on this instance. */
    boolean isSolvingHere(long id) {
        return live.containsKey(id);
    }

    /**
     * Solves {@code problem} here for {@code seconds} from {@code askedAt} and returns when solving has ended and its
     * result is saved (called by the solve's job on a Quartz thread, see {@link SolveRunner}; the solve was marked as
     * begun in the database first): the time the job took to build the problem counts.
     *
     * @param askedAt {@link System#nanoTime()} when the job began building the problem
     * @throws ConflictException when the roster is already being solved here
     */
    void runHere(Roster roster, RosterSolution problem, int seconds, long askedAt, Map<Long, String> names,
            Map<Long, String> queueCodes) throws InterruptedException {
        long id = roster.id();
        long limitMillis = Math.max(0, seconds * 1000L - (System.nanoTime() - askedAt) / 1_000_000);
        // the solver is configured for the maximum and stopped after the seconds asked; its custom phases plan by these
        problem.setTimeLimitMillis(limitMillis);
        Job job = new Job(roster, problem.getControl(), seconds, limitMillis, names, queueCodes);
        if (shuttingDown || live.putIfAbsent(id, job) != null) {
            throw new ConflictException(Text.of("error.roster.solving", String.valueOf(id)));
        }
        try {
            job.future = solving.submit(() -> run(job, problem));
            job.saver = savers.scheduleWithFixedDelay(() -> saveLatest(job), saveEveryMillis, saveEveryMillis,
                    TimeUnit.MILLISECONDS);
            if (job.finished) {
                job.saver.cancel(false); // a solve that ended before its saver was set
            }
        } catch (RuntimeException e) {
            store.solveEnded(id, clock.instant());
            finish(job);
            throw e;
        }
        job.done.await();
    }

    /**
     * Solves in a thread of {@link #solving}: a {@link Solver} of its own, its best rosters heard as they come (on the
     * solver's thread) and the final one taken from {@code solve}. (OptaPlanner's SolverManager hands them over through a
     * consumer whose permit could be lost at the end of a solve, which left the solver thread waiting for ever.)
     */
    private void run(Job job, RosterSolution problem) {
        try {
            if (job.finished) {
                return;
            }
            Solver<RosterSolution> solver = solverFactory.buildSolver();
            solver.addEventListener(event -> {
                onBest(job, event.getNewBestSolution());
                if (job.control.isStopped()) {
                    solver.terminateEarly(); // a stop that came before solve() began (which resets the flag)
                }
            });
            job.solver = solver;
            RosterSolution best = solver.solve(begin(job, problem));
            onFinal(job, best);
        } catch (Throwable e) {
            if (!job.finished) {
                onError(job, e);
            }
            if (e instanceof Error error && !(e instanceof OutOfMemoryError || e instanceof StackOverflowError)) {
                throw error;
            }
        }
    }

    /**
     * Stops a solve: a waiting one at once, a running one within seconds (its best roster is then saved). Returns
     * without waiting for the solver.
     *
     * @return false when the roster is not being solved
     */
    boolean stopHere(long id) {
        Job job = live.get(id);
        if (job == null) {
            return false;
        }
        job.outcome = "stopped";
        job.control.stop();
        if (solverStatus(job) == SolverStatus.SOLVING_SCHEDULED) {
            // a job stopped before it started is cancelled without calling back: end it here (this does not wait)
            terminate(job);
            store.solveEnded(id, clock.instant());
            finish(job);
        } else {
            terminateInBackground(job);
        }
        return true;
    }

    /** A roster's state before any solve (or after an edit): its assignments, score, explanation; not a solve's end. */
    void saveUnsolved(Roster roster, RosterSolution solution, Map<Long, String> names, Map<Long, String> queueCodes) {
        save(roster, solution, names, queueCodes, null, BREAKS_MAX_MILLIS, false);
    }

    /** Every second: the solves here that were asked to stop on another instance (or here) are stopped. */
    private void pollStops() {
        try {
            for (long id : store.stopsRequested(live.keySet())) {
                stopHere(id);
            }
        } catch (RuntimeException e) {
            log.warn("Reading the solves asked to stop failed; trying again in a second", e);
        }
    }

    // --- the solve's life ----------------------------------------------------------------------------------------

    /** Called by OptaPlanner when the job starts (possibly after waiting in line): the solve's clock starts now. */
    private RosterSolution begin(Job job, RosterSolution problem) {
        if (job.begun.compareAndSet(false, true) && !job.finished) {
            job.control.startClock(job.limitMillis);
            job.timer = timers.schedule(() -> {
                log.info("Roster {}: time limit of {} s reached", job.roster.id(), job.seconds);
                job.control.stop();
                terminateInBackground(job);
            }, job.limitMillis, TimeUnit.MILLISECONDS);
        }
        return problem;
    }

    /** OptaPlanner's terminateEarly waits until the solver has ended: never on a caller's or the timer's thread. */
    private void terminateInBackground(Job job) {
        Thread.ofVirtual().name("roster-stop-" + job.roster.id()).start(() -> terminate(job));
    }

    private void terminate(Job job) {
        Solver<RosterSolution> solver = job.solver;
        if (solver != null) {
            solver.terminateEarly();
        } else if (job.future != null) {
            job.future.cancel(false); // still waiting in line: it never starts
        }
    }

    private SolverStatus solverStatus(Job job) {
        return job.finished ? SolverStatus.NOT_SOLVING
                : job.solver != null ? SolverStatus.SOLVING_ACTIVE : SolverStatus.SOLVING_SCHEDULED;
    }

    private void onBest(Job job, RosterSolution best) {
        try {
            if (best.getScore() == null || !best.getScore().isSolutionInitialized()) {
                return;
            }
            job.best = best;
            job.score = best.getScore();
            RosterSolution.Coverage coverage = best.coverage();
            job.coveredShare = coverage.coveredShare();
            job.serviceLevel = coverage.serviceLevel();
            long now = System.currentTimeMillis();
            if (job.totals == null || now - job.lastSummary >= Math.max(SUMMARY_MILLIS, 10 * job.explainMillis)) {
                synchronized (job) {
                    if (!job.finished && !job.ending) {
                        long t0 = System.currentTimeMillis();
                        job.totals = RosterExplainer.totals(solutionManager.explain(best));
                        job.explainMillis = System.currentTimeMillis() - t0;
                        job.lastSummary = System.currentTimeMillis();
                    }
                }
            }
        } catch (RuntimeException e) {
            // OptaPlanner would treat this as a failed solve while the solver goes on: log and keep solving
            log.warn("Roster {}: keeping the best roster so far failed, solving goes on", job.roster.id(), e);
        }
    }

    /** The timer's save: the best roster known, unless it is already saved or the final save has begun. */
    private void saveLatest(Job job) {
        try {
            synchronized (job) {
                RosterSolution best = job.best;
                if (job.finished || job.ending || best == null || best == job.saved) {
                    return;
                }
                saveProgress(job, best);
                job.saved = best;
            }
        } catch (RuntimeException e) {
            log.warn("Roster {}: saving the best roster so far failed, solving goes on", job.roster.id(), e);
        }
    }

    private void onFinal(Job job, RosterSolution best) {
        try {
            synchronized (job) {
                if (shuttingDown) {
                    // destroy() saves it under this lock and ends the job: keep the final best for it
                    job.best = best;
                    return;
                }
                job.ending = true;
                if (best.getScore() == null || best.getScore().isSolutionInitialized()) {
                    save(job.roster, best, job.names, job.queueCodes, job, breakMillis(job.seconds), true);
                } else {
                    store.solveEnded(job.roster.id(), clock.instant());
                }
            }
            log.info("Roster {} solved: {}", job.roster.id(), best.getScore());
        } catch (RuntimeException | Error e) {
            // the draft saved last stays (at most save-every-seconds older than this one)
            log.error("Saving roster {} failed", job.roster.id(), e);
            try {
                log.error("Database sessions when saving roster {} failed: {}", job.roster.id(), store.busySessions());
            } catch (RuntimeException again) {
                log.error("Reading the database sessions failed", again);
            }
            try {
                store.solveEnded(job.roster.id(), clock.instant());
            } catch (RuntimeException again) {
                log.error("Marking roster {}'s solve ended failed", job.roster.id(), again);
            }
        } finally {
            if (!shuttingDown) {
                finish(job);
            }
        }
    }

    private void onError(Job job, Throwable e) {
        log.error("Solving roster {} failed", job.roster.id(), e);
        job.outcome = "failed";
        if (job.finished) {
            return;
        }
        // OptaPlanner goes on solving after a callback failed: end it too
        job.control.stop();
        terminateInBackground(job);
        try {
            // what was saved last stays the draft; the best since then is kept when it can be
            saveLatest(job);
            store.solveEnded(job.roster.id(), clock.instant());
        } finally {
            finish(job);
        }
    }

    private void finish(Job job) {
        if (!job.finished) {
            try {
                store.solveOutcome(job.roster.id(), job.outcome);
            } catch (RuntimeException e) {
                log.warn("Roster {}: recording how the solve ended failed", job.roster.id(), e);
            }
        }
        job.finished = true;
        job.control.stop();
        if (job.timer != null) {
            job.timer.cancel(false);
        }
        if (job.saver != null) {
            job.saver.cancel(false);
        }
        live.remove(job.roster.id(), job);
        job.done.countDown();
    }

    /**
     * Stores a solution as the roster's assignments with its breaks placed, its score, totals and explanation.
     *
     * @param job the solve it ends, which the status totals are also refreshed for (null: not the end of a solve)
     * @param breakMillis the most placing the breaks may take
     * @param ended whether solving ends with it
     */
    private void save(Roster roster, RosterSolution solution, Map<Long, String> names, Map<Long, String> queueCodes,
            Job job, long breakMillis, boolean ended) {
        long t0 = System.nanoTime();
        BreakPlanner.Summary placed = new BreakPlanner().place(solution, new SolveControl().phase(breakMillis));
        long t1 = System.nanoTime();
        ScoreExplanation<RosterSolution, HardMediumSoftScore> explanation = solutionManager.explain(solution);
        long t2 = System.nanoTime();
        List<RuleBreach> breaches = new RosterExplainer(solution, roster.zone(), roster.startDate(), names, queueCodes)
                .breaches(explanation);
        List<Roster.ConstraintTotal> totals = RosterExplainer.totals(explanation);
        if (job != null) {
            job.totals = totals;
        }
        long t3 = System.nanoTime();
        write(roster, solution, explanation.getScore(), totals, breaches, ended);
        log.debug("Roster {} saved: breaks {} ms ({}), score {} ms, explanation {} ms, database {} ms", roster.id(),
                (t1 - t0) / 1_000_000, placed, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (System.nanoTime() - t3) / 1_000_000);
    }

    /**
     * Stores the best roster so far while solving goes on: its assignments (breaks where the solver assumes them) and
     * the solver's score, with the latest totals of the status (scoring it again would cost as much as a second
     * solver's memory and seconds of a core on a big roster).
     */
    private void saveProgress(Job job, RosterSolution best) {
        List<Roster.ConstraintTotal> totals = job.totals;
        if (totals == null) {
            totals = RosterExplainer.totals(solutionManager.explain(best));
            job.totals = totals;
        }
        long t0 = System.nanoTime();
        write(job.roster, best, best.getScore(), totals, null, false);
        log.debug("Roster {}: best so far ({}) saved in {} ms", job.roster.id(), best.getScore(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void write(Roster roster, RosterSolution solution, HardMediumSoftScore score,
            List<Roster.ConstraintTotal> totals, List<RuleBreach> breaches, boolean ended) {
        List<StoredShift> shifts = StoredShift.of(solution);
        List<Long> operatorIds = solution.getOperators().stream().map(SolverOperator::id).toList();
        long required = solution.getDemandUnits().stream().mapToLong(u -> u.required()).sum();
        RosterSolution.Coverage coverage = solution.coverage();
        store.saveResult(roster.id(), operatorIds, shifts, score.toString(), score.hardScore(), score.mediumScore(),
                score.softScore(), coverage.coveredShare(), coverage.serviceLevel(), required, totals, breaches,
                ended ? clock.instant() : null);
    }

    /** The most placing a finished solve's breaks may take: a twentieth of its seconds, 1 to 10 s. */
    static long breakMillis(int seconds) {
        return Math.clamp(seconds * 50L, 1000, BREAKS_MAX_MILLIS);
    }

    /** At shutdown: every solve stopped and its best roster so far saved (the database is still there). */
    @Override
    public void destroy() {
        shuttingDown = true;
        for (Job job : List.copyOf(live.values())) {
            job.outcome = "stopped";
            job.control.stop();
            saveLatest(job);
            try {
                store.solveEnded(job.roster.id(), clock.instant());
            } catch (RuntimeException e) {
                log.warn("Roster {}: marking the solve ended at shutdown failed", job.roster.id(), e);
            }
            finish(job);
        }
        timers.shutdownNow();
        savers.shutdownNow();
        solving.shutdownNow();
    }

    /** A solve on this node: what the status shows and what saving needs (read by the solver's and the timers' threads). */
    private static final class Job {
        final Roster roster;
        final SolveControl control;
        final int seconds;
        /** The seconds asked for less the time building the problem took. */
        final long limitMillis;
        final Map<Long, String> names;
        final Map<Long, String> queueCodes;
        final AtomicBoolean begun = new AtomicBoolean();
        /** Counted down when the job has ended and left {@link #live}. */
        final CountDownLatch done = new CountDownLatch(1);
        /** How it ends: finished (its time), stopped, failed. */
        volatile String outcome = "finished";
        volatile Future<?> future;
        /** Set when its solve begins on a solver thread (null while waiting in line). */
        volatile Solver<RosterSolution> solver;
        volatile ScheduledFuture<?> timer;
        volatile ScheduledFuture<?> saver;
        volatile RosterSolution best;
        /** The best roster saved last (guarded by the job's lock). */
        RosterSolution saved;
        volatile HardMediumSoftScore score;
        volatile double coveredShare;
        volatile Double serviceLevel;
        volatile List<Roster.ConstraintTotal> totals;
        volatile long lastSummary;
        volatile long explainMillis;
        /** The final save has begun: no more saves of intermediate rosters. */
        volatile boolean ending;
        volatile boolean finished;

        Job(Roster roster, SolveControl control, int seconds, long limitMillis, Map<Long, String> names,
                Map<Long, String> queueCodes) {
            this.roster = roster;
            this.control = control;
            this.seconds = seconds;
            this.limitMillis = limitMillis;
            this.names = names;
            this.queueCodes = queueCodes;
        }
    }
}
