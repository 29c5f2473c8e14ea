package org.switchboard.rostering;

import java.time.Duration;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.solver.SolverManagerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterSolverConfig;

/**
 * OptaPlanner wired by hand (there is no Spring Boot starter for OptaPlanner 10): one solver factory from
 * {@link RosterSolverConfig}, a {@link SolverManager} that runs solve jobs in the background, and a
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

    @Bean(destroyMethod = "close")
    SolverManager<RosterSolution, Long> rosterSolverManager(SolverFactory<RosterSolution> factory,
            @Value("${switchboard.solver.parallel-solver-count:1}") String parallel) {
        return SolverManager.create(factory, new SolverManagerConfig().withParallelSolverCount(parallel));
    }

    @Bean
    SolutionManager<RosterSolution, HardMediumSoftScore> rosterSolutionManager(SolverFactory<RosterSolution> factory) {
        return SolutionManager.create(factory);
    }
}
