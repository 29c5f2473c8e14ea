package org.switchboard.base.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's description at {@code /v3/api-docs}: every endpoint the application maps under {@code /api} (read from
 * Spring's own handler mappings, so a new controller cannot be left out) with its methods, the problem-details errors
 * on each, request schemas for bodies, and HTTP Basic as the security scheme; the docs and Swagger UI are for
 * signed-in users only.
 */
@SpringBootTest
class OpenApiDocsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    JsonNode docs() throws Exception {
        MvcResult result = mvc.perform(get("/v3/api-docs").with(user("planner").roles("PLANNER"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void everyMappedApiEndpointIsDescribedWithItsMethods() throws Exception {
        JsonNode paths = docs().get("paths");
        List<String> missing = new ArrayList<>();
        int endpoints = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.switchboard")) {
                continue;
            }
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api") && !path.startsWith("/calendar")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    endpoints++;
                    JsonNode item = paths.get(path);
                    if (item == null || item.get(method.name().toLowerCase(Locale.ROOT)) == null) {
                        missing.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(endpoints).as("endpoints mapped under /api").isGreaterThan(60);
        assertThat(missing).as("mapped but not in /v3/api-docs").isEmpty();
    }

    @Test
    void theIssuesAreasAreAllThere() throws Exception {
        Set<String> paths = new TreeSet<>();
        docs().get("paths").propertyNames().forEach(paths::add);
        for (String area : List.of("/api/operators", "/api/teams", "/api/contracts", "/api/queues",
                "/api/shift-templates", "/api/history/import", "/api/forecasts", "/api/requirements", "/api/staffing",
                "/api/rosters", "/api/me/schedule", "/api/me/availability", "/api/absences", "/api/swaps",
                "/api/audit")) {
            assertThat(paths).as(area).anyMatch(p -> p.startsWith(area));
        }
    }

    @Test
    void everyOperationAnswersProblemDetailsAndBodiesHaveSchemas() throws Exception {
        JsonNode docs = docs();
        assertThat(docs.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        assertThat(docs.at("/components/schemas/Problem/properties").propertyNames()).contains("status", "detail",
                "errors", "violations");
        List<String> wrong = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api")) {
                return;
            }
            path.getValue().properties().forEach(op -> {
                JsonNode responses = op.getValue().get("responses");
                for (String status : OpenApiConfiguration.ERRORS.keySet()) {
                    if (responses == null || responses.get(status) == null) {
                        wrong.add(op.getKey() + " " + path.getKey() + " lacks " + status);
                    }
                }
                JsonNode body = op.getValue().get("requestBody");
                if (body != null && body.at("/content").isEmpty()) {
                    wrong.add(op.getKey() + " " + path.getKey() + " has a body without a schema");
                }
            });
        });
        assertThat(wrong).isEmpty();
        // a body's schema is described, not left as a bare object: the absence request's fields
        assertThat(docs.at("/components/schemas/NewAbsenceBody/properties").propertyNames()).contains("type", "from",
                "to", "employeeNumber");
        // the master data's bodies and answers, with their documented field names
        assertThat(docs.at("/components/schemas/OperatorBody/properties").propertyNames()).contains("employeeNumber",
                "firstName", "lastName", "teamId", "grade", "contractId", "username", "skills");
        assertThat(docs.at("/components/schemas/Operator/properties").propertyNames()).contains("id", "employeeNumber",
                "team", "contract", "skills");
        for (String schema : List.of("TeamBody", "ContractBody", "QueueBody", "ShiftTemplateBody", "ForecastRunBody",
                "ForecastAdjustmentBody", "RecomputeBody", "OutboundWorkloadBody", "Team", "Contract", "Queue",
                "ShiftTemplate", "Forecast", "Backtest", "Requirements")) {
            assertThat(docs.at("/components/schemas/" + schema + "/properties").isEmpty()).as(schema).isFalse();
        }
        assertThat(docs.at("/paths/~1api~1operators/post/responses/201").isMissingNode()).isFalse();
        assertThat(docs.at("/paths/~1api~1operators~1{employeeNumber}/delete/responses/204").isMissingNode()).isFalse();
        assertThat(docs.at("/paths/~1api~1forecasts~1{queueId}/get/parameters").toString()).contains("\"from\"", "\"to\"");
    }

    @Test
    void docsAndSwaggerUiNeedASignIn() throws Exception {
        assertThat(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/swagger-ui.html")).andReturn().getResponse().getStatus()).isEqualTo(302);
        MvcResult ui = mvc.perform(get("/swagger-ui/index.html").with(user("operator").roles("OPERATOR"))).andReturn();
        assertThat(ui.getResponse().getStatus()).isEqualTo(200);
        assertThat(ui.getResponse().getContentAsString()).containsIgnoringCase("swagger");
        MvcResult redirect = mvc.perform(get("/swagger-ui.html").with(user("operator").roles("OPERATOR"))).andReturn();
        assertThat(redirect.getResponse().getStatus()).isEqualTo(302);
        assertThat(redirect.getResponse().getRedirectedUrl()).contains("/swagger-ui/index.html");
    }
}
