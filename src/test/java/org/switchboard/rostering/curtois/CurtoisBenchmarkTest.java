package org.switchboard.rostering.curtois;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.switchboard.SharedData;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterSolverConfig;

/**
 * The Curtois–Qu benchmark: each instance of {@code -Dbench.instances} (default 1-24; e.g. {@code 1-10,15}) solved
 * for {@code -Dbench.seconds} (default 60) with the production solver configuration, scored by the independent
 * {@link CurtoisEvaluator}. Writes {@code target/bench/curtois/InstanceN.solution.csv} ({@code employee,day,shift},
 * one row per worked day) and {@code target/bench/curtois/summary.csv}
 * ({@code instance,seconds,objective,hard_violations,best_known,gap_percent}), and prints the table:
 * {@code ./mvnw -Pbench verify -Dbench.seconds=60 -Dbench.instances=1-24 -Dbench.groups=curtois}.
 * {@code -Dbench.seed=N} (default 0) sets the solver's random seed, to measure how far one configuration's results
 * spread over runs.
 */
@Tag("benchmark")
@Tag("curtois")
class CurtoisBenchmarkTest {

    static final Path OUT = Path.of("target", "bench", "curtois");

    @Test
    void curtoisQuInstances() throws IOException {
        long seconds = Long.getLong("bench.seconds", 60);
        TreeSet<Integer> instances = instances(System.getProperty("bench.instances", "1-24"));
        Map<Integer, Integer> best = bestKnown(SharedData.require("benchmarks/curtois/best_known.csv"));
        Files.createDirectories(OUT);
        List<String> summary = new ArrayList<>(List.of("instance,seconds,objective,hard_violations,best_known,gap_percent"));
        System.out.printf(Locale.ROOT, "CURTOIS %-10s %7s %10s %5s %10s %8s  %s%n", "instance", "seconds", "objective", "hard",
                "best", "gap %", "best score at 1/5/10/30/60/120/300 s (as far as the run goes)");
        for (int n : instances) {
            CurtoisInstance in = CurtoisInstance.read(SharedData.require("benchmarks/curtois/Instance" + n + ".txt"));
            SolverConfig config = RosterSolverConfig.create(Duration.ofSeconds(seconds), null);
            acceptor(config, System.getProperty("bench.acceptor", ""));
            config.setRandomSeed(Long.getLong("bench.seed", 0));
            Solver<RosterSolution> solver = SolverFactory.<RosterSolution>create(config).buildSolver();
            List<long[]> times = new ArrayList<>();
            List<HardMediumSoftScore> scores = new ArrayList<>();
            solver.addEventListener(e -> {
                times.add(new long[] {e.getTimeMillisSpent()});
                scores.add((HardMediumSoftScore) e.getNewBestScore());
            });
            RosterSolution solved = solver.solve(CurtoisProblem.toSolution(in));
            String[][] table = CurtoisProblem.assignments(in, solved);
            CurtoisEvaluator.Result result = CurtoisEvaluator.evaluate(in, table);
            writeSolution(in, table, OUT.resolve(in.name() + ".solution.csv"));
            Integer known = best.get(n);
            String gap = known == null || known == 0 ? "" : String.format(Locale.ROOT, "%.2f", 100.0 * (result.objective() - known) / known);
            summary.add(String.join(",", in.name(), Long.toString(seconds), Integer.toString(result.objective()),
                    Integer.toString(result.violations().size()), known == null ? "" : known.toString(), gap));
            StringBuilder over = new StringBuilder();
            for (long at : new long[] {1, 5, 10, 30, 60, 120, 300}) {
                if (at <= seconds) {
                    HardMediumSoftScore s = null;
                    for (int i = 0; i < times.size() && times.get(i)[0] <= at * 1000; i++) {
                        s = scores.get(i);
                    }
                    over.append(s == null ? "-" : s.hardScore() + "h/" + (-s.softScore())).append(' ');
                }
            }
            System.out.printf(Locale.ROOT, "CURTOIS%s %-10s %7d %10d %5d %10s %8s  %s%n", System.getProperty("bench.acceptor", ""),
                    in.name(), seconds, result.objective(), result.violations().size(), known == null ? "" : known, gap, over.toString().trim());
            result.violations().stream().limit(5).forEach(v -> System.out.println("CURTOIS   hard: " + v));
            Files.write(OUT.resolve("summary.csv"), summary);
        }
        assertThat(summary).hasSize(instances.size() + 1);
    }

    /**
     * Another acceptor for the last local search phase, to compare configurations ({@code -Dbench.acceptor}): empty =
     * the production one (late acceptance, OptaPlanner's defaults); {@code la=N} late acceptance of size N;
     * {@code tabu=N} entity tabu of N operator-days (1000 accepted moves per step); {@code sa=T} simulated annealing
     * from T soft points; {@code schc=N} step counting hill climbing of N steps.
     */
    static void acceptor(SolverConfig config, String spec) {
        if (spec.isBlank()) {
            return;
        }
        if (spec.indexOf('=') < 0) {
            throw new IllegalArgumentException("bench.acceptor: la=N, tabu=N, sa=T or schc=N, not " + spec);
        }
        String kind = spec.substring(0, spec.indexOf('=')).strip();
        String value = spec.substring(spec.indexOf('=') + 1).strip();
        LocalSearchPhaseConfig last = (LocalSearchPhaseConfig) config.getPhaseConfigList().getLast();
        LocalSearchAcceptorConfig acceptor = new LocalSearchAcceptorConfig();
        LocalSearchForagerConfig forager = new LocalSearchForagerConfig().withAcceptedCountLimit(1);
        switch (kind) {
            case "la" -> acceptor.setLateAcceptanceSize(Integer.parseInt(value));
            case "tabu" -> {
                acceptor.setEntityTabuSize(Integer.parseInt(value));
                forager.setAcceptedCountLimit(1000);
            }
            case "sa" -> acceptor.setSimulatedAnnealingStartingTemperature("0hard/0medium/" + value + "soft");
            case "schc" -> acceptor.setStepCountingHillClimbingSize(Integer.parseInt(value));
            default -> throw new IllegalArgumentException("bench.acceptor: la=N, tabu=N, sa=T or schc=N, not " + spec);
        }
        last.setAcceptorConfig(acceptor);
        last.setForagerConfig(forager);
    }

    static TreeSet<Integer> instances(String spec) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
            int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
            for (int n = from; n <= to; n++) {
                if (n < 1 || n > 24) {
                    throw new IllegalArgumentException("bench.instances: instances are 1 to 24, not " + n);
                }
                out.add(n);
            }
        }
        return out;
    }

    static Map<Integer, Integer> bestKnown(Path csv) throws IOException {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(csv);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            out.put(Integer.parseInt(f[0].replace("Instance", "")), Integer.parseInt(f[4]));
        }
        return out;
    }

    static void writeSolution(CurtoisInstance in, String[][] table, Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of("employee,day,shift"));
        for (int e = 0; e < table.length; e++) {
            for (int d = 0; d < table[e].length; d++) {
                if (table[e][d] != null) {
                    lines.add(in.staff().get(e).id() + "," + d + "," + table[e][d]);
                }
            }
        }
        Files.write(file, lines);
    }
}
