package org.switchboard.operators;

/** A contract (working-time rules) was created, changed or deleted; rostering marks solved draft rosters as stale. */
public record ContractChanged(long contractId) {
}
