package org.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.switchboard.base.database.EmbeddedPostgresLauncher;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.shared.SystemAuthentication;

/**
 * Whole-application starts: what a planner edits survives a restart of the app on its kept database, and
 * with an external database URL no embedded server starts, no demo data is seeded and a first admin is made.
 */
class ApplicationLifecycleTest {

    @TempDir
    Path dataDir;

    /**
     * Each application context installs Vaadin's security-context strategy into the static
     * SecurityContextHolder; the shared test context of the other test classes must get its own back.
     */
    private SecurityContextHolderStrategy sharedStrategy;

    @BeforeEach
    void rememberSecurityStrategy() {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterEach
    void restoreSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @Test
    void anEditSurvivesARestart() throws Exception {
        Map<String, Object> props = Map.of(
                "switchboard.embedded-db.directory", dataDir.resolve("postgres").toString(),
                "switchboard.embedded-db.clean", "false",
                "server.port", "0");
        try (ConfigurableApplicationContext app = start(props)) {
            OperatorService operators = app.getBean(OperatorService.class);
            SystemAuthentication.runAsSystem(() -> {
                Operator anna = operators.list().stream()
                        .filter(o -> o.getEmployeeNumber().equals("E1001")).findFirst().orElseThrow();
                anna.setLastName("Smirnova");
                operators.save(anna);
            });
        }
        try (ConfigurableApplicationContext app = start(props)) {
            OperatorService operators = app.getBean(OperatorService.class);
            String lastName = SystemAuthentication.callAsSystem(() -> operators.list().stream()
                    .filter(o -> o.getEmployeeNumber().equals("E1001")).findFirst().orElseThrow().getLastName());
            assertThat(lastName).isEqualTo("Smirnova");
            assertThat(SystemAuthentication.callAsSystem(operators::list)).as("demo data seeded once").hasSize(64);

            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = get(base + "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> home = get(base + "/operators");
            assertThat(home.statusCode()).as("signed-out users go to the sign-in page").isEqualTo(302);
            assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void anExternalDatabaseGetsNoEmbeddedServerNoDemoDataAndAFirstAdmin() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgresLauncher.start(dataDir.resolve("external"), 0, false)) {
            Map<String, Object> props = Map.of(
                    "spring.datasource.url", external.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username", "postgres",
                    "server.port", "0");
            try (ConfigurableApplicationContext app = start(props)) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select count(*) from operator", Integer.class)).isZero();
                assertThat(jdbc.queryForList("select username from app_user", String.class)).containsExactly("admin");
                assertThat(jdbc.queryForObject("select must_change_password from app_user", Boolean.class)).isTrue();
                assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                        .isGreaterThanOrEqualTo(5);
            }
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Properties go in as command-line arguments, which win over every properties file (as they would for a user). */
    private static ConfigurableApplicationContext start(Map<String, Object> props) {
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(SwitchboardApplication.class).run(args);
    }
}
