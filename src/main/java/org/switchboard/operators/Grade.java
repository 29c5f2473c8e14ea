package org.switchboard.operators;

/** An operator's category, from trainee to team lead. */
public enum Grade {
    TRAINEE("Trainee"),
    JUNIOR("Junior operator"),
    REGULAR("Operator"),
    SENIOR("Senior operator"),
    LEAD("Team lead");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
