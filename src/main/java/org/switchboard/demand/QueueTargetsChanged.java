package org.switchboard.demand;

/** A queue's staffing targets, direction, time zone or opening hours changed: its requirements need recomputing. */
public record QueueTargetsChanged(long queueId) {}
