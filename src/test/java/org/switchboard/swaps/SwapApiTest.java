package org.switchboard.swaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.PublishedSchedule;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.ShiftTrades;
import org.switchboard.security.UserAccountService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contracts of {@code /api/swaps}: paths, JSON field names and status codes, as the demo's users (operator is
 * E1001, operator2 E1003, operator3 E1005, all of Aurora) on the schedule tests' published week; rolled back.
 */
@SpringBootTest
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwapApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "switchboard";

    @Autowired
    WebApplicationContext context;
    @Autowired
    ShiftTrades trades;
    @Autowired
    RosterService rosters;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PublishedSchedule published;

    MockMvc mvc;
    Roster roster;
    Operator anna;
    Operator vera;

    /** Outside the tests' transactions: the roster is solved in a thread of its own. */
    @BeforeAll
    void publish() {
        roster = SwapFixture.roster(rosters, operators, teams, accounts, published, trades);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        SwapFixture.roomy(jdbc, SwapFixture.byNumber(operators, "E1001"), SwapFixture.byNumber(operators, "E1003"));
        anna = SwapFixture.byNumber(operators, "E1001");
        vera = SwapFixture.byNumber(operators, "E1003");
    }

    ResultActions call(String login, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(login, PASSWORD)));
    }

    ResultActions send(String login, MockHttpServletRequestBuilder request, String body) throws Exception {
        return call(login, request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    void aDirectSwapFromProposalToApproval() throws Exception {
        LocalDate d = SwapFixture.swapDay(trades, roster, anna, vera);
        JsonNode created = json(send("operator", post("/api/swaps"),
                "{\"date\":\"%s\",\"withEmployeeNumber\":\"E1003\",\"withDate\":\"%s\"}".formatted(d, d))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/swaps/"))));
        long id = created.get("id").asLong();
        assertThat(created.get("status").asText()).isEqualTo("PROPOSED");

        JsonNode mine = json(call("operator2", get("/api/swaps")).andExpect(status().isOk()));
        JsonNode trade = null;
        for (JsonNode t : mine) {
            if (t.get("id").asLong() == id) {
                trade = t;
            }
        }
        assertThat(trade).as("the swap addressed to operator2").isNotNull();
        assertThat(trade.get("kind").asText()).isEqualTo("SWAP");
        assertThat(trade.get("date").asText()).isEqualTo(d.toString());
        assertThat(trade.get("withDate").asText()).isEqualTo(d.toString());
        assertThat(trade.get("proposer").get("employeeNumber").asText()).isEqualTo("E1001");
        assertThat(trade.get("with").get("employeeNumber").asText()).isEqualTo("E1003");
        assertThat(trade.get("shift").get("start").asText()).matches("\\d\\d:\\d\\d(:00)?");
        assertThat(trade.get("withShift").get("templateCode").asText()).isNotBlank();

        call("operator3", post("/api/swaps/" + id + "/accept")).andExpect(status().isForbidden());
        call("operator3", get("/api/swaps/" + id)).andExpect(status().isForbidden());
        call("operator", post("/api/swaps/" + id + "/approve")).andExpect(status().isForbidden());
        call("planner", post("/api/swaps/" + id + "/approve")).andExpect(status().isForbidden());
        call("manager", post("/api/swaps/" + id + "/approve")).andExpect(status().isConflict());

        JsonNode accepted = json(call("operator2", post("/api/swaps/" + id + "/accept")).andExpect(status().isOk()));
        assertThat(accepted.get("status").asText()).isEqualTo("APPROVED");
        assertThat(accepted.get("decidedBySystem").asBoolean()).isTrue();
        assertThat(accepted.get("history")).hasSize(3);

        call("operator", post("/api/swaps/" + id + "/cancel")).andExpect(status().isConflict());
        call("operator2", post("/api/swaps/" + id + "/decline")).andExpect(status().isConflict());
        JsonNode all = json(call("manager", get("/api/swaps")).andExpect(status().isOk()));
        assertThat(all.findValues("id")).extracting(JsonNode::asLong).contains(id);
    }

    @Test
    void aBrokenRuleIs422WithTheViolationsInTheCallersLanguage() throws Exception {
        LocalDate off = roster.startDate().minusDays(40);
        JsonNode en = json(send("operator", post("/api/swaps"), "{\"date\":\"%s\"}".formatted(off))
                .andExpect(status().isUnprocessableContent()));
        assertThat(en.get("violations").get(0).get("rule").asText()).isEqualTo("Shift to trade");
        assertThat(en.get("violations").get(0).get("message").asText()).contains("no published shift");
        JsonNode ru = json(send("operator", post("/api/swaps").header("Accept-Language", "ru"),
                "{\"date\":\"%s\"}".formatted(off)).andExpect(status().isUnprocessableContent()));
        assertThat(ru.get("violations").get(0).get("message").asText()).contains("нет опубликованной смены");
    }

    @Test
    void badRequestsAreRefusedWithTheField() throws Exception {
        send("operator", post("/api/swaps"), "{\"date\":\"2026-13-01\"}").andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("date"));
        send("operator", post("/api/swaps"), "{}").andExpect(status().isBadRequest());
        send("operator", post("/api/swaps"), "{\"date\":\"%s\",\"withEmployeeNumber\":\"E9999\"}"
                .formatted(roster.startDate())).andExpect(status().isNotFound());
        send("operator", post("/api/swaps"), "{\"date\":\"%s\",\"withEmployeeNumber\":\"%s\"}"
                .formatted(roster.startDate(), "E".repeat(5000))).andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("withEmployeeNumber")
                        .doesNotContain("EEEEEEEEEEEEEEEEEEEEEEEEE"));
        send("manager", post("/api/swaps"), "{\"date\":\"%s\"}".formatted(roster.startDate()))
                .andExpect(status().isForbidden());
        call("operator", post("/api/swaps/999999999/accept")).andExpect(status().isNotFound());
        mvc.perform(get("/api/swaps")).andExpect(status().isUnauthorized());
        send("manager", post("/api/swaps/1/reject"), "{}").andExpect(status().isBadRequest());
    }

    @Test
    void offersAndTeamRules() throws Exception {
        JsonNode open = json(call("operator2", get("/api/swaps/open")).andExpect(status().isOk()));
        assertThat(open.isArray()).isTrue();
        long team = anna.getTeamId();
        JsonNode rules = json(call("operator", get("/api/swaps/rules/" + team)).andExpect(status().isOk()));
        assertThat(rules.get("minNoticeHours").asInt()).isEqualTo(12);
        send("operator", put("/api/swaps/rules/" + team), rules.toString()).andExpect(status().isForbidden());
        JsonNode saved = json(send("manager", put("/api/swaps/rules/" + team),
                "{\"sameQueueOnly\":true,\"unequalPaidTime\":false,\"oneSided\":false,\"minNoticeHours\":24,"
                        + "\"openDaysAhead\":30,\"autoApprove\":false,\"threshold\":0.9}").andExpect(status().isOk()));
        assertThat(saved.get("minNoticeHours").asInt()).isEqualTo(24);
        assertThat(saved.get("autoApprove").asBoolean()).isFalse();
        send("manager", put("/api/swaps/rules/" + team), "{\"minNoticeHours\":-5,\"openDaysAhead\":30,\"threshold\":0.9}")
                .andExpect(status().isBadRequest());
    }
}
