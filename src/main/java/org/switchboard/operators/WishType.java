package org.switchboard.operators;

/** A day off on a date, or a preferred shift kind (on a date, or for the whole wish period). */
public enum WishType {
    DAY_OFF,
    SHIFT_KIND
}
