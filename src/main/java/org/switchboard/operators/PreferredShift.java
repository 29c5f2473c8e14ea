package org.switchboard.operators;

/**
 * The shift kind a wish asks for: day, evening or night. Module rostering derives a shift's kind from its times and
 * matches it by name; this module keeps its own enum so that it does not depend on rostering.
 */
public enum PreferredShift {
    DAY,
    EVENING,
    NIGHT
}
