package org.switchboard.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Thrown by a service when input breaks a rule. Carries one reason per field (the key is the property name, or
 * {@link #GLOBAL} for a rule that spans fields) so forms can show each reason next to its field and APIs can answer
 * 400 with field and reason. Reasons are {@link Text}s, rendered when read: {@link #fieldErrors(Locale)} in the
 * reader's language, {@link #fieldErrors()} and {@link #getMessage()} in English.
 *
 * <p>Some reasons are not about the input alone but about other records: a code another record already has, a team
 * that still has operators. Those fields are {@linkplain #conflicts() conflicts}; when every reason is one, the
 * refusal {@linkplain #isConflict() is a conflict} (the REST API answers 409 instead of 400, with the same fields).
 */
public class ValidationFailedException extends RuntimeException {

    public static final String GLOBAL = "";

    private final Map<String, Text> reasons;
    private final Set<String> conflicts;

    /** Literal reasons, read the same in every language. */
    public ValidationFailedException(Map<String, String> fieldErrors) {
        this(literal(fieldErrors), true);
    }

    /** {@code keyed} only tells this constructor from the public one (both take a map). */
    private ValidationFailedException(Map<String, Text> reasons, boolean keyed) {
        this(reasons, Set.of());
    }

    private ValidationFailedException(Map<String, Text> reasons, Set<String> conflicts) {
        super(describe(reasons));
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        this.conflicts = Set.copyOf(conflicts);
    }

    /**
     * As {@link #keyed(Map)}, where the reasons of the fields in {@code conflicts} are clashes with other records (a
     * name taken, a record still in use) rather than wrong input.
     */
    public static ValidationFailedException keyed(Map<String, Text> reasons, Set<String> conflicts) {
        return new ValidationFailedException(reasons, conflicts);
    }

    /** One clash with other records on one field (a name taken, a record still in use): see {@link #isConflict()}. */
    public static ValidationFailedException conflict(String field, Text reason) {
        return keyed(Map.of(field, reason), Set.of(field));
    }

    /** The fields whose reason is a clash with other records rather than wrong input. */
    public Set<String> conflicts() {
        return conflicts;
    }

    /** Whether every reason is a clash with other records (nothing is wrong with the input as such). */
    public boolean isConflict() {
        return !reasons.isEmpty() && conflicts.containsAll(reasons.keySet());
    }

    /** Property name → reason (a message key with its arguments), in the order the rules were checked. */
    public static ValidationFailedException keyed(Map<String, Text> reasons) {
        return new ValidationFailedException(reasons, true);
    }

    public static ValidationFailedException of(String field, String reason) {
        return new ValidationFailedException(Map.of(field, reason));
    }

    public static ValidationFailedException of(String field, Text reason) {
        return keyed(Map.of(field, reason));
    }

    /** Property name → reason in English, in the order the rules were checked. */
    public Map<String, String> fieldErrors() {
        return fieldErrors(Locale.ENGLISH);
    }

    /** Property name → reason in the reader's language, in the order the rules were checked. */
    public Map<String, String> fieldErrors(Locale locale) {
        Map<String, String> rendered = new LinkedHashMap<>();
        reasons.forEach((field, reason) -> rendered.put(field, reason.render(locale)));
        return Collections.unmodifiableMap(rendered);
    }

    /** Property name → reason as keys and arguments. */
    public Map<String, Text> reasons() {
        return reasons;
    }

    /** All reasons in one sentence ({@code field: reason; ...}) in the reader's language. */
    public String message(Locale locale) {
        return describe(reasons, locale);
    }

    private static Map<String, Text> literal(Map<String, String> fieldErrors) {
        Map<String, Text> reasons = new LinkedHashMap<>();
        fieldErrors.forEach((field, reason) -> reasons.put(field, Text.literal(reason)));
        return reasons;
    }

    private static String describe(Map<String, Text> errors) {
        return describe(errors, Locale.ENGLISH);
    }

    private static String describe(Map<String, Text> errors, Locale locale) {
        return errors.entrySet().stream()
                .map(e -> e.getKey().isEmpty() ? e.getValue().render(locale)
                        : e.getKey() + ": " + e.getValue().render(locale))
                .collect(Collectors.joining("; "));
    }
}
