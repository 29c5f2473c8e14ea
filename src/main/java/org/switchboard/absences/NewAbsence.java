package org.switchboard.absences;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A request for time off (or an entry by a planner or manager): whole days {@code from} to {@code to} (inclusive), or
 * a time span {@code start} to {@code end} as local date-times of the operator's site instead.
 *
 * @param employeeNumber whose absence; null for the signed-in operator's own (only planners, managers and admins may
 *     name someone else)
 */
public record NewAbsence(AbsenceType type, LocalDate from, LocalDate to, LocalDateTime start, LocalDateTime end,
        String note, String employeeNumber) {

    /** Whole days for the signed-in operator. */
    public static NewAbsence days(AbsenceType type, LocalDate from, LocalDate to, String note) {
        return new NewAbsence(type, from, to, null, null, note, null);
    }

    /** A time span for the signed-in operator. */
    public static NewAbsence span(AbsenceType type, LocalDateTime start, LocalDateTime end, String note) {
        return new NewAbsence(type, null, null, start, end, note, null);
    }

    /** The same request for the operator with this employee number. */
    public NewAbsence forEmployee(String number) {
        return new NewAbsence(type, from, to, start, end, note, number);
    }

    /** Whether this asks for a time span rather than whole days. */
    public boolean isSpan() {
        return start != null || end != null;
    }
}
