package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterWeights;

/**
 * The solver's quality guard on a real call center, in every build ({@code ./mvnw verify}): the bank week
 * ({@link BankWeekScenario}) at 16 operators, rostered by the production solver configuration for {@link #SECONDS}
 * (a quick variant of {@link BankRosterBenchmarkTest}, which solves for 60 s), must answer at least
 * {@link #SERVICE_LEVEL_FLOOR} of the week's real calls within 20 s. A change that makes rosters worse turns the build
 * red here. Skips, saying why, where ../shared is absent.
 */
@Tag("quality")
@SpringBootTest
@Transactional
@WithMockUser(roles = "PLANNER")
class BankQualityTest extends BankWeekScenario {

    static final int HEADCOUNT = 16;

    /** The solve's time limit ({@code -Dquality.bank.seconds=N} tries another). */
    static final long SECONDS = 20;

    /**
     * The least share of the bank week's real calls answered within 20 s (Erlang C per 30 minutes on the real calls,
     * {@link BankWeek#serviceLevel}) the roster of 16 operators solved for {@link #SECONDS} must reach. With the
     * coverage weighed by operators (before issue 24) it reached 0.670–0.694 at 20 s on the shared 2-core machine
     * beside two other builds; aiming at the service level with the forecast's error allowed for, 0.718 (the 60 s
     * benchmark's figures are in docs/benchmarks.md). The naive roster (everybody 08:00–17:00) reaches 0.554. The
     * floor sits between the two aims: a change that loses what the service-level aim brings, or makes rosters worse
     * otherwise, fails the build.
     */
    static final double SERVICE_LEVEL_FLOOR = 0.68;

    @Test
    void theBankWeekKeepsItsServiceLevel() throws IOException {
        long seconds = Long.getLong("quality.bank.seconds", SECONDS);
        long start = System.nanoTime();
        Week week = setUp(HEADCOUNT);
        double setUp = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        RosterSolution solved = solve(week, new RosterWeights(), seconds);
        double took = (System.nanoTime() - start) / 1e9;
        HardMediumSoftScore score = score(solved);
        double serviceLevel = serviceLevel(week, solved);
        System.out.printf(Locale.ROOT, "QUALITY bank week, %d operators, %d s (set up in %.1f s, solved in %.1f s): service level "
                        + "%.4f (floor %.2f), covered share %.3f, %s, %.1f operator-hours%n",
                HEADCOUNT, seconds, setUp, took, serviceLevel, SERVICE_LEVEL_FLOOR, solved.coveredShare(), score, paidHours(solved));
        assertThat(score.hardScore()).as("the roster keeps every contract rule: %s", score).isZero();
        assertThat(paidHours(solved)).as("every operator works the contract's 40 h").isEqualTo(HEADCOUNT * 40.0);
        assertThat(serviceLevel).as("share of the bank week's real calls answered within 20 s, %d operators, %d s", HEADCOUNT, seconds)
                .isGreaterThanOrEqualTo(SERVICE_LEVEL_FLOOR);
    }
}
