package org.switchboard.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.switchboard.base.api.ApiClient.fields;
import static org.switchboard.base.api.ApiClient.json;
import static org.switchboard.base.api.ApiClient.quote;
import static org.switchboard.base.api.ApiClient.values;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.base.api.ApiClient;
import tools.jackson.databind.JsonNode;

/** The contracts of {@code /api/queues}, as the demo's users; rolled back. */
@SpringBootTest
@Transactional
class QueueApiTest {

    static final String HOURS = "[{\"day\":\"MONDAY\",\"opens\":\"08:00\",\"closes\":\"20:00\"},"
            + "{\"day\":\"SATURDAY\",\"opens\":\"09:00\",\"closes\":\"00:00\"}]";

    @Autowired
    WebApplicationContext context;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(context);
    }

    long general() throws Exception {
        for (JsonNode q : json(api.call("planner", get("/api/queues")).andExpect(status().isOk()))) {
            if (q.get("code").asString().equals("RU-GEN")) {
                return q.get("id").asLong();
            }
        }
        throw new AssertionError("no RU-GEN");
    }

    String body(String extra) {
        return "{\"code\":\"t-vip\",\"name\":\"VIP line (test)\",\"openingHours\":" + HOURS + extra + "}";
    }

    @Test
    void createReadFilterReplaceAndDelete() throws Exception {
        JsonNode created = json(api.send("planner", post("/api/queues"), body(",\"language\":\"EN\",\"patienceSeconds\":90"))
                .andExpect(status().isCreated()).andExpect(header().string("Location", Matchers.startsWith("/api/queues/"))));
        assertThat(created.propertyNames()).containsExactlyInAnyOrder("id", "code", "name", "direction", "language",
                "timeZone", "serviceLevelPercent", "answerWithinSeconds", "asaTargetSeconds", "abandonTargetPercent",
                "patienceSeconds", "maxOccupancyPercent", "shrinkagePercent", "active", "openingHours");
        assertThat(created.get("code").asString()).isEqualTo("T-VIP");
        assertThat(created.get("language").asString()).isEqualTo("en");
        assertThat(created.get("direction").asString()).isEqualTo("INBOUND");
        assertThat(created.get("serviceLevelPercent").asDouble()).isEqualTo(80.0);
        assertThat(created.get("patienceSeconds").asInt()).isEqualTo(90);
        assertThat(created.get("asaTargetSeconds").isNull()).isTrue();
        assertThat(created.get("openingHours").toString())
                .isEqualTo("[{\"day\":\"MONDAY\",\"opens\":\"08:00\",\"closes\":\"20:00\"},"
                        + "{\"day\":\"SATURDAY\",\"opens\":\"09:00\",\"closes\":\"00:00\"}]");
        long id = created.get("id").asLong();

        api.call("manager", get("/api/queues/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("VIP line (test)"));
        assertThat(values(json(api.call("manager", get("/api/queues").param("direction", "INBOUND").param("active", "true"))), "code"))
                .contains("RU-GEN", "T-VIP").doesNotContain("OUT-SURV");
        assertThat(values(json(api.call("manager", get("/api/queues").param("direction", "OUTBOUND"))), "code"))
                .containsExactly("OUT-SURV");

        JsonNode replaced = json(api.send("admin", put("/api/queues/" + id), """
                {"code":"T-VIP","name":"VIP line","direction":"OUTBOUND","serviceLevelPercent":90,"answerWithinSeconds":15,
                 "active":false}""").andExpect(status().isOk()));
        assertThat(replaced.get("direction").asString()).isEqualTo("OUTBOUND");
        assertThat(replaced.get("active").asBoolean()).isFalse();
        assertThat(replaced.get("patienceSeconds").isNull()).as("omitted: cleared").isTrue();
        assertThat(replaced.get("openingHours").isEmpty()).isTrue();
        assertThat(values(json(api.call("manager", get("/api/queues").param("active", "false"))), "code"))
                .contains("T-VIP");

        api.call("planner", delete("/api/queues/" + id)).andExpect(status().isNoContent());
        api.call("planner", get("/api/queues/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void rolesAndInvalidQueues() throws Exception {
        long general = general();
        api.call("operator", get("/api/queues")).andExpect(status().isForbidden());
        api.call("operator", get("/api/queues/" + general)).andExpect(status().isForbidden());
        api.send("manager", post("/api/queues"), body("")).andExpect(status().isForbidden());
        api.send("manager", put("/api/queues/" + general), body("")).andExpect(status().isForbidden());
        api.call("manager", delete("/api/queues/" + general)).andExpect(status().isForbidden());
        api.mvc().perform(get("/api/queues")).andExpect(status().isUnauthorized());

        assertThat(fields(api.send("planner", post("/api/queues"), "{}").andExpect(status().isBadRequest())))
                .contains("code", "name", "openingHours");
        assertThat(fields(api.send("planner", post("/api/queues"), body("").replace("t-vip", "v i p"))
                .andExpect(status().isBadRequest()))).containsExactly("code");
        assertThat(fields(api.send("planner", post("/api/queues"), body(",\"serviceLevelPercent\":100"))
                .andExpect(status().isBadRequest()))).containsExactly("serviceLevelPercent");
        assertThat(fields(api.send("planner", post("/api/queues"), body(",\"maxOccupancyPercent\":1e308"))
                .andExpect(status().isBadRequest()))).containsExactly("maxOccupancyPercent");
        assertThat(fields(api.send("planner", post("/api/queues"), body(",\"shrinkagePercent\":\"NaN\""))
                .andExpect(status().isBadRequest()))).containsExactly("shrinkagePercent");
        assertThat(fields(api.send("planner", post("/api/queues"), body(",\"timeZone\":\"Mars/Olympus\""))
                .andExpect(status().isBadRequest()))).containsExactly("timeZone");
        assertThat(fields(api.send("planner", post("/api/queues"), body(",\"language\":\"english\""))
                .andExpect(status().isBadRequest()))).containsExactly("language");
        assertThat(fields(api.send("planner", post("/api/queues"), body(",\"direction\":\"SIDEWAYS\""))
                .andExpect(status().isBadRequest()))).containsExactly("direction");
        assertThat(fields(api.send("planner", post("/api/queues"), body("").replace("\"20:00\"", "\"25:00\""))
                .andExpect(status().isBadRequest()))).containsExactly("openingHours[0].closes");
        assertThat(fields(api.send("planner", post("/api/queues"), body("").replace("MONDAY", "FUNDAY"))
                .andExpect(status().isBadRequest()))).containsExactly("openingHours[0].day");
        assertThat(fields(api.send("planner", post("/api/queues"), body("").replace("\"20:00\"", "\"07:00\""))
                .andExpect(status().isBadRequest()))).containsExactly("openingHours");
        assertThat(fields(api.send("planner", post("/api/queues"), body("").replace("SATURDAY", "MONDAY"))
                .andExpect(status().isBadRequest()))).containsExactly("openingHours");
        assertThat(fields(api.send("planner", post("/api/queues"), body(",\"answerWithinSeconds\":4294967296"))
                .andExpect(status().isBadRequest()))).containsExactly("answerWithinSeconds");

        api.call("planner", get("/api/queues/987654321")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Queue 987654321 does not exist"));
        api.send("planner", put("/api/queues/987654321"), body("")).andExpect(status().isNotFound());
        api.call("planner", delete("/api/queues/987654321")).andExpect(status().isNotFound());
        api.call("planner", get("/api/queues").param("direction", "UP")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("direction"));
    }

    @Test
    void takenCodesAndQueuesInUseAre409() throws Exception {
        long general = general();
        assertThat(fields(api.send("planner", post("/api/queues"), body("").replace("t-vip", "ru-gen"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Another queue already has this code")))))
                .containsExactly("code");
        // operators have it as a skill: the database refuses, nothing is deleted (the last call: the transaction is spent)
        api.call("planner", delete("/api/queues/" + general)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("still in use")));
    }

    @Test
    void injectionShapedTextIsStoredVerbatim() throws Exception {
        String name = "'; UPDATE queue SET active = false; -- <b onmouseover=alert(1)>x</b>";
        long id = json(api.send("planner", post("/api/queues"), body("").replace("\"VIP line (test)\"", quote(name)))
                .andExpect(status().isCreated())).get("id").asLong();
        api.call("planner", get("/api/queues/" + id)).andExpect(jsonPath("$.name").value(name));
        assertThat(fields(api.send("planner", post("/api/queues"), body("").replace("t-vip", "X'; DROP TABLE queue;--"))
                .andExpect(status().isBadRequest()))).containsExactly("code");
        assertThat(fields(api.send("planner", post("/api/queues"), body("").replace("t-vip", "t-long")
                .replace("\"VIP line (test)\"", quote("n".repeat(5000)))).andExpect(status().isBadRequest())))
                .containsExactly("name");
        assertThat(values(json(api.call("planner", get("/api/queues").param("active", "true"))), "code"))
                .contains("RU-GEN", "BILL", "EN-TECH");
    }
}
