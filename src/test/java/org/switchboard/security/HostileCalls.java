package org.switchboard.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.security.AuthorizationMatrixTest.Who;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends hostile requests and judges the answers: each in a savepoint rolled back after it, with the rows of the tables
 * the API writes counted before and after inside it. A refusal must be a clear 4xx with problem details and leave
 * every count as it was (nothing half-written) unless the failing service's transaction was marked for rollback, as
 * the running app then rolls it back whole; nothing may be a 5xx; and the server must still answer a plain GET
 * afterwards. Problems are collected, not thrown, so one run lists them all.
 */
final class HostileCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The tables the API writes; their row counts are the footprint of a call. */
    static final List<String> TABLES = List.of("roster", "roster_assignment", "roster_pin", "open_shift", "absence",
            "absence_team_setting", "absence_allotment", "operator_availability", "wish", "wish_period", "swap",
            "swap_history", "swap_team_setting", "notification", "calendar_feed", "history_import", "operator", "team",
            "app_user");

    /** What a call may answer. */
    enum Expect {
        /** a 4xx with problem details, nothing written */
        REFUSED,
        /** anything but a 5xx (text that is merely odd may be stored as it is); a 4xx as above */
        NO_SERVER_ERROR
    }

    final MockMvc mvc;
    final MatrixFixture fixture;
    final JdbcTemplate jdbc;
    final List<String> problems = new ArrayList<>();
    Map<String, String> ids;
    int calls;

    HostileCalls(WebApplicationContext context, MatrixFixture fixture) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        this.fixture = fixture;
        this.jdbc = fixture.jdbc;
    }

    /** A JSON (or other) body. */
    void send(Who who, String call, byte[] body, MediaType type, Expect expect, String what) {
        String path = MatrixFixture.resolve(call.substring(call.indexOf(' ') + 1), ids);
        HttpMethod method = HttpMethod.valueOf(call.substring(0, call.indexOf(' ')));
        AbstractMockHttpServletRequestBuilder<?> request = MockMvcRequestBuilders.request(method, java.net.URI.create(path));
        if (body != null) {
            request.contentType(type).content(body);
        }
        send(who, call, request, expect, what);
    }

    /** Any request (a multipart upload, a crafted URI). */
    void send(Who who, String call, AbstractMockHttpServletRequestBuilder<?> request, Expect expect, String what) {
        calls++;
        if (who != Who.ANON) {
            String login = who == Who.OPERATOR ? MatrixFixture.OPERATOR : who.name().toLowerCase(Locale.ROOT);
            request.with(user(login).roles(who.name()));
        }
        String problem = fixture.nested().execute(status -> {
            String before = footprint();
            try {
                MvcResult result = mvc.perform(request).andReturn();
                // a service transaction that failed is rolled back as a whole in the running app (here: marked so)
                boolean undone = ((DefaultTransactionStatus) status).isGlobalRollbackOnly();
                return judge(result, expect, before, undone);
            } catch (Exception e) {
                return "threw " + e;
            } finally {
                status.setRollbackOnly();
            }
        });
        if (problem != null) {
            problems.add(call + " [" + what + "] as " + who + ": " + problem);
        }
    }

    private String judge(MvcResult result, Expect expect, String before, boolean undone) throws Exception {
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString();
        String shown = status + " " + body.substring(0, Math.min(body.length(), 240));
        if (status >= 500) {
            return "server error " + shown;
        }
        if (status < 400) {
            return expect == Expect.REFUSED ? "accepted: " + shown : null;
        }
        if (status == 401 || status == 403) {
            return "not a refusal of the input: " + shown;
        }
        if (!String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")) {
            return "no problem details: " + shown + " (" + result.getResponse().getContentType() + ")";
        }
        JsonNode problem = JSON.readTree(body);
        if (problem.path("status").asInt() != status || problem.path("detail").asString("").isBlank()
                || !problem.path("errors").isArray()) {
            return "incomplete problem details: " + shown;
        }
        if (!undone) {
            String after = footprint();
            if (!after.equals(before)) {
                return "refused but written: rows " + before + " -> " + after;
            }
        }
        return null;
    }

    /** The row counts of the tables the API writes, in this transaction. */
    String footprint() {
        StringBuilder sql = new StringBuilder("select concat_ws(',' ");
        for (String table : TABLES) {
            sql.append(", (select count(*) from ").append(table).append(')');
        }
        return jdbc.queryForObject(sql.append(')').toString(), String.class);
    }

    /** The server still answers an ordinary request. */
    void stillAnswers() throws Exception {
        int status = mvc.perform(MockMvcRequestBuilders.get("/api/rosters").with(user("planner").roles("PLANNER")))
                .andReturn().getResponse().getStatus();
        if (status != 200) {
            problems.add("GET /api/rosters afterwards answered " + status);
        }
    }
}
