package org.switchboard.rostering;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One worked day of a roster as planners and outside systems read it (times in the site's offset). */
public record AssignmentRow(long operatorId, String employeeNumber, String operatorName, LocalDate date,
        String shiftTemplate, OffsetDateTime start, OffsetDateTime end, String queue, OffsetDateTime breakStart,
        OffsetDateTime breakEnd, int paidMinutes) {
}
