package org.switchboard.operators;

/**
 * Who set an availability row or a wish: the operator themself, or a planner for them. A planner's availability rows
 * override the operator's on the dates they apply to (see {@link AvailabilityService}).
 */
public enum SetBy {
    OPERATOR,
    PLANNER
}
