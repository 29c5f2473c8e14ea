package org.switchboard.absences;

/** How full a team's day is for full-day absences: OPEN, TIGHT (one place left) or FULL. */
public enum DayState {
    OPEN, TIGHT, FULL;

    public static DayState of(int used, int limit) {
        return used >= limit ? FULL : limit - used == 1 ? TIGHT : OPEN;
    }
}
