package org.switchboard.rostering;

import java.time.Duration;
import java.util.Properties;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterSolverConfig;

/**
 * OptaPlanner wired by hand (there is no Spring Boot starter for OptaPlanner 10): one solver factory from
 * {@link RosterSolverConfig} (RosterSolveJobs builds a solver per solve from it), and a
 * {@link SolutionManager} for scores and explanations. Settings: {@code switchboard.solver.*} in
 * application.properties.
 */
@Configuration(proxyBeanMethods = false)
class RosterSolverBeans {

    @Bean
    SolverFactory<RosterSolution> rosterSolverFactory(@Value("${switchboard.solver.max-seconds:3600}") int maxSeconds,
            @Value("${switchboard.solver.unimproved-seconds:0}") int unimprovedSeconds) {
        return SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(maxSeconds),
                unimprovedSeconds > 0 ? Duration.ofSeconds(unimprovedSeconds) : null));
    }


    @Bean
    SolutionManager<RosterSolution, HardMediumSoftScore> rosterSolutionManager(SolverFactory<RosterSolution> factory) {
        return SolutionManager.create(factory);
    }

    /**
     * Quartz claims no more solve jobs than this instance runs at once (its threads = the parallel solves), so a
     * solve waits in the database, where any instance with a free solver may claim it, not in one instance's queue.
     */
    @Bean
    SchedulerFactoryBeanCustomizer solveThreads(QuartzProperties quartz,
            @Value("${switchboard.solver.parallel-solver-count:1}") String parallel) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.setProperty("org.quartz.threadPool.threadCount",
                    String.valueOf(RosterSolveJobs.parallelSolves(parallel)));
            factory.setQuartzProperties(properties);
        };
    }
}
