package org.switchboard.audit;

/**
 * What an audit entry records; each kind has its name ({@code audit.kind.<KIND>}) and its sentence
 * ({@code audit.text.<KIND>...}) made of the entry's facts when read.
 */
public enum AuditKind {
    /** A roster was published (subject: the roster). */
    ROSTER_PUBLISHED,
    /** A planner changed an operator's day in a draft roster by hand (subject: the roster; before/after: the day). */
    ROSTER_EDITED,
    /** An absence was approved, by a manager or automatically by the team's rule (subject: the absence). */
    ABSENCE_APPROVED,
    /** A manager rejected an absence, with the reason (subject: the absence). */
    ABSENCE_REJECTED,
    /** A shift trade was approved and applied to the published schedule (subject: the swap). */
    SWAP_APPLIED,
    /** A manager rejected an accepted shift trade (subject: the swap). */
    SWAP_REJECTED,
    /** An operator was put on an open shift (subject: the open shift). */
    SHIFT_SUBSTITUTED,
    /** A planner added an open shift to a published roster (subject: the open shift). */
    OPEN_SHIFT_ADDED,
    /** An operator was created, changed or deleted (before null: created; after null: deleted). */
    OPERATOR_CHANGED,
    /** A team was created, changed or deleted. */
    TEAM_CHANGED,
    /** A contract was created, changed or deleted. */
    CONTRACT_CHANGED,
    /** A queue was created, changed or deleted. */
    QUEUE_CHANGED,
    /** A user account was created or changed: display name, roles, enabled. */
    USER_CHANGED,
    /** An administrator lifted a lock after wrong passwords. */
    USER_UNLOCKED,
    /** An administrator set a new one-time password. */
    PASSWORD_RESET,
    /** A user replaced their own password. */
    PASSWORD_CHANGED,
    /** A sign-in with a wrong password or an unknown user name (recorded as made by the system). */
    SIGN_IN_FAILED,
    /** An account was locked after too many wrong passwords in a row (by the system). */
    ACCOUNT_LOCKED
}
