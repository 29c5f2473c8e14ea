package org.switchboard.demand.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.demand.Direction;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.TestQueues;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;

/** {@code POST /api/history/import} over HTTP with HTTP Basic, as real accounts; everything rolls back after each test. */
@SpringBootTest
@Transactional
class HistoryImportControllerTest {

    static final String PASSWORD = "history-api-test-password";
    static final String URL = "/api/history/import";

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserAccountService accounts;

    @Autowired
    QueueService queues;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        SystemAuthentication.callAsSystem(() -> {
            for (String role : List.of(Roles.PLANNER, Roles.OPERATOR)) {
                String login = "history-" + role.toLowerCase();
                if (accounts.list().stream().noneMatch(a -> a.username().equals(login))) {
                    accounts.createWithPassword(login, "History " + role, Set.of(role), PASSWORD, false);
                }
            }
            for (String code : List.of("API-BILL", "API-CARD")) {
                if (queues.findByCode(code).isEmpty()) {
                    TestQueues.save(queues, code, Direction.INBOUND, "Europe/Moscow", LocalTime.of(8, 0), LocalTime.of(20, 0));
                }
            }
            return null;
        });
    }

    static MockMultipartFile file(String text, String charset) {
        return new MockMultipartFile("file", "history.csv", "text/csv", text.getBytes(Charset.forName(charset)));
    }

    long rows(String code) {
        return jdbc.sql("select count(*) from call_history h join queue q on q.id = h.queue_id where q.code = ?")
                .param(code).query(Long.class).single();
    }

    @Test
    void aWindows1251FileWithItsOwnColumnsImportsAndAnswersASummary() throws Exception {
        String csv = """
                when;line;calls;aht
                2026-03-02T08:00;Счета;10;180,5
                2026-03-02T08:00;Карты;7;200
                2026-03-02T08:30;Счета;12;190
                """;
        mvc.perform(multipart(URL).file(file(csv, "windows-1251")).with(httpBasic("history-planner", PASSWORD))
                        .param("column.start", "when").param("column.queue", "line").param("column.offered", "calls")
                        .param("column.aht_seconds", "aht").param("intervalMinutes", "30")
                        .param("queue.Счета", "API-BILL").param("queue.Карты", "API-CARD"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fileName").value("history.csv"))
                .andExpect(jsonPath("$.encoding").value("windows-1251"))
                .andExpect(jsonPath("$.dataRows").value(3))
                .andExpect(jsonPath("$.totalIntervals").value(3))
                .andExpect(jsonPath("$.intervals.API-BILL").value(2))
                .andExpect(jsonPath("$.intervals.API-CARD").value(1))
                .andExpect(jsonPath("$.replaced").value(0))
                .andExpect(jsonPath("$.firstDay").value("2026-03-02"));
        assertThat(rows("API-BILL")).isEqualTo(2);

        // one queue for the whole file: no queue column needed
        String single = "interval_start,offered\n2026-03-03T08:00,5\n2026-03-03T08:15,6\n";
        mvc.perform(multipart(URL).file(file(single, "UTF-8")).with(httpBasic("history-planner", PASSWORD))
                        .param("queue", "API-CARD").param("intervalMinutes", "15"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intervals.API-CARD").value(2));
    }

    /** A day of 15-minute intervals, 08:00 to 20:00, of one queue (the demo's own history is 15-minute). */
    static String fifteenMinutes(String queue) {
        StringBuilder csv = new StringBuilder("interval_start,queue,offered\n");
        for (int slot = 32; slot < 80; slot++) {
            csv.append("2026-03-04T").append(String.format("%02d:%02d", slot / 4, slot % 4 * 15)).append(',').append(queue)
                    .append(",7\n");
        }
        return csv.toString();
    }

    @Test
    void theIntervalLengthIsDetectedWhenNotGivenAndAGivenOneWins() throws Exception {
        // no intervalMinutes: the 15-minute file is read as 15-minute (the default of 30 refused it with 50 errors)
        mvc.perform(multipart(URL).file(file(fifteenMinutes("API-BILL"), "UTF-8")).with(httpBasic("history-planner", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intervalMinutes").value(15))
                .andExpect(jsonPath("$.intervals.API-BILL").value(48));
        // the caller's length wins over the detected one: 30 refuses the quarter-hour starts
        mvc.perform(multipart(URL).file(file(fifteenMinutes("API-CARD"), "UTF-8")).with(httpBasic("history-planner", PASSWORD))
                        .param("intervalMinutes", "30"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value("08:15 is not the start of a 30-minute interval"));
        mvc.perform(multipart(URL).file(file(fifteenMinutes("API-CARD"), "UTF-8")).with(httpBasic("history-planner", PASSWORD))
                        .param("intervalMinutes", "30").header("Accept-Language", "ru"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value("08:15 — не начало 30-минутного интервала"));
        assertThat(rows("API-CARD")).isZero();
    }

    @Test
    void aCallFileKeepsCountingIntoThirtyMinutesWhenNoLengthIsGiven() throws Exception {
        String calls = """
                arrival,queue,outcome,handle_seconds
                2026-03-05T08:03:12,API-BILL,ANSWERED,187
                2026-03-05T08:04:00,API-BILL,ANSWERED,100
                2026-03-05T08:19:00,API-BILL,ANSWERED,100
                2026-03-05T08:34:00,API-BILL,ANSWERED,100
                """;
        mvc.perform(multipart(URL).file(file(calls, "UTF-8")).with(httpBasic("history-planner", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intervalMinutes").value(30))
                .andExpect(jsonPath("$.intervals.API-BILL").value(2));
    }

    @Test
    void problemsInTheFileAnswer400WithLineColumnAndReasonAndWriteNothing() throws Exception {
        String csv = """
                interval_start,queue,offered,aht_seconds
                2026-03-02T08:00,API-BILL,10,180
                2026-03-02T08:30,API-BILL,2e9,180
                0000-03-02T09:00,API-BILL,10,1e308
                """;
        mvc.perform(multipart(URL).file(file(csv, "UTF-8")).with(httpBasic("history-planner", PASSWORD))
                        .param("intervalMinutes", "30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("History not imported"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("offered"))
                .andExpect(jsonPath("$.errors[0].reason").value("Offered calls must be at most 1,000,000, not 2e9"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].column").value("interval_start"))
                .andExpect(jsonPath("$.errors[2].column").value("aht_seconds"))
                .andExpect(jsonPath("$.truncated").value(false));
        assertThat(rows("API-BILL")).isZero();

        // the text does not decode in the chosen encoding: the line is named, no column
        mvc.perform(multipart(URL).file(file("interval_start,queue,offered\n2026-03-02T08:00,Счета,1\n", "windows-1251"))
                        .with(httpBasic("history-planner", PASSWORD)).param("encoding", "UTF-8"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].column").doesNotExist())
                .andExpect(jsonPath("$.errors[0].reason").value("Line 2 is not UTF-8 text (bytes D1): choose the file's encoding"));
    }

    @Test
    void badParametersAnswer400NamingTheField() throws Exception {
        String csv = "interval_start,queue,offered\n2026-03-02T08:00,API-BILL,1\n";
        mvc.perform(multipart(URL).file(file(csv, "UTF-8")).with(httpBasic("history-planner", PASSWORD))
                        .param("intervalMinutes", "1.5").param("encoding", "klingon").param("column.calls", "offered")
                        .param("kind", "minutes").param("colour", "blue"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'intervalMinutes')].reason").value("Use 15, 30 or 60 minutes, not \"1.5\""))
                .andExpect(jsonPath("$.errors[?(@.field == 'encoding')].reason").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'column.calls')].reason").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')].reason").value("Use intervals or calls, not \"minutes\""))
                .andExpect(jsonPath("$.errors[?(@.field == 'colour')].reason").value("Unknown parameter"));
        mvc.perform(multipart(URL).with(httpBasic("history-planner", PASSWORD)).param("intervalMinutes", "30"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void aFileAboveTheLimitAnswers413() throws Exception {
        byte[] big = new byte[(int) (100L * 1024 * 1024 + 1)];
        mvc.perform(multipart(URL).file(new MockMultipartFile("file", "big.csv", "text/csv", big))
                        .with(httpBasic("history-planner", PASSWORD)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.message").value("The file is larger than 100 MB, the most a history import accepts"))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].reason").value("The file is larger than 100 MB, the most a history import accepts"));
    }

    @Test
    void operatorsAreForbidden() throws Exception {
        mvc.perform(multipart(URL).file(file("interval_start,queue,offered\n2026-03-02T08:00,API-BILL,1\n", "UTF-8"))
                        .with(httpBasic("history-operator", PASSWORD)).param("intervalMinutes", "30"))
                .andExpect(status().isForbidden());
        assertThat(rows("API-BILL")).isZero();
    }
}
