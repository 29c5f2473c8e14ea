package org.switchboard.swaps;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.rostering.TradeShift;

/**
 * A trade as stored: the shifts as they were offered ({@code giveShift}; {@code takeShift} is the addressee's shift of
 * a direct swap, null when one-sided or not a swap), who is involved and how it stands.
 *
 * @param reason a manager's words when rejecting, or a code ({@code code:…}) for automatic steps
 */
public record Swap(long id, SwapKind kind, SwapStatus status, long rosterId, Long teamId, Long proposerOperatorId,
        String proposedBy, Instant proposedAt, LocalDate giveDate, TradeShift giveShift, Long openShiftId,
        Long addresseeOperatorId, LocalDate takeDate, TradeShift takeShift, Long takerOperatorId, Instant acceptedAt,
        String decidedBy, Instant decidedAt, boolean decidedBySystem, String reason, String closedBy, Instant closedAt,
        Instant expiresAt) {

    /** The operators involved, as far as known: proposer, addressee, taker. */
    public List<Long> operatorIds() {
        List<Long> out = new ArrayList<>();
        for (Long id : new Long[] {proposerOperatorId, addresseeOperatorId, takerOperatorId}) {
            if (id != null && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** The one-sided direct swap: the addressee takes the shift and gives nothing back. */
    public boolean oneSided() {
        return kind == SwapKind.SWAP && takeShift == null;
    }

    /** One step of a trade's history. */
    public record Step(SwapStatus status, Instant at, String actor, boolean bySystem, String reason) {
    }
}
