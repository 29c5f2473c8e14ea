package org.switchboard.demand.staffing;

/** An outbound queue's work: calls to make on each open day and their average handling time. */
public record OutboundWorkload(long queueId, int callsPerDay, int ahtSeconds) {}
