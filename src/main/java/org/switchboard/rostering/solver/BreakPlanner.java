package org.switchboard.rostering.solver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the unpaid breaks of a solved roster inside their windows, on the demand grid, where coverage suffers least;
 * a step after solving (the solver itself scores every break at its nominal position, see
 * {@link BreakWindow#nominalStart}).
 *
 * <p>Each in-period worked day with unpaid breaks is placed (a pinned day keeps breaks placed before). The coverage of
 * a placement is the coverage part of the score, in the units' own weights: first the shortage (the missing
 * operators' steps, see {@link DemandUnit#missingCost}), then the surplus (× surplus weight); taking an operator out of a unit with more operators than
 * required costs no coverage and lowers the surplus. Two runs, the better kept:
 * <ol>
 *   <li><b>greedy</b>: everybody works through their breaks at first; then the breaks are placed one at a time, least
 *       flexible first (fewest possible starts, then earliest window), each at the start that costs least given the
 *       breaks placed so far; ties go to the start where present − required over the break's slots is largest (the
 *       smallest of them, then their sum), then to the one nearest the nominal start;</li>
 *   <li><b>from the nominal positions</b> (the roster the solver scored);</li>
 * </ol>
 * each followed by up to {@value #PASSES} improvement passes that move a break to a strictly better start given all
 * the others. The second run can only improve on the nominal positions, so the placed roster's coverage score (and
 * with unit shortage weights its {@link RosterSolution#coveredShare()}) is never worse than the solver's.
 *
 * <p>The result is recorded on each {@link OperatorDay} ({@link OperatorDay#placeBreaks}), whose
 * {@link OperatorDay#coverKeys()} then use the slots actually covered: rescoring the solution (e.g.
 * {@code SolutionManager.update}) gives the score of the placed roster. Pure: no Spring, no database.
 */
public final class BreakPlanner {

    /** Improvement passes over all breaks at most (each stops early when nothing moved). */
    static final int PASSES = 3;

    /** What a placement did. */
    public record Summary(int days, int breaks, int floating, int awayFromNominal) {
    }

    /** Places the breaks of every worked day of {@code solution}; see the class comment. */
    public Summary place(RosterSolution solution) {
        return place(solution, SolveControl.Deadline.none());
    }

    /**
     * As {@link #place(RosterSolution)}, within {@code deadline}: past it, the greedy run is dropped and the improvement
     * passes end, so the breaks stay at least where the solver assumed them (a big roster's breaks can take seconds).
     */
    public Summary place(RosterSolution solution, SolveControl.Deadline deadline) {
        Map<CoverKey, List<DemandUnit>> units = new HashMap<>();
        for (DemandUnit u : solution.getDemandUnits()) {
            units.computeIfAbsent(u.key(), k -> new ArrayList<>()).add(u);
        }
        Map<CoverKey, Integer> base = new HashMap<>();
        List<OperatorDay> planned = new ArrayList<>();
        for (OperatorDay d : solution.getDays()) {
            if (!d.isWorking()) {
                d.clearPlacedBreaks();
                continue;
            }
            ShiftOption s = d.getShift();
            boolean keep = !d.isInPeriod() || (d.isPinned() && d.hasPlacedBreaks());
            if (keep || s.grid() == null || s.unpaidBreaks().isEmpty()) {
                for (CoverKey k : d.coverKeys()) {
                    base.merge(k, 1, Integer::sum);
                }
            } else {
                planned.add(d);
            }
        }
        if (planned.isEmpty()) {
            return new Summary(0, 0, 0, 0);
        }
        Run greedy = new Run(units, base, planned, false);
        if (greedy.greedy(deadline)) {
            greedy.improve(deadline);
        } else {
            greedy = null;
        }
        Run nominal = new Run(units, base, planned, true);
        nominal.improve(deadline);
        Run best = greedy != null && greedy.compareTo(nominal) >= 0 ? greedy : nominal;
        return best.apply();
    }

    /** One placement of all planned days' breaks with the presence counts it gives. */
    private static final class Run {

        final Map<CoverKey, List<DemandUnit>> units;
        final Map<CoverKey, Integer> presence;
        final List<DayState> days = new ArrayList<>();
        final List<Item> items = new ArrayList<>();

        Run(Map<CoverKey, List<DemandUnit>> units, Map<CoverKey, Integer> base, List<OperatorDay> planned,
                boolean atNominal) {
            this.units = units;
            this.presence = new HashMap<>(base);
            for (OperatorDay d : planned) {
                DayState ds = new DayState(d);
                days.add(ds);
                List<BreakWindow> windows = d.getShift().unpaidBreaks();
                for (int b = 0; b < windows.size(); b++) {
                    BreakWindow w = windows.get(b);
                    Item item = new Item(ds, b, w.starts(d.getShift().grid()), w.nominalStart(d.getShift().grid()));
                    items.add(item);
                    if (atNominal) {
                        ds.starts[b] = item.nominal;
                    }
                }
                ds.slots = ds.slotsWith(-1, null);
                for (int slot : ds.slots) {
                    presence.merge(new CoverKey(ds.queueKey, slot), 1, Integer::sum);
                }
            }
        }

        /** Places every break in turn; false when the deadline came first (the run is then incomplete). */
        boolean greedy(SolveControl.Deadline deadline) {
            List<Item> order = new ArrayList<>(items);
            order.sort(Comparator.<Item>comparingInt(i -> i.candidates.size())
                    .thenComparing(i -> i.candidates.getFirst()));
            int n = 0;
            for (Item item : order) {
                if ((n++ & 63) == 0 && deadline.passed()) {
                    return false;
                }
                Move best = null;
                for (Instant start : item.candidates) {
                    Move m = evaluate(item, start);
                    if (best == null || m.compareTo(best) > 0) {
                        best = m;
                    }
                }
                apply(best);
            }
            return true;
        }

        void improve(SolveControl.Deadline deadline) {
            int n = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                boolean moved = false;
                for (Item item : items) {
                    if ((n++ & 63) == 0 && deadline.passed()) {
                        return;
                    }
                    if (item.candidates.size() < 2) {
                        continue;
                    }
                    Move best = null;
                    for (Instant start : item.candidates) {
                        if (start.equals(item.day.starts[item.index])) {
                            continue;
                        }
                        Move m = evaluate(item, start);
                        if (m.medium > 0 || (m.medium == 0 && m.soft > 0)) {
                            if (best == null || m.compareTo(best) > 0) {
                                best = m;
                            }
                        }
                    }
                    if (best != null) {
                        apply(best);
                        moved = true;
                    }
                }
                if (!moved) {
                    return;
                }
            }
        }

        /** The change in coverage score if {@code item}'s break started at {@code start}, and the tie-breakers. */
        Move evaluate(Item item, Instant start) {
            DayState ds = item.day;
            int[] after = ds.slotsWith(item.index, start);
            long medium = 0;
            long soft = 0;
            int minSlack = Integer.MAX_VALUE;
            long sumSlack = 0;
            // both arrays are sorted: walk them together, slots only in one of them change presence
            int i = 0;
            int j = 0;
            while (i < ds.slots.length || j < after.length) {
                int change;
                int slot;
                if (j >= after.length || (i < ds.slots.length && ds.slots[i] < after[j])) {
                    slot = ds.slots[i++];
                    change = -1;
                } else if (i >= ds.slots.length || after[j] < ds.slots[i]) {
                    slot = after[j++];
                    change = 1;
                } else {
                    i++;
                    j++;
                    continue;
                }
                CoverKey key = new CoverKey(ds.queueKey, slot);
                int p = presence.getOrDefault(key, 0);
                List<DemandUnit> us = units.getOrDefault(key, List.of());
                for (DemandUnit u : us) {
                    medium -= (long) u.missingCost(p + change) - u.missingCost(p);
                    soft -= (long) (surplus(u, p + change) - surplus(u, p)) * u.surplusWeight();
                }
                if (change < 0) {
                    int slack = us.isEmpty() ? 1000 : us.stream().mapToInt(u -> p - u.required()).min().orElse(0);
                    minSlack = Math.min(minSlack, slack);
                    sumSlack += slack;
                }
            }
            long fromNominal = BreakWindow.distance(start, item.nominal);
            return new Move(item, start, after, medium, soft, minSlack, sumSlack, fromNominal);
        }

        void apply(Move m) {
            DayState ds = m.item.day;
            for (int slot : ds.slots) {
                presence.merge(new CoverKey(ds.queueKey, slot), -1, Integer::sum);
            }
            ds.starts[m.item.index] = m.start;
            ds.slots = m.after;
            for (int slot : ds.slots) {
                presence.merge(new CoverKey(ds.queueKey, slot), 1, Integer::sum);
            }
        }

        /** Coverage score over all units: shortage first, then surplus (both as negative numbers). */
        long[] objective() {
            long medium = 0;
            long soft = 0;
            for (List<DemandUnit> us : units.values()) {
                for (DemandUnit u : us) {
                    int p = presence.getOrDefault(u.key(), 0);
                    medium -= u.missingCost(p);
                    soft -= (long) surplus(u, p) * u.surplusWeight();
                }
            }
            return new long[] {medium, soft};
        }

        int compareTo(Run other) {
            long[] a = objective();
            long[] b = other.objective();
            return a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]);
        }

        Summary apply() {
            int breaks = 0;
            int floating = 0;
            int away = 0;
            for (Item item : items) {
                breaks++;
                if (item.candidates.size() > 1) {
                    floating++;
                }
                if (!item.day.starts[item.index].equals(item.nominal)) {
                    away++;
                }
            }
            for (DayState ds : days) {
                ds.day.placeBreaks(ds.placed(-1, null), ds.slots);
            }
            return new Summary(days.size(), breaks, floating, away);
        }

        private static int surplus(DemandUnit u, int present) {
            return Math.max(0, present - u.required());
        }
    }

    /** A planned day: the current start of each break (null = not placed yet, worked through) and the slots covered. */
    private static final class DayState {
        final OperatorDay day;
        final long queueKey;
        final Instant[] starts;
        int[] slots;

        DayState(OperatorDay day) {
            this.day = day;
            this.queueKey = day.queueKey();
            this.starts = new Instant[day.getShift().unpaidBreaks().size()];
        }

        /** The placed breaks, with break {@code index} at {@code start} instead (index -1: as they are). */
        List<PlacedBreak> placed(int index, Instant start) {
            List<BreakWindow> windows = day.getShift().unpaidBreaks();
            List<PlacedBreak> out = new ArrayList<>();
            for (int b = 0; b < starts.length; b++) {
                Instant s = b == index ? start : starts[b];
                if (s != null) {
                    out.add(windows.get(b).at(s));
                }
            }
            return out;
        }

        int[] slotsWith(int index, Instant start) {
            return day.getShift().coveredSlotsWith(placed(index, start));
        }
    }

    /** One break of one planned day with the starts it may take. */
    private record Item(DayState day, int index, List<Instant> candidates, Instant nominal) {
    }

    /** A candidate start for one break: the coverage change (medium = shortage, soft = surplus) and tie-breakers. */
    private record Move(Item item, Instant start, int[] after, long medium, long soft, int minSlack, long sumSlack,
            long fromNominal) implements Comparable<Move> {

        @Override
        public int compareTo(Move o) {
            if (medium != o.medium) {
                return Long.compare(medium, o.medium);
            }
            if (soft != o.soft) {
                return Long.compare(soft, o.soft);
            }
            if (minSlack != o.minSlack) {
                return Integer.compare(minSlack, o.minSlack);
            }
            if (sumSlack != o.sumSlack) {
                return Long.compare(sumSlack, o.sumSlack);
            }
            return Long.compare(o.fromNominal, fromNominal);
        }
    }
}
