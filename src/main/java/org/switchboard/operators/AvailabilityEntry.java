package org.switchboard.operators;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One row of an operator's recurring availability: on the given days of the week, within the validity period (null
 * = open), the operator is available only from {@code from} and/or until {@code until} (local times in the
 * operator's zone; null = the day's start or end), or not at all ({@code available} false).
 *
 * @param id null for a new row
 * @param setBy who set it (ignored on input: the endpoint decides)
 */
public record AvailabilityEntry(Long id, Set<DayOfWeek> days, boolean available, LocalTime from, LocalTime until,
        LocalDate validFrom, LocalDate validTo, String note, SetBy setBy, String changedBy, Instant changedAt) {

    public AvailabilityEntry {
        days = days == null || days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
        note = note == null || note.isBlank() ? null : note.trim();
    }

    /** A new row as a client states it. */
    public static AvailabilityEntry of(Collection<DayOfWeek> days, boolean available, LocalTime from, LocalTime until,
            LocalDate validFrom, LocalDate validTo, String note) {
        return new AvailabilityEntry(null, days == null ? Set.of() : Set.copyOf(days), available, from, until,
                validFrom, validTo, note, null, null, null);
    }

    /** Whether the row restricts {@code date}: its day of week, within the validity. */
    public boolean appliesOn(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && (validFrom == null || !date.isBefore(validFrom))
                && (validTo == null || !date.isAfter(validTo));
    }

    /** The days as the bit mask stored (Monday = 1 ... Sunday = 64). */
    int mask() {
        int m = 0;
        for (DayOfWeek d : days) {
            m |= 1 << (d.getValue() - 1);
        }
        return m;
    }

    static Set<DayOfWeek> days(int mask) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((mask & (1 << (d.getValue() - 1))) != 0) {
                out.add(d);
            }
        }
        return out;
    }
}
