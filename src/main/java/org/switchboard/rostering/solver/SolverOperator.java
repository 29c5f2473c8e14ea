package org.switchboard.rostering.solver;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.rostering.ShiftKind;

/**
 * An operator as the solver sees it: skills and the contract terms the constraints need, as plain ints.
 *
 * @param skillQueueIds queues the operator may work; empty for slot-style demand (no queues)
 * @param maxMinutesPerWeek paid minutes per ISO week at most
 * @param minMinutesPerPeriod paid minutes in the planning period at least (0 = no minimum)
 * @param maxMinutesPerPeriod paid minutes in the planning period at most
 * @param maxNightsInRow night shifts on consecutive days at most (0 = none)
 * @param minRestAfterNightsMinutes rest after the last night of a block before the next shift
 * @param maxWeekendsPerPeriod weekends (any work on Saturday or Sunday) per period at most
 * @param maxShiftsPerKind shifts of a kind per period at most; a kind that is absent is not limited
 * @param minConsecutiveDays working days in a row at least, for a run with a day off on both sides inside the
 *        period (1 = no minimum)
 * @param maxShiftsPerTemplate shifts of a template (by code) per period at most; a template that is absent is not
 *        limited
 * @param ineligibleTemplates template codes the operator may not work (a template limited to other contracts or
 *        teams)
 * @param usualKinds the kinds of shift the operator's team usually works (empty: any)
 * @param usualKindsHard whether other kinds are forbidden (true) or only cost (false)
 */
public record SolverOperator(long id, String employeeNumber, List<Long> skillQueueIds, boolean nightEligible,
        int maxMinutesPerWeek, int minMinutesPerPeriod, int maxMinutesPerPeriod, int maxConsecutiveDays,
        int minConsecutiveDaysOff, int minRestMinutes, int maxNightsInRow, int minRestAfterNightsMinutes,
        int maxWeekendsPerPeriod, Map<ShiftKind, Integer> maxShiftsPerKind, int minConsecutiveDays,
        Map<String, Integer> maxShiftsPerTemplate, Set<String> ineligibleTemplates, Set<ShiftKind> usualKinds,
        boolean usualKindsHard) {

    public SolverOperator {
        skillQueueIds = List.copyOf(skillQueueIds);
        maxShiftsPerKind = maxShiftsPerKind == null ? Map.of() : Map.copyOf(maxShiftsPerKind);
        maxShiftsPerTemplate = maxShiftsPerTemplate == null ? Map.of() : Map.copyOf(maxShiftsPerTemplate);
        minConsecutiveDays = Math.max(1, minConsecutiveDays);
        ineligibleTemplates = ineligibleTemplates == null ? Set.of() : Set.copyOf(ineligibleTemplates);
        usualKinds = usualKinds == null || usualKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(usualKinds));
    }

    /** An operator who may work every template and kind. */
    public SolverOperator(long id, String employeeNumber, List<Long> skillQueueIds, boolean nightEligible,
            int maxMinutesPerWeek, int minMinutesPerPeriod, int maxMinutesPerPeriod, int maxConsecutiveDays,
            int minConsecutiveDaysOff, int minRestMinutes, int maxNightsInRow, int minRestAfterNightsMinutes,
            int maxWeekendsPerPeriod, Map<ShiftKind, Integer> maxShiftsPerKind, int minConsecutiveDays,
            Map<String, Integer> maxShiftsPerTemplate) {
        this(id, employeeNumber, skillQueueIds, nightEligible, maxMinutesPerWeek, minMinutesPerPeriod,
                maxMinutesPerPeriod, maxConsecutiveDays, minConsecutiveDaysOff, minRestMinutes, maxNightsInRow,
                minRestAfterNightsMinutes, maxWeekendsPerPeriod, maxShiftsPerKind, minConsecutiveDays,
                maxShiftsPerTemplate, Set.of(), Set.of(), false);
    }

    /** The same operator with templates it may not work and its team's usual kinds (every other term as it is). */
    public SolverOperator withShiftRules(Set<String> ineligible, Set<ShiftKind> kinds, boolean kindsHard) {
        return new SolverOperator(id, employeeNumber, skillQueueIds, nightEligible, maxMinutesPerWeek,
                minMinutesPerPeriod, maxMinutesPerPeriod, maxConsecutiveDays, minConsecutiveDaysOff, minRestMinutes,
                maxNightsInRow, minRestAfterNightsMinutes, maxWeekendsPerPeriod, maxShiftsPerKind, minConsecutiveDays,
                maxShiftsPerTemplate, ineligible, kinds, kindsHard);
    }

    /**
     * Whether the operator may be given {@code s} at all: a night only when night eligible, a template only when it
     * is for the operator's contract and team, a kind outside the team's usual ones only when that is not hard. The
     * one place the problem builder (the value ranges) and the custom search ask.
     */
    public boolean mayWork(ShiftOption s) {
        return nightAllowed(s) && templateAllowed(s) && kindAllowed(s);
    }

    /** Whether {@code s} is no night, or the operator may work nights (rule {@link RosterWeights#NIGHT_ELIGIBLE}). */
    public boolean nightAllowed(ShiftOption s) {
        return nightEligible || !s.isNight();
    }

    /** Whether {@code s}'s template is meant for the operator's contract and team (rule {@link RosterWeights#TEMPLATE_ELIGIBLE}). */
    public boolean templateAllowed(ShiftOption s) {
        return !ineligibleTemplates.contains(s.templateCode());
    }

    /** Whether {@code s}'s kind is allowed by the team's usual kinds when they are hard (rule {@link RosterWeights#USUAL_KIND_HARD}). */
    public boolean kindAllowed(ShiftOption s) {
        return !(usualKindsHard && isUnusual(s));
    }

    /** Whether {@code s} is of another kind than the team's usual ones (never when the team has none). */
    public boolean isUnusual(ShiftOption s) {
        return !usualKinds.isEmpty() && !usualKinds.contains(s.kind());
    }

    /** An operator without a minimum run and without limits per template (the call-center contracts). */
    public SolverOperator(long id, String employeeNumber, List<Long> skillQueueIds, boolean nightEligible,
            int maxMinutesPerWeek, int minMinutesPerPeriod, int maxMinutesPerPeriod, int maxConsecutiveDays,
            int minConsecutiveDaysOff, int minRestMinutes, int maxNightsInRow, int minRestAfterNightsMinutes,
            int maxWeekendsPerPeriod, Map<ShiftKind, Integer> maxShiftsPerKind) {
        this(id, employeeNumber, skillQueueIds, nightEligible, maxMinutesPerWeek, minMinutesPerPeriod,
                maxMinutesPerPeriod, maxConsecutiveDays, minConsecutiveDaysOff, minRestMinutes, maxNightsInRow,
                minRestAfterNightsMinutes, maxWeekendsPerPeriod, maxShiftsPerKind, 1, Map.of());
    }

    /**
     * The same operator with other weekly and period maxima (every other term as it is): a substitute judged with the
     * overtime the contract allows on top of its maximum.
     */
    public SolverOperator withMaxMinutes(int maxPerWeek, int maxPerPeriod) {
        return new SolverOperator(id, employeeNumber, skillQueueIds, nightEligible, maxPerWeek, minMinutesPerPeriod,
                maxPerPeriod, maxConsecutiveDays, minConsecutiveDaysOff, minRestMinutes, maxNightsInRow,
                minRestAfterNightsMinutes, maxWeekendsPerPeriod, maxShiftsPerKind, minConsecutiveDays,
                maxShiftsPerTemplate, ineligibleTemplates, usualKinds, usualKindsHard);
    }

    /** The period maximum for shifts of template {@code code}, or {@link Integer#MAX_VALUE} when not limited. */
    public int maxShiftsOfTemplate(String code) {
        return maxShiftsPerTemplate.getOrDefault(code, Integer.MAX_VALUE);
    }

    /** The period maximum for shifts of {@code kind}, or {@link Integer#MAX_VALUE} when not limited. */
    public int maxShiftsOf(ShiftKind kind) {
        return maxShiftsPerKind.getOrDefault(kind, Integer.MAX_VALUE);
    }

    /** Whether the paid minutes of the period may vary: a period minimum below the period maximum. */
    public boolean hasFlexibleHours() {
        return maxMinutesPerPeriod > 0 && minMinutesPerPeriod < maxMinutesPerPeriod;
    }

    /** Minutes below the period maximum as per mille of it (0 at or above the maximum). */
    public int shortfallPermille(int paidMinutes) {
        if (maxMinutesPerPeriod <= 0 || paidMinutes >= maxMinutesPerPeriod) {
            return 0;
        }
        return (int) ((maxMinutesPerPeriod - paidMinutes) * 1000L / maxMinutesPerPeriod);
    }

    public boolean hasSkill(Long queueId) {
        return queueId != null && skillQueueIds.contains(queueId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolverOperator other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return employeeNumber;
    }
}
