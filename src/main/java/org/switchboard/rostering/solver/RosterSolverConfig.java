package org.switchboard.rostering.solver;

import java.time.Duration;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.localsearch.LocalSearchType;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationCompositionStyle;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * The solver configuration in code: this model, its constraint provider (Bavet), a time limit, a construction that
 * gives each operator a legal set of shifts ({@link PatternConstruction}), column generation that chooses one plan per
 * operator for all of them at once ({@link ColumnGeneration}, at most two fifths of the time limit), passes that
 * replan each operator four weeks at a time against the others ({@link PatternSweep}, at most a fifth of the time limit), then hill climbing until it
 * has not improved for 2 s and 100 steps, then late acceptance until the time limit;
 * both local searches on change and swap moves plus {@link ShiftToOtherDayMove} (work moved to another day of the
 * same operator, which single change moves cannot do without breaking contract hours on the way).
 *
 * <p>The construction runs in steps (a twentieth of the operators, at most 5 s each) and the passes one step per pass,
 * so the roster after each is taken as the best so far; the custom phases end at the solve's deadline or stop themselves
 * ({@link SolveControl}), which the termination configured here cannot make them do.
 */
public final class RosterSolverConfig {

    private RosterSolverConfig() {
    }

    private static UnionMoveSelectorConfig moves() {
        return new UnionMoveSelectorConfig().withMoveSelectors(new ChangeMoveSelectorConfig(), new SwapMoveSelectorConfig(),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(ShiftToOtherDayMove.Factory.class),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(CopyPeerWeekMove.Factory.class),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(WeekHoursRepair.Factory.class),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RebuildOperatorMove.Factory.class),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RebuildOperatorMove.PairFactory.class),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(SwapBlockMove.Factory.class));
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
                .withTerminationConfig(termination)
                .withPhases(steps(PatternConstruction.class, PatternConstruction.MAX_STEPS, spentLimit.toMillis()),
                        steps(PatternSweep.class, PatternSweep.MAX_PASSES, (long) (spentLimit.toMillis() * PatternSweep.SHARE_OF_LIMIT)),
                        steps(ColumnGeneration.class, 1, (long) (spentLimit.toMillis() * ColumnGeneration.SHARE_OF_LIMIT)),
                        // hill climbing first, while it improves: it never accepts a worse score, so it neither
                        // re-breaks hard rules nor gives coverage away (on the demo week it beat late acceptance
                        // alone by a third of the shortage in 18 s)
                        new LocalSearchPhaseConfig().withLocalSearchType(LocalSearchType.HILL_CLIMBING)
                                .withMoveSelectorConfig(moves())
                                // until it has not improved for 2 s and for 100 steps: on a year of 150 operators a step
                                // can take seconds, and 2 s alone once ended it after its first step
                                .withTerminationConfig(new TerminationConfig().withUnimprovedSpentLimit(Duration.ofSeconds(2))
                                        .withUnimprovedStepCountLimit(100)
                                        .withTerminationCompositionStyle(TerminationCompositionStyle.AND)),
                        lastPhase());
    }

    /**
     * A custom phase of {@code steps} steps of {@code command} (OptaPlanner takes the roster after each step as the
     * best so far when it is better, so a long phase is shown and saved as it goes), with its time budget.
     */
    private static CustomPhaseConfig steps(Class<? extends CustomPhaseCommand<RosterSolution>> command, int steps, long budgetMillis) {
        return new CustomPhaseConfig()
                .withCustomPhaseCommandClassList(java.util.Collections.nCopies(steps, command))
                .withCustomProperties(java.util.Map.of("budgetMillis", Long.toString(budgetMillis)));
    }

    /**
     * Late acceptance against the score of 50 steps ago (OptaPlanner's default is 400), one accepted move per step.
     * Compared on Curtois-Qu instances 1-10 at 30 s (docs/benchmarks.md): sizes 10, 50 and 400, entity tabu and
     * simulated annealing; 50 had the lowest sum of objectives.
     */
    private static LocalSearchPhaseConfig lastPhase() {
        return new LocalSearchPhaseConfig().withMoveSelectorConfig(moves())
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(50))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }
}
