package org.switchboard.swaps;

/** Where a trade stands. PROPOSED and ACCEPTED are active; the others end it and are kept as history. */
public enum SwapStatus {
    /** Offered; waits for the addressee (or any eligible taker). */
    PROPOSED,
    /** Taken; waits for a manager's decision. */
    ACCEPTED,
    /** Approved (by a manager or automatically) and applied to the published schedule. */
    APPROVED,
    /** The addressee said no. */
    DECLINED,
    /** A manager said no. */
    REJECTED,
    /** The proposer (or, for an open shift, a planner) withdrew it. */
    CANCELLED,
    /** A shift started before it was decided, or changed so that it could no longer be applied. */
    EXPIRED;

    public boolean active() {
        return this == PROPOSED || this == ACCEPTED;
    }
}
