package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The construction phase: gives every operator whose days break a hard rule of their contract (or who has no shift
 * yet) a legal set of shifts for the whole period, one operator after another, each taking the shifts that cover
 * the most demand the operators before them left uncovered ({@link OperatorPatternSearch}). Operators with the
 * fewest choices go first (night workers, part-timers), so they are not left only with what nobody else could
 * take.
 *
 * <p>Hard rules are per operator, so the roster starts without hard violations, and local search (which never
 * accepts a step that breaks one from there) spends its time on coverage. The generic construction heuristic it
 * replaces filled one day at a time: under tight contracts (a night block needs 48 h rest, a week its hours) it
 * left the demo month at −1260 hard after 10 s, and local search spent most of its time on mending contracts.
 *
 * <p>An operator already legal with shifts (a re-solved draft, a replanned published roster) is kept as is. When
 * no legal set is found within the step limit, the period minimum is given up for that operator (local search's
 * hours repair then looks for the missing hours); if even that fails, the operator's days are left as they were.
 *
 * <p>It runs in {@link #STEPS} steps and stops at the solve's deadline or a stop ({@link SolveControl}), which
 * OptaPlanner's termination cannot do inside a custom phase: the operators planned by then keep their new days.
 */
public class PatternConstruction implements CustomPhaseCommand<RosterSolution> {

    static final long NODE_LIMIT = 20_000;
    static final int ATTEMPTS = 12;
    /**
     * The construction runs in steps of the phase (see {@link RosterSolverConfig}), each planning the next twentieth of
     * the operators, or what it can in {@link #STEP_MILLIS}: after every step OptaPlanner takes the roster as the best
     * so far when it is, so a long construction is saved and shown while it goes on.
     */
    public static final int STEPS = 20;
    /** The longest step (bar the last one, which plans all the rest). */
    static final long STEP_MILLIS = 5_000;
    /** Steps in the phase: steps after the construction is done return at once. */
    public static final int MAX_STEPS = 100;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PatternConstruction.class);

    private long budgetMillis = Long.MAX_VALUE;

    /** The most the construction may take, in milliseconds (the solver's time limit, from its custom properties). */
    public void setBudgetMillis(String millis) {
        this.budgetMillis = Long.parseLong(millis);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RosterSolution> sd) {
        RosterSolution solution = sd.getWorkingSolution();
        Progress progress = solution.constructionProgress;
        if (progress == null) {
            progress = new Progress(solution, solution.phaseDeadline(budgetMillis, 1.0));
            solution.constructionProgress = progress;
        }
        boolean last = ++progress.steps >= MAX_STEPS;
        SolveControl.Deadline step = last ? progress.deadline : progress.deadline.within(STEP_MILLIS);
        if (progress.plan(progress.perStep(STEPS), step, (d, c) -> set(sd, d, c))) {
            sd.triggerVariableListeners();
        }
    }

    /**
     * Plans the operators that need it (see the class comment), handing each open day's new value to {@code set}
     * (which must apply it before the next operator is planned: the coverage left is read from the days).
     *
     * @return the operators whose days break a hard rule after all (the period minimum given up, or left as they were)
     */
    static List<SolverOperator> plan(RosterSolution solution, BiConsumer<OperatorDay, OperatorPatternSearch.Choice> set) {
        Progress progress = new Progress(solution, SolveControl.Deadline.none());
        progress.plan(Integer.MAX_VALUE, progress.deadline, set);
        return progress.failed;
    }

    /**
     * The construction so far: the operators to plan in their order, how many are planned, the coverage they leave.
     * At the deadline (or a stop) the operators not planned yet keep their days as they are.
     */
    static final class Progress {

        private final List<OperatorPatternSearch> rebuild = new ArrayList<>();
        private final Residual residual;
        private final Random random = new Random(17);
        private final SolveControl.Deadline deadline;
        private final List<SolverOperator> failed = new ArrayList<>();
        private int next;
        private int steps;
        private boolean stopped;

        Progress(RosterSolution solution, SolveControl.Deadline deadline) {
            this.deadline = deadline;
            Set<String> unavailable = OperatorPatternSearch.unavailable(solution);
            Map<Long, List<OperatorDay>> byOperator = new LinkedHashMap<>();
            for (OperatorDay d : solution.getDays()) {
                byOperator.computeIfAbsent(d.operatorId(), k -> new ArrayList<>()).add(d);
            }
            residual = new Residual(solution);
            for (List<OperatorDay> days : byOperator.values()) {
                OperatorPatternSearch search = new OperatorPatternSearch(days, unavailable);
                boolean fresh = days.stream().noneMatch(d -> d.isInPeriod() && !d.isPinned() && d.isWorking());
                if (!fresh && search.isLegal()) {
                    days.forEach(residual::take);
                } else {
                    days.stream().filter(d -> !d.isInPeriod() || d.isPinned()).forEach(residual::take);
                    rebuild.add(search);
                }
            }
            rebuild.sort(Comparator.comparingLong(PatternConstruction::choices).thenComparingLong(s -> s.operator().id()));
        }

        /** Operators per step when the construction is split into {@code steps} steps. */
        int perStep(int steps) {
            return Math.max(1, (rebuild.size() + steps - 1) / steps);
        }

        /**
         * Plans up to {@code count} more operators, fewer when {@code step} passes (at the construction's own deadline
         * for good); whether it changed any.
         */
        boolean plan(int count, SolveControl.Deadline step, BiConsumer<OperatorDay, OperatorPatternSearch.Choice> set) {
            boolean changed = false;
            for (int n = 0; n < count && next < rebuild.size() && !stopped; n++) {
                if (deadline.passed()) {
                    stopped = true;
                    LOG.info("Construction stopped at the solve's deadline or stop after {} of {} operators; the others keep their days",
                            next, rebuild.size());
                    break;
                }
                if (n > 0 && step.passed()) {
                    break;
                }
                planOne(rebuild.get(next++), set);
                changed = true;
            }
            return changed;
        }

        private void planOne(OperatorPatternSearch search, BiConsumer<OperatorDay, OperatorPatternSearch.Choice> set) {
            OperatorPatternSearch.Gain gain = residual::gain;
            // the best legal set within the step limit, else the first legal one of several tries, else give up the minimum
            OperatorPatternSearch.Choice[] choices = search.search(gain, random, 1, NODE_LIMIT, 0, false, true, true);
            if (choices == null) {
                choices = search.search(gain, random, ATTEMPTS, NODE_LIMIT, residual.noise(), true);
            }
            if (choices == null) {
                // long horizons with tight totals: the legal sets may be few; look for one by working time first
                choices = search.search((d, shift, q) -> shift.paidMinutes() + gain.of(d, shift, q), random, ATTEMPTS,
                        NODE_LIMIT, 60, true);
            }
            if (choices == null) {
                failed.add(search.operator());
                choices = search.search(gain, random, ATTEMPTS, NODE_LIMIT, residual.noise(), false);
            }
            for (int p = 0; p < search.span(); p++) {
                OperatorDay d = search.dayAt(p);
                if (d == null || !d.isInPeriod() || d.isPinned()) {
                    continue;
                }
                if (choices != null) {
                    set.accept(d, choices[p]);
                }
                residual.take(d);
            }
        }
    }

    /** How many (day, shift) choices the operator's open days offer: fewer goes first. */
    private static long choices(OperatorPatternSearch search) {
        long n = 0;
        for (int p = 0; p < search.span(); p++) {
            OperatorDay d = search.dayAt(p);
            if (d != null && d.isInPeriod() && !d.isPinned()) {
                n += d.getShiftRange().size();
            }
        }
        return n;
    }

    static void set(ScoreDirector<RosterSolution> sd, OperatorDay d, OperatorPatternSearch.Choice c) {
        if (!java.util.Objects.equals(d.getShift(), c.shift())) {
            sd.beforeVariableChanged(d, "shift");
            d.setShift(c.shift());
            sd.afterVariableChanged(d, "shift");
        }
        Long queue = c.shift() == null ? d.getQueue() : c.queue();
        if (!java.util.Objects.equals(d.getQueue(), queue)) {
            sd.beforeVariableChanged(d, "queue");
            d.setQueue(queue);
            sd.afterVariableChanged(d, "queue");
        }
    }
}
