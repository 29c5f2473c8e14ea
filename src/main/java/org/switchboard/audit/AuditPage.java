package org.switchboard.audit;

import java.util.List;

/** One page of entries, newest first, and how many match in all. */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
