package org.switchboard.absences;

/** A request was rejected; {@code reason} is the manager's own words (stored as written). */
public record AbsenceRejected(AbsenceSpan span, String decidedBy, String reason) {
}
