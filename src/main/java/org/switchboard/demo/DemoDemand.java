package org.switchboard.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Random;
import org.switchboard.demand.OpeningHours;
import org.switchboard.demand.Queue;
import org.switchboard.demand.forecast.ForecastService;
import org.switchboard.demand.history.HistoryImportService;
import org.switchboard.demand.history.ImportSettings;
import org.switchboard.demand.staffing.RequirementService;

/**
 * Demo demand: eight weeks of generated call history for the inbound queues up to yesterday (a weekday ×
 * time-of-day pattern with Poisson noise, written as a standard interval CSV and imported like a planner's
 * file), a six-week forecast from today with its requirements (a 4-week roster from any of the next two Mondays is fully covered), and an outbound survey workload. Generated,
 * not real: the real bank data used by the tests lives in the team's shared folder (see docs/data.md).
 */
final class DemoDemand {

    static final int HISTORY_WEEKS = 8;
    static final int FORECAST_WEEKS = 6;
    /** The demo center plans in quarter hours, like most call centers. */
    static final int INTERVAL_MINUTES = 15;

    private DemoDemand() {}

    /** Peak calls per half-hour and AHT of a queue's demo history. */
    record Shape(Queue queue, double peakCalls, double ahtSeconds) {}

    static void seed(HistoryImportService imports, ForecastService forecasts, RequirementService requirements,
            Clock clock, Queue survey, Shape... shapes) {
        Random random = new Random(2026);
        for (Shape s : shapes) {
            ZoneId zone = ZoneId.of(s.queue().getTimeZone());
            LocalDate today = LocalDate.now(clock.withZone(zone));
            byte[] csv = history(s, today.minusWeeks(HISTORY_WEEKS), today.minusDays(1), random);
            ImportSettings settings = imports.preview(csv, 1).suggested().withIntervalMinutes(INTERVAL_MINUTES);
            imports.importFile("demo-history-" + s.queue().getCode().toLowerCase() + ".csv", csv, settings);
            forecasts.forecast(s.queue().getId(), today, FORECAST_WEEKS * 7);
        }
        requirements.setWorkload(survey.getId(), 240, 300);
    }

    static byte[] history(Shape s, LocalDate first, LocalDate last, Random random) {
        StringBuilder csv = new StringBuilder("interval_start,queue,offered,handled,aht_seconds\n");
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            int weekday = day.getDayOfWeek().getValue();
            OpeningHours hours = s.queue().getOpeningHours().stream()
                    .filter(h -> h.dayOfWeek() == weekday).findFirst().orElse(null);
            int perHour = 60 / INTERVAL_MINUTES;
            for (int slot = 0; slot < 24 * perHour; slot++) {
                LocalTime t = LocalTime.of(slot / perHour, slot % perHour * INTERVAL_MINUTES);
                boolean open = hours != null && !t.isBefore(hours.opens())
                        && (hours.closes().equals(LocalTime.MIDNIGHT) || t.isBefore(hours.closes()));
                int calls = open ? poisson(random, s.peakCalls() * INTERVAL_MINUTES / 30.0
                        * weekday(day.getDayOfWeek()) * intraday(t)) : 0;
                int handled = (int) Math.round(calls * 0.93);
                double aht = s.ahtSeconds() * (0.9 + 0.2 * random.nextDouble());
                csv.append(day.atTime(t)).append(',').append(s.queue().getCode()).append(',').append(calls).append(',')
                        .append(handled).append(',').append(handled == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f", aht))
                        .append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Monday is the busiest day; weekends are quiet. */
    static double weekday(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> 1.15;
            case TUESDAY -> 1.0;
            case WEDNESDAY, THURSDAY -> 0.95;
            case FRIDAY -> 0.9;
            case SATURDAY -> 0.55;
            case SUNDAY -> 0.45;
        };
    }

    /** Morning and early-afternoon peaks, a quiet night. */
    static double intraday(LocalTime t) {
        double h = t.getHour() + t.getMinute() / 60.0 + INTERVAL_MINUTES / 120.0;
        double morning = Math.exp(-Math.pow((h - 10.5) / 2.2, 2));
        double afternoon = 0.85 * Math.exp(-Math.pow((h - 15) / 2.5, 2));
        double evening = 0.35 * Math.exp(-Math.pow((h - 20) / 2.0, 2));
        return Math.max(0.04, morning + afternoon + evening);
    }

    static int poisson(Random random, double mean) {
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
