package org.switchboard.operators;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What an operator's recurring availability leaves of one date (a local date in the operator's zone): not available
 * at all, or available only from {@code from} (null = midnight) until {@code until} (null = the end of the day). Only
 * dates with a restriction are reported.
 *
 * @param source whose rows decided it (a planner's override wins)
 */
public record DayAvailability(long operatorId, LocalDate date, boolean available, LocalTime from, LocalTime until,
        SetBy source) {
}
