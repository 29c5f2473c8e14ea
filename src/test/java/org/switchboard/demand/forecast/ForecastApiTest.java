package org.switchboard.demand.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.switchboard.base.api.ApiClient.fields;
import static org.switchboard.base.api.ApiClient.json;
import static org.switchboard.base.api.ApiClient.quote;
import static org.switchboard.base.api.ApiClient.values;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.base.api.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The contracts of {@code /api/forecasts} on the demo's demand (eight weeks of 15-minute history up to yesterday, a
 * six-week forecast from today, Moscow time); rolled back.
 */
@SpringBootTest
@Transactional
class ForecastApiTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    WebApplicationContext context;

    ApiClient api;
    LocalDate today;
    long general;
    long survey;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiClient(context);
        today = LocalDate.now(MOSCOW);
        for (JsonNode q : json(api.call("planner", get("/api/queues")).andExpect(status().isOk()))) {
            switch (q.get("code").asString()) {
                case "RU-GEN" -> general = q.get("id").asLong();
                case "OUT-SURV" -> survey = q.get("id").asLong();
                default -> { }
            }
        }
    }

    String days(LocalDate from, LocalDate to) {
        return "/api/forecasts/" + general + "?from=" + from + "&to=" + to;
    }

    @Test
    void whatEveryQueueHasAndOneQueuesIntervals() throws Exception {
        JsonNode list = json(api.call("manager", get("/api/forecasts")).andExpect(status().isOk()));
        JsonNode gen = null;
        JsonNode surv = null;
        for (JsonNode q : list) {
            if (q.get("queueId").asLong() == general) {
                gen = q;
            } else if (q.get("queueId").asLong() == survey) {
                surv = q;
            }
        }
        assertThat(gen.propertyNames()).containsExactlyInAnyOrder("queueId", "queue", "direction", "timeZone",
                "historyFrom", "historyTo", "historyIntervalMinutes", "forecastFrom", "forecastTo");
        assertThat(gen.get("historyTo").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(gen.get("historyIntervalMinutes").asInt()).isEqualTo(15);
        assertThat(LocalDate.parse(gen.get("forecastFrom").asString())).isBeforeOrEqualTo(today);
        assertThat(LocalDate.parse(gen.get("forecastTo").asString())).isAfterOrEqualTo(today.plusDays(27));
        assertThat(surv.get("historyFrom").isNull()).isTrue();
        assertThat(surv.get("direction").asString()).isEqualTo("OUTBOUND");

        JsonNode f = json(api.call("manager", get(days(today.minusDays(1), today))).andExpect(status().isOk()));
        assertThat(f.propertyNames()).containsExactlyInAnyOrder("queueId", "queue", "timeZone", "from", "to", "intervals",
                "historyCalls", "forecastCalls", "adjustedCalls", "adjustments");
        JsonNode intervals = f.get("intervals");
        assertThat(intervals.size()).isEqualTo(2 * 96);
        JsonNode yesterday = intervals.get(40);
        assertThat(yesterday.propertyNames()).containsExactlyInAnyOrder("start", "intervalMinutes", "history", "forecast",
                "adjusted", "ahtSeconds");
        assertThat(yesterday.get("start").asString()).isEqualTo(today.minusDays(1) + "T10:00:00+03:00");
        assertThat(yesterday.get("history").isNumber()).isTrue();
        JsonNode now = intervals.get(96 + 40);
        assertThat(now.get("forecast").asDouble()).isPositive();
        assertThat(now.get("adjusted").asDouble()).isEqualTo(now.get("forecast").asDouble());
        assertThat(f.get("historyCalls").asDouble()).isPositive();
        assertThat(f.get("forecastCalls").asDouble()).isPositive();
    }

    @Test
    void plannersForecastAdjustAndRemoveTheAdjustment() throws Exception {
        LocalDate first = today.plusDays(7);
        JsonNode run = json(api.send("planner", post("/api/forecasts/" + general),
                "{\"firstDay\":\"" + first + "\",\"days\":7}").andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/forecasts/" + general + "?from=" + first + "&to="
                        + first.plusDays(6))));
        assertThat(run.get("intervals").asInt()).isEqualTo(7 * 96);
        assertThat(run.get("intervalMinutes").asInt()).isEqualTo(15);
        assertThat(run.get("historyTo").asString()).isEqualTo(today.minusDays(1).toString());

        String note = "Campaign'); DELETE FROM forecast_adjustment; -- <script>x</script>";
        JsonNode adj = json(api.send("planner", post("/api/forecasts/" + general + "/adjustments"), """
                {"from":"%sT08:00","to":"%sT12:00","kind":"SCALE","amount":20,"note":%s}"""
                .formatted(first, first, quote(note))).andExpect(status().isCreated()));
        assertThat(adj.propertyNames()).containsExactlyInAnyOrder("id", "queueId", "from", "to", "startsAt", "endsAt",
                "kind", "amount", "note", "createdBy", "createdAt");
        assertThat(adj.get("startsAt").asString()).isEqualTo(first + "T08:00:00+03:00");
        assertThat(adj.get("from").asString()).isEqualTo(first + "T08:00:00");
        assertThat(adj.get("note").asString()).isEqualTo(note);
        assertThat(adj.get("createdBy").asString()).isEqualTo("planner");
        long id = adj.get("id").asLong();

        JsonNode f = json(api.call("manager", get(days(first, first))).andExpect(status().isOk()));
        JsonNode nine = f.get("intervals").get(36);
        assertThat(nine.get("start").asString()).isEqualTo(first + "T09:00:00+03:00");
        assertThat(nine.get("adjusted").asDouble()).isCloseTo(nine.get("forecast").asDouble() * 1.2,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(f.get("adjustments").get(0).get("note").asString()).isEqualTo(note);

        api.call("planner", delete("/api/forecasts/" + survey + "/adjustments/" + id)).andExpect(status().isNotFound());
        api.call("manager", delete("/api/forecasts/" + general + "/adjustments/" + id)).andExpect(status().isForbidden());
        api.call("planner", delete("/api/forecasts/" + general + "/adjustments/" + id)).andExpect(status().isNoContent());
        api.call("planner", delete("/api/forecasts/" + general + "/adjustments/" + id)).andExpect(status().isNotFound());
        assertThat(json(api.call("manager", get(days(first, first)))).get("adjustments").isEmpty()).isTrue();
    }

    @Test
    void backtestAgainstSeasonalNaive() throws Exception {
        JsonNode b = json(api.call("manager", get("/api/forecasts/backtest").param("holdoutDays", "7"))
                .andExpect(status().isOk()));
        assertThat(b.get("intervalMinutes").asInt()).isEqualTo(15);
        assertThat(values(b.get("queues"), "queue")).contains("RU-GEN", "BILL", "EN-TECH");
        assertThat(b.get("lastDay").asString()).isEqualTo(today.minusDays(1).toString());
        JsonNode total = b.get("total");
        assertThat(total.get("product").propertyNames()).containsExactlyInAnyOrder("method", "wape", "bias",
                "actualTotal", "forecastTotal");
        assertThat(total.get("seasonalNaive").get("method").asString()).isEqualTo("seasonal-naive");
        assertThat(total.get("actualCalls").asDouble()).isPositive();
        // a last day past the history holds out the last days there are; one queue only
        JsonNode one = json(api.call("planner", get("/api/forecasts/backtest").param("queueIds", "" + general)
                .param("lastDay", "9999-12-31").param("intervalMinutes", "15")).andExpect(status().isOk()));
        assertThat(values(one.get("queues"), "queue")).containsExactly("RU-GEN");
        assertThat(one.get("lastDay").asString()).isEqualTo(today.minusDays(1).toString());
    }

    @Test
    void roles() throws Exception {
        api.call("operator", get("/api/forecasts")).andExpect(status().isForbidden());
        api.call("operator", get(days(today, today))).andExpect(status().isForbidden());
        api.call("operator", get("/api/forecasts/backtest")).andExpect(status().isForbidden());
        api.send("manager", post("/api/forecasts/" + general), "{\"firstDay\":\"" + today + "\",\"days\":7}")
                .andExpect(status().isForbidden());
        api.send("manager", post("/api/forecasts/" + general + "/adjustments"), "{}").andExpect(status().isForbidden());
        api.mvc().perform(get("/api/forecasts")).andExpect(status().isUnauthorized());
    }

    @Test
    void invalidRequestsNameTheirField() throws Exception {
        String base = "/api/forecasts/" + general;
        assertThat(fields(api.call("planner", get(base).param("to", today.toString())).andExpect(status().isBadRequest())))
                .containsExactly("from");
        assertThat(fields(api.call("planner", get(base).param("from", "2026-13-01").param("to", today.toString()))
                .andExpect(status().isBadRequest()))).containsExactly("from");
        assertThat(fields(api.call("planner", get(days(today, today.minusDays(1)))).andExpect(status().isBadRequest())))
                .containsExactly("to");
        assertThat(fields(api.call("planner", get(days(today, today.plusDays(366)))).andExpect(status().isBadRequest())))
                .containsExactly("to");
        assertThat(fields(api.call("planner", get(days(LocalDate.of(1, 1, 1), today))).andExpect(status().isBadRequest())))
                .containsExactly("from");
        assertThat(fields(api.call("planner", get(base).param("from", "2026-01-01' OR '1'='1").param("to", "2026-01-02"))
                .andExpect(status().isBadRequest()))).containsExactly("from");

        assertThat(fields(api.send("planner", post("/api/forecasts/" + survey), "{\"firstDay\":\"" + today + "\",\"days\":7}")
                .andExpect(status().isBadRequest()))).containsExactly("queue");
        assertThat(fields(api.send("planner", post(base), "{\"days\":7}").andExpect(status().isBadRequest())))
                .containsExactly("firstDay");
        assertThat(fields(api.send("planner", post(base), "{\"firstDay\":\"" + today + "\",\"days\":367}")
                .andExpect(status().isBadRequest()))).containsExactly("days");
        assertThat(fields(api.send("planner", post(base), "{\"firstDay\":\"" + today + "\",\"days\":99999999999}")
                .andExpect(status().isBadRequest()))).containsExactly("days");
        assertThat(fields(api.send("planner", post(base), "{\"firstDay\":\"" + today.plusYears(5) + "\",\"days\":1}")
                .andExpect(status().isBadRequest()))).containsExactly("firstDay");
        assertThat(fields(api.send("planner", post(base), "{\"firstDay\":\"+999999999-12-31\",\"days\":1}")
                .andExpect(status().isBadRequest()))).containsExactly("firstDay");

        String adjust = base + "/adjustments";
        String ok = "{\"from\":\"%sT08:00\",\"to\":\"%sT12:00\",\"kind\":\"SCALE\",\"amount\":20,\"note\":\"x\"}"
                .formatted(today, today);
        assertThat(fields(api.send("planner", post(adjust), ok.replace("SCALE", "DOUBLE")).andExpect(status().isBadRequest())))
                .containsExactly("kind");
        assertThat(fields(api.send("planner", post(adjust), ok.replace("\"amount\":20", "\"amount\":-150")).andExpect(status().isBadRequest())))
                .containsExactly("amount");
        assertThat(fields(api.send("planner", post(adjust), ok.replace("\"x\"", quote("n".repeat(201))))
                .andExpect(status().isBadRequest()))).containsExactly("note");
        assertThat(fields(api.send("planner", post(adjust), ok.replace(today + "T08:00", "9999-01-01T08:00"))
                .andExpect(status().isBadRequest()))).containsExactly("to");
        assertThat(fields(api.send("planner", post(adjust), ok.replace(today + "T08:00", "0001-01-01T08:00"))
                .andExpect(status().isBadRequest()))).containsExactly("from");
        assertThat(fields(api.send("planner", post(adjust), "{}").andExpect(status().isBadRequest())))
                .contains("from", "to", "kind", "amount", "note");

        assertThat(fields(api.call("planner", get("/api/forecasts/backtest").param("holdoutDays", "0"))
                .andExpect(status().isBadRequest()))).containsExactly("holdoutDays");
        assertThat(fields(api.call("planner", get("/api/forecasts/backtest").param("holdoutDays", "seven"))
                .andExpect(status().isBadRequest()))).containsExactly("holdoutDays");
        assertThat(fields(api.call("planner", get("/api/forecasts/backtest").param("queueIds", general + ",x"))
                .andExpect(status().isBadRequest()))).containsExactly("queueIds");
    }

    @Test
    void unknownQueuesAre404() throws Exception {
        api.call("planner", get("/api/forecasts/987654321").param("from", today.toString()).param("to", today.toString()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("Queue 987654321 does not exist"));
        api.send("planner", post("/api/forecasts/987654321"), "{\"firstDay\":\"" + today + "\",\"days\":7}")
                .andExpect(status().isNotFound());
        api.send("planner", post("/api/forecasts/987654321/adjustments"), "{\"from\":\"" + today + "T08:00\",\"to\":\""
                + today + "T09:00\",\"kind\":\"OVERRIDE\",\"amount\":3,\"note\":\"x\"}").andExpect(status().isNotFound());
        api.call("planner", delete("/api/forecasts/987654321/adjustments/1")).andExpect(status().isNotFound());
        api.call("planner", get("/api/forecasts/backtest").param("queueIds", "987654321")).andExpect(status().isNotFound());
    }
}
