package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.shared.SystemAuthentication;

/**
 * Where the time of a big roster goes through the whole application: {@code -Dbench.large.operators} operators
 * (2,500) copied from the demo center × {@code -Dbench.large.days} days (7), created, solved for
 * {@code -Dbench.large.seconds} (5) and, with {@code -Dbench.large.stop=N}, stopped N seconds after the solve began.
 * Prints how long creating, starting, the first live score, and the end after the limit or the stop took, and the heap
 * peak. The size limit is lifted for it: {@code ./mvnw -Pbench test -Dtest=LargeRosterBenchmarkTest
 * -Dbench.large.operators=10000 -Dbench.large.days=28 -Dbench.large.seconds=120}.
 */
@Tag("benchmark")
@SpringBootTest(properties = "switchboard.solver.max-operator-days=100000000")
class LargeRosterBenchmarkTest {

    @Autowired
    RosterService rosters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RosterProblemBuilder builder;
    @Autowired
    org.switchboard.operators.OperatorService operatorService;
    @Autowired
    SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager;

    @Test
    void largeRoster() throws Exception {
        int operators = Integer.getInteger("bench.large.operators", 2500);
        int days = Integer.getInteger("bench.large.days", 7);
        int seconds = Integer.getInteger("bench.large.seconds", 5);
        int stopAfter = Integer.getInteger("bench.large.stop", 0);
        try (LargeCenter center = new LargeCenter(jdbc, "Large bench " + System.nanoTime(), operators)) {
            // the parts of creating a roster on their own: reading the operators, building the problem, explaining it
            for (int i = 0; i < 2; i++) {
                long tl = System.nanoTime();
                int n = system(() -> operatorService.list()).size();
                print("%d operators read in %d ms", n, millis(tl));
            }
            long tb = System.nanoTime();
            RosterSolution problem = system(() -> builder.build(RosterApiTest.monday(0), days, java.time.ZoneId.of("Europe/Moscow"),
                    new RosterWeights(), java.util.List.of(center.teamId), null));
            print("problem built in %d ms: %d operator-days, %d shift options, %d demand units", millis(tb),
                    problem.getDays().size(), problem.getShiftOptions().size(), problem.getDemandUnits().size());
            long te = System.nanoTime();
            var explanation = solutionManager.explain(problem);
            print("explained in %d ms: %s", millis(te), explanation.getScore());
            long tx = System.nanoTime();
            new RosterExplainer(problem, java.time.ZoneId.of("Europe/Moscow"), RosterApiTest.monday(0), java.util.Map.of(),
                    java.util.Map.of()).breaches(explanation);
            print("breaches in words in %d ms", millis(tx));
            long t0 = System.nanoTime();
            Roster r = system(() -> rosters.create(new NewRoster(RosterApiTest.monday(0), days, java.util.List.of(center.teamId),
                    null, null, null, null)));
            long created = millis(t0);
            print("created %d operators × %d days in %d ms: %s", operators, days, created, r.score());

            long t1 = System.nanoTime();
            system(() -> rosters.solve(r.id(), seconds));
            print("solve call returned after %d ms (problem built in the caller's thread)", millis(t1));
            long firstScore = -1;
            boolean stopped = false;
            long stopCall = -1;
            long afterGc = 0;
            while (system(() -> rosters.isSolving(r.id()))) {
                RosterStatus s = system(() -> rosters.status(r.id()));
                if (firstScore < 0 && s.solving() && s.score() != null && !s.score().equals(r.score())) {
                    firstScore = millis(t1);
                    print("first live score after %d ms: %s", firstScore, s.score());
                }
                if (stopAfter > 0 && !stopped && millis(t1) >= stopAfter * 1000L) {
                    long t2 = System.nanoTime();
                    system(() -> rosters.stop(r.id()));
                    stopCall = millis(t2);
                    stopped = true;
                    print("stop returned after %d ms", stopCall);
                }
                afterGc = Math.max(afterGc, heapAfterGc());
                Thread.sleep(100);
            }
            long ended = millis(t1);
            RosterStatus done = system(() -> rosters.status(r.id()));
            long end = stopped ? stopAfter * 1000L : seconds * 1000L;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            print("ended %d ms after the solve call, %d ms after the %s; score %s, covered %.3f; heap after a collection "
                    + "at most %d MB, pool peaks %d MB, of %d MB", ended, ended - end, stopped ? "stop" : "limit",
                    done.score(), done.coveredShare(), afterGc >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            assertThat(done.solving()).isFalse();
        }
    }

    /** The heap in use after the last collection of each pool (what survived: about the live data). */
    private static long heapAfterGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(java.lang.management.MemoryPoolMXBean::getCollectionUsage).filter(java.util.Objects::nonNull)
                .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void print(String format, Object... args) {
        System.out.println("LARGE " + String.format(Locale.ROOT, format, args));
    }

    private static <T> T system(Supplier<T> call) {
        return SystemAuthentication.callAsSystem(call::get);
    }
}
