package org.switchboard.rostering;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.Text;

/**
 * Solves as persisted jobs in Quartz's clustered JDBC job store: asking for a solve marks the roster and stores its
 * job in one transaction; whichever instance has a free solver claims the job through the database (never two) and
 * runs it ({@link RosterSolveJob}, {@link SolveRunner}). Jobs ask for recovery, so the job of an instance that died
 * is fired again on another, which takes the solve over from its last saved draft.
 */
@Component
class SolveQueue {

    private static final Logger log = LoggerFactory.getLogger(SolveQueue.class);
    static final String GROUP = "roster-solve";
    static final String ROSTER = "rosterId";
    static final String SECONDS = "seconds";

    private final Scheduler scheduler;
    private final RosterStore store;
    private final Clock clock;

    SolveQueue(Scheduler scheduler, RosterStore store, Optional<Clock> clock) {
        this.scheduler = scheduler;
        this.store = store;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Queues a solve of {@code seconds} for the draft {@code id}.
     *
     * @throws ConflictException when it is already being solved or no longer a draft
     */
    @Transactional
    void request(long id, int seconds) {
        String name = "roster-" + id + "-" + UUID.randomUUID();
        if (!store.solveRequested(id, seconds, clock.instant(), name)) {
            throw new ConflictException(Text.of("error.roster.solving", String.valueOf(id)));
        }
        JobDetail job = JobBuilder.newJob(RosterSolveJob.class).withIdentity(name, GROUP)
                .withDescription("Solve roster " + id + " for " + seconds + " s")
                .usingJobData(ROSTER, id).usingJobData(SECONDS, seconds)
                .requestRecovery().build();
        Trigger now = TriggerBuilder.newTrigger().withIdentity(name, GROUP).forJob(job).startNow()
                // a solve that waited for a free solver longer than the misfire threshold still runs
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        try {
            scheduler.scheduleJob(job, now);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Queueing the solve of roster " + id + " failed", e);
        }
    }

    /**
     * Asks a solve to stop wherever it runs; one still waiting for a solver is taken off the queue and ended at once.
     *
     * @return false when the roster is not being solved
     */
    @Transactional
    boolean stop(long id) {
        if (!store.requestStop(id, clock.instant())) {
            return false;
        }
        RosterStore.SolveState state = store.solveState(id).orElseThrow();
        if (state.beganAt() == null && state.job() != null) {
            try {
                if (scheduler.deleteJob(new JobKey(state.job(), GROUP))) {
                    store.solveEnded(id, clock.instant(), "stopped");
                }
            } catch (SchedulerException e) {
                // the instance that claimed it sees the stop before its solver begins
                log.warn("Roster {}: taking the waiting solve off the queue failed", id, e);
            }
        }
        return true;
    }

    /** At start and every minute: solves marked running or waiting with no job left are marked failed. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void endOrphanedSolves() {
        int ended = store.endOrphanedSolves(clock.instant());
        if (ended > 0) {
            log.warn("{} roster solve(s) had no job any more (an older version's, or its job ended without it):"
                    + " marked failed, their last saved drafts kept", ended);
        }
    }
}
