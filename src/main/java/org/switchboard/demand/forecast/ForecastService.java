package org.switchboard.demand.forecast;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.history.CallHistoryService;
import org.switchboard.demand.history.CallHistoryService.HistoryCoverage;
import org.switchboard.demand.history.HistoryInterval;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Violations;

/**
 * Forecasts calls and AHT per queue and interval from the call history, keeps the forecast and the
 * planners' adjustments, and backtests the method against seasonal-naive. Every change publishes
 * {@link ForecastChanged} so the staffing requirements follow.
 */
@Service
@Transactional
public class ForecastService {

    public static final int MAX_DAYS = 366;

    private final QueueService queues;
    private final CallHistoryService history;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.switchboard.shared.CurrentUser currentUser;

    ForecastService(QueueService queues, CallHistoryService history, JdbcClient jdbc, JdbcTemplate template,
            ApplicationEventPublisher events, Optional<Clock> clock, org.switchboard.shared.CurrentUser currentUser) {
        this.queues = queues;
        this.history = history;
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
        this.currentUser = currentUser;
    }

    /** What a forecast run stored. */
    public record ForecastRun(long queueId, LocalDate firstDay, int days, int intervalMinutes, String method,
            int intervals, double calls, LocalDate historyFrom, LocalDate historyTo) {}

    /**
     * Forecasts {@code days} local days from {@code firstDay} for a queue with the standard method, from all
     * the history before {@code firstDay}, and stores it in place of any earlier forecast of those days.
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public ForecastRun forecast(long queueId, LocalDate firstDay, int days) {
        Queue queue = queues.get(queueId);
        Optional<HistoryCoverage> coverage = history.mainCoverage(queueId);
        ZoneId zone = ZoneId.of(queue.getTimeZone());
        Violations v = Violations.none();
        v.check(queue.getDirection() == Direction.OUTBOUND, "queue",
                Text.of("error.forecast.outbound"));
        v.check(coverage.isEmpty(), "queue", Text.of("error.forecast.noHistory", queue.getCode()));
        v.check(firstDay == null, "firstDay", Text.of("error.forecast.firstDay.required"));
        v.check(days < 1 || days > MAX_DAYS, "days", Text.of("error.forecast.days", String.valueOf(MAX_DAYS)));
        LocalDate historyFrom = coverage.map(c -> c.first().atZone(zone).toLocalDate()).orElse(null);
        v.check(!v.has("queue") && firstDay != null && !firstDay.isAfter(historyFrom), "firstDay",
                Text.of("error.forecast.firstDay.afterHistory", historyFrom));
        LocalDate historyEnd = coverage.map(c -> c.last().atZone(zone).toLocalDate()).orElse(null);
        // the forecast runs from the history's end: a first day years later would compute (and hold) every day between
        v.check(!v.has("queue") && !v.has("firstDay") && ChronoUnit.DAYS.between(historyEnd, firstDay) > MAX_DAYS,
                "firstDay", Text.of("error.forecast.firstDay.tooFar", String.valueOf(MAX_DAYS), historyEnd));
        v.throwIfAny();
        int minutes = coverage.get().intervalMinutes();
        LocalDate historyTo = min(coverage.get().last().atZone(zone).toLocalDate(), firstDay.minusDays(1));
        IntervalSeries series = series(queueId, zone, minutes, historyFrom, historyTo);
        if (java.util.Arrays.stream(series.ahtSeconds()).noneMatch(Double::isFinite)) {
            throw ValidationFailedException.of("queue", Text.of("error.forecast.noAht", queue.getCode()));
        }
        int gap = (int) ChronoUnit.DAYS.between(historyTo, firstDay) - 1;
        ForecastMethod method = Forecasting.standard();
        ForecastSeries f = method.forecast(series, gap + days);
        int perDay = 1440 / minutes;

        Instant from = LocalGrid.startOfDay(firstDay, zone);
        Instant to = LocalGrid.startOfDay(firstDay.plusDays(days), zone);
        jdbc.sql("delete from forecast_interval where queue_id = ? and interval_start >= ? and interval_start < ?")
                .params(queueId, Timestamp.from(from), Timestamp.from(to)).update();
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        double total = 0;
        for (int d = 0; d < days; d++) {
            for (LocalGrid.Slot slot : LocalGrid.slotsOf(firstDay.plusDays(d), zone, minutes)) {
                int i = (gap + d) * perDay + slot.slot();
                double calls = Math.max(0, f.calls()[i]);
                double aht = f.ahtSeconds()[i];
                total += calls;
                rows.add(new Object[] {queueId, Timestamp.from(slot.start()), minutes, calls,
                        Double.isFinite(aht) ? aht : 0, method.name(), now});
            }
        }
        template.batchUpdate("""
                insert into forecast_interval (queue_id, interval_start, interval_minutes, calls, aht_seconds, method, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
        events.publishEvent(new ForecastChanged(queueId, from, to));
        return new ForecastRun(queueId, firstDay, days, minutes, method.name(), rows.size(), total, historyFrom, historyTo);
    }

    /** The queue's history on the local grid, one value per day and time-of-day slot. */
    IntervalSeries series(long queueId, ZoneId zone, int minutes, LocalDate fromDay, LocalDate toDay) {
        int days = (int) ChronoUnit.DAYS.between(fromDay, toDay) + 1;
        LocalGrid.Builder grid = new LocalGrid.Builder(fromDay, days, minutes, zone);
        for (HistoryInterval h : history.history(queueId, minutes, LocalGrid.startOfDay(fromDay, zone),
                LocalGrid.startOfDay(toDay.plusDays(1), zone))) {
            grid.add(h.start(), h.offered(), h.handled(), h.ahtSeconds());
        }
        return grid.build();
    }

    /**
     * Backtest over the last {@code holdoutDays} of history up to {@code lastDay} (or the end of each queue's
     * history), for every inbound queue with history at that interval length.
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public BacktestReport backtest(List<Long> queueIds, int intervalMinutes, LocalDate lastDay, int holdoutDays) {
        Violations.none()
                .check(holdoutDays < 1 || holdoutDays > 56, "holdoutDays", Text.of("error.forecast.holdout"))
                .check(queueIds.isEmpty(), "queues", Text.of("error.forecast.queues.required"))
                .throwIfAny();
        List<BacktestReport.Line> lines = new ArrayList<>();
        List<double[]> product = new ArrayList<>();
        List<double[]> naive = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        List<String> skipped = new ArrayList<>();
        for (long id : queueIds) {
            Queue q = queues.get(id);
            ZoneId zone = ZoneId.of(q.getTimeZone());
            Optional<HistoryCoverage> c = history.coverage(id).stream()
                    .filter(x -> x.intervalMinutes() == intervalMinutes).findFirst();
            if (c.isEmpty()) {
                continue;
            }
            LocalDate from = c.get().first().atZone(zone).toLocalDate();
            LocalDate historyEnd = c.get().last().atZone(zone).toLocalDate();
            // days after the history have nothing to compare with: hold out the last days there are
            LocalDate to = lastDay != null && lastDay.isBefore(historyEnd) ? lastDay : historyEnd;
            if (ChronoUnit.DAYS.between(from, to) + 1 < holdoutDays + 7) {
                skipped.add(q.getCode()); // needs a week of history before the days held out
                continue;
            }
            IntervalSeries s = series(id, zone, intervalMinutes, from, to);
            IntervalSeries train = s.firstDays(s.days() - holdoutDays);
            double[] a = s.lastDays(holdoutDays).calls();
            double[] p = Forecasting.standard().forecast(train, holdoutDays).calls();
            double[] n = new SeasonalNaive().forecast(train, holdoutDays).calls();
            product.add(p);
            naive.add(n);
            actual.add(a);
            lines.add(line(q.getCode(), p, n, a));
            first = first == null || to.minusDays(holdoutDays - 1).isBefore(first) ? to.minusDays(holdoutDays - 1) : first;
            last = last == null || to.isAfter(last) ? to : last;
        }
        if (lines.isEmpty()) {
            throw ValidationFailedException.of("queues", Text.of("error.forecast.backtest.noHistory",
                    String.valueOf(intervalMinutes), String.valueOf(holdoutDays)));
        }
        return new BacktestReport(first, last, intervalMinutes, lines,
                line("Total", concat(product), concat(naive), concat(actual)), skipped);
    }

    private static BacktestReport.Line line(String name, double[] product, double[] naive, double[] actual) {
        double sum = 0;
        for (double x : actual) {
            sum += x;
        }
        return new BacktestReport.Line(name, sum, Backtest.accuracy(Forecasting.standard().name(), product, actual),
                Backtest.accuracy("seasonal-naive", naive, actual));
    }

    private static double[] concat(List<double[]> parts) {
        double[] out = new double[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** History, forecast and adjusted forecast of a queue over local days [fromDay, toDay], one point per interval. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<ForecastPoint> points(long queueId, LocalDate fromDay, LocalDate toDay) {
        Queue q = queues.get(queueId);
        ZoneId zone = ZoneId.of(q.getTimeZone());
        Instant from = LocalGrid.startOfDay(fromDay, zone);
        Instant to = LocalGrid.startOfDay(toDay.plusDays(1), zone);
        TreeMap<Instant, Double[]> byStart = new TreeMap<>();
        Map<Instant, Integer> minutes = new HashMap<>();
        int historyMinutes = history.mainCoverage(queueId).map(HistoryCoverage::intervalMinutes).orElse(30);
        for (HistoryInterval h : history.history(queueId, historyMinutes, from, to)) {
            byStart.computeIfAbsent(h.start(), k -> new Double[4])[0] = (double) h.offered();
            minutes.put(h.start(), h.intervalMinutes());
        }
        for (StoredForecast f : stored(queueId, from, to)) {
            Double[] p = byStart.computeIfAbsent(f.start(), k -> new Double[4]);
            p[1] = f.calls();
            p[2] = f.adjusted();
            p[3] = f.ahtSeconds();
            minutes.put(f.start(), f.intervalMinutes());
        }
        List<ForecastPoint> points = new ArrayList<>(byStart.size());
        byStart.forEach((start, p) -> points.add(new ForecastPoint(start, minutes.get(start), p[0], p[1], p[2], p[3])));
        return points;
    }

    /** One stored forecast interval with its adjusted value. */
    public record StoredForecast(Instant start, int intervalMinutes, double calls, double adjusted, double ahtSeconds) {}

    /** The stored forecast of a queue over [from, to), adjustments applied, in time order. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<StoredForecast> stored(long queueId, Instant from, Instant to) {
        List<ForecastAdjustment> adjustments = adjustments(queueId, from, to);
        return jdbc.sql("""
                select interval_start, interval_minutes, calls, aht_seconds from forecast_interval
                where queue_id = ? and interval_start >= ? and interval_start < ? order by interval_start""")
                .params(queueId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> {
                    Instant start = rs.getTimestamp(1).toInstant();
                    double calls = rs.getDouble(3);
                    double adjusted = calls;
                    for (ForecastAdjustment a : adjustments) {
                        if (a.covers(start)) {
                            adjusted = a.apply(adjusted);
                        }
                    }
                    return new StoredForecast(start, rs.getInt(2), calls, adjusted, rs.getDouble(4));
                })
                .list();
    }

    /** First and last local day with a stored forecast, if any. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Optional<Instant[]> forecastSpan(long queueId) {
        return jdbc.sql("select min(interval_start), max(interval_start) from forecast_interval where queue_id = ?")
                .param(queueId)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null
                        : new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()})
                .optional();
    }

    /** Adjustments of a queue that overlap [from, to), oldest first (the order they apply in). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<ForecastAdjustment> adjustments(long queueId, Instant from, Instant to) {
        return jdbc.sql("""
                select id, queue_id, starts_at, ends_at, kind, amount, note, created_by, created_at from forecast_adjustment
                where queue_id = ? and ends_at > ? and starts_at < ? order by created_at, id""")
                .params(queueId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new ForecastAdjustment(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), AdjustmentKind.valueOf(rs.getString(5)), rs.getDouble(6),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
    }

    /**
     * Adds an adjustment over the local times [from, to) of the queue's site: scale by a percentage or
     * set calls per interval. Kept until deleted; later adjustments apply on top of earlier ones.
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public ForecastAdjustment adjust(long queueId, LocalDateTime from, LocalDateTime to, AdjustmentKind kind,
            Double amount, String note) {
        Queue q = queues.get(queueId);
        ZoneId zone = ZoneId.of(q.getTimeZone());
        Violations v = Violations.none()
                .check(from == null, "from", Text.of("error.forecast.adjust.from"))
                .check(to == null, "to", Text.of("error.forecast.adjust.to"))
                .check(kind == null, "kind", Text.of("error.forecast.adjust.kind"))
                .check(amount == null || !Double.isFinite(amount), "amount", Text.of("error.forecast.adjust.amount"))
                .check(note == null || note.isBlank(), "note", Text.of("error.forecast.adjust.note"))
                .check(note != null && note.length() > 200, "note", Text.of("error.forecast.adjust.noteLength"));
        v.check(from != null && (from.getYear() < DayRange.MIN_YEAR || from.getYear() > DayRange.MAX_YEAR), "from",
                Text.of("error.range.years", String.valueOf(DayRange.MIN_YEAR), String.valueOf(DayRange.MAX_YEAR)));
        v.check(to != null && (to.getYear() < DayRange.MIN_YEAR || to.getYear() > DayRange.MAX_YEAR), "to",
                Text.of("error.range.years", String.valueOf(DayRange.MIN_YEAR), String.valueOf(DayRange.MAX_YEAR)));
        v.check(from != null && to != null && !to.isAfter(from), "to", Text.of("error.forecast.adjust.order"));
        v.check(kind == AdjustmentKind.SCALE && amount != null && amount <= -100, "amount",
                Text.of("error.forecast.adjust.scale"));
        v.check(kind == AdjustmentKind.OVERRIDE && amount != null && amount < 0, "amount", Text.of("error.forecast.adjust.negative"));
        v.throwIfAny();
        Instant starts = from.atZone(zone).toInstant();
        Instant ends = to.atZone(zone).toInstant();
        String user = currentUser.name();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into forecast_adjustment (queue_id, starts_at, ends_at, kind, amount, note, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(queueId, Timestamp.from(starts), Timestamp.from(ends), kind.name(), amount, note.trim(), user,
                        Timestamp.from(now))
                .query(Long.class).single();
        events.publishEvent(new ForecastChanged(queueId, starts, ends));
        return new ForecastAdjustment(id, queueId, starts, ends, kind, amount, note.trim(), user, now);
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void deleteAdjustment(long id) {
        jdbc.sql("delete from forecast_adjustment where id = ? returning queue_id, starts_at, ends_at")
                .param(id)
                .query((rs, n) -> new ForecastChanged(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .optional()
                .ifPresent(events::publishEvent);
    }

    /**
     * Deletes an adjustment of the queue.
     *
     * @throws NotFoundException when the queue has no adjustment with this id
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void deleteAdjustment(long queueId, long id) {
        ForecastChanged changed = jdbc.sql(
                        "delete from forecast_adjustment where id = ? and queue_id = ? returning queue_id, starts_at, ends_at")
                .params(id, queueId)
                .query((rs, n) -> new ForecastChanged(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .optional()
                .orElseThrow(() -> new NotFoundException("Forecast adjustment", id));
        events.publishEvent(changed);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
