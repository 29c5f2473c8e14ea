package org.switchboard.demand;

/** Whether operators answer calls on a queue or make them. */
public enum Direction {
    INBOUND("Inbound"),
    OUTBOUND("Outbound");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
