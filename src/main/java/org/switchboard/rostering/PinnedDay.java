package org.switchboard.rostering;

import java.time.LocalDate;

/** A day a planner edited and pinned in a draft roster: the solver keeps it. */
public record PinnedDay(long operatorId, String employeeNumber, LocalDate date, boolean dayOff) {
}
