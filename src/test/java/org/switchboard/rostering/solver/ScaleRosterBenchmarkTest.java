package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.switchboard.rostering.ShiftKindRules;

/**
 * Scale: 500 operators × 4 weeks × 3 queues on a 15-minute grid (8,064 demand units), across the spring
 * daylight-saving change in Berlin, solved with the production solver configuration. Prints the best score over
 * time (at 60 s and at the end, 300 s by default: {@code -Dbench.scale.seconds}), score calculations per second
 * and the heap used. Run in the {@code bench} profile, whose test JVM has a 2 GB heap:
 * {@code ./mvnw -Pbench test -Dtest=ScaleRosterBenchmarkTest}.
 */
@Tag("benchmark")
class ScaleRosterBenchmarkTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalDate START = LocalDate.of(2027, 3, 15);
    static final int DAYS = 28;
    static final int GRID = 15;
    static final int OPERATORS = 500;
    static final int QUEUES = 3;

    /** A template: code, start, length, unpaid break offset and length (minutes). */
    record Template(String code, LocalTime start, int minutes, int breakOffset, int breakMinutes) {}

    static final List<Template> TEMPLATES = List.of(
            new Template("D07", LocalTime.of(7, 0), 540, 240, 60), new Template("D08", LocalTime.of(8, 0), 540, 240, 60),
            new Template("D09", LocalTime.of(9, 0), 540, 240, 60), new Template("D10", LocalTime.of(10, 0), 540, 240, 60),
            new Template("E12", LocalTime.of(12, 0), 540, 270, 60), new Template("E14", LocalTime.of(14, 0), 540, 270, 60),
            new Template("N22", LocalTime.of(22, 0), 540, 240, 60), new Template("P08", LocalTime.of(8, 0), 240, 0, 0),
            new Template("P17", LocalTime.of(17, 0), 240, 0, 0));

    @Test
    void fiveHundredOperatorsFourWeeksThreeQueues() {
        long seconds = Long.getLong("bench.scale.seconds", 300);
        RosterSolution problem = instance(new Random(500));
        long required = problem.getDemandUnits().stream().mapToLong(DemandUnit::required).sum();
        System.out.printf(Locale.ROOT, "SCALE instance: %d operators, %d operator-days, %d shift options, %d demand units, "
                        + "%d required operator-intervals; max heap %d MB%n", problem.getOperators().size(),
                problem.getDays().size(), problem.getShiftOptions().size(), problem.getDemandUnits().size(), required,
                Runtime.getRuntime().maxMemory() >> 20);

        SolverFactory<RosterSolution> factory = SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(seconds), null));
        Solver<RosterSolution> solver = factory.buildSolver();
        List<long[]> marks = new ArrayList<>();
        List<HardMediumSoftScore> scores = new ArrayList<>();
        solver.addEventListener(e -> {
            if (e.getNewBestScore().isSolutionInitialized()) {
                marks.add(new long[] {e.getTimeMillisSpent()});
                scores.add((HardMediumSoftScore) e.getNewBestScore());
            }
        });
        RosterSolution solved = solver.solve(problem);
        var scope = ((DefaultSolver<RosterSolution>) solver).getSolverScope();

        for (long at : new long[] {10, 30, 60, 120, 180, 300, seconds}) {
            if (at <= seconds) {
                System.out.printf(Locale.ROOT, "SCALE best score at %4d s: %s%n", at, bestAt(marks, scores, at * 1000));
            }
        }
        long firstHardZero = -1;
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).hardScore() == 0) {
                firstHardZero = marks.get(i)[0];
                break;
            }
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "SCALE final %s after %d ms; first 0 hard at %d ms; covered share %.3f; "
                        + "%d score calculations, %d per second; heap peak (sum of pool peaks) %d MB of %d MB%n",
                solved.getScore(), scope.getTimeMillisSpent(), firstHardZero, solved.coveredShare(),
                scope.getScoreCalculationCount(), scope.getScoreCalculationSpeed(), peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        assertThat(solved.getScore().isSolutionInitialized()).isTrue();
        assertThat(solved.coveredShare()).isGreaterThan(0.5);
    }

    private static HardMediumSoftScore bestAt(List<long[]> marks, List<HardMediumSoftScore> scores, long millis) {
        HardMediumSoftScore best = null;
        for (int i = 0; i < marks.size() && marks.get(i)[0] <= millis; i++) {
            best = scores.get(i);
        }
        return best;
    }

    /**
     * A generated center: contracts 50 % full time 40 h, 20 % 30 h, 15 % 20 h, 15 % nights 36 h (night eligible);
     * skills queue 1 for 80 %, 2 for 50 %, 3 for 30 % (at least one); demand with morning and afternoon peaks,
     * quiet weekends, scaled to 90 % of the operators' contract hours.
     */
    static RosterSolution instance(Random random) {
        return instance(random, OPERATORS, DAYS);
    }

    /** As {@link #instance(Random)} with {@code operators} operators over {@code days} days. */
    static RosterSolution instance(Random random, int operatorCount, int days) {
        Instant gridStart = START.atStartOfDay(ZONE).toInstant();
        Instant gridEnd = START.plusDays(days).atStartOfDay(ZONE).toInstant();
        int slotCount = (int) (Duration.between(gridStart, gridEnd).toMinutes() / GRID);
        ShiftKindRules rules = ShiftKindRules.DEFAULT;

        List<List<ShiftOption>> byDay = new ArrayList<>();
        List<ShiftOption> options = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = START.plusDays(d);
            List<ShiftOption> day = new ArrayList<>();
            for (Template t : TEMPLATES) {
                ZonedDateTime s = date.atTime(t.start()).atZone(ZONE);
                Instant from = s.toInstant();
                Instant to = s.toLocalDateTime().plusMinutes(t.minutes()).atZone(ZONE).toInstant();
                List<Instant[]> breaks = t.breakMinutes() == 0 ? List.of() : List.<Instant[]>of(new Instant[] {
                    from.plusSeconds(t.breakOffset() * 60L), from.plusSeconds((t.breakOffset() + t.breakMinutes()) * 60L)});
                int[] slots = java.util.Arrays.stream(ShiftOption.slotsOnGrid(from, to, breaks, gridStart, GRID))
                        .filter(x -> x < slotCount).toArray();
                int paid = (int) Duration.between(from, to).toMinutes() - t.breakMinutes();
                day.add(new ShiftOption(t.code() + "@" + date, date, d, t.code(), from, to, t.start(), paid,
                        rules.kindOf(t.start(), Duration.ofMinutes(t.minutes())), RosterFixture.weekend(date), slots));
            }
            byDay.add(day);
            options.addAll(day);
        }

        List<SolverOperator> operators = new ArrayList<>();
        List<OperatorDay> operatorDays = new ArrayList<>();
        long capacityMinutes = 0;
        for (int i = 0; i < operatorCount; i++) {
            double kind = random.nextDouble();
            int minWeek, maxWeek, maxDays, rest, nights;
            if (kind < 0.5) {
                minWeek = 2400; maxWeek = 2400; maxDays = 5; rest = 660; nights = 0;
            } else if (kind < 0.7) {
                minWeek = 1680; maxWeek = 1800; maxDays = 5; rest = 660; nights = 0;
            } else if (kind < 0.85) {
                minWeek = 1080; maxWeek = 1200; maxDays = 5; rest = 660; nights = 0;
            } else {
                minWeek = 1920; maxWeek = 2160; maxDays = 4; rest = 720; nights = 4;
            }
            List<Long> skills = new ArrayList<>();
            if (random.nextDouble() < 0.8) {
                skills.add(1L);
            }
            if (random.nextDouble() < 0.5) {
                skills.add(2L);
            }
            if (random.nextDouble() < 0.3 || skills.isEmpty()) {
                skills.add(3L);
            }
            SolverOperator op = new SolverOperator(i + 1, "S" + (1000 + i), skills, nights > 0, maxWeek,
                    minWeek * days / 7, maxWeek * days / 7, maxDays, 2, rest, nights, 48 * 60, 2, Map.of());
            operators.add(op);
            capacityMinutes += (long) maxWeek * days / 7;
            boolean shortShifts = minWeek < 2400;
            for (int d = 0; d < days; d++) {
                List<ShiftOption> allowed = byDay.get(d).stream()
                        .filter(o -> op.nightEligible() || !o.isNight())
                        .filter(o -> shortShifts || o.paidMinutes() >= 480)
                        .toList();
                operatorDays.add(OperatorDay.open(op, START.plusDays(d), d, allowed));
            }
        }

        // demand: shape per slot, scaled so the requirement is 90 % of the contract hours (in grid slots)
        double[] shape = new double[slotCount];
        int[] dayOf = new int[slotCount];
        String[] label = new String[slotCount];
        double total = 0;
        for (int s = 0; s < slotCount; s++) {
            ZonedDateTime t = gridStart.plusSeconds(s * GRID * 60L).atZone(ZONE);
            double h = t.getHour() + t.getMinute() / 60.0 + GRID / 120.0;
            double intraday = Math.max(0.04, Math.exp(-Math.pow((h - 10.5) / 2.2, 2))
                    + 0.85 * Math.exp(-Math.pow((h - 15) / 2.5, 2)) + 0.35 * Math.exp(-Math.pow((h - 20) / 2.0, 2)));
            DayOfWeek w = t.getDayOfWeek();
            double weekday = w == DayOfWeek.SATURDAY ? 0.55 : w == DayOfWeek.SUNDAY ? 0.45 : w == DayOfWeek.MONDAY ? 1.15 : 1.0;
            shape[s] = intraday * weekday;
            total += shape[s];
            dayOf[s] = (int) java.time.temporal.ChronoUnit.DAYS.between(START, t.toLocalDate());
            label[s] = t.toLocalDate() + " " + t.toLocalTime();
        }
        double[] queueShare = {0.5, 0.3, 0.2};
        double perSlot = 0.9 * capacityMinutes / GRID / total;
        List<DemandUnit> units = new ArrayList<>();
        for (int q = 0; q < QUEUES; q++) {
            for (int s = 0; s < slotCount; s++) {
                int required = (int) Math.round(perSlot * queueShare[q] * shape[s]);
                units.add(new DemandUnit(units.size(), (long) q + 1, s, dayOf[s], "Q" + (q + 1) + " " + label[s], required, 1, 1));
            }
        }
        return new RosterSolution(operators, options, units, List.of(), List.of(), new RosterWeights(), operatorDays);
    }
}
