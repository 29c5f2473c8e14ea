package org.switchboard.absences;

/**
 * A team's rules for time off.
 *
 * @param dailyLimit how many of the team may be off on one day; null: the roster's spare capacity (else a fallback)
 * @param autoApprove whether the system approves requests whose projected service level stays at or above
 *     {@code threshold}
 * @param threshold the lowest projected service level (0..1) the system approves at
 */
public record TeamAbsenceSettings(long teamId, Integer dailyLimit, boolean autoApprove, double threshold) {

    public static final double DEFAULT_THRESHOLD = 0.80;

    public static TeamAbsenceSettings defaults(long teamId) {
        return new TeamAbsenceSettings(teamId, null, false, DEFAULT_THRESHOLD);
    }
}
