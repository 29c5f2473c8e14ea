package org.switchboard.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Which entries to read, newest first.
 *
 * @param from the earliest time (inclusive), or null
 * @param to the latest time (exclusive), or null
 * @param user entries made by this user name, or about their account; null for everyone
 * @param kinds only these kinds; empty for all
 * @param page the page from 0
 * @param size entries per page, 1 to {@link AuditTrail#MAX_SIZE}
 */
public record AuditQuery(Instant from, Instant to, String user, Set<AuditKind> kinds, int page, int size) {

    public AuditQuery {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        user = user == null || user.isBlank() ? null : user.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Everything, first page of the default size. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, Set.of(), 0, AuditTrail.DEFAULT_SIZE);
    }

    public AuditQuery page(int page, int size) {
        return new AuditQuery(from, to, user, kinds, page, size);
    }
}
