package org.switchboard.demand.staffing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MvcResult;
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

    /** The pyworkforce question with some fields replaced (JSON values as written). */
    static String question(String... fieldsAndValues) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("callsPerInterval", "100");
        fields.put("intervalMinutes", "30");
        fields.put("ahtSeconds", "180");
        fields.put("serviceLevelTarget", "0.8");
        fields.put("answerWithinSeconds", "20");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    MvcResult ask(String body) throws Exception {
        return mvc.perform(post("/api/staffing/erlang").with(httpBasic("erlang-planner", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }

    /** The reasons the 400 answer gives for {@code field} (none when it is not named). */
    static java.util.List<String> reasons(MvcResult result, String field) throws Exception {
        var list = new java.util.ArrayList<String>();
        JsonNode errors = json(result).get("errors");
        if (errors != null) {
            errors.forEach(e -> {
                if (field.equals(e.get("field").asString())) {
                    list.add(e.get("reason").asString());
                }
            });
        }
        return list;
    }

    /**
     * Patience of 1e16 s and more once never answered and pinned a core (1e14 took 5 s): the series
     * around the queue's peak stepped one caller at a time through 10^9 and more terms, and beyond 2^53
     * a step no longer changed anything. Such a patience is now refused at once, naming the field; the
     * timeout runs the request in its own thread so that a regression fails instead of hanging the build.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1e14", "1e16", "1e20", "1.7976931348623157E308", "3600.5"})
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugePatienceIsRefusedPromptly(String patience) throws Exception {
        for (String load : new String[] {"100", "400"}) { // A = 10 and 40 Erlangs: the search passes N < A
            long start = System.nanoTime();
            MvcResult result = ask(question("callsPerInterval", load, "patienceSeconds", patience));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
            assertThat(reasons(result, "patienceSeconds"))
                    .containsExactly("must be a number of seconds from 1 to 3600 (leave it unset for Erlang C)");
            assertThat(seconds).isLessThan(2.0);
        }
    }

    /**
     * An hour of patience, the most accepted, is answered at once. With a 3-minute AHT it is close to
     * Erlang C: 13 agents give 80.6 % (Erlang C: 79.6 %, so 14), 0.4 % of callers hang up.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void longestPatienceIsAnswered() throws Exception {
        MvcResult result = ask(question("patienceSeconds", "3600"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode body = json(result);
        assertThat(body.get("agents").asInt()).isEqualTo(13);
        assertThat(body.get("serviceLevel").asDouble()).isCloseTo(0.806, within(0.0005));
        assertThat(body.get("abandonmentProbability").asDouble()).isCloseTo(0.0041, within(0.0001));
    }

    /** Every bound of docs/demand.md: accepted at the bound, refused just beyond it with the field named. */
    static Stream<Arguments> bounds() {
        return Stream.of(
                // field, value at the bound, value just beyond it, other fields
                Arguments.of("callsPerInterval", "0", "-0.001", new String[0]),
                Arguments.of("callsPerInterval", "1000000", "1000000.5", new String[0]),
                Arguments.of("intervalMinutes", "1", "0", new String[0]),
                Arguments.of("intervalMinutes", "1440", "1441", new String[0]),
                Arguments.of("ahtSeconds", "1", "0.999", new String[0]),
                Arguments.of("ahtSeconds", "86400", "86400.5", new String[0]),
                Arguments.of("serviceLevelTarget", "0.01", "0.0099", new String[0]),
                Arguments.of("serviceLevelTarget", "0.9999", "1", new String[0]),
                Arguments.of("answerWithinSeconds", "0", "-0.001", new String[0]),
                Arguments.of("answerWithinSeconds", "3600", "3600.001", new String[0]),
                Arguments.of("asaTargetSeconds", "1", "0.999", new String[0]),
                Arguments.of("asaTargetSeconds", "3600", "3600.5", new String[0]),
                Arguments.of("maxOccupancy", "0.5", "0.499", new String[0]),
                Arguments.of("maxOccupancy", "1", "1.001", new String[0]),
                Arguments.of("shrinkage", "0", "-0.001", new String[0]),
                Arguments.of("shrinkage", "0.9", "0.9001", new String[0]),
                Arguments.of("patienceSeconds", "1", "0.999", new String[0]),
                Arguments.of("patienceSeconds", "3600", "3600.001", new String[0]),
                Arguments.of("abandonmentTarget", "0.001", "0", new String[] {"patienceSeconds", "60"}),
                Arguments.of("abandonmentTarget", "0.99", "0.991", new String[] {"patienceSeconds", "60"}),
                // the load calls x AHT / interval: 1,000,000 Erlangs (answered by Erlang C and Erlang A)
                Arguments.of("callsPerInterval", "1000000", "1000000.5",
                        new String[] {"intervalMinutes", "1440", "ahtSeconds", "86400"}),
                Arguments.of("callsPerInterval", "1000000", "1000000.5",
                        new String[] {"intervalMinutes", "1440", "ahtSeconds", "86400", "patienceSeconds", "3600"}));
    }

    @ParameterizedTest(name = "{0}: {1} accepted, {2} refused")
    @MethodSource("bounds")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyBoundIsAcceptedAtAndRefusedBeyond(String field, String at, String beyond, String[] others)
            throws Exception {
        String[] accepted = java.util.stream.Stream.concat(Stream.of(others), Stream.of(field, at)).toArray(String[]::new);
        MvcResult ok = ask(question(accepted));
        assertThat(ok.getResponse().getStatus()).as(ok.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode body = json(ok);
        assertThat(body.get("agents").asInt()).isNotNegative();
        assertThat(body.get("positions").asInt()).isGreaterThanOrEqualTo(body.get("agents").asInt())
                .isLessThan(Integer.MAX_VALUE);
        for (String figure : new String[] {"serviceLevel", "occupancy", "probabilityOfWaiting", "abandonmentProbability"}) {
            assertThat(body.get(figure).asDouble()).as(figure).isBetween(0.0, 1.0);
        }

        String[] refused = java.util.stream.Stream.concat(Stream.of(others), Stream.of(field, beyond)).toArray(String[]::new);
        MvcResult bad = ask(question(refused));
        assertThat(bad.getResponse().getStatus()).as(bad.getResponse().getContentAsString()).isEqualTo(400);
        assertThat(reasons(bad, field)).as(bad.getResponse().getContentAsString()).hasSize(1);
    }

    /** 1.5 minutes used to be read as 1 without a word. */
    @ParameterizedTest
    @ValueSource(strings = {"1.5", "30.25", "0.5"})
    void intervalMinutesMustBeAWholeNumber(String minutes) throws Exception {
        MvcResult result = ask(question("intervalMinutes", minutes));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(reasons(result, "intervalMinutes")).containsExactly("must be a whole number of minutes from 1 to 1440");
        assertThat(ask(question("intervalMinutes", "30.0")).getResponse().getStatus()).isEqualTo(200);
    }

    /** Shares are fractions in the API, but its reasons speak in percent: "1.0 cannot be reached" was unclear. */
    @Test
    void reasonsSayPercentagesOfShares() throws Exception {
        assertThat(reasons(ask(question("serviceLevelTarget", "1.5")), "serviceLevelTarget"))
                .containsExactly("150 % is out of range: must be from 1 % to below 100 %");
        assertThat(reasons(ask(question("serviceLevelTarget", "1")), "serviceLevelTarget")).containsExactly(
                "100 % cannot be reached: while calls arrive some always wait longer than 20 s, whatever the number of agents");
        assertThat(reasons(ask(question("maxOccupancy", "0.4")), "maxOccupancy"))
                .containsExactly("40 % is out of range: must be from 50 % to 100 %");
        assertThat(reasons(ask(question("patienceSeconds", "60", "abandonmentTarget", "0")), "abandonmentTarget"))
                .containsExactly("0 % cannot be reached: with finite patience some callers always hang up, whatever the number of agents");
    }

    /** Shrinkage 0.9999999 used to answer 2147483647 positions (the int cast saturated). */
    @Test
    void shrinkageNearOneIsRefusedNeverSaturated() throws Exception {
        for (String[] shrinkage : new String[][] {{"0.9999999", "99.99999 %"}, {"0.999999999999", "100 %"}, {"0.95", "95 %"}}) {
            MvcResult result = ask(question("shrinkage", shrinkage[0]));
            assertThat(result.getResponse().getContentAsString()).doesNotContain("2147483647");
            assertThat(result.getResponse().getStatus()).isEqualTo(400);
            assertThat(reasons(result, "shrinkage")).containsExactly(shrinkage[1] + " is out of range: must be from 0 % to 90 %");
        }
        MvcResult most = ask(question("shrinkage", "0.9"));
        assertThat(json(most).get("positions").asInt()).isEqualTo(140); // 14 agents / (1 - 0.9)
    }

    /** NaN and infinities never reach the calculator (JSON has no literal for them; overflow gives infinity). */
    @Test
    void overflowingNumbersAreRefused() throws Exception {
        MvcResult result = ask(question("patienceSeconds", "1e400", "ahtSeconds", "-1e400"));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(reasons(result, "patienceSeconds")).containsExactly("Must be a finite number");
        assertThat(reasons(result, "ahtSeconds")).containsExactly("Must be a finite number");
    }
}
