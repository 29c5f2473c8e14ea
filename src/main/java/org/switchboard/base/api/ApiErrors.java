package org.switchboard.base.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.ValidationFailedException;
import tools.jackson.databind.DatabindException;

/**
 * How the REST API answers bad requests: HTTP 400 with a message and one {@code {field, reason}} per
 * problem; 404 for unknown records; 409 when the request clashes with a record's state.
 */
@RestControllerAdvice(basePackages = "org.switchboard")
class ApiErrors {

    /** The body of an error answer. */
    record ApiError(int status, String message, List<FieldError> errors) {}

    /** One problem with one field of the request ({@code field} is empty for the request as a whole). */
    record FieldError(String field, String reason) {}

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<ApiError> invalid(ValidationFailedException e) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> f : e.fieldErrors().entrySet()) {
            errors.add(new FieldError(f.getKey(), f.getValue()));
        }
        return ResponseEntity.badRequest().body(new ApiError(400, "The request is invalid: " + e.getMessage(), errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String field = "";
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
            field = d.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("");
        }
        String reason = field.isEmpty() ? "The body is not valid JSON" : "Not a valid value for this field";
        return ResponseEntity.badRequest()
                .body(new ApiError(400, "The request is invalid: " + reason, List.of(new FieldError(field, reason))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        String reason = "'" + e.getValue() + "' is not a valid " + e.getName();
        return ResponseEntity.badRequest()
                .body(new ApiError(400, "The request is invalid: " + reason, List.of(new FieldError(e.getName(), reason))));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(409, e.getMessage(), List.of()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(404, e.getMessage(), List.of()));
    }
}
