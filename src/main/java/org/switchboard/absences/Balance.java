package org.switchboard.absences;

/**
 * An operator's balance of one absence type in one year, in days as the allowance counts them. For a type without an
 * allowance (unlimited) {@code allowance}, {@code carriedOver} and {@code remaining} are null.
 *
 * @param taken approved days in the year
 * @param pending requested and waitlisted days in the year (reserved)
 * @param remaining allowance + carried over − taken − pending
 */
public record Balance(AbsenceType type, int year, Integer allowance, DayCounting counting, Integer carriedOver,
        int taken, int pending, Integer remaining) {

    public boolean unlimited() {
        return allowance == null;
    }
}
