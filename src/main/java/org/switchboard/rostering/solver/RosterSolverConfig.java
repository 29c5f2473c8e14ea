package org.switchboard.rostering.solver;

import java.time.Duration;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** The solver configuration in code: this model, its constraint provider (Bavet) and a time limit. */
public final class RosterSolverConfig {

    private RosterSolverConfig() {
    }

    /**
     * @param spentLimit stop after this long
     * @param unimprovedLimit stop when the best score has not improved for this long (null = no such limit)
     */
    public static SolverConfig create(Duration spentLimit, Duration unimprovedLimit) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(spentLimit);
        if (unimprovedLimit != null) {
            termination.setUnimprovedSpentLimit(unimprovedLimit);
        }
        return new SolverConfig()
                .withSolutionClass(RosterSolution.class)
                .withEntityClasses(OperatorDay.class)
                .withConstraintProviderClass(RosterConstraints.class)
                .withTerminationConfig(termination);
    }
}
