package org.switchboard.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.shared.SystemAuthentication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/me/availability}, {@code /api/me/wishes}, the planner's {@code /api/operators/{n}/...} and
 * {@code /api/wish-periods} over HTTP, as the demo's operator (E1001), a planner and a manager. Rolled back.
 */
@SpringBootTest
@Transactional
class AvailabilityApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Far from the demo's own wish period. */
    static final LocalDate OPEN_START = LocalDate.of(2031, 3, 3);
    static final LocalDate CLOSED_START = LocalDate.of(2031, 5, 5);

    @Autowired
    WebApplicationContext context;
    @Autowired
    WishPeriods periods;
    @Autowired
    AvailabilityService availability;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        SystemAuthentication.runAsSystem(() -> {
            periods.create(OPEN_START, OPEN_START.plusDays(27), Instant.now().plus(3, ChronoUnit.DAYS));
            periods.create(CLOSED_START, CLOSED_START.plusDays(27), Instant.now().minus(1, ChronoUnit.HOURS));
        });
    }

    static MockHttpServletRequestBuilder operator(MockHttpServletRequestBuilder r) {
        return r.with(user("operator").roles("OPERATOR"));
    }

    static MockHttpServletRequestBuilder planner(MockHttpServletRequestBuilder r) {
        return r.with(user("planner").roles("PLANNER"));
    }

    static MockHttpServletRequestBuilder manager(MockHttpServletRequestBuilder r) {
        return r.with(user("manager").roles("MANAGER"));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
        return r.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    JsonNode read(MockHttpServletRequestBuilder r, int status) throws Exception {
        String body = mvc.perform(r).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    @Test
    void operatorReplacesOwnAvailabilityAndAPlannersOverrideStaysApart() throws Exception {
        JsonNode saved = read(operator(json(put("/api/me/availability"), """
                [{"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"available":true,"from":"14:00",
                  "note":"lectures in the morning"},
                 {"days":["SUNDAY"],"available":false,"validFrom":"2026-01-01","validTo":"2031-12-31"}]""")), 200);
        assertThat(saved).hasSize(2);
        assertThat(saved.get(0).get("from").asText()).isEqualTo("14:00");
        assertThat(saved.get(0).get("setBy").asText()).isEqualTo("OPERATOR");
        assertThat(saved.get(0).get("days")).hasSize(5);

        // the planner overrides Mondays: from 10:00; the operator's rows stay, both visible
        read(planner(json(put("/api/operators/E1001/availability"),
                "[{\"days\":[\"MONDAY\"],\"available\":true,\"from\":\"10:00\",\"until\":\"19:00\"}]")), 200);
        JsonNode mine = read(operator(get("/api/me/availability")), 200);
        assertThat(mine).hasSize(3);
        assertThat(mine.findValuesAsString("setBy")).containsExactlyInAnyOrder("OPERATOR", "OPERATOR", "PLANNER");
        assertThat(read(manager(get("/api/operators/E1001/availability")), 200)).hasSize(3);

        // replacing the own rows leaves the planner's
        read(operator(json(put("/api/me/availability"), "[]")), 200);
        assertThat(read(operator(get("/api/me/availability")), 200)).hasSize(1);

        // what the solver reads: the override on Mondays, nothing else any more
        long anna = availability.byNumber("E1001").getId();
        LocalDate monday = LocalDate.of(2031, 3, 3);
        List<DayAvailability> days = SystemAuthentication.callAsSystem(
                () -> availability.effective(List.of(anna), monday, monday.plusDays(6)));
        assertThat(days).singleElement().satisfies(d -> {
            assertThat(d.date()).isEqualTo(monday);
            assertThat(d.from()).isEqualTo(LocalTime.of(10, 0));
            assertThat(d.until()).isEqualTo(LocalTime.of(19, 0));
            assertThat(d.source()).isEqualTo(SetBy.PLANNER);
        });
    }

    @Test
    void invalidAvailabilityIsRefusedWithReasons() throws Exception {
        JsonNode problem = read(operator(json(put("/api/me/availability"),
                "[{\"days\":[\"MONDAY\"],\"available\":true,\"from\":\"18:00\",\"until\":\"09:00\"},"
                        + "{\"days\":[],\"available\":false}]")), 400);
        assertThat(problem.get("errors").findValuesAsString("field")).contains("[0].until", "[1].days");
        // a day that does not exist
        JsonNode funday = read(operator(json(put("/api/me/availability"),
                "[{\"days\":[\"FUNDAY\"],\"available\":false}]")), 400);
        assertThat(funday.get("errors").get(0).get("field").asString()).isEqualTo("[0].days[0]");
        assertThat(funday.get("detail").asString()).contains("[0].days[0]", "'FUNDAY' is not one of MONDAY, TUESDAY");
        read(operator(json(put("/api/me/availability"), "[{\"days\":[\"MONDAY\"],\"from\":\"25:99\"}]")), 400);
        assertThat(read(operator(get("/api/me/availability")), 200)).isEmpty();
    }

    @Test
    void operatorsSeeAndChangeOnlyTheirOwn() throws Exception {
        read(operator(get("/api/operators/E1002/availability")), 403);
        read(operator(json(put("/api/operators/E1002/availability"), "[]")), 403);
        read(operator(get("/api/operators/E1002/wishes")), 403);
        read(operator(json(post("/api/operators/E1002/wishes"), "{\"type\":\"DAY_OFF\",\"date\":\"2031-03-05\"}")), 403);
        read(manager(json(put("/api/operators/E1002/availability"), "[]")), 403);
        read(planner(get("/api/operators/NOBODY/availability")), 404);
        // a planner's wish for E1002 cannot be deleted through the operator's own path
        JsonNode other = read(planner(json(post("/api/operators/E1002/wishes"),
                "{\"type\":\"DAY_OFF\",\"date\":\"2031-03-05\"}")), 201);
        read(operator(delete("/api/me/wishes/" + other.get("id").asLong())), 404);
        assertThat(read(operator(get("/api/me/wishes").param("from", "2031-03-01").param("to", "2031-03-31")), 200)
                .get("wishes")).isEmpty();
        // a signed-in user without an operator record
        read(get("/api/me/availability").with(user("planner").roles("PLANNER")), 404);
    }

    @Test
    void wishesUntilTheDeadline() throws Exception {
        JsonNode dayOff = read(operator(json(post("/api/me/wishes"),
                "{\"type\":\"DAY_OFF\",\"date\":\"2031-03-07\",\"note\":\"wedding\"}")), 201);
        assertThat(dayOff.get("type").asText()).isEqualTo("DAY_OFF");
        JsonNode nights = read(operator(json(post("/api/me/wishes"), "{\"type\":\"SHIFT_KIND\",\"kind\":\"NIGHT\","
                + "\"periodId\":" + dayOff.get("periodId").asLong() + "}")), 201);
        assertThat(nights.get("date").isNull()).isTrue();
        read(operator(json(post("/api/me/wishes"), "{\"type\":\"DAY_OFF\",\"date\":\"2031-03-07\"}")), 409);
        read(operator(json(post("/api/me/wishes"), "{\"type\":\"DAY_OFF\"}")), 400);
        read(operator(json(post("/api/me/wishes"), "{\"type\":\"SHIFT_KIND\",\"date\":\"2031-03-08\"}")), 400);
        read(operator(json(post("/api/me/wishes"), "{\"type\":\"DAY_OFF\",\"date\":\"2040-01-01\"}")), 400);

        JsonNode list = read(operator(get("/api/me/wishes").param("from", "2031-03-01").param("to", "2031-03-31")), 200);
        assertThat(list.get("wishes")).hasSize(2);
        assertThat(list.get("periods").findValuesAsString("startDate")).contains("2031-03-03", "2031-05-05");
        JsonNode open = null;
        for (JsonNode p : list.get("periods")) {
            open = p.get("startDate").asText().equals("2031-03-03") ? p : open;
        }
        assertThat(open.get("open").asBoolean()).isTrue();
        assertThat(open.get("deadline").asText()).isNotBlank();

        // after the deadline: the operator is refused with the reason, the planner may
        JsonNode closed = read(operator(json(post("/api/me/wishes"), "{\"type\":\"DAY_OFF\",\"date\":\"2031-05-06\"}")
                .header("Accept-Language", "en")), 409);
        assertThat(closed.get("detail").asText()).contains("closed");
        JsonNode byPlanner = read(planner(json(post("/api/operators/E1001/wishes"),
                "{\"type\":\"DAY_OFF\",\"date\":\"2031-05-06\"}")), 201);
        assertThat(byPlanner.get("setBy").asText()).isEqualTo("PLANNER");
        // a wish the planner entered is the planner's to remove: the operator does not find it
        read(operator(delete("/api/me/wishes/" + byPlanner.get("id").asLong())), 404);
        read(operator(delete("/api/me/wishes/" + dayOff.get("id").asLong())), 204);
        read(planner(delete("/api/operators/E1001/wishes/" + byPlanner.get("id").asLong())), 204);
        assertThat(read(manager(get("/api/operators/E1001/wishes")), 200).get("wishes")).hasSize(1);
    }

    @Test
    void wishPeriodsArePlannersToSet() throws Exception {
        read(operator(json(post("/api/wish-periods"),
                "{\"startDate\":\"2032-01-05\",\"endDate\":\"2032-02-01\",\"deadline\":\"2031-12-20T18:00:00+03:00\"}")), 403);
        read(manager(get("/api/wish-periods")), 200);
        JsonNode created = read(planner(json(post("/api/wish-periods"),
                "{\"startDate\":\"2032-01-05\",\"endDate\":\"2032-02-01\",\"deadline\":\"2031-12-20T18:00:00+03:00\"}")), 201);
        assertThat(created.get("open").asBoolean()).isTrue();
        read(planner(json(post("/api/wish-periods"),
                "{\"startDate\":\"2032-01-20\",\"endDate\":\"2032-02-10\",\"deadline\":\"2031-12-20T18:00:00+03:00\"}")), 409);
        read(planner(json(post("/api/wish-periods"),
                "{\"startDate\":\"2032-03-20\",\"endDate\":\"2032-03-10\",\"deadline\":\"2031-12-20T18:00:00+03:00\"}")), 400);
        read(planner(json(put("/api/wish-periods/" + created.get("id").asLong()),
                "{\"startDate\":\"2032-01-05\",\"endDate\":\"2032-02-01\",\"deadline\":\"2020-12-20T18:00:00+03:00\"}")), 200);
        mvc.perform(planner(get("/api/wish-periods"))).andExpect(jsonPath("$[?(@.startDate == '2032-01-05')].open",
                Matchers.contains(false)));
        read(planner(delete("/api/wish-periods/" + created.get("id").asLong())), 204);
    }

    @Test
    void effectiveAvailabilityIntersectsRows() {
        List<AvailabilityEntry> rows = List.of(
                new AvailabilityEntry(1L, java.util.Set.of(DayOfWeek.MONDAY), true, LocalTime.of(9, 0), null, null, null,
                        null, SetBy.OPERATOR, "x", Instant.now()),
                new AvailabilityEntry(2L, java.util.Set.of(DayOfWeek.MONDAY), true, null, LocalTime.of(8, 0), null, null,
                        null, SetBy.OPERATOR, "x", Instant.now()));
        LocalDate monday = LocalDate.of(2031, 3, 3);
        assertThat(AvailabilityService.effective(7, rows, monday).available()).isFalse();
        assertThat(AvailabilityService.effective(7, rows, monday.plusDays(1))).isNull();
    }

    @Test
    void validityDatesBeyondTheYear9999Are400AndNothingIsStored() throws Exception {
        read(operator(json(put("/api/me/availability"), "[{\"days\":[\"MONDAY\"],\"available\":true,\"from\":\"10:00\"}]")),
                200);
        // +999999999-12-31 failed on writing (500); +300000-01-01 was stored
        for (String[] bad : new String[][] {{"validTo", "+999999999-12-31"}, {"validTo", "+300000-01-01"},
                {"validFrom", "-999999999-01-01"}, {"validFrom", "0000-01-01"}}) {
            JsonNode refused = read(operator(json(put("/api/me/availability"), "[{\"days\":[\"SUNDAY\"],\"available\":false,\""
                    + bad[0] + "\":\"" + bad[1] + "\"}]")), 400);
            assertThat(refused.at("/errors/0/field").asText()).isEqualTo("[0]." + bad[0]);
            assertThat(refused.at("/errors/0/reason").asText()).contains(bad[1]);
        }
        JsonNode kept = read(operator(get("/api/me/availability")), 200);
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("from").asText()).isEqualTo("10:00");
        read(operator(json(put("/api/me/availability"), "[{\"days\":[\"SUNDAY\"],\"available\":false,"
                + "\"validFrom\":\"0001-01-01\",\"validTo\":\"9999-12-31\"}]")), 200);
    }
}
