package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.ChildJvm;
import org.switchboard.SwitchboardApplication;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.SystemAuthentication;

/**
 * A solve killed hard keeps its progress: a child JVM runs the application on its own database, creates a small
 * roster (one team, one day) and solves it for two minutes; it converges in a few seconds, so no better roster comes
 * after that. Once the best roster is in the database (the periodic save puts it there, not an improvement) the child
 * is killed with SIGKILL. The application started again on the same database (in a second child: its PostgreSQL left
 * running is stopped first) finds the dead instance's solve job in Quartz's job store and takes the solve over from
 * the saved best (far better than unsolved) for the time it had left; stopped, it keeps a roster at least as good.
 */
class RosterSolveCrashTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    Path dataDir;

    @Test
    void aSolveKilledHardKeepsItsBestAndCanBeSolvedAgain() throws Exception {
        long began = System.nanoTime();
        ChildJvm first = new ChildJvm(SolveUntilKilled.class, dataDir.resolve("postgres").toString());
        long id;
        int unsolved;
        String[] saved;
        try {
            String[] created = first.next(120);
            id = Long.parseLong(created[0]);
            unsolved = Integer.parseInt(created[1]);
            log("created roster %d (%d hard) after %d s", id, unsolved, began);
            saved = first.next(60);
            log("the database holds the best roster (%s) after %d s: killing the child", saved[1], began);
        } finally {
            first.kill();
        }
        int savedHard = Integer.parseInt(saved[0]);
        // (one day is not a real period: the contracts' hours prorated to it leave every full-timer's 8-hour template
        // over the day's maximum, so even the best roster keeps about a third of the unsolved one's hard score)
        assertThat(savedHard).as("the saved draft is far better than the unsolved roster").isGreaterThan(unsolved / 2);

        // the application again on the same database (the killed child's PostgreSQL is still running: it is stopped)
        ChildJvm second = new ChildJvm(ResumeAfterKill.class, dataDir.resolve("postgres").toString(), String.valueOf(id));
        try {
            String[] after = second.next(180);
            log("the solve was taken over after %d s", began);
            assertThat(after[0]).as("solving again").isEqualTo("true");
            assertThat(after[1]).as("its runs: the killed one and the take-over").isEqualTo("2");
            assertThat(Integer.parseInt(after[2])).as("taken over from the saved draft").isGreaterThanOrEqualTo(savedHard);
            String[] again = second.next(60);
            log("stopped (%s) after %d s", again[1], began);
            assertThat(again[0]).as("solving").isEqualTo("false");
            assertThat(Integer.parseInt(again[2])).as("at least as good as the saved draft").isGreaterThanOrEqualTo(savedHard);
            assertThat(again[3]).as("how it ended").isEqualTo("stopped");
            assertThat(Integer.parseInt(again[4])).as("assignments kept").isPositive();
            // it closes the application (and so its PostgreSQL) and exits
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            second.kill();
            stopOrphanedPostgres(dataDir.resolve("postgres"));
        }
    }

    /** A PostgreSQL a killed child left running on the test's directory (when the test failed before the restart). */
    private static void stopOrphanedPostgres(Path db) throws Exception {
        Path pidFile = db.resolve("postmaster.pid");
        if (java.nio.file.Files.exists(pidFile)) {
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).getFirst().trim());
            var postgres = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().map(c -> c.contains("postgres")).orElse(false));
            if (postgres.isPresent()) {
                postgres.get().destroy();
                postgres.get().onExit().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static void log(String format, Object... args) {
        Object[] values = args.clone();
        values[values.length - 1] = (System.nanoTime() - (long) args[args.length - 1]) / 1_000_000_000;
        System.out.println("CRASH-TEST " + String.format(java.util.Locale.ROOT, format, values));
    }

    static ConfigurableApplicationContext start(Path db, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--switchboard.embedded-db.directory=" + db,
                "--switchboard.embedded-db.clean=false", "--server.port=0", "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(SwitchboardApplication.class).run(args.toArray(String[]::new));
    }

    /**
     * Run in the child JVM: the application on the database directory {@code args[0]}; one team's roster for one day,
     * solved for 120 s. Prints "id unsolved-hard" once created, then "hard score" once the database holds the live
     * best score, and waits to be killed.
     */
    public static final class SolveUntilKilled {

        public static void main(String[] args) throws Exception {
            ConfigurableApplicationContext app = start(Path.of(args[0]));
            RosterService rosters = app.getBean(RosterService.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long team = SystemAuthentication.callAsSystem(() -> app.getBean(TeamService.class).list().stream()
                    .filter(t -> t.getName().equals("Aurora (day)")).findFirst().orElseThrow().getId());
            LocalDate monday = LocalDate.now(MOSCOW).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            Roster roster = SystemAuthentication.callAsSystem(() -> rosters.create(
                    new NewRoster(monday, 1, List.of(team), null, null, null, Map.of())));
            ChildJvm.report(roster.id() + " " + roster.hard());
            SystemAuthentication.callAsSystem(() -> rosters.solve(roster.id(), 120));
            while (true) {
                RosterStatus live = SystemAuthentication.callAsSystem(() -> rosters.status(roster.id()));
                String stored = jdbc.queryForObject("select score from roster where id = ?", String.class, roster.id());
                if (live.solving() && live.score() != null && live.score().equals(stored) && live.hard() > roster.hard()) {
                    ChildJvm.report(live.hard() + " " + stored);
                    break;
                }
                Thread.sleep(100);
            }
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    /**
     * Run in the second child JVM: the application again on the database {@code args[0]}; waits until it has taken over
     * roster {@code args[1]}'s solve and reports "solving runs hard", stops it, reports "solving score hard outcome
     * assignments" and exits.
     */
    public static final class ResumeAfterKill {

        public static void main(String[] args) throws Exception {
            ConfigurableApplicationContext app = start(Path.of(args[0]));
            long id = Long.parseLong(args[1]);
            RosterService rosters = app.getBean(RosterService.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            RosterStatus taken = SystemAuthentication.callAsSystem(() -> rosters.status(id));
            while (!(taken.solveAttempts() == 2 && "SOLVING_ACTIVE".equals(taken.solverStatus()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
                taken = SystemAuthentication.callAsSystem(() -> rosters.status(id));
            }
            ChildJvm.report(taken.solving() + " " + taken.solveAttempts() + " " + taken.hard());
            SystemAuthentication.callAsSystem(() -> rosters.stop(id));
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
            while (SystemAuthentication.callAsSystem(() -> rosters.isSolving(id)) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            RosterStatus again = SystemAuthentication.callAsSystem(() -> rosters.status(id));
            ChildJvm.report(again.solving() + " " + again.score() + " " + again.hard() + " " + again.solveOutcome() + " "
                    + jdbc.queryForObject("select count(*) from roster_assignment where roster_id = ?", Integer.class, id));
            app.close();
            System.exit(0);
        }
    }

}
