package org.switchboard.demand.history;

/** What a history file holds. */
public enum ImportKind {
    /** One row per queue and interval: start, queue, offered, handled, AHT. */
    INTERVALS,
    /** One row per call; the import counts them into intervals. */
    CALLS
}
