package org.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.switchboard.SwitchboardApplication;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.shared.SystemAuthentication;

/**
 * The backup and restore of docs/operations.md, done as written: Switchboard runs on a PostgreSQL server of the
 * machine's installation with its demo call center and an edit, {@code pg_dump -Fc} backs the database up, and
 * {@code pg_restore} into a new server's empty database gives identical data (every table's rows and every sequence),
 * on which the application starts (Flyway finds nothing to do) and reads the edit.
 */
@Tag("own-server") // whole applications of its own: a JVM of its own (see the pom)
class BackupRestoreTest {

    private static final String DB = "switchboard";

    private Path work;
    private SecurityContextHolderStrategy strategy;

    @BeforeEach
    void folder() throws Exception {
        // the server runs as postgres: its folders must be reachable by it
        work = Files.createTempDirectory("switchboard-backup", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        strategy = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterEach
    void cleanUp() throws Exception {
        SecurityContextHolder.setContextHolderStrategy(strategy);
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aRestoreIntoANewServerGivesIdenticalDataAndTheAppRunsOnIt() throws Exception {
        Path bin = PostgresServer.installation().orElse(null);
        Assumptions.assumeTrue(bin != null, "needs a PostgreSQL server and its client tools under /usr/lib/postgresql"
                + " (apt-get install postgresql); .ci/run installs them");
        Path backup = work.resolve("backup");
        Files.createDirectories(backup);
        Map<String, String> original;
        try (PostgresServer a = PostgresServer.start(bin, work.resolve("a"), DB)) {
            Files.setOwner(backup, Files.getOwner(a.data));
            try (ConfigurableApplicationContext app = start(a.jdbcUrl(DB), true)) {
                OperatorService operators = app.getBean(OperatorService.class);
                SystemAuthentication.runAsSystem(() -> {
                    Operator anna = anna(operators);
                    anna.setLastName("Backupova");
                    operators.save(anna);
                });
            }
            original = contents(a.jdbcUrl(DB));
            a.run("pg_dump", "-h", "localhost", "-p", Integer.toString(a.port), "-U", "postgres", "-Fc",
                    "-f", backup.resolve("switchboard.dump").toString(), DB);
        }
        assertThat(original).as("tables and sequences backed up").hasSizeGreaterThan(40)
                .containsKey("table operator").containsKey("table flyway_schema_history");

        try (PostgresServer b = PostgresServer.start(bin, work.resolve("b"), DB)) {
            b.run("pg_restore", "-h", "localhost", "-p", Integer.toString(b.port), "-U", "postgres",
                    "--exit-on-error", "--no-owner", "-d", DB, backup.resolve("switchboard.dump").toString());
            assertThat(contents(b.jdbcUrl(DB))).as("every table's rows and every sequence").isEqualTo(original);
            try (ConfigurableApplicationContext app = start(b.jdbcUrl(DB), false)) {
                OperatorService operators = app.getBean(OperatorService.class);
                assertThat(SystemAuthentication.callAsSystem(() -> anna(operators).getLastName())).isEqualTo("Backupova");
                assertThat(SystemAuthentication.callAsSystem(operators::list)).hasSize(64);
            }
        }
    }

    private static Operator anna(OperatorService operators) {
        return operators.list().stream().filter(o -> o.getEmployeeNumber().equals("E1001")).findFirst().orElseThrow();
    }

    private static ConfigurableApplicationContext start(String url, boolean demo) {
        return new SpringApplicationBuilder(SwitchboardApplication.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--switchboard.demo.enabled=" + demo, "--server.port=0",
                "--spring.main.banner-mode=off");
    }

    /** Each table's row count and a digest of its rows in order, and each sequence's position. */
    private static Map<String, String> contents(String url) {
        org.springframework.jdbc.datasource.DriverManagerDataSource ds =
                new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Map<String, String> contents = new LinkedHashMap<>();
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
                """, String.class);
        for (String table : tables) {
            contents.put("table " + table, jdbc.queryForObject(
                    "select count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '-')"
                            + " from \"" + table + "\" t", String.class));
        }
        List<String> sequences = jdbc.queryForList(
                "select sequence_name from information_schema.sequences where sequence_schema = 'public'"
                        + " order by sequence_name", String.class);
        for (String sequence : sequences) {
            contents.put("sequence " + sequence, jdbc.queryForObject(
                    "select last_value || ' ' || is_called from \"" + sequence + "\"", String.class));
        }
        return contents;
    }
}
