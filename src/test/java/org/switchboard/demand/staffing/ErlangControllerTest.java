package org.switchboard.demand.staffing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;

/** The what-if endpoint over HTTP, signed in with HTTP Basic as real accounts. */
@SpringBootTest
class ErlangControllerTest {

    static final String PASSWORD = "erlang-test-password";

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    /** Built on the one shared test context (a second context would start a second embedded database). */
    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    static JsonNode json(org.springframework.test.web.servlet.MvcResult result) throws Exception {
        return JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
    }

    @Autowired
    UserAccountService accounts;

    @BeforeEach
    void accounts() {
        SystemAuthentication.callAsSystem(() -> {
            for (String role : java.util.List.of(Roles.PLANNER, Roles.MANAGER, Roles.OPERATOR)) {
                String login = "erlang-" + role.toLowerCase();
                if (accounts.list().stream().noneMatch(a -> a.username().equals(login))) {
                    accounts.createWithPassword(login, "Erlang " + role, java.util.Set.of(role), PASSWORD, false);
                }
            }
            return null;
        });
    }

    @Test
    void pyworkforcePointWithShrinkage() throws Exception {
        var result = mvc.perform(post("/api/staffing/erlang").with(httpBasic("erlang-planner", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"callsPerInterval":100,"intervalMinutes":30,"ahtSeconds":180,
                                 "serviceLevelTarget":0.8,"answerWithinSeconds":20,"shrinkage":0.3}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agents").value(14))
                .andExpect(jsonPath("$.positions").value(20))
                .andExpect(jsonPath("$.asaSeconds").isNumber())
                .andReturn();
        JsonNode body = json(result);
        assertThat(body.get("serviceLevel").asDouble()).isCloseTo(0.888, within(0.0005));
        assertThat(body.get("occupancy").asDouble()).isCloseTo(0.714, within(0.0005));
        assertThat(body.get("probabilityOfWaiting").asDouble()).isCloseTo(0.174, within(0.0005));
        assertThat(body.get("abandonmentProbability").asDouble()).isZero();
    }

    @Test
    void patienceSelectsErlangA() throws Exception {
        var result = mvc.perform(post("/api/staffing/erlang").with(httpBasic("erlang-manager", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"callsPerInterval":100,"intervalMinutes":30,"ahtSeconds":180,
                                 "serviceLevelTarget":0.8,"answerWithinSeconds":20,"patienceSeconds":60}"""))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode body = json(result);
        assertThat(body.get("agents").asInt()).isLessThanOrEqualTo(14);
        assertThat(body.get("abandonmentProbability").asDouble()).isGreaterThan(0.0);
    }

    @Test
    void invalidInputIsRefusedWithFieldAndReason() throws Exception {
        mvc.perform(post("/api/staffing/erlang").with(httpBasic("erlang-planner", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"callsPerInterval":-5,"intervalMinutes":30,"ahtSeconds":180,
                                 "serviceLevelTarget":0.8,"answerWithinSeconds":20,"shrinkage":1.2}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'callsPerInterval')].reason").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'shrinkage')].reason").isNotEmpty());
        mvc.perform(post("/api/staffing/erlang").with(httpBasic("erlang-planner", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"intervalMinutes\":30}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'callsPerInterval')].reason").value("Required"))
                .andExpect(jsonPath("$.errors[?(@.field == 'ahtSeconds')].reason").value("Required"));
        mvc.perform(post("/api/staffing/erlang").with(httpBasic("erlang-planner", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"callsPerInterval\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("callsPerInterval"));
        mvc.perform(post("/api/staffing/erlang").with(httpBasic("erlang-planner", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value("The body is not valid JSON"));
    }

    @Test
    void operatorsAndStrangersAreRefused() throws Exception {
        String body = """
                {"callsPerInterval":100,"intervalMinutes":30,"ahtSeconds":180,"serviceLevelTarget":0.8,"answerWithinSeconds":20}""";
        mvc.perform(post("/api/staffing/erlang").with(httpBasic("erlang-operator", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/staffing/erlang").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/staffing/erlang").with(httpBasic("erlang-planner", "wrong"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
    }
}
