package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Between the construction and local search: passes over all operators, each replanned window by window (four weeks
 * at a time) against the coverage everybody else leaves missing ({@link OperatorPatternSearch}, the search of the
 * rebuild moves), keeping a new plan only where it is worth more by the same gains ({@link Residual}). The
 * construction plans each operator once over the whole period, left to right, so on long horizons its first
 * operators take the early weeks' gaps with no regard for the later ones; local search mends that one move at a
 * time, each move scored by the constraint streams. A pass does the same repairs in order, without the solver's
 * per-move scoring, so on a year of 150 operators it reaches in seconds what local search took minutes for.
 *
 * <p>Passes stop when one adds less than a hundredth of what the first added, or when the time budget (a share of
 * the solver's time limit, {@link #setBudgetMillis}) is spent. The windows of each pass start at a random offset
 * so their edges move from pass to pass. Each pass is a step of the phase ({@link #MAX_PASSES} steps, see
 * {@link RosterSolverConfig}); the passes also end at the solve's deadline or a stop ({@link SolveControl}).
 */
public class PatternSweep implements CustomPhaseCommand<RosterSolution> {

    static final int WINDOW = 28;
    static final int MAX_PASSES = 20;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PatternSweep.class);

    /** The share of the time limit the passes may take (see {@link RosterSolverConfig}). */
    static final double SHARE_OF_LIMIT = 0.2;

    private long budgetMillis = 5_000;

    /** The most the passes may take, in milliseconds (set from the solver configuration's custom properties). */
    public void setBudgetMillis(String millis) {
        this.budgetMillis = Long.parseLong(millis);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RosterSolution> sd) {
        RosterSolution solution = sd.getWorkingSolution();
        Progress progress = solution.sweepProgress;
        if (progress == null) {
            progress = new Progress(solution, solution.phaseDeadline(budgetMillis, SHARE_OF_LIMIT), new Random(23));
            solution.sweepProgress = progress;
        }
        if (progress.done()) {
            return;
        }
        progress.pass((d, c) -> PatternConstruction.set(sd, d, c));
        if (progress.done()) {
            LOG.info("Pattern sweep: {} passes in {} ms, gains per pass {}", progress.gains.size(),
                    (System.nanoTime() - progress.start) / 1_000_000,
                    progress.gains.stream().map(g -> String.format(java.util.Locale.ROOT, "%.0f", g)).toList());
        }
        sd.triggerVariableListeners();
    }

    /** What the passes did: how many there were, and what each added (by the gains of {@link Residual}). */
    record Report(List<Double> gainPerPass) {
    }

    /**
     * Runs the passes on {@code solution}, handing each changed open day's new value to {@code set} (which must apply
     * it: the coverage left is read from the days).
     */
    static Report sweep(RosterSolution solution, long budgetMillis, Random random,
            java.util.function.BiConsumer<OperatorDay, OperatorPatternSearch.Choice> set) {
        Progress progress = new Progress(solution, solution.getControl().phase(budgetMillis), random);
        while (!progress.done()) {
            progress.pass(set);
        }
        return new Report(progress.gains);
    }

    /**
     * The passes so far, one per step of the phase (so OptaPlanner takes each pass's roster as the best so far when
     * it is, see {@link RosterSolverConfig}): the operators, the coverage of the roster as it is, what each pass added.
     */
    static final class Progress {

        private final long start = System.nanoTime();
        private final SolveControl.Deadline deadline;
        private final Random random;
        private final Set<String> unavailable;
        private final int periodDays;
        private final int window;
        private final List<List<OperatorDay>> operators;
        private final Residual covered;
        private final List<Double> gains = new ArrayList<>();
        private boolean finished;

        Progress(RosterSolution solution, SolveControl.Deadline deadline, Random random) {
            this.deadline = deadline;
            this.random = random;
            // the same groups the rebuild moves work on: the operators with open days, their unavailability, the period
            RebuildOperatorMove.Factory.Prepared prepared = RebuildOperatorMove.Factory.prepare(solution);
            unavailable = prepared.unavailable();
            periodDays = prepared.periodDays();
            operators = new ArrayList<>(prepared.operators());
            covered = prepared.demand();
            solution.getDays().forEach(covered::take);
            window = Math.min(WINDOW, Math.max(1, periodDays));
        }

        boolean done() {
            return finished || gains.size() >= MAX_PASSES || deadline.passed();
        }

        /** One pass over all operators (cut short at the deadline). */
        void pass(java.util.function.BiConsumer<OperatorDay, OperatorPatternSearch.Choice> set) {
            Collections.shuffle(operators, random);
            int offset = window >= periodDays ? 0 : random.nextInt(window);
            double added = 0;
            for (List<OperatorDay> days : operators) {
                if (deadline.passed()) {
                    break;
                }
                // the operator off the coverage once for all their windows: a window changes only their own days
                days.forEach(covered::giveBack);
                try {
                    for (int from = offset - window; from < periodDays; from += window) {
                        if (deadline.passed()) {
                            break;
                        }
                        added += replan(days, Math.max(0, from), Math.min(periodDays, from + window) - 1, covered,
                                unavailable, random, set);
                    }
                } finally {
                    days.forEach(covered::take);
                }
            }
            gains.add(added);
            if (added <= 0 || added < gains.getFirst() / 100) {
                finished = true;
            }
        }
    }

    /**
     * Replans one operator's open days in {@code from..to} against {@code covered}, the coverage of everybody else;
     * returns what that added (0: kept as they were).
     */
    private static double replan(List<OperatorDay> days, int from, int to, Residual covered, Set<String> unavailable,
            Random random, java.util.function.BiConsumer<OperatorDay, OperatorPatternSearch.Choice> set) {
        if (to < from) {
            return 0;
        }
        OperatorPatternSearch search = new OperatorPatternSearch(days, unavailable, from, to);
        OperatorPatternSearch.Choice[] choices = search.search(covered::gain, random, 1, RebuildOperatorMove.NODE_LIMIT,
                0, false, true, true);
        if (choices == null) {
            return 0;
        }
        // the days of a window are different days: each one's gain against the others' coverage adds up
        double now = 0;
        double planned = 0;
        for (int p = 0; p < search.span(); p++) {
            OperatorDay d = search.dayAt(p);
            if (!search.isOpen(p)) {
                continue;
            }
            if (d.isWorking()) {
                now += covered.gain(d, d.getShift(), d.getQueue());
            }
            if (choices[p].shift() != null) {
                planned += covered.gain(d, choices[p].shift(), choices[p].queue());
            }
        }
        if (planned <= now + 1e-3) {
            return 0;
        }
        for (int p = 0; p < search.span(); p++) {
            if (search.isOpen(p)) {
                set.accept(search.dayAt(p), choices[p]);
            }
        }
        return planned - now;
    }
}
