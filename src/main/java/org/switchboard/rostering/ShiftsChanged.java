package org.switchboard.rostering;

import java.time.LocalDate;
import java.util.List;

/**
 * The published schedule changed outside publishing: an approved absence took an operator's shifts away (they are
 * open now), or a substitute was put on an open shift. Each change names the operator, the date and what happened
 * ({@link Change}); module notifications tells each operator in their language. Published through the event
 * publication registry inside the changing transaction.
 *
 * @param absenceId the absence behind the change, or null
 */
public record ShiftsChanged(long rosterId, Long absenceId, List<ChangedDay> changes) {

    public ShiftsChanged {
        changes = List.copyOf(changes);
    }

    /** What happened to an operator's day. */
    public enum Change {
        /** The operator's shift was taken away (absence): the day is off for them. */
        REMOVED,
        /** The operator was put on a shift (substitution). */
        ASSIGNED
    }

    /** One operator's day; {@code queueCode} and the times as the shift has them (local times of the site). */
    public record ChangedDay(long operatorId, LocalDate date, Change change, String start, String end,
            String queueCode) {
    }
}
