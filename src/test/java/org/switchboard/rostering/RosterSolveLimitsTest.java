package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;
import tools.jackson.databind.JsonNode;

/**
 * Nothing hangs: a big roster's solve ends at its time limit and on a stop within seconds (the construction included,
 * which OptaPlanner's termination cannot interrupt), keeps the best roster so far, and can be solved again; a roster
 * larger than one solve handles is refused with the limit; values out of range are refused, not truncated. The big
 * roster is a team of {@value #LARGE} operators copied from the demo center, planned for 28 days.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterSolveLimitsTest {

    static final String PASSWORD = "roster-limits-test-password";
    static final int LARGE = 1000;

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    LargeCenter center;
    final List<Long> rosters = new ArrayList<>();

    @BeforeAll
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        SystemAuthentication.runAsSystem(() -> {
            if (accounts.list().stream().noneMatch(a -> a.username().equals("limits-planner"))) {
                accounts.createWithPassword("limits-planner", "Limits planner", Set.of(Roles.PLANNER), PASSWORD, false);
            }
        });
        center = new LargeCenter(jdbc, "Limits " + System.nanoTime(), LARGE);
    }

    @AfterAll
    void cleanUp() {
        center.close();
        for (long id : rosters) {
            deleteRoster(id);
        }
    }

    private void deleteRoster(long id) {
        jdbc.update("delete from roster_assignment where roster_id = ?", id);
        jdbc.update("delete from roster_operator where roster_id = ?", id);
        jdbc.update("delete from roster where id = ?", id);
    }

    ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic("limits-planner", PASSWORD)));
    }

    ResultActions create(String body) throws Exception {
        return call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long created(String body) throws Exception {
        long id = json(create(body).andExpect(status().isCreated())).get("id").asLong();
        rosters.add(id);
        return id;
    }

    JsonNode statusOf(long id) throws Exception {
        return json(call(get("/api/rosters/" + id + "/status")).andExpect(status().isOk()));
    }

    static JsonNode json(ResultActions r) throws Exception {
        return RosterApiTest.JSON.readTree(r.andReturn().getResponse().getContentAsString());
    }

    /** Waits until the roster is not being solved any more; returns its status then. */
    JsonNode waitUntilDone(long id, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode s = statusOf(id);
            if (!s.get("solving").asBoolean()) {
                return s;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("roster " + id + " still solving after " + within.toSeconds() + " s");
    }

    @Test
    void outOfRangeValuesAreRefusedNotTruncated() throws Exception {
        String monday = RosterApiTest.monday(1).toString();
        create("{\"startDate\":\"%s\",\"days\":1.5,\"teams\":[\"Aurora (day)\"]}".formatted(monday))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        create("{\"startDate\":\"%s\",\"days\":1e12,\"teams\":[\"Aurora (day)\"]}".formatted(monday))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        create("{\"startDate\":\"%s\",\"days\":\"seven\",\"teams\":[\"Aurora (day)\"]}".formatted(monday))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        for (String date : List.of("+999999999-01-04", "0000-01-03", "1999-12-27", "2101-01-03")) {
            create("{\"startDate\":\"%s\",\"days\":7,\"teams\":[\"Aurora (day)\"]}".formatted(date))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("startDate"))
                    .andExpect(jsonPath("$.errors[0].reason").value(containsString("2000 to 2100")));
        }

        long id = created("{\"startDate\":\"%s\",\"days\":1,\"teams\":[\"Aurora (day)\"]}".formatted(monday));
        for (String seconds : List.of("1.5", "0", "-5", "3601", "99999999999", "ten")) {
            call(post("/api/rosters/" + id + "/solve").param("seconds", seconds))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("seconds"));
        }
        assertThat(statusOf(id).get("solving").asBoolean()).isFalse();
    }

    @Test
    void aRosterLargerThanOneSolveHandlesIsRefusedWithTheLimit() throws Exception {
        int days = RosterService.DEFAULT_MAX_OPERATOR_DAYS / LARGE + 1;
        assertThat(days).as("the team is large enough to pass the limit within 42 days").isLessThanOrEqualTo(42);
        create("{\"startDate\":\"%s\",\"days\":%d,\"teams\":[\"%s\"]}".formatted(RosterApiTest.monday(0), days, center.teamName))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(allOf(containsString("operator-days"),
                        containsString("switchboard.solver.max-operator-days"),
                        containsString(String.format(java.util.Locale.ROOT, "%,d", RosterService.DEFAULT_MAX_OPERATOR_DAYS)))));

        // a roster that has grown past the limit since it was created (operators joined its teams) is not solved
        long id = created("{\"startDate\":\"%s\",\"days\":1,\"teams\":[\"%s\"]}".formatted(RosterApiTest.monday(0), center.teamName));
        jdbc.update("update roster set days = ? where id = ?", days, id);
        call(post("/api/rosters/" + id + "/solve").param("seconds", "5")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("switchboard.solver.max-operator-days")));
        assertThat(statusOf(id).get("solving").asBoolean()).isFalse();
    }

    /**
     * A solve asked for 8 s of a roster whose construction alone takes minutes ends within the limit and a few seconds
     * (15 allowed: the machine is shared), keeping what the construction planned by then.
     */
    @Test
    void aSolveThatWouldOverrunItsLimitEndsAtIt() throws Exception {
        long id = created("{\"startDate\":\"%s\",\"days\":28,\"teams\":[\"%s\"]}".formatted(RosterApiTest.monday(0), center.teamName));
        int unsolved = statusOf(id).get("hard").asInt();
        long asked = System.nanoTime();
        call(post("/api/rosters/" + id + "/solve").param("seconds", "8")).andExpect(status().isAccepted());
        JsonNode done = waitUntilDone(id, Duration.ofSeconds(8 + 15));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(8 + 15));
        assertThat(done.get("solverStatus").asText()).isEqualTo("NOT_SOLVING");
        assertThat(done.get("solveEndedAt").isNull()).isFalse();
        assertThat(done.get("hard").asInt()).as("operators planned before the limit are kept").isGreaterThan(unsolved);
    }

    /**
     * Stopped while the construction runs: the stop returns at once, the solve ends within seconds, the best roster so
     * far is the draft, and the roster can be solved again (nothing stays "solving").
     */
    @Test
    void aSolveStoppedDuringTheConstructionEndsAtOnceAndKeepsItsBest() throws Exception {
        long id = created("{\"startDate\":\"%s\",\"days\":28,\"teams\":[\"%s\"]}".formatted(RosterApiTest.monday(1), center.teamName));
        int unsolved = statusOf(id).get("hard").asInt();
        call(post("/api/rosters/" + id + "/solve").param("seconds", "600")).andExpect(status().isAccepted());
        // the construction plans a twentieth of the operators per step and shows each step's roster
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode live = statusOf(id);
        while (live.get("hard").asInt() <= unsolved && System.nanoTime() < deadline) {
            Thread.sleep(200);
            live = statusOf(id);
        }
        assertThat(live.get("solving").asBoolean()).isTrue();
        assertThat(live.get("hard").asInt()).as("a live score from the construction").isGreaterThan(unsolved);

        long stopAsked = System.nanoTime();
        call(post("/api/rosters/" + id + "/stop")).andExpect(status().isAccepted());
        assertThat(Duration.ofNanos(System.nanoTime() - stopAsked)).as("stop does not wait for the solver")
                .isLessThan(Duration.ofSeconds(3));
        JsonNode done = waitUntilDone(id, Duration.ofSeconds(20));
        assertThat(done.get("hard").asInt()).as("the best roster so far is the draft").isGreaterThanOrEqualTo(live.get("hard").asInt());
        int stored = jdbc.queryForObject("select hard_score from roster where id = ?", Integer.class, id);
        assertThat(stored).isEqualTo(done.get("hard").asInt());

        // not stuck: it is solved again (from the saved draft) and stopped again
        call(post("/api/rosters/" + id + "/solve").param("seconds", "600")).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.solving").value(true));
        call(post("/api/rosters/" + id + "/stop")).andExpect(status().isAccepted());
        assertThat(waitUntilDone(id, Duration.ofSeconds(30)).get("hard").asInt()).isGreaterThanOrEqualTo(stored);
    }
}
