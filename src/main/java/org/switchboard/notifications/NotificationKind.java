package org.switchboard.notifications;

/** What a notification tells; each kind has its sentence (message key {@code notification.<kind>}) and its facts. */
public enum NotificationKind {
    /** To the operator: their absence was approved (by a manager, or by the system). */
    ABSENCE_APPROVED,
    /** To the operator: their request was rejected, with the manager's reason. */
    ABSENCE_REJECTED,
    /** To every manager: an operator's approved absence was cancelled. */
    ABSENCE_CANCELLED,
    /** To every manager: a new request waits for a decision. */
    ABSENCE_REQUESTED,
    /** To the operator: a published shift was taken off (absence). */
    SHIFT_REMOVED,
    /** To the operator: they were put on a shift (substitution). */
    SHIFT_ASSIGNED,
    /** To each operator of a roster: their schedule for the roster's days is published. */
    ROSTER_PUBLISHED,
    /** To the addressee: a colleague proposes a direct swap. */
    SWAP_PROPOSED,
    /** To the operators involved (not the one who acted): a trade changed state. */
    SWAP_CHANGED,
    /** To every manager: an accepted trade waits for a decision. */
    SWAP_WAITING
}
