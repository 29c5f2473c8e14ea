package org.switchboard.absences;

/** How an allowance counts days: every calendar day, or only working days (Monday to Friday). */
public enum DayCounting {
    CALENDAR, WORKING
}
