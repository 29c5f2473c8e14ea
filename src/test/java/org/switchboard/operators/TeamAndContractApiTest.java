package org.switchboard.operators;

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

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.base.api.ApiClient;
import tools.jackson.databind.JsonNode;

/** The contracts of {@code /api/teams} and {@code /api/contracts}, as the demo's users; rolled back. */
@SpringBootTest
@Transactional
class TeamAndContractApiTest {

    @Autowired
    WebApplicationContext context;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(context);
    }

    long idOf(String path, String name) throws Exception {
        for (JsonNode n : json(api.call("planner", get(path)).andExpect(status().isOk()))) {
            if (n.get("name").asString().equals(name)) {
                return n.get("id").asLong();
            }
        }
        throw new AssertionError(name + " not in " + path);
    }

    @Test
    void teamsCreateReadRenameAndDelete() throws Exception {
        JsonNode created = json(api.send("planner", post("/api/teams"), "{\"name\":\"  Zeta (test)  \"}")
                .andExpect(status().isCreated()).andExpect(header().string("Location", Matchers.startsWith("/api/teams/"))));
        assertThat(created.propertyNames()).containsExactlyInAnyOrder("id", "name", "hasOperators", "usualShiftKinds",
                "usualShiftKindsHard");
        assertThat(created.get("usualShiftKinds").isEmpty()).isTrue();
        assertThat(created.get("name").asString()).isEqualTo("Zeta (test)");
        assertThat(created.get("hasOperators").asBoolean()).isFalse();
        long id = created.get("id").asLong();
        api.call("manager", get("/api/teams/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Zeta (test)"));
        assertThat(ApiClient.values(json(api.call("manager", get("/api/teams"))), "name"))
                .contains("Aurora (day)", "Zeta (test)");
        assertThat(json(api.call("planner", get("/api/teams/" + idOf("/api/teams", "Aurora (day)"))))
                .get("hasOperators").asBoolean()).isTrue();
        api.send("admin", put("/api/teams/" + id), "{\"name\":\"Eta (test)\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Eta (test)"));
        // usual shift kinds: set (kept in day, evening, night order), read back, kept by a rename that omits them
        api.send("planner", put("/api/teams/" + id), "{\"name\":\"Eta (test)\",\"usualShiftKinds\":[\"EVENING\",\"DAY\"],"
                + "\"usualShiftKindsHard\":true}").andExpect(status().isOk());
        api.send("planner", put("/api/teams/" + id), "{\"name\":\"Eta (test)\"}").andExpect(status().isOk());
        JsonNode read = json(api.call("manager", get("/api/teams/" + id)));
        assertThat(read.get("usualShiftKinds").toString()).isEqualTo("[\"DAY\",\"EVENING\"]");
        assertThat(read.get("usualShiftKindsHard").asBoolean()).isTrue();
        assertThat(fields(api.send("planner", put("/api/teams/" + id), "{\"name\":\"Eta (test)\",\"usualShiftKinds\":[\"LATE\"]}")
                .andExpect(status().isBadRequest()))).containsExactly("usualShiftKinds");
        api.send("planner", put("/api/teams/" + id), "{\"name\":\"Eta (test)\",\"usualShiftKinds\":[],"
                + "\"usualShiftKindsHard\":false}").andExpect(status().isOk()).andExpect(jsonPath("$.usualShiftKinds").isEmpty());
        api.call("planner", delete("/api/teams/" + id)).andExpect(status().isNoContent());
        api.call("planner", get("/api/teams/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void teamRefusals() throws Exception {
        long aurora = idOf("/api/teams", "Aurora (day)");
        api.call("operator", get("/api/teams")).andExpect(status().isForbidden());
        api.call("operator", get("/api/teams/" + aurora)).andExpect(status().isForbidden());
        api.send("manager", post("/api/teams"), "{\"name\":\"X\"}").andExpect(status().isForbidden());
        api.send("manager", put("/api/teams/" + aurora), "{\"name\":\"X\"}").andExpect(status().isForbidden());
        api.call("manager", delete("/api/teams/" + aurora)).andExpect(status().isForbidden());
        api.mvc().perform(get("/api/teams")).andExpect(status().isUnauthorized());

        assertThat(fields(api.send("planner", post("/api/teams"), "{}").andExpect(status().isBadRequest()))).containsExactly("name");
        assertThat(fields(api.send("planner", post("/api/teams"), "{\"name\":\"   \"}").andExpect(status().isBadRequest())))
                .containsExactly("name");
        assertThat(fields(api.send("planner", post("/api/teams"), "{\"name\":" + quote("T".repeat(101)) + "}")
                .andExpect(status().isBadRequest()))).containsExactly("name");
        assertThat(fields(api.send("planner", post("/api/teams"), "{\"name\":[\"a\"]}").andExpect(status().isBadRequest())))
                .containsExactly("name");

        api.call("planner", get("/api/teams/987654321")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Team 987654321 does not exist"));
        api.send("planner", put("/api/teams/987654321"), "{\"name\":\"X\"}").andExpect(status().isNotFound());
        api.call("planner", delete("/api/teams/987654321")).andExpect(status().isNotFound());
        assertThat(fields(api.call("planner", get("/api/teams/abc")).andExpect(status().isBadRequest()))).containsExactly("id");
        assertThat(fields(api.call("planner", get("/api/teams/99999999999999999999")).andExpect(status().isBadRequest())))
                .containsExactly("id");

        assertThat(fields(api.send("planner", post("/api/teams"), "{\"name\":\"Aurora (day)\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Another team already has this name")))))
                .containsExactly("name");
        assertThat(fields(api.call("planner", delete("/api/teams/" + aurora)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("still has operators")))))
                .containsExactly("name");
        api.call("planner", get("/api/teams/" + aurora)).andExpect(status().isOk());
    }

    @Test
    void contractsFromAPresetReadReplaceAndDelete() throws Exception {
        JsonNode presets = json(api.call("manager", get("/api/contracts/presets")).andExpect(status().isOk()));
        assertThat(presets.size()).isPositive();
        JsonNode preset = presets.get(0);
        assertThat(preset.propertyNames()).contains("id", "name", "description", "minRestMinutes", "maxNightsInRow");
        JsonNode created = json(api.send("planner", post("/api/contracts"), """
                {"name":"Test 35 h","presetId":%d,"minMinutesPerWeek":2100,"maxMinutesPerWeek":2100}"""
                .formatted(preset.get("id").asLong()))
                .andExpect(status().isCreated()).andExpect(header().string("Location", Matchers.startsWith("/api/contracts/"))));
        assertThat(created.propertyNames()).containsExactlyInAnyOrder("id", "name", "minMinutesPerWeek",
                "maxMinutesPerWeek", "maxConsecutiveDays", "minConsecutiveDaysOff", "minRestMinutes", "maxNightsInRow",
                "minRestAfterNightsMinutes", "maxWeekendsPerPeriod", "maxOvertimeMinutesPerWeek", "allowsNights", "inUse",
                "summary");
        assertThat(created.get("maxMinutesPerWeek").asInt()).isEqualTo(2100);
        assertThat(created.get("minRestMinutes").asInt()).isEqualTo(preset.get("minRestMinutes").asInt());
        assertThat(created.get("maxNightsInRow").asInt()).isEqualTo(preset.get("maxNightsInRow").asInt());
        assertThat(created.get("inUse").asBoolean()).isFalse();
        long id = created.get("id").asLong();

        JsonNode replaced = json(api.send("planner", put("/api/contracts/" + id), """
                {"name":"Test 36 h","minMinutesPerWeek":2160,"maxMinutesPerWeek":2160,"maxNightsInRow":3}""")
                .andExpect(status().isOk()));
        assertThat(replaced.get("name").asString()).isEqualTo("Test 36 h");
        assertThat(replaced.get("allowsNights").asBoolean()).isTrue();
        assertThat(replaced.get("summary").asString()).startsWith("36 h a week");
        api.call("manager", get("/api/contracts/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.maxNightsInRow").value(3));
        assertThat(ApiClient.values(json(api.call("manager", get("/api/contracts"))), "name")).contains("Test 36 h");
        assertThat(json(api.call("planner", get("/api/contracts/" + idOf("/api/contracts", "Full time 40 h"))))
                .get("inUse").asBoolean()).isTrue();
        api.call("planner", delete("/api/contracts/" + id)).andExpect(status().isNoContent());
        api.call("planner", get("/api/contracts/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void contractRefusals() throws Exception {
        long fullTime = idOf("/api/contracts", "Full time 40 h");
        long night = idOf("/api/contracts", "Night 36 h");
        api.call("operator", get("/api/contracts")).andExpect(status().isForbidden());
        api.call("operator", get("/api/contracts/presets")).andExpect(status().isForbidden());
        api.send("manager", post("/api/contracts"), "{\"name\":\"X\"}").andExpect(status().isForbidden());
        api.send("manager", put("/api/contracts/" + fullTime), "{\"name\":\"X\"}").andExpect(status().isForbidden());
        api.call("manager", delete("/api/contracts/" + fullTime)).andExpect(status().isForbidden());

        assertThat(fields(api.send("planner", post("/api/contracts"), "{\"name\":\"X\",\"maxConsecutiveDays\":99}")
                .andExpect(status().isBadRequest()))).containsExactly("maxConsecutiveDays");
        assertThat(fields(api.send("planner", post("/api/contracts"),
                "{\"name\":\"X\",\"minMinutesPerWeek\":3000,\"maxMinutesPerWeek\":2400}")
                .andExpect(status().isBadRequest()))).containsExactly("minMinutesPerWeek");
        assertThat(fields(api.send("planner", post("/api/contracts"), "{\"name\":\"X\",\"presetId\":987654321}")
                .andExpect(status().isBadRequest()))).containsExactly("presetId");
        assertThat(fields(api.send("planner", post("/api/contracts"), "{\"name\":\"X\",\"minRestMinutes\":\"eleven\"}")
                .andExpect(status().isBadRequest()))).containsExactly("minRestMinutes");
        assertThat(fields(api.send("planner", post("/api/contracts"), "{\"name\":\"X\",\"minRestMinutes\":2147483648}")
                .andExpect(status().isBadRequest()))).containsExactly("minRestMinutes");
        assertThat(fields(api.send("planner", post("/api/contracts"), "{\"name\":\"X\",\"minRestMinutes\":-5}")
                .andExpect(status().isBadRequest()))).containsExactly("minRestMinutes");
        api.send("planner", post("/api/contracts"), "{\"name\":\"X\",\"maxWeekendsPerPeriod\":1.5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("maxWeekendsPerPeriod"))
                .andExpect(jsonPath("$.errors[0].reason").value("Use a whole number"));

        api.call("planner", get("/api/contracts/987654321")).andExpect(status().isNotFound());
        api.send("planner", put("/api/contracts/987654321"), "{\"name\":\"X\"}").andExpect(status().isNotFound());
        api.call("planner", delete("/api/contracts/987654321")).andExpect(status().isNotFound());

        assertThat(fields(api.send("planner", post("/api/contracts"), "{\"name\":\"Full time 40 h\"}")
                .andExpect(status().isConflict()))).containsExactly("name");
        // night-eligible operators have it: it cannot forbid nights
        assertThat(fields(api.send("planner", put("/api/contracts/" + night), "{\"name\":\"Night 36 h\",\"maxNightsInRow\":0}")
                .andExpect(status().isConflict()))).containsExactly("maxNightsInRow");
        assertThat(fields(api.call("planner", delete("/api/contracts/" + fullTime)).andExpect(status().isConflict())))
                .containsExactly("name");
        api.call("planner", get("/api/contracts/" + fullTime)).andExpect(status().isOk());
    }

    @Test
    void injectionShapedNamesAreStoredVerbatim() throws Exception {
        String team = "x'; DELETE FROM team; -- <img src=x onerror=alert(1)>";
        long teamId = json(api.send("planner", post("/api/teams"), "{\"name\":" + quote(team) + "}")
                .andExpect(status().isCreated())).get("id").asLong();
        api.call("planner", get("/api/teams/" + teamId)).andExpect(jsonPath("$.name").value(team));
        String contract = "\"}); DROP TABLE contract; -- ${jndi:ldap://x} {{7*7}}";
        long contractId = json(api.send("planner", post("/api/contracts"), "{\"name\":" + quote(contract) + "}")
                .andExpect(status().isCreated())).get("id").asLong();
        api.call("planner", get("/api/contracts/" + contractId)).andExpect(jsonPath("$.name").value(contract));
        assertThat(json(api.call("planner", get("/api/teams"))).size()).isGreaterThanOrEqualTo(5);
        assertThat(json(api.call("planner", get("/api/contracts"))).size()).isGreaterThanOrEqualTo(6);
    }
}
