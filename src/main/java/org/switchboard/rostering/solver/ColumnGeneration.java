package org.switchboard.rostering.solver;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Between the passes ({@link PatternSweep}) and local search: the roster as a choice of one whole-period plan per
 * operator, made for all operators at once. A plan (a column) is one operator's legal shifts for every open day,
 * found by the same per-operator search as the rebuild moves ({@link OperatorPatternSearch}). The choice among the
 * plans found is a linear model of the coverage rule and the wishes: every (queue, slot) with demand is a row,
 * covered by the plans' shifts, with one operator short or too many there at its weight; every operator works
 * exactly one plan.
 * <ol>
 *   <li>Column generation: the linear relaxation (OR-Tools' GLOP) prices every (queue, slot) (its dual value); each
 *       operator's search then looks for the plan worth most at those prices, and a plan worth more than the
 *       operator's current share (a negative reduced cost) joins the model. Repeated until no operator has such a
 *       plan. The searches cut every branch that cannot beat the share, and when none of the last round's searches
 *       stopped at its node limit the relaxation's value is a proven lower bound. The prices searched with are
 *       smoothed (half the best prices so far), which measured better on Curtois–Qu (docs/benchmarks.md).</li>
 *   <li>Dives, up to {@link #MAX_DIVES}, each from the relaxation with all plans found so far, until the time share
 *       for steps 1 and 2 is spent. A dive fixes what the relaxation settles on, prices a few rounds for what is
 *       left, and again, until the relaxation takes one whole plan per operator. Dives fix in turn
 *       <ul>
 *         <li>single days: an operator's choice on a day that at least 0.9 of their plans take, or when no such
 *             choice is still split, the largest shares of a sixteenth of the split days, the rest of the operator's
 *             plan left to pricing;</li>
 *         <li>whole plans: those the relaxation gives at least 0.9, or the largest of a sixteenth of the operators
 *             still open.</li>
 *       </ul>
 *       Neither is best on every roster (measured on Curtois–Qu, docs/benchmarks.md).</li>
 *   <li>The integer model over all plans found (OR-Tools' SCIP, the best dive's roster or else the roster as it is
 *       as the start) picks one plan per operator; it is kept when it is worth more than the roster as it is.</li>
 * </ol>
 * Single-operator changes, which local search and {@link PatternSweep} make, stop where every operator's plan is
 * the best answer to everybody else's; the prices of step 1 say where coverage is worth most to the whole roster,
 * so plans that only pay off together (one operator gives up a night another needs to reach their maximum) are
 * found and chosen together. This is how the best-known Curtois–Qu results were found (branch and price).
 *
 * <p>Rules between operators are only coverage, so a plan legal on its own is legal in any combination. The
 * fairness rules are not in the model; local search weighs them afterwards. Everything is bounded by a time budget
 * ({@link #setBudgetMillis}); without OR-Tools' native libraries for the platform the phase does nothing.
 */
public class ColumnGeneration implements CustomPhaseCommand<RosterSolution> {

    /** The per-operator search's node limit when pricing (the rebuild moves use {@link RebuildOperatorMove#NODE_LIMIT}). */
    static final long PRICING_NODE_LIMIT = 20_000;
    /** The share of the budget column generation and the dive may take; the integer model gets the rest. */
    static final double PRICING_SHARE = 0.6;
    private static final double EPS = 1e-6;
    /** A plan the relaxation gives at least 1 - this is fixed in the dive with the others that are. */
    static final double DIVE_SETTLED = 0.1;
    /** The share of the operators still open whose largest plan the dive fixes when none is settled. */
    static final double DIVE_FRACTION = 0.0625;
    /** Pricing rounds after each fixing in the dive. */
    static final int DIVE_ROUNDS = 5;
    /**
     * Dives at most, alternately fixing days and whole plans, each from the relaxation with all plans found before
     * (the time share ends them first on the larger 28-day instances).
     */
    static final int MAX_DIVES = 12;
    /**
     * Dual smoothing (Wentges): the prices searched with are this share of the best prices so far (by their
     * Lagrangian bound) and the rest the linear model's; 0 searches with the linear model's alone.
     */
    static final double SMOOTHING = 0.5;
    /**
     * Pricing rounds the time for them must have room for, at the pace of the first; else the phase gives up (a
     * 28-day roster converges in 20 to 40 rounds, a dive takes as many again).
     */
    static final int MIN_ROUNDS = 40;
    private static final int CONVERGED = 1;
    private static final int ROUND_LIMIT = 0;
    private static final int STOPPED = -1;
    /**
     * The models' unit: {@link Residual}'s values count a medium point as 1 and a soft point as 1/1000; times this,
     * a soft point is 1 (the solvers' tolerances are made for values of that size).
     */
    private static final double SCALE = 1000;
    /**
     * A row's missing operators are modelled one step each up to this many (a service curve's, see {@link Residual});
     * any more cost the last step modelled (an approximation the score itself does not make).
     */
    static final int MAX_SEGMENTS = 8;
    /** The longest time limit given to one model (a solve without a deadline of its own). */
    private static final long MAX_MODEL_MILLIS = 24 * 3600 * 1000L;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ColumnGeneration.class);
    private static volatile Boolean available;

    /**
     * Open operator-days above which the phase is left out and its time goes to local search. On Curtois–Qu, where
     * the relaxation converged within the phase's time (up to 45 operators × 42 days and 22 × 84, 1,890 operator-days
     * at most) the chosen plans were kept and helped; on the larger instances (120 × 28, 40 × 84 and more, 3,360
     * operator-days and up) it either gave up at once or ran its whole time without converging and kept nothing, two
     * fifths of the time lost (docs/benchmarks.md).
     */
    static final int MAX_CELLS = 2000;

    /** The share of the time limit this phase may take (see {@link RosterSolverConfig}). */
    static final double SHARE_OF_LIMIT = 0.4;

    private long budgetMillis = 10_000;

    /** The most the phase may take, in milliseconds (set from the solver configuration's custom properties). */
    public void setBudgetMillis(String millis) {
        this.budgetMillis = Long.parseLong(millis);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<RosterSolution> sd) {
        if (!available()) {
            return;
        }
        RosterSolution solution = sd.getWorkingSolution();
        long cells = openCells(solution);
        if (cells > MAX_CELLS) {
            LOG.info("Column generation: left out, {} open operator-days (more than {}), the time to local search", cells, MAX_CELLS);
            return;
        }
        Report report = run(solution, solution.phaseDeadline(budgetMillis, SHARE_OF_LIMIT), (d, c) -> PatternConstruction.set(sd, d, c));
        LOG.info("Column generation: {}", report);
        sd.triggerVariableListeners();
    }

    /**
     * The operators with open days times the period's days, as {@link RebuildOperatorMove.Factory#prepare} counts them
     * (without building the coverage that {@link #run} builds anyway).
     */
    static long openCells(RosterSolution solution) {
        Set<Long> operators = new HashSet<>();
        int days = 0;
        for (OperatorDay d : solution.getDays()) {
            if (d.isInPeriod()) {
                days = Math.max(days, d.getDayIndex() + 1);
                if (!d.isPinned()) {
                    operators.add(d.operatorId());
                }
            }
        }
        return (long) operators.size() * days;
    }

    /** Whether OR-Tools' native libraries load on this platform (once; later calls answer from memory). */
    static boolean available() {
        if (available == null) {
            synchronized (ColumnGeneration.class) {
                if (available == null) {
                    try {
                        Loader.loadNativeLibraries();
                        available = true;
                    } catch (Throwable e) {
                        LOG.warn("OR-Tools is not available on this platform, the roster solver goes on without column generation: {}", e.toString());
                        available = false;
                    }
                }
            }
        }
        return available;
    }

    /**
     * What the phase did: rounds of pricing, dives and their steps, plans in the model, the linear bound and the
     * values of the roster before, after the best dive and as chosen (the coverage and wishes part of the score,
     * lower is better, a soft point counting 1 and a medium point 1000), the milliseconds of each step.
     */
    record Report(int rounds, int dives, int steps, int columns, boolean converged, boolean exact, int cutSearches,
            double bound, double before, double dived, double after, boolean kept, long pricingMillis, long integerMillis) {
        @Override
        public String toString() {
            if (Double.isNaN(before)) {
                return String.format(Locale.ROOT, "given up after %d ms: %d rounds of pricing would not fit the time", pricingMillis, MIN_ROUNDS);
            }
            return String.format(Locale.ROOT,
                    "%d rounds, %d dives in %d steps, %d plans (%d searches cut), linear bound %s, roster %.1f, best dive %.1f, chosen %.1f (%s), pricing and dives %d ms, integer model %d ms",
                    rounds, dives, steps, columns, cutSearches,
                    converged ? String.format(Locale.ROOT, "%.1f%s", bound, exact ? " (proven)" : "") : "(not converged)",
                    before, dived, after, kept ? "kept" : "not kept", pricingMillis, integerMillis);
        }
    }

    /** One operator's plan for all of their open days. */
    private record Column(int operator, OperatorPatternSearch.Choice[] choices, int[] rows, int[] counts, double cost) {
    }

    /** What a dive step fixes: single days of operators (choices the solution settles on), or whole plans. */
    enum Dive {
        DAYS, PLANS
    }

    /**
     * Runs the steps on {@code solution}, handing each changed open day's new value to {@code set} when the chosen
     * plans are kept.
     */
    static Report run(RosterSolution solution, long budgetMillis, BiConsumer<OperatorDay, OperatorPatternSearch.Choice> set) {
        return run(solution, solution.getControl().phase(budgetMillis), set);
    }

    /** As above, until {@code deadline} (which a stop of the solve also ends, see {@link SolveControl}). */
    static Report run(RosterSolution solution, SolveControl.Deadline deadline, BiConsumer<OperatorDay, OperatorPatternSearch.Choice> set) {
        long start = System.nanoTime();
        SolveControl.Deadline pricingDeadline = deadline.within((long) (deadline.millisLeft() * PRICING_SHARE));
        RebuildOperatorMove.Factory.Prepared prepared = RebuildOperatorMove.Factory.prepare(solution);
        int periodDays = prepared.periodDays();
        Residual demand = prepared.demand();
        // what the plans are made for: the demand less what the days nobody replans cover
        Set<OperatorDay> planned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<OperatorPatternSearch> searches = new ArrayList<>();
        for (List<OperatorDay> days : prepared.operators()) {
            OperatorPatternSearch search = new OperatorPatternSearch(days, prepared.unavailable(), 0, periodDays - 1);
            searches.add(search);
            for (int p = 0; p < search.span(); p++) {
                if (search.isOpen(p)) {
                    planned.add(search.dayAt(p));
                }
            }
        }
        // the plans' costs count wishes relative to a day off; what days off would break is the same for all plans
        double offset = 0;
        for (OperatorDay d : solution.getDays()) {
            if (!planned.contains(d)) {
                demand.take(d);
            } else {
                offset += SCALE * demand.offWishCost(d);
            }
        }
        Model m = new Model(searches, demand, pricingDeadline);
        MPSolver mip = null;
        try {
            int[] current = m.addCurrent();
            // 1. column generation on the linear relaxation
            long[] gate = {Math.min(Long.MAX_VALUE / 4, pricingDeadline.millisLeft()) * 1_000_000L};
            int state = m.generate(Integer.MAX_VALUE, gate);
            if (gate[0] < 0) {
                return new Report(m.rounds, 0, 0, m.columns.size(), false, false, m.cutSearches, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
                        (System.nanoTime() - start) / 1_000_000, 0);
            }
            boolean converged = state == CONVERGED;
            boolean exact = converged && m.exact;
            double bound = converged ? m.lp.objective().value() : Double.NaN;
            // 2. dives, fixing days and whole plans in turn, each from the relaxation with all plans found so far
            int[] dived = null;
            double diveValue = Double.NaN;
            int dives = 0;
            while (state != STOPPED && dives < MAX_DIVES) {
                if (dives > 0) {
                    m.release();
                    state = m.generate(Integer.MAX_VALUE, null);
                    if (state == STOPPED) {
                        break;
                    }
                }
                int stepsBefore = m.steps;
                int[] plans = m.dive(dives % 2 == 0 ? Dive.DAYS : Dive.PLANS);
                if (plans == null) {
                    break;
                }
                dives++;
                double value = SCALE * value(m.columns, plans, m.rows, demand);
                if (dived == null || value < diveValue) {
                    dived = plans;
                    diveValue = value;
                }
                if (m.steps == stepsBefore) {
                    // the relaxation already takes one whole plan per operator: another dive would find the same
                    break;
                }
            }
            long pricingMillis = (System.nanoTime() - start) / 1_000_000;

            // 3. the integer model over all plans found, started from the best dive's roster (else the roster as it is)
            long integerStart = System.nanoTime();
            double before = SCALE * value(m.columns, current, m.rows, demand);
            int[] chosen = dived != null && diveValue < before ? dived : null;
            double after = chosen != null ? diveValue : before;
            if (m.rounds > 0 && !deadline.passed() && m.columns.size() > searches.size()) {
                mip = MPSolver.createSolver("SCIP");
                int[] integral = chooseIntegral(mip, m.columns, searches.size(), m.rows, demand, chosen != null ? chosen : current, deadline);
                double value = integral == null ? Double.NaN : SCALE * value(m.columns, integral, m.rows, demand);
                if (integral != null && value < after) {
                    chosen = integral;
                    after = value;
                }
            }
            boolean kept = chosen != null && after < before - 1e-3;
            if (kept) {
                for (int o = 0; o < searches.size(); o++) {
                    if (chosen[o] != current[o]) {
                        OperatorPatternSearch search = searches.get(o);
                        OperatorPatternSearch.Choice[] plan = m.columns.get(chosen[o]).choices();
                        for (int p = 0; p < search.span(); p++) {
                            if (search.isOpen(p)) {
                                set.accept(search.dayAt(p), plan[p]);
                            }
                        }
                    }
                }
            }
            return new Report(m.rounds, dives, m.steps, m.columns.size(), converged, exact, m.cutSearches, bound + offset, before + offset,
                    diveValue + offset, (kept ? after : before) + offset, kept,
                    pricingMillis, (System.nanoTime() - integerStart) / 1_000_000);
        } finally {
            m.lp.delete();
            if (mip != null) {
                mip.delete();
            }
        }
    }

    /**
     * The linear model (OR-Tools' GLOP) with the plans found so far, the operators' searches that price new ones, and
     * the dives' state: the operators whose plan is fixed, and (in the searches) the days fixed to one choice.
     */
    private static final class Model {
        final MPSolver lp = MPSolver.createSolver("GLOP");
        final List<OperatorPatternSearch> searches;
        final Residual demand;
        /** Per (queue, slot) with demand, {queue row, slot}; {@link #rowOf} maps them back. */
        final List<int[]> rows = new ArrayList<>();
        final int[] rowOf;
        final int slots;
        final MPConstraint[] cover;
        final MPConstraint[] convexity;
        final List<Column> columns = new ArrayList<>();
        final List<MPVariable> vars = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        /** Per operator, the plan a dive fixed (-1: none); such operators are priced no more. */
        final int[] fixed;
        /** When pricing (and so the dives) must stop. */
        final SolveControl.Deadline deadline;
        int rounds;
        int steps;
        /** Pricing searches stopped by their node limit (so a better plan may have been missed). */
        int cutSearches;
        /** Whether the last convergence was proven: every operator's search finished without finding a better plan. */
        boolean exact;
        /** Whether no dive has fixed anything (the relaxation is the whole model's). */
        boolean free = true;

        Model(List<OperatorPatternSearch> searches, Residual demand, SolveControl.Deadline deadline) {
            this.searches = searches;
            this.demand = demand;
            this.deadline = deadline;
            this.slots = demand.slots();
            this.rowOf = new int[demand.queues() * slots];
            Arrays.fill(rowOf, -1);
            for (int q = 0; q < demand.queues(); q++) {
                for (int s = 0; s < slots; s++) {
                    if (demand.hasDemand(q, s)) {
                        rowOf[q * slots + s] = rows.size();
                        rows.add(new int[] {q, s});
                    }
                }
            }
            this.cover = coverRows(lp, rows, demand);
            this.convexity = new MPConstraint[searches.size()];
            for (int o = 0; o < searches.size(); o++) {
                convexity[o] = lp.makeConstraint(1, 1);
            }
            this.fixed = new int[searches.size()];
            Arrays.fill(fixed, -1);
        }

        /** Adds the roster as it is, one plan per operator (so the model always has it as a solution); their indexes. */
        int[] addCurrent() {
            int[] current = new int[searches.size()];
            for (int o = 0; o < searches.size(); o++) {
                OperatorPatternSearch search = searches.get(o);
                OperatorPatternSearch.Choice[] now = new OperatorPatternSearch.Choice[search.span()];
                for (int p = 0; p < search.span(); p++) {
                    OperatorDay d = search.dayAt(p);
                    now[p] = search.isOpen(p) ? new OperatorPatternSearch.Choice(d.getShift(), d.isWorking() ? d.getQueue() : null) : null;
                }
                current[o] = columns.size();
                add(column(o, now));
            }
            return current;
        }

        /**
         * Rounds of pricing for the operators without a fixed plan: the linear model solved, each such operator's
         * best plan at its prices added when its reduced cost is negative. Returns {@link #CONVERGED} when a round
         * adds nothing, {@link #ROUND_LIMIT} after {@code maxRounds} rounds (the model solved again with their
         * plans), and {@link #STOPPED} at the deadline or when the linear model has no optimum. With {@code gate}
         * (nanoseconds for pricing), the first round stops early, setting {@code gate[0]} to -1, when at its pace
         * (the linear model's solving and the pricing so far) {@link #MIN_ROUNDS} rounds would not fit. While no dive
         * has fixed anything, the searches price with smoothed prices ({@link #SMOOTHING}); a round that finds nothing
         * at those is priced again at the linear model's own, so convergence is always judged at the model's prices.
         */
        int generate(int maxRounds, long[] gate) {
            // dual smoothing (Wentges): the round whose prices had the best Lagrangian bound so far; the searches
            // price between its prices and the linear model's while no dive has fixed anything
            Round center = null;
            for (int round = 0; round < maxRounds; round++) {
                long solveStart = System.nanoTime();
                if (deadline.passed() || solve(lp, deadline) != MPSolver.ResultStatus.OPTIMAL) {
                    return STOPPED;
                }
                long solveTime = System.nanoTime() - solveStart;
                rounds++;
                // all duals read before the first plan joins (the model's solution is gone once it changes)
                double[] price = new double[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    price[r] = cover[r].dualValue() / SCALE;
                }
                double[] share = new double[convexity.length];
                for (int o = 0; o < convexity.length; o++) {
                    share[o] = convexity[o].dualValue() / SCALE;
                }
                boolean smooth = SMOOTHING > 0 && free;
                Round r = null;
                if (smooth && center != null) {
                    r = price(mix(center.price(), price), mix(center.share(), share), price, share, gate, solveTime);
                    if (r == null) {
                        return STOPPED;
                    }
                    center = r.bound() > center.bound() ? r : center;
                }
                if (r == null || r.added() == 0) {
                    // not smoothed, or nothing at the smoothed prices (a mispricing): the linear model's own prices decide
                    r = price(price, share, price, share, gate, solveTime);
                    if (r == null) {
                        return STOPPED;
                    }
                    if (smooth && (center == null || r.bound() > center.bound())) {
                        center = r;
                    }
                }
                if (r.added() == 0) {
                    // without a cut search, no operator has a plan worth more than their share: the bound is exact
                    exact = r.cut() == 0;
                    return CONVERGED;
                }
            }
            // the last round's plans are in the model but not yet in its solution
            return solve(lp, deadline) == MPSolver.ResultStatus.OPTIMAL ? ROUND_LIMIT : STOPPED;
        }

        /**
         * What a round of pricing did: plans added, searches cut, and the Lagrangian bound at the prices and shares
         * it searched with.
         */
        private record Round(int added, int cut, double bound, double[] price, double[] share) {
        }

        private double[] mix(double[] center, double[] now) {
            double[] out = new double[now.length];
            for (int i = 0; i < now.length; i++) {
                out[i] = SMOOTHING * center[i] + (1 - SMOOTHING) * now[i];
            }
            return out;
        }

        /**
         * Each open operator's best plan at the prices {@code sp} and shares {@code ss}, added when their reduced
         * cost at the linear model's prices ({@code price}, {@code share}) is negative. Null when the deadline or
         * the gate stopped the round.
         */
        private Round price(double[] sp, double[] ss, double[] price, double[] share, long[] gate, long solveTime) {
            OperatorPatternSearch.Gain gain = (d, shift, queue) -> {
                double g = demand.wishGain(d, shift);
                int q = demand.queueRow(queue);
                for (int slot : shift.coveredSlots()) {
                    int r = row(q, slot);
                    g += r < 0 ? -demand.surplusCost() : sp[r];
                }
                return g;
            };
            int added = 0;
            int cut = 0;
            // the Lagrangian bound: what the rows require at their prices, plus each operator's least reduced cost
            double bound = 0;
            for (int r = 0; r < rows.size(); r++) {
                int q = rows.get(r)[0];
                int s = rows.get(r)[1];
                int rem = demand.target(q, s);
                bound += rem * sp[r];
                if (!demand.flat(q, s)) {
                    // the missing operators cheaper than their price lower the bound (all but the last segment hold one)
                    int segments = Math.clamp(rem, 1, MAX_SEGMENTS);
                    for (int k = 1; k < segments; k++) {
                        bound += Math.min(0, demand.shortageCost(q, s, k) - sp[r]);
                    }
                }
            }
            long roundStart = System.nanoTime();
            for (int o = 0; o < searches.size(); o++) {
                if (fixed[o] >= 0) {
                    continue;
                }
                if (deadline.passed()) {
                    return null;
                }
                if (gate != null && rounds == 1
                        && (solveTime + (o == 0 ? 0 : (System.nanoTime() - roundStart) / o * (long) searches.size())) * MIN_ROUNDS > gate[0]) {
                    // at this pace the prices would not settle within the time: leave the time to local search
                    gate[0] = -1;
                    return null;
                }
                OperatorPatternSearch search = searches.get(o);
                // only plans worth more than the operator's share (a negative reduced cost) are searched for
                OperatorPatternSearch.Choice[] plan = search.best(gain, PRICING_NODE_LIMIT, -ss[o] + EPS);
                if (search.wasCut()) {
                    cut++;
                    cutSearches++;
                }
                double least = ss[o];
                if (plan != null) {
                    Column c = column(o, plan);
                    double reduced = c.cost() - share[o];
                    double smoothed = c.cost();
                    for (int i = 0; i < c.rows().length; i++) {
                        reduced -= c.counts()[i] * price[c.rows()[i]];
                        smoothed -= c.counts()[i] * sp[c.rows()[i]];
                    }
                    least = Math.min(least, smoothed);
                    if (reduced < -EPS && add(c)) {
                        added++;
                    }
                }
                bound += least;
            }
            return new Round(added, cut, bound, sp, ss);
        }

        /**
         * One dive from the linear model's solution: fixes what it settles on ({@code kind}), prices a few rounds for
         * what is left, and again, until the solution takes one whole plan per operator. Returns those plans, or
         * null when the time ran out first.
         */
        int[] dive(Dive kind) {
            while (true) {
                int[] whole = integral();
                if (whole != null) {
                    return whole;
                }
                steps++;
                if (kind == Dive.DAYS) {
                    fixDays();
                } else {
                    fixPlans();
                }
                if (generate(DIVE_ROUNDS, null) == STOPPED) {
                    return null;
                }
            }
        }

        /** Undoes a dive's fixing: every plan back in the model, every day and operator free again. */
        void release() {
            free = true;
            for (MPVariable x : vars) {
                x.setBounds(0, MPSolver.infinity());
            }
            for (OperatorPatternSearch search : searches) {
                search.clearRestrictions();
            }
            Arrays.fill(fixed, -1);
        }

        /** Per operator the plan the linear model's solution takes whole, or null when some operator's is split. */
        private int[] integral() {
            int[] whole = new int[searches.size()];
            Arrays.fill(whole, -1);
            for (int i = 0; i < columns.size(); i++) {
                if (vars.get(i).solutionValue() > 1 - EPS) {
                    whole[columns.get(i).operator()] = i;
                }
            }
            return Arrays.stream(whole).allMatch(i -> i >= 0) ? whole : null;
        }

        /**
         * A dive step on whole plans: fixes the plans the solution takes at least 1 - {@link #DIVE_SETTLED} of, or
         * when there are none, the largest plans of {@link #DIVE_FRACTION} of the operators still open.
         */
        private void fixPlans() {
            free = false;
            // per operator still open, the plan the relaxation gives most of
            int[] top = new int[searches.size()];
            Arrays.fill(top, -1);
            List<Integer> settled = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                int o = columns.get(i).operator();
                if (fixed[o] >= 0) {
                    continue;
                }
                double x = vars.get(i).solutionValue();
                if (x > 1 - DIVE_SETTLED) {
                    settled.add(i);
                } else if (top[o] < 0 || x > vars.get(top[o]).solutionValue()) {
                    top[o] = i;
                }
            }
            if (settled.isEmpty()) {
                List<Integer> candidates = new ArrayList<>();
                for (int i : top) {
                    if (i >= 0) {
                        candidates.add(i);
                    }
                }
                candidates.sort(java.util.Comparator.comparingDouble((Integer i) -> vars.get(i).solutionValue()).reversed());
                int k = Math.max(1, (int) Math.ceil(candidates.size() * DIVE_FRACTION));
                settled.addAll(candidates.subList(0, Math.min(k, candidates.size())));
            }
            for (int i : settled) {
                fixed[columns.get(i).operator()] = i;
                vars.get(i).setBounds(1, 1);
            }
        }

        /**
         * A dive step on days: fixes the days of operators the solution (nearly) settles on (at least
         * 1 - {@link #DIVE_SETTLED} of the operator's plans take the same choice there), and when none of them is
         * still split, the largest shares of {@link #DIVE_FRACTION} of the split days. A day is fixed only while
         * some plan in the solution keeps every day fixed so far, so each operator keeps a legal plan in the model;
         * plans that break a fixed day leave it (bound 0), and pricing keeps to the fixed days. Operators with every
         * open day fixed keep their one plan left and are priced no more. Fixing single days leaves the rest of an
         * operator's plan to later pricing, where fixing whole plans fixes all of it.
         */
        private void fixDays() {
            free = false;
            int operators = searches.size();
            List<List<Integer>> used = new ArrayList<>();
            for (int o = 0; o < operators; o++) {
                used.add(new ArrayList<>());
            }
            for (int i = 0; i < columns.size(); i++) {
                if (vars.get(i).solutionValue() > EPS) {
                    used.get(columns.get(i).operator()).add(i);
                }
            }
            List<DayFix> settled = new ArrayList<>();
            List<DayFix> split = new ArrayList<>();
            for (int o = 0; o < operators; o++) {
                OperatorPatternSearch search = searches.get(o);
                for (int p = 0; fixed[o] < 0 && p < search.span(); p++) {
                    if (!search.isOpen(p) || search.restriction(p) != null) {
                        continue;
                    }
                    java.util.Map<OperatorPatternSearch.Choice, Double> shares = new java.util.HashMap<>();
                    for (int i : used.get(o)) {
                        shares.merge(columns.get(i).choices()[p], vars.get(i).solutionValue(), Double::sum);
                    }
                    for (var e : shares.entrySet()) {
                        (e.getValue() >= 1 - DIVE_SETTLED ? settled : split).add(new DayFix(o, p, e.getKey(), e.getValue()));
                    }
                }
            }
            List<DayFix> fixes = new ArrayList<>(settled);
            if (settled.stream().allMatch(f -> f.share() > 1 - EPS)) {
                split.sort(java.util.Comparator.comparingDouble(DayFix::share).reversed());
                int k = Math.max(1, (int) Math.ceil(split.size() * DIVE_FRACTION));
                fixes.addAll(split.subList(0, Math.min(k, split.size())));
            }
            fixes.sort(java.util.Comparator.comparingDouble(DayFix::share).reversed());
            // per operator, the plans in the solution that keep every day fixed so far
            List<List<Integer>> keeping = new ArrayList<>(used);
            for (DayFix fix : fixes) {
                List<Integer> left = new ArrayList<>();
                double mass = 0;
                for (int i : keeping.get(fix.operator())) {
                    if (fix.choice().equals(columns.get(i).choices()[fix.position()])) {
                        left.add(i);
                        mass += vars.get(i).solutionValue();
                    }
                }
                OperatorPatternSearch search = searches.get(fix.operator());
                if (mass > EPS && search.restriction(fix.position()) == null) {
                    keeping.set(fix.operator(), left);
                    search.restrict(fix.position(), fix.choice());
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                OperatorPatternSearch search = searches.get(c.operator());
                for (int p = 0; p < search.span(); p++) {
                    if (search.restriction(p) != null && !search.restriction(p).equals(c.choices()[p])) {
                        vars.get(i).setBounds(0, 0);
                        break;
                    }
                }
            }
            for (int o = 0; o < operators; o++) {
                OperatorPatternSearch search = searches.get(o);
                boolean all = true;
                for (int p = 0; p < search.span() && all; p++) {
                    all = !search.isOpen(p) || search.restriction(p) != null;
                }
                if (all && fixed[o] < 0 && !keeping.get(o).isEmpty()) {
                    fixed[o] = keeping.get(o).getFirst();
                }
            }
        }

        /** The model row of (queue row {@code q}, {@code slot}), -1 where nobody is required (or no queue has demand). */
        private int row(int q, int slot) {
            return q < 0 || slot >= slots ? -1 : rowOf[q * slots + slot];
        }

        /** The plan {@code choices} of operator {@code o}: the rows it covers, how often, and its cost (wishes, surplus where no demand). */
        private Column column(int o, OperatorPatternSearch.Choice[] choices) {
            OperatorPatternSearch search = searches.get(o);
            java.util.TreeMap<Integer, Integer> counts = new java.util.TreeMap<>();
            double cost = 0;
            for (int p = 0; p < search.span(); p++) {
                OperatorPatternSearch.Choice c = choices[p];
                if (!search.isOpen(p) || c.shift() == null) {
                    continue;
                }
                cost -= demand.wishGain(search.dayAt(p), c.shift());
                int q = demand.queueRow(c.queue());
                for (int slot : c.shift().coveredSlots()) {
                    int r = row(q, slot);
                    if (r < 0) {
                        cost += demand.surplusCost();
                    } else {
                        counts.merge(r, 1, Integer::sum);
                    }
                }
            }
            return new Column(o, choices, counts.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    counts.values().stream().mapToInt(Integer::intValue).toArray(), cost);
        }

        /** Adds {@code c} to the linear model unless the operator has that plan already; whether it was added. */
        private boolean add(Column c) {
            StringBuilder key = new StringBuilder().append(c.operator());
            for (OperatorPatternSearch.Choice choice : c.choices()) {
                key.append(',').append(choice == null || choice.shift() == null ? "-" : choice.shift().id() + "/" + choice.queue());
            }
            if (!seen.add(key.toString())) {
                return false;
            }
            MPVariable x = lp.makeNumVar(0, MPSolver.infinity(), "x" + columns.size());
            lp.objective().setCoefficient(x, SCALE * c.cost());
            convexity[c.operator()].setCoefficient(x, 1);
            for (int i = 0; i < c.rows().length; i++) {
                cover[c.rows()[i]].setCoefficient(x, c.counts()[i]);
            }
            columns.add(c);
            vars.add(x);
            return true;
        }
    }

    /** One open day of one operator fixed to one choice, with the share of the operator's plans that take it there. */
    private record DayFix(int operator, int position, OperatorPatternSearch.Choice choice, double share) {
    }

    /** Solves the linear model within what is left until {@code deadline} (a model of a call center's slots can take seconds). */
    private static MPSolver.ResultStatus solve(MPSolver lp, SolveControl.Deadline deadline) {
        lp.setTimeLimit(Math.max(1, Math.min(deadline.millisLeft(), MAX_MODEL_MILLIS)));
        // a stop interrupts the solving model (it checks for that as it goes)
        try (SolveControl.Registration r = deadline.control().whileSolving(lp::interruptSolve)) {
            return deadline.passed() ? MPSolver.ResultStatus.NOT_SOLVED : lp.solve();
        }
    }

    /** The model's objective for one plan per operator: the plans' costs and each row's shortage or surplus. */
    static double value(List<Column> columns, int[] choice, List<int[]> rows, Residual demand) {
        int[] count = new int[rows.size()];
        double value = 0;
        for (int c : choice) {
            Column column = columns.get(c);
            value += column.cost();
            for (int i = 0; i < column.rows().length; i++) {
                count[column.rows()[i]] += column.counts()[i];
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            int q = rows.get(r)[0];
            int s = rows.get(r)[1];
            int missing = demand.target(q, s) - count[r];
            value += missing > 0 ? demand.missingCost(q, s, missing) : -missing * demand.surplusCost(q, s);
        }
        return value;
    }

    /**
     * The coverage rows of a model to minimise, one per (queue, slot) with demand: the plans' operators there plus
     * one missing less one surplus variable equal what is still required, the missing and surplus ones at their
     * costs (whole numbers in an integer model, as they are once the plans are chosen whole).
     */
    private static MPConstraint[] coverRows(MPSolver solver, List<int[]> rows, Residual demand) {
        MPObjective objective = solver.objective();
        objective.setMinimization();
        MPConstraint[] cover = new MPConstraint[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            int q = rows.get(r)[0];
            int s = rows.get(r)[1];
            double rhs = demand.target(q, s);
            cover[r] = solver.makeConstraint(rhs, rhs);
            // a service curve's missing operators cost more the more are missing: one variable per step (at most one
            // operator each, cheapest first, as a minimising model fills them), the last for any number beyond
            int segments = demand.flat(q, s) ? 1 : Math.clamp((int) rhs, 1, MAX_SEGMENTS);
            for (int k = 1; k <= segments; k++) {
                MPVariable under = solver.makeVar(0, k < segments ? 1 : MPSolver.infinity(), solver.isMip(), "u" + r + "_" + k);
                cover[r].setCoefficient(under, 1);
                objective.setCoefficient(under, SCALE * demand.shortageCost(q, s, k));
            }
            MPVariable over = solver.makeVar(0, MPSolver.infinity(), solver.isMip(), "o" + r);
            cover[r].setCoefficient(over, -1);
            objective.setCoefficient(over, SCALE * demand.surplusCost(q, s));
        }
        return cover;
    }

    /** One plan per operator by the integer model, within {@code millis}; null when it found none. */
    private static int[] chooseIntegral(MPSolver mip, List<Column> columns, int operators, List<int[]> rows,
            Residual demand, int[] current, SolveControl.Deadline deadline) {
        if (mip == null) {
            return null;
        }
        MPObjective objective = mip.objective();
        MPConstraint[] cover = coverRows(mip, rows, demand);
        MPConstraint[] one = new MPConstraint[operators];
        for (int o = 0; o < operators; o++) {
            one[o] = mip.makeConstraint(1, 1);
        }
        MPVariable[] x = new MPVariable[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            x[i] = mip.makeBoolVar("x" + i);
            objective.setCoefficient(x[i], SCALE * c.cost());
            one[c.operator()].setCoefficient(x[i], 1);
            for (int k = 0; k < c.rows().length; k++) {
                cover[c.rows()[k]].setCoefficient(x[i], c.counts()[k]);
            }
        }
        double[] hint = new double[columns.size()];
        for (int c : current) {
            hint[c] = 1;
        }
        mip.setHint(x, hint);
        mip.setTimeLimit(Math.max(1, Math.min(deadline.millisLeft(), MAX_MODEL_MILLIS)));
        MPSolver.ResultStatus status;
        try (SolveControl.Registration r = deadline.control().whileSolving(mip::interruptSolve)) {
            status = deadline.passed() ? MPSolver.ResultStatus.NOT_SOLVED : mip.solve();
        }
        LOG.info("Integer model: {} plans for {} operators, {}, objective {}, bound {}", columns.size(), operators, status,
                objective.value(), objective.bestBound());
        if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
            return null;
        }
        int[] chosen = new int[operators];
        Arrays.fill(chosen, -1);
        for (int i = 0; i < columns.size(); i++) {
            if (x[i].solutionValue() > 0.5) {
                chosen[columns.get(i).operator()] = i;
            }
        }
        return Arrays.stream(chosen).allMatch(c -> c >= 0) ? chosen : null;
    }
}
