package org.switchboard.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.switchboard.schedule.ScheduleFixture.MOSCOW;
import static org.switchboard.schedule.ScheduleFixture.NIGHT_LOGIN;
import static org.switchboard.schedule.ScheduleFixture.PASSWORD;
import static org.switchboard.schedule.ScheduleFixture.week;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.PublishedSchedule;
import org.switchboard.rostering.PublishedSchedule.PublishedShift;
import org.switchboard.rostering.RosterService;
import org.switchboard.security.UserAccountService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/me/schedule}, {@code /api/me/calendar} and the feed {@code /calendar/{token}.ics} over HTTP. */
@SpringBootTest
class MyScheduleApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;
    @Autowired
    RosterService rosters;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PublishedSchedule published;

    MockMvc mvc;
    ScheduleFixture.Fixture fixture;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        fixture = ScheduleFixture.ensure(rosters, operators, teams, accounts, published);
    }

    MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(login, PASSWORD));
    }

    JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void ownShiftsAsJsonWithOffsets() throws Exception {
        LocalDate from = week();
        JsonNode list = json(as(NIGHT_LOGIN, get("/api/me/schedule").param("from", from.toString())
                .param("to", from.plusDays(6).toString())));
        List<PublishedShift> own = ScheduleFixture.shifts(published, fixture.night().getId(), from, from.plusDays(6));
        assertThat(list.size()).isEqualTo(own.size()).isPositive();
        boolean night = false;
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            assertThat(s.propertyNames()).containsExactlyInAnyOrder("date", "start", "end", "queue", "shiftTemplate",
                    "breakStart", "breakEnd");
            PublishedShift p = own.get(i);
            assertThat(s.get("date").asText()).isEqualTo(p.date().toString());
            assertThat(s.get("start").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+03:00");
            assertThat(OffsetDateTime.parse(s.get("start").asText()).toInstant()).isEqualTo(p.start());
            assertThat(OffsetDateTime.parse(s.get("end").asText()).toInstant()).isEqualTo(p.end());
            assertThat(s.get("queue").asText()).isEqualTo(p.queueCode());
            assertThat(s.get("shiftTemplate").asText()).isEqualTo(p.templateCode());
            if (p.mainBreak() == null) {
                assertThat(s.get("breakStart").isNull()).isTrue();
                assertThat(s.get("breakEnd").isNull()).isTrue();
            } else {
                assertThat(OffsetDateTime.parse(s.get("breakStart").asText()).toInstant()).isEqualTo(p.mainBreak().start());
                assertThat(s.get("breakEnd").asText()).endsWith("+03:00");
            }
            if (ScheduleFixture.acrossMidnight(p)) {
                assertThat(s.get("end").asText()).startsWith(p.date().plusDays(1).toString());
                night = true;
                assertThat(s.get("start").asText()).endsWith("T22:00:00+03:00");
            }
        }
        assertThat(night).as("a night shift across midnight").isTrue();
        // only the caller's own: the demo operator's week is not the night operator's
        List<PublishedShift> anna = ScheduleFixture.shifts(published, fixture.anna().getId(), from, from.plusDays(6));
        List<String> starts = new ArrayList<>();
        list.forEach(s -> starts.add(OffsetDateTime.parse(s.get("start").asText()).toInstant().toString()));
        assertThat(starts).isNotEqualTo(anna.stream().map(p -> p.start().toString()).toList());
    }

    @Test
    void defaultsToThisWeekAndTheNextFour() throws Exception {
        LocalDate monday = LocalDate.now(MOSCOW).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        JsonNode list = json(as(NIGHT_LOGIN, get("/api/me/schedule")));
        list.forEach(s -> assertThat(LocalDate.parse(s.get("date").asText())).isBetween(monday, monday.plusDays(34)));
        // the published week lies six weeks ahead: reached with an explicit range, not by default
        JsonNode later = json(as(NIGHT_LOGIN, get("/api/me/schedule").param("from", monday.toString())
                .param("to", week().plusDays(6).toString())));
        assertThat(later.size()).isGreaterThan(list.size());
    }

    @Test
    void refusesBadRangesAndUnlinkedLogins() throws Exception {
        mvc.perform(as(NIGHT_LOGIN, get("/api/me/schedule").param("from", "2026-13-01")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(as(NIGHT_LOGIN, get("/api/me/schedule").param("from", "2026-12-07").param("to", "yesterday")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(as(NIGHT_LOGIN, get("/api/me/schedule").param("from", "2026-12-07").param("to", "2026-12-06")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(as(NIGHT_LOGIN, get("/api/me/schedule").param("from", "2026-01-01").param("to", "2027-01-02")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("366")));
        mvc.perform(as(NIGHT_LOGIN, get("/api/me/schedule").param("from", "2026-01-01").param("to", "2027-01-01")))
                .andExpect(status().isOk());
        mvc.perform(as(ScheduleFixture.UNLINKED_LOGIN, get("/api/me/schedule")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("not linked to an operator")));
        mvc.perform(as(ScheduleFixture.UNLINKED_LOGIN, get("/api/me/calendar"))).andExpect(status().isNotFound());
        // in the reader's language
        mvc.perform(as(ScheduleFixture.UNLINKED_LOGIN, get("/api/me/schedule").header("Accept-Language", "ru")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("не связана с записью оператора")));
        mvc.perform(as(NIGHT_LOGIN, get("/api/me/schedule").param("from", "2026-13-01").header("Accept-Language", "ru")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value("«2026-13-01» — не дата вида 2026-12-07"));
        mvc.perform(get("/api/me/schedule")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me/calendar")).andExpect(status().isUnauthorized());
    }

    @Test
    void theFeedNeedsNoSignInAndRenewingKillsTheOldUrl() throws Exception {
        String url = json(as(NIGHT_LOGIN, get("/api/me/calendar"))).get("url").asText();
        assertThat(url).matches("http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(json(as(NIGHT_LOGIN, get("/api/me/calendar"))).get("url").asText()).as("the same URL again").isEqualTo(url);
        String path = url.substring("http://localhost".length());

        var answer = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.equalToIgnoringCase("text/calendar;charset=UTF-8")))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn().getResponse();
        String ics = answer.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nEND:VCALENDAR");
        ICalendar calendar = Biweekly.parse(ics).first();
        LocalDate today = LocalDate.now(MOSCOW);
        List<PublishedShift> own = ScheduleFixture.shifts(published, fixture.night().getId(), today.minusWeeks(4), today.plusWeeks(12));
        assertThat(calendar.getEvents()).hasSize(own.size()).isNotEmpty();
        Set<String> uids = new HashSet<>();
        for (int i = 0; i < own.size(); i++) {
            VEvent e = calendar.getEvents().get(i);
            PublishedShift p = own.get(i);
            assertThat(uids.add(e.getUid().getValue())).isTrue();
            assertThat(e.getUid().getValue()).isEqualTo("switchboard-shift-" + fixture.night().getId() + "-" + p.date() + "@switchboard");
            assertThat(e.getDateStart().getValue().toInstant()).isEqualTo(p.start());
            assertThat(e.getDateEnd().getValue().toInstant()).isEqualTo(p.end());
            assertThat(e.getDateTimeStamp()).isNotNull();
            assertThat(e.getSummary().getValue()).contains(p.templateName(), p.queueCode());
            String description = e.getDescription().getValue();
            assertThat(description).contains("Queue: " + p.queueCode(), "Europe/Moscow");
            var local = p.start().atZone(MOSCOW).toLocalTime();
            assertThat(description).contains(String.format("%02d:%02d–", local.getHour(), local.getMinute()));
            if (p.mainBreak() != null) {
                var b = p.mainBreak().start().atZone(MOSCOW).toLocalTime();
                assertThat(description).contains(String.format("Break: %02d:%02d–", b.getHour(), b.getMinute()));
            } else {
                assertThat(description).contains("Break: no break");
            }
        }
        // in Russian for a Russian calendar app; the UIDs stay the same
        String russian = mvc.perform(get(path).header("Accept-Language", "ru-RU")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        ICalendar ru = Biweekly.parse(russian).first();
        assertThat(ru.getEvents().getFirst().getDescription().getValue()).contains("Очередь:", "Перерыв:");
        assertThat(ru.getEvents().getFirst().getUid().getValue()).isEqualTo(calendar.getEvents().getFirst().getUid().getValue());

        mvc.perform(get("/calendar/wrong-token-wrong-token-wrong-token-wrong.ics")).andExpect(status().isNotFound());
        mvc.perform(get(path.replace(".ics", ""))).andExpect(status().isNotFound());

        String renewed = json(as(NIGHT_LOGIN, post("/api/me/calendar/renew"))).get("url").asText();
        assertThat(renewed).isNotEqualTo(url).startsWith("http://localhost/calendar/");
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get(renewed.substring("http://localhost".length()))).andExpect(status().isOk());
        assertThat(json(as(NIGHT_LOGIN, get("/api/me/calendar"))).get("url").asText()).isEqualTo(renewed);

        // the feed ends with the person's access: a disabled login's URL answers 404, and works again when enabled
        var account = org.switchboard.shared.SystemAuthentication.callAsSystem(() -> accounts.list().stream()
                .filter(a -> a.username().equals(NIGHT_LOGIN)).findFirst().orElseThrow());
        try {
            org.switchboard.shared.SystemAuthentication.callAsSystem(() ->
                    accounts.update(account.id(), account.displayName(), account.roles(), false));
            mvc.perform(get(renewed.substring("http://localhost".length()))).andExpect(status().isNotFound());
        } finally {
            org.switchboard.shared.SystemAuthentication.callAsSystem(() ->
                    accounts.update(account.id(), account.displayName(), account.roles(), true));
        }
        mvc.perform(get(renewed.substring("http://localhost".length()))).andExpect(status().isOk());
    }
}
