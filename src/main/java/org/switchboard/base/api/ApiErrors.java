package org.switchboard.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.RuleViolationsException;
import org.switchboard.shared.Texts;
import org.switchboard.shared.ValidationFailedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * How the REST API answers errors: always RFC 9457 problem details ({@code application/problem+json}) with
 * {@code type}, {@code title}, {@code status}, {@code detail} and {@code instance}, plus {@code message} (the
 * detail again, as the API answered before) and {@code errors}, one {@code {field, reason}} per problem.
 *
 * <p>400 for invalid requests, 403 for a role that may not, 404 for unknown records and paths, 405/406/415 for a
 * wrong method, {@code Accept} or content type (Spring's own handling, answered here instead of through the
 * servlet container's error page, which the UI's security would turn into a redirect or an empty 403), 409 when
 * the request clashes with a record's state or with other records (a code taken, a record still in use), 422 with {@code violations} when a change would break hard rules, and 500 with a neutral text (the cause goes to the log) for
 * anything unexpected.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private static final java.util.Set<Class<?>> WHOLE_NUMBERS = java.util.Set.of(Integer.class, int.class, Long.class,
            long.class, Short.class, short.class);

    /** One problem with one field of the request ({@code field} is empty for the request as a whole). */
    record FieldError(String field, String reason) {}

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<ProblemDetail> invalid(ValidationFailedException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Locale reader = reader(request);
        for (Map.Entry<String, String> f : e.fieldErrors(reader).entrySet()) {
            errors.add(new FieldError(f.getKey(), f.getValue()));
        }
        if (e.isConflict()) {
            // every reason is a clash with other records (a code taken, a record still in use): 409, same fields
            return answer(Problems.of(HttpStatus.CONFLICT,
                    Texts.render("error.api.conflict", reader, e.message(reader)), errors), request);
        }
        return answer(Problems.of(HttpStatus.BAD_REQUEST,
                Texts.render("error.api.invalid", reader, e.message(reader)), errors), request);
    }

    /**
     * The database refused a change because of other records: a record still referenced (an operator with absences,
     * a queue operators have as a skill) or a key another record took meanwhile. Nothing was changed.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> inUse(DataIntegrityViolationException e, HttpServletRequest request) {
        log.debug("Refused by the database on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(Problems.of(HttpStatus.CONFLICT, Texts.render("error.api.inUse", reader(request)), List.of()),
                request);
    }

    /** Someone else changed the record between reading and saving it. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> changedMeanwhile(OptimisticLockingFailureException e, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.CONFLICT, Texts.render("error.api.changedMeanwhile", reader(request)),
                List.of()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String reason = "'" + e.getValue() + "' is not a valid " + e.getName();
        return answer(Problems.of(HttpStatus.BAD_REQUEST, "The request is invalid: " + reason,
                List.of(new FieldError(e.getName(), reason))), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.CONFLICT, e.message(reader(request)), List.of()), request);
    }

    /** A change that would break hard rules and was not forced: 422 with {@code violations: [{rule, message}]}. */
    @ExceptionHandler(RuleViolationsException.class)
    ResponseEntity<ProblemDetail> ruleViolations(RuleViolationsException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), List.of());
        problem.setProperty("violations", e.violations());
        return answer(problem, request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, e.message(reader(request)), List.of()), request);
    }

    /** A method-security refusal ({@code @PreAuthorize}) inside a controller. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN_DETAIL, List.of()), request);
    }

    /** A body above the API's limit, found before or while reading it: 413, sent at once (see {@link BodySizeLimit}). */
    @ExceptionHandler(BodySizeLimit.TooLarge.class)
    void tooLarge(BodySizeLimit.TooLarge e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        BodySizeLimit.answer(e, request, response);
    }

    /** Anything else: logged with its cause, answered without it. Outside the API the error goes on as it was. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (!Problems.isApi(request) || e instanceof AuthenticationException) {
            throw e;
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not complete the request; the error was logged.", List.of()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodySizeLimit.TooLarge tooLarge = BodySizeLimit.in(e);
        if (tooLarge != null && request instanceof NativeWebRequest nwr
                && nwr.getNativeRequest(HttpServletRequest.class) instanceof HttpServletRequest http
                && nwr.getNativeResponse(HttpServletResponse.class) instanceof HttpServletResponse response) {
            try {
                BodySizeLimit.answer(tooLarge, http, response);
            } catch (java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            return null; // answered
        }
        String field = "";
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException d && !d.getPath().isEmpty()) {
            field = d.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining()).replaceFirst("^\\.", "");
        }
        String reason = field.isEmpty() ? "The body is not valid JSON" : cause instanceof InputCoercionException
                ? "The number is out of range for this field" : "Not a valid value for this field";
        if (!field.isEmpty() && cause instanceof MismatchedInputException m && m.getTargetType() != null
                && WHOLE_NUMBERS.contains(m.getTargetType())) {
            reason = "Use a whole number"; // a fraction is refused, not cut (accept-float-as-int is off)
        }
        if (!field.isEmpty() && cause instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            reason = f.getOriginalMessage(); // text refused as such (JsonText)
        }
        if (!field.isEmpty() && cause instanceof InvalidFormatException f && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            // a word outside a fixed list (a day, a kind): say which words there are
            reason = "'" + f.getValue() + "' is not one of " + java.util.Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        }
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST,
                "The request is invalid: " + (field.isEmpty() ? reason : field + ": " + reason),
                List.of(new FieldError(field, reason)));
        return handleExceptionInternal(e, body, headers, status, request);
    }

    /** A required query parameter is missing: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale reader = request instanceof NativeWebRequest nwr
                && nwr.getNativeRequest(HttpServletRequest.class) instanceof HttpServletRequest http
                ? reader(http) : Locale.ENGLISH;
        String reason = Texts.render("error.api.missingParameter", reader, e.getParameterName());
        ProblemDetail body = Problems.of(HttpStatus.BAD_REQUEST, Texts.render("error.api.invalid", reader, reason),
                List.of(new FieldError(e.getParameterName(), reason)));
        return handleExceptionInternal(e, body, headers, status, request);
    }

    /** Spring's own answers (405, 406, 415, 413, missing parameters …) get the same extra members as ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            Problems.complete(problem, path(request));
        }
        return answer;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
        Problems.complete(problem, request.getRequestURI());
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.MEDIA_TYPE).body(problem);
    }

    /** The reader's language: the request's {@code Accept-Language}, English without one. */
    static Locale reader(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH
                : Texts.supported(request.getLocale());
    }

    private static String path(WebRequest request) {
        if (request instanceof NativeWebRequest nwr
                && nwr.getNativeRequest(HttpServletRequest.class) instanceof HttpServletRequest http) {
            return http.getRequestURI();
        }
        return null;
    }
}
