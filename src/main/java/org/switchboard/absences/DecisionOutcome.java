package org.switchboard.absences;

import org.switchboard.shared.Text;

/**
 * What one decision of a bulk approval or rejection did: {@code decided} and the request's status now, or why not
 * ({@code reason}, e.g. already approved by someone else).
 */
public record DecisionOutcome(long id, boolean decided, AbsenceStatus status, Text reason) {
}
