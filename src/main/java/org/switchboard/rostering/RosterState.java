package org.switchboard.rostering;

/** Where a roster is in its life. */
public enum RosterState {
    /** Being planned: solving and editing change it; operators do not see it. */
    DRAFT,
    /** The operators' schedule for its period. */
    PUBLISHED,
    /** Was published; a later published roster replaced it for (some of) its operators and dates. Kept for the record. */
    SUPERSEDED
}
