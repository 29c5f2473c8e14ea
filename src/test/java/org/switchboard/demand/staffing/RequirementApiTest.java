package org.switchboard.demand.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.switchboard.base.api.ApiClient.fields;
import static org.switchboard.base.api.ApiClient.json;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.base.api.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The contracts of {@code /api/requirements} on the demo's demand (a forecast from today for six weeks, the outbound
 * survey's workload of 240 calls of 300 s a day); rolled back.
 */
@SpringBootTest
@Transactional
class RequirementApiTest {

    @Autowired
    WebApplicationContext context;

    ApiClient api;
    LocalDate today;
    long general;
    long survey;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiClient(context);
        today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        for (JsonNode q : json(api.call("planner", get("/api/queues")).andExpect(status().isOk()))) {
            switch (q.get("code").asString()) {
                case "RU-GEN" -> general = q.get("id").asLong();
                case "OUT-SURV" -> survey = q.get("id").asLong();
                default -> { }
            }
        }
    }

    String days(long queue, LocalDate from, LocalDate to) {
        return "/api/requirements/" + queue + "?from=" + from + "&to=" + to;
    }

    @Test
    void operatorsNeededPerIntervalAndRecomputed() throws Exception {
        LocalDate day = today.plusDays(1);
        JsonNode r = json(api.call("manager", get(days(general, day, day))).andExpect(status().isOk()));
        assertThat(r.propertyNames()).containsExactlyInAnyOrder("queueId", "queue", "timeZone", "from", "to", "intervals",
                "peakPositions", "positionHours", "calls");
        assertThat(r.get("queue").asString()).isEqualTo("RU-GEN");
        JsonNode intervals = r.get("intervals");
        assertThat(intervals.size()).isEqualTo(96);
        JsonNode ten = intervals.get(40);
        assertThat(ten.propertyNames()).containsExactlyInAnyOrder("start", "end", "intervalMinutes", "calls", "ahtSeconds",
                "agents", "positions", "serviceLevel", "occupancy", "asaSeconds");
        assertThat(ten.get("start").asString()).isEqualTo(day + "T10:00:00+03:00");
        assertThat(ten.get("end").asString()).isEqualTo(day + "T10:15:00+03:00");
        assertThat(ten.get("agents").asInt()).isPositive();
        assertThat(ten.get("positions").asInt()).isGreaterThanOrEqualTo(ten.get("agents").asInt());
        assertThat(ten.get("serviceLevel").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(r.get("peakPositions").asInt()).isGreaterThanOrEqualTo(ten.get("positions").asInt());
        assertThat(r.get("positionHours").asDouble()).isPositive();

        JsonNode again = json(api.send("planner", post("/api/requirements/" + general + "/recompute"),
                "{\"from\":\"" + day + "\",\"to\":\"" + day + "\"}").andExpect(status().isOk()));
        assertThat(again.get("intervals").size()).isEqualTo(96);
        assertThat(again.get("peakPositions").asInt()).isEqualTo(r.get("peakPositions").asInt());
        // a day without forecast has no requirements
        assertThat(json(api.call("manager", get(days(general, today.plusYears(3), today.plusYears(3)))))
                .get("intervals").isEmpty()).isTrue();
    }

    @Test
    void outboundWorkload() throws Exception {
        api.call("manager", get("/api/requirements/" + survey + "/workload")).andExpect(status().isOk())
                .andExpect(jsonPath("$.callsPerDay").value(240)).andExpect(jsonPath("$.ahtSeconds").value(300));
        api.call("manager", get("/api/requirements/" + general + "/workload")).andExpect(status().isNotFound());
        api.send("planner", put("/api/requirements/" + survey + "/workload"), "{\"callsPerDay\":300,\"ahtSeconds\":240}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.callsPerDay").value(300));
        api.call("manager", get("/api/requirements/" + survey + "/workload")).andExpect(jsonPath("$.ahtSeconds").value(240));
        JsonNode outbound = json(api.call("manager", get(days(survey, today.plusDays(1), today.plusDays(7))))
                .andExpect(status().isOk()));
        assertThat(outbound.get("calls").asDouble()).isPositive();

        api.send("manager", put("/api/requirements/" + survey + "/workload"), "{\"callsPerDay\":1,\"ahtSeconds\":1}")
                .andExpect(status().isForbidden());
        assertThat(fields(api.send("planner", put("/api/requirements/" + general + "/workload"),
                "{\"callsPerDay\":1,\"ahtSeconds\":60}").andExpect(status().isBadRequest()))).containsExactly("queue");
        assertThat(fields(api.send("planner", put("/api/requirements/" + survey + "/workload"),
                "{\"callsPerDay\":-1,\"ahtSeconds\":99999}").andExpect(status().isBadRequest())))
                .containsExactlyInAnyOrder("callsPerDay", "ahtSeconds");
        assertThat(fields(api.send("planner", put("/api/requirements/" + survey + "/workload"),
                "{\"callsPerDay\":1e12,\"ahtSeconds\":60}").andExpect(status().isBadRequest()))).containsExactly("callsPerDay");
        api.send("planner", put("/api/requirements/987654321/workload"), "{\"callsPerDay\":1,\"ahtSeconds\":60}")
                .andExpect(status().isNotFound());
    }

    @Test
    void rolesAndRefusals() throws Exception {
        api.call("operator", get(days(general, today, today))).andExpect(status().isForbidden());
        api.call("operator", get("/api/requirements/" + survey + "/workload")).andExpect(status().isForbidden());
        api.send("manager", post("/api/requirements/" + general + "/recompute"), "{\"from\":\"" + today + "\",\"to\":\""
                + today + "\"}").andExpect(status().isForbidden());
        api.mvc().perform(get(days(general, today, today))).andExpect(status().isUnauthorized());

        assertThat(fields(api.call("planner", get("/api/requirements/" + general).param("from", today.toString()))
                .andExpect(status().isBadRequest()))).containsExactly("to");
        assertThat(fields(api.call("planner", get(days(general, today, today.minusDays(3)))).andExpect(status().isBadRequest())))
                .containsExactly("to");
        assertThat(fields(api.call("planner", get(days(general, today, today.plusYears(2)))).andExpect(status().isBadRequest())))
                .containsExactly("to");
        assertThat(fields(api.call("planner", get("/api/requirements/" + general).param("from", "yesterday")
                .param("to", today.toString())).andExpect(status().isBadRequest()))).containsExactly("from");
        assertThat(fields(api.send("planner", post("/api/requirements/" + general + "/recompute"), "{\"from\":\"" + today
                + "\"}").andExpect(status().isBadRequest()))).containsExactly("to");
        assertThat(fields(api.send("planner", post("/api/requirements/" + general + "/recompute"), "{\"from\":\"" + today
                + "\",\"to\":\"99999-01-01\"}").andExpect(status().isBadRequest()))).containsExactly("to");
        assertThat(fields(api.call("planner", get("/api/requirements/x1").param("from", today.toString())
                .param("to", today.toString())).andExpect(status().isBadRequest()))).containsExactly("queueId");

        api.call("planner", get(days(987654321L, today, today))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Queue 987654321 does not exist"));
        api.send("planner", post("/api/requirements/987654321/recompute"), "{\"from\":\"" + today + "\",\"to\":\""
                + today + "\"}").andExpect(status().isNotFound());
        api.call("planner", get("/api/requirements/987654321/workload")).andExpect(status().isNotFound());
    }
}
