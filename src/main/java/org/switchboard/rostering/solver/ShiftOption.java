package org.switchboard.rostering.solver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.switchboard.rostering.ShiftKind;

/**
 * One shift an operator can be given on one date: a template at a start, with everything the constraints need
 * precomputed (instants for rest rules across midnight and DST, paid minutes, kind, weekend).
 *
 * <p>{@code coveredSlots} are the demand slots the shift covers, sorted (see {@link DemandUnit}): for call-center
 * demand the queue-agnostic interval indexes of the period that the shift spans, minus unpaid breaks (the queue
 * comes from the operator's assignment); for slot-style demand the single (day, shift type) slot of the shift.
 *
 * <p>Unpaid breaks may float ({@link BreakWindow}). While solving, {@code coveredSlots} leave each unpaid break out at
 * its nominal position ({@link BreakWindow#nominalStart}); after solving, {@link BreakPlanner} places the breaks and
 * records the slots actually covered on the {@link OperatorDay}.
 *
 * @param id unique among the options of a solution
 * @param dayIndex days since the period start (may be negative for days before the period)
 * @param unpaidBreaks the unpaid breaks, in order; empty when there are none or they are already in coveredSlots
 *        and cannot move (slot-style options)
 * @param grid the demand grid {@code coveredSlots} are on, to recompute them for placed breaks; null for slot-style
 *        options
 * @param notFollowedBy template codes that may not be worked on the next day after this shift (a shift rotation
 *        rule, beyond the rest in hours)
 */
public record ShiftOption(String id, LocalDate date, int dayIndex, String templateCode, Instant start, Instant end,
        LocalTime localStart, int paidMinutes, ShiftKind kind, boolean weekend, int[] coveredSlots,
        List<BreakWindow> unpaidBreaks, SlotGrid grid, java.util.Set<String> notFollowedBy) {

    public ShiftOption {
        unpaidBreaks = unpaidBreaks == null ? List.of() : List.copyOf(unpaidBreaks);
        notFollowedBy = notFollowedBy == null ? java.util.Set.of() : java.util.Set.copyOf(notFollowedBy);
    }

    /** An option without rotation rules. */
    public ShiftOption(String id, LocalDate date, int dayIndex, String templateCode, Instant start, Instant end,
            LocalTime localStart, int paidMinutes, ShiftKind kind, boolean weekend, int[] coveredSlots,
            List<BreakWindow> unpaidBreaks, SlotGrid grid) {
        this(id, date, dayIndex, templateCode, start, end, localStart, paidMinutes, kind, weekend, coveredSlots,
                unpaidBreaks, grid, null);
    }

    /** Whether {@code next}, worked on the day after this shift, breaks a rotation rule. */
    public boolean forbidsNext(ShiftOption next) {
        return !notFollowedBy.isEmpty() && notFollowedBy.contains(next.templateCode());
    }

    /** An option whose breaks (if any) are fixed and already left out of {@code coveredSlots}. */
    public ShiftOption(String id, LocalDate date, int dayIndex, String templateCode, Instant start, Instant end,
            LocalTime localStart, int paidMinutes, ShiftKind kind, boolean weekend, int[] coveredSlots) {
        this(id, date, dayIndex, templateCode, start, end, localStart, paidMinutes, kind, weekend, coveredSlots,
                List.of(), null);
    }

    /** Whether a break may be placed elsewhere than at its nominal position. */
    public boolean hasFloatingBreaks() {
        return grid != null && unpaidBreaks.stream().anyMatch(b -> b.starts(grid).size() > 1);
    }

    /** The unpaid breaks at their nominal positions, as {@code coveredSlots} assume them. */
    public List<PlacedBreak> nominalBreaks() {
        return unpaidBreaks.stream().map(b -> b.at(b.nominalStart(grid))).toList();
    }

    /** The slots this shift covers with its unpaid breaks at {@code breaks} (see {@link SlotGrid#slots}). */
    public int[] coveredSlotsWith(List<PlacedBreak> breaks) {
        if (grid == null) {
            return coveredSlots;
        }
        return grid.slots(start, end, breaks.stream().map(PlacedBreak::span).toList());
    }

    public boolean isNight() {
        return kind == ShiftKind.NIGHT;
    }

    public boolean covers(int slot) {
        return Arrays.binarySearch(coveredSlots, slot) >= 0;
    }

    /**
     * The slots of a grid of {@code intervalMinutes} starting at {@code gridStart} in which the shift is worked for
     * at least half of the interval, not counting time in {@code unpaidBreaks} (pairs of start and end).
     */
    public static int[] slotsOnGrid(Instant start, Instant end, List<Instant[]> unpaidBreaks, Instant gridStart,
            int intervalMinutes) {
        long step = intervalMinutes * 60L;
        long first = Math.floorDiv(start.getEpochSecond() - gridStart.getEpochSecond(), step);
        long last = Math.floorDiv(end.getEpochSecond() - 1 - gridStart.getEpochSecond(), step);
        int[] out = new int[(int) Math.max(0, last - first + 1)];
        int n = 0;
        for (long s = first; s <= last; s++) {
            Instant a = gridStart.plusSeconds(s * step);
            Instant b = a.plusSeconds(step);
            long worked = overlapSeconds(a, b, start, end);
            for (Instant[] br : unpaidBreaks) {
                worked -= overlapSeconds(a, b, br[0], br[1]);
            }
            if (s >= 0 && worked * 2 >= step) {
                out[n++] = (int) s;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static long overlapSeconds(Instant a1, Instant a2, Instant b1, Instant b2) {
        Instant from = a1.isAfter(b1) ? a1 : b1;
        Instant to = a2.isBefore(b2) ? a2 : b2;
        return Math.max(0, Duration.between(from, to).getSeconds());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShiftOption other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return date + " " + templateCode + " " + localStart;
    }
}
