package org.switchboard.absences;

import java.time.LocalDate;

/**
 * Which absences a list shows; every part optional (null). {@code from}/{@code to} keep the absences touching that
 * date range; {@code teamId} and {@code employeeNumber} narrow the list for managers and planners (an operator's list
 * is always their own).
 */
public record AbsenceFilter(AbsenceStatus status, LocalDate from, LocalDate to, Long teamId, String employeeNumber) {

    public static AbsenceFilter all() {
        return new AbsenceFilter(null, null, null, null, null);
    }

    public static AbsenceFilter status(AbsenceStatus status) {
        return new AbsenceFilter(status, null, null, null, null);
    }
}
