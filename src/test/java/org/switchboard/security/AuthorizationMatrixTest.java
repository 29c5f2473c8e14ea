package org.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every endpoint of the API (and the calendar feed, the API docs) for anonymous callers and each
 * role, with the answer expected of each written in ONE table below. The operator is the demo's E1001 (login
 * {@code operator}); ids are real records made through the services in the test's transaction (see
 * {@link MatrixFixture}): {@code {absence}}, {@code {swap}}, {@code {wish}}, {@code {notification}} belong to
 * operator2 (E1003), and E1001 must never get them (403 or 404). Managers read rosters but never change them. Each
 * call runs in a savepoint rolled back after it, so the allowed writes really run and change nothing.
 *
 * <p>A new endpoint fails {@link #everyMappedEndpointHasARow()} until its row is added: one line.
 */
@SpringBootTest
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Who calls: the columns of the table. */
    enum Who { ANON, OPERATOR, PLANNER, MANAGER, ADMIN }

    static final int OK = 200, CREATED = 201, ACCEPTED = 202, NO_CONTENT = 204, FOUND = 302, BAD = 400, UNAUTH = 401,
            FORBIDDEN = 403, NOT_FOUND = 404, CONFLICT = 409, UNPROCESSABLE = 422;

    /**
     * The table: method and path (ids as {@code {key}}), then the answer for ANON, OPERATOR (E1001), PLANNER, MANAGER,
     * ADMIN. {@code .json(body)} sends a body; {@code .othersRecord()} marks a call on another operator's record (the
     * operator must get 403 or 404); {@code .plannersWrite()} marks a change only planners and admins make (the
     * manager must get 403); {@code .operatorSeesNot(text)} checks an allowed list leaves the other's record out.
     */
    static final List<Row> TABLE = List.of(
            // rosters: planners and admins change, managers read, operators nothing
            row("GET /api/rosters", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("POST /api/rosters", UNAUTH, FORBIDDEN, CREATED, FORBIDDEN, CREATED).plannersWrite()
                    .json("{\"startDate\":\"{newRosterStart}\",\"days\":7,\"teams\":[{team}]}"),
            row("GET /api/rosters/{published}", UNAUTH, FORBIDDEN, OK, OK, OK).othersRecord(),
            row("POST /api/rosters/{draft}/solve?seconds=1", UNAUTH, FORBIDDEN, ACCEPTED, FORBIDDEN, ACCEPTED).plannersWrite(),
            row("GET /api/rosters/{draft}/status", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("POST /api/rosters/{draft}/stop", UNAUTH, FORBIDDEN, CONFLICT, FORBIDDEN, CONFLICT).plannersWrite(),
            row("POST /api/rosters/{published}/publish", UNAUTH, FORBIDDEN, CONFLICT, FORBIDDEN, CONFLICT).plannersWrite(),
            row("POST /api/rosters/{draft}/publish?force=true", UNAUTH, FORBIDDEN, CONFLICT, FORBIDDEN, CONFLICT).plannersWrite(),
            row("GET /api/rosters/{published}/explanation", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/rosters/{published}/assignments", UNAUTH, FORBIDDEN, OK, OK, OK).othersRecord(),
            row("GET /api/rosters/{published}/publish-preview", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/rosters/{published}/pins", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("PUT /api/rosters/{published}/days/E1003/{date}", UNAUTH, FORBIDDEN, CONFLICT, FORBIDDEN, CONFLICT)
                    .json("{\"dayOff\":true,\"force\":true}").othersRecord().plannersWrite(),
            row("PUT /api/rosters/{draft}/days/E1003/{draftDate}", UNAUTH, FORBIDDEN, OK, FORBIDDEN, OK)
                    .json("{\"dayOff\":true,\"force\":true}").othersRecord().plannersWrite(),
            row("DELETE /api/rosters/{published}/days/E1003/{date}/pin", UNAUTH, FORBIDDEN, CONFLICT, FORBIDDEN, CONFLICT)
                    .othersRecord().plannersWrite(),
            row("DELETE /api/rosters/{draft}/days/E1003/{pinnedDate}/pin", UNAUTH, FORBIDDEN, NO_CONTENT, FORBIDDEN, NO_CONTENT)
                    .othersRecord().plannersWrite(),
            row("GET /api/rosters/{published}/open-shifts", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("POST /api/rosters/{published}/open-shifts", UNAUTH, FORBIDDEN, CREATED, FORBIDDEN, CREATED).plannersWrite()
                    .json("{\"date\":\"{date}\",\"shiftTemplate\":\"{template}\",\"start\":\"{start}\",\"queue\":\"{queue}\"}"),
            row("POST /api/rosters/{published}/replan-open-days", UNAUTH, FORBIDDEN, CONFLICT, FORBIDDEN, CONFLICT).plannersWrite(),
            row("GET /api/absences/{absence}/substitutes", UNAUTH, FORBIDDEN, OK, OK, OK).othersRecord(),
            row("POST /api/absences/{absence}/substitutes", UNAUTH, FORBIDDEN, NOT_FOUND, FORBIDDEN, NOT_FOUND)
                    .json("{\"date\":\"{date}\",\"employeeNumber\":\"E1005\"}").othersRecord().plannersWrite(),

            // absences: operators their own; managers (and admins) decide; planners read and enter
            row("POST /api/absences", UNAUTH, CREATED, CREATED, CREATED, CREATED)
                    .json("{\"type\":\"VACATION\",\"from\":\"{absenceDate}\",\"to\":\"{absenceDate}\",\"employeeNumber\":\"E1001\"}"),
            row("POST /api/absences", UNAUTH, FORBIDDEN, CREATED, CREATED, CREATED).othersRecord()
                    .json("{\"type\":\"VACATION\",\"from\":\"{absenceDate}\",\"to\":\"{absenceDate}\",\"employeeNumber\":\"E1003\"}"),
            row("GET /api/absences", UNAUTH, OK, OK, OK, OK).operatorSeesNot("\"id\":{absence},"),
            row("GET /api/absences?employeeNumber=E1003", UNAUTH, OK, OK, OK, OK).operatorSeesNot("E1003"),
            row("GET /api/absences/{absence}", UNAUTH, NOT_FOUND, OK, OK, OK).othersRecord(),
            row("GET /api/absences/{myAbsence}", UNAUTH, OK, OK, OK, OK),
            row("POST /api/absences/{absence}/cancel", UNAUTH, NOT_FOUND, OK, OK, OK).othersRecord(),
            row("POST /api/absences/{absence}/approve", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK).othersRecord(),
            row("POST /api/absences/{absence}/reject", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK).othersRecord()
                    .json("{\"reason\":\"Busy week\"}"),
            row("POST /api/absences/approve", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK).othersRecord().json("{\"ids\":[{absence}]}"),
            row("POST /api/absences/reject", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK).othersRecord()
                    .json("{\"ids\":[{absence}],\"reason\":\"Busy week\"}"),
            row("GET /api/absences/{absence}/impact", UNAUTH, FORBIDDEN, OK, OK, OK).othersRecord(),
            row("GET /api/absences/balances", UNAUTH, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row("GET /api/absences/balances?employeeNumber=E1003", UNAUTH, FORBIDDEN, OK, OK, OK).othersRecord(),
            row("GET /api/absences/days?from={date}&to={date}", UNAUTH, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row("GET /api/absences/days?teamId={otherTeam}&from={date}&to={date}", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/absences/teams/{team}/settings", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("PUT /api/absences/teams/{team}/settings", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK).json("{\"dailyLimit\":5}"),
            row("PUT /api/absences/teams/{team}/allotments/{date}", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK).json("{\"limit\":3}"),

            // availability and wishes: operators their own under /api/me; planners anyone's; managers read
            row("GET /api/me/availability", UNAUTH, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row("PUT /api/me/availability", UNAUTH, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND).json("[]"),
            row("GET /api/me/wishes", UNAUTH, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND).operatorSeesNot("\"id\":{wish},"),
            row("POST /api/me/wishes", UNAUTH, CREATED, NOT_FOUND, NOT_FOUND, NOT_FOUND)
                    .json("{\"type\":\"DAY_OFF\",\"date\":\"{wishDate}\"}"),
            row("DELETE /api/me/wishes/{wish}", UNAUTH, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND).othersRecord(),
            row("DELETE /api/me/wishes/{myWish}", UNAUTH, NO_CONTENT, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row("GET /api/operators/E1003/availability", UNAUTH, FORBIDDEN, OK, OK, OK).othersRecord(),
            row("PUT /api/operators/E1003/availability", UNAUTH, FORBIDDEN, OK, FORBIDDEN, OK).json("[]")
                    .othersRecord().plannersWrite(),
            row("GET /api/operators/E1003/wishes", UNAUTH, FORBIDDEN, OK, OK, OK).othersRecord(),
            row("POST /api/operators/E1003/wishes", UNAUTH, FORBIDDEN, CREATED, FORBIDDEN, CREATED)
                    .json("{\"type\":\"DAY_OFF\",\"date\":\"{wishDate}\"}").othersRecord().plannersWrite(),
            row("DELETE /api/operators/E1003/wishes/{wish}", UNAUTH, FORBIDDEN, NO_CONTENT, FORBIDDEN, NO_CONTENT)
                    .othersRecord().plannersWrite(),
            row("GET /api/wish-periods", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("POST /api/wish-periods", UNAUTH, FORBIDDEN, CREATED, FORBIDDEN, CREATED).plannersWrite()
                    .json("{\"startDate\":\"{newPeriodStart}\",\"endDate\":\"{newPeriodEnd}\",\"deadline\":\"{deadline}\"}"),
            row("PUT /api/wish-periods/{period}", UNAUTH, FORBIDDEN, OK, FORBIDDEN, OK).plannersWrite()
                    .json("{\"startDate\":\"{periodStart}\",\"endDate\":\"{periodEnd}\",\"deadline\":\"{deadline}\"}"),
            row("DELETE /api/wish-periods/{period}", UNAUTH, FORBIDDEN, NO_CONTENT, FORBIDDEN, NO_CONTENT).plannersWrite(),

            // notifications: everyone their own; another's is missing
            row("GET /api/me/notifications", UNAUTH, OK, OK, OK, OK).operatorSeesNot("\"id\":{notification},"),
            row("GET /api/me/notifications/unread-count", UNAUTH, OK, OK, OK, OK),
            row("POST /api/me/notifications/{notification}/read", UNAUTH, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND)
                    .othersRecord(),
            row("POST /api/me/notifications/{myNotification}/read", UNAUTH, NO_CONTENT, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row("POST /api/me/notifications/read-all", UNAUTH, OK, OK, OK, OK),

            // the own schedule and its calendar feed (the feed's secret token is its authorisation)
            row("GET /api/me/schedule?from={date}&to={date}", UNAUTH, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row("GET /api/me/calendar", UNAUTH, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row("POST /api/me/calendar/renew", UNAUTH, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row("GET /calendar/{token}.ics", OK, OK, OK, OK, OK),
            row("GET /calendar/no-such-token.ics", NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),

            // swaps: operators offer and answer their own; managers (and admins) decide
            row("POST /api/swaps", UNAUTH, CREATED, FORBIDDEN, FORBIDDEN, FORBIDDEN)
                    .json("{\"date\":\"{swapDate}\",\"withEmployeeNumber\":\"E1003\",\"withDate\":\"{swapDate}\"}"),
            row("GET /api/swaps", UNAUTH, OK, OK, OK, OK).operatorSeesNot("\"id\":{swap},"),
            row("GET /api/swaps/open", UNAUTH, OK, OK, OK, OK).operatorSeesNot("\"id\":{swap},"),
            row("GET /api/swaps/waiting", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK),
            row("GET /api/swaps/{swap}", UNAUTH, FORBIDDEN, OK, OK, OK).othersRecord(),
            row("POST /api/swaps/{swap}/accept", UNAUTH, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN).othersRecord(),
            row("POST /api/swaps/{swap}/decline", UNAUTH, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN).othersRecord(),
            row("POST /api/swaps/{swap}/cancel", UNAUTH, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN).othersRecord(),
            row("POST /api/swaps/{swap}/approve", UNAUTH, FORBIDDEN, FORBIDDEN, CONFLICT, CONFLICT).othersRecord(),
            row("POST /api/swaps/{swap}/reject", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK).othersRecord()
                    .json("{\"reason\":\"Not this week\"}"),
            row("GET /api/swaps/rules/{team}", UNAUTH, OK, OK, OK, OK),
            row("PUT /api/swaps/rules/{team}", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK).json("{\"minNoticeHours\":24}"),

            // demand
            row("POST /api/staffing/erlang", UNAUTH, FORBIDDEN, OK, OK, OK).json("{\"callsPerInterval\":100,"
                    + "\"intervalMinutes\":30,\"ahtSeconds\":180,\"serviceLevelTarget\":0.8,\"answerWithinSeconds\":20}"),
            row("POST /api/history/import?intervalMinutes=30", UNAUTH, FORBIDDEN, OK, FORBIDDEN, OK).plannersWrite()
                    .file("interval_start,queue,offered\n2031-03-03T08:00,{queue},5\n2031-03-03T08:30,{queue},6\n"),

            // master data: planners and admins change, managers read, operators nothing (writes with an empty body are
            // refused as invalid only after the role is checked; unknown ids are 404 only for those who may read)
            row("GET /api/operators", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/operators/E1003", UNAUTH, FORBIDDEN, OK, OK, OK).othersRecord(),
            row("POST /api/operators", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}").plannersWrite(),
            row("PUT /api/operators/E1003", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}").othersRecord()
                    .plannersWrite(),
            row("POST /api/operators/E9999/deactivate", UNAUTH, FORBIDDEN, NOT_FOUND, FORBIDDEN, NOT_FOUND).plannersWrite(),
            row("DELETE /api/operators/E9999", UNAUTH, FORBIDDEN, NOT_FOUND, FORBIDDEN, NOT_FOUND).plannersWrite(),
            row("GET /api/teams", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/teams/{team}", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("POST /api/teams", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}").plannersWrite(),
            row("PUT /api/teams/{team}", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}").plannersWrite(),
            row("DELETE /api/teams/999999999", UNAUTH, FORBIDDEN, NOT_FOUND, FORBIDDEN, NOT_FOUND).plannersWrite(),
            row("GET /api/contracts", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/contracts/{contract}", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/contracts/presets", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("POST /api/contracts", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}").plannersWrite(),
            row("PUT /api/contracts/{contract}", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}").plannersWrite(),
            row("DELETE /api/contracts/999999999", UNAUTH, FORBIDDEN, NOT_FOUND, FORBIDDEN, NOT_FOUND).plannersWrite(),
            row("GET /api/queues", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/queues/{queueId}", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("POST /api/queues", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}").plannersWrite(),
            row("PUT /api/queues/{queueId}", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}").plannersWrite(),
            row("DELETE /api/queues/999999999", UNAUTH, FORBIDDEN, NOT_FOUND, FORBIDDEN, NOT_FOUND).plannersWrite(),
            row("GET /api/shift-templates", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/shift-templates/{shiftTemplate}", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("POST /api/shift-templates", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}").plannersWrite(),
            row("PUT /api/shift-templates/{shiftTemplate}", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}")
                    .plannersWrite(),
            row("DELETE /api/shift-templates/999999999", UNAUTH, FORBIDDEN, NOT_FOUND, FORBIDDEN, NOT_FOUND)
                    .plannersWrite(),
            row("GET /api/forecasts", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/forecasts/{queueId}?from={date}&to={date}", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("POST /api/forecasts/{queueId}", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}").plannersWrite(),
            row("POST /api/forecasts/{queueId}/adjustments", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}")
                    .plannersWrite(),
            row("DELETE /api/forecasts/{queueId}/adjustments/999999999", UNAUTH, FORBIDDEN, NOT_FOUND, FORBIDDEN,
                    NOT_FOUND).plannersWrite(),
            row("GET /api/forecasts/backtest?holdoutDays=7&queueIds={queueId}", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("GET /api/requirements/{queueId}?from={date}&to={date}", UNAUTH, FORBIDDEN, OK, OK, OK),
            row("POST /api/requirements/{queueId}/recompute", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}")
                    .plannersWrite(),
            row("GET /api/requirements/{queueId}/workload", UNAUTH, FORBIDDEN, NOT_FOUND, NOT_FOUND, NOT_FOUND), // inbound
            row("PUT /api/requirements/{queueId}/workload", UNAUTH, FORBIDDEN, BAD, FORBIDDEN, BAD).json("{}")
                    .plannersWrite(),

            // the audit trail: managers and admins
            row("GET /api/audit", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK),
            row("GET /api/audit?kind=SIGN_IN_FAILED&from={date}", UNAUTH, FORBIDDEN, FORBIDDEN, OK, OK),

            // the API's description, and a path that is no endpoint
            row("GET /v3/api-docs", FOUND, OK, OK, OK, OK),
            row("GET /swagger-ui.html", FOUND, FOUND, FOUND, FOUND, FOUND),
            row("GET /api/no-such-endpoint", UNAUTH, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND));

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    MatrixFixture fixture;
    MockMvc mvc;
    Map<String, String> ids;

    @BeforeAll
    void published() {
        fixture = new MatrixFixture(context);
        fixture.ensurePublished();
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        ids = fixture.build();
        List<String> wrong = new ArrayList<>();
        for (Row row : TABLE) {
            for (Who who : Who.values()) {
                String problem = fixture.nested().execute(status -> {
                    status.setRollbackOnly(); // each call's writes are undone before the next
                    return check(row, who);
                });
                if (problem != null) {
                    wrong.add(problem);
                }
            }
        }
        assertThat(wrong).as("calls answered otherwise than the table says").isEmpty();
    }

    /** The table keeps its promises: another operator's records are never the operator's; planners' writes never the manager's. */
    @Test
    void theTableRefusesWhatMustBeRefused() {
        for (Row row : TABLE) {
            if (row.others) {
                assertThat(row.expected.get(Who.OPERATOR)).as(row.call).isIn(FORBIDDEN, NOT_FOUND);
            }
            if (row.plannerOnly) {
                assertThat(row.expected.get(Who.MANAGER)).as(row.call).isEqualTo(FORBIDDEN);
                assertThat(row.expected.get(Who.OPERATOR)).as(row.call).isEqualTo(FORBIDDEN);
            }
            if (row.call.contains(" /api/")) {
                assertThat(row.expected.get(Who.ANON)).as(row.call).isEqualTo(UNAUTH);
            }
        }
        assertThat(TABLE.stream().filter(r -> r.others).map(r -> r.call.split("[ /?]")[3]))
                .as("another operator's schedule, requests, availability, swaps and notifications")
                .contains("rosters", "absences", "operators", "me", "swaps");
    }

    @Test
    void everyMappedEndpointHasARow() throws Exception {
        ids = fixture.build();
        Set<String> covered = new TreeSet<>();
        for (Row row : TABLE) {
            MockHttpServletRequest request = new MockHttpServletRequest(row.method().name(),
                    MatrixFixture.resolve(row.path(), ids).replaceFirst("\\?.*", ""));
            if (row.file != null) {
                request.setContentType(MediaType.MULTIPART_FORM_DATA_VALUE);
            }
            HandlerExecutionChain chain = mappings.getHandler(request);
            if (chain != null && chain.getHandler() instanceof HandlerMethod handler) {
                mappings.getHandlerMethods().forEach((info, method) -> {
                    if (method.getMethod().equals(handler.getMethod())) {
                        info.getPatternValues().forEach(p -> covered.add(row.method() + " " + p));
                    }
                });
            }
        }
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.switchboard")) {
                return;
            }
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api") || path.startsWith("/calendar")) {
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m + " " + path));
                }
            }
        });
        assertThat(mapped).as("endpoints mapped").hasSizeGreaterThan(60);
        assertThat(covered).as("endpoints the table reaches").hasSizeGreaterThan(60);
        mapped.removeAll(covered);
        assertThat(mapped).as("mapped endpoints without a row in the table (add one line each)").isEmpty();
    }

    /** Null when the call answers as the row says for the caller, else what went wrong. */
    private String check(Row row, Who who) {
        String path = MatrixFixture.resolve(row.path(), ids);
        AbstractMockHttpServletRequestBuilder<?> request;
        if (row.file != null) {
            request = MockMvcRequestBuilders.multipart(path).file(new MockMultipartFile("file", "history.csv", "text/csv",
                    MatrixFixture.resolve(row.file, ids).getBytes(StandardCharsets.UTF_8)));
        } else {
            request = MockMvcRequestBuilders.request(row.method(), path);
            if (row.body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(MatrixFixture.resolve(row.body, ids));
            }
        }
        switch (who) {
            case ANON -> { }
            case OPERATOR -> request.with(user(MatrixFixture.OPERATOR).roles("OPERATOR"));
            default -> request.with(user(who.name().toLowerCase(java.util.Locale.ROOT)).roles(who.name()));
        }
        try {
            MvcResult result = mvc.perform(request).andReturn();
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString();
            String where = row.call + " as " + who + ": ";
            if (status != row.expected.get(who)) {
                return where + status + ", expected " + row.expected.get(who) + " "
                        + body.substring(0, Math.min(body.length(), 300));
            }
            if (status == FOUND) {
                boolean toSignIn = String.valueOf(result.getResponse().getRedirectedUrl()).contains("/login");
                if (toSignIn != (who == Who.ANON)) {
                    return where + "redirected to " + result.getResponse().getRedirectedUrl();
                }
            }
            if (status >= 400 && row.path().startsWith("/api/") && who != Who.ANON
                    && !String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")) {
                return where + status + " without problem details: " + result.getResponse().getContentType();
            }
            if (who == Who.OPERATOR && row.hidden != null && body.contains(MatrixFixture.resolve(row.hidden, ids))) {
                return where + "shows another operator's record " + MatrixFixture.resolve(row.hidden, ids);
            }
            return null;
        } catch (Exception e) {
            return row.call + " as " + who + ": " + e;
        }
    }

    static Row row(String call, int anon, int operator, int planner, int manager, int admin) {
        Map<Who, Integer> expected = new EnumMap<>(Who.class);
        expected.put(Who.ANON, anon);
        expected.put(Who.OPERATOR, operator);
        expected.put(Who.PLANNER, planner);
        expected.put(Who.MANAGER, manager);
        expected.put(Who.ADMIN, admin);
        return new Row(call, expected, null, null, null, false, false);
    }

    /** One line of the table; built with {@link #row} and the methods below. */
    record Row(String call, Map<Who, Integer> expected, String body, String file, String hidden, boolean others,
            boolean plannerOnly) {

        HttpMethod method() {
            return HttpMethod.valueOf(call.substring(0, call.indexOf(' ')));
        }

        String path() {
            return call.substring(call.indexOf(' ') + 1);
        }

        Row json(String json) {
            return new Row(call, expected, json, file, hidden, others, plannerOnly);
        }

        Row file(String csv) {
            return new Row(call, expected, body, csv, hidden, others, plannerOnly);
        }

        Row operatorSeesNot(String text) {
            return new Row(call, expected, body, file, text, others, plannerOnly);
        }

        Row othersRecord() {
            return new Row(call, expected, body, file, hidden, true, plannerOnly);
        }

        Row plannersWrite() {
            return new Row(call, expected, body, file, hidden, others, true);
        }
    }
}
