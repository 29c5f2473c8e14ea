package org.switchboard.rostering.solver;

import java.time.LocalDate;

/** The operator must not work a shift starting on this date (approved absence or declared unavailability). */
public record Unavailability(long operatorId, LocalDate date) {
}
