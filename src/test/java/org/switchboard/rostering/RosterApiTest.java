package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roster API over HTTP against the demo center: create, solve in the background, live status, stop, publish,
 * assignments CSV, explanation, the errors, and what publishing does to later rosters (pinned published days,
 * rest across the period start). Real solver, real database; solves are a few seconds each.
 */
@SpringBootTest
class RosterApiTest {

    static final String PASSWORD = "roster-api-test-password";
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAccountService accounts;
    @Autowired
    OperatorService operators;
    @Autowired
    ContractService contracts;
    @Autowired
    TeamService teams;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        SystemAuthentication.callAsSystem(() -> {
            for (String role : List.of(Roles.PLANNER, Roles.MANAGER, Roles.OPERATOR)) {
                String login = "roster-" + role.toLowerCase();
                if (accounts.list().stream().noneMatch(a -> a.username().equals(login))) {
                    accounts.createWithPassword(login, "Roster " + role, Set.of(role), PASSWORD, false);
                }
            }
            return null;
        });
    }

    /** A Monday {@code weeks} weeks after the next one (the demo forecast covers six weeks from today). */
    static LocalDate monday(int weeks) {
        return LocalDate.now(MOSCOW).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeks);
    }

    ResultActions call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic("roster-planner", PASSWORD)));
    }

    long create(String body) throws Exception {
        MvcResult r = call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.id").isNumber())
                .andReturn();
        return json(r).get("id").asLong();
    }

    JsonNode solveAndWait(long id, int seconds) throws Exception {
        call(post("/api/rosters/" + id + "/solve").param("seconds", String.valueOf(seconds)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.solving").value(true));
        return waitUntilDone(id);
    }

    JsonNode waitUntilDone(long id) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode s = json(call(get("/api/rosters/" + id + "/status")).andExpect(status().isOk()).andReturn());
            if (!s.get("solving").asBoolean()) {
                return s;
            }
            Thread.sleep(250);
        }
        org.switchboard.ThreadDumps.print("roster " + id + " still solving after 120 s");
        throw new AssertionError("roster " + id + " still solving after 120 s");
    }

    List<CSVRecord> csv(long id) throws Exception {
        MvcResult r = call(get("/api/rosters/" + id + "/assignments"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn();
        String text = r.getResponse().getContentAsString();
        assertThat(text.lines().findFirst().orElseThrow())
                .isEqualTo("employee_number,date,shift_template,start,end,queue,break_start,break_end");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    static JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString());
    }

    long teamId(String name) {
        return SystemAuthentication.callAsSystem(() -> teams.list().stream().filter(t -> t.getName().equals(name))
                .findFirst().orElseThrow().getId());
    }

    @Test
    void createSolveReadPublish() throws Exception {
        LocalDate start = monday(0);
        long id = create("""
                {"startDate":"%s","days":7,"teams":["Comet (evening)"],"weights":{"Over-coverage":"0hard/0medium/2soft"}}"""
                .formatted(start));
        JsonNode before = json(call(get("/api/rosters/" + id + "/status")).andExpect(status().isOk()).andReturn());
        assertThat(before.get("solving").asBoolean()).isFalse();
        assertThat(before.get("state").asText()).isEqualTo("DRAFT");
        assertThat(before.get("coveredShare").asDouble()).as("nobody works yet").isZero();
        // not solved yet: publishing is refused
        call(post("/api/rosters/" + id + "/publish")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("not been solved")));

        JsonNode s = solveAndWait(id, 6);
        String score = s.get("score").asText();
        assertThat(score).matches("-?\\d+hard/-?\\d+medium/-?\\d+soft");
        assertThat(score).isEqualTo(s.get("hard").asInt() + "hard/" + s.get("medium").asLong() + "medium/"
                + s.get("soft").asLong() + "soft");
        double covered = s.get("coveredShare").asDouble();
        assertThat(covered).isGreaterThan(0).isLessThanOrEqualTo(1);
        // aiming at the service level (the default): the projected share of the forecast calls answered in time
        assertThat(s.get("coverageAim").asText()).isEqualTo("SERVICE_LEVEL");
        assertThat(before.get("serviceLevel").asDouble()).as("nobody works yet").isZero();
        assertThat(s.get("serviceLevel").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
        long hardPenalty = 0;
        for (JsonNode c : s.get("constraints")) {
            assertThat(c.get("name").asText()).isNotBlank();
            assertThat(c.get("level").asText()).isIn("hard", "medium", "soft");
            assertThat(c.get("penalty").asLong()).isNotNegative();
            assertThat(c.get("matches").asInt()).isNotNegative();
            if (c.get("level").asText().equals("hard")) {
                hardPenalty += c.get("penalty").asLong();
            }
        }
        assertThat(-hardPenalty).isEqualTo(s.get("hard").asLong());
        JsonNode roster = json(call(get("/api/rosters/" + id)).andExpect(status().isOk()).andReturn());
        assertThat(roster.get("weights").get("Over-coverage").asText()).isEqualTo("0hard/0medium/2soft");
        assertThat(roster.get("weights").get("Minimum rest between shifts").asText()).isEqualTo("1hard/0medium/0soft");

        // one row per worked day of the team's operators, inside the period, start/end with Moscow's offset
        Map<String, Operator> comet = new HashMap<>();
        long cometId = teamId("Comet (evening)");
        SystemAuthentication.callAsSystem(() -> {
            operators.list().stream().filter(o -> Long.valueOf(cometId).equals(o.getTeamId())).forEach(o -> comet.put(o.getEmployeeNumber(), o));
            return null;
        });
        List<CSVRecord> rows = csv(id);
        assertThat(rows).isNotEmpty();
        Set<String> seen = new java.util.HashSet<>();
        for (CSVRecord row : rows) {
            assertThat(comet).containsKey(row.get("employee_number"));
            assertThat(seen.add(row.get("employee_number") + row.get("date"))).as("one row per worked day").isTrue();
            LocalDate date = LocalDate.parse(row.get("date"));
            assertThat(date).isBetween(start, start.plusDays(6));
            OffsetDateTime from = OffsetDateTime.parse(row.get("start"));
            OffsetDateTime to = OffsetDateTime.parse(row.get("end"));
            assertThat(from.getOffset().getId()).isEqualTo("+03:00");
            assertThat(from.atZoneSameInstant(MOSCOW).toLocalDate()).isEqualTo(date);
            assertThat(to).isAfter(from);
            assertThat(row.get("queue")).isNotBlank();
            if (!row.get("break_start").isEmpty()) {
                assertThat(OffsetDateTime.parse(row.get("break_start"))).isAfterOrEqualTo(from);
                assertThat(OffsetDateTime.parse(row.get("break_end"))).isBeforeOrEqualTo(to);
            }
        }
        JsonNode explanation = json(call(get("/api/rosters/" + id + "/explanation")).andExpect(status().isOk()).andReturn());
        assertThat(explanation.isArray()).isTrue();
        for (JsonNode b : explanation) {
            assertThat(b.get("text").asText()).isNotBlank();
            assertThat(b.get("rule").asText()).isNotBlank();
        }

        boolean force = s.get("hard").asInt() < 0;
        call(post("/api/rosters/" + id + "/publish").param("force", String.valueOf(force)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PUBLISHED"))
                .andExpect(jsonPath("$.publishedBy").value("roster-planner"));
        call(post("/api/rosters/" + id + "/publish")).andExpect(status().isConflict());
        call(post("/api/rosters/" + id + "/solve").param("seconds", "2")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("published")));
    }

    @Test
    void refusalsAreInTheRequestsLanguage() throws Exception {
        call(get("/api/rosters/987654/status").header(HttpHeaders.ACCEPT_LANGUAGE, "ru-RU,ru;q=0.9"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("Не найдено: График 987654"))
                .andExpect(jsonPath("$.detail").value("Не найдено: График 987654"));
        String zeroDays = "{\"startDate\":\"%s\",\"days\":0}".formatted(monday(0));
        call(post("/api/rosters").header(HttpHeaders.ACCEPT_LANGUAGE, "ru").contentType(MediaType.APPLICATION_JSON)
                .content(zeroDays))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("days"))
                .andExpect(jsonPath("$.errors[0].reason").value("Планируйте от 1 до 42 дней"))
                .andExpect(jsonPath("$.message").value("Запрос неверен: days: Планируйте от 1 до 42 дней"));
        call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON).content(zeroDays))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value("Plan 1 to 42 days"))
                .andExpect(jsonPath("$.message").value("The request is invalid: days: Plan 1 to 42 days"));
        call(post("/api/rosters").header(HttpHeaders.ACCEPT_LANGUAGE, "ru").contentType(MediaType.APPLICATION_JSON)
                .content("{\"startDate\":\"2026-13-01\",\"days\":7}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value("«2026-13-01» — не дата: пишите ГГГГ-ММ-ДД, например 2026-12-07"));
        call(post("/api/rosters").header(HttpHeaders.ACCEPT_LANGUAGE, "de").contentType(MediaType.APPLICATION_JSON)
                .content(zeroDays))
                .andExpect(jsonPath("$.errors[0].reason").value("Plan 1 to 42 days"));

        long id = create("{\"startDate\":\"%s\",\"days\":1,\"teams\":[\"Aurora (day)\"]}".formatted(monday(1)));
        call(post("/api/rosters/" + id + "/stop").header(HttpHeaders.ACCEPT_LANGUAGE, "ru"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("График " + id + " сейчас не рассчитывается"));
        call(post("/api/rosters/" + id + "/stop")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("Roster " + id + " is not being solved"));
    }

    @Test
    void refusesBadRequestsWithAReason() throws Exception {
        call(get("/api/rosters/987654/status")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("Roster 987654 does not exist"));
        call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON).content("{\"startDate\":\"2026-13-01\",\"days\":7}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startDate"));
        call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON).content("{\"days\":7}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startDate"));
        call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON)
                .content("{\"startDate\":\"%s\",\"days\":0}".formatted(monday(0))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON)
                .content("{\"startDate\":\"%s\",\"teams\":[\"No such team\"]}".formatted(monday(0))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("teams"));
        call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON)
                .content("{\"startDate\":\"%s\",\"weights\":{\"Be nice\":\"0hard/0medium/1soft\"}}".formatted(monday(0))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("weights"));
        call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON)
                .content("{\"startDate\":\"%s\",\"coverageAim\":\"SMILES\"}".formatted(monday(0))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("coverageAim"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("SERVICE_LEVEL")));
        call(get("/api/rosters/abc/status")).andExpect(status().isBadRequest());
        // planners and admins change rosters, managers read them, operators neither
        mvc.perform(get("/api/rosters").with(httpBasic("roster-operator", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/rosters").with(httpBasic("roster-manager", PASSWORD))).andExpect(status().isOk());
        mvc.perform(post("/api/rosters").with(httpBasic("roster-manager", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"startDate\":\"%s\",\"days\":7}".formatted(monday(1)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/rosters")).andExpect(status().isUnauthorized());

        long id = create("{\"startDate\":\"%s\",\"days\":7,\"teams\":[\"Aurora (day)\"],\"coverageAim\":\"operators\"}"
                .formatted(monday(1)));
        JsonNode byOperators = json(call(get("/api/rosters/" + id)).andExpect(status().isOk()).andReturn());
        assertThat(byOperators.get("coverageAim").asText()).isEqualTo("OPERATORS");
        assertThat(byOperators.get("serviceLevel").isNull()).as("not projected when weighing operators").isTrue();
        call(post("/api/rosters/" + id + "/stop")).andExpect(status().isConflict());
        call(post("/api/rosters/" + id + "/solve").param("seconds", "0")).andExpect(status().isBadRequest());
        call(post("/api/rosters/" + id + "/solve").param("seconds", "60")).andExpect(status().isAccepted());
        call(post("/api/rosters/" + id + "/solve").param("seconds", "60")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("already being solved")));
        call(post("/api/rosters/" + id + "/publish")).andExpect(status().isConflict());
        Thread.sleep(3000);
        long began = System.nanoTime();
        call(post("/api/rosters/" + id + "/stop")).andExpect(status().isAccepted());
        JsonNode done = waitUntilDone(id);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("stopped long before the 60 s").isLessThan(Duration.ofSeconds(30));
        assertThat(done.get("score").asText()).doesNotContain("init");
        assertThat(csv(id)).isNotEmpty();
    }

    /** One solve runs at a time; a second one waits in line, and stopping it there ends it at once. */
    @Test
    void aSolveWaitingInLineCanBeStopped() throws Exception {
        long running = create("{\"startDate\":\"%s\",\"days\":7,\"teams\":[\"Borealis (day)\"]}".formatted(monday(3)));
        long waiting = create("{\"startDate\":\"%s\",\"days\":7,\"teams\":[\"Comet (evening)\"]}".formatted(monday(3)));
        call(post("/api/rosters/" + running + "/solve").param("seconds", "60")).andExpect(status().isAccepted());
        call(post("/api/rosters/" + waiting + "/solve").param("seconds", "60")).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.solving").value(true))
                .andExpect(jsonPath("$.solverStatus").value("SOLVING_SCHEDULED"));
        call(post("/api/rosters/" + waiting + "/stop")).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.solving").value(false));
        // not stuck: it can be solved again later, and the running one is untouched
        call(get("/api/rosters/" + running + "/status")).andExpect(jsonPath("$.solving").value(true));
        call(post("/api/rosters/" + running + "/stop")).andExpect(status().isAccepted());
        waitUntilDone(running);
        solveAndWait(waiting, 2);
    }

    /**
     * Publishing week 1 of the night team, then planning from its fourth day: the published days stay exactly as
     * published (pinned), the rest after week 1's last nights is respected across the new period's start, and
     * publishing the second roster supersedes the first, which stays readable.
     */
    @Test
    void publishedDaysArePinnedAndRestHoldsAcrossThePeriodStart() throws Exception {
        LocalDate start = monday(2);
        long first = create("{\"startDate\":\"%s\",\"days\":7,\"teams\":[\"Owls (night)\"]}".formatted(start));
        JsonNode s1 = solveAndWait(first, 5);
        call(post("/api/rosters/" + first + "/publish").param("force", String.valueOf(s1.get("hard").asInt() < 0)))
                .andExpect(status().isOk());
        Map<String, CSVRecord> published = new HashMap<>();
        for (CSVRecord r : csv(first)) {
            published.put(r.get("employee_number") + "@" + r.get("date"), r);
        }

        long second = create("{\"startDate\":\"%s\",\"days\":7,\"teams\":[\"Owls (night)\"]}".formatted(start.plusDays(4)));
        // right after creation the published days 4-6 of the first roster are already there
        List<String> pinnedBefore = keysFrom(csv(second), start.plusDays(4), start.plusDays(6));
        List<String> expected = published.keySet().stream()
                .filter(k -> !LocalDate.parse(k.substring(k.indexOf('@') + 1)).isBefore(start.plusDays(4))).sorted().toList();
        assertThat(pinnedBefore).containsExactlyElementsOf(expected);

        JsonNode s2 = solveAndWait(second, 5);
        List<CSVRecord> rows = csv(second);
        for (CSVRecord r : rows) {
            LocalDate date = LocalDate.parse(r.get("date"));
            String key = r.get("employee_number") + "@" + date;
            if (date.isBefore(start.plusDays(7))) {
                assertThat(published).as("day %s was off in the published roster", key).containsKey(key);
                assertThat(r.get("start")).isEqualTo(published.get(key).get("start"));
                assertThat(r.get("shift_template")).isEqualTo(published.get(key).get("shift_template"));
            }
        }
        assertThat(keysFrom(rows, start.plusDays(4), start.plusDays(6))).containsExactlyElementsOf(expected);

        // rest: between week 1's published shifts and the new roster's shifts, per operator, the contract's minimum
        // (the period minimum of hours may be out of reach with three pinned days, the rest rules are not)
        for (JsonNode c : s2.get("constraints")) {
            if (c.get("name").asText().contains("rest") || c.get("name").asText().contains("Rest")) {
                assertThat(c.get("penalty").asLong()).as(c.toString()).isZero();
            }
        }
        {
            Map<String, Integer> restByEmployee = new HashMap<>();
            SystemAuthentication.callAsSystem(() -> {
                Map<Long, Contract> byId = new HashMap<>();
                contracts.list().forEach(c -> byId.put(c.getId(), c));
                operators.list().forEach(o -> {
                    if (o.getContractId() != null) {
                        restByEmployee.put(o.getEmployeeNumber(), byId.get(o.getContractId()).getMinRestMinutes());
                    }
                });
                return null;
            });
            Map<String, List<CSVRecord>> all = new HashMap<>();
            published.values().forEach(r -> all.computeIfAbsent(r.get("employee_number"), k -> new ArrayList<>()).add(r));
            rows.stream().filter(r -> !LocalDate.parse(r.get("date")).isBefore(start.plusDays(7)))
                    .forEach(r -> all.computeIfAbsent(r.get("employee_number"), k -> new ArrayList<>()).add(r));
            for (var e : all.entrySet()) {
                List<CSVRecord> shifts = new ArrayList<>(e.getValue());
                shifts.sort(java.util.Comparator.comparing(r -> OffsetDateTime.parse(r.get("start"))));
                for (int i = 1; i < shifts.size(); i++) {
                    long rest = Duration.between(OffsetDateTime.parse(shifts.get(i - 1).get("end")),
                            OffsetDateTime.parse(shifts.get(i).get("start"))).toMinutes();
                    assertThat(rest).as("rest of %s before %s", e.getKey(), shifts.get(i).get("date"))
                            .isGreaterThanOrEqualTo(restByEmployee.get(e.getKey()));
                }
            }
        }

        call(post("/api/rosters/" + second + "/publish").param("force", String.valueOf(s2.get("hard").asInt() < 0)))
                .andExpect(status().isOk());
        call(get("/api/rosters/" + first)).andExpect(jsonPath("$.state").value("SUPERSEDED"))
                .andExpect(jsonPath("$.supersededBy").value(second));
        assertThat(csv(first)).hasSize(published.size());
    }

    private static List<String> keysFrom(List<CSVRecord> rows, LocalDate from, LocalDate to) {
        return rows.stream().filter(r -> {
            LocalDate d = LocalDate.parse(r.get("date"));
            return !d.isBefore(from) && !d.isAfter(to);
        }).map(r -> r.get("employee_number") + "@" + r.get("date")).sorted().toList();
    }
}
