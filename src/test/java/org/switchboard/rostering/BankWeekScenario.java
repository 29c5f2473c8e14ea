package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.SharedData;
import org.switchboard.demand.Direction;
import org.switchboard.demand.OpeningHours;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.forecast.Accuracy;
import org.switchboard.demand.forecast.Backtest;
import org.switchboard.demand.forecast.AdjustmentKind;
import org.switchboard.demand.forecast.ForecastService;
import org.switchboard.demand.forecast.IntervalSeries;
import org.switchboard.demand.forecast.SeasonalNaive;
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
 * The real bank call center's week (Anonymous Bank, February 1999; see the shared data's README) set up through the
 * product's own pipeline in the real database, for {@link BankRosterBenchmarkTest} and {@link BankQualityTest} (which
 * roll it back):
 * <ol>
 *   <li>queue {@code BANK}: the six service types pooled, Asia/Jerusalem, 80 % in 20 s, 85 % occupancy cap, no
 *       shrinkage (the roster is compared on operators on the phones), open as the data show (Sunday–Thursday
 *       07:00–24:00, Friday 07:00–14:30, Saturday 19:00–24:00);</li>
 *   <li>history 1–21 February imported as a CSV in the standard format, forecast 22–28 February with the standard
 *       method, Erlang C requirements per 30 minutes;</li>
 *   <li>the operators on a 40 h contract (5 days, 2 days off in a row, 11 h rest), one shift template: 9 hours with an
 *       unpaid hour floating 3 to 5 hours after the start, starts 07:00–15:00 every 30 minutes;</li>
 *   <li>a roster judged on the real calls of the week: Erlang C per 30 minutes with the real volume and talk time,
 *       call-weighted share answered within 20 s ({@link BankWeek#serviceLevel}).</li>
 * </ol>
 */
abstract class BankWeekScenario {

    static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
    static final LocalDate FIRST = LocalDate.of(1999, 2, 22);
    static final int DAYS = 7;
    static final int SLOTS = DAYS * 48;
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

    @Autowired
    JdbcClient jdbc;

    /**
     * The week as set up: the queue and team, the forecast run and its requirements, and per 30-minute slot of the
     * week the real calls, their talk time (NaN where none was answered), and the calls and talk time the product
     * forecast.
     */
    record Week(Queue queue, Team team, int headcount, ForecastService.ForecastRun run, List<StaffingRequirement> reqs,
            double[] calls, double[] aht, double weekAht, int within20, double[] forecast, double[] forecastAht, List<BankWeek.Interval> history,
            Map<Long, Operator> byId) {

        double actualCalls() {
            return IntStream.range(0, calls.length).mapToDouble(i -> calls[i]).sum();
        }

        double requiredHours() {
            return reqs.stream().mapToDouble(r -> r.positions() * r.intervalMinutes() / 60.0).sum();
        }
    }

    /** Sets up the queue, history, forecast, requirements and {@code headcount} operators (rolled back by the test). */
    Week setUp(int headcount) throws IOException {
        List<BankWeek.Interval> real = BankWeek.read(SharedData.require("data/callcenter/intervals_30min.csv"));
        Queue queue = queues.save(bankQueue());
        List<BankWeek.Interval> past = real.stream().filter(r -> r.date().isBefore(FIRST)).toList();
        byte[] history = historyCsv(past);
        ImportSettings settings = imports.preview(history, 3).suggested().withIntervalMinutes(30);
        imports.importFile("bank-1999-02-01-to-21.csv", history, settings);
        // the week's real calls
        List<BankWeek.Interval> week = real.stream().filter(r -> !r.date().isBefore(FIRST) && r.date().isBefore(FIRST.plusDays(DAYS)))
                .toList();
        assertThat(week).hasSize(SLOTS);
        ForecastService.ForecastRun run = forecasts.forecast(queue.getId(), FIRST, DAYS);
        if (Boolean.getBoolean("bench.bank.hindsight")) {
            // a bound, not the product: each interval's forecast set to the calls that came (a planner's override),
            // so the roster is built knowing the week's real volume and only placement and contracts stand between
            // it and the target
            for (BankWeek.Interval r : week) {
                LocalDateTime at = r.date().atTime(r.start());
                forecasts.adjust(queue.getId(), at, at.plusMinutes(30), AdjustmentKind.OVERRIDE, (double) r.calls(),
                        "hindsight bound: the real calls");
            }
        }
        Instant from = FIRST.atStartOfDay(ZONE).toInstant();
        Instant to = FIRST.plusDays(DAYS).atStartOfDay(ZONE).toInstant();
        if (Boolean.getBoolean("bench.bank.hindsight.aht")) {
            // a bound, not the product (a planner cannot override talk time): each interval's forecast talk time set
            // to the real one where calls were answered, and the requirements recomputed from it
            for (BankWeek.Interval r : week) {
                if (Double.isFinite(r.ahtSeconds())) {
                    jdbc.sql("update forecast_interval set aht_seconds = ? where queue_id = ? and interval_start = ?")
                            .params(r.ahtSeconds(), queue.getId(), Timestamp.from(r.date().atTime(r.start()).atZone(ZONE).toInstant()))
                            .update();
                }
            }
            requirements.recompute(queue.getId(), from, to);
        }
        List<StaffingRequirement> reqs = requirements.requirements(queue.getId(), from, to);
        assertThat(reqs).hasSize(SLOTS);
        double[] forecast = new double[SLOTS];
        double[] forecastAht = new double[SLOTS];
        for (ForecastService.StoredForecast f : forecasts.stored(queue.getId(), from, to)) {
            assertThat(f.intervalMinutes()).isEqualTo(30);
            int slot = slot(f.start().atZone(ZONE));
            forecast[slot] = f.adjusted();
            forecastAht[slot] = f.ahtSeconds();
        }

        // the week's real calls on the same 30-minute grid
        double[] calls = new double[SLOTS];
        double[] aht = new double[SLOTS];
        double talk = 0;
        int answered = 0;
        int within20 = 0;
        for (BankWeek.Interval r : week) {
            int slot = slot(r.date().atTime(r.start()).atZone(ZONE));
            calls[slot] = r.calls();
            aht[slot] = r.ahtSeconds();
            talk += r.serviceSeconds();
            answered += r.answered();
            within20 += r.answeredWithin20s();
        }

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
        return new Week(queue, team, headcount, run, reqs, calls, aht, talk / answered, within20, forecast, forecastAht, past, byId);
    }

    /** The slot of the week (0 = 22 February 00:00) a local time falls in. */
    static int slot(ZonedDateTime at) {
        LocalDate day = at.toLocalDate();
        return (int) (day.toEpochDay() - FIRST.toEpochDay()) * 48 + at.toLocalTime().toSecondOfDay() / 1800;
    }

    /** The week's problem for the team and queue with these weights, nothing assigned yet. */
    RosterSolution problem(Week w, RosterWeights weights) {
        return builder.build(FIRST, DAYS, ZONE, weights, List.of(w.team().getId()), List.of(w.queue().getId()));
    }

    /**
     * The product's roster: the production solver configuration for {@code seconds} with these weights (default ones
     * = the product's), breaks placed afterwards.
     */
    RosterSolution solve(Week w, RosterWeights weights, long seconds) {
        RosterSolution solved = SolverFactory.<RosterSolution>create(RosterSolverConfig.create(Duration.ofSeconds(seconds), null))
                .buildSolver().solve(problem(w, weights));
        new BreakPlanner().place(solved);
        return solved;
    }

    /** The roster's score by the constraint streams. */
    static HardMediumSoftScore score(RosterSolution s) {
        return SolutionManager.<RosterSolution, HardMediumSoftScore>create(
                SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(1), null))).update(s);
    }

    /** The share of the week's real calls the roster would have answered within 20 s. */
    static double serviceLevel(Week w, RosterSolution s) {
        return BankWeek.serviceLevel(onPhones(s), w.calls(), w.aht(), w.weekAht(), 1800, 20);
    }

    /**
     * WAPE (and bias) of the forecast the roster is built from, pooled queue, every 30-minute interval of the week,
     * against the real calls; and of seasonal-naive (each interval = the same interval a week earlier) on the same
     * pooled history 1–21 February.
     */
    static Accuracy[] forecastAccuracy(Week w) {
        Accuracy product = Backtest.accuracy(w.run().method(), w.forecast(), w.calls());
        LocalDate historyFrom = LocalDate.of(1999, 2, 1);
        double[] history = new double[(int) (FIRST.toEpochDay() - historyFrom.toEpochDay()) * 48];
        for (BankWeek.Interval r : w.history()) {
            history[(int) (r.date().toEpochDay() - historyFrom.toEpochDay()) * 48 + r.start().toSecondOfDay() / 1800] = r.calls();
        }
        double[] naive = new SeasonalNaive().forecast(IntervalSeries.ofCalls(historyFrom, 30, history), DAYS).calls();
        return new Accuracy[] {product, Backtest.accuracy("seasonal-naive", naive, w.calls())};
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
        int[] agents = new int[SLOTS];
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
