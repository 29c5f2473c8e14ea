package org.switchboard.absences;

/**
 * An absence was approved (by a manager, by the team's automatic rule, or at once as sick leave entered by a planner
 * or manager): from now on the operator is away for {@code span}. {@code bySystem} when no person decided it.
 * Published through the event publication registry inside the deciding transaction.
 */
public record AbsenceApproved(AbsenceSpan span, String decidedBy, boolean bySystem) {
}
