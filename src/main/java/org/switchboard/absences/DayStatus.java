package org.switchboard.absences;

import java.time.LocalDate;

/**
 * A team's day for the request form: {@code used} places (approved and requested full-day absences) of
 * {@code limit}.
 *
 * @param source where the limit comes from: OVERRIDE (the manager's for this date), TEAM (the team's setting),
 *     ROSTER (the roster's spare capacity) or FALLBACK (10 % of the team's active operators, at least one)
 */
public record DayStatus(LocalDate date, int used, int limit, DayState state, LimitSource source) {

    public enum LimitSource {
        OVERRIDE, TEAM, ROSTER, FALLBACK
    }

    public int free() {
        return Math.max(0, limit - used);
    }
}
