package org.switchboard.rostering.solver;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The operator must not work a shift starting on this date (approved absence or declared unavailability): on the
 * whole day ({@code from} and {@code to} null), or only when the shift overlaps the window [{@code from}, {@code to})
 * (a time-span absence, availability from or until a time; a window may reach into the next day, so a night starting
 * the evening before an absence is caught on its own date).
 */
public record Unavailability(long operatorId, LocalDate date, Instant from, Instant to) {

    /** The whole day. */
    public Unavailability(long operatorId, LocalDate date) {
        this(operatorId, date, null, null);
    }

    public boolean wholeDay() {
        return from == null || to == null;
    }

    /** Whether the shift, starting on {@link #date}, is forbidden by this. */
    public boolean forbids(ShiftOption shift) {
        return shift != null && (wholeDay() || (shift.start().isBefore(to) && from.isBefore(shift.end())));
    }
}
