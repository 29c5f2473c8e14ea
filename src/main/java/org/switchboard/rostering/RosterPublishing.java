package org.switchboard.rostering;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;

/** What publishing a roster would change for its operators (the confirmation before publishing). */
@Service
public class RosterPublishing {

    private final RosterStore store;
    private final OperatorService operators;
    private final QueueService queues;

    RosterPublishing(RosterStore store, OperatorService operators, QueueService queues) {
        this.store = store;
        this.operators = operators;
        this.queues = queues;
    }

    /**
     * Per operator of the roster and date of its period, the change against the currently published schedule: a NEW
     * shift where the published schedule has a day off or nothing, a CHANGED one (other template, times or queue;
     * breaks aside), a REMOVED one where the roster has a day off. For a published roster it compares with the
     * schedule as it is now, so it lists nothing once it governs its days.
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public PublishPreview publishPreview(long id) {
        // the version first: a change after it makes a publish with this version refuse
        int version = store.version(id);
        Roster r = store.find(id).orElseThrow(() -> new NotFoundException("Roster", id));
        List<Long> operatorIds = store.operatorIds(id);
        Map<Long, Map<LocalDate, StoredShift>> draft = new HashMap<>();
        for (StoredShift s : store.assignments(id)) {
            draft.computeIfAbsent(s.operatorId(), k -> new HashMap<>()).put(s.date(), s);
        }
        Map<Long, Map<LocalDate, Optional<StoredShift>>> published =
                store.published(operatorIds, r.startDate(), r.startDate().plusDays(r.days()));
        Map<Long, Operator> byId = new HashMap<>();
        operators.list().forEach(o -> byId.put(o.getId(), o));
        Map<Long, String> codes = new HashMap<>();
        for (Queue q : queues.list()) {
            codes.put(q.getId(), q.getCode());
        }
        List<PublishPreview.Change> changes = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int removed = 0;
        Set<Long> affected = new HashSet<>();
        for (long op : operatorIds) {
            Operator o = byId.get(op);
            String number = o == null ? String.valueOf(op) : o.getEmployeeNumber();
            String name = o == null ? "" : o.fullName();
            for (int d = 0; d < r.days(); d++) {
                LocalDate date = r.startDate().plusDays(d);
                StoredShift now = draft.getOrDefault(op, Map.of()).get(date);
                Optional<StoredShift> was = published.getOrDefault(op, Map.of()).get(date);
                StoredShift before = was == null ? null : was.orElse(null);
                PublishPreview.Kind kind;
                if (before == null && now == null) {
                    continue;
                } else if (before == null) {
                    kind = PublishPreview.Kind.NEW;
                    added++;
                } else if (now == null) {
                    kind = PublishPreview.Kind.REMOVED;
                    removed++;
                } else if (!now.sameWork(before)) {
                    kind = PublishPreview.Kind.CHANGED;
                    changed++;
                } else {
                    continue;
                }
                affected.add(op);
                changes.add(new PublishPreview.Change(op, number, name, date, kind, shift(before, r.zone(), codes),
                        shift(now, r.zone(), codes)));
            }
        }
        changes.sort(Comparator.comparing(PublishPreview.Change::employeeNumber).thenComparing(PublishPreview.Change::date));
        return new PublishPreview(id, added, changed, removed, affected.size(), List.copyOf(changes), version);
    }

    private static PublishPreview.Shift shift(StoredShift s, ZoneId zone, Map<Long, String> codes) {
        if (s == null) {
            return null;
        }
        return new PublishPreview.Shift(s.templateCode(), s.start().atZone(zone).toOffsetDateTime(),
                s.end().atZone(zone).toOffsetDateTime(), s.queueId() == null ? "" : codes.getOrDefault(s.queueId(), ""));
    }
}
