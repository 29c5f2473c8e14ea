package org.switchboard.absences;

/**
 * Where a request stands. REQUESTED waits for a manager; WAITLISTED waits for a free place in the team's daily
 * allotment and moves up to REQUESTED on its own; APPROVED, REJECTED and CANCELLED are decided.
 */
public enum AbsenceStatus {
    REQUESTED, WAITLISTED, APPROVED, REJECTED, CANCELLED;

    /** Still claims the operator's time: no other absence of the operator may overlap it. */
    public boolean isActive() {
        return this == REQUESTED || this == WAITLISTED || this == APPROVED;
    }
}
