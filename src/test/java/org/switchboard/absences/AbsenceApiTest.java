package org.switchboard.absences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.switchboard.absences.AbsenceTestSupport.day;
import static org.switchboard.absences.AbsenceTestSupport.year;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contracts of {@code /api/absences}: paths, JSON field names and status codes, as the demo's users. */
@SpringBootTest
@Transactional
class AbsenceApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "switchboard";

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    ResultActions call(String login, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(login, PASSWORD)));
    }

    ResultActions send(String login, MockHttpServletRequestBuilder request, String body) throws Exception {
        return call(login, request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    long create(String login, String body) throws Exception {
        return json(send(login, post("/api/absences"), body).andExpect(status().isCreated())).get("id").asLong();
    }

    String days(String type, java.time.LocalDate from, java.time.LocalDate to) {
        return "{\"type\":\"" + type + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"note\":\"trip\"}";
    }

    @Test
    void requestListApproveAndCancel() throws Exception {
        JsonNode created = json(send("operator", post("/api/absences"), days("VACATION", day(6, 7), day(6, 11)))
                .andExpect(status().isCreated()).andExpect(header().string("Location", Matchers.startsWith("/api/absences/"))));
        assertThat(created.propertyNames()).containsExactlyInAnyOrder("id", "status");
        assertThat(created.get("status").asText()).isEqualTo("REQUESTED");
        long id = created.get("id").asLong();

        JsonNode list = json(call("operator", get("/api/absences").param("status", "REQUESTED")).andExpect(status().isOk()));
        assertThat(list.size()).isEqualTo(1);
        JsonNode a = list.get(0);
        assertThat(a.propertyNames()).contains("id", "employeeNumber", "name", "type", "status", "from", "to", "start",
                "end", "wholeDays", "note", "requestedAt", "decidedBy", "decidedAt", "decidedBySystem", "reason",
                "cancelledAt");
        assertThat(a.get("employeeNumber").asText()).isEqualTo("E1001");
        assertThat(a.get("name").asText()).isEqualTo("Anna Ivanova");
        assertThat(a.get("from").asText()).isEqualTo(day(6, 7).toString());
        assertThat(a.get("start").asText()).isEqualTo(day(6, 7) + "T00:00:00+03:00");
        assertThat(a.get("end").asText()).isEqualTo(day(6, 12) + "T00:00:00+03:00");
        assertThat(a.get("wholeDays").asBoolean()).isTrue();
        assertThat(a.get("note").asText()).isEqualTo("trip");
        // another operator does not see it
        assertThat(json(call("operator2", get("/api/absences"))).size()).isZero();

        call("operator", post("/api/absences/" + id + "/approve")).andExpect(status().isForbidden());
        call("planner", post("/api/absences/" + id + "/approve")).andExpect(status().isForbidden());
        call("manager", post("/api/absences/" + id + "/approve")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED")).andExpect(jsonPath("$.decidedBy").value("manager"));
        call("manager", post("/api/absences/" + id + "/approve")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("This request was already approved by manager on")));
        send("manager", post("/api/absences/" + id + "/reject"), "{\"reason\":\"no\"}").andExpect(status().isConflict());
        call("manager", post("/api/absences/" + id + "/approve").header("Accept-Language", "ru"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Эту заявку уже одобрил(а) manager")));

        call("operator2", post("/api/absences/" + id + "/cancel")).andExpect(status().isNotFound());
        call("operator", post("/api/absences/" + id + "/cancel")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED")).andExpect(jsonPath("$.cancelledAt").isNotEmpty());
        call("operator", post("/api/absences/" + id + "/cancel")).andExpect(status().isConflict());
        call("operator", post("/api/absences/999999999/cancel")).andExpect(status().isNotFound());
    }

    @Test
    void rejectOneAndDecideInBulk() throws Exception {
        long one = create("operator", days("VACATION", day(7, 1), day(7, 2)));
        long two = create("operator2", days("UNPAID", day(8, 1), day(8, 2)));
        send("manager", post("/api/absences/" + one + "/reject"), "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send("operator", post("/api/absences/" + one + "/reject"), "{\"reason\":\"x\"}").andExpect(status().isForbidden());
        send("manager", post("/api/absences/" + one + "/reject"), "{\"reason\":\"Peak season\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED")).andExpect(jsonPath("$.reason").value("Peak season"));
        JsonNode bulk = json(send("manager", post("/api/absences/approve"), "{\"ids\":[" + one + "," + two + "]}")
                .andExpect(status().isOk()));
        assertThat(bulk.size()).isEqualTo(2);
        assertThat(bulk.get(0).propertyNames()).containsExactlyInAnyOrder("id", "decided", "status", "message");
        assertThat(bulk.get(0).get("decided").asBoolean()).isFalse();
        assertThat(bulk.get(0).get("message").asText()).contains("already rejected by manager");
        assertThat(bulk.get(1).get("decided").asBoolean()).isTrue();
        assertThat(bulk.get(1).get("status").asText()).isEqualTo("APPROVED");
        long three = create("operator3", days("VACATION", day(9, 1), day(9, 2)));
        send("manager", post("/api/absences/reject"), "{\"ids\":[" + three + "],\"reason\":\"Audit\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].status").value("REJECTED"));
        send("operator", post("/api/absences/approve"), "{\"ids\":[" + three + "]}").andExpect(status().isForbidden());
    }

    @Test
    void refusalsCarryTheirReasons() throws Exception {
        create("operator", days("VACATION", day(5, 4), day(5, 8)));
        send("operator", post("/api/absences"), days("TRAINING", day(5, 8), day(5, 9))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("from " + day(5, 4) + " to " + day(5, 8))));
        jdbc.update("update absence_allowance set carry_over = false where type = 'VACATION'");
        send("operator", post("/api/absences"), days("VACATION", day(7, 1), day(7, 30)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.violations[0].rule").value("Allowance"))
                .andExpect(jsonPath("$.violations[0].message").value("Vacation: 23 days left in " + year() + ", this request needs 30."));
        send("operator", post("/api/absences").header("Accept-Language", "ru-RU"), days("VACATION", day(7, 1), day(7, 30)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.violations[0].message").value(Matchers.startsWith("Отпуск: осталось дней")));
        send("operator", post("/api/absences"), days("HOLIDAY", day(7, 1), day(7, 2))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        send("operator", post("/api/absences"), "{\"type\":\"VACATION\",\"from\":\"2027-13-01\",\"to\":\"2027-12-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        send("operator", post("/api/absences"), days("SICK", day(7, 1), day(7, 2))).andExpect(status().isBadRequest());
        send("operator", post("/api/absences"), "{\"type\":\"VACATION\",\"from\":\"" + day(7, 1) + "\",\"to\":\"" + day(7, 2)
                + "\",\"employeeNumber\":\"E1003\"}").andExpect(status().isForbidden());
        mvc.perform(post("/api/absences").contentType(MediaType.APPLICATION_JSON).content(days("VACATION", day(7, 1), day(7, 2))))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void plannersEnterSickLeaveAndTimeSpans() throws Exception {
        JsonNode sick = json(send("planner", post("/api/absences"), "{\"type\":\"SICK\",\"from\":\"" + day(3, 1)
                + "\",\"to\":\"" + day(3, 3) + "\",\"employeeNumber\":\"E1003\"}").andExpect(status().isCreated()));
        assertThat(sick.get("status").asText()).isEqualTo("APPROVED");
        send("planner", post("/api/absences"), "{\"type\":\"SICK\",\"from\":\"" + day(3, 1) + "\",\"to\":\"" + day(3, 3)
                + "\",\"employeeNumber\":\"E9999\"}").andExpect(status().isNotFound());
        JsonNode span = json(send("operator", post("/api/absences"), "{\"type\":\"OTHER\",\"start\":\"" + day(3, 10)
                + "T09:00\",\"end\":\"" + day(3, 10) + "T11:30\",\"note\":\"dentist\"}").andExpect(status().isCreated()));
        JsonNode entry = json(call("operator", get("/api/absences/" + span.get("id").asLong())).andExpect(status().isOk()));
        assertThat(entry.get("wholeDays").asBoolean()).isFalse();
        assertThat(entry.get("start").asText()).isEqualTo(day(3, 10) + "T09:00:00+03:00");
        assertThat(entry.get("end").asText()).isEqualTo(day(3, 10) + "T11:30:00+03:00");
        JsonNode all = json(call("manager", get("/api/absences").param("from", day(3, 1).toString())
                .param("to", day(3, 31).toString())));
        assertThat(all.size()).isEqualTo(2);
        JsonNode impact = json(call("manager", get("/api/absences/" + span.get("id").asLong() + "/impact")).andExpect(status().isOk()));
        assertThat(impact.propertyNames()).contains("absence", "days", "otherAbsences", "lowestServiceLevelAfter");
        assertThat(impact.get("otherAbsences").size()).isZero();
        call("operator", get("/api/absences/" + span.get("id").asLong() + "/impact")).andExpect(status().isForbidden());
    }

    @Test
    void balancesDaysAndTeamSettings() throws Exception {
        JsonNode balances = json(call("operator", get("/api/absences/balances").param("year", String.valueOf(year())))
                .andExpect(status().isOk()));
        assertThat(balances.size()).isEqualTo(AbsenceType.values().length);
        JsonNode vacation = balances.get(0);
        assertThat(vacation.propertyNames()).contains("type", "allowance", "carriedOver", "taken", "pending", "remaining", "year");
        assertThat(vacation.get("type").asText()).isEqualTo("VACATION");
        assertThat(vacation.get("allowance").asInt()).isEqualTo(28);
        assertThat(json(call("manager", get("/api/absences/balances").param("employeeNumber", "E1003"))).size())
                .isEqualTo(AbsenceType.values().length);
        call("operator", get("/api/absences/balances").param("employeeNumber", "E1003")).andExpect(status().isForbidden());

        long aurora = jdbc.queryForObject("select id from team where name = 'Aurora (day)'", Long.class);
        JsonNode settings = json(call("manager", get("/api/absences/teams/" + aurora + "/settings")).andExpect(status().isOk()));
        assertThat(settings.propertyNames()).containsExactlyInAnyOrder("teamId", "dailyLimit", "autoApprove", "threshold");
        send("manager", put("/api/absences/teams/" + aurora + "/settings"), "{\"dailyLimit\":2,\"autoApprove\":false,\"threshold\":0.8}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.dailyLimit").value(2));
        send("manager", put("/api/absences/teams/" + aurora + "/settings"), "{\"dailyLimit\":2,\"threshold\":1.5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("threshold"));
        send("operator", put("/api/absences/teams/" + aurora + "/settings"), "{\"dailyLimit\":9}").andExpect(status().isForbidden());
        call("manager", get("/api/absences/teams/999999/settings")).andExpect(status().isNotFound());

        create("operator", days("VACATION", day(10, 6), day(10, 6)));
        JsonNode days = json(call("operator2", get("/api/absences/days").param("from", day(10, 5).toString())
                .param("to", day(10, 6).toString())).andExpect(status().isOk()));
        assertThat(days.size()).isEqualTo(2);
        assertThat(days.get(0).propertyNames()).contains("date", "used", "limit", "state");
        assertThat(days.get(0).get("state").asText()).isEqualTo("OPEN");
        assertThat(days.get(1).get("state").asText()).isEqualTo("TIGHT");
        send("manager", put("/api/absences/teams/" + aurora + "/allotments/" + day(10, 6)), "{\"limit\":1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("FULL"));
        call("operator2", get("/api/absences/days").param("from", day(10, 6).toString()).param("to", day(10, 6).toString()))
                .andExpect(jsonPath("$[0].state").value("FULL"));
        call("operator2", get("/api/absences/days").param("from", "x")).andExpect(status().isBadRequest());
        JsonNode waiting = json(send("operator2", post("/api/absences"), days("VACATION", day(10, 6), day(10, 6)))
                .andExpect(status().isCreated()));
        assertThat(waiting.get("status").asText()).isEqualTo("WAITLISTED");
    }

    long absences() {
        return jdbc.queryForObject("select count(*) from absence", Long.class);
    }

    @Test
    void aNulCharacterInTextIs400NamingTheFieldAndNothingIsStored() throws Exception {
        long before = absences();
        // PostgreSQL cannot store it: the note used to fail on writing with 500
        send("operator", post("/api/absences"), "{\"type\":\"VACATION\",\"from\":\"" + day(8, 3) + "\",\"to\":\""
                + day(8, 3) + "\",\"note\":\"a\\u0000b\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].reason").value("Text may not contain the NUL character (\\u0000)"));
        assertThat(absences()).isEqualTo(before);
    }

    @Test
    void aDateBeyondTheYear9999Is400AndNothingIsStored() throws Exception {
        long before = absences();
        long team = jdbc.queryForObject("select team_id from operator where employee_number = 'E1001'", Long.class);
        long allotments = jdbc.queryForObject("select count(*) from absence_allotment", Long.class);
        // the day after it overflowed (500); the far dates of a team's limit were stored
        send("operator", post("/api/absences"), "{\"type\":\"VACATION\",\"from\":\"" + day(8, 3)
                + "\",\"to\":\"+999999999-12-31\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        for (String date : java.util.List.of("+300000-01-01", "-999999999-01-01", "+999999999-12-31", "0000-12-31")) {
            send("manager", put("/api/absences/teams/" + team + "/allotments/" + date), "{\"limit\":3}")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
        }
        send("manager", put("/api/absences/teams/" + team + "/allotments/9999-12-31"), "{\"limit\":3}")
                .andExpect(status().isOk());
        assertThat(absences()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from absence_allotment", Long.class)).isEqualTo(allotments + 1);
    }
}
