package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.SharedData;
import org.switchboard.demand.Direction;
import org.switchboard.demand.OpeningHours;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.forecast.ForecastService;
import org.switchboard.demand.history.HistoryImportService;
import org.switchboard.demand.history.ImportSettings;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.OperatorSkill;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.solver.BreakPlanner;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.PlacedBreak;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterSolverConfig;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.rostering.solver.ShiftOption;

/**
 * The real bank call center (Anonymous Bank, February 1999; see the shared data's README) through the product's own
 * pipeline, in the real database (rolled back afterwards):
 * <ol>
 *   <li>queue {@code BANK}: the six service types pooled, Asia/Jerusalem, 80 % in 20 s, 85 % occupancy cap, no
 *       shrinkage (the roster is compared on operators on the phones), open as the data show (Sunday–Thursday
 *       07:00–24:00, Friday 07:00–14:30, Saturday 19:00–24:00);</li>
 *   <li>history 1–21 February imported as a CSV in the standard format, forecast 22–28 February with the standard
 *       method, Erlang C requirements per 30 minutes;</li>
 *   <li>{@code -Dbench.bank.headcount} operators (16 by default: the fewest whose 40 h cover the week's forecast requirement of 605.5 operator-hours) on a 40 h contract (5 days, 2 days off in a row,
 *       11 h rest), one shift template: 9 hours with an unpaid hour floating 3 to 5 hours after the start, starts
 *       07:00–15:00 every 30 minutes;</li>
 *   <li>the week rostered by the production solver for {@code -Dbench.bank.seconds} (60 by default), breaks placed
 *       by the BreakPlanner; the naive roster: the same operators on the same template fixed at 08:00–17:00 (lunch
 *       12:00–13:00), 5 days each with days off rotated so every day has the same number of operators;</li>
 *   <li>both judged on the real calls of the week: Erlang C per 30 minutes with the real volume and talk time,
 *       call-weighted share answered within 20 s.</li>
 * </ol>
 * Writes {@code target/bench/bank/roster.csv} and {@code naive.csv} (the roster API's assignments CSV) and
 * {@code summary.csv} ({@code roster,headcount,operator_hours,service_level}):
 * {@code ./mvnw -Pbench verify -Dbench.groups=bank}.
 */
@Tag("benchmark")
@Tag("bank")
@SpringBootTest
@Transactional
@WithMockUser(roles = "PLANNER")
class BankRosterBenchmarkTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
    static final LocalDate FIRST = LocalDate.of(1999, 2, 22);
    static final int DAYS = 7;
    static final Path OUT = Path.of("target", "bench", "bank");
    static final String TEMPLATE = "BK9";

    @Autowired
    QueueService queues;

    @Autowired
    HistoryImportService imports;

    @Autowired
    ForecastService forecasts;

    @Autowired
    RequirementService requirements;

    @Autowired
    ShiftTemplateService templates;

    @Autowired
    ContractService contracts;

    @Autowired
    TeamService teams;

    @Autowired
    OperatorService operators;

    @Autowired
    RosterProblemBuilder builder;

    @Test
    void bankWeekAgainstTheNaiveRoster() throws IOException {
        List<BankWeek.Interval> real = BankWeek.read(SharedData.require("data/callcenter/intervals_30min.csv"));
        int headcount = Integer.getInteger("bench.bank.headcount", 16);
        long seconds = Long.getLong("bench.bank.seconds", 60);
        if (headcount < 1 || seconds < 1) {
            throw new IllegalArgumentException("bench.bank.headcount and bench.bank.seconds must be at least 1, not "
                    + headcount + " and " + seconds);
        }

        Queue queue = queues.save(bankQueue());
        byte[] history = historyCsv(real.stream().filter(r -> r.date().isBefore(FIRST)).toList());
        ImportSettings settings = imports.preview(history, 3).suggested().withIntervalMinutes(30);
        imports.importFile("bank-1999-02-01-to-21.csv", history, settings);
        ForecastService.ForecastRun run = forecasts.forecast(queue.getId(), FIRST, DAYS);
        Instant from = FIRST.atStartOfDay(ZONE).toInstant();
        Instant to = FIRST.plusDays(DAYS).atStartOfDay(ZONE).toInstant();
        List<StaffingRequirement> reqs = requirements.requirements(queue.getId(), from, to);
        assertThat(reqs).hasSize(DAYS * 48);

        // the week's real calls on the same 30-minute grid
        List<BankWeek.Interval> week = real.stream().filter(r -> !r.date().isBefore(FIRST) && r.date().isBefore(FIRST.plusDays(DAYS)))
                .toList();
        assertThat(week).hasSize(DAYS * 48);
        double[] calls = new double[DAYS * 48];
        double[] aht = new double[DAYS * 48];
        double talk = 0;
        int answered = 0;
        int within20 = 0;
        for (BankWeek.Interval r : week) {
            int slot = (int) (r.date().toEpochDay() - FIRST.toEpochDay()) * 48 + r.start().toSecondOfDay() / 1800;
            calls[slot] = r.calls();
            aht[slot] = r.ahtSeconds();
            talk += r.serviceSeconds();
            answered += r.answered();
            within20 += r.answeredWithin20s();
        }
        double weekAht = talk / answered;
        double actualCalls = IntStream.range(0, calls.length).mapToDouble(i -> calls[i]).sum();
        double requiredHours = reqs.stream().mapToDouble(r -> r.positions() * r.intervalMinutes() / 60.0).sum();

        // the operators and their one template (the demo's templates are set aside in this rolled-back transaction)
        for (ShiftTemplate t : templates.list()) {
            t.setActive(false);
            templates.save(t);
        }
        ShiftTemplate nine = new ShiftTemplate();
        nine.setCode(TEMPLATE);
        nine.setName("Bank 9 h");
        nine.setStartTime(LocalTime.of(7, 0));
        nine.setLatestStartTime(LocalTime.of(15, 0));
        nine.setStartStepMinutes(30);
        nine.setLengthMinutes(9 * 60);
        nine.setBreaks(List.of(new ShiftBreak(180, 60, false, 300)));
        templates.save(nine);
        Contract contract = new Contract("Bank 40 h");
        contract.setMinMinutesPerWeek(40 * 60);
        contract.setMaxMinutesPerWeek(40 * 60);
        contract.setMaxConsecutiveDays(5);
        contract.setMinConsecutiveDaysOff(2);
        contract.setMinRestMinutes(11 * 60);
        contract.setMaxNightsInRow(0);
        contract.setMaxWeekendsPerPeriod(1);
        contract = contracts.save(contract);
        Team team = teams.save(new Team("Bank agents"));
        for (int i = 1; i <= headcount; i++) {
            Operator o = new Operator();
            o.setEmployeeNumber("BANK%02d".formatted(i));
            o.setFirstName("Agent");
            o.setLastName("%02d".formatted(i));
            o.setTeamId(team.getId());
            o.setContractId(contract.getId());
            o.setTimeZone(ZONE.getId());
            o.setSkills(List.of(new OperatorSkill(queue.getId(), 3)));
            operators.save(o);
        }
        Map<Long, Operator> byId = new HashMap<>();
        operators.list().forEach(o -> byId.put(o.getId(), o));

        // the product's roster
        SolverFactory<RosterSolution> factory = SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(seconds), null));
        SolutionManager<RosterSolution, HardMediumSoftScore> manager = SolutionManager.create(factory);
        Solver<RosterSolution> solver = factory.buildSolver();
        RosterSolution solved = solver.solve(problem(team, queue));
        new BreakPlanner().place(solved);
        HardMediumSoftScore solvedScore = manager.update(solved);

        // the naive roster: 08:00-17:00, days off (i, i+1) rotated over the week
        RosterSolution naive = problem(team, queue);
        List<Long> ids = naive.getOperators().stream().map(o -> o.id()).sorted().toList();
        for (OperatorDay d : naive.getDays()) {
            int i = ids.indexOf(d.operatorId());
            int weekday = d.getDayIndex();
            boolean off = weekday == i % DAYS || weekday == (i + 1) % DAYS;
            if (!off) {
                d.setShift(d.getShiftRange().stream().filter(o -> o.localStart().equals(LocalTime.of(8, 0))).findFirst()
                        .orElseThrow());
                d.setQueue(queue.getId());
            }
        }
        HardMediumSoftScore naiveScore = manager.update(naive);

        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("roster.csv"), AssignmentCsv.write(rows(solved, byId, queue.getCode())));
        Files.writeString(OUT.resolve("naive.csv"), AssignmentCsv.write(rows(naive, byId, queue.getCode())));
        double solvedHours = paidHours(solved);
        double naiveHours = paidHours(naive);
        double solvedSl = BankWeek.serviceLevel(onPhones(solved), calls, aht, weekAht, 1800, 20);
        double naiveSl = BankWeek.serviceLevel(onPhones(naive), calls, aht, weekAht, 1800, 20);
        Files.write(OUT.resolve("summary.csv"), List.of("roster,headcount,operator_hours,service_level",
                String.format(Locale.ROOT, "switchboard,%d,%.1f,%.4f", headcount, solvedHours, solvedSl),
                String.format(Locale.ROOT, "naive,%d,%.1f,%.4f", headcount, naiveHours, naiveSl)));

        System.out.printf(Locale.ROOT, "BANK week %s..%s: forecast %.0f calls (%s from %s..%s), real %.0f calls; "
                        + "requirement at 80/20: %.1f operator-hours, peak %d; real talk time %.0f s; the bank itself "
                        + "answered %.1f %% of these calls within 20 s%n",
                FIRST, FIRST.plusDays(DAYS - 1), run.calls(), run.method(), run.historyFrom(), run.historyTo(), actualCalls,
                requiredHours, reqs.stream().mapToInt(StaffingRequirement::positions).max().orElse(0), weekAht,
                100.0 * within20 / actualCalls);
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
        assertThat(Files.readAllLines(OUT.resolve("roster.csv")).getFirst()).isEqualTo(String.join(",", AssignmentCsv.HEADER));
    }

    private RosterSolution problem(Team team, Queue queue) {
        CoverageAim aim = CoverageAim.valueOf(System.getProperty("bench.bank.aim", CoverageAim.SERVICE_LEVEL.name()));
        return builder.build(FIRST, DAYS, ZONE, new RosterWeights().withCoverageAim(aim), List.of(team.getId()),
                List.of(queue.getId()));
    }

    static Queue bankQueue() {
        Queue q = new Queue();
        q.setCode("BANK");
        q.setName("Anonymous Bank, all service types");
        q.setDirection(Direction.INBOUND);
        q.setLanguage("he");
        q.setTimeZone(ZONE.getId());
        q.setServiceLevelPercent(80.0);
        q.setAnswerWithinSeconds(20);
        q.setMaxOccupancyPercent(85.0);
        q.setShrinkagePercent(0.0);
        List<OpeningHours> hours = new ArrayList<>();
        for (int d : new int[] {7, 1, 2, 3, 4}) {
            hours.add(new OpeningHours(d, LocalTime.of(7, 0), LocalTime.MIDNIGHT));
        }
        hours.add(new OpeningHours(5, LocalTime.of(7, 0), LocalTime.of(14, 30)));
        hours.add(new OpeningHours(6, LocalTime.of(19, 0), LocalTime.MIDNIGHT));
        q.setOpeningHours(hours);
        return q;
    }

    /** The real intervals as a history CSV in the standard format, as a planner would export them. */
    static byte[] historyCsv(List<BankWeek.Interval> rows) {
        StringBuilder csv = new StringBuilder("interval_start,queue,offered,handled,aht_seconds\n");
        for (BankWeek.Interval r : rows) {
            double a = r.ahtSeconds();
            csv.append(r.date().atTime(r.start())).append(",BANK,").append(r.calls()).append(',').append(r.answered())
                    .append(',').append(Double.isFinite(a) ? String.format(Locale.ROOT, "%.1f", a) : "").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Operators on the phones per 30-minute slot of the week (unpaid breaks taken out). */
    static int[] onPhones(RosterSolution s) {
        int[] agents = new int[DAYS * 48];
        for (OperatorDay d : s.getDays()) {
            if (d.isWorking() && d.isInPeriod()) {
                for (int slot : d.coveredSlots()) {
                    agents[slot]++;
                }
            }
        }
        return agents;
    }

    static double paidHours(RosterSolution s) {
        return s.getDays().stream().filter(d -> d.isWorking() && d.isInPeriod()).mapToInt(OperatorDay::paidMinutes).sum() / 60.0;
    }

    /** The worked days as the roster API's assignments CSV has them. */
    static List<AssignmentRow> rows(RosterSolution s, Map<Long, Operator> byId, String queueCode) {
        List<AssignmentRow> rows = new ArrayList<>();
        for (OperatorDay d : s.getDays()) {
            if (!d.isWorking() || !d.isInPeriod()) {
                continue;
            }
            Operator o = byId.get(d.operatorId());
            ShiftOption shift = d.getShift();
            PlacedBreak b = d.getBreaks().isEmpty() ? null : d.getBreaks().getFirst();
            rows.add(new AssignmentRow(d.operatorId(), o.getEmployeeNumber(), o.fullName(), d.getDate(), shift.templateCode(),
                    shift.start().atZone(ZONE).toOffsetDateTime(), shift.end().atZone(ZONE).toOffsetDateTime(), queueCode,
                    b == null ? null : b.start().atZone(ZONE).toOffsetDateTime(),
                    b == null ? null : b.end().atZone(ZONE).toOffsetDateTime(), shift.paidMinutes()));
        }
        rows.sort(Comparator.comparing(AssignmentRow::employeeNumber).thenComparing(AssignmentRow::date));
        return rows;
    }
}
