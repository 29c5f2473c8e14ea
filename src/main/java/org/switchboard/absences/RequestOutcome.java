package org.switchboard.absences;

/** What became of a new request: REQUESTED, WAITLISTED (the team's day is full) or APPROVED (at once). */
public record RequestOutcome(long id, AbsenceStatus status) {
}
