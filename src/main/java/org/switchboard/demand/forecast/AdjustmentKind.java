package org.switchboard.demand.forecast;

/** How a planner's adjustment changes the forecast of the intervals it spans. */
public enum AdjustmentKind {
    /** Multiply by (1 + amount/100): +20 for a campaign, −50 for a holiday. */
    SCALE,
    /** Replace by amount calls per interval. */
    OVERRIDE
}
