package org.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/audit}: newest first, a page at a time, filtered by time, user and kind, with each entry's sentence in
 * the caller's language; managers and admins only (401 without credentials, 403 for other roles); bad filters 400
 * with the field. The entries are made by a user of this test's own, so other entries do not get in the way.
 */
@SpringBootTest
class AuditApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "switchboard";

    @Autowired
    WebApplicationContext context;
    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;

    MockMvc mvc;
    String actor;
    Instant start;
    Instant middle;

    @BeforeEach
    void setUp() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        actor = "audit-api-" + System.nanoTime();
        start = Instant.now();
        record(AuditKind.TEAM_CHANGED, "team", "1", null, Map.of("name", "Alpha"), Map.of("label", "Alpha"));
        record(AuditKind.OPERATOR_CHANGED, "operator", "2", Map.of("firstName", "Anna"), Map.of("firstName", "Anya"),
                Map.of("label", "E9001 Anya Test"));
        Thread.sleep(20);
        middle = Instant.now();
        Thread.sleep(20);
        record(AuditKind.ABSENCE_REJECTED, "absence", "3", Map.of("status", "REQUESTED"), Map.of("status", "REJECTED"),
                AuditTrail.facts("employeeNumber", "E9001", "operatorName", "Anya Test", "type", "VACATION", "from",
                        LocalDate.of(2027, 3, 10), "to", LocalDate.of(2027, 3, 12), "reason", "Peak week"));
    }

    void record(AuditKind kind, String type, String id, Object before, Object after, Map<String, ?> facts) {
        AuditFixture.as(actor, "MANAGER", () -> {
            transactions.executeWithoutResult(s -> trail.record(kind, type, id, before, after, facts));
            return null;
        });
    }

    MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(login, PASSWORD));
    }

    JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    JsonNode list(String login, MockHttpServletRequestBuilder request) throws Exception {
        return json(mvc.perform(as(login, request)).andExpect(status().isOk()).andReturn());
    }

    static List<String> kinds(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("entries").forEach(e -> out.add(e.get("kind").asString()));
        return out;
    }

    @Test
    void listsNewestFirstWithStableFieldsAndTheSentenceInTheCallersLanguage() throws Exception {
        JsonNode page = list("manager", get("/api/audit").param("user", actor));
        assertThat(page.propertyNames()).containsExactly("page", "size", "total", "entries");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("size").asInt()).isEqualTo(AuditTrail.DEFAULT_SIZE);
        assertThat(kinds(page)).containsExactly("ABSENCE_REJECTED", "OPERATOR_CHANGED", "TEAM_CHANGED");
        JsonNode rejected = page.get("entries").get(0);
        assertThat(rejected.propertyNames()).containsExactly("id", "at", "actor", "kind", "subjectType", "subjectId",
                "before", "after", "facts", "text");
        assertThat(rejected.get("actor").asString()).isEqualTo(actor);
        assertThat(rejected.get("subjectType").asString()).isEqualTo("absence");
        assertThat(rejected.get("subjectId").asString()).isEqualTo("3");
        assertThat(rejected.at("/before/status").asString()).isEqualTo("REQUESTED");
        assertThat(rejected.at("/after/status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.at("/facts/from").asString()).isEqualTo("2027-03-10");
        assertThat(Instant.parse(rejected.get("at").asString())).isAfter(middle);
        assertThat(rejected.get("text").asString())
                .isEqualTo("Rejected the absence of E9001 Anya Test (Vacation), 2027-03-10 – 2027-03-12: Peak week");
        assertThat(page.get("entries").get(1).get("text").asString())
                .isEqualTo("Changed operator E9001 Anya Test: firstName: Anna → Anya.");
        assertThat(page.get("entries").get(2).get("before").isNull()).isTrue();

        JsonNode russian = list("admin", get("/api/audit").param("user", actor).header(HttpHeaders.ACCEPT_LANGUAGE, "ru-RU"));
        assertThat(russian.get("entries").get(0).get("text").asString())
                .isEqualTo("Отклонено отсутствие оператора E9001 Anya Test (Отпуск), 10.03.2027 – 12.03.2027: Peak week");
    }

    @Test
    void filtersByTimeUserAndKindAndPages() throws Exception {
        assertThat(kinds(list("manager", get("/api/audit").param("user", actor.toUpperCase())
                .param("from", middle.toString())))).containsExactly("ABSENCE_REJECTED");
        assertThat(kinds(list("manager", get("/api/audit").param("user", actor).param("from", start.minusSeconds(1).toString())
                .param("to", middle.toString())))).containsExactly("OPERATOR_CHANGED", "TEAM_CHANGED");
        assertThat(kinds(list("manager", get("/api/audit").param("user", actor).param("kind", "team_changed,ABSENCE_REJECTED"))))
                .containsExactly("ABSENCE_REJECTED", "TEAM_CHANGED");
        assertThat(kinds(list("manager", get("/api/audit").param("user", actor).param("kind", "TEAM_CHANGED")
                .param("kind", "OPERATOR_CHANGED")))).containsExactly("OPERATOR_CHANGED", "TEAM_CHANGED");
        // dates are whole days in the server's zone, "to" included
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        assertThat(list("manager", get("/api/audit").param("user", actor).param("from", today.toString())
                .param("to", today.toString())).get("total").asLong()).isEqualTo(3);
        assertThat(list("manager", get("/api/audit").param("user", actor).param("to", today.minusDays(1).toString()))
                .get("total").asLong()).isZero();
        assertThat(list("manager", get("/api/audit").param("user", "nobody-" + actor)).get("total").asLong()).isZero();

        JsonNode second = list("manager", get("/api/audit").param("user", actor).param("page", "1").param("size", "2"));
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(kinds(second)).containsExactly("TEAM_CHANGED");
    }

    @Test
    void managersAndAdminsOnly() throws Exception {
        assertThat(mvc.perform(get("/api/audit")).andReturn().getResponse().getStatus()).isEqualTo(401);
        for (String login : List.of("planner", "operator")) {
            MvcResult r = mvc.perform(as(login, get("/api/audit"))).andReturn();
            assertThat(r.getResponse().getStatus()).as(login).isEqualTo(403);
            assertThat(json(r).get("status").asInt()).isEqualTo(403);
        }
        mvc.perform(as("admin", get("/api/audit"))).andExpect(status().isOk());
    }

    @Test
    void badFiltersAre400WithTheField() throws Exception {
        Map<String, String[]> bad = Map.of(
                "from", new String[] {"from", "yesterday"},
                "to", new String[] {"to", "2026-13-01"},
                "kind", new String[] {"kind", "NO_SUCH_KIND"},
                "size", new String[] {"size", "501"},
                "page", new String[] {"page", "-1"});
        for (var e : bad.entrySet()) {
            MvcResult r = mvc.perform(as("manager", get("/api/audit").param(e.getValue()[0], e.getValue()[1]))).andReturn();
            assertThat(r.getResponse().getStatus()).as(e.getKey()).isEqualTo(400);
            assertThat(json(r).at("/errors/0/field").asString()).as(e.getKey()).isEqualTo(e.getKey());
        }
        MvcResult reversed = mvc.perform(as("manager", get("/api/audit").param("from", "2026-12-07")
                .param("to", "2026-12-01"))).andReturn();
        assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(reversed).at("/errors/0/field").asString()).isEqualTo("to");
        MvcResult ru = mvc.perform(as("manager", get("/api/audit").param("kind", "NOPE")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ru"))).andReturn();
        assertThat(json(ru).at("/errors/0/reason").asString()).startsWith("«NOPE» — не вид записи");
        MvcResult notNumber = mvc.perform(as("manager", get("/api/audit").param("size", "ten"))).andReturn();
        assertThat(notNumber.getResponse().getStatus()).isEqualTo(400);
    }
}
