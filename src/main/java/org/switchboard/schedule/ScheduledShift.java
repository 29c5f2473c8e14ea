package org.switchboard.schedule;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.switchboard.rostering.ShiftKind;

/**
 * One published shift of an operator, in the operator's time zone.
 *
 * @param date the date the shift starts on
 * @param queueCode null for a shift without a queue
 * @param breakStart the main (longest) unpaid break, null without one
 * @param kind day, evening or night (for colours)
 */
public record ScheduledShift(LocalDate date, ZonedDateTime start, ZonedDateTime end, String queueCode, String queueName,
        String templateCode, String templateName, ZonedDateTime breakStart, ZonedDateTime breakEnd, ShiftKind kind,
        int paidMinutes) {
}
