package org.switchboard.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bean-validation messages from the application's own texts ({@link Texts}), so that annotations and services share
 * one place for the words: a template that is a message key in braces ({@code "{error.operator.firstName.required}"})
 * renders that key in the reader's language with the constraint's bounds as arguments: {@code value} as {0} (for
 * {@code @Min}, {@code @Max}, {@code @DecimalMin}, {@code @DecimalMax}), else {@code min} and {@code max} as {0} and
 * {1} ({@code @Size}), always as plain digits; or, when the template names them after the key
 * ({@code "{error.queue.occupancy.range|50|100}"}, built from constants), those. Other templates go to the
 * provider's default interpolator.
 *
 * <p>{@code META-INF/validation.xml} makes it the default factory's interpolator, which Vaadin's
 * {@code BeanValidationBinder} uses with the UI's locale; {@link Violations} reads the key directly.
 */
public class KeyedMessageInterpolator implements MessageInterpolator {

    private static final Pattern KEY = Pattern.compile("\\{([A-Za-z0-9_.-]+)((?:\\|[^|{}]*)*)\\}");

    private MessageInterpolator fallback;

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, Locale.ENGLISH);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        Text text = text(template, context.getConstraintDescriptor());
        return text != null ? text.render(locale) : fallback().interpolate(template, context, locale);
    }

    /** The violation's reason as a key with arguments when its template is one of ours, else its message as words. */
    public static Text text(ConstraintViolation<?> violation) {
        Text text = text(violation.getMessageTemplate(), violation.getConstraintDescriptor());
        return text != null ? text : Text.literal(violation.getMessage());
    }

    private static Text text(String template, ConstraintDescriptor<?> descriptor) {
        Matcher m = KEY.matcher(template == null ? "" : template);
        if (!m.matches() || !Texts.has(m.group(1))) {
            return null;
        }
        Map<String, Object> attributes = descriptor == null ? Map.of() : descriptor.getAttributes();
        List<Object> args = new ArrayList<>();
        if (!m.group(2).isEmpty()) {
            args.addAll(List.of(m.group(2).substring(1).split("\\|", -1)));
        } else if (attributes.containsKey("value")) {
            args.add(String.valueOf(attributes.get("value")));
        } else {
            for (String bound : List.of("min", "max")) {
                if (attributes.containsKey(bound)) {
                    args.add(String.valueOf(attributes.get(bound)));
                }
            }
        }
        return Text.of(m.group(1), args.toArray());
    }

    private synchronized MessageInterpolator fallback() {
        if (fallback == null) {
            fallback = Validation.byDefaultProvider().configure().getDefaultMessageInterpolator();
        }
        return fallback;
    }
}
