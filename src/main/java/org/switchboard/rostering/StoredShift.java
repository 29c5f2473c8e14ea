package org.switchboard.rostering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One worked day as a roster keeps it: which template, when (instants), paid minutes, the queue and the unpaid
 * breaks actually placed.
 *
 * @param date the site's local date the shift starts on
 * @param queueId null for an operator without a queue (none of the demand's queues)
 */
public record StoredShift(long operatorId, LocalDate date, String templateCode, Instant start, Instant end,
        int paidMinutes, Long queueId, List<Span> breaks) {

    public StoredShift {
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    /** The worked days in a solved roster's period, with the breaks placed. */
    static List<StoredShift> of(org.switchboard.rostering.solver.RosterSolution solution) {
        return solution.getDays().stream().filter(d -> d.isInPeriod() && d.isWorking())
                .map(d -> new StoredShift(d.operatorId(), d.getDate(), d.getShift().templateCode(), d.getShift().start(),
                        d.getShift().end(), d.getShift().paidMinutes(), d.getQueue(),
                        d.getBreaks().stream().map(b -> new Span(b.start(), b.end())).toList()))
                .toList();
    }

    /** A time span [start, end). */
    public record Span(Instant start, Instant end) {
        public long minutes() {
            return java.time.Duration.between(start, end).toMinutes();
        }
    }

    /** The longest break (the meal break), or null without breaks. */
    public Span mainBreak() {
        Span best = null;
        for (Span b : breaks) {
            if (best == null || b.minutes() > best.minutes()) {
                best = b;
            }
        }
        return best;
    }

    /** Same work: same template, start, end and queue (breaks aside). */
    public boolean sameWork(StoredShift other) {
        return other != null && templateCode.equals(other.templateCode) && start.equals(other.start)
                && end.equals(other.end) && java.util.Objects.equals(queueId, other.queueId);
    }
}
