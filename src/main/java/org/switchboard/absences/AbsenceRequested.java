package org.switchboard.absences;

/** An operator asked for time off; {@code status} is REQUESTED or WAITLISTED (the team's day was full). */
public record AbsenceRequested(AbsenceSpan span, AbsenceStatus status) {
}
