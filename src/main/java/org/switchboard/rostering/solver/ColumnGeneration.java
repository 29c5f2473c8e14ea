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
import java.util.Random;
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
 *       plan.</li>
 *   <li>A dive: the plans the relaxation settles on (a share of at least 0.9) are fixed, or when there are none,
 *       the largest shares of an eighth of the operators still open; then a few rounds of pricing for the others,
 *       and again, until every operator has a plan or the time share for steps 1 and 2 is spent.</li>
 *   <li>The integer model over all plans found (OR-Tools' SCIP, the dive's roster or else the roster as it is as
 *       the start) picks one plan per operator; it is kept when it is worth more than the roster as it is.</li>
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
    static final double DIVE_FRACTION = 0.125;
    /** Pricing rounds after each fixing in the dive. */
    static final int DIVE_ROUNDS = 5;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ColumnGeneration.class);
    private static volatile Boolean available;

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
        Report report = run(solution, solution.budgetMillis(budgetMillis, SHARE_OF_LIMIT), (d, c) -> PatternConstruction.set(sd, d, c));
        LOG.info("Column generation: {}", report);
        sd.triggerVariableListeners();
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
     * What the phase did: rounds of pricing, dive steps, plans in the model, the linear bound and the values of the
     * roster before, after the dive and as chosen (the coverage and wishes part of the score, lower is better, a soft
     * point counting 1 and a medium point 1000), the milliseconds of each step.
     */
    record Report(int rounds, int dives, int columns, boolean converged, double bound, double before, double dived,
            double after, boolean kept, long pricingMillis, long integerMillis) {
        @Override
        public String toString() {
            if (Double.isNaN(before)) {
                return String.format(Locale.ROOT, "given up after %d ms: %d rounds of pricing would not fit the time", pricingMillis, MIN_ROUNDS);
            }
            return String.format(Locale.ROOT,
                    "%d rounds, %d dive steps, %d plans, linear bound %s, roster %.1f, dive %.1f, chosen %.1f (%s), pricing %d ms, integer model %d ms",
                    rounds, dives, columns, converged ? String.format(Locale.ROOT, "%.1f", bound) : "(not converged)",
                    before, dived, after, kept ? "kept" : "not kept", pricingMillis, integerMillis);
        }
    }

    /** One operator's plan for all of their open days. */
    private record Column(int operator, OperatorPatternSearch.Choice[] choices, int[] rows, int[] counts, double cost) {
    }

    /**
     * Runs both steps on {@code solution}, handing each changed open day's new value to {@code set} when the chosen
     * plans are kept.
     */
    static Report run(RosterSolution solution, long budgetMillis, BiConsumer<OperatorDay, OperatorPatternSearch.Choice> set) {
        long start = System.nanoTime();
        long deadline = start + budgetMillis * 1_000_000L;
        long pricingDeadline = start + (long) (budgetMillis * PRICING_SHARE * 1_000_000L);
        RebuildOperatorMove.Factory.Prepared prepared = RebuildOperatorMove.Factory.prepare(solution);
        List<List<OperatorDay>> operators = prepared.operators();
        int periodDays = prepared.periodDays();
        Residual demand = prepared.demand();
        // what the plans are made for: the demand less what the days nobody replans cover
        Set<OperatorDay> planned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<OperatorPatternSearch> searches = new ArrayList<>();
        for (List<OperatorDay> days : operators) {
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
        int slots = demand.slots();
        int[] rowOf = new int[demand.queues() * slots];
        Arrays.fill(rowOf, -1);
        List<int[]> rows = new ArrayList<>();
        for (int q = 0; q < demand.queues(); q++) {
            for (int s = 0; s < slots; s++) {
                if (demand.hasDemand(q, s)) {
                    rowOf[q * slots + s] = rows.size();
                    rows.add(new int[] {q, s});
                }
            }
        }

        MPSolver lp = MPSolver.createSolver("GLOP");
        MPSolver mip = null;
        try {
            MPObjective objective = lp.objective();
            MPConstraint[] cover = coverRows(lp, rows, demand);
            MPConstraint[] convexity = new MPConstraint[searches.size()];
            for (int o = 0; o < searches.size(); o++) {
                convexity[o] = lp.makeConstraint(1, 1);
            }
            List<Column> columns = new ArrayList<>();
            List<MPVariable> vars = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            // the roster as it is: one plan per operator, so the model always has the current roster as a solution
            int[] current = new int[searches.size()];
            for (int o = 0; o < searches.size(); o++) {
                OperatorPatternSearch search = searches.get(o);
                OperatorPatternSearch.Choice[] now = new OperatorPatternSearch.Choice[search.span()];
                for (int p = 0; p < search.span(); p++) {
                    OperatorDay d = search.dayAt(p);
                    now[p] = search.isOpen(p) ? new OperatorPatternSearch.Choice(d.getShift(), d.isWorking() ? d.getQueue() : null) : null;
                }
                current[o] = columns.size();
                add(column(o, search, now, demand, rowOf, slots), columns, vars, seen, lp, cover, convexity);
            }

            // 1. column generation on the linear relaxation, then a dive: the plans the relaxation (nearly) settles on
            // are fixed, a few at a time, and the others' plans generated anew for what is left
            int[] fixed = new int[searches.size()];
            Arrays.fill(fixed, -1);
            int[] rounds = new int[1];
            long[] gate = {pricingDeadline - System.nanoTime()};
            int state = generate(lp, cover, convexity, searches, fixed, demand, rowOf, slots, rows.size(), columns,
                    vars, seen, pricingDeadline, Integer.MAX_VALUE, rounds, gate);
            if (gate[0] < 0) {
                return new Report(rounds[0], 0, columns.size(), false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
                        (System.nanoTime() - start) / 1_000_000, 0);
            }
            boolean converged = state == CONVERGED;
            double bound = converged ? objective.value() : Double.NaN;
            int dives = 0;
            while (state != STOPPED) {
                int unfixed = 0;
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
                    // none settled: the largest shares, a few operators at a time
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
                for (int f : fixed) {
                    unfixed += f < 0 ? 1 : 0;
                }
                dives++;
                if (unfixed == 0) {
                    break;
                }
                state = generate(lp, cover, convexity, searches, fixed, demand, rowOf, slots, rows.size(), columns,
                        vars, seen, pricingDeadline, DIVE_ROUNDS, rounds, null);
            }
            int[] dived = Arrays.stream(fixed).allMatch(f -> f >= 0) ? fixed : null;
            long pricingMillis = (System.nanoTime() - start) / 1_000_000;

            // 2. the integer model over all plans found, started from the dive's roster (else the roster as it is)
            long integerStart = System.nanoTime();
            double before = SCALE * value(columns, current, rows, demand);
            double diveValue = dived == null ? Double.NaN : SCALE * value(columns, dived, rows, demand);
            int[] chosen = dived != null && diveValue < before ? dived : null;
            double after = chosen != null ? diveValue : before;
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (rounds[0] > 0 && left > 0 && columns.size() > searches.size()) {
                mip = MPSolver.createSolver("SCIP");
                int[] integral = chooseIntegral(mip, columns, searches.size(), rows, demand, chosen != null ? chosen : current, left);
                double value = integral == null ? Double.NaN : SCALE * value(columns, integral, rows, demand);
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
                        OperatorPatternSearch.Choice[] plan = columns.get(chosen[o]).choices();
                        for (int p = 0; p < search.span(); p++) {
                            if (search.isOpen(p)) {
                                set.accept(search.dayAt(p), plan[p]);
                            }
                        }
                    }
                }
            }
            return new Report(rounds[0], dives, columns.size(), converged, bound + offset, before + offset, diveValue + offset,
                    (kept ? after : before) + offset, kept,
                    pricingMillis, (System.nanoTime() - integerStart) / 1_000_000);
        } finally {
            lp.delete();
            if (mip != null) {
                mip.delete();
            }
        }
    }

    /**
     * Rounds of pricing for the operators without a fixed plan: the linear model solved, each such operator's best
     * plan at its prices added when its reduced cost is negative. Returns {@link #CONVERGED} when a round adds
     * nothing, {@link #ROUND_LIMIT} after {@code maxRounds} rounds (the model solved again with their plans), and
     * {@link #STOPPED} at {@code deadline} or when the linear model has no optimum. {@code rounds[0]} counts the rounds.
     * With {@code gate} (nanoseconds for pricing), the first round stops early, setting {@code gate[0]} to -1, when
     * at its pace (the linear model's solving and the pricing so far) {@link #MIN_ROUNDS} rounds would not fit.
     */
    private static int generate(MPSolver lp, MPConstraint[] cover, MPConstraint[] convexity,
            List<OperatorPatternSearch> searches, int[] fixed, Residual demand, int[] rowOf, int slots, int rowCount,
            List<Column> columns, List<MPVariable> vars, Set<String> seen, long deadline, int maxRounds, int[] rounds,
            long[] gate) {
        for (int round = 0; round < maxRounds; round++) {
            long solveStart = System.nanoTime();
            if (solveStart >= deadline || solve(lp, deadline) != MPSolver.ResultStatus.OPTIMAL) {
                return STOPPED;
            }
            long solveTime = System.nanoTime() - solveStart;
            rounds[0]++;
            // all duals read before the first plan joins (the model's solution is gone once it changes)
            double[] price = new double[rowCount];
            for (int r = 0; r < rowCount; r++) {
                price[r] = cover[r].dualValue() / SCALE;
            }
            double[] share = new double[convexity.length];
            for (int o = 0; o < convexity.length; o++) {
                share[o] = convexity[o].dualValue() / SCALE;
            }
            OperatorPatternSearch.Gain gain = (d, shift, queue) -> {
                double g = demand.wishGain(d, shift);
                int q = demand.queueRow(queue);
                for (int slot : shift.coveredSlots()) {
                    int r = row(rowOf, slots, q, slot);
                    g += r < 0 ? -demand.surplusCost() : price[r];
                }
                return g;
            };
            int added = 0;
            long roundStart = System.nanoTime();
            for (int o = 0; o < searches.size(); o++) {
                if (fixed[o] >= 0) {
                    continue;
                }
                if (System.nanoTime() >= deadline) {
                    return STOPPED;
                }
                if (gate != null && rounds[0] == 1
                        && (solveTime + (o == 0 ? 0 : (System.nanoTime() - roundStart) / o * (long) searches.size())) * MIN_ROUNDS > gate[0]) {
                    // at this pace the prices would not settle within the time: leave the time to local search
                    gate[0] = -1;
                    return STOPPED;
                }
                OperatorPatternSearch search = searches.get(o);
                OperatorPatternSearch.Choice[] plan = search.search(gain, new Random(o), 1, PRICING_NODE_LIMIT, 0,
                        false, true, true);
                if (plan == null) {
                    continue;
                }
                Column c = column(o, search, plan, demand, rowOf, slots);
                double reduced = c.cost() - share[o];
                for (int i = 0; i < c.rows().length; i++) {
                    reduced -= c.counts()[i] * price[c.rows()[i]];
                }
                if (reduced < -EPS && add(c, columns, vars, seen, lp, cover, convexity)) {
                    added++;
                }
            }
            if (added == 0) {
                return CONVERGED;
            }
        }
        // the last round's plans are in the model but not yet in its solution
        return solve(lp, deadline) == MPSolver.ResultStatus.OPTIMAL ? ROUND_LIMIT : STOPPED;
    }

    /** Solves the linear model within what is left until {@code deadline} (a model of a call center's slots can take seconds). */
    private static MPSolver.ResultStatus solve(MPSolver lp, long deadline) {
        lp.setTimeLimit(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        return lp.solve();
    }

    /** The model row of (queue row {@code q}, {@code slot}), -1 where nobody is required (or no queue has demand). */
    private static int row(int[] rowOf, int slots, int q, int slot) {
        return q < 0 || slot >= slots ? -1 : rowOf[q * slots + slot];
    }

    /** The plan {@code choices} of operator {@code o}: the rows it covers, how often, and its cost (wishes, surplus where no demand). */
    private static Column column(int o, OperatorPatternSearch search, OperatorPatternSearch.Choice[] choices, Residual demand,
            int[] rowOf, int slots) {
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
                int r = row(rowOf, slots, q, slot);
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
    private static boolean add(Column c, List<Column> columns, List<MPVariable> vars, Set<String> seen, MPSolver lp,
            MPConstraint[] cover, MPConstraint[] convexity) {
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
            int missing = demand.remaining(q, s) - count[r];
            value += missing > 0 ? missing * demand.shortageCost(q, s) : -missing * demand.surplusCost(q, s);
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
            double rhs = demand.remaining(q, s);
            cover[r] = solver.makeConstraint(rhs, rhs);
            MPVariable under = solver.makeVar(0, MPSolver.infinity(), solver.isMip(), "u" + r);
            MPVariable over = solver.makeVar(0, MPSolver.infinity(), solver.isMip(), "o" + r);
            cover[r].setCoefficient(under, 1);
            cover[r].setCoefficient(over, -1);
            objective.setCoefficient(under, SCALE * demand.shortageCost(q, s));
            objective.setCoefficient(over, SCALE * demand.surplusCost(q, s));
        }
        return cover;
    }

    /** One plan per operator by the integer model, within {@code millis}; null when it found none. */
    private static int[] chooseIntegral(MPSolver mip, List<Column> columns, int operators, List<int[]> rows,
            Residual demand, int[] current, long millis) {
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
        mip.setTimeLimit(Math.max(1, millis));
        MPSolver.ResultStatus status = mip.solve();
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
