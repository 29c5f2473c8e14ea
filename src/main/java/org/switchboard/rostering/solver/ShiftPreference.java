package org.switchboard.rostering.solver;

import java.time.LocalDate;
import org.switchboard.rostering.ShiftKind;

/**
 * A wish of an operator for one date: {@code templateCode} and {@code kind} null mean the whole day (any shift), else
 * a shift of that template and/or of that kind (day, evening, night); {@code wantsWork} true asks for such a shift,
 * false asks not to work it (or to have the day off). Broken wishes cost {@code weight} at the soft level.
 */
public record ShiftPreference(long operatorId, LocalDate date, String templateCode, ShiftKind kind, boolean wantsWork,
        int weight) {

    /** A wish about a template (or, with null, the whole day). */
    public ShiftPreference(long operatorId, LocalDate date, String templateCode, boolean wantsWork, int weight) {
        this(operatorId, date, templateCode, null, wantsWork, weight);
    }

    /** Whether {@code shift} (null = a day off) is what the wish names. */
    public boolean matches(ShiftOption shift) {
        return shift != null && (templateCode == null || templateCode.equals(shift.templateCode()))
                && (kind == null || kind == shift.kind());
    }

    public boolean brokenBy(OperatorDay day) {
        return wantsWork != matches(day.getShift());
    }
}
