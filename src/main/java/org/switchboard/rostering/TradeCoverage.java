package org.switchboard.rostering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingRequirement;

/**
 * What a trade does to the projected service level: for the requirement intervals the moved shifts touch, the
 * call-weighted service level with the published schedule as it is and as it would be, computed as the coverage screen
 * computes it ({@link RosterCoverage#scheduled}: breaks taken out; {@link RosterCoverage#serviceLevel}: the same
 * Erlang projection). A shift moved whole to another operator keeps its queue, times and breaks, so only a trade that
 * adds or takes away work (an open shift picked up) changes it; the automatic approval asks it all the same.
 * Callers read as the system.
 */
@Component
class TradeCoverage {

    private final RosterStore store;
    private final RequirementService requirements;
    private final QueueService queues;

    TradeCoverage(RosterStore store, RequirementService requirements, QueueService queues) {
        this.store = store;
        this.requirements = requirements;
        this.queues = queues;
    }

    /** Call-weighted service level of the touched inbound intervals before and after (null: none with calls). */
    record Effect(Double before, Double after) {
    }

    /**
     * The effect of taking the {@code removed} shifts away from the published schedule and adding the {@code added}
     * ones (each an operator's shift of the roster's site).
     */
    Effect effect(Roster r, List<StoredShift> removed, List<StoredShift> added) {
        List<StoredShift> moved = new ArrayList<>(removed);
        moved.addAll(added);
        moved.removeIf(s -> s.queueId() == null);
        if (moved.isEmpty()) {
            return new Effect(null, null);
        }
        LocalDate from = moved.stream().map(StoredShift::date).min(Comparator.naturalOrder()).orElseThrow().minusDays(1);
        LocalDate to = moved.stream().map(StoredShift::date).max(Comparator.naturalOrder()).orElseThrow().plusDays(2);
        List<StoredShift> before = new ArrayList<>();
        for (Map<LocalDate, Optional<StoredShift>> days : store.published(null, from, to).values()) {
            days.values().forEach(s -> s.ifPresent(before::add));
        }
        List<StoredShift> after = new ArrayList<>(before);
        for (StoredShift s : removed) {
            after.removeIf(x -> x.operatorId() == s.operatorId() && x.date().equals(s.date()));
        }
        after.addAll(added);
        Map<Long, Queue> byId = new HashMap<>();
        queues.list().forEach(q -> byId.put(q.getId(), q));
        Instant first = moved.stream().map(StoredShift::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = moved.stream().map(StoredShift::end).max(Comparator.naturalOrder()).orElseThrow();
        double calls = 0;
        double answeredBefore = 0;
        double answeredAfter = 0;
        for (Long queueId : moved.stream().map(StoredShift::queueId).distinct().toList()) {
            Queue q = byId.get(queueId);
            if (q == null || q.getDirection() == Direction.OUTBOUND) {
                continue;
            }
            List<StoredShift> onBefore = before.stream().filter(s -> queueId.equals(s.queueId())).toList();
            List<StoredShift> onAfter = after.stream().filter(s -> queueId.equals(s.queueId())).toList();
            for (StaffingRequirement req : requirements.requirements(queueId, first, last)) {
                boolean touched = moved.stream().anyMatch(s -> queueId.equals(s.queueId())
                        && s.start().isBefore(req.end()) && req.start().isBefore(s.end()));
                if (!touched || req.calls() <= 0) {
                    continue;
                }
                Double slBefore = RosterCoverage.serviceLevel(q, req, RosterCoverage.scheduled(onBefore, req.start(), req.end()));
                Double slAfter = RosterCoverage.serviceLevel(q, req, RosterCoverage.scheduled(onAfter, req.start(), req.end()));
                if (slBefore == null || slAfter == null) {
                    continue;
                }
                calls += req.calls();
                answeredBefore += req.calls() * slBefore;
                answeredAfter += req.calls() * slAfter;
            }
        }
        return calls <= 0 ? new Effect(null, null) : new Effect(answeredBefore / calls, answeredAfter / calls);
    }
}
