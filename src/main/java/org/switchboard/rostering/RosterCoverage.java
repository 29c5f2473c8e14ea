package org.switchboard.rostering;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingCalculator;
import org.switchboard.demand.staffing.StaffingRequest;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;

/**
 * How well a roster covers a queue: per requirement interval the operators required (positions, as the roster plans
 * them) against the operators scheduled on the queue, breaks taken out, and the service level those operators are
 * projected to give. The projection asks the demand module's Erlang code ({@link StaffingCalculator#evaluate}, Erlang
 * C, or Erlang A when the queue has a patience) with the interval's forecast calls and handling time, the scheduled
 * operators less the queue's shrinkage as agents on the phones, and the queue's answer time. A day without any
 * requirement rows of the queue has <em>no demand</em>: nothing to cover, which is not the same as fully covered.
 */
@Service
public class RosterCoverage {

    private final RosterStore store;
    private final RosterService rosters;
    private final RequirementService requirements;
    private final QueueService queues;

    RosterCoverage(RosterStore store, RosterService rosters, RequirementService requirements, QueueService queues) {
        this.store = store;
        this.rosters = rosters;
        this.requirements = requirements;
        this.queues = queues;
    }

    /**
     * One interval of a queue.
     *
     * @param time the interval's start as the site's local time of day
     * @param required operators to schedule (the requirement's positions)
     * @param scheduled operators on the queue during the interval, breaks taken out (a break of half the interval
     *     counts half an operator)
     * @param serviceLevel projected fraction answered within the queue's answer time; null for outbound queues and
     *     intervals without calls
     */
    public record Interval(Instant start, LocalTime time, int minutes, double calls, double ahtSeconds, int required,
            double scheduled, Double serviceLevel) {

        /** Scheduled minus required: below zero under-staffed, above zero over-staffed. */
        public double gap() {
            return scheduled - required;
        }
    }

    /**
     * A queue's coverage on one date of the site.
     *
     * @param noDemand the queue has no requirements on this date (no forecast): nothing to cover
     * @param targetServiceLevel the queue's target as a fraction; null for outbound queues
     */
    public record Day(LocalDate date, long queueId, boolean noDemand, Double targetServiceLevel,
            List<Interval> intervals) {

        public int requiredTotal() {
            return intervals.stream().mapToInt(Interval::required).sum();
        }

        /** Required operator-intervals met by scheduled ones, as a share (null without demand). */
        public Double coveredShare() {
            double required = 0;
            double covered = 0;
            for (Interval i : intervals) {
                required += i.required();
                covered += Math.min(i.required(), i.scheduled());
            }
            return required == 0 ? null : covered / required;
        }
    }

    /** The queues a roster covers: its own, or every queue when it names none. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<Queue> queues(long rosterId) {
        Roster r = rosters.get(rosterId);
        return queues.list().stream().filter(q -> r.queueIds().isEmpty() || r.queueIds().contains(q.getId())).toList();
    }

    /** The operators a roster plans (with or without shifts), by id. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<Long> operatorIds(long rosterId) {
        rosters.get(rosterId);
        return store.operatorIds(rosterId);
    }

    /**
     * The roster's stored worked days with every break placed (the board and the printable week read these; unlike
     * {@link RosterService#assignments} they do not read the operators again).
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<StoredShift> shifts(long rosterId) {
        rosters.get(rosterId);
        return store.assignments(rosterId);
    }

    /**
     * The days planners pinned, as dates per operator id (what the board marks; {@code RosterEdits.pins} names the
     * operators too, which costs a read of every operator).
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public Map<Long, Set<LocalDate>> pinnedDates(long rosterId) {
        rosters.get(rosterId);
        return store.pins(rosterId);
    }

    /** A queue's coverage by the roster's stored shifts on one date (any date; outside the period nobody works). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public Day day(long rosterId, long queueId, LocalDate date) {
        return days(rosterId, queueId, date, 1).getFirst();
    }

    /** A queue's coverage on {@code count} dates from {@code from} (1 to 42): the week heat map. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<Day> days(long rosterId, long queueId, LocalDate from, int count) {
        if (count < 1 || count > 42) {
            throw new IllegalArgumentException("count: 1 to 42, was " + count);
        }
        Roster r = rosters.get(rosterId);
        Queue queue = queues.list().stream().filter(q -> q.getId() == queueId).findFirst()
                .orElseThrow(() -> new NotFoundException("Queue", queueId));
        ZoneId zone = r.zone();
        List<StaffingRequirement> rows = requirements.requirements(queueId, from.atStartOfDay(zone).toInstant(),
                from.plusDays(count).atStartOfDay(zone).toInstant());
        List<StoredShift> shifts = store.assignments(rosterId).stream()
                .filter(s -> s.queueId() != null && s.queueId() == queueId).toList();
        List<Day> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            LocalDate date = from.plusDays(d);
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            List<StaffingRequirement> day = rows.stream()
                    .filter(q -> !q.start().isBefore(start) && q.start().isBefore(end)).toList();
            out.add(day(queue, date, day, shifts, zone));
        }
        return out;
    }

    /** The coverage of one date from its requirement rows and the queue's shifts (pure; package-visible for tests). */
    static Day day(Queue queue, LocalDate date, List<StaffingRequirement> rows, List<StoredShift> shifts, ZoneId zone) {
        boolean inbound = queue.getDirection() != Direction.OUTBOUND;
        List<Interval> intervals = new ArrayList<>(rows.size());
        for (StaffingRequirement r : rows) {
            double scheduled = scheduled(shifts, r.start(), r.end());
            intervals.add(new Interval(r.start(), r.start().atZone(zone).toLocalTime(), r.intervalMinutes(), r.calls(),
                    r.ahtSeconds(), r.positions(), scheduled, inbound ? serviceLevel(queue, r, scheduled) : null));
        }
        Double target = inbound && queue.getServiceLevelPercent() != null ? queue.getServiceLevelPercent() / 100 : null;
        return new Day(date, queue.getId(), rows.isEmpty(), target, List.copyOf(intervals));
    }

    /** Operators working during [from, to): each shift's share of the span, less the share its breaks take. */
    static double scheduled(List<StoredShift> shifts, Instant from, Instant to) {
        double span = Duration.between(from, to).toSeconds();
        double present = 0;
        for (StoredShift s : shifts) {
            double seconds = overlap(s.start(), s.end(), from, to);
            if (seconds <= 0) {
                continue;
            }
            for (StoredShift.Span b : s.breaks()) {
                seconds -= overlap(b.start(), b.end(), from, to);
            }
            present += Math.max(0, seconds) / span;
        }
        return present;
    }

    private static double overlap(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        Instant s = aStart.isAfter(bStart) ? aStart : bStart;
        Instant e = aEnd.isBefore(bEnd) ? aEnd : bEnd;
        return e.isAfter(s) ? Duration.between(s, e).toSeconds() : 0;
    }

    /**
     * The projected service level with the scheduled operators: the operators on the phones after shrinkage, the
     * interval's calls and handling time, the queue's answer time and patience. Erlang counts whole agents; a fraction
     * (breaks, shrinkage) is interpolated between the whole numbers below and above, so every extra operator shows.
     * Null without calls.
     */
    static Double serviceLevel(Queue queue, StaffingRequirement r, double scheduled) {
        if (r.calls() <= 0 || r.ahtSeconds() <= 0) {
            return null;
        }
        double shrinkage = queue.getShrinkagePercent() == null ? 0 : queue.getShrinkagePercent() / 100;
        double agents = Math.max(0, scheduled * (1 - shrinkage));
        int below = (int) Math.floor(agents + 1e-9);
        double fraction = Math.max(0, agents - below);
        double within = queue.getAnswerWithinSeconds() == null ? 20 : queue.getAnswerWithinSeconds();
        Double patience = queue.getPatienceSeconds() == null ? null : queue.getPatienceSeconds().doubleValue();
        StaffingRequest request = new StaffingRequest(r.calls(), r.intervalMinutes(), r.ahtSeconds(), null, within, null,
                null, shrinkage, patience, null);
        try {
            double low = StaffingCalculator.evaluate(request, below).serviceLevel();
            if (fraction < 1e-9) {
                return low;
            }
            double high = StaffingCalculator.evaluate(request, below + 1).serviceLevel();
            return low + fraction * (high - low);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
