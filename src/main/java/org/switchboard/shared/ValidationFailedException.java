package org.switchboard.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thrown by a service when input breaks a rule. Carries one user-readable reason per field (the key is
 * the property name, or {@link #GLOBAL} for a rule that spans fields) so forms can show each reason next
 * to its field and APIs can answer 400 with field and reason.
 */
public class ValidationFailedException extends RuntimeException {

    public static final String GLOBAL = "";

    private final Map<String, String> fieldErrors;

    public ValidationFailedException(Map<String, String> fieldErrors) {
        super(describe(fieldErrors));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static ValidationFailedException of(String field, String reason) {
        return new ValidationFailedException(Map.of(field, reason));
    }

    /** Property name → reason, in the order the rules were checked. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String describe(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
