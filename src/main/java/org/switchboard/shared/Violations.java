package org.switchboard.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Collects rule violations for one object: bean-validation annotations first, then the rules a service
 * adds by hand. {@link #throwIfAny()} turns them into a {@link ValidationFailedException}. Reasons are kept as
 * {@link Text}s (message keys with arguments) and rendered when read; an annotation whose message is a key in braces
 * ({@code message = "{error.operator.firstName.required}"}) is kept as that key, with the constraint's bounds as
 * arguments (see {@link KeyedMessageInterpolator}).
 */
public final class Violations {

    private final Map<String, Text> errors = new LinkedHashMap<>();
    private final Set<String> conflicts = new HashSet<>();

    private Violations() {}

    /** Starts with the object's bean-validation violations (the first reason per property). */
    public static <T> Violations of(Validator validator, T bean) {
        Violations v = new Violations();
        for (ConstraintViolation<T> cv : validator.validate(bean)) {
            v.errors.putIfAbsent(cv.getPropertyPath().toString(), KeyedMessageInterpolator.text(cv));
        }
        return v;
    }

    public static Violations none() {
        return new Violations();
    }

    /** Records {@code reason} (literal words) for {@code field} when {@code broken} holds and the field has no reason yet. */
    public Violations check(boolean broken, String field, String reason) {
        return check(broken, field, Text.literal(reason));
    }

    /** Records {@code reason} for {@code field} when {@code broken} holds and the field has no reason yet. */
    public Violations check(boolean broken, String field, Text reason) {
        if (broken) {
            errors.putIfAbsent(field, reason);
        }
        return this;
    }

    /**
     * Records {@code reason} for {@code field} when {@code broken} holds and the field has no reason yet, as a clash
     * with other records (a code another record has, a record still in use): see
     * {@link ValidationFailedException#isConflict()}.
     */
    public Violations conflict(boolean broken, String field, Text reason) {
        if (broken && !errors.containsKey(field)) {
            errors.put(field, reason);
            conflicts.add(field);
        }
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ValidationFailedException.keyed(errors, conflicts);
        }
    }
}
