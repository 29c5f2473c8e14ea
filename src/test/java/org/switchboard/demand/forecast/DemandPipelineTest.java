package org.switchboard.demand.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.SharedData;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.TestQueues;
import org.switchboard.demand.history.HistoryImportService;
import org.switchboard.demand.history.ImportSettings;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingCalculator;
import org.switchboard.demand.staffing.StaffingRequest;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.shared.ValidationFailedException;

/** History → forecast → adjustments → requirements, in the real database, across a DST change. */
@SpringBootTest
@Transactional
@WithMockUser(roles = "PLANNER")
class DemandPipelineTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    QueueService queues;

    @Autowired
    HistoryImportService imports;

    @Autowired
    ForecastService forecasts;

    @Autowired
    RequirementService requirements;

    Queue queue(String code, Direction direction, String zone) {
        return direction == Direction.INBOUND
                ? TestQueues.save(queues, code, direction, zone, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                : TestQueues.save(queues, code, direction, zone, LocalTime.of(9, 0), LocalTime.of(18, 0));
    }

    /** Four weeks of 30-minute history with a weekday × time-of-day pattern, as a standard-format CSV. */
    static byte[] history(String code, LocalDate first, int days) {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("interval_start,queue,offered,handled,aht_seconds\n");
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            double weekday = day.getDayOfWeek().getValue() >= 6 ? 0.5 : 1.0;
            for (int s = 0; s < 48; s++) {
                double hour = s / 2.0;
                double profile = hour < 7 || hour >= 22 ? 0.05 : Math.sin(Math.PI * (hour - 7) / 15);
                int calls = (int) Math.round(60 * weekday * profile + random.nextGaussian() * 2);
                calls = Math.max(0, calls);
                csv.append(day.atTime(s / 2, s % 2 * 30)).append(',').append(code).append(',').append(calls).append(',')
                        .append(calls).append(',').append(calls == 0 ? "" : "200").append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    void importHistory(String code, LocalDate first, int days) {
        byte[] file = history(code, first, days);
        ImportSettings settings = imports.preview(file, 3).suggested().withIntervalMinutes(30);
        imports.importFile(code + ".csv", file, settings);
    }

    @Test
    void forecastAcrossTheAutumnChangeAndRequirementsFollowEveryChange() {
        Queue q = queue("PIPE-IN", Direction.INBOUND, "Europe/Berlin");
        importHistory("PIPE-IN", LocalDate.of(2026, 9, 21), 28);

        ForecastService.ForecastRun run = forecasts.forecast(q.getId(), LocalDate.of(2026, 10, 19), 7);
        // 25 October 2026 has 25 hours in Berlin: 50 half-hours, the repeated 02:00 and 02:30 staffed twice
        assertThat(run.intervals()).isEqualTo(6 * 48 + 50);
        assertThat(run.historyTo()).isEqualTo(LocalDate.of(2026, 10, 18));
        Instant from = LocalDate.of(2026, 10, 19).atStartOfDay(BERLIN).toInstant();
        Instant to = LocalDate.of(2026, 10, 26).atStartOfDay(BERLIN).toInstant();
        List<StaffingRequirement> reqs = requirements.requirements(q.getId(), from, to);
        assertThat(reqs).hasSize(6 * 48 + 50);

        // each requirement is the Erlang C answer for its forecast with the queue's targets (80/20, 85 %, 30 %)
        StaffingRequirement busiest = reqs.stream().max(Comparator.comparingDouble(StaffingRequirement::calls)).orElseThrow();
        var expected = StaffingCalculator.required(new StaffingRequest(busiest.calls(), 30, busiest.ahtSeconds(), 0.8, 20,
                null, 0.85, 0.3, null, null));
        assertThat(busiest.agents()).isEqualTo(expected.agents()).isGreaterThan(1);
        assertThat(busiest.positions()).isEqualTo(expected.positions());
        assertThat(busiest.ahtSeconds()).isCloseTo(200, within(1e-6));
        // a weekday peak is about twice a weekend peak (the pattern of the history)
        double weekdayPeak = peak(reqs, LocalDate.of(2026, 10, 21));
        double sundayPeak = peak(reqs, LocalDate.of(2026, 10, 25));
        assertThat(weekdayPeak / sundayPeak).isBetween(1.6, 2.4);

        // a +50 % campaign on Wednesday 09:00–12:00 raises calls and operators there and nowhere else
        StaffingRequirement nineBefore = at(reqs, LocalDateTime.of(2026, 10, 21, 9, 0));
        ForecastAdjustment campaign = forecasts.adjust(q.getId(), LocalDateTime.of(2026, 10, 21, 9, 0),
                LocalDateTime.of(2026, 10, 21, 12, 0), AdjustmentKind.SCALE, 50.0, "TV campaign");
        List<StaffingRequirement> adjusted = requirements.requirements(q.getId(), from, to);
        StaffingRequirement nineAfter = at(adjusted, LocalDateTime.of(2026, 10, 21, 9, 0));
        assertThat(nineAfter.calls()).isCloseTo(nineBefore.calls() * 1.5, within(1e-9));
        assertThat(nineAfter.agents()).isGreaterThan(nineBefore.agents());
        assertThat(at(adjusted, LocalDateTime.of(2026, 10, 21, 12, 0)))
                .isEqualTo(at(reqs, LocalDateTime.of(2026, 10, 21, 12, 0)));
        assertThat(forecasts.points(q.getId(), LocalDate.of(2026, 10, 21), LocalDate.of(2026, 10, 21)))
                .filteredOn(ForecastPoint::isAdjusted).hasSize(6);

        // an override of 0 for a closed afternoon needs nobody
        forecasts.adjust(q.getId(), LocalDateTime.of(2026, 10, 22, 14, 0), LocalDateTime.of(2026, 10, 22, 16, 0),
                AdjustmentKind.OVERRIDE, 0.0, "Staff meeting, lines closed");
        assertThat(at(requirements.requirements(q.getId(), from, to), LocalDateTime.of(2026, 10, 22, 15, 0)).agents()).isZero();

        // deleting the campaign restores the computed requirement
        forecasts.deleteAdjustment(campaign.id());
        assertThat(at(requirements.requirements(q.getId(), from, to), LocalDateTime.of(2026, 10, 21, 9, 0)))
                .isEqualTo(nineBefore);

        // stricter targets are recomputed at once
        q = queues.get(q.getId());
        q.setServiceLevelPercent(95.0);
        q.setAnswerWithinSeconds(10);
        queues.save(q);
        assertThat(at(requirements.requirements(q.getId(), from, to), LocalDateTime.of(2026, 10, 21, 9, 0)).agents())
                .isGreaterThan(nineBefore.agents());
    }

    @Test
    void outboundWorkloadIsEvenWithItsRemainderInTheQuietestStretch() {
        Queue in = queue("PIPE-IN2", Direction.INBOUND, "Europe/Berlin");
        importHistory("PIPE-IN2", LocalDate.of(2026, 9, 21), 28);
        forecasts.forecast(in.getId(), LocalDate.of(2026, 10, 19), 7);
        Queue out = queue("PIPE-OUT", Direction.OUTBOUND, "Europe/Berlin");
        requirements.setWorkload(out.getId(), 300, 240);

        Instant from = LocalDate.of(2026, 10, 21).atStartOfDay(BERLIN).toInstant();
        Instant to = LocalDate.of(2026, 10, 22).atStartOfDay(BERLIN).toInstant();
        List<StaffingRequirement> outbound = requirements.requirements(out.getId(), from, to);
        // open 09:00–18:00: 18 half-hours, nothing outside
        assertThat(outbound).hasSize(18);
        assertThat(outbound).allSatisfy(r -> assertThat(r.start().atZone(BERLIN).getHour()).isBetween(9, 17));
        // operator-hours cover calls × AHT at the queue's 85 % occupancy, rounded up to whole operators
        double hours = outbound.stream().mapToDouble(r -> r.agents() * 0.5).sum();
        assertThat(hours).isBetween(300 * 240 / 3600.0 / 0.85, 300 * 240 / 3600.0 / 0.85 + 0.5);
        assertThat(outbound.stream().mapToDouble(StaffingRequirement::calls).sum()).isCloseTo(300, within(1e-6));
        // the same whole number of operators all day, one more over one unbroken stretch: a shape shifts can cover
        List<Integer> agents = outbound.stream().sorted(Comparator.comparing(StaffingRequirement::start))
                .map(StaffingRequirement::agents).toList();
        int base = agents.stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(base).isPositive();
        assertThat(agents).allSatisfy(a -> assertThat(a).isBetween(base, base + 1));
        int first = agents.indexOf(base + 1);
        int last = agents.lastIndexOf(base + 1);
        assertThat(first).isNotNegative();
        assertThat(agents.subList(first, last + 1)).allSatisfy(a -> assertThat(a).isEqualTo(base + 1));
        // that stretch is where the inbound queues need the fewest operators
        Map<Instant, Integer> inbound = requirements.requirements(in.getId(), from, to).stream()
                .collect(Collectors.toMap(StaffingRequirement::start, StaffingRequirement::agents));
        List<Integer> load = outbound.stream().sorted(Comparator.comparing(StaffingRequirement::start))
                .map(r -> inbound.get(r.start())).toList();
        int width = last - first + 1;
        int chosen = load.subList(first, last + 1).stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i + width <= load.size(); i++) {
            assertThat(chosen).isLessThanOrEqualTo(load.subList(i, i + width).stream().mapToInt(Integer::intValue).sum());
        }
        assertThat(load.stream().distinct().count()).as("inbound varies over the day, so the stretch is a choice")
                .isGreaterThan(1);

        assertThatThrownBy(() -> forecasts.forecast(out.getId(), LocalDate.of(2026, 10, 19), 7))
                .isInstanceOf(ValidationFailedException.class).hasMessageContaining("workload");
        assertThatThrownBy(() -> requirements.setWorkload(in.getId(), 10, 100))
                .isInstanceOf(ValidationFailedException.class).hasMessageContaining("Only outbound queues");
    }

    @Test
    void deactivatingOrTurningAQueueClearsItsRequirements() {
        Queue in = queue("PIPE-IN3", Direction.INBOUND, "Europe/Berlin");
        importHistory("PIPE-IN3", LocalDate.of(2026, 9, 21), 28);
        forecasts.forecast(in.getId(), LocalDate.of(2026, 10, 19), 7);
        Queue out = queue("PIPE-OUT3", Direction.OUTBOUND, "Europe/Berlin");
        requirements.setWorkload(out.getId(), 100, 200);
        Instant from = LocalDate.of(2026, 10, 19).atStartOfDay(BERLIN).toInstant();
        Instant to = LocalDate.of(2026, 10, 26).atStartOfDay(BERLIN).toInstant();
        assertThat(requirements.requirements(out.getId(), from, to)).isNotEmpty();

        Queue inactive = queues.get(out.getId());
        inactive.setActive(false);
        queues.save(inactive);
        assertThat(requirements.requirements(out.getId(), from, to)).isEmpty();

        Queue turned = queues.get(in.getId());
        turned.setDirection(Direction.OUTBOUND);
        queues.save(turned);
        assertThat(requirements.requirements(in.getId(), from, to)).isEmpty(); // outbound, and no workload yet

        Queue perfect = queues.get(in.getId());
        perfect.setDirection(Direction.INBOUND);
        perfect.setServiceLevelPercent(100.0);
        assertThatThrownBy(() -> queues.save(perfect)).isInstanceOfSatisfying(ValidationFailedException.class,
                e -> assertThat(e.fieldErrors()).containsKey("serviceLevelPercent"));
    }

    @Test
    void historyWithoutHandlingTimesCannotBeStaffed() {
        Queue q = queue("PIPE-NOAHT", Direction.INBOUND, "Europe/Berlin");
        StringBuilder csv = new StringBuilder("interval_start,queue,offered\n");
        for (int d = 0; d < 7; d++) {
            csv.append(LocalDate.of(2026, 9, 21).plusDays(d).atTime(9, 0)).append(",PIPE-NOAHT,12\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        imports.importFile("no-aht.csv", file, imports.preview(file, 1).suggested().withIntervalMinutes(30));
        assertThatThrownBy(() -> forecasts.forecast(q.getId(), LocalDate.of(2026, 9, 28), 7))
                .isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> assertThat(e.fieldErrors().get("queue")).contains("no handling times"));
    }

    @Test
    void invalidForecastRequestsAreRefusedWithReasons() {
        Queue q = queue("PIPE-EMPTY", Direction.INBOUND, "Europe/Berlin");
        assertThatThrownBy(() -> forecasts.forecast(q.getId(), LocalDate.of(2026, 10, 19), 7))
                .isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("queue"));
        importHistory("PIPE-EMPTY", LocalDate.of(2026, 9, 21), 14);
        assertThatThrownBy(() -> forecasts.forecast(q.getId(), LocalDate.of(2026, 9, 1), 0))
                .isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> {
                            assertThat(e.fieldErrors()).containsKeys("days", "firstDay")
                                    .containsEntry("firstDay", "The history starts on 2026-09-21: forecast days after it");
                            assertThat(e.fieldErrors(java.util.Locale.forLanguageTag("ru")))
                                    .containsEntry("firstDay", "История начинается 21.09.2026: прогнозируйте дни после этой даты")
                                    .containsEntry("days", "Прогноз — от 1 до " + ForecastService.MAX_DAYS + " дней");
                        });
        assertThatThrownBy(() -> forecasts.adjust(q.getId(), LocalDateTime.of(2026, 10, 21, 12, 0),
                        LocalDateTime.of(2026, 10, 21, 9, 0), AdjustmentKind.SCALE, -100.0, " "))
                .isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("to", "amount", "note"));
    }

    @Test
    void backtestOnTheBankDataBeatsSeasonalNaive() throws IOException {
        byte[] file = Files.readAllBytes(SharedData.require("data/callcenter/intervals_30min.csv"));
        List<Long> ids = new ArrayList<>();
        for (String type : List.of("IN", "NE", "NW", "PE", "PS", "TT")) {
            ids.add(queues.findByCode(type).orElseGet(() -> queue(type, Direction.INBOUND, "Asia/Jerusalem")).getId());
        }
        imports.importFile("intervals_30min.csv", file, imports.preview(file, 1).suggested());
        Queue young = queue("PIPE-YOUNG", Direction.INBOUND, "Asia/Jerusalem");
        byte[] days = ("interval_start,queue,offered,aht_seconds\n1999-02-26T09:00,PIPE-YOUNG,5,100\n")
                .getBytes(StandardCharsets.UTF_8);
        imports.importFile("young.csv", days, imports.preview(days, 1).suggested().withIntervalMinutes(30));
        ids.add(young.getId());
        BacktestReport report = forecasts.backtest(ids, 30, LocalDate.of(1999, 2, 28), 7);
        assertThat(report.skipped()).containsExactly("PIPE-YOUNG"); // too little history: left out, not fatal
        assertThat(report.firstDay()).isEqualTo(LocalDate.of(1999, 2, 22));
        assertThat(report.queues()).hasSize(6);
        assertThat(report.total().product().wape()).isLessThan(report.total().seasonalNaive().wape());
        assertThat(report.total().actualCalls()).isEqualTo(report.queues().stream()
                .mapToDouble(BacktestReport.Line::actualCalls).sum());
    }

    static double peak(List<StaffingRequirement> reqs, LocalDate day) {
        return reqs.stream().filter(r -> r.start().atZone(BERLIN).toLocalDate().equals(day))
                .mapToDouble(StaffingRequirement::calls).max().orElseThrow();
    }

    static StaffingRequirement at(List<StaffingRequirement> reqs, LocalDateTime local) {
        Instant t = local.atZone(BERLIN).toInstant();
        return reqs.stream().filter(r -> r.start().equals(t)).findFirst().orElseThrow();
    }
}
