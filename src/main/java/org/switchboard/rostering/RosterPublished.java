package org.switchboard.rostering;

import java.time.LocalDate;
import java.util.List;

/**
 * A roster was published: for its operators and its {@code days} dates from {@code startDate} it is now the
 * operators' schedule. Published inside the publishing transaction through the event publication registry.
 */
public record RosterPublished(long rosterId, LocalDate startDate, int days, List<Long> operatorIds) {

    public RosterPublished {
        operatorIds = List.copyOf(operatorIds);
    }
}
