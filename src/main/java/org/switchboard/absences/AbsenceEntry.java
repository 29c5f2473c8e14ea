package org.switchboard.absences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One absence as lists and screens show it, with the operator's name. {@code start}/{@code end} are in the operator's
 * zone ({@code end} exclusive: for whole days the midnight after {@code to}).
 *
 * @param reason the manager's reason for a rejection (their own words, as written)
 */
public record AbsenceEntry(long id, long operatorId, String employeeNumber, String name, long teamId,
        AbsenceType type, AbsenceStatus status, LocalDate from, LocalDate to, ZonedDateTime start, ZonedDateTime end,
        boolean wholeDays, String note, Instant requestedAt, String requestedBy, String decidedBy, Instant decidedAt,
        boolean decidedBySystem, String reason, Instant cancelledAt, String cancelledBy, Instant waitlistedAt) {

    public ZoneId zone() {
        return start.getZone();
    }

    public AbsenceSpan span() {
        return new AbsenceSpan(id, operatorId, type, from, to, start.toInstant(), end.toInstant(), wholeDays);
    }
}
