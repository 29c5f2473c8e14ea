package org.switchboard.demand.forecast;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.history.CallHistoryService;
import org.switchboard.demand.history.CallHistoryService.HistoryCoverage;
import org.switchboard.shared.Roles;

/**
 * Forecasts over REST under {@code /api/forecasts}: what each queue has (history and forecast spans), one queue's
 * intervals with history, forecast and adjusted forecast, creating a forecast, the planners' adjustments and the
 * backtest against seasonal-naive: the forecast screen. Days are local days of the queue's site. The rules are
 * {@link ForecastService}'s; every change recomputes the staffing requirements.
 */
@Tag(name = "Forecasts", description = "Call forecasts per queue and interval, adjustments and backtests. Read:"
        + " PLANNER, MANAGER, ADMIN; create and adjust: PLANNER, ADMIN.")
@RestController
@RequestMapping("/api/forecasts")
@PreAuthorize(Roles.READ_MASTER_DATA)
class ForecastController {

    private final ForecastService forecasts;
    private final QueueService queues;
    private final CallHistoryService history;

    ForecastController(ForecastService forecasts, QueueService queues, CallHistoryService history) {
        this.forecasts = forecasts;
        this.queues = queues;
        this.history = history;
    }

    @Schema(name = "ForecastSummary", description = "What one queue has: history and stored forecast, local days")
    record ForecastSummaryJson(long queueId, String queue, Direction direction, String timeZone,
            @Schema(nullable = true) LocalDate historyFrom, @Schema(nullable = true) LocalDate historyTo,
            @Schema(nullable = true, description = "The interval length with the most history") Integer historyIntervalMinutes,
            @Schema(nullable = true) LocalDate forecastFrom, @Schema(nullable = true) LocalDate forecastTo) {}

    @Schema(name = "Forecast", description = "One queue's intervals over local days from..to")
    record ForecastJson(long queueId, String queue, String timeZone, LocalDate from, LocalDate to,
            List<ForecastIntervalJson> intervals,
            @Schema(description = "Sums over the intervals") double historyCalls, double forecastCalls,
            double adjustedCalls, List<AdjustmentJson> adjustments) {}

    @Schema(name = "ForecastInterval", description = "Null where there is nothing: no history yet, no forecast made")
    record ForecastIntervalJson(OffsetDateTime start, int intervalMinutes,
            @Schema(nullable = true, description = "Calls offered") Double history,
            @Schema(nullable = true, description = "Forecast calls before adjustments") Double forecast,
            @Schema(nullable = true, description = "Forecast calls after adjustments (what staffing uses)") Double adjusted,
            @Schema(nullable = true) Double ahtSeconds) {}

    @Schema(name = "ForecastRunBody", description = "Forecast `days` local days from `firstDay` from all history before it")
    record ForecastRunBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-07") LocalDate firstDay,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "366", example = "28") Integer days) {}

    @Schema(name = "ForecastRun", description = "What a forecast run stored")
    record ForecastRunJson(long queueId, LocalDate firstDay, int days, int intervalMinutes, String method, int intervals,
            double calls, LocalDate historyFrom, LocalDate historyTo) {}

    @Schema(name = "ForecastAdjustment", description = "A planner's change over [from, to) local time; later ones apply"
            + " on top of earlier ones")
    record AdjustmentJson(long id, long queueId, LocalDateTime from, LocalDateTime to, OffsetDateTime startsAt,
            OffsetDateTime endsAt, AdjustmentKind kind,
            @Schema(description = "SCALE: percent (+20, -50); OVERRIDE: calls per interval") double amount, String note,
            String createdBy, OffsetDateTime createdAt) {

        static AdjustmentJson of(ForecastAdjustment a, ZoneId zone) {
            return new AdjustmentJson(a.id(), a.queueId(), a.startsAt().atZone(zone).toLocalDateTime(),
                    a.endsAt().atZone(zone).toLocalDateTime(), a.startsAt().atZone(zone).toOffsetDateTime(),
                    a.endsAt().atZone(zone).toOffsetDateTime(), a.kind(), a.amount(), a.note(), a.createdBy(),
                    a.createdAt().atZone(zone).toOffsetDateTime());
        }
    }

    @Schema(name = "ForecastAdjustmentBody")
    record AdjustmentBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-07T08:00") LocalDateTime from,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-07T12:00") LocalDateTime to,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AdjustmentKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "SCALE: percent above -100; OVERRIDE:"
                    + " calls per interval, not negative") Double amount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "TV campaign") String note) {}

    @Schema(name = "Backtest", description = "The product's method against seasonal-naive on the last days of history")
    record BacktestJson(LocalDate firstDay, LocalDate lastDay, int intervalMinutes, List<BacktestLineJson> queues,
            BacktestLineJson total,
            @Schema(description = "Queues left out: less than a week of history before the days held out") List<String> skipped) {}

    @Schema(name = "BacktestLine")
    record BacktestLineJson(String queue, double actualCalls, AccuracyJson product, AccuracyJson seasonalNaive,
            boolean productBetter) {

        static BacktestLineJson of(BacktestReport.Line l) {
            return new BacktestLineJson(l.queue(), l.actualCalls(), AccuracyJson.of(l.product()),
                    AccuracyJson.of(l.seasonalNaive()), l.productBetter());
        }
    }

    @Schema(name = "Accuracy", description = "WAPE and bias as fractions (0.12 = 12 %); null when there were no calls")
    record AccuracyJson(String method, @Schema(nullable = true) Double wape, @Schema(nullable = true) Double bias,
            double actualTotal, double forecastTotal) {

        static AccuracyJson of(Accuracy a) {
            return new AccuracyJson(a.method(), finite(a.wape()), finite(a.bias()), a.actualTotal(), a.forecastTotal());
        }
    }

    @GetMapping
    @Operation(summary = "What every queue has", description = "Per queue: the days of history and of stored forecast.")
    List<ForecastSummaryJson> list() {
        return queues.list().stream().map(q -> {
            ZoneId zone = ZoneId.of(q.getTimeZone());
            Optional<HistoryCoverage> c = history.mainCoverage(q.getId());
            Optional<Instant[]> f = forecasts.forecastSpan(q.getId());
            return new ForecastSummaryJson(q.getId(), q.getCode(), q.getDirection(), q.getTimeZone(),
                    c.map(x -> day(x.first(), zone)).orElse(null), c.map(x -> day(x.last(), zone)).orElse(null),
                    c.map(HistoryCoverage::intervalMinutes).orElse(null), f.map(x -> day(x[0], zone)).orElse(null),
                    f.map(x -> day(x[1], zone)).orElse(null));
        }).toList();
    }

    @GetMapping("/{queueId}")
    @Operation(summary = "One queue's forecast", description = "History, forecast and adjusted forecast per interval"
            + " over local days from..to (at most 366), with the adjustments that overlap them.")
    ForecastJson get(@PathVariable long queueId,
            @Parameter(description = "First local day", example = "2026-12-07") @RequestParam
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last local day (included)", example = "2026-12-13") @RequestParam
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Queue q = queues.get(queueId);
        DayRange range = DayRange.of(from, to);
        ZoneId zone = ZoneId.of(q.getTimeZone());
        List<ForecastIntervalJson> intervals = forecasts.points(queueId, range.from(), range.to()).stream()
                .map(p -> new ForecastIntervalJson(p.start().atZone(zone).toOffsetDateTime(), p.intervalMinutes(),
                        p.history(), p.forecast(), p.adjusted(), p.ahtSeconds()))
                .toList();
        List<AdjustmentJson> adjustments = forecasts.adjustments(queueId, range.start(zone), range.end(zone)).stream()
                .map(a -> AdjustmentJson.of(a, zone)).toList();
        return new ForecastJson(queueId, q.getCode(), q.getTimeZone(), range.from(), range.to(), intervals,
                sum(intervals, ForecastIntervalJson::history), sum(intervals, ForecastIntervalJson::forecast),
                sum(intervals, ForecastIntervalJson::adjusted), adjustments);
    }

    @PostMapping("/{queueId}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Create a forecast", description = "Forecasts the days from all the history before them with"
            + " the standard method and stores it in place of any earlier forecast of those days; the staffing"
            + " requirements follow. 400 for an outbound queue or one without history.")
    @ApiResponse(responseCode = "201", description = "Stored; Location reads the forecast's days")
    ResponseEntity<ForecastRunJson> create(@PathVariable long queueId, @RequestBody ForecastRunBody body) {
        var run = forecasts.forecast(queueId, body.firstDay(), body.days() == null ? 0 : body.days());
        ForecastRunJson json = new ForecastRunJson(run.queueId(), run.firstDay(), run.days(), run.intervalMinutes(),
                run.method(), run.intervals(), run.calls(), run.historyFrom(), run.historyTo());
        return ResponseEntity.created(URI.create("/api/forecasts/" + queueId + "?from=" + run.firstDay() + "&to="
                + run.firstDay().plusDays(run.days() - 1L))).body(json);
    }

    @PostMapping("/{queueId}/adjustments")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Adjust a forecast", description = "Scale by a percentage or set calls per interval over"
            + " local times [from, to); kept until deleted.")
    @ApiResponse(responseCode = "201", description = "Added")
    ResponseEntity<AdjustmentJson> adjust(@PathVariable long queueId, @RequestBody AdjustmentBody body) {
        ForecastAdjustment a = forecasts.adjust(queueId, body.from(), body.to(), body.kind(), body.amount(), body.note());
        ZoneId zone = ZoneId.of(queues.get(queueId).getTimeZone());
        return ResponseEntity.created(URI.create("/api/forecasts/" + queueId + "/adjustments/" + a.id()))
                .body(AdjustmentJson.of(a, zone));
    }

    @DeleteMapping("/{queueId}/adjustments/{id}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Delete an adjustment", description = "404 when the queue has no adjustment with this id.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> deleteAdjustment(@PathVariable long queueId, @PathVariable long id) {
        queues.get(queueId);
        forecasts.deleteAdjustment(queueId, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/backtest")
    @Operation(summary = "Backtest the forecast method", description = "Trains on the history before the last"
            + " `holdoutDays` days (up to `lastDay`, else each queue's last day) and compares the forecast with what came"
            + " in, against seasonal-naive. Without queueIds: every inbound queue with history at the interval length.")
    BacktestJson backtest(
            @Parameter(description = "Days held out, 1 to 56") @RequestParam(defaultValue = "7") int holdoutDays,
            @Parameter(description = "15, 30 or 60; default: the length most queues' history has")
            @RequestParam(required = false) Integer intervalMinutes,
            @Parameter(description = "Last day held out; default: the end of each queue's history")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
            @Parameter(description = "Queue ids; default: every inbound queue with history")
            @RequestParam(required = false) List<Long> queueIds) {
        List<Queue> candidates = queueIds == null || queueIds.isEmpty()
                ? queues.list().stream().filter(q -> q.getDirection() == Direction.INBOUND).toList()
                : queueIds.stream().distinct().map(queues::get).toList();
        int minutes = intervalMinutes != null ? intervalMinutes : commonInterval(candidates);
        List<Long> ids = queueIds == null || queueIds.isEmpty()
                ? candidates.stream().filter(q -> history.coverage(q.getId()).stream()
                        .anyMatch(c -> c.intervalMinutes() == minutes)).map(Queue::getId).toList()
                : candidates.stream().map(Queue::getId).toList();
        BacktestReport r = forecasts.backtest(ids, minutes, lastDay, holdoutDays);
        return new BacktestJson(r.firstDay(), r.lastDay(), r.intervalMinutes(),
                r.queues().stream().map(BacktestLineJson::of).toList(), BacktestLineJson.of(r.total()), r.skipped());
    }

    /** The interval length most of the queues' history has (30 without any). */
    private int commonInterval(List<Queue> candidates) {
        Map<Integer, Integer> count = new LinkedHashMap<>();
        for (Queue q : candidates) {
            history.mainCoverage(q.getId()).ifPresent(c -> count.merge(c.intervalMinutes(), 1, Integer::sum));
        }
        return count.entrySet().stream().max(Comparator.comparing(Map.Entry::getValue)).map(Map.Entry::getKey).orElse(30);
    }

    private static LocalDate day(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate();
    }

    private static double sum(List<ForecastIntervalJson> intervals, java.util.function.Function<ForecastIntervalJson, Double> f) {
        return intervals.stream().map(f).filter(v -> v != null).mapToDouble(Double::doubleValue).sum();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
