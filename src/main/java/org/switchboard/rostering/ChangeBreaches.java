package org.switchboard.rostering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.switchboard.rostering.solver.RosterSolution;

/**
 * Which hard rules a change of one operator's days breaks, from the operator's hard breaches before and after it as
 * OptaPlanner's {@link SolutionManager} scores them through the constraint streams (no rule is written here). A
 * manual edit ({@link RosterEdits}) and a shift trade ({@link ShiftTrades}) both ask it. The change's breaches are the
 * hard breaches after it that
 * <ul>
 *   <li>name a changed day (its date is the breach's day or among its figures): the change introduces or keeps them,
 *       e.g. too little rest before a new shift, a night shift for an operator who may not work nights; or</li>
 *   <li>belong to a rule whose penalty grows with the change and are not there, with the same figures, before it:
 *       e.g. a removed shift that leaves the period's minimum hours further out of reach.</li>
 * </ul>
 * Breaches elsewhere that the change leaves as they were, or makes smaller, are not the change's.
 */
final class ChangeBreaches {

    private ChangeBreaches() {
    }

    /** The solution's hard breaches (one operator's solution: every hard rule is one operator's). */
    static List<RuleBreach> hard(SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager,
            RosterSolution solution, Roster r) {
        var explanation = solutionManager.explain(solution);
        return new RosterExplainer(solution, r.zone(), r.startDate(), Map.of(), Map.of()).breaches(explanation).stream()
                .filter(b -> "hard".equals(b.level())).toList();
    }

    /** The breaches of {@code after} that the change of the given dates brings (see the class comment). */
    static List<RuleBreach> introduced(List<RuleBreach> before, List<RuleBreach> after, Set<LocalDate> dates) {
        Set<String> was = new HashSet<>();
        Map<String, Long> penaltyBefore = new HashMap<>();
        for (RuleBreach b : before) {
            was.add(identity(b));
            penaltyBefore.merge(b.rule(), b.penalty(), Long::sum);
        }
        Map<String, Long> penaltyAfter = new HashMap<>();
        after.forEach(b -> penaltyAfter.merge(b.rule(), b.penalty(), Long::sum));
        List<RuleBreach> out = new ArrayList<>();
        for (RuleBreach b : after) {
            boolean namesDay = dates.stream().anyMatch(d -> d.equals(b.date())
                    || b.args().stream().anyMatch(a -> a.contains(d.toString())));
            boolean worse = penaltyAfter.get(b.rule()) > penaltyBefore.getOrDefault(b.rule(), 0L);
            if (namesDay || (worse && !was.contains(identity(b)))) {
                out.add(b);
            }
        }
        return out;
    }

    static String identity(RuleBreach b) {
        return b.rule() + "|" + b.key() + "|" + b.args();
    }
}
