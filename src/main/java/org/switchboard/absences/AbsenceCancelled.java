package org.switchboard.absences;

/**
 * An absence was cancelled before it started. {@code wasApproved}: it had been approved, so the managers are told and
 * the schedule may need the operator back.
 */
public record AbsenceCancelled(AbsenceSpan span, String cancelledBy, boolean wasApproved) {
}
