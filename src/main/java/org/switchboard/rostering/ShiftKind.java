package org.switchboard.rostering;

/** Day, evening or night, derived from when a shift runs (see {@link ShiftKindRules}). */
public enum ShiftKind {
    DAY("Day"),
    EVENING("Evening"),
    NIGHT("Night");

    private final String label;

    ShiftKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
