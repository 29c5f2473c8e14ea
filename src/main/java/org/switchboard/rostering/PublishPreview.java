package org.switchboard.rostering;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What publishing a roster would change for its operators and dates against the schedule published now: who gets a
 * new shift (a day off or an unplanned day before), a changed one (template, times or queue), or loses one (now a day
 * off). Days that stay as published are not listed.
 *
 * @param operators how many operators have at least one change
 * @param changes by employee number, then date
 * @param version the roster's version this preview was read at: publishing with it refuses (409) when the roster
 *     changed since (an edit, a solve), so what is published is what the confirmation showed
 */
public record PublishPreview(long rosterId, int newShifts, int changedShifts, int removedShifts, int operators,
        List<Change> changes, int version) {

    public enum Kind { NEW, CHANGED, REMOVED }

    /** One operator's day that publishing changes; {@code before} null for NEW, {@code after} null for REMOVED. */
    public record Change(long operatorId, String employeeNumber, String operatorName, LocalDate date, Kind kind,
            Shift before, Shift after) {
    }

    /** A shift as the operator sees it: template, times with the site's offset, queue code ("" for none). */
    public record Shift(String shiftTemplate, OffsetDateTime start, OffsetDateTime end, String queue) {
    }
}
