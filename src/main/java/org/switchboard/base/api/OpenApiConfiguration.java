package org.switchboard.base.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's description for springdoc ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): every endpoint
 * with its request and response schemas, HTTP Basic as the way in, and the errors every endpoint may answer as
 * problem details (see {@link ApiErrors}), each status with the case it stands for.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";
    static final String PROBLEM = "Problem";

    /** The errors of every API operation: status and when it is answered. */
    static final Map<String, String> ERRORS = errors();

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid request: malformed JSON, a value out of range or of the wrong type; `errors` names"
                + " each field and why");
        errors.put("401", "Not signed in: HTTP Basic credentials missing or wrong (or the account is locked)");
        errors.put("403", "Signed in, but the role may not do this, or the record is someone else's");
        errors.put("404", "No such record, or no endpoint at this path");
        errors.put("409", "The request clashes with the record's state (already decided, being solved, changed"
                + " meanwhile) or with other records (a code or number taken, a record still in use); `errors` names"
                + " the field when there is one");
        errors.put("422", "The change would break hard rules; `violations` lists them as `{rule, message}`");
        errors.put("500", "Unexpected; the cause is logged, not answered");
        return errors;
    }

    @Bean
    OpenAPI switchboardOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Switchboard API")
                        .description("Workforce management for call centers: history, forecasts, staffing, rosters,"
                                + " schedules, absences, swaps and the audit trail. Sign in with HTTP Basic (the"
                                + " app's users and roles); every error is answered as RFC 9457 problem details"
                                + " (`application/problem+json`). Texts follow `Accept-Language` (en, ru).")
                        .version("v1")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Adds the problem-details answers to every operation under {@code /api}. */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api")) {
                    return;
                }
                item.readOperations().forEach(OpenApiConfiguration::addErrors);
            });
        };
    }

    private static void addErrors(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Content problem = new Content().addMediaType(Problems.MEDIA_TYPE.toString(),
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        ERRORS.forEach((status, when) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(when).content(problem));
            }
        });
        operation.setResponses(responses);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("The request field (empty: the request)"));
        fieldError.addProperty("reason", new StringSchema());
        ObjectSchema violation = new ObjectSchema();
        violation.addProperty("rule", new StringSchema().description("The rule's code, e.g. minRest"));
        violation.addProperty("message", new StringSchema().description("The broken rule in the reader's language"));
        ObjectSchema schema = new ObjectSchema();
        schema.description("RFC 9457 problem details, with `message` (= detail) and `errors`, and `violations` on 422");
        schema.addProperty("type", new StringSchema().example("about:blank"));
        schema.addProperty("title", new StringSchema().example("Bad Request"));
        schema.addProperty("status", new IntegerSchema().example(400));
        schema.addProperty("detail", new StringSchema());
        schema.addProperty("instance", new StringSchema().description("The request's path"));
        schema.addProperty("message", new StringSchema().description("The detail again"));
        schema.addProperty("errors", new ArraySchema().items(fieldError));
        schema.addProperty("violations", new ArraySchema().items(violation));
        return schema;
    }
}
