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

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.base.api.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The contracts of {@code /api/operators}: paths, JSON field names and status codes as the demo's users, with the
 * refusals (roles, validation, unknown, taken, in use) and hostile input; rolled back.
 */
@SpringBootTest
@Transactional
class OperatorApiTest {

    @Autowired
    WebApplicationContext context;

    ApiClient api;
    long aurora;
    long fullTime;
    long nightContract;
    long general;
    long billing;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiClient(context);
        aurora = idOf("/api/teams", "name", "Aurora (day)");
        fullTime = idOf("/api/contracts", "name", "Full time 40 h");
        nightContract = idOf("/api/contracts", "name", "Night 36 h");
        general = idOf("/api/queues", "code", "RU-GEN");
        billing = idOf("/api/queues", "code", "BILL");
    }

    long idOf(String path, String field, String value) throws Exception {
        for (JsonNode n : json(api.call("planner", get(path)).andExpect(status().isOk()))) {
            if (n.get(field).asString().equals(value)) {
                return n.get("id").asLong();
            }
        }
        throw new AssertionError(value + " not in " + path);
    }

    String body(String number, String first, String last) {
        return """
                {"employeeNumber":%s,"firstName":%s,"lastName":%s,"teamId":%d,"grade":"SENIOR","contractId":%d,
                 "timeZone":"Europe/Moscow","skills":[{"queueId":%d,"proficiency":4},{"queueId":%d,"proficiency":2}]}"""
                .formatted(quote(number), quote(first), quote(last), aurora, fullTime, general, billing);
    }

    @Test
    void createReadFilterReplaceDeactivateAndDelete() throws Exception {
        JsonNode created = json(api.send("planner", post("/api/operators"), body("E9101", "Olga", "Petrova"))
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/operators/E9101")));
        assertThat(created.propertyNames()).containsExactlyInAnyOrder("id", "employeeNumber", "firstName", "lastName",
                "teamId", "team", "grade", "contractId", "contract", "nightEligible", "timeZone", "username", "active",
                "skills");
        assertThat(created.get("team").asString()).isEqualTo("Aurora (day)");
        assertThat(created.get("contract").asString()).isEqualTo("Full time 40 h");
        assertThat(created.get("grade").asString()).isEqualTo("SENIOR");
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("username").isNull()).isTrue();
        assertThat(created.get("skills").get(0).get("queue").asString()).isEqualTo("RU-GEN");
        assertThat(created.get("skills").get(0).get("proficiency").asInt()).isEqualTo(4);

        api.call("manager", get("/api/operators/E9101")).andExpect(status().isOk())
                .andExpect(jsonPath("$.lastName").value("Petrova"));
        assertThat(numbers(api.call("planner", get("/api/operators").param("teamId", "" + aurora)
                .param("queueId", "" + billing).param("active", "true")))).contains("E9101", "E1001");
        assertThat(numbers(api.call("planner", get("/api/operators").param("active", "false")))).doesNotContain("E9101");
        assertThat(numbers(api.call("planner", get("/api/operators").param("teamId", "" + (aurora + 1000)))))
                .isEmpty();

        // the whole record replaced: a new number, a linked sign-in, one skill; omitted grade back to the default
        JsonNode replaced = json(api.send("planner", put("/api/operators/E9101"), """
                {"employeeNumber":"E9102","firstName":"Olga","lastName":"Sidorova","teamId":%d,"contractId":%d,
                 "username":"manager","skills":[{"queueId":%d,"proficiency":5}]}""".formatted(aurora, fullTime, general))
                .andExpect(status().isOk()));
        assertThat(replaced.get("employeeNumber").asString()).isEqualTo("E9102");
        assertThat(replaced.get("username").asString()).isEqualTo("manager");
        assertThat(replaced.get("grade").asString()).isEqualTo("REGULAR");
        assertThat(replaced.get("skills").size()).isEqualTo(1);
        api.call("planner", get("/api/operators/E9101")).andExpect(status().isNotFound());

        api.call("planner", post("/api/operators/E9102/deactivate")).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        assertThat(numbers(api.call("manager", get("/api/operators").param("active", "false")))).contains("E9102");

        api.call("admin", delete("/api/operators/E9102")).andExpect(status().isNoContent());
        api.call("planner", get("/api/operators/E9102")).andExpect(status().isNotFound());
    }

    static java.util.List<String> numbers(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        java.util.List<String> numbers = new java.util.ArrayList<>();
        json(result.andExpect(status().isOk())).forEach(o -> numbers.add(o.get("employeeNumber").asString()));
        return numbers;
    }

    @Test
    void operatorsMayNotReadColleaguesAndManagersOnlyRead() throws Exception {
        api.call("operator", get("/api/operators")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        api.call("operator", get("/api/operators/E1003")).andExpect(status().isForbidden());
        api.call("operator", get("/api/operators/E1001")).andExpect(status().isForbidden());
        api.send("operator", post("/api/operators"), body("E9103", "A", "B")).andExpect(status().isForbidden());
        api.send("manager", post("/api/operators"), body("E9103", "A", "B")).andExpect(status().isForbidden());
        api.send("manager", put("/api/operators/E1003"), body("E1003", "A", "B")).andExpect(status().isForbidden());
        api.call("manager", post("/api/operators/E1003/deactivate")).andExpect(status().isForbidden());
        api.call("manager", delete("/api/operators/E1003")).andExpect(status().isForbidden());
        // a manager is refused before the body is looked at
        api.send("manager", post("/api/operators"), "{}").andExpect(status().isForbidden());
        api.mvc().perform(get("/api/operators")).andExpect(status().isUnauthorized());
        assertThat(json(api.call("manager", get("/api/operators")).andExpect(status().isOk())).size())
                .isGreaterThanOrEqualTo(64);
    }

    @Test
    void invalidOperatorsAreRefusedFieldByField() throws Exception {
        assertThat(fields(api.send("planner", post("/api/operators"), "{}").andExpect(status().isBadRequest())))
                .contains("employeeNumber", "firstName", "lastName", "teamId", "contractId", "skills");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9104", "A", "B")
                .replace("\"grade\":\"SENIOR\"", "\"grade\":\"BOSS\"")).andExpect(status().isBadRequest())))
                .containsExactly("grade");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9104", "A", "B")
                .replace("\"proficiency\":4", "\"proficiency\":9")).andExpect(status().isBadRequest())))
                .containsExactly("skills");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9104", "A", "B")
                .replace("\"queueId\":" + general, "\"queueId\":987654321")).andExpect(status().isBadRequest())))
                .containsExactly("skills");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9104", "A", "B")
                .replace("\"teamId\":" + aurora, "\"teamId\":987654321")).andExpect(status().isBadRequest())))
                .containsExactly("teamId");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9104", "A", "B")
                .replace("Europe/Moscow", "Mars/Olympus")).andExpect(status().isBadRequest())))
                .containsExactly("timeZone");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9104", "A", "B")
                .replace("\"timeZone\"", "\"nightEligible\":true,\"timeZone\"")).andExpect(status().isBadRequest())))
                .containsExactly("nightEligible");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9104", "A", "B")
                .replace("\"timeZone\"", "\"username\":\"nobody-here\",\"timeZone\"")).andExpect(status().isBadRequest())))
                .containsExactly("username");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E 9104!", "A", "B"))
                .andExpect(status().isBadRequest()))).containsExactly("employeeNumber");
        // an inactive operator needs no skill; night work under a night contract is fine
        api.send("planner", post("/api/operators"), """
                {"employeeNumber":"E9105","firstName":"N","lastName":"M","teamId":%d,"contractId":%d,"nightEligible":true,
                 "active":false}""".formatted(aurora, nightContract)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.nightEligible").value(true)).andExpect(jsonPath("$.skills").isEmpty());
        // the reasons in the reader's language
        api.send("planner", post("/api/operators").header("Accept-Language", "ru"), body("E9104", "", "B"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("firstName"))
                .andExpect(jsonPath("$.errors[0].reason").value("Введите имя"));
    }

    @Test
    void unknownOperatorsAre404() throws Exception {
        api.call("planner", get("/api/operators/E9999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Operator E9999 does not exist"));
        api.send("planner", put("/api/operators/E9999"), body("E9999", "A", "B")).andExpect(status().isNotFound());
        api.call("planner", post("/api/operators/E9999/deactivate")).andExpect(status().isNotFound());
        api.call("planner", delete("/api/operators/E9999")).andExpect(status().isNotFound());
    }

    @Test
    void takenNumbersAndSignInsAre409() throws Exception {
        assertThat(fields(api.send("planner", post("/api/operators"), body("E1001", "Copy", "Cat"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Another operator already has this employee number")))))
                .containsExactly("employeeNumber");
        api.send("planner", post("/api/operators"), body("E9106", "A", "B")).andExpect(status().isCreated());
        // the sign-in "operator" belongs to E1001
        assertThat(fields(api.send("planner", put("/api/operators/E9106"), body("E9106", "A", "B")
                .replace("\"timeZone\"", "\"username\":\"operator\",\"timeZone\"")).andExpect(status().isConflict())))
                .containsExactly("username");
        // a clash together with wrong input is a bad request naming both
        assertThat(fields(api.send("planner", post("/api/operators"), body("E1001", "", "B"))
                .andExpect(status().isBadRequest()))).containsExactlyInAnyOrder("employeeNumber", "firstName");
        // an operator with an absence stays (the database refuses; nothing is changed)
        api.send("planner", post("/api/absences"), "{\"type\":\"SICK\",\"from\":\"" + LocalDate.now().plusYears(1)
                + "\",\"to\":\"" + LocalDate.now().plusYears(1).plusDays(1) + "\",\"employeeNumber\":\"E9106\"}")
                .andExpect(status().isCreated());
        api.call("planner", delete("/api/operators/E9106")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("still in use")));
    }

    @Test
    void hostileInputIsRefusedOrStoredVerbatim() throws Exception {
        String huge = "E".repeat(5000);
        JsonNode tooLong = json(api.call("planner", get("/api/operators/" + huge)).andExpect(status().isBadRequest()));
        assertThat(tooLong.get("errors").get(0).get("field").asString()).isEqualTo("employeeNumber");
        assertThat(tooLong.get("detail").asString() + tooLong.get("errors")).doesNotContain(huge);
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9107", "x".repeat(5000), "B"))
                .andExpect(status().isBadRequest()))).containsExactly("firstName");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9107", "A", "B")
                .replace("\"teamId\":" + aurora, "\"teamId\":\"abc\"")).andExpect(status().isBadRequest())))
                .containsExactly("teamId");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9107", "A", "B")
                .replace("\"teamId\":" + aurora, "\"teamId\":99999999999999999999999")).andExpect(status().isBadRequest())))
                .containsExactly("teamId");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9107", "A", "B")
                .replace("\"proficiency\":4", "\"proficiency\":2147483648")).andExpect(status().isBadRequest())))
                .containsExactly("skills[0].proficiency");
        assertThat(fields(api.send("planner", post("/api/operators"), body("E9107", "A", "B")
                .replace("\"proficiency\":4", "\"proficiency\":-2147483648")).andExpect(status().isBadRequest())))
                .containsExactly("skills");
        api.send("planner", post("/api/operators"), "[1,2]").andExpect(status().isBadRequest());
        api.send("planner", post("/api/operators"), "{\"employeeNumber\":").andExpect(status().isBadRequest());
        api.call("planner", get("/api/operators").param("teamId", "1 or 1=1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("teamId"));

        String sql = "Robert'); DROP TABLE operator;--";
        String script = "<script>alert('x')</script> Ø \u0416\u0435\u043d\u044f";
        JsonNode created = json(api.send("planner", post("/api/operators"), body("E9107", sql, script))
                .andExpect(status().isCreated()));
        assertThat(created.get("firstName").asString()).isEqualTo(sql);
        assertThat(created.get("lastName").asString()).isEqualTo(script);
        JsonNode read = json(api.call("planner", get("/api/operators/E9107")).andExpect(status().isOk()));
        assertThat(read.get("firstName").asString()).isEqualTo(sql);
        assertThat(read.get("lastName").asString()).isEqualTo(script);
        assertThat(numbers(api.call("planner", get("/api/operators")))).contains("E1001", "E9107");
    }
}
