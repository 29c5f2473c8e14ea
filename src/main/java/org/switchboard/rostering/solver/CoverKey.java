package org.switchboard.rostering.solver;

/** A (queue key, slot) pair: one operator's presence in one demand unit. */
public record CoverKey(long queueKey, int slot) {
}
