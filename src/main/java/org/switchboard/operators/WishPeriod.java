package org.switchboard.operators;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A planning period operators state wishes for, from {@code startDate} to {@code endDate} (inclusive); operators may
 * add or remove their wishes until {@code deadline}, planners at any time.
 */
public record WishPeriod(long id, LocalDate startDate, LocalDate endDate, Instant deadline) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    /** Whether operators may still change their wishes at {@code now}. */
    public boolean openAt(Instant now) {
        return now.isBefore(deadline);
    }
}
