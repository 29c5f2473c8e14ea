package org.switchboard.rostering.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Repairs contract hours where they are broken: finds an operator whose ISO week is over the weekly maximum, or whose
 * period is under its minimum, and proposes
 * <ul>
 *   <li>for a week over its maximum: a worked day of that week gets a shorter option of the same day (or becomes a
 *       day off), and when that leaves the period under its minimum, a day off in a week with room gets a shift
 *       that fits there;</li>
 *   <li>for a period under its minimum: a day off in a week with room gets a shift that fits.</li>
 * </ul>
 * Random single changes find these rarely (the operator is one of many, the fitting option one of many, and moving
 * hours between weeks takes two changes at once); left to them, the demo month kept a few operators a few hours
 * over a week's maximum long after everything else was legal. Pinned days are never changed.
 */
public final class WeekHoursRepair {

    private WeekHoursRepair() {
    }

    /** Random moves only; a move that changes nothing (no operator breaks an hours rule) is skipped by the solver. */
    public static class Factory extends RandomMoveFactory<ChangeDaysMove> {

        @Override
        public Iterator<ChangeDaysMove> createRandomMoveIterator(ScoreDirector<RosterSolution> sd, Random random) {
            var score = sd.getWorkingSolution().getScore();
            if (score != null && score.hardScore() == 0) {
                // no hard rule broken, so no hours to repair: without this, each move looked through a hundred
                // operators' days for broken hours and came back empty (a tenth of the time on a year's horizon)
                return java.util.Collections.emptyIterator();
            }
            List<List<OperatorDay>> operators = perSolution(sd.getWorkingSolution(), solution -> {
                Map<Long, List<OperatorDay>> byOperator = new HashMap<>();
                for (OperatorDay d : solution.getDays()) {
                    byOperator.computeIfAbsent(d.operatorId(), k -> new ArrayList<>()).add(d);
                }
                return List.copyOf(byOperator.values());
            });
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return !operators.isEmpty();
                }

                @Override
                public ChangeDaysMove next() {
                    for (int attempt = 0; attempt < Math.min(operators.size(), 100); attempt++) {
                        ChangeDaysMove move = repair(operators.get(random.nextInt(operators.size())), random);
                        if (move != null) {
                            return move;
                        }
                    }
                    return new ChangeDaysMove("repair hours", List.of(), List.of(), List.of());
                }
            };
        }

        /** A repair for one operator's days, or null when their hours break no rule. */
        static ChangeDaysMove repair(List<OperatorDay> days, Random random) {
            // the hours as the search's rules count them: the days as they are, the weeks and the period
            OperatorRules rules = new OperatorRules(days, java.util.Set.of(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            rules.current();
            List<OperatorDay> overDays = new ArrayList<>();
            for (OperatorDay d : days) {
                if (d.isInPeriod() && !d.isPinned() && d.isWorking() && !rules.weekRoom(rules.position(d), 0)) {
                    overDays.add(d);
                }
            }
            List<OperatorDay> changed = new ArrayList<>();
            List<ShiftOption> shifts = new ArrayList<>();
            List<Long> queues = new ArrayList<>();
            if (!overDays.isEmpty()) {
                OperatorDay d = overDays.get(random.nextInt(overDays.size()));
                List<ShiftOption> shorter = new ArrayList<>();
                for (ShiftOption o : d.getShiftRange()) {
                    if (o.paidMinutes() < d.paidMinutes()) {
                        shorter.add(o);
                    }
                }
                ShiftOption to = shorter.isEmpty() || random.nextInt(4) == 0 ? null : shorter.get(random.nextInt(shorter.size()));
                changed.add(d);
                shifts.add(to);
                queues.add(d.getQueue());
                rules.clear(rules.position(d));
                rules.set(rules.position(d), to);
            }
            if (changed.isEmpty() && rules.minimumMet()) {
                return null;
            }
            if (!rules.minimumMet()) {
                List<OperatorDay> free = new ArrayList<>();
                for (OperatorDay e : days) {
                    if (e.isInPeriod() && !e.isPinned() && !e.isWorking() && !changed.contains(e)
                            && !e.getShiftRange().isEmpty()) {
                        free.add(e);
                    }
                }
                if (!free.isEmpty()) {
                    // a random day off and a random shift that fits its week's room; the run, days-off and rest
                    // rules are left to the score (filtering for them here kept the demo month further from legal:
                    // −1560 instead of −960 hard after 30 s, since the missing hours often need a rearranged week)
                    OperatorDay e = free.get(random.nextInt(free.size()));
                    List<ShiftOption> fitting = new ArrayList<>();
                    for (ShiftOption o : e.getShiftRange()) {
                        if (rules.weekRoom(rules.position(e), o.paidMinutes())) {
                            fitting.add(o);
                        }
                    }
                    if (!fitting.isEmpty()) {
                        List<Long> skills = e.getQueueRange();
                        Long queue = e.getQueue() != null && skills.contains(e.getQueue()) ? e.getQueue()
                                : skills.isEmpty() ? null : skills.get(random.nextInt(skills.size()));
                        changed.add(e);
                        shifts.add(fitting.get(random.nextInt(fitting.size())));
                        queues.add(queue);
                    }
                }
            }
            return changed.isEmpty() ? null : new ChangeDaysMove("repair hours", changed, shifts, queues);
        }
    }
}
