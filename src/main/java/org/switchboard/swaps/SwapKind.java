package org.switchboard.swaps;

/** What is traded: see {@code V020__swaps.sql}. */
public enum SwapKind {
    /** The proposer's shift against the addressee's shift on a date, or against a day they are off (one-sided). */
    SWAP,
    /** The proposer's shift for any eligible colleague to take. */
    GIVEAWAY,
    /** An open shift a planner offers to eligible operators. */
    OPEN_SHIFT
}
