package org.switchboard.rostering;

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

/** The contracts of {@code /api/shift-templates}, as the demo's users; rolled back. */
@SpringBootTest
@Transactional
class ShiftTemplateApiTest {

    static final String WINDOW = """
            {"code":"t8","name":"Test day","startTime":"08:00","latestStartTime":"10:00","startStepMinutes":60,
             "lengthMinutes":480,"breaks":[{"offsetMinutes":240,"lengthMinutes":30}]}""";

    @Autowired
    WebApplicationContext context;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(context);
    }

    long idOf(String code) throws Exception {
        for (JsonNode t : json(api.call("planner", get("/api/shift-templates")).andExpect(status().isOk()))) {
            if (t.get("code").asString().equals(code)) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no " + code);
    }

    @Test
    void createReadReplaceAndDelete() throws Exception {
        JsonNode created = json(api.send("planner", post("/api/shift-templates"), WINDOW)
                .andExpect(status().isCreated()).andExpect(header().string("Location", Matchers.startsWith("/api/shift-templates/"))));
        assertThat(created.propertyNames()).containsExactlyInAnyOrder("id", "code", "name", "startTime", "latestStartTime",
                "startStepMinutes", "lengthMinutes", "active", "breaks", "startTimes", "endTime", "endsNextDay",
                "paidMinutes", "kinds", "contractIds", "teamIds");
        assertThat(created.get("contractIds").isEmpty()).isTrue();
        assertThat(created.get("teamIds").isEmpty()).isTrue();
        assertThat(created.get("code").asString()).isEqualTo("T8");
        assertThat(values(created.get("startTimes"), null)).containsExactly("08:00", "09:00", "10:00");
        assertThat(created.get("endTime").asString()).isEqualTo("16:00");
        assertThat(created.get("paidMinutes").asInt()).isEqualTo(450);
        assertThat(created.get("kinds").toString()).isEqualTo("[\"DAY\"]");
        assertThat(created.get("breaks").get(0).get("paid").asBoolean()).isFalse();
        long id = created.get("id").asLong();
        api.call("manager", get("/api/shift-templates/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.latestStartTime").value("10:00"));
        assertThat(values(json(api.call("manager", get("/api/shift-templates").param("active", "true"))), "code"))
                .contains("D07", "N22", "T8");

        JsonNode night = json(api.send("admin", put("/api/shift-templates/" + id), """
                {"code":"T8","name":"Test night","startTime":"22:00","lengthMinutes":540,"active":false,
                 "breaks":[{"offsetMinutes":240,"lengthMinutes":30,"paid":true,"latestOffsetMinutes":300}]}""")
                .andExpect(status().isOk()));
        assertThat(night.get("kinds").toString()).isEqualTo("[\"NIGHT\"]");
        assertThat(night.get("endsNextDay").asBoolean()).isTrue();
        assertThat(night.get("latestStartTime").isNull()).isTrue();
        assertThat(night.get("paidMinutes").asInt()).isEqualTo(540);
        assertThat(night.get("breaks").get(0).get("latestOffsetMinutes").asInt()).isEqualTo(300);
        assertThat(values(json(api.call("manager", get("/api/shift-templates").param("active", "false"))), "code"))
                .contains("T8");

        // eligibility: limited to a contract and a team, read back from the database; unknown ids are refused
        long contract = json(api.call("planner", get("/api/contracts"))).get(0).get("id").asLong();
        long team = json(api.call("planner", get("/api/teams"))).get(0).get("id").asLong();
        api.send("planner", put("/api/shift-templates/" + id), WINDOW.replace("\"t8\"", "\"T8\"").replace("\"breaks\"",
                "\"contractIds\":[" + contract + "],\"teamIds\":[" + team + "],\"breaks\"")).andExpect(status().isOk());
        JsonNode limited = json(api.call("manager", get("/api/shift-templates/" + id)));
        assertThat(limited.get("contractIds").toString()).isEqualTo("[" + contract + "]");
        assertThat(limited.get("teamIds").toString()).isEqualTo("[" + team + "]");
        assertThat(fields(api.send("planner", put("/api/shift-templates/" + id), WINDOW.replace("\"t8\"", "\"T8\"")
                .replace("\"breaks\"", "\"contractIds\":[987654321],\"teamIds\":[987654321],\"breaks\""))
                .andExpect(status().isBadRequest()))).containsExactlyInAnyOrder("contractIds", "teamIds");

        api.call("planner", delete("/api/shift-templates/" + id)).andExpect(status().isNoContent());
        api.call("planner", get("/api/shift-templates/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void refusals() throws Exception {
        long d07 = idOf("D07");
        api.call("operator", get("/api/shift-templates")).andExpect(status().isForbidden());
        api.call("operator", get("/api/shift-templates/" + d07)).andExpect(status().isForbidden());
        api.send("manager", post("/api/shift-templates"), WINDOW).andExpect(status().isForbidden());
        api.send("manager", put("/api/shift-templates/" + d07), WINDOW).andExpect(status().isForbidden());
        api.call("manager", delete("/api/shift-templates/" + d07)).andExpect(status().isForbidden());
        api.mvc().perform(get("/api/shift-templates")).andExpect(status().isUnauthorized());

        assertThat(fields(api.send("planner", post("/api/shift-templates"), "{}").andExpect(status().isBadRequest())))
                .contains("code", "name", "startTime", "lengthMinutes");
        assertThat(fields(api.send("planner", post("/api/shift-templates"), WINDOW.replace("\"startStepMinutes\":60",
                "\"startStepMinutes\":7")).andExpect(status().isBadRequest()))).contains("startStepMinutes");
        assertThat(fields(api.send("planner", post("/api/shift-templates"), WINDOW.replace("\"offsetMinutes\":240",
                "\"offsetMinutes\":470")).andExpect(status().isBadRequest()))).containsExactly("breaks");
        assertThat(fields(api.send("planner", post("/api/shift-templates"), WINDOW.replace("\"08:00\"", "\"8 o'clock\""))
                .andExpect(status().isBadRequest()))).containsExactly("startTime");
        assertThat(fields(api.send("planner", post("/api/shift-templates"), WINDOW.replace("480", "100000"))
                .andExpect(status().isBadRequest()))).containsExactly("lengthMinutes");
        assertThat(fields(api.send("planner", post("/api/shift-templates"), WINDOW.replace("480", "9223372036854775808"))
                .andExpect(status().isBadRequest()))).containsExactly("lengthMinutes");
        assertThat(fields(api.send("planner", post("/api/shift-templates"), WINDOW.replace("\"t8\"", "\"TOOLONGCODE\""))
                .andExpect(status().isBadRequest()))).containsExactly("code");
        assertThat(fields(api.send("planner", post("/api/shift-templates"), WINDOW.replace("\"breaks\":[", "\"breaks\":[null,"))
                .andExpect(status().isBadRequest()))).containsExactly("breaks");

        api.call("planner", get("/api/shift-templates/987654321")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Shift template 987654321 does not exist"));
        api.send("planner", put("/api/shift-templates/987654321"), WINDOW).andExpect(status().isNotFound());
        api.call("planner", delete("/api/shift-templates/987654321")).andExpect(status().isNotFound());

        assertThat(fields(api.send("planner", post("/api/shift-templates"), WINDOW.replace("\"t8\"", "\"d07\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Another shift template already has this code")))))
                .containsExactly("code");
        api.send("planner", post("/api/shift-templates").header("Accept-Language", "ru"), WINDOW.replace("\"t8\"", "\"d07\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Запрос противоречит другим записям")));
    }

    @Test
    void injectionShapedNamesAreStoredVerbatim() throws Exception {
        String name = "Night'); DROP TABLE shift_template; -- <svg onload=alert(1)>";
        long id = json(api.send("planner", post("/api/shift-templates"), WINDOW.replace("\"Test day\"", quote(name)))
                .andExpect(status().isCreated())).get("id").asLong();
        api.call("planner", get("/api/shift-templates/" + id)).andExpect(jsonPath("$.name").value(name));
        assertThat(fields(api.send("planner", post("/api/shift-templates"), WINDOW.replace("\"t8\"", "\"t9\"")
                .replace("\"Test day\"", quote("n".repeat(5000)))).andExpect(status().isBadRequest()))).containsExactly("name");
        assertThat(values(json(api.call("planner", get("/api/shift-templates"))), "code")).contains("D07", "N22");
    }
}
