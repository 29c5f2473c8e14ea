package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.RuleViolation;
import org.switchboard.shared.SystemAuthentication;
import tools.jackson.databind.JsonNode;

/**
 * Manual edits checked with the solver's own rules (clean, refused with the rule in words and nothing stored, forced,
 * day off, pinned days kept by the next solve, unpin), the publish preview and the {@link RosterPublished} event,
 * stale drafts, the no-demand warning, who may read and edit, and the Excel export parsed back. Real solver and
 * database against the demo center.
 */
@SpringBootTest
@RecordApplicationEvents
class RosterEditsTest {

    static final String PASSWORD = RosterApiTest.PASSWORD;
    static final String NIGHT_RULE = "Night shift for an operator who may not work nights";

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAccountService accounts;
    @Autowired
    OperatorService operators;
    @Autowired
    ContractService contracts;
    @Autowired
    RosterService rosters;
    @Autowired
    RosterEdits edits;
    @Autowired
    RosterPublishing publishing;
    @Autowired
    ApplicationEvents events;
    @Autowired
    RosterStore store;
    @Autowired
    ShiftKindRules kindRules;
    @Autowired
    org.switchboard.demand.QueueService queues;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

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

    static <T> T system(Supplier<T> work) {
        return SystemAuthentication.callAsSystem(work);
    }

    MvcResult call(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return mvc.perform(request.with(httpBasic("roster-planner", PASSWORD)))
                .andExpect(status().is(expectedStatus)).andReturn();
    }

    static JsonNode json(MvcResult r) throws Exception {
        return RosterApiTest.json(r);
    }

    long create(String team, LocalDate start, int days, boolean keepPublished) throws Exception {
        MvcResult r = call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON).content("""
                {"startDate":"%s","days":%d,"teams":["%s"],"keepPublished":%s}""".formatted(start, days, team, keepPublished)),
                201);
        return json(r).get("id").asLong();
    }

    JsonNode solve(long id, int seconds) throws Exception {
        call(post("/api/rosters/" + id + "/solve").param("seconds", String.valueOf(seconds)), 202);
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode s = json(call(get("/api/rosters/" + id + "/status"), 200));
            if (!s.get("solving").asBoolean()) {
                return s;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("still solving");
    }

    MvcResult putDay(long id, String employee, LocalDate date, String body, String language, int expected) throws Exception {
        MockHttpServletRequestBuilder request = put("/api/rosters/" + id + "/days/" + employee + "/" + date)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (language != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return call(request, expected);
    }

    Map<String, AssignmentRow> days(long id) {
        Map<String, AssignmentRow> out = new HashMap<>();
        system(() -> rosters.assignments(id)).forEach(a -> out.put(a.employeeNumber() + "@" + a.date(), a));
        return out;
    }

    Map<String, Operator> byNumber() {
        Map<String, Operator> out = new HashMap<>();
        system(() -> operators.list()).forEach(o -> out.put(o.getEmployeeNumber(), o));
        return out;
    }

    @Test
    void editsAreCheckedWithTheSolversRulesPinnedAndKeptBySolving() throws Exception {
        LocalDate start = RosterApiTest.monday(4);
        long id = create("Aurora (day)", start, 7, true);
        solve(id, 4);
        Map<String, AssignmentRow> before = days(id);
        Map<String, Operator> ops = byNumber();
        Set<String> withHardBreaches = new java.util.HashSet<>();
        system(() -> rosters.explanation(id)).stream().filter(b -> "hard".equals(b.level()) && b.employeeNumber() != null)
                .forEach(b -> withHardBreaches.add(b.employeeNumber()));
        // a day shift of an operator without hard breaches, moved to another start of its window
        AssignmentRow shift = before.values().stream()
                .filter(a -> a.shiftTemplate().equals("D07") && !withHardBreaches.contains(a.employeeNumber())
                        && !ops.get(a.employeeNumber()).isNightEligible())
                .min(java.util.Comparator.comparing(AssignmentRow::employeeNumber).thenComparing(AssignmentRow::date))
                .orElseThrow();
        String employee = shift.employeeNumber();
        LocalTime newStart = shift.start().toLocalTime().equals(LocalTime.of(8, 0)) ? LocalTime.of(9, 0) : LocalTime.of(8, 0);
        DayEdit clean = new DayEdit("D07", newStart, shift.queue(), false);
        List<RuleViolation> none = system(() -> edits.check(id, employee, shift.date(), clean, Locale.ENGLISH));
        assertThat(none).as("moving a day shift by an hour breaks no hard rule").isEmpty();
        JsonNode stored = json(putDay(id, employee, shift.date(), """
                {"shiftTemplate":"D07","start":"%s","queue":"%s"}""".formatted(newStart, shift.queue()), null, 200));
        assertThat(stored.get("pinned").asBoolean()).isTrue();
        assertThat(stored.get("dayOff").asBoolean()).isFalse();
        assertThat(stored.get("shiftTemplate").asText()).isEqualTo("D07");
        assertThat(stored.get("queue").asText()).isEqualTo(shift.queue());
        OffsetDateTime storedStart = OffsetDateTime.parse(stored.get("start").asText());
        assertThat(storedStart.toLocalTime()).isEqualTo(newStart);
        assertThat(storedStart.getOffset().getId()).isEqualTo("+03:00");
        assertThat(OffsetDateTime.parse(stored.get("breakStart").asText())).as("the break placed")
                .isAfter(storedStart).isBefore(OffsetDateTime.parse(stored.get("end").asText()));
        assertThat(days(id).get(employee + "@" + shift.date()).start().toLocalTime()).isEqualTo(newStart);

        // a night shift for an operator who may not work nights: refused in words, nothing stored
        LocalDate other = shift.date().equals(start) ? start.plusDays(1) : start;
        AssignmentRow otherBefore = before.get(employee + "@" + other);
        JsonNode refused = json(putDay(id, employee, other, "{\"shiftTemplate\":\"N22\",\"start\":\"22:00\"}", null, 422));
        assertThat(refused.get("violations").isArray()).isTrue();
        List<String> rules = new ArrayList<>();
        refused.get("violations").forEach(v -> rules.add(v.get("rule").asText()));
        assertThat(rules).contains(NIGHT_RULE);
        JsonNode night = null;
        for (JsonNode v : refused.get("violations")) {
            if (v.get("rule").asText().equals(NIGHT_RULE)) {
                night = v;
            }
        }
        assertThat(night.get("message").asText()).contains("may not work nights").contains("N22");
        assertThat(refused.get("message").asText()).isNotBlank();
        AssignmentRow afterRefusal = days(id).get(employee + "@" + other);
        assertThat(afterRefusal == null ? null : afterRefusal.shiftTemplate())
                .isEqualTo(otherBefore == null ? null : otherBefore.shiftTemplate());
        assertThat(system(() -> edits.pins(id))).extracting(PinnedDay::date).doesNotContain(other);
        // in Russian
        JsonNode russian = json(putDay(id, employee, other, "{\"shiftTemplate\":\"N22\",\"start\":\"22:00\"}", "ru-RU", 422));
        String ru = "";
        for (JsonNode v : russian.get("violations")) {
            if (v.get("rule").asText().equals(NIGHT_RULE)) {
                ru = v.get("message").asText();
            }
        }
        assertThat(ru).contains("не допущен к ночной работе").contains(other.format(
                java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));

        // forced: stored and pinned
        JsonNode forced = json(putDay(id, employee, other,
                "{\"shiftTemplate\":\"N22\",\"start\":\"22:00\",\"force\":true}", null, 200));
        assertThat(forced.get("pinned").asBoolean()).isTrue();
        assertThat(forced.get("shiftTemplate").asText()).isEqualTo("N22");
        JsonNode status = json(call(get("/api/rosters/" + id + "/status"), 200));
        assertThat(status.get("score").asText()).isEqualTo(status.get("hard").asInt() + "hard/"
                + status.get("medium").asLong() + "medium/" + status.get("soft").asLong() + "soft");
        // the forced breach stays visible in the roster's score and explanation (publishing then needs force)
        assertThat(status.get("hard").asInt()).isNegative();
        List<String> broken = new ArrayList<>();
        json(call(get("/api/rosters/" + id + "/explanation"), 200)).forEach(b -> broken.add(b.get("rule").asText()));
        assertThat(broken).contains(NIGHT_RULE);

        // a day off, forced (a day less may leave the period's hours short)
        AssignmentRow third = before.values().stream().filter(a -> !a.employeeNumber().equals(employee))
                .min(java.util.Comparator.comparing(AssignmentRow::employeeNumber).thenComparing(AssignmentRow::date))
                .orElseThrow();
        JsonNode off = json(putDay(id, third.employeeNumber(), third.date(), "{\"dayOff\":true,\"force\":true}", null, 200));
        assertThat(off.get("dayOff").asBoolean()).isTrue();
        assertThat(off.get("pinned").asBoolean()).isTrue();
        assertThat(days(id)).doesNotContainKey(third.employeeNumber() + "@" + third.date());
        List<PinnedDay> pins = system(() -> edits.pins(id));
        assertThat(pins).extracting(p -> p.employeeNumber() + "@" + p.date() + "@" + p.dayOff()).containsExactlyInAnyOrder(
                employee + "@" + shift.date() + "@false", employee + "@" + other + "@false",
                third.employeeNumber() + "@" + third.date() + "@true");

        // managers read but do not edit
        mvc.perform(get("/api/rosters/" + id + "/status").with(httpBasic("roster-manager", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/rosters/" + id + "/explanation").with(httpBasic("roster-manager", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/rosters/" + id + "/days/" + employee + "/" + other).with(httpBasic("roster-manager", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"dayOff\":true}")).andExpect(status().isForbidden());

        // the next solve keeps every pinned day
        solve(id, 3);
        Map<String, AssignmentRow> after = days(id);
        assertThat(after.get(employee + "@" + shift.date()).start().toLocalTime()).isEqualTo(newStart);
        assertThat(after.get(employee + "@" + other).shiftTemplate()).isEqualTo("N22");
        assertThat(after).doesNotContainKey(third.employeeNumber() + "@" + third.date());

        // unpin
        call(delete("/api/rosters/" + id + "/days/" + employee + "/" + other + "/pin"), 204);
        // by operator and date: another operator's pin (the forced day off) may fall on the same date
        assertThat(system(() -> edits.pins(id))).extracting(p -> p.employeeNumber() + "@" + p.date())
                .doesNotContain(employee + "@" + other).contains(employee + "@" + shift.date());
        call(delete("/api/rosters/" + id + "/days/" + employee + "/" + other + "/pin"), 404);

        // the explanation in Russian
        JsonNode explanation = json(call(get("/api/rosters/" + id + "/explanation").header(HttpHeaders.ACCEPT_LANGUAGE, "ru"), 200));
        assertThat(explanation.size()).isPositive();
        for (JsonNode b : explanation) {
            assertThat(b.get("text").asText()).isNotBlank().doesNotStartWith("!").matches("(?s).*[а-яА-Я].*");
        }
        JsonNode english = json(call(get("/api/rosters/" + id + "/explanation"), 200));
        assertThat(english.get(0).get("text").asText()).doesNotContain("!rule").matches("(?s)[^а-яА-Я]*");
    }

    @Test
    void aSolvePreparedBeforeAnEditDoesNotStartOverIt() throws Exception {
        LocalDate start = RosterApiTest.monday(4);
        long id = create("Borealis (day)", start, 7, true);
        Map<Long, Operator> byId = new HashMap<>();
        system(() -> operators.list()).forEach(o -> byId.put(o.getId(), o));
        String number = byId.get(store.operatorIds(id).getFirst()).getEmployeeNumber();
        // a solve job reads the version, then builds its problem; an edit commits in between
        int readBySolve = store.version(id);
        putDay(id, number, start, "{\"dayOff\":true,\"force\":true}", null, 200);
        assertThat(store.version(id)).isGreaterThan(readBySolve);
        assertThat(store.solveRequested(id, 5, java.time.Instant.now(), "test-job")).isTrue();
        assertThat(store.solveBegan(id, readBySolve, "test-node", java.time.Instant.now()))
                .as("the solve's problem lacks the edit: its solver must not begin (the job builds it again)").isFalse();
        // while the solve is asked for, edits and unpins wait for it (409)
        putDay(id, number, start, "{\"dayOff\":true,\"force\":true}", null, 409);
        call(delete("/api/rosters/" + id + "/days/" + number + "/" + start + "/pin"), 409);
        // with the current version it begins (and is marked ended again, nothing runs)
        assertThat(store.solveBegan(id, store.version(id), "test-node", java.time.Instant.now())).isTrue();
        assertThat(store.solveEnded(id, java.time.Instant.now(), "stopped")).isTrue();
        // an unpin counts as a change too
        int beforeUnpin = store.version(id);
        call(delete("/api/rosters/" + id + "/days/" + number + "/" + start + "/pin"), 204);
        assertThat(store.solveRequested(id, 5, java.time.Instant.now(), "test-job-2")).isTrue();
        assertThat(store.solveBegan(id, beforeUnpin, "test-node", java.time.Instant.now())).isFalse();
        store.solveEnded(id, java.time.Instant.now(), "stopped");
    }

    @Test
    void editRequestsAreValidated() throws Exception {
        LocalDate start = RosterApiTest.monday(4);
        long id = create("Borealis (day)", start, 7, true);
        Map<Long, Operator> byId = new HashMap<>();
        system(() -> operators.list()).forEach(o -> byId.put(o.getId(), o));
        String number = byId.get(store.operatorIds(id).getFirst()).getEmployeeNumber();
        putDay(id, number, start, "{\"shiftTemplate\":\"XX9\",\"start\":\"08:00\"}", null, 400);
        putDay(id, number, start, "{\"shiftTemplate\":\"D07\",\"start\":\"06:00\"}", null, 400);
        putDay(id, number, start, "{\"shiftTemplate\":\"D07\",\"start\":\"08:00\",\"queue\":\"NOPE\"}", null, 400);
        putDay(id, number, start.plusDays(7), "{\"dayOff\":true}", null, 400);
        putDay(id, "no-such-operator", start, "{\"dayOff\":true}", null, 404);
        JsonNode badTime = json(putDay(id, number, start, "{\"shiftTemplate\":\"D07\",\"start\":\"8 утра\"}", "ru", 400));
        assertThat(badTime.get("errors").get(0).get("field").asText()).isEqualTo("start");
        assertThat(badTime.get("errors").get(0).get("reason").asText()).contains("не время");
        JsonNode unknown = json(putDay(id, number, start, "{\"shiftTemplate\":\"XX9\"}", "ru", 400));
        assertThat(unknown.get("errors").get(0).get("reason").asText()).isEqualTo("Нет активного шаблона смены «XX9»");
        call(put("/api/rosters/" + id + "/days/" + number + "/" + start).contentType(MediaType.APPLICATION_JSON), 400);
        assertThat(system(() -> edits.pins(id))).isEmpty();
    }

    @Test
    void publishPreviewListsNewChangedAndRemovedShiftsAndPublishingIsAnEvent() throws Exception {
        LocalDate start = RosterApiTest.monday(4);
        long first = create("Comet (evening)", start, 7, true);
        JsonNode s = solve(first, 3);
        Map<String, AssignmentRow> solved = days(first);
        PublishPreview all = system(() -> publishing.publishPreview(first));
        assertThat(all.newShifts()).isEqualTo(solved.size());
        assertThat(all.changedShifts()).isZero();
        assertThat(all.removedShifts()).isZero();
        JsonNode preview = json(call(get("/api/rosters/" + first + "/publish-preview"), 200));
        assertThat(preview.get("newShifts").asInt()).isEqualTo(solved.size());
        assertThat(preview.get("changes").get(0).get("kind").asText()).isEqualTo("NEW");
        assertThat(preview.get("changes").get(0).get("after").get("start").asText()).contains("+03:00");

        events.clear();
        call(post("/api/rosters/" + first + "/publish").param("force", String.valueOf(s.get("hard").asInt() < 0)), 200);
        List<RosterPublished> published = events.stream(RosterPublished.class).toList();
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().rosterId()).isEqualTo(first);
        assertThat(published.getFirst().startDate()).isEqualTo(start);
        assertThat(published.getFirst().days()).isEqualTo(7);
        assertThat(published.getFirst().operatorIds()).isNotEmpty();

        // a replanning draft starts as published: nothing to publish until it is edited
        long second = create("Comet (evening)", start, 7, false);
        assertThat(system(() -> publishing.publishPreview(second)).changes()).isEmpty();
        List<AssignmentRow> rows = new ArrayList<>(solved.values());
        rows.sort(java.util.Comparator.comparing(AssignmentRow::employeeNumber).thenComparing(AssignmentRow::date));
        AssignmentRow removed = rows.get(0);
        // the demo's templates with a start window, by their latest start
        Map<String, Integer> latest = Map.of("D07", 10, "P08", 10, "E12", 15, "P18", 20);
        AssignmentRow changed = rows.stream().filter(a -> !a.employeeNumber().equals(removed.employeeNumber())
                && latest.containsKey(a.shiftTemplate())).findFirst().orElseThrow();
        LocalTime was = changed.start().toLocalTime();
        LocalTime moved = was.getHour() < latest.get(changed.shiftTemplate()) ? was.plusHours(1) : was.minusHours(1);
        // a day off of a third operator
        String third = rows.stream().map(AssignmentRow::employeeNumber)
                .filter(e -> !e.equals(removed.employeeNumber()) && !e.equals(changed.employeeNumber())).findFirst().orElseThrow();
        LocalDate freeDay = java.util.stream.IntStream.range(0, 7).mapToObj(start::plusDays)
                .filter(d -> !solved.containsKey(third + "@" + d)).findFirst().orElseThrow();
        putDay(second, removed.employeeNumber(), removed.date(), "{\"dayOff\":true,\"force\":true}", null, 200);
        putDay(second, changed.employeeNumber(), changed.date(), """
                {"shiftTemplate":"%s","start":"%s","queue":"%s","force":true}""".formatted(changed.shiftTemplate(), moved,
                changed.queue()), null, 200);
        putDay(second, third, freeDay, "{\"shiftTemplate\":\"E12\",\"start\":\"12:00\",\"force\":true}", null, 200);
        PublishPreview diff = system(() -> publishing.publishPreview(second));
        assertThat(diff.newShifts()).isEqualTo(1);
        assertThat(diff.changedShifts()).isEqualTo(1);
        assertThat(diff.removedShifts()).isEqualTo(1);
        assertThat(diff.operators()).isEqualTo(3);
        Map<PublishPreview.Kind, PublishPreview.Change> byKind = new HashMap<>();
        diff.changes().forEach(c -> byKind.put(c.kind(), c));
        assertThat(byKind.get(PublishPreview.Kind.REMOVED).employeeNumber()).isEqualTo(removed.employeeNumber());
        assertThat(byKind.get(PublishPreview.Kind.REMOVED).after()).isNull();
        assertThat(byKind.get(PublishPreview.Kind.REMOVED).before().start()).isEqualTo(removed.start());
        PublishPreview.Change c = byKind.get(PublishPreview.Kind.CHANGED);
        assertThat(c.before().start().toLocalTime()).isEqualTo(changed.start().toLocalTime());
        assertThat(c.after().start().toLocalTime()).isEqualTo(moved);
        assertThat(c.after().queue()).isEqualTo(changed.queue());
        assertThat(byKind.get(PublishPreview.Kind.NEW).date()).isEqualTo(freeDay);
        assertThat(byKind.get(PublishPreview.Kind.NEW).before()).isNull();
        assertThat(byKind.get(PublishPreview.Kind.NEW).after().shiftTemplate()).isEqualTo("E12");

        // what is published is what the confirmation showed: an edit after the preview makes publishing refuse
        putDay(second, third, freeDay, "{\"dayOff\":true,\"force\":true}", null, 200);
        JsonNode refused = json(call(post("/api/rosters/" + second + "/publish").param("force", "true")
                .param("version", String.valueOf(diff.version())), 409));
        assertThat(refused.get("message").asText()).contains("changed since its changes were shown");
        PublishPreview fresh = system(() -> publishing.publishPreview(second));
        assertThat(fresh.newShifts()).isZero();
        assertThat(fresh.version()).isGreaterThan(diff.version());
        // with the fresh version the preview check passes and the next rule speaks (this draft was never solved)
        JsonNode unsolved = json(call(post("/api/rosters/" + second + "/publish").param("force", "true")
                .param("version", String.valueOf(fresh.version())), 409));
        assertThat(unsolved.get("message").asText()).doesNotContain("changed since").contains("not been solved");
    }

    @Test
    void aDraftSaysWhenItsInputsChangedAfterItWasSolved() throws Exception {
        LocalDate start = RosterApiTest.monday(3);
        long id = create("Owls (night)", start, 3, true);
        assertThat(system(() -> rosters.status(id)).stale()).isFalse();
        Operator owl = system(() -> {
            long team = rosters.get(id).teamIds().getFirst();
            return operators.list().stream().filter(o -> Long.valueOf(team).equals(o.getTeamId())).findFirst().orElseThrow();
        });
        system(() -> operators.save(operators.get(owl.getId())));
        assertThat(waitForStale(id)).as("stale after an operator was saved").isTrue();
        assertThat(system(() -> rosters.get(id)).inputsChangedAt()).isNotNull();

        long later = create("Owls (night)", start, 3, true);
        assertThat(system(() -> rosters.status(later)).stale()).isFalse();
        solve(later, 2);
        assertThat(system(() -> rosters.status(later)).stale()).isFalse();
        Contract contract = system(() -> contracts.get(owl.getContractId()));
        system(() -> contracts.save(contract));
        assertThat(waitForStale(later)).as("stale after a contract was saved").isTrue();
        assertThat(json(call(get("/api/rosters/" + later + "/status"), 200)).get("stale").asBoolean()).isTrue();

        // requirements recomputed (a forecast changed): only drafts whose period overlaps the change
        long forecastNear = create("Owls (night)", start, 3, true);
        long forecastFar = create("Owls (night)", RosterApiTest.monday(30), 3, true);
        long queue = system(() -> queues.list().getFirst().getId());
        java.time.Instant from = start.atStartOfDay(RosterApiTest.MOSCOW).toInstant();
        SystemAuthentication.runAsSystem(() -> transactions.executeWithoutResult(t -> publisher.publishEvent(
                new org.switchboard.demand.forecast.ForecastChanged(queue, from, from.plus(java.time.Duration.ofDays(1))))));
        assertThat(waitForStale(forecastNear)).as("stale after its requirements changed").isTrue();
        assertThat(system(() -> rosters.status(forecastFar)).stale()).as("another period").isFalse();
    }

    private boolean waitForStale(long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (system(() -> rosters.status(id)).stale()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void aPeriodWithoutRequirementsWarnsAndHasNoCoveredShare() throws Exception {
        LocalDate far = RosterApiTest.monday(30);
        MvcResult r = call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON)
                .content("{\"startDate\":\"%s\",\"days\":7,\"teams\":[\"Aurora (day)\"]}".formatted(far)), 201);
        JsonNode created = json(r);
        assertThat(created.get("warnings").size()).isEqualTo(1);
        assertThat(created.get("warnings").get(0).asText()).contains("no staffing requirements").contains("Forecast");
        assertThat(created.get("coveredShare").isNull()).isTrue();
        long id = created.get("id").asLong();
        RosterStatus status = system(() -> rosters.status(id));
        assertThat(status.requiredOperatorIntervals()).isZero();
        assertThat(status.coveredShare()).isNull();

        JsonNode russian = json(call(post("/api/rosters").header(HttpHeaders.ACCEPT_LANGUAGE, "ru")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"startDate\":\"%s\",\"days\":7,\"teams\":[\"Aurora (day)\"]}".formatted(far)), 201));
        assertThat(russian.get("warnings").get(0).asText()).contains("прогноз");

        // a period with requirements: no warning, a covered share
        JsonNode normal = json(call(post("/api/rosters").contentType(MediaType.APPLICATION_JSON)
                .content("{\"startDate\":\"%s\",\"days\":2,\"teams\":[\"Aurora (day)\"]}".formatted(RosterApiTest.monday(2))), 201));
        assertThat(normal.get("warnings").size()).isZero();
        assertThat(system(() -> rosters.status(normal.get("id").asLong())).requiredOperatorIntervals()).isPositive();
    }

    @Test
    void theWorkbookHasASheetPerWeekWithColouredShifts() throws Exception {
        LocalDate start = RosterApiTest.monday(3).plusDays(3);
        long id = create("Owls (night)", start, 7, true);
        solve(id, 3);
        // one night for sure
        Map<Long, Operator> byId = new HashMap<>();
        system(() -> operators.list()).forEach(o -> byId.put(o.getId(), o));
        String owl = byId.get(store.operatorIds(id).getFirst()).getEmployeeNumber();
        system(() -> edits.edit(id, owl, start.plusDays(1), new DayEdit("N22", LocalTime.of(22, 0), null, false), true,
                Locale.ENGLISH));
        MvcResult r = call(get("/api/rosters/" + id + "/assignments").param("format", "xlsx")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ru"), 200);
        assertThat(r.getResponse().getContentType()).isEqualTo(RosterController.XLSX.toString());
        assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("roster-" + id + ".xlsx");
        Map<String, AssignmentRow> rows = days(id);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            assertThat(book.getNumberOfSheets()).as("Thursday to Wednesday spans two ISO weeks").isEqualTo(2);
            XSSFSheet week1 = book.getSheetAt(0);
            assertThat(week1.getSheetName()).startsWith("Неделя");
            Row head = week1.getRow(0);
            assertThat(head.getCell(2).getStringCellValue()).contains(start.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM")));
            assertThat(head.getCell(2 + 4).getStringCellValue()).isEqualTo("Часы");
            assertThat(week1.getPaneInformation().isFreezePane()).isTrue();
            Set<ShiftKind> kinds = new java.util.HashSet<>();
            int worked = 0;
            double hours = 0;
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                XSSFSheet sheet = book.getSheetAt(s);
                int hoursColumn = sheet.getRow(0).getLastCellNum() - 1;
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    Row row = sheet.getRow(i);
                    for (int c = 2; c < hoursColumn; c++) {
                        Cell cell = row.getCell(c);
                        String text = cell.getStringCellValue();
                        if (text.equals("вых.")) {
                            continue;
                        }
                        worked++;
                        LocalTime from = LocalTime.parse(text.substring(0, 5));
                        LocalTime to = LocalTime.parse(text.substring(6, 11));
                        long minutes = java.time.Duration.between(from, to).toMinutes();
                        ShiftKind kind = kindRules.kindOf(from,
                                java.time.Duration.ofMinutes(minutes <= 0 ? minutes + 24 * 60 : minutes));
                        String fill = switch (kind) {
                            case DAY -> RosterExports.DAY_FILL;
                            case EVENING -> RosterExports.EVENING_FILL;
                            case NIGHT -> RosterExports.NIGHT_FILL;
                        };
                        XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
                        assertThat(style.getFillForegroundXSSFColor().getARGBHex()).as(text).endsWith(fill);
                        kinds.add(kind);
                    }
                    hours += row.getCell(hoursColumn).getNumericCellValue();
                }
            }
            assertThat(worked).isEqualTo(rows.size());
            assertThat(kinds).as("a night team works some nights").contains(ShiftKind.NIGHT);
            double paid = rows.values().stream().mapToInt(AssignmentRow::paidMinutes).sum() / 60.0;
            int operatorWeeks = 0;
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                operatorWeeks += book.getSheetAt(i).getLastRowNum();
            }
            assertThat(hours).as("hours per operator and week, rounded to 0.1 h")
                    .isCloseTo(paid, org.assertj.core.data.Offset.offset(0.05 * operatorWeeks + 0.001));
        }
        // without a format: the CSV as before
        MvcResult csv = call(get("/api/rosters/" + id + "/assignments"), 200);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        call(get("/api/rosters/" + id + "/assignments").param("format", "pdf"), 400);
        mvc.perform(get("/api/rosters/" + id + "/assignments").param("format", "xlsx")
                .with(httpBasic("roster-manager", PASSWORD))).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, org.hamcrest.Matchers.containsString(".xlsx")));
    }
}
