package org.switchboard.operators;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One wish of an operator for a wish period: a day off on {@code date}, or the shift kind {@code kind} on
 * {@code date} or, with no date, on every day of the period they work.
 */
public record Wish(long id, long operatorId, long periodId, LocalDate periodStart, LocalDate periodEnd, WishType type,
        LocalDate date, PreferredShift kind, String note, SetBy setBy, String createdBy, Instant createdAt) {

    /** A shift kind for every worked day of the period (no date). */
    public boolean wholePeriod() {
        return date == null;
    }
}
