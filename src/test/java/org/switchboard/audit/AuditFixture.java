package org.switchboard.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.switchboard.absences.AbsenceTestSupport;

/** Reading the audit trail in other modules' tests: what was recorded since a moment, as a manager reads it. */
public final class AuditFixture {

    private AuditFixture() {}

    /** Runs the work signed in as {@code user} with the roles (comma-separated). */
    public static <T> T as(String user, String roles, Supplier<T> work) {
        return AbsenceTestSupport.as(user, roles, work);
    }

    /** The entries of these kinds (all kinds: none given) recorded since {@code from}, newest first. */
    public static List<AuditEntry> since(AuditTrail trail, Instant from, AuditKind... kinds) {
        return as("manager", "MANAGER", () -> trail.find(new AuditQuery(from, null, null, Set.of(kinds), 0,
                AuditTrail.MAX_SIZE))).entries();
    }

    /** The one entry of the kind about the subject since {@code from}; fails unless there is exactly one. */
    public static AuditEntry one(AuditTrail trail, Instant from, AuditKind kind, String subjectType, Object subjectId) {
        List<AuditEntry> found = since(trail, from, kind).stream()
                .filter(e -> e.subjectType().equals(subjectType) && e.subjectId().equals(String.valueOf(subjectId)))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " of " + subjectType + " " + subjectId + " since " + from
                    + ", found " + found);
        }
        return found.getFirst();
    }
}
