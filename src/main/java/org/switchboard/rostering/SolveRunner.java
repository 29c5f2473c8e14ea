package org.switchboard.rostering;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.shared.SystemAuthentication;

/**
 * Runs a claimed solve job on this instance: builds the roster's problem from what the database holds now, marks the
 * solver begun (refused when the draft changed meanwhile: it builds again) and solves here until the time asked.
 *
 * <p>A job fired again after its instance died (its solver had begun) is <b>taken over</b>: solving goes on from the
 * draft saved last, for the time the solve had left. When too little time is left, or the solve has been taken over
 * too often (a roster that brings instances down), it is <b>abandoned</b>: marked ended with the last saved draft kept.
 */
@Component
class SolveRunner {

    private static final Logger log = LoggerFactory.getLogger(SolveRunner.class);
    /** A solve with less time left than this is not taken over. */
    static final long MIN_TAKEOVER_SECONDS = 5;
    /** The most runs of one solve (the first and the take-overs). */
    static final int MAX_RUNS = 3;
    /** How often building the problem is tried again when an edit got in meanwhile. */
    private static final int BUILD_TRIES = 3;

    private final RosterStore store;
    private final RosterService rosters;
    private final RosterSolveJobs jobs;
    private final OperatorService operators;
    private final Clock clock;

    SolveRunner(RosterStore store, RosterService rosters, RosterSolveJobs jobs, OperatorService operators,
            Optional<Clock> clock) {
        this.store = store;
        this.rosters = rosters;
        this.jobs = jobs;
        this.operators = operators;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Runs the solve {@code job} of roster {@code id} here and returns when it has ended.
     *
     * @param node this instance's Quartz instance id
     * @param recovering whether Quartz fires it again after an instance died
     */
    void run(long id, int seconds, String job, String node, boolean recovering) throws InterruptedException {
        SystemAuthentication.callAsSystem(() -> {
            try {
                runAsSystem(id, seconds, job, node, recovering);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private void runAsSystem(long id, int seconds, String job, String node, boolean recovering)
            throws InterruptedException {
        RosterStore.SolveState state = store.solveState(id).orElse(null);
        if (state == null || !job.equals(state.job()) || !state.solving()) {
            log.info("Roster {}: solve job {} has nothing to do (the solve ended or was replaced)", id, job);
            return;
        }
        if (state.stopRequestedAt() != null) {
            store.solveEnded(id, clock.instant(), "stopped");
            return;
        }
        int limit = seconds;
        if (state.beganAt() != null) {
            long left = seconds - Duration.between(state.beganAt(), clock.instant()).toSeconds();
            if (left < MIN_TAKEOVER_SECONDS || state.attempts() >= MAX_RUNS) {
                store.solveEnded(id, clock.instant(), "abandoned");
                log.warn("Roster {}: the instance solving it ({}) stopped; {} s were left after {} run(s): not taken"
                        + " over, its last saved draft kept", id, state.node(), Math.max(0, left), state.attempts());
                return;
            }
            limit = (int) left;
            log.warn("Roster {}: taking over the solve instance {} left (recovering: {}), {} s to go from its last"
                    + " saved draft", id, state.node(), recovering, limit);
        }
        for (int tries = 0; tries < BUILD_TRIES; tries++) {
            Roster roster = store.find(id).orElse(null);
            if (roster == null || roster.state() != RosterState.DRAFT) {
                store.solveEnded(id, clock.instant(), "stopped");
                return;
            }
            long askedAt = System.nanoTime();
            int version = store.version(id);
            List<Operator> all = operators.list();
            RosterSolution problem = rosters.problem(roster, all);
            if (store.solveBegan(id, version, node, clock.instant())) {
                jobs.runHere(roster, problem, limit, askedAt, RosterService.names(all), rosters.queueCodes());
                return;
            }
            RosterStore.SolveState now = store.solveState(id).orElse(null);
            if (now == null || !now.solving() || now.stopRequestedAt() != null) {
                store.solveEnded(id, clock.instant(), "stopped");
                return;
            }
            log.info("Roster {} changed while its problem was built: building it again", id);
        }
        store.solveEnded(id, clock.instant(), "failed");
        log.warn("Roster {} kept changing while its problem was built: the solve was given up", id);
    }
}
