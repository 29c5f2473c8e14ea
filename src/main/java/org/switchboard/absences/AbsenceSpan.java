package org.switchboard.absences;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One absence as other modules see it: the operator is away from {@code startsAt} (inclusive) to {@code endsAt}
 * (exclusive). For whole days these are the site's midnights of {@code from} and the day after {@code to}; for a
 * time span {@code from} and {@code to} are the site's dates the span touches.
 */
public record AbsenceSpan(long absenceId, long operatorId, AbsenceType type, LocalDate from, LocalDate to,
        Instant startsAt, Instant endsAt, boolean wholeDays) {

    /** Whether the absence overlaps [start, end). */
    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && start.isBefore(endsAt);
    }
}
