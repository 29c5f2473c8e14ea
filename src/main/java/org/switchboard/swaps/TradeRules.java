package org.switchboard.swaps;

/**
 * A team's rules for trades.
 *
 * @param sameQueueOnly a direct swap only between shifts of the same queue (a taker always needs the skill for the
 *        shift's queue: that is a rule of the roster)
 * @param unequalPaidTime a direct swap of shifts with different paid time is allowed
 * @param oneSided a shift may be traded against a day the colleague is off
 * @param minNoticeHours no trades of shifts starting within this many hours
 * @param openDaysAhead trades are open for shifts up to this many days ahead
 * @param autoApprove trades are approved on their own when nothing breaks and the service level does not fall below
 *        the threshold
 * @param threshold the service level (a share: 0.8 for 80 %) the affected intervals must not fall below
 */
public record TradeRules(long teamId, boolean sameQueueOnly, boolean unequalPaidTime, boolean oneSided,
        int minNoticeHours, int openDaysAhead, boolean autoApprove, double threshold) {

    public static TradeRules defaults(long teamId) {
        return new TradeRules(teamId, false, true, true, 12, 60, true, 0.8);
    }
}
