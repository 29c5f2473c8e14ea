package org.switchboard.demand.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.demand.Direction;
import org.switchboard.demand.TestQueues;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.forecast.ForecastService;
import org.switchboard.demand.forecast.LocalGrid;
import org.switchboard.demand.history.HistoryImportService;

/**
 * End-to-end timings with the database: importing a year of 15-minute history, forecasting one queue for
 * 8 weeks from it (history read, forecast, stored, requirements recomputed), and recomputing a year of
 * requirements for 10 queues (350,000 intervals read, computed, written). Prints numbers; asserts only
 * correctness. Each service call commits on its own, as in the app (no test-wide transaction, whose dead rows
 * would slow the database down); the queues and their data are deleted afterwards.
 * Run: ./mvnw -Pbench test -Dtest=RequirementsDatabaseBenchmarkTest
 */
@Tag("benchmark")
@SpringBootTest
@WithMockUser(roles = "PLANNER")
class RequirementsDatabaseBenchmarkTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final LocalDate FIRST = LocalDate.of(2025, 1, 6);

    @Autowired
    QueueService queues;

    @Autowired
    HistoryImportService imports;

    @Autowired
    ForecastService forecasts;

    @Autowired
    RequirementService requirements;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.junit.jupiter.api.AfterEach
    void deleteBenchmarkData() {
        jdbc.sql("delete from queue where code like 'BENCH-%'").update();
        jdbc.sql("delete from history_import where queues like 'BENCH-%'").update();
    }

    Queue queue(String code) {
        return TestQueues.save(queues, code, Direction.INBOUND, ZONE.getId(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    static byte[] history(String code, int days, Random random) {
        StringBuilder csv = new StringBuilder("interval_start,queue,offered,handled,aht_seconds,interval_minutes\n");
        for (int d = 0; d < days; d++) {
            LocalDate day = FIRST.plusDays(d);
            double week = day.getDayOfWeek().getValue() >= 6 ? 0.6 : 1.0;
            for (int s = 0; s < 96; s++) {
                double h = s / 4.0;
                double mean = 150 * week * Math.max(0.05, Math.sin(Math.PI * (h - 6) / 16)) * (1 + 0.0005 * d);
                int calls = Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
                csv.append(day.atTime(s / 4, s % 4 * 15)).append(',').append(code).append(',').append(calls).append(',')
                        .append(calls).append(',').append(calls == 0 ? "" : String.valueOf(180 + random.nextInt(120)))
                        .append(",15\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void importForecastAndRecompute() {
        Random random = new Random(11);
        List<Queue> qs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            qs.add(queue("BENCH-" + i));
        }
        // a year of 15-minute history for the first queue, 8 weeks for the others
        byte[] year = history("BENCH-0", 364, random);
        long t0 = System.nanoTime();
        var imported = imports.importFile("year.csv", year, imports.preview(year, 1).suggested());
        long importMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(imported.totalIntervals()).isEqualTo(364 * 96);
        System.out.printf("import: 1 year of 15-minute history (%,d rows, %.1f MB): %d ms%n",
                imported.dataRows(), year.length / 1e6, importMs);

        LocalDate start = FIRST.plusDays(364);
        long[] times = new long[6];
        for (int r = 0; r < times.length; r++) {
            long t = System.nanoTime();
            var run = forecasts.forecast(qs.get(0).getId(), start, 56);
            times[r] = (System.nanoTime() - t) / 1_000_000;
            assertThat(run.intervals()).isEqualTo(56 * 96);
        }
        long[] warm = Arrays.copyOfRange(times, 1, times.length);
        Arrays.sort(warm);
        System.out.printf("forecast 8 weeks of one queue from 1 year of 15-minute history, stored, requirements "
                + "recomputed: first %d ms, then min %d ms, median %d ms%n", times[0], warm[0], warm[warm.length / 2]);

        for (int i = 1; i < qs.size(); i++) {
            byte[] weeks = history("BENCH-" + i, 56, random);
            imports.importFile("q" + i + ".csv", weeks, imports.preview(weeks, 1).suggested());
        }
        for (Queue q : qs) {
            forecasts.forecast(q.getId(), start, 365);
        }
        var from = LocalGrid.startOfDay(start, ZONE);
        var to = LocalGrid.startOfDay(start.plusDays(365), ZONE);
        long[] recompute = new long[3];
        for (int r = 0; r < recompute.length; r++) {
            long t = System.nanoTime();
            for (Queue q : qs) {
                requirements.recompute(q.getId(), from, to);
            }
            recompute[r] = (System.nanoTime() - t) / 1_000_000;
        }
        int rows = qs.stream().mapToInt(q -> requirements.requirements(q.getId(), from, to).size()).sum();
        assertThat(rows).isEqualTo(10 * 365 * 96);
        Arrays.sort(recompute);
        System.out.printf("recompute requirements for 10 queues × 1 year of 15-minute intervals (%,d intervals: "
                + "read forecast, Erlang C, delete and insert; each also re-spreads the demo outbound queue): "
                + "min %d ms, median %d ms%n", rows, recompute[0], recompute[1]);
    }
}
