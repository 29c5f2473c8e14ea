package org.switchboard.operators;

/**
 * An operator was created, changed or deleted, or their availability or wishes changed (published after the change is committed; rostering marks draft
 * rosters solved before it as stale).
 *
 * @param teamId the operator's team (null when unknown, e.g. after a delete)
 */
public record OperatorChanged(long operatorId, Long teamId) {
}
