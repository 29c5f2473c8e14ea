package org.switchboard.rostering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.absences.AbsenceImpact;
import org.switchboard.absences.CoverageEffects;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.shared.SystemAuthentication;

/**
 * What an absence does to coverage ({@link CoverageEffects} for module absences), from the published schedule and
 * the stored requirements, computed as the coverage screen computes it ({@link RosterCoverage#scheduled}: breaks
 * taken out; {@link RosterCoverage#serviceLevel}: the same Erlang projection). No role check and no signed-in user
 * needed (the automatic approval calls it): it reads as the system; callers decide who may see the answer.
 */
@Service
class AbsenceCoverage implements CoverageEffects {

    private final RosterStore store;
    private final OpenShiftStore openShifts;
    private final RequirementService requirements;
    private final QueueService queues;
    private final OperatorService operators;

    AbsenceCoverage(RosterStore store, OpenShiftStore openShifts, RequirementService requirements, QueueService queues,
            OperatorService operators) {
        this.store = store;
        this.openShifts = openShifts;
        this.requirements = requirements;
        this.queues = queues;
        this.operators = operators;
    }

    /**
     * For the operator's published shifts overlapping [start, end) (and shifts an approved absence already opened,
     * counted as still theirs), per date and queue every requirement interval they touch: required, scheduled with
     * them (before) and without them (after), and the projected service level of each.
     */
    @Override
    @Transactional(readOnly = true)
    public AbsenceImpact impact(long operatorId, Instant start, Instant end) {
        return SystemAuthentication.callAsSystem(() -> computeImpact(operatorId, start, end));
    }

    private AbsenceImpact computeImpact(long operatorId, Instant start, Instant end) {
        // the dates the span touches in any zone, with a day's margin for nights that began the day before
        LocalDate from = start.atZone(ZoneId.of("UTC")).toLocalDate().minusDays(2);
        LocalDate to = end.atZone(ZoneId.of("UTC")).toLocalDate().plusDays(2);
        Map<Long, Map<LocalDate, Optional<StoredShift>>> published = store.published(null, from, to);
        List<StoredShift> all = new ArrayList<>();
        published.values().forEach(days -> days.values().forEach(s -> s.ifPresent(all::add)));
        List<StoredShift> away = new ArrayList<>(all.stream()
                .filter(s -> s.operatorId() == operatorId && overlaps(s, start, end) && s.queueId() != null).toList());
        // shifts an approved absence already took away: still theirs in "before"
        for (OpenShift o : openShifts.ofAbsentOperator(operatorId, from, to)) {
            StoredShift s = o.asShiftOf(operatorId);
            if (overlaps(s, start, end) && s.queueId() != null && away.stream().noneMatch(a -> a.date().equals(s.date()))) {
                away.add(s);
                all.add(s);
            }
        }
        if (away.isEmpty()) {
            return AbsenceImpact.none();
        }
        Map<Long, Queue> queueById = new HashMap<>();
        queues.list().forEach(q -> queueById.put(q.getId(), q));
        ZoneId zone = zoneOf(operatorId);
        List<AbsenceImpact.QueueDay> days = new ArrayList<>();
        Map<String, List<StoredShift>> byQueueDay = new TreeMap<>();
        for (StoredShift s : away) {
            byQueueDay.computeIfAbsent(s.date() + "|" + s.queueId(), k -> new ArrayList<>()).add(s);
        }
        for (List<StoredShift> group : byQueueDay.values()) {
            StoredShift first = group.getFirst();
            Queue q = queueById.get(first.queueId());
            if (q == null) {
                continue;
            }
            List<StoredShift> onQueue = all.stream().filter(s -> first.queueId().equals(s.queueId())).toList();
            List<StoredShift> without = onQueue.stream().filter(s -> !away.contains(s)).toList();
            Instant spanStart = group.stream().map(StoredShift::start).min(Comparator.naturalOrder()).orElseThrow();
            Instant spanEnd = group.stream().map(StoredShift::end).max(Comparator.naturalOrder()).orElseThrow();
            boolean inbound = q.getDirection() != Direction.OUTBOUND;
            List<AbsenceImpact.Interval> intervals = new ArrayList<>();
            for (StaffingRequirement r : requirements.requirements(q.getId(), spanStart.minusSeconds(4 * 3600), spanEnd)) {
                if (!r.end().isAfter(spanStart) || group.stream().noneMatch(s -> s.start().isBefore(r.end())
                        && r.start().isBefore(s.end()))) {
                    continue;
                }
                double before = RosterCoverage.scheduled(onQueue, r.start(), r.end());
                double after = RosterCoverage.scheduled(without, r.start(), r.end());
                intervals.add(new AbsenceImpact.Interval(r.start(), r.start().atZone(zone).toLocalTime(),
                        r.intervalMinutes(), r.calls(), r.positions(), before, after,
                        inbound ? RosterCoverage.serviceLevel(q, r, before) : null,
                        inbound ? RosterCoverage.serviceLevel(q, r, after) : null));
            }
            Double target = inbound && q.getServiceLevelPercent() != null ? q.getServiceLevelPercent() / 100 : null;
            days.add(new AbsenceImpact.QueueDay(first.date(), q.getId(), q.getCode(), target, intervals));
        }
        return new AbsenceImpact(days);
    }

    /**
     * How many operators of the team could be away on the date: those the roster plans with a day off there (away,
     * they take nothing from coverage), plus the working ones who could go, one after another, while every queue
     * interval the team works stays at or above its requirement (those whose shifts touch the fewest tight intervals
     * go first). From the published roster covering the date, else the latest draft; empty when none covers it.
     */
    @Override
    @Transactional(readOnly = true)
    public Map<LocalDate, Integer> spareOperators(long teamId, LocalDate from, LocalDate to) {
        return SystemAuthentication.callAsSystem(() -> {
            Set<Long> team = new HashSet<>();
            operators.list().stream().filter(o -> o.isActive() && o.getTeamId() != null && o.getTeamId() == teamId)
                    .forEach(o -> team.add(o.getId()));
            Map<LocalDate, Integer> out = new HashMap<>();
            if (team.isEmpty()) {
                return out;
            }
            // read once for the whole range: the rosters, whom each plans, and the assignments of those used
            List<Roster> rosters = store.list();
            Map<Long, List<Long>> planned = new HashMap<>();
            Map<Long, List<StoredShift>> assignments = new HashMap<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                Roster roster = covering(rosters, planned, team, d);
                if (roster != null) {
                    out.put(d, computeSpare(team, roster, d, planned.get(roster.id()),
                            assignments.computeIfAbsent(roster.id(), store::assignments)));
                }
            }
            return out;
        });
    }

    /** The published roster covering the date and planning some of the team, else the latest such draft; or null. */
    private Roster covering(List<Roster> rosters, Map<Long, List<Long>> planned, Set<Long> team, LocalDate date) {
        for (RosterState state : List.of(RosterState.PUBLISHED, RosterState.DRAFT)) {
            Roster roster = rosters.stream().filter(r -> r.state() == state && r.contains(date))
                    .filter(r -> planned.computeIfAbsent(r.id(), store::operatorIds).stream().anyMatch(team::contains))
                    .max(Comparator.comparing((Roster r) -> r.publishedAt() == null ? r.createdAt() : r.publishedAt())
                            .thenComparingLong(Roster::id))
                    .orElse(null);
            if (roster != null) {
                return roster;
            }
        }
        return null;
    }

    private int computeSpare(Set<Long> team, Roster roster, LocalDate date, List<Long> plannedIds,
            List<StoredShift> rosterShifts) {
        ZoneId zone = roster.zone();
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<StoredShift> shifts = rosterShifts.stream()
                .filter(s -> s.queueId() != null && s.start().isBefore(dayEnd.plusSeconds(12 * 3600))
                        && s.end().isAfter(dayStart.minusSeconds(12 * 3600)))
                .toList();
        List<StoredShift> teamToday = shifts.stream().filter(s -> team.contains(s.operatorId()) && s.date().equals(date))
                .toList();
        // every requirement interval a team member's shift that day touches, with what it needs
        Map<String, StaffingRequirement> intervals = new LinkedHashMap<>();
        Map<Long, List<StaffingRequirement>> rowsByQueue = new HashMap<>();
        for (StoredShift s : teamToday) {
            List<StaffingRequirement> rows = rowsByQueue.computeIfAbsent(s.queueId(),
                    q -> requirements.requirements(q, dayStart.minusSeconds(4 * 3600), dayEnd.plusSeconds(12 * 3600)));
            for (StaffingRequirement r : rows) {
                if (s.start().isBefore(r.end()) && r.start().isBefore(s.end())) {
                    intervals.put(r.queueId() + "@" + r.start(), r);
                }
            }
        }
        List<StoredShift> remaining = new ArrayList<>(shifts);
        List<StoredShift> order = new ArrayList<>(teamToday);
        order.sort(Comparator.comparingInt((StoredShift s) -> tight(s, intervals.values(), remaining))
                .thenComparingLong(StoredShift::operatorId));
        Set<Long> working = new HashSet<>();
        teamToday.forEach(s -> working.add(s.operatorId()));
        int spare = (int) plannedIds.stream().filter(team::contains).filter(o -> !working.contains(o)).count();
        for (StoredShift s : order) {
            List<StoredShift> without = new ArrayList<>(remaining);
            without.remove(s);
            boolean fine = true;
            for (StaffingRequirement r : intervals.values()) {
                if (s.queueId() == null || r.queueId() != s.queueId() || !(s.start().isBefore(r.end()) && r.start().isBefore(s.end()))) {
                    continue;
                }
                List<StoredShift> onQueue = without.stream().filter(x -> x.queueId() != null && r.queueId() == x.queueId()).toList();
                if (RosterCoverage.scheduled(onQueue, r.start(), r.end()) + 1e-9 < r.positions()) {
                    fine = false;
                    break;
                }
            }
            if (fine) {
                remaining.remove(s);
                spare++;
            }
        }
        return spare;
    }

    /** How many of the intervals the shift touches have no operator to spare. */
    private static int tight(StoredShift s, java.util.Collection<StaffingRequirement> intervals, List<StoredShift> all) {
        int n = 0;
        for (StaffingRequirement r : intervals) {
            if (s.queueId() != null && r.queueId() == s.queueId() && s.start().isBefore(r.end()) && r.start().isBefore(s.end())) {
                List<StoredShift> onQueue = all.stream().filter(x -> x.queueId() != null && r.queueId() == x.queueId()).toList();
                if (RosterCoverage.scheduled(onQueue, r.start(), r.end()) < r.positions() + 1) {
                    n++;
                }
            }
        }
        return n;
    }

    private ZoneId zoneOf(long operatorId) {
        return operators.list().stream().filter(o -> o.getId() == operatorId).findFirst().map(Operator::zone)
                .orElse(ZoneId.of("UTC"));
    }

    private static boolean overlaps(StoredShift s, Instant start, Instant end) {
        return s.start().isBefore(end) && start.isBefore(s.end());
    }
}
