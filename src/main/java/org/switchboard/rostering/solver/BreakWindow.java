package org.switchboard.rostering.solver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An unpaid break of one shift option: it starts anywhere from {@code earliestStart} to {@code latestStart} (equal:
 * a fixed break) and lasts {@code lengthMinutes}.
 */
public record BreakWindow(Instant earliestStart, Instant latestStart, int lengthMinutes) {

    public BreakWindow {
        if (latestStart.isBefore(earliestStart)) {
            throw new IllegalArgumentException("A break window ends before it starts: " + earliestStart + " " + latestStart);
        }
    }

    public static BreakWindow fixed(Instant start, int lengthMinutes) {
        return new BreakWindow(start, start, lengthMinutes);
    }

    public boolean isFixed() {
        return earliestStart.equals(latestStart);
    }

    public PlacedBreak at(Instant start) {
        return new PlacedBreak(start, start.plusSeconds(lengthMinutes * 60L));
    }

    /**
     * Where the break may be placed: the starts inside the window that are slot boundaries of {@code grid}, so a
     * break takes whole intervals (a 30-minute break across two half-hour slots would, by the half-interval rule of
     * {@link ShiftOption#slotsOnGrid}, cost no coverage at all on paper). A fixed break, a window without a boundary
     * or no grid: the earliest start only.
     */
    public List<Instant> starts(SlotGrid grid) {
        if (isFixed() || grid == null) {
            return List.of(earliestStart);
        }
        long step = grid.minutes() * 60L;
        long offset = Math.floorMod(earliestStart.getEpochSecond() - grid.start().getEpochSecond(), step);
        Instant t = offset == 0 ? earliestStart : earliestStart.plusSeconds(step - offset);
        List<Instant> out = new ArrayList<>();
        for (; !t.isAfter(latestStart); t = t.plusSeconds(step)) {
            out.add(t);
        }
        return out.isEmpty() ? List.of(earliestStart) : out;
    }

    /**
     * The start assumed while solving: of {@link #starts}, the one nearest the middle of the window (the earlier on a
     * tie). The middle rather than the earliest start because the solver then sees the break where it lands on
     * average: after placement it may move either way, and a systematic gap at the start of every window would make
     * the solver add operators there that the placed roster does not need.
     */
    public Instant nominalStart(SlotGrid grid) {
        List<Instant> starts = starts(grid);
        Instant middle = earliestStart.plus(Duration.between(earliestStart, latestStart).dividedBy(2));
        Instant best = starts.getFirst();
        for (Instant s : starts) {
            if (distance(s, middle) < distance(best, middle)) {
                best = s;
            }
        }
        return best;
    }

    static long distance(Instant a, Instant b) {
        return Math.abs(a.getEpochSecond() - b.getEpochSecond());
    }
}
