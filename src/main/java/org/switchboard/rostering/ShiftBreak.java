package org.switchboard.rostering;

import org.springframework.data.relational.core.mapping.Table;

/** A break inside a shift: starts {@code offsetMinutes} after the shift start and lasts {@code lengthMinutes}. */
@Table("shift_template_break")
public record ShiftBreak(Integer offsetMinutes, Integer lengthMinutes, boolean paid) {

    public boolean isComplete() {
        return offsetMinutes != null && lengthMinutes != null;
    }

    public int endOffsetMinutes() {
        return offsetMinutes + lengthMinutes;
    }
}
