package org.switchboard.rostering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.switchboard.absences.AbsenceType;

/**
 * A published shift an approved absence took away (the shift as it was, whose it was and why), or one a planner added
 * to a published roster (no absence, no absent operator), and how it stands (see {@link Status}). Kept as facts; the
 * screens and the API put them into words.
 *
 * @param queueId null for a shift without a queue
 * @param breaks the unpaid breaks as they were placed
 * @param absentOperatorId null for a shift a planner added
 * @param absenceId null for a shift a planner added
 * @param absenceType null for a shift a planner added
 * @param absenceCancelled the absence was cancelled after the shift opened but the operator could not be put back
 *        without breaking a rule: the planner sees they are back
 * @param substituteOperatorId who fills it (FILLED only)
 */
public record OpenShift(long id, long rosterId, LocalDate date, String templateCode, Instant start, Instant end,
        int paidMinutes, Long queueId, List<StoredShift.Span> breaks, Long absentOperatorId, Long absenceId,
        AbsenceType absenceType, Status status, boolean absenceCancelled, Long substituteOperatorId, Instant filledAt,
        String filledBy) {

    public OpenShift {
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    /** OPEN waits for a substitute; FILLED has one; CANCELLED: the absent operator was put back. */
    public enum Status {
        OPEN, FILLED, CANCELLED
    }

    /** Whether a planner added it (no absence opened it). */
    public boolean added() {
        return absenceId == null;
    }

    /** The shift as a roster day of {@code operatorId} (with the breaks it had). */
    StoredShift asShiftOf(long operatorId) {
        return new StoredShift(operatorId, date, templateCode, start, end, paidMinutes, queueId, breaks);
    }
}
