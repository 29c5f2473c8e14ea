package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Ruin and recreate for one operator: the open days of a random operator in a random window (one or two weeks, or the
 * whole period; four weeks of a period longer than half a year) are planned anew with {@link OperatorPatternSearch}
 * against the coverage everybody else leaves missing, so the operator's shifts move to where they are needed
 * without breaking a rule of the contract on the way. Single changes cannot do that under tight contracts: moving a
 * shift to another day or start breaks the weekly hours, the runs or the rest in between. Half of the moves take the
 * best shifts, half add noise to the gains so that equally good alternatives get their turn.
 */
public final class RebuildOperatorMove {

    static final long NODE_LIMIT = 2_000;

    /**
     * The longest window a move plans anew on a period longer than {@link #WHOLE_PERIOD_UP_TO} days: four weeks, unless
     * an operator of the move breaks a rule of the contract (then the whole period, as a year's hours short of the
     * minimum may need every month). On a year a whole-period rebuild changes hundreds of days in one move, and its
     * search within {@link #NODE_LIMIT} steps barely gets past its first descent: on Curtois-Qu's 364-day instances
     * four weeks gained 10-30 % of the objective at 300 s; on 84 and 182 days the results were mixed, so shorter
     * periods keep whole-period rebuilds (docs/benchmarks.md).
     */
    static final int LONGEST_WINDOW = 28;

    /** The longest period a move may plan anew as a whole (half a year). */
    static final int WHOLE_PERIOD_UP_TO = 182;

    private RebuildOperatorMove() {
    }

    /** Random moves only; a move that finds nothing to change (or no legal shifts) is skipped by the solver. */
    public static class Factory extends RandomMoveFactory<ChangeDaysMove> {

        /** What the moves need of a solution's structure: the operators with open days, unavailability, period, demand. */
        record Prepared(List<List<OperatorDay>> operators, Set<String> unavailable, int periodDays, Residual demand) {
        }

        @Override
        public Iterator<ChangeDaysMove> createRandomMoveIterator(ScoreDirector<RosterSolution> sd, Random random) {
            RosterSolution solution = sd.getWorkingSolution();
            Prepared prepared = perSolution(solution, Factory::prepare);
            List<List<OperatorDay>> operators = prepared.operators();
            // a roster with no hard rule broken has no operator who breaks one (nobody needs the whole period)
            var score = solution.getScore();
            boolean mayBreak = score == null || score.hardScore() < 0;
            return new Iterator<>() {
                private Residual covered;

                @Override
                public boolean hasNext() {
                    return !operators.isEmpty();
                }

                @Override
                public ChangeDaysMove next() {
                    if (covered == null) {
                        // the coverage of the roster as it is when the step starts (a step's moves are undone before the next)
                        covered = prepared.demand().copy();
                        solution.getDays().forEach(covered::take);
                    }
                    return move(operators, covered, prepared.unavailable(), prepared.periodDays(), mayBreak, random);
                }
            };
        }

        /** Groups the days by operator and reads the demand (once per working solution, see {@link #perSolution}). */
        static Prepared prepare(RosterSolution solution) {
            Map<Long, List<OperatorDay>> byOperator = new LinkedHashMap<>();
            int days = 0;
            for (OperatorDay d : solution.getDays()) {
                byOperator.computeIfAbsent(d.operatorId(), k -> new ArrayList<>()).add(d);
                if (d.isInPeriod()) {
                    days = Math.max(days, d.getDayIndex() + 1);
                }
            }
            List<List<OperatorDay>> operators = byOperator.values().stream()
                    .filter(list -> list.stream().anyMatch(d -> d.isInPeriod() && !d.isPinned())).toList();
            return new Prepared(operators, OperatorPatternSearch.unavailable(solution), days, new Residual(solution));
        }

        /** The next move: one random operator rebuilt. */
        ChangeDaysMove move(List<List<OperatorDay>> operators, Residual covered, Set<String> unavailable, int periodDays,
                boolean mayBreak, Random random) {
            return rebuild(List.of(operators.get(random.nextInt(operators.size()))), covered, unavailable, periodDays,
                    mayBreak, random);
        }

        /**
         * The move for one or more operators over the same window, with {@code covered} as the whole roster's
         * coverage: all of them are taken off the coverage, then each in turn is planned against what the others
         * leave missing (those before it as just planned, those after it not at all). {@code covered} is left as it
         * was.
         */
        static ChangeDaysMove rebuild(List<List<OperatorDay>> group, Residual covered, Set<String> unavailable,
                int periodDays, Random random) {
            return rebuild(group, covered, unavailable, periodDays, true, random);
        }

        /** As above; {@code mayBreak} false when the roster is known to break no hard rule (see {@link #windowLength}). */
        static ChangeDaysMove rebuild(List<List<OperatorDay>> group, Residual covered, Set<String> unavailable,
                int periodDays, boolean mayBreak, Random random) {
            int length = windowLength(group, unavailable, periodDays, mayBreak, random);
            int from = length >= periodDays ? 0 : random.nextInt(periodDays - length + 1);
            List<OperatorDay> changed = new ArrayList<>();
            List<ShiftOption> shifts = new ArrayList<>();
            List<Long> queues = new ArrayList<>();
            group.forEach(days -> days.forEach(covered::giveBack));
            try {
                for (List<OperatorDay> days : group) {
                    OperatorPatternSearch search = new OperatorPatternSearch(days, unavailable, from, from + length - 1);
                    OperatorPatternSearch.Choice[] choices = search.search(covered::gain, random, 1, NODE_LIMIT,
                            covered.noise(), random.nextBoolean(), true, true);
                    // this operator covers again: as planned where the search chose, else as now
                    Map<OperatorDay, Integer> planned = new java.util.IdentityHashMap<>();
                    for (int p = 0; choices != null && p < search.span(); p++) {
                        OperatorDay d = search.dayAt(p);
                        if (!search.isOpen(p)) {
                            continue;
                        }
                        ShiftOption shift = choices[p].shift();
                        Long queue = shift == null ? d.getQueue() : choices[p].queue();
                        if (!Objects.equals(shift, d.getShift()) || !Objects.equals(queue, d.getQueue())) {
                            planned.put(d, changed.size());
                            changed.add(d);
                            shifts.add(shift);
                            queues.add(queue);
                        }
                    }
                    for (OperatorDay d : days) {
                        Integer i = planned.get(d);
                        if (i == null) {
                            covered.take(d);
                        } else {
                            covered.take(shifts.get(i), queues.get(i));
                        }
                    }
                }
            } finally {
                // back to the roster as it is: the planned shifts out, everyone's current days in
                for (int i = 0; i < changed.size(); i++) {
                    covered.giveBack(shifts.get(i), queues.get(i));
                    covered.take(changed.get(i));
                }
            }
            return new ChangeDaysMove(group.size() == 1 ? "rebuild operator" : "rebuild operators", changed, shifts, queues);
        }
    }

    /**
     * How many days a move plans anew: a week, two weeks or the whole period (a third each); four weeks instead of
     * the whole period when it is longer than half a year, see {@link #LONGEST_WINDOW}; the operators' rules are
     * checked only when {@code mayBreak} (the roster breaks some hard rule, or may).
     */
    static int windowLength(List<List<OperatorDay>> group, Set<String> unavailable, int periodDays, boolean mayBreak,
            Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> 7;
            case 1 -> 14;
            default -> periodDays <= WHOLE_PERIOD_UP_TO || mayBreak && group.stream().anyMatch(days -> breaksARule(days,
                    unavailable)) ? periodDays : LONGEST_WINDOW;
        };
    }

    /** Whether the operator's days as they are break a hard rule of the contract ({@link OperatorRules#breaches()}). */
    private static boolean breaksARule(List<OperatorDay> days, Set<String> unavailable) {
        return !new OperatorRules(days, unavailable, Integer.MIN_VALUE, Integer.MAX_VALUE).breaches().isEmpty();
    }

    /**
     * Ruin and recreate for two random operators at once (see {@link Factory#rebuild(List, Residual, Set, int, Random)}):
     * the first planned may take the shifts the second held, and the second fills in where the first left, which one
     * rebuild at a time does not do when each operator is already the best answer to all the others.
     */
    public static class PairFactory extends Factory {

        @Override
        ChangeDaysMove move(List<List<OperatorDay>> operators, Residual covered, Set<String> unavailable, int periodDays,
                boolean mayBreak, Random random) {
            if (operators.size() < 2) {
                return super.move(operators, covered, unavailable, periodDays, mayBreak, random);
            }
            int a = random.nextInt(operators.size());
            int b = random.nextInt(operators.size() - 1);
            b = b >= a ? b + 1 : b;
            return rebuild(List.of(operators.get(a), operators.get(b)), covered, unavailable, periodDays, mayBreak, random);
        }
    }
}
