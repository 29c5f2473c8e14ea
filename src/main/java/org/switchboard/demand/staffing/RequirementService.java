package org.switchboard.demand.staffing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.Direction;
import org.switchboard.demand.OpeningHours;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.QueueTargetsChanged;
import org.switchboard.demand.forecast.ForecastChanged;
import org.switchboard.demand.forecast.ForecastService;
import org.switchboard.demand.forecast.ForecastService.StoredForecast;
import org.switchboard.demand.forecast.LocalGrid;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Violations;

/**
 * Staffing requirements per queue and interval, stored in {@code staffing_requirement}. Inbound queues:
 * Erlang C (or Erlang A when the queue has a patience) on the adjusted forecast with the queue's targets,
 * then the occupancy cap, then shrinkage. Outbound queues: the day's workload spread over the open
 * intervals with the least inbound requirement. Recomputed whenever a forecast, an adjustment, a queue's
 * targets or an outbound workload change.
 */
@Service
@Transactional
public class RequirementService {

    private final QueueService queues;
    private final ForecastService forecasts;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    RequirementService(QueueService queues, ForecastService forecasts, JdbcClient jdbc, JdbcTemplate template,
            Optional<Clock> clock) {
        this.queues = queues;
        this.forecasts = forecasts;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @EventListener
    void on(ForecastChanged changed) {
        recompute(changed.queueId(), changed.from(), changed.to());
    }

    @EventListener
    void on(QueueTargetsChanged changed) {
        Queue q = queues.get(changed.queueId());
        // start clean: after a change of direction the old rows would be of the wrong kind
        jdbc.sql("delete from staffing_requirement where queue_id = ?").param(q.getId()).update();
        if (q.getDirection() == Direction.OUTBOUND) {
            requirementSpan().ifPresent(span -> recompute(q.getId(), span[0], span[1]));
        } else {
            forecasts.forecastSpan(q.getId()).ifPresent(span -> recompute(q.getId(), span[0], span[1].plusSeconds(1)));
        }
    }

    /** Recomputes a queue's requirements over [from, to), and the outbound queues' that depend on them. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void recompute(long queueId, Instant from, Instant to) {
        Queue queue = queues.get(queueId);
        if (queue.getDirection() == Direction.OUTBOUND) {
            recomputeOutbound(queue, from, to);
            return;
        }
        List<StoredForecast> forecast = forecasts.stored(queueId, from, to);
        StaffingTargets targets = StaffingTargets.of(queue);
        List<StaffingRequirement> rows;
        try {
            // an inactive queue needs nobody: its rows are cleared
            rows = queue.isActive() ? forecast.parallelStream().map(f -> targets.requirement(queueId, f)).toList() : List.of();
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("queue", "Queue " + queue.getCode() + ": " + e.getMessage());
        }
        replace(queueId, from, to, rows);
        for (Queue outbound : queues.list()) {
            // inactive ones too: their recompute clears them
            if (outbound.getDirection() == Direction.OUTBOUND && workload(outbound.getId()).isPresent()) {
                recomputeOutbound(outbound, from, to);
            }
        }
    }

    private void replace(long queueId, Instant from, Instant to, List<StaffingRequirement> rows) {
        jdbc.sql("delete from staffing_requirement where queue_id = ? and interval_start >= ? and interval_start < ?")
                .params(queueId, Timestamp.from(from), Timestamp.from(to)).update();
        Timestamp now = Timestamp.from(clock.instant());
        template.batchUpdate("""
                insert into staffing_requirement (queue_id, interval_start, interval_minutes, calls, aht_seconds, agents,
                    positions, service_level, occupancy, asa_seconds, computed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows.stream().map(r -> new Object[] {r.queueId(), Timestamp.from(r.start()), r.intervalMinutes(),
                        r.calls(), r.ahtSeconds(), r.agents(), r.positions(), r.serviceLevel(), r.occupancy(),
                        r.asaSeconds(), now}).toList());
    }

    /** A queue's requirements over [from, to), in time order. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<StaffingRequirement> requirements(long queueId, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where queue_id = ? and interval_start >= ? and interval_start < ? order by interval_start")
                .params(queueId, Timestamp.from(from), Timestamp.from(to)).query(RequirementService::row).list();
    }

    /** Every queue's requirements over [from, to), by queue and time: what a roster must cover. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<StaffingRequirement> requirements(Instant from, Instant to) {
        return jdbc.sql(SELECT + " where interval_start >= ? and interval_start < ? order by queue_id, interval_start")
                .params(Timestamp.from(from), Timestamp.from(to)).query(RequirementService::row).list();
    }

    private static final String SELECT = """
            select queue_id, interval_start, interval_minutes, calls, aht_seconds, agents, positions, service_level,
                occupancy, asa_seconds from staffing_requirement""";

    private static StaffingRequirement row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StaffingRequirement(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getDouble(4),
                rs.getDouble(5), rs.getInt(6), rs.getInt(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10));
    }

    // ---- outbound -------------------------------------------------------------------------------

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Optional<OutboundWorkload> workload(long queueId) {
        return jdbc.sql("select queue_id, calls_per_day, aht_seconds from outbound_workload where queue_id = ?")
                .param(queueId).query((rs, n) -> new OutboundWorkload(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
                .optional();
    }

    /**
     * Sets an outbound queue's daily workload and recomputes its requirements over the days that have
     * requirements (or the next four weeks when none do).
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public OutboundWorkload setWorkload(long queueId, Integer callsPerDay, Integer ahtSeconds) {
        Queue q = queues.get(queueId);
        Violations.none()
                .check(q.getDirection() != Direction.OUTBOUND, "queue", Text.of("error.workload.inbound"))
                .check(callsPerDay == null || callsPerDay < 0 || callsPerDay > 1_000_000, "callsPerDay",
                        Text.of("error.workload.calls"))
                .check(ahtSeconds == null || ahtSeconds < 1 || ahtSeconds > 7200, "ahtSeconds", Text.of("error.workload.aht"))
                .check(q.getOpeningHours().isEmpty(), "queue", Text.of("error.workload.hours"))
                .throwIfAny();
        jdbc.sql("""
                insert into outbound_workload (queue_id, calls_per_day, aht_seconds) values (?, ?, ?)
                on conflict (queue_id) do update set calls_per_day = excluded.calls_per_day,
                    aht_seconds = excluded.aht_seconds, version = outbound_workload.version + 1""")
                .params(queueId, callsPerDay, ahtSeconds).update();
        Instant[] span = requirementSpan().orElseGet(() -> {
            ZoneId zone = ZoneId.of(q.getTimeZone());
            LocalDate today = LocalDate.now(clock.withZone(zone));
            return new Instant[] {LocalGrid.startOfDay(today, zone), LocalGrid.startOfDay(today.plusDays(28), zone)};
        });
        recomputeOutbound(q, span[0], span[1]);
        return new OutboundWorkload(queueId, callsPerDay, ahtSeconds);
    }

    private Optional<Instant[]> requirementSpan() {
        return jdbc.sql("""
                select min(r.interval_start), max(r.interval_start) from staffing_requirement r
                join queue q on q.id = r.queue_id where q.direction = 'INBOUND'""")
                .query((rs, n) -> rs.getTimestamp(1) == null ? null
                        : new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant().plusSeconds(1)})
                .optional();
    }

    /** Spreads the workload of each local day touched by [from, to) over its open intervals, lowest inbound load first. */
    private void recomputeOutbound(Queue q, Instant from, Instant to) {
        ZoneId zone = ZoneId.of(q.getTimeZone());
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.minusSeconds(1).atZone(zone).toLocalDate();
        Instant dayFrom = LocalGrid.startOfDay(first, zone);
        Instant dayTo = LocalGrid.startOfDay(last.plusDays(1), zone);
        Optional<OutboundWorkload> workload = workload(q.getId());
        List<StaffingRequirement> rows = new ArrayList<>();
        if (workload.isPresent() && q.isActive()) {
            // operators the site's inbound queues (same time zone) need per interval start (summed in the
            // database: one row per start); another site's queues do not share its operators
            List<StaffingRequirement> inbound = jdbc.sql("""
                    select r.interval_start, max(r.interval_minutes), sum(r.agents) from staffing_requirement r
                    join queue q on q.id = r.queue_id
                    where q.direction = 'INBOUND' and q.time_zone = ? and r.interval_start >= ? and r.interval_start < ?
                    group by r.interval_start order by r.interval_start""")
                    .params(q.getTimeZone(), Timestamp.from(dayFrom.minusSeconds(3600)), Timestamp.from(dayTo))
                    .query((rs, n) -> new StaffingRequirement(0, rs.getTimestamp(1).toInstant(), rs.getInt(2), 0, 0,
                            rs.getInt(3), rs.getInt(3), 1, 0, 0))
                    .list();
            int minutes = inbound.stream().mapToInt(StaffingRequirement::intervalMinutes).min().orElse(30);
            var byStart = OutboundSpread.byStart(inbound);
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                rows.addAll(OutboundSpread.spread(q, workload.get(), day, zone, minutes, byStart));
            }
        }
        replace(q.getId(), dayFrom, dayTo, rows);
    }

    /** Opening hours of a weekday, if the queue opens that day. */
    static Optional<OpeningHours> hours(Queue q, DayOfWeek day) {
        return q.getOpeningHours().stream().filter(h -> h.dayOfWeek() == day.getValue()).findFirst();
    }

    static boolean open(OpeningHours h, LocalTime t) {
        return !t.isBefore(h.opens()) && (h.closes().equals(LocalTime.MIDNIGHT) || t.isBefore(h.closes()));
    }
}
