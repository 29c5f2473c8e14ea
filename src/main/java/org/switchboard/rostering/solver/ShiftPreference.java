package org.switchboard.rostering.solver;

import java.time.LocalDate;

/**
 * A wish of an operator for one date: {@code templateCode} null means the whole day; {@code wantsWork} true asks
 * for that shift (or any shift), false asks not to work it (or to have the day off). Broken wishes cost
 * {@code weight} at the soft level.
 */
public record ShiftPreference(long operatorId, LocalDate date, String templateCode, boolean wantsWork, int weight) {

    public boolean brokenBy(OperatorDay day) {
        boolean matches = day.getShift() != null
                && (templateCode == null || templateCode.equals(day.getShift().templateCode()));
        return wantsWork != matches;
    }
}
