package org.switchboard.absences;

/** Why an operator is away. SICK is entered by a planner or manager and approved at once. */
public enum AbsenceType {
    VACATION, UNPAID, BUSINESS_TRIP, TRAINING, SICK, OTHER
}
