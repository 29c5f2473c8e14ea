package org.switchboard.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details as every API answer with an error carries them: {@code type} ({@code about:blank},
 * so {@code title} is the status's own phrase), {@code status}, {@code detail} in words, {@code instance} (the
 * path asked for) and two members of ours: {@code message} (the detail, as the API's error bodies always had
 * it) and {@code errors}, a list of {@code {field, reason}} (empty when the request as a whole is at fault).
 * Also writes such a body straight to a response, for the security filters that answer before Spring MVC.
 */
public final class Problems {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    static final String FORBIDDEN_DETAIL = "Your role may not do this.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** A problem with a status, a detail and the per-field errors (records or maps with field and reason). */
    public static ProblemDetail of(HttpStatus status, String detail, List<?> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Whether the request is one of the REST API's (under {@code /api/}). */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Writes the problem as the whole response (the caller sets any extra headers first). */
    public static void write(HttpServletResponse response, HttpServletRequest request, ProblemDetail problem)
            throws IOException {
        complete(problem, request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** Fills in the members every problem of ours has ({@code instance} from the path, {@code message}, {@code errors}). */
    public static void complete(ProblemDetail problem, String path) {
        if (problem.getInstance() == null && path != null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException e) {
                // a path the client sent undecodable: leave instance out
            }
        }
        if (problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
        }
        var properties = problem.getProperties();
        if (properties == null || !properties.containsKey("message")) {
            problem.setProperty("message", problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
        }
        if (properties == null || !properties.containsKey("errors")) {
            problem.setProperty("errors", List.of());
        }
    }
}
