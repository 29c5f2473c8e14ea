package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.switchboard.ChildJvm;
import org.switchboard.SwitchboardApplication;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.SystemAuthentication;

/**
 * Two Switchboard instances on one PostgreSQL: this test's application (instance A) and a second one in a child JVM
 * (instance B) on A's database, each with one solver. They share the solve jobs through Quartz's clustered job store,
 * each job runs once on one instance, and when B is killed (SIGKILL) while solving, A takes the solve over from B's
 * last saved draft.
 */
@SpringBootTest
class ClusteredSolvesTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    RosterService rosters;
    @Autowired
    TeamService teams;
    @Autowired
    Scheduler scheduler;
    @Autowired
    DataSource dataSource;

    ChildJvm b;
    String nodeA;
    String nodeB;

    @BeforeEach
    void startSecondInstance() throws Exception {
        nodeA = scheduler.getSchedulerInstanceId();
        b = new ChildJvm(SecondInstance.class, dataSource.unwrap(HikariDataSource.class).getJdbcUrl());
        String[] ready = b.next(180);
        assertThat(ready[0]).isEqualTo("READY");
        nodeB = ready[1];
        assertThat(nodeB).isNotEqualTo(nodeA);
    }

    @AfterEach
    void stopSecondInstance() throws Exception {
        if (!scheduler.isStarted() || scheduler.isInStandbyMode()) {
            scheduler.start();
        }
        b.kill();
    }

    @Test
    void twoInstancesShareTheSolvesAndOneTakesOverWhenTheOtherDies() throws Exception {
        long team = system(() -> teams.list().stream().filter(t -> t.getName().equals("Aurora (day)")).findFirst()
                .orElseThrow().getId());
        LocalDate monday = LocalDate.now(MOSCOW).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(30);
        long first = create(monday, team);
        long second = create(monday.plusDays(1), team);
        long third = create(monday.plusDays(2), team);

        // A pauses: the first solve can only go to B
        scheduler.standby();
        system(() -> rosters.solve(first, 6));
        RosterStatus onB = await(first, s -> "SOLVING_ACTIVE".equals(s.solverStatus()), 60);
        assertThat(onB.solveNode()).isEqualTo(nodeB);
        // A again: B's one solver is busy, so the second goes to A
        scheduler.start();
        system(() -> rosters.solve(second, 6));
        RosterStatus bothDone = await(second, s -> !s.solving(), 90);
        RosterStatus firstDone = await(first, s -> !s.solving(), 90);
        assertThat(bothDone.solveNode()).isEqualTo(nodeA);
        for (RosterStatus done : List.of(firstDone, bothDone)) {
            assertThat(done.solveAttempts()).as("run once").isEqualTo(1);
            assertThat(done.solveOutcome()).isEqualTo("finished");
            assertThat(done.hard()).as("solved").isNotNull();
        }

        // B solves the third for a minute and is killed once a draft is saved; A takes it over
        scheduler.standby();
        system(() -> rosters.solve(third, 60));
        RosterStatus saved = await(third, s -> nodeB.equals(s.solveNode()) && s.hard() != null, 90);
        b.kill();
        scheduler.start();
        RosterStatus taken = await(third, s -> s.solveAttempts() == 2 && "SOLVING_ACTIVE".equals(s.solverStatus()), 120);
        assertThat(taken.solveNode()).isEqualTo(nodeA);
        assertThat(taken.solving()).isTrue();
        system(() -> rosters.stop(third));
        RosterStatus stopped = await(third, s -> !s.solving(), 60);
        assertThat(stopped.solveOutcome()).isEqualTo("stopped");
        assertThat(stopped.solveAttempts()).isEqualTo(2);
        assertThat(stopped.hard()).as("at least as good as B's saved draft").isGreaterThanOrEqualTo(saved.hard());
    }

    private long create(LocalDate day, long team) {
        return system(() -> rosters.create(new NewRoster(day, 1, List.of(team), null, null, null, Map.of())).id());
    }

    private RosterStatus await(long id, Predicate<RosterStatus> until, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        RosterStatus status = system(() -> rosters.status(id));
        while (!until.test(status)) {
            assertThat(System.nanoTime()).as("roster %d within %d s, last %s", id, seconds, status).isLessThan(deadline);
            Thread.sleep(200);
            status = system(() -> rosters.status(id));
        }
        return status;
    }

    private static <T> T system(java.util.function.Supplier<T> work) {
        return SystemAuthentication.callAsSystem(work);
    }

    /** Run in the child JVM: the application on the database at {@code args[0]}; reports "READY instance-id". */
    public static final class SecondInstance {

        public static void main(String[] args) throws Exception {
            ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class).run(
                    "--spring.datasource.url=" + args[0], "--spring.datasource.username=postgres",
                    "--switchboard.demo.enabled=false", "--server.port=0", "--spring.main.banner-mode=off",
                    "--switchboard.solver.save-every-seconds=2", "--switchboard.solver.parallel-solver-count=1");
            ChildJvm.report("READY " + app.getBean(Scheduler.class).getSchedulerInstanceId());
            Thread.sleep(TimeUnit.MINUTES.toMillis(10));
            System.exit(0);
        }
    }
}
