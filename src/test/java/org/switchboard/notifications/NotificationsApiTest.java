package org.switchboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.switchboard.notifications.NotificationFixture.OLGA;
import static org.switchboard.notifications.NotificationFixture.PASSWORD;
import static org.switchboard.notifications.NotificationFixture.PAVEL;
import static org.switchboard.notifications.NotificationFixture.awaitOne;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.ShiftsChanged;
import org.switchboard.rostering.ShiftsChanged.Change;
import org.switchboard.rostering.ShiftsChanged.ChangedDay;
import org.switchboard.security.UserAccountService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/me/notifications} over HTTP: the caller's own, in their language; reading marks; another's is 404. */
@SpringBootTest
class NotificationsApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Notifications notifications;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    UserAccountService accounts;

    MockMvc mvc;
    NotificationFixture.People people;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        people = NotificationFixture.ensure(operators, teams, accounts);
    }

    MockHttpServletRequestBuilder as(String login, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(login, PASSWORD));
    }

    JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    JsonNode find(JsonNode list, long id) {
        for (JsonNode n : list) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("notification " + id + " not listed: " + list);
    }

    @Test
    void listsTheCallersOwnInTheirLanguageAndMarksThemRead() throws Exception {
        LocalDate day = NotificationFixture.day();
        NotificationFixture.publish(transactions, events, new ShiftsChanged(NotificationFixture.nextId(), null, List.of(
                new ChangedDay(people.olga().getId(), day, Change.ASSIGNED, "08:00", "17:00", "RU-GEN"),
                new ChangedDay(people.pavel().getId(), day, Change.REMOVED, "08:00", "17:00", "RU-GEN"))));
        long olgas = awaitOne(notifications, OLGA, t -> t.contains(day.toString())).id();
        long pavels = awaitOne(notifications, PAVEL, t -> t.contains(day.toString())).id();

        JsonNode english = json(as(OLGA, get("/api/me/notifications")));
        JsonNode n = find(english, olgas);
        assertThat(n.propertyNames()).containsExactlyInAnyOrder("id", "kind", "text", "link", "createdAt", "read");
        assertThat(n.get("kind").asText()).isEqualTo("SHIFT_ASSIGNED");
        assertThat(n.get("text").asText()).isEqualTo("You were put on a shift on " + day + ", 08:00–17:00, queue RU-GEN.");
        assertThat(n.get("link").asText()).isEqualTo("my-schedule");
        assertThat(n.get("read").asBoolean()).isFalse();
        assertThat(Instant.parse(n.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(english.toString()).doesNotContain("\"id\":" + pavels + ",");

        String ru = String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
        JsonNode russian = json(as(OLGA, get("/api/me/notifications").header(HttpHeaders.ACCEPT_LANGUAGE, "ru-RU")));
        assertThat(find(russian, olgas).get("text").asText())
                .isEqualTo("Вам назначена смена " + ru + ", 08:00–17:00, очередь RU-GEN.");
        // Pavel chose Russian in his account: without Accept-Language he reads Russian, with it the language asked
        assertThat(find(json(as(PAVEL, get("/api/me/notifications"))), pavels).get("text").asText())
                .isEqualTo("Ваша смена " + ru + ", 08:00–17:00, снята (отсутствие).");
        assertThat(find(json(as(PAVEL, get("/api/me/notifications").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))), pavels)
                .get("text").asText()).isEqualTo("Your shift on " + day + ", 08:00–17:00, was taken off (absence).");

        long unread = json(as(OLGA, get("/api/me/notifications/unread-count"))).get("count").asLong();
        assertThat(unread).isPositive();
        mvc.perform(as(PAVEL, post("/api/me/notifications/" + olgas + "/read"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(as(PAVEL, post("/api/me/notifications/" + olgas + "/read")).header(HttpHeaders.ACCEPT_LANGUAGE, "ru"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("Не найдено: Уведомление " + olgas));
        assertThat(json(as(OLGA, get("/api/me/notifications/unread-count"))).get("count").asLong()).isEqualTo(unread);

        mvc.perform(as(OLGA, post("/api/me/notifications/" + olgas + "/read"))).andExpect(status().isNoContent());
        assertThat(find(json(as(OLGA, get("/api/me/notifications"))), olgas).get("read").asBoolean()).isTrue();
        assertThat(json(as(OLGA, get("/api/me/notifications/unread-count"))).get("count").asLong()).isEqualTo(unread - 1);

        assertThat(json(as(OLGA, post("/api/me/notifications/read-all"))).get("count").asLong()).isEqualTo(unread - 1);
        assertThat(json(as(OLGA, get("/api/me/notifications/unread-count"))).get("count").asLong()).isZero();
        assertThat(find(json(as(PAVEL, get("/api/me/notifications"))), pavels).get("read").asBoolean()).isFalse();
    }

    @Test
    void pagingAndItsLimits() throws Exception {
        assertThat(json(as(OLGA, get("/api/me/notifications").param("limit", "1"))).size()).isLessThanOrEqualTo(1);
        mvc.perform(as(OLGA, get("/api/me/notifications").param("limit", "0"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(as(OLGA, get("/api/me/notifications").param("limit", "201"))).andExpect(status().isBadRequest());
        mvc.perform(as(OLGA, get("/api/me/notifications").param("offset", "-1"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("offset"));
        mvc.perform(get("/api/me/notifications")).andExpect(status().isUnauthorized());
    }
}
