package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.forecast.Accuracy;
import org.switchboard.demand.forecast.ForecastService;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterWeights;

/**
 * The real bank call center's week ({@link BankWeekScenario}: the product's own pipeline from history import to
 * requirements, in the real database, rolled back afterwards) rostered for {@code -Dbench.bank.headcount} operators (16
 * by default: the fewest whose 40 h cover the week's forecast requirement of 605.5 operator-hours) by the production
 * solver for {@code -Dbench.bank.seconds} (60 by default), breaks placed by the BreakPlanner; against the naive roster:
 * the same operators on the same template fixed at 08:00–17:00 (lunch 12:00–13:00), 5 days each with days off rotated
 * so every day has the same number of operators. Both judged on the real calls of the week. Also reports the
 * forecast's accuracy on the pooled queue (WAPE of the forecast the roster is built from, and of seasonal-naive, every
 * 30-minute interval of 22–28 February). With {@code -Dbench.bank.hindsight=true} (and
 * {@code -Dswitchboard.roster.forecast-error=0}) each interval's forecast is overridden with the calls that came, a
 * bound on what a better forecast could give, not the product; with {@code -Dbench.bank.hindsight.aht=true} the
 * forecast's talk time is set to the real one as well (see {@code docs/bench/bank_week_bound.py} for what any roster
 * could reach then).
 * Writes {@code target/bench/bank/roster.csv} and {@code naive.csv} (the roster API's assignments CSV) and
 * {@code summary.csv} ({@code roster,headcount,operator_hours,service_level}) and {@code week.csv} (per 30-minute
 * slot the forecast calls and talk time the roster was built from, and the real ones):
 * {@code ./mvnw -Pbench verify -Dbench.groups=bank}.
 */
@Tag("benchmark")
@Tag("bank")
@SpringBootTest
@Transactional
@WithMockUser(roles = "PLANNER")
class BankRosterBenchmarkTest extends BankWeekScenario {

    static final Path OUT = Path.of("target", "bench", "bank");

    @Test
    void bankWeekAgainstTheNaiveRoster() throws IOException {
        int headcount = Integer.getInteger("bench.bank.headcount", 16);
        long seconds = Long.getLong("bench.bank.seconds", 60);
        if (headcount < 1 || seconds < 1) {
            throw new IllegalArgumentException("bench.bank.headcount and bench.bank.seconds must be at least 1, not "
                    + headcount + " and " + seconds);
        }
        Week week = setUp(headcount);
        RosterWeights weights = new RosterWeights()
                .withCoverageAim(CoverageAim.valueOf(System.getProperty("bench.bank.aim", CoverageAim.SERVICE_LEVEL.name())));

        // the product's roster
        RosterSolution solved = solve(week, weights, seconds);
        HardMediumSoftScore solvedScore = score(solved);

        // the naive roster: 08:00-17:00, days off (i, i+1) rotated over the week
        RosterSolution naive = problem(week, weights);
        List<Long> ids = naive.getOperators().stream().map(o -> o.id()).sorted().toList();
        for (OperatorDay d : naive.getDays()) {
            int i = ids.indexOf(d.operatorId());
            int weekday = d.getDayIndex();
            boolean off = weekday == i % DAYS || weekday == (i + 1) % DAYS;
            if (!off) {
                d.setShift(d.getShiftRange().stream().filter(o -> o.localStart().equals(LocalTime.of(8, 0))).findFirst()
                        .orElseThrow());
                d.setQueue(week.queue().getId());
            }
        }
        HardMediumSoftScore naiveScore = score(naive);

        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("roster.csv"), AssignmentCsv.write(rows(solved, week.byId(), week.queue().getCode())));
        Files.writeString(OUT.resolve("naive.csv"), AssignmentCsv.write(rows(naive, week.byId(), week.queue().getCode())));
        double solvedHours = paidHours(solved);
        double naiveHours = paidHours(naive);
        double solvedSl = serviceLevel(week, solved);
        double naiveSl = serviceLevel(week, naive);
        Files.write(OUT.resolve("summary.csv"), List.of("roster,headcount,operator_hours,service_level",
                String.format(Locale.ROOT, "switchboard,%d,%.1f,%.4f", headcount, solvedHours, solvedSl),
                String.format(Locale.ROOT, "naive,%d,%.1f,%.4f", headcount, naiveHours, naiveSl)));

        // the week as the roster saw it and as it came, per 30-minute slot (for docs/bench/bank_week_bound.py --forecast)
        List<String> slots = new java.util.ArrayList<>(List.of("slot,forecast_calls,forecast_aht_seconds,calls,aht_seconds"));
        for (int i = 0; i < SLOTS; i++) {
            slots.add(String.format(Locale.ROOT, "%d,%.3f,%.1f,%.0f,%s", i, week.forecast()[i], week.forecastAht()[i],
                    week.calls()[i], Double.isFinite(week.aht()[i]) ? String.format(Locale.ROOT, "%.1f", week.aht()[i]) : ""));
        }
        Files.write(OUT.resolve("week.csv"), slots);
        ForecastService.ForecastRun run = week.run();
        System.out.printf(Locale.ROOT, "BANK week %s..%s: forecast %.0f calls (%s from %s..%s), real %.0f calls; "
                        + "requirement at 80/20: %.1f operator-hours, peak %d; real talk time %.0f s; the bank itself "
                        + "answered %.1f %% of these calls within 20 s%n",
                FIRST, FIRST.plusDays(DAYS - 1), run.calls(), run.method(), run.historyFrom(), run.historyTo(),
                week.actualCalls(), week.requiredHours(), week.reqs().stream().mapToInt(StaffingRequirement::positions).max().orElse(0),
                week.weekAht(), 100.0 * week.within20() / week.actualCalls());
        Accuracy[] accuracy = forecastAccuracy(week);
        for (Accuracy a : accuracy) {
            System.out.printf(Locale.ROOT, "BANK forecast pooled queue, 30 min, %s..%s: %-18s WAPE %.1f %%, bias %+.1f %% "
                            + "(%.0f calls forecast, %.0f real)%n",
                    FIRST, FIRST.plusDays(DAYS - 1), a.method(), a.wapePercent(), a.biasPercent(), a.forecastTotal(), a.actualTotal());
        }
        System.out.printf(Locale.ROOT, "BANK %-12s %9s %14s %13s %13s  %s%n", "roster", "headcount", "operator_hours",
                "service_level", "covered_share", "score");
        System.out.printf(Locale.ROOT, "BANK %-12s %9d %14.1f %13.4f %13.3f  %s (%d s); projected on the forecast %.4f%n",
                "switchboard", headcount, solvedHours, solvedSl, solved.coveredShare(), solvedScore, seconds,
                solved.serviceLevel());
        System.out.printf(Locale.ROOT, "BANK %-12s %9d %14.1f %13.4f %13.3f  %s%n", "naive", headcount, naiveHours, naiveSl,
                naive.coveredShare(), naiveScore);

        assertThat(solvedScore.hardScore()).as("the product's roster keeps every contract rule").isZero();
        assertThat(naiveScore.hardScore()).as("the naive roster keeps every contract rule too").isZero();
        assertThat(solvedHours).isEqualTo(naiveHours).isEqualTo(headcount * 40.0);
        assertThat(solvedSl).as("service level of the product's roster vs the naive one").isGreaterThan(naiveSl);
        assertThat(accuracy[0].actualTotal()).isEqualTo(accuracy[1].actualTotal()).isEqualTo(week.actualCalls());
        assertThat(Files.readAllLines(OUT.resolve("roster.csv")).getFirst()).isEqualTo(String.join(",", AssignmentCsv.HEADER));
    }
}
