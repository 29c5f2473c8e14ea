package org.switchboard.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.ChildJvm;

/** The embedded database keeps its data across restarts and recovers from what a hard kill leaves behind. */
class EmbeddedPostgresLauncherTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(dir, 0, false)) {
            execute(pg, "create table note (text varchar(50))", "insert into note values ('kept')");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(dir, 0, false)) {
            assertThat(queryNotes(pg)).containsExactly("kept");
        }
    }

    @Test
    void runsDurableByDefault() throws Exception {
        // the app's own default (tests opt out in src/test/resources/config)
        assertThat(new org.springframework.boot.context.properties.bind.Binder(
                                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                                        java.util.Map.of("switchboard.embedded-db.port", "0")))
                        .bindOrCreate("switchboard.embedded-db", EmbeddedDatabaseProperties.class)
                        .durable())
                .isTrue();
        try (EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(dir, 0, false)) {
            assertThat(setting(pg, "fsync")).isEqualTo("on");
            assertThat(setting(pg, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(pg, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void anotherPlatformsJarSaysWhatToDo() {
        assertThat(EmbeddedPostgresLauncher.missingBinaries())
                .contains(System.getProperty("os.name"))
                .contains("-Pplatform-macos-aarch64")
                .contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void testsMayOptOutOfDurability() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(dir, 0, false, false)) {
            assertThat(setting(pg, "fsync")).isEqualTo("off");
            assertThat(setting(pg, "synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void cleanStartWipesTheDirectory() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(dir, 0, false)) {
            execute(pg, "create table note (text varchar(50))");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(dir, 0, true)) {
            execute(pg, "create table note (text varchar(50))"); // would fail if the old table were still there
        }
    }

    @Test
    void refusesADirectoryThatARunningInstanceUses() throws Exception {
        try (EmbeddedPostgres running = EmbeddedPostgresLauncher.start(dir, 0, false)) {
            assertThatThrownBy(() -> EmbeddedPostgresLauncher.start(dir, 0, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running Switchboard")
                    .hasMessageContaining("switchboard.embedded-db.directory");
            assertThat(queryNotesOrTables(running)).isNotNull();
        }
    }

    @Test
    void recoversFromAnOrphanedServerAfterAHardKill() throws Exception {
        // a separate JVM starts PostgreSQL on the directory, writes a row, and is then killed with SIGKILL
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, ChildJvm.NATIVE_ACCESS, "-cp", System.getProperty("java.class.path"),
                        OrphanMaker.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(OrphanMaker.READY)) {
                // skip the child's log lines
            }
            assertThat(line).as("child JVM started PostgreSQL").isEqualTo(OrphanMaker.READY);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).getFirst().trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(dir, 0, false)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(queryNotes(pg)).containsExactly("written before the crash");
        }
    }

    /** Run in a child JVM by the hard-kill test. */
    public static final class OrphanMaker {
        static final String READY = "ORPHAN-READY";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres pg = EmbeddedPostgresLauncher.start(Path.of(args[0]), 0, false);
            execute(pg, "create table note (text varchar(50))", "insert into note values ('written before the crash')");
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    static void execute(EmbeddedPostgres pg, String... sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static List<String> queryNotes(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select text from note")) {
            List<String> notes = new java.util.ArrayList<>();
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
            return notes;
        }
    }

    private static String setting(EmbeddedPostgres pg, String name) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Integer queryNotesOrTables(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
