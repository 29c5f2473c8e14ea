package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterSolverConfig;
import org.switchboard.rostering.solver.RosterWeights;

/**
 * The demo call center (64 operators, 4 queues, 15-minute requirements) for 4 weeks from next Monday, built from the
 * database by {@link RosterProblemBuilder} and solved with the production configuration for
 * {@code -Dbench.demo.seconds} (30 by default). Prints the best score over time, when it first reached 0 hard, the
 * medium and soft scores, the covered share, the score speed and what a planner notices at first sight
 * ({@link RosterTrustFigures}; 60 s is what issue 24 measures: {@code -Dbench.demo.seconds=60}):
 * {@code ./mvnw -Pbench test -Dtest=DemoRosterBenchmarkTest}.
 */
@Tag("benchmark")
@SpringBootTest
@WithMockUser(roles = "PLANNER")
class DemoRosterBenchmarkTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    RosterProblemBuilder builder;
    @Autowired
    org.switchboard.operators.OperatorService operators;
    @Autowired
    org.switchboard.operators.ContractService contracts;
    @Autowired
    org.switchboard.operators.TeamService teams;
    @Autowired
    org.switchboard.demand.QueueService queues;

    @Test
    void demoCenterFourWeeks() {
        long seconds = Long.getLong("bench.demo.seconds", 30);
        LocalDate start = LocalDate.now(MOSCOW).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        // -Dbench.off="Rule one,Rule two" switches rules off (weight 0), to see what each costs in score speed
        RosterWeights weights = new RosterWeights();
        for (String rule : System.getProperty("bench.off", "").split(",")) {
            if (!rule.isBlank()) {
                weights.with(rule.trim(), HardMediumSoftScore.ZERO);
            }
        }
        // -Dbench.weights="Rule=2hard/0medium/0soft;Other rule=..." tries other weights
        for (String pair : System.getProperty("bench.weights", "").split(";")) {
            if (pair.contains("=")) {
                weights.with(pair.substring(0, pair.indexOf('=')).trim(),
                        HardMediumSoftScore.parseScore(pair.substring(pair.indexOf('=') + 1).trim()));
            }
        }
        // -Dbench.demo.aim=OPERATORS weighs coverage by operators (before issue 24)
        weights.withCoverageAim(org.switchboard.rostering.CoverageAim.valueOf(
                System.getProperty("bench.demo.aim", org.switchboard.rostering.CoverageAim.SERVICE_LEVEL.name())));
        RosterSolution problem = builder.build(start, 28, MOSCOW, weights);
        long required = problem.getDemandUnits().stream().mapToLong(u -> u.required()).sum();
        System.out.printf(Locale.ROOT, "DEMO ROSTER from %s: %d operators, %d operator-days, %d shift options, "
                        + "%d demand units (15-min), %d required operator-intervals%n", start, problem.getOperators().size(),
                problem.getDays().size(), problem.getShiftOptions().size(), problem.getDemandUnits().size(), required);

        SolverFactory<RosterSolution> factory = SolverFactory.create(RosterSolverConfig.create(Duration.ofSeconds(seconds), null));
        Solver<RosterSolution> solver = factory.buildSolver();
        List<Long> times = new ArrayList<>();
        List<HardMediumSoftScore> scores = new ArrayList<>();
        solver.addEventListener(e -> {
            times.add(e.getTimeMillisSpent());
            scores.add((HardMediumSoftScore) e.getNewBestScore());
        });
        RosterSolution solved = solver.solve(problem);
        var scope = ((DefaultSolver<RosterSolution>) solver).getSolverScope();
        for (long at : new long[] {1, 2, 5, 10, 20, 30, 60, 120, 300}) {
            if (at <= seconds) {
                HardMediumSoftScore best = null;
                for (int i = 0; i < times.size() && times.get(i) <= at * 1000; i++) {
                    best = scores.get(i);
                }
                System.out.printf(Locale.ROOT, "DEMO ROSTER best score at %3d s: %s%n", at, best);
            }
        }
        long firstHardZero = -1;
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).isSolutionInitialized() && scores.get(i).hardScore() == 0) {
                firstHardZero = times.get(i);
                break;
            }
        }
        HardMediumSoftScore score = solved.getScore();
        long shifts = solved.getDays().stream().filter(OperatorDay::isWorking).count();
        System.out.printf(Locale.ROOT, "DEMO ROSTER final %s after %d ms (first 0 hard at %d ms): medium %d, soft %d, "
                        + "covered share %.3f, %d shifts, %d score calculations (%d/s)%n", score, scope.getTimeMillisSpent(),
                firstHardZero, score.mediumScore(), score.softScore(), solved.coveredShare(), shifts,
                scope.getScoreCalculationCount(), scope.getScoreCalculationSpeed());
        // the projected service level, judged alike under both aims: the solved days on the service-level problem
        RosterSolution judge = builder.build(start, 28, MOSCOW, new RosterWeights());
        java.util.Map<String, OperatorDay> byId = new java.util.HashMap<>();
        solved.getDays().forEach(d -> byId.put(d.getId(), d));
        for (OperatorDay d : judge.getDays()) {
            OperatorDay s = byId.get(d.getId());
            d.setShift(s == null || s.getShift() == null ? null : d.getShiftRange().stream()
                    .filter(o -> o.id().equals(s.getShift().id())).findFirst().orElseThrow());
            d.setQueue(s == null ? d.getQueue() : s.getQueue());
        }
        System.out.printf(Locale.ROOT, "DEMO ROSTER projected service level %.4f (forecast calls answered in time, "
                + "call-weighted, the forecast's error allowed for), covered share %.3f%n", judge.serviceLevel(),
                judge.coveredShare());
        SolutionManager.create(factory).explain(solved).getConstraintMatchTotalMap().values().stream()
                .filter(t -> !t.getScore().isZero())
                .forEach(t -> System.out.printf("DEMO ROSTER   %s: %s (%d matches)%n", t.getConstraintName(), t.getScore(),
                        t.getConstraintMatchCount()));
        SolutionManager<RosterSolution, HardMediumSoftScore> manager = SolutionManager.create(factory);
        var explanation = manager.explain(solved);
        new RosterExplainer(solved, MOSCOW, start, java.util.Map.of(), java.util.Map.of()).breaches(explanation).stream()
                .filter(b -> b.level().equals("hard"))
                .forEach(b -> System.out.printf("DEMO ROSTER   hard: %s %s %s %s%n", b.employeeNumber(), b.date(), b.key(), b.args()));
        // what a planner sees at first sight (issue 24): start times, templates by contract, team kinds, outbound
        System.out.println("DEMO ROSTER trust: " + RosterTrustFigures.of(solved, operators.list(), contracts.list(),
                teams.list(), queues.list()).line());
        // who works the outbound queue: the shifts of the operators skilled for it, by queue
        long survey = queues.list().stream().filter(q -> q.getCode().equals("OUT-SURV")).findFirst().orElseThrow().getId();
        java.util.Map<Long, String> codes = new java.util.HashMap<>();
        queues.list().forEach(q -> codes.put(q.getId(), q.getCode()));
        java.util.Map<String, Long> byQueue = new java.util.TreeMap<>();
        solved.getDays().stream().filter(d -> d.isInPeriod() && d.isWorking() && d.getOperator().hasSkill(survey))
                .forEach(d -> byQueue.merge(codes.get(d.getQueue()) + "/" + d.getShift().kind(), 1L, Long::sum));
        System.out.println("DEMO ROSTER outbound-skilled operators' shifts by queue/kind: " + byQueue);
        assertThat(score.isSolutionInitialized()).isTrue();
    }
}
