package org.switchboard.swaps;

import java.time.LocalDate;
import java.util.List;

/**
 * A trade changed state (offered, accepted, approved, declined, rejected, cancelled, expired). Facts only; module
 * notifications tells the operators involved (except the one who acted) and, when it waits for a decision, the managers.
 *
 * @param operatorIds the operators involved: proposer, addressee, taker (as far as known)
 * @param actorOperatorId the operator who acted, or null (a manager, a planner, the system)
 * @param withDate the addressee's date of a direct swap, or null
 * @param reasonCode why, for automatic steps ({@code expired}, {@code changed}, {@code manual}, {@code overtime},
 *        {@code serviceLevel}, {@code auto}), or null
 * @param reason a manager's words when rejecting, or null
 */
public record SwapChanged(long swapId, SwapKind kind, SwapStatus status, List<Long> operatorIds, Long proposerOperatorId,
        Long actorOperatorId, String actor, boolean bySystem, LocalDate date, LocalDate withDate, String reasonCode,
        String reason, boolean waitsForManager) {

    public SwapChanged {
        operatorIds = List.copyOf(operatorIds);
    }
}
