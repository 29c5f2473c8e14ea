package org.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.security.HostileCalls.Expect.NO_SERVER_ERROR;
import static org.switchboard.security.HostileCalls.Expect.REFUSED;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.security.AuthorizationMatrixTest.Who;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every endpoint that takes a JSON body, fed what a careless or hostile client sends: broken JSON, the wrong types,
 * text that is not UTF-8, NUL characters, fields far too long, numbers and dates out of range, a body of megabytes,
 * and SQL-, HTML- and spreadsheet-formula-shaped text. Each endpoint's valid body (first checked to work) is the
 * template; each variant changes one thing. The answer must be a clear 4xx with problem details and nothing written
 * (formula- or script-shaped text in free-text fields may be stored as it is), never a 5xx; the server answers after.
 * Parameters, paths and uploads: {@link HostileParametersTest}.
 */
@SpringBootTest
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** Text shaped like an attack: stored as plain text where text is free, refused where a code or date is due. */
    static final List<String> INJECTIONS = List.of("'; drop table operator; --", "1' or '1'='1",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|'/C calc'!A0",
            "{{7*7}}${7*7}", "../../../../etc/passwd", "\u202Eevil\u202C", "😀".repeat(40));
    /** A body larger than any JSON request needs (the API's limit is well below). */
    static final int HUGE = 3 * 1024 * 1024;

    /** who, method and path, and a body the endpoint accepts (ids as in {@link MatrixFixture}). */
    record Endpoint(Who who, String call, String valid) {}

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(Who.PLANNER, "POST /api/rosters", "{\"startDate\":\"{newRosterStart}\",\"days\":7,\"teams\":[{team}],"
                    + "\"zone\":\"Europe/Moscow\"}"),
            new Endpoint(Who.PLANNER, "PUT /api/rosters/{draft}/days/E1003/{draftDate}",
                    "{\"shiftTemplate\":\"{template}\",\"start\":\"{start}\",\"queue\":\"{queue}\",\"force\":true}"),
            new Endpoint(Who.PLANNER, "POST /api/rosters/{published}/open-shifts",
                    "{\"date\":\"{date}\",\"shiftTemplate\":\"{template}\",\"start\":\"{start}\",\"queue\":\"{queue}\"}"),
            new Endpoint(Who.OPERATOR, "POST /api/absences",
                    "{\"type\":\"VACATION\",\"from\":\"{absenceDate}\",\"to\":\"{absenceDate}\",\"note\":\"Family\"}"),
            new Endpoint(Who.MANAGER, "POST /api/absences/{absence}/reject", "{\"reason\":\"Busy week\"}"),
            new Endpoint(Who.MANAGER, "POST /api/absences/reject", "{\"ids\":[{absence}],\"reason\":\"Busy week\"}"),
            new Endpoint(Who.MANAGER, "POST /api/absences/approve", "{\"ids\":[{absence}]}"),
            new Endpoint(Who.MANAGER, "PUT /api/absences/teams/{team}/settings",
                    "{\"dailyLimit\":5,\"autoApprove\":false,\"threshold\":0.8}"),
            new Endpoint(Who.MANAGER, "PUT /api/absences/teams/{team}/allotments/{date}", "{\"limit\":3}"),
            new Endpoint(Who.OPERATOR, "PUT /api/me/availability", "[{\"days\":[\"MONDAY\"],\"available\":true,"
                    + "\"from\":\"08:00\",\"until\":\"12:00\",\"validFrom\":\"{periodStart}\",\"validTo\":\"{periodEnd}\","
                    + "\"note\":\"School run\"}]"),
            new Endpoint(Who.OPERATOR, "POST /api/me/wishes", "{\"type\":\"DAY_OFF\",\"date\":\"{wishDate}\",\"note\":\"Birthday\"}"),
            new Endpoint(Who.PLANNER, "PUT /api/operators/E1003/availability", "[{\"days\":[\"TUESDAY\"],\"available\":true,"
                    + "\"from\":\"09:00\",\"until\":\"17:00\",\"note\":\"Agreed\"}]"),
            new Endpoint(Who.PLANNER, "POST /api/operators/E1003/wishes",
                    "{\"type\":\"SHIFT_KIND\",\"kind\":\"DAY\",\"date\":\"{wishDate}\",\"note\":\"Asked by phone\"}"),
            new Endpoint(Who.PLANNER, "POST /api/wish-periods",
                    "{\"startDate\":\"{newPeriodStart}\",\"endDate\":\"{newPeriodEnd}\",\"deadline\":\"{deadline}\"}"),
            new Endpoint(Who.PLANNER, "PUT /api/wish-periods/{period}",
                    "{\"startDate\":\"{periodStart}\",\"endDate\":\"{periodEnd}\",\"deadline\":\"{deadline}\"}"),
            new Endpoint(Who.OPERATOR, "POST /api/swaps",
                    "{\"date\":\"{swapDate}\",\"withEmployeeNumber\":\"E1003\",\"withDate\":\"{swapDate}\"}"),
            new Endpoint(Who.MANAGER, "POST /api/swaps/{swap}/reject", "{\"reason\":\"Not this week\"}"),
            new Endpoint(Who.MANAGER, "PUT /api/swaps/rules/{team}", "{\"sameQueueOnly\":true,\"minNoticeHours\":24,"
                    + "\"openDaysAhead\":30,\"threshold\":0.9}"),
            new Endpoint(Who.PLANNER, "POST /api/staffing/erlang", "{\"callsPerInterval\":100,\"intervalMinutes\":30,"
                    + "\"ahtSeconds\":180,\"serviceLevelTarget\":0.8,\"answerWithinSeconds\":20}"),
            // master data, forecasts and requirements
            new Endpoint(Who.PLANNER, "POST /api/operators", "{\"employeeNumber\":\"E9901\",\"firstName\":\"Host\","
                    + "\"lastName\":\"Ile\",\"teamId\":{team},\"grade\":\"SENIOR\",\"contractId\":{contract},"
                    + "\"timeZone\":\"Europe/Moscow\",\"skills\":[{\"queueId\":{queueId},\"proficiency\":4}]}"),
            new Endpoint(Who.PLANNER, "POST /api/teams", "{\"name\":\"Hostile input (test)\"}"),
            new Endpoint(Who.PLANNER, "POST /api/contracts", "{\"name\":\"Hostile 35 h\",\"minMinutesPerWeek\":2100,"
                    + "\"maxMinutesPerWeek\":2100}"),
            new Endpoint(Who.PLANNER, "POST /api/queues", "{\"code\":\"T-HOST\",\"name\":\"Hostile line\",\"openingHours\":"
                    + "[{\"day\":\"MONDAY\",\"opens\":\"08:00\",\"closes\":\"20:00\"}]}"),
            new Endpoint(Who.PLANNER, "POST /api/shift-templates", "{\"code\":\"H8\",\"name\":\"Hostile day\","
                    + "\"startTime\":\"08:00\",\"latestStartTime\":\"10:00\",\"startStepMinutes\":60,\"lengthMinutes\":480,"
                    + "\"breaks\":[{\"offsetMinutes\":240,\"lengthMinutes\":30}]}"),
            new Endpoint(Who.PLANNER, "POST /api/forecasts/{queueId}/adjustments", "{\"from\":\"{forecastDay}T08:00\","
                    + "\"to\":\"{forecastDay}T12:00\",\"kind\":\"SCALE\",\"amount\":20,\"note\":\"Promotion\"}"),
            new Endpoint(Who.PLANNER, "POST /api/requirements/{queueId}/recompute", "{\"from\":\"{date}\",\"to\":\"{date}\"}"),
            new Endpoint(Who.PLANNER, "PUT /api/requirements/{outboundQueueId}/workload",
                    "{\"callsPerDay\":300,\"ahtSeconds\":240}"));

    @Autowired
    WebApplicationContext context;

    MatrixFixture fixture;
    HostileCalls calls;

    @BeforeAll
    void published() {
        fixture = new MatrixFixture(context);
        fixture.ensurePublished();
    }

    @BeforeEach
    void setUp() {
        calls = new HostileCalls(context, fixture);
        calls.ids = fixture.build();
    }

    @Test
    void theValidBodiesWork() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            String body = MatrixFixture.resolve(e.valid(), calls.ids);
            var result = fixture.nested().execute(status -> {
                status.setRollbackOnly();
                try {
                    var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                            org.springframework.http.HttpMethod.valueOf(e.call().split(" ")[0]),
                            MatrixFixture.resolve(e.call().split(" ")[1], calls.ids))
                            .contentType(MediaType.APPLICATION_JSON).content(body)
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                    .user(e.who() == Who.OPERATOR ? "operator" : e.who().name().toLowerCase())
                                    .roles(e.who().name()));
                    return calls.mvc.perform(request).andReturn().getResponse();
                } catch (Exception x) {
                    throw new IllegalStateException(x);
                }
            });
            assertThat(result.getStatus()).as(e.call() + " " + body + ": " + result.getContentAsString()).isBetween(200, 299);
        }
    }

    @Test
    void brokenJsonAndWrongTypesAre400() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            String valid = MatrixFixture.resolve(e.valid(), calls.ids);
            send(e, valid.substring(0, valid.length() - 1), REFUSED, "cut short");
            send(e, valid + "}", REFUSED, "trailing brace");
            send(e, valid.startsWith("[") ? "{\"a\":1}" : "[1]", REFUSED, "wrong top-level type");
            send(e, "", REFUSED, "empty body");
            send(e, "null", REFUSED, "null body");
            for (String field : leaves(valid)) {
                send(e, with(valid, field, JSON.readTree("{\"x\":[1]}")), REFUSED, field + " an object");
                send(e, with(valid, field, JSON.readTree("[\"a\",1]")), REFUSED, field + " a list");
            }
        }
        calls.stillAnswers();
        assertThat(calls.problems).isEmpty();
    }

    @Test
    void textThatIsNotUtf8OrHoldsNulIs400() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            String valid = MatrixFixture.resolve(e.valid(), calls.ids);
            for (String field : textLeaves(valid)) {
                String marked = with(valid, field, JSON.getNodeFactory().stringNode("\u0001MARK\u0001"));
                // Latin-1 "é" and a broken two-byte sequence where UTF-8 is declared
                for (byte[] bytes : List.of(new byte[] {'C', 'a', 'f', (byte) 0xE9}, new byte[] {(byte) 0xC3, 0x28})) {
                    calls.send(e.who(), e.call(), splice(marked, bytes), MediaType.APPLICATION_JSON, REFUSED,
                            field + " not UTF-8");
                }
                send(e, with(valid, field, JSON.getNodeFactory().stringNode("a\u0000b")), REFUSED, field + " with NUL");
            }
        }
        calls.stillAnswers();
        assertThat(calls.problems).isEmpty();
    }

    @Test
    void overlongTextAndAHugeBodyAreRefused() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            String valid = MatrixFixture.resolve(e.valid(), calls.ids);
            for (String field : textLeaves(valid)) {
                send(e, with(valid, field, JSON.getNodeFactory().stringNode("x".repeat(100_000))), REFUSED,
                        field + " 100,000 characters");
            }
            JsonNode padded = JSON.readTree(valid);
            ObjectNode target = padded.isArray() ? (ObjectNode) padded.get(0) : (ObjectNode) padded;
            target.put("padding", "x".repeat(HUGE));
            calls.send(e.who(), e.call(), JSON.writeValueAsBytes(padded), MediaType.APPLICATION_JSON, REFUSED, "3 MB body");
        }
        calls.stillAnswers();
        assertThat(calls.problems).isEmpty();
    }

    @Test
    void numbersAndDatesOutOfRangeAre400() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            String valid = MatrixFixture.resolve(e.valid(), calls.ids);
            for (String field : leaves(valid)) {
                JsonNode value = JSON.readTree(valid).at(pointer(field));
                if (value.isNumber() && !field.startsWith("/ids")) {
                    for (String n : List.of("-1", "2147483648", "1e400", "-1e400", "99999999999999999999999")) {
                        // a forecast adjustment's amount is a signed percentage: -1 is 1 % less
                        boolean signed = n.equals("-1") && e.call().endsWith("/adjustments") && field.equals("/amount");
                        send(e, with(valid, field, JSON.readTree(n)), signed ? NO_SERVER_ERROR : REFUSED, field + " = " + n);
                    }
                    send(e, with(valid, field, JSON.getNodeFactory().stringNode("12abc")), REFUSED, field + " = '12abc'");
                } else if (value.isString() && value.asString().matches("\\d{4}-\\d\\d-\\d\\d.*")) {
                    for (String d : List.of("2026-02-30", "+999999999-12-31", "-999999999-01-01", "+300000-01-01",
                            "0000-00-00", "2026-1-1", "today")) {
                        send(e, with(valid, field, JSON.getNodeFactory().stringNode(d)), REFUSED, field + " = " + d);
                    }
                } else if (value.isString() && value.asString().matches("\\d\\d:\\d\\d")) {
                    for (String t : List.of("25:00", "12:60", "-1:00", "noon")) {
                        send(e, with(valid, field, JSON.getNodeFactory().stringNode(t)), REFUSED, field + " = " + t);
                    }
                } else if (value.isBoolean()) {
                    send(e, with(valid, field, JSON.getNodeFactory().stringNode("maybe")), REFUSED, field + " = 'maybe'");
                }
            }
        }
        calls.stillAnswers();
        assertThat(calls.problems).isEmpty();
    }

    @Test
    void injectionShapedTextIsNeverAServerError() throws Exception {
        for (Endpoint e : ENDPOINTS) {
            String valid = MatrixFixture.resolve(e.valid(), calls.ids);
            for (String field : textLeaves(valid)) {
                for (String attack : INJECTIONS) {
                    send(e, with(valid, field, JSON.getNodeFactory().stringNode(attack)), NO_SERVER_ERROR,
                            field + " = " + attack);
                }
            }
        }
        calls.stillAnswers();
        assertThat(calls.problems).isEmpty();
        // the tables are all still there
        assertThat(calls.jdbc.queryForObject("select count(*) from operator", Long.class)).isPositive();
    }

    @Test
    void anOpenShiftWithoutItsStartIsToldTheStartsThereAre() throws Exception {
        // an open shift without its start, of a template that starts at more than one time that day
        calls.send(Who.PLANNER, "POST /api/rosters/{published}/open-shifts", MatrixFixture.resolve(
                "{\"date\":\"{date}\",\"shiftTemplate\":\"{template}\",\"queue\":\"{queue}\"}", calls.ids)
                .getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, REFUSED, "no start");
        assertThat(calls.problems).isEmpty();
        var answer = calls.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post(MatrixFixture.resolve("/api/rosters/{published}/open-shifts", calls.ids))
                .contentType(MediaType.APPLICATION_JSON).content(MatrixFixture.resolve(
                        "{\"date\":\"{date}\",\"shiftTemplate\":\"{template}\",\"queue\":\"{queue}\"}", calls.ids))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("planner")
                        .roles("PLANNER"))).andReturn().getResponse();
        JsonNode problem = JSON.readTree(answer.getContentAsString());
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("start");
        // it said "does not start at  on that day"
        assertThat(problem.at("/errors/0/reason").asString()).contains(calls.ids.get("start"))
                .contains("more than one time").doesNotContain("at  on");
    }

    // ---------------------------------------------------------------------------------------------------------------

    static final tools.jackson.databind.json.JsonMapper JSON = HostileCalls.JSON;

    private void send(Endpoint e, String body, HostileCalls.Expect expect, String what) {
        calls.send(e.who(), e.call(), body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, expect, what);
    }

    /** JSON pointers of the body's scalar values (inside arrays of objects too). */
    static List<String> leaves(String json) {
        List<String> out = new ArrayList<>();
        collect(JSON.readTree(json), "", out);
        return out;
    }

    static List<String> textLeaves(String json) {
        JsonNode root = JSON.readTree(json);
        return leaves(json).stream().filter(p -> root.at(pointer(p)).isString()).toList();
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> p : node.properties()) {
                collect(p.getValue(), path + "/" + p.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, out);
            }
        } else {
            out.add(path);
        }
    }

    static String pointer(String path) {
        return path;
    }

    /** The body with the value at the pointer replaced. */
    static String with(String json, String pointer, JsonNode value) {
        JsonNode root = JSON.readTree(json);
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? root : root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent.isArray()) {
            ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return JSON.writeValueAsString(root);
    }

    /** The text's UTF-8 bytes with the marked string's content replaced by raw bytes. */
    static byte[] splice(String marked, byte[] raw) {
        String[] parts = marked.split("\\\\u0001MARK\\\\u0001", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(marked);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
