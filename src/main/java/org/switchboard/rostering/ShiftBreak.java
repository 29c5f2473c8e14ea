package org.switchboard.rostering;

import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A break inside a shift: starts {@code offsetMinutes} after the shift start and lasts {@code lengthMinutes}. With
 * {@code latestOffsetMinutes} the break floats: it may start anywhere from {@code offsetMinutes} to
 * {@code latestOffsetMinutes} after the shift start, and the roster places it where coverage suffers least (see
 * {@code rostering.solver.BreakPlanner}). Null (or equal to the offset) = fixed.
 */
@Table("shift_template_break")
public record ShiftBreak(Integer offsetMinutes, Integer lengthMinutes, boolean paid, Integer latestOffsetMinutes) {

    @PersistenceCreator
    public ShiftBreak {
    }

    /** A fixed break. */
    public ShiftBreak(Integer offsetMinutes, Integer lengthMinutes, boolean paid) {
        this(offsetMinutes, lengthMinutes, paid, null);
    }

    public boolean isComplete() {
        return offsetMinutes != null && lengthMinutes != null;
    }

    /** Whether the break may move: a latest start after the earliest. */
    public boolean isFloating() {
        return latestOffsetMinutes != null && offsetMinutes != null && latestOffsetMinutes > offsetMinutes;
    }

    /** The latest start after the shift start: {@code latestOffsetMinutes}, or the offset of a fixed break. */
    public int latestStartOffsetMinutes() {
        return latestOffsetMinutes == null ? offsetMinutes : latestOffsetMinutes;
    }

    /** End after the shift start when placed at its earliest. */
    public int endOffsetMinutes() {
        return offsetMinutes + lengthMinutes;
    }

    /** End after the shift start when placed at its latest: the end of the window it may move in. */
    public int latestEndOffsetMinutes() {
        return latestStartOffsetMinutes() + lengthMinutes;
    }
}
