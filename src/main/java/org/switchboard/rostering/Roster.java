package org.switchboard.rostering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A roster: a planning period of a site for some teams and queues, its rule weights, and the score of its stored
 * assignments.
 *
 * @param teamIds the teams planned (empty = every team)
 * @param queueIds the queues whose requirements are covered (empty = every queue)
 * @param keepPublished published days in the period are pinned (false: replanning, changes are penalised)
 * @param weights rule name → weight as a score ("0hard/0medium/1soft")
 * @param score null until solved
 * @param coveredShare null before the first evaluation and when the period has no requirements
 * @param constraints totals per rule of the stored assignments, worst first
 * @param inputsChangedAt when requirements, operators or contracts the roster is planned from last changed (null:
 *        not since it was created); see {@link #stale()}
 * @param coverageAim what the coverage rule weighs a missing operator by
 * @param serviceLevel the projected share of the forecast calls answered within the target time with the stored
 *        assignments, call-weighted over the period's inbound intervals (Erlang, as the solver weighs them); null
 *        before the first evaluation, without inbound calls, or when the roster weighs operators
 */
public record Roster(long id, LocalDate startDate, int days, ZoneId zone, List<Long> teamIds, List<Long> queueIds,
        boolean keepPublished, RosterState state, Map<String, String> weights, String score, Integer hard, Long medium,
        Long soft, Double coveredShare, List<ConstraintTotal> constraints, Instant solveStartedAt, Instant solveEndedAt,
        Integer solveSeconds, Instant createdAt, String createdBy, Instant publishedAt, String publishedBy,
        Long supersededBy, Instant inputsChangedAt, CoverageAim coverageAim, Double serviceLevel) {

    /** A draft whose inputs changed after its last solve began (or after it was created, when never solved). */
    public boolean stale() {
        Instant since = solveStartedAt != null ? solveStartedAt : createdAt;
        return state == RosterState.DRAFT && inputsChangedAt != null && since != null && inputsChangedAt.isAfter(since);
    }

    public LocalDate endDate() {
        return startDate.plusDays(days - 1L);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate());
    }

    /** Totals of one rule: its level ("hard", "medium", "soft"), the penalty at that level and how many matches. */
    public record ConstraintTotal(String name, String level, long penalty, int matches) {
    }
}
