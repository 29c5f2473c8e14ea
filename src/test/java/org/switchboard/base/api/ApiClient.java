package org.switchboard.base.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the REST API in the shared test context as the demo's users (HTTP Basic, password {@code switchboard}) and
 * reads the answers: for the API tests of the master data, forecasts and requirements.
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PASSWORD = "switchboard";

    private final MockMvc mvc;

    public ApiClient(WebApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    public MockMvc mvc() {
        return mvc;
    }

    public ResultActions call(String login, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(login, PASSWORD)));
    }

    public ResultActions send(String login, MockHttpServletRequestBuilder request, String body) throws Exception {
        return call(login, request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    public static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** The fields the problem details of an answer name in {@code errors}. */
    public static List<String> fields(ResultActions result) throws Exception {
        JsonNode problem = json(result);
        assertThat(result.andReturn().getResponse().getContentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    /** One field of every element of a JSON array (the elements themselves for a null field), as text. */
    public static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(field == null ? e.asString() : e.get(field).asString()));
        return values;
    }

    /** A JSON string literal of the text (quotes, backslashes and control characters escaped). */
    public static String quote(String text) {
        return JSON.writeValueAsString(text);
    }
}
