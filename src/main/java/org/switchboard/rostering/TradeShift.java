package org.switchboard.rostering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A published shift as a trade offers it (module swaps keeps these facts with the trade and compares them with the
 * schedule just before applying it): whose it is (null for an open shift), in which roster, when and on which queue.
 *
 * @param date the site's date the shift starts on
 * @param openShiftId the open shift it is (null for an operator's shift)
 * @param queueId null for a shift without a queue
 * @param zone the roster's (site's) zone, for the local times
 */
public record TradeShift(long rosterId, Long operatorId, Long openShiftId, LocalDate date, String templateCode,
        Instant start, Instant end, int paidMinutes, Long queueId, String queueCode, ZoneId zone) {

    public LocalTime localStart() {
        return start.atZone(zone).toLocalTime();
    }

    public LocalTime localEnd() {
        return end.atZone(zone).toLocalTime();
    }

    /** The same work: roster, template, times and queue (whoever works it). */
    public boolean sameWork(TradeShift other) {
        return other != null && rosterId == other.rosterId && templateCode.equals(other.templateCode)
                && start.equals(other.start) && end.equals(other.end) && Objects.equals(queueId, other.queueId);
    }

    static TradeShift of(Roster r, StoredShift s, Long operatorId, Long openShiftId, String queueCode) {
        return new TradeShift(r.id(), operatorId, openShiftId, s.date(), s.templateCode(), s.start(), s.end(),
                s.paidMinutes(), s.queueId(), queueCode, r.zone());
    }
}
