package org.switchboard.rostering;

import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The Quartz job of one solve (see {@link SolveQueue}): runs it on the instance that claimed it, holding the job until
 * solving has ended, so that the job store knows it is in progress here and recovers it elsewhere should this instance
 * die.
 */
class RosterSolveJob implements Job {

    private final SolveRunner runner;

    RosterSolveJob(SolveRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        try {
            runner.run(data.getLong(SolveQueue.ROSTER), data.getInt(SolveQueue.SECONDS),
                    context.getJobDetail().getKey().getName(), context.getScheduler().getSchedulerInstanceId(),
                    context.isRecovering());
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobExecutionException(e);
        }
    }
}
