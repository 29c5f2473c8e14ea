package org.switchboard.rostering;

/** How many of an operator's wishes a roster grants, out of how many it could. */
public record WishTally(long operatorId, int granted, int total) {
}
