package org.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.security.HostileCalls.Expect.NO_SERVER_ERROR;
import static org.switchboard.security.HostileCalls.Expect.REFUSED;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.security.AuthorizationMatrixTest.Who;

/**
 * The rest of the hostile input: ids, employee numbers and dates in paths, query parameters, wrong content types, and
 * the history import's uploads and form fields (the import's own limits, encodings and line checks are tested in
 * {@code HistoryImportControllerTest}, {@code HistoryImportLimitsTest}, {@code TextEncodingTest} and
 * {@code LargeImportTest}; here the injection-shaped and mis-encoded cases are added). Same rules as
 * {@link HostileInputTest}: a clear 4xx with problem details and nothing written, never a 5xx.
 */
@SpringBootTest
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileParametersTest {

    static final List<String> BAD_IDS = List.of("abc", "99999999999999999999", "1.5", "-1", "0", "%00", "1%20or%201=1",
            "%3Cscript%3E", "1e3");
    static final List<String> BAD_NUMBERS = List.of("E" + "1".repeat(5000), "%00", "E1003%00", "'%20or%20'1'='1",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "=cmd%7C'%20%2FC%20calc'!A0", "%E9", "%C3%28");
    static final List<String> BAD_DATES = List.of("2026-02-30", "%2B999999999-12-31", "-999999999-01-01",
            "%2B300000-01-01", "today", "2026-13-01", "%00", "2026-01-01'--");

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
    void badIdsInPathsAre4xx() throws Exception {
        for (String id : BAD_IDS) {
            get(Who.PLANNER, "/api/rosters/" + id);
            get(Who.PLANNER, "/api/rosters/" + id + "/status");
            get(Who.PLANNER, "/api/rosters/" + id + "/assignments");
            get(Who.MANAGER, "/api/absences/" + id);
            get(Who.MANAGER, "/api/absences/" + id + "/impact");
            get(Who.MANAGER, "/api/swaps/" + id);
            get(Who.OPERATOR, "/api/swaps/rules/" + id);
            get(Who.MANAGER, "/api/absences/teams/" + id + "/settings");
            calls.send(Who.OPERATOR, "POST /api/me/notifications/" + id + "/read", null, null, REFUSED, id);
            calls.send(Who.OPERATOR, "DELETE /api/me/wishes/" + id, null, null, REFUSED, id);
            calls.send(Who.PLANNER, "DELETE /api/wish-periods/" + id, null, null, REFUSED, id);
            calls.send(Who.PLANNER, "POST /api/rosters/" + id + "/solve", null, null, REFUSED, id);
            calls.send(Who.MANAGER, "POST /api/absences/" + id + "/approve", null, null, REFUSED, id);
            calls.send(Who.OPERATOR, "POST /api/swaps/" + id + "/accept", null, null, REFUSED, id);
            for (String master : List.of("teams", "contracts", "queues", "shift-templates")) {
                get(Who.MANAGER, "/api/" + master + "/" + id);
                calls.send(Who.PLANNER, "DELETE /api/" + master + "/" + id, null, null, REFUSED, id);
            }
            get(Who.MANAGER, "/api/forecasts/" + id + "?from={date}&to={date}");
            get(Who.MANAGER, "/api/requirements/" + id + "?from={date}&to={date}");
            calls.send(Who.PLANNER, "DELETE /api/forecasts/{queueId}/adjustments/" + id, null, null, REFUSED, id);
        }
        calls.stillAnswers();
        assertThat(calls.problems).isEmpty();
    }

    @Test
    void badEmployeeNumbersAndDatesInPathsAre4xx() throws Exception {
        byte[] dayOff = "{\"dayOff\":true,\"force\":true}".getBytes(StandardCharsets.UTF_8);
        for (String number : BAD_NUMBERS) {
            get(Who.PLANNER, "/api/operators/" + number + "/availability");
            get(Who.PLANNER, "/api/operators/" + number + "/wishes");
            get(Who.MANAGER, "/api/operators/" + number);
            calls.send(Who.PLANNER, "POST /api/operators/" + number + "/deactivate", null, null, REFUSED, number);
            calls.send(Who.PLANNER, "DELETE /api/operators/" + number, null, null, REFUSED, number);
            // a NUL at the end is trimmed off like a space: that one may answer E1003's balances
            calls.send(Who.PLANNER, "GET /api/absences/balances?employeeNumber=" + number, null, null,
                    number.equals("E1003%00") ? NO_SERVER_ERROR : REFUSED, number);
            calls.send(Who.PLANNER, "PUT /api/rosters/{draft}/days/" + number + "/{draftDate}", dayOff,
                    MediaType.APPLICATION_JSON, REFUSED, number);
            calls.send(Who.PLANNER, "PUT /api/operators/" + number + "/availability", "[]".getBytes(StandardCharsets.UTF_8),
                    MediaType.APPLICATION_JSON, REFUSED, number);
        }
        for (String date : BAD_DATES) {
            calls.send(Who.PLANNER, "PUT /api/rosters/{draft}/days/E1003/" + date, dayOff, MediaType.APPLICATION_JSON,
                    REFUSED, date);
            calls.send(Who.PLANNER, "DELETE /api/rosters/{draft}/days/E1003/" + date + "/pin", null, null, REFUSED, date);
            calls.send(Who.MANAGER, "PUT /api/absences/teams/{team}/allotments/" + date,
                    "{\"limit\":3}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, REFUSED, date);
        }
        calls.stillAnswers();
        assertThat(calls.problems).isEmpty();
    }

    @Test
    void badQueryParametersAre4xx() throws Exception {
        for (String date : BAD_DATES) {
            get(Who.MANAGER, "/api/absences?from=" + date);
            get(Who.MANAGER, "/api/absences/days?teamId={team}&from=" + date + "&to={date}");
            get(Who.OPERATOR, "/api/me/schedule?from=" + date + "&to={date}");
            get(Who.OPERATOR, "/api/me/schedule?from={date}&to=" + date);
            get(Who.OPERATOR, "/api/me/wishes?from=" + date);
            get(Who.PLANNER, "/api/operators/E1003/wishes?to=" + date);
            get(Who.MANAGER, "/api/forecasts/{queueId}?from=" + date + "&to={date}");
            get(Who.MANAGER, "/api/requirements/{queueId}?from={date}&to=" + date);
            get(Who.MANAGER, "/api/audit?from=" + date);
        }
        for (String n : List.of("-1", "abc", "99999999999", "1.5", "%00", "1e9")) {
            get(Who.MANAGER, "/api/audit?page=" + n);
            get(Who.MANAGER, "/api/audit?size=" + n);
            get(Who.MANAGER, "/api/forecasts/backtest?holdoutDays=" + n);
        }
        get(Who.MANAGER, "/api/audit?kind=%3Cscript%3E");
        get(Who.MANAGER, "/api/forecasts/{queueId}?from=0001-01-01&to=9999-12-31");
        get(Who.MANAGER, "/api/requirements/{queueId}?from=0001-01-01&to=9999-12-31");
        for (String n : List.of("-1", "0", "abc", "99999999999", "1.5", "%00", "1e9")) {
            calls.send(Who.PLANNER, "POST /api/rosters/{draft}/solve?seconds=" + n, null, null, REFUSED, n);
            get(Who.OPERATOR, "/api/me/notifications?limit=" + n);
        }
        for (String n : List.of("abc", "99999999999", "1.5", "%00")) {
            calls.send(Who.PLANNER, "POST /api/rosters/{draft}/publish?version=" + n, null, null, REFUSED, n);
            get(Who.OPERATOR, "/api/me/notifications?offset=" + n);
            // a filter by a team that does not exist finds nothing (an empty list is an answer)
            calls.send(Who.MANAGER, "GET /api/absences?teamId=" + n, null, null,
                    n.equals("99999999999") ? NO_SERVER_ERROR : REFUSED, n);
            get(Who.MANAGER, "/api/absences/days?teamId=" + n + "&from={date}&to={date}");
        }
        get(Who.OPERATOR, "/api/me/notifications?offset=-1");
        get(Who.OPERATOR, "/api/me/notifications?limit=201");
        for (String year : List.of("-5", "0", "abc", "99999999999", "1.5", "%00", "100000", "2147483647")) {
            get(Who.MANAGER, "/api/absences/balances?employeeNumber=E1003&year=" + year);
        }
        for (String status : List.of("maybe", "%3Cscript%3E", "'%20or%201=1--", "%00")) {
            get(Who.MANAGER, "/api/absences?status=" + status);
            get(Who.PLANNER, "/api/rosters/{published}/assignments?format=" + status);
        }
        // a span so long that answering it would mean reading centuries
        get(Who.OPERATOR, "/api/me/schedule?from=0001-01-01&to=9999-12-31");
        get(Who.MANAGER, "/api/absences/days?teamId={team}&from=0001-01-01&to=9999-12-31");
        calls.stillAnswers();
        assertThat(calls.problems).isEmpty();
    }

    @Test
    void wrongContentTypesAre415() throws Exception {
        byte[] body = "{\"callsPerInterval\":100,\"ahtSeconds\":180}".getBytes(StandardCharsets.UTF_8);
        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_FORM_URLENCODED,
                MediaType.valueOf("application/x-java-serialized-object"))) {
            calls.send(Who.PLANNER, "POST /api/staffing/erlang", body, type, REFUSED, type.toString());
            calls.send(Who.OPERATOR, "POST /api/absences", body, type, REFUSED, type.toString());
        }
        calls.send(Who.PLANNER, "POST /api/history/import", body, MediaType.APPLICATION_JSON, REFUSED, "JSON to the import");
        calls.stillAnswers();
        assertThat(calls.problems).isEmpty();
    }

    @Test
    void hostileUploadsToTheHistoryImportAre400AndWriteNothing() throws Exception {
        String queue = calls.ids.get("queue");
        String header = "interval_start,queue,offered\n";
        List<String> files = List.of(
                header + "2031-03-03T08:00,=cmd|' /C calc'!A0,5\n",
                header + "2031-03-03T08:00," + queue + ",=1+1\n",
                header + "2031-03-03T08:00," + queue + ",@SUM(A1)\n",
                header + "2031-03-03T08:00,'; drop table call_history; --,5\n",
                header + "2031-03-03T08:00,<script>alert(1)</script>,5\n",
                header + "2031-03-03T08:00," + queue + ",5\u0000\n",
                header + "+999999999-12-31T08:00," + queue + ",5\n",
                header + "2031-03-03T08:00," + queue + ",-5\n",
                header + "2031-03-03T08:00," + queue + ",NaN\n",
                header + "2031-03-03T08:00," + queue + ",Infinity\n",
                header + "2031-03-03T08:00," + queue + "," + "9".repeat(400) + "\n",
                header + "2031-03-03T08:00," + queue + ",5," + "x".repeat(20_000) + "\n",
                ",".repeat(150) + "\n1\n",
                "\"unterminated,quote\n2031-03-03T08:00," + queue + ",5\n");
        for (String csv : files) {
            upload(csv.getBytes(StandardCharsets.UTF_8), "UTF-8", csv.substring(header.length() - 1)
                    .substring(0, Math.min(40, csv.length() - header.length() + 1)));
        }
        // mis-encoded: Latin-1 and UTF-16 bytes read as UTF-8, and a file of binary noise
        String cyrillic = header + "2031-03-03T08:00,Счета,5\n";
        upload(cyrillic.getBytes(Charset.forName("ISO-8859-5")), "UTF-8", "ISO-8859-5 as UTF-8");
        upload(cyrillic.getBytes(StandardCharsets.UTF_16LE), "UTF-8", "UTF-16LE as UTF-8");
        byte[] noise = new byte[4096];
        new java.util.Random(23).nextBytes(noise);
        upload(noise, null, "binary noise");
        // hostile form fields beside a valid file
        String valid = header + "2031-03-03T08:00," + queue + ",5\n";
        for (String[] field : List.of(new String[] {"queue", "'; drop table queue; --"},
                new String[] {"queue", "<script>alert(1)</script>"}, new String[] {"queue." + queue, "=cmd|' /C calc'!A0"},
                new String[] {"column.offered", "x".repeat(100_000)}, new String[] {"encoding", "x".repeat(100_000)},
                new String[] {"kind", "%00"}, new String[] {"intervalMinutes", "99999999999"},
                new String[] {"x".repeat(10_000), "1"})) {
            calls.send(Who.PLANNER, "POST /api/history/import", MockMvcRequestBuilders.multipart("/api/history/import")
                    .file(new MockMultipartFile("file", "h.csv", "text/csv", valid.getBytes(StandardCharsets.UTF_8)))
                    .param(field[0], field[1]), REFUSED, field[0].substring(0, Math.min(20, field[0].length())));
        }
        // a hostile file name is only a name
        calls.send(Who.PLANNER, "POST /api/history/import", MockMvcRequestBuilders.multipart("/api/history/import")
                .file(new MockMultipartFile("file", "../../etc/<script>.csv", "text/csv", valid.getBytes(StandardCharsets.UTF_8))),
                NO_SERVER_ERROR, "file name");
        calls.stillAnswers();
        assertThat(calls.problems).isEmpty();
        assertThat(calls.calls).isGreaterThan(25);
    }

    private void upload(byte[] content, String encoding, String what) {
        var request = MockMvcRequestBuilders.multipart("/api/history/import")
                .file(new MockMultipartFile("file", "history.csv", "text/csv", content)).param("intervalMinutes", "30");
        if (encoding != null) {
            request.param("encoding", encoding);
        }
        calls.send(Who.PLANNER, "POST /api/history/import", request, REFUSED, what);
    }

    private void get(Who who, String path) {
        calls.send(who, "GET " + path, null, null, REFUSED, path.length() > 80 ? path.substring(0, 80) : path);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
