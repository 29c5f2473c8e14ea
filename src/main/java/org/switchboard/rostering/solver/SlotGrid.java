package org.switchboard.rostering.solver;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The demand grid of a call-center period: slot {@code i} is [{@code start} + i × {@code minutes}, + {@code minutes}),
 * for {@code 0 <= i < slotCount}. Shift options keep it so that their covered slots can be recomputed when their
 * breaks move (see {@link BreakPlanner}).
 */
public record SlotGrid(Instant start, int minutes, int slotCount) {

    /** The slots of the period a shift from {@code from} to {@code to} covers without its unpaid breaks. */
    public int[] slots(Instant from, Instant to, List<Instant[]> unpaidBreaks) {
        return Arrays.stream(ShiftOption.slotsOnGrid(from, to, unpaidBreaks, start, minutes))
                .filter(s -> s < slotCount).toArray();
    }

    /** Whether {@code t} is a slot boundary. */
    public boolean isBoundary(Instant t) {
        return Math.floorMod(t.getEpochSecond() - start.getEpochSecond(), minutes * 60L) == 0;
    }
}
