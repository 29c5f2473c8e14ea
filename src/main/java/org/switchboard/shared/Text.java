package org.switchboard.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Words to be rendered when someone reads them: a message key of {@link Texts} with its arguments (the facts: names,
 * numbers, dates), so that a REST client reads its {@code Accept-Language} and a screen its UI's language. A
 * {@linkplain #literal literal} text (no key) reads the same in every language.
 *
 * @param key the message key, {@code null} for a literal text
 * @param args the arguments ({@code MessageFormat} {0}, {1} ...), or the literal text as the only one
 */
public record Text(String key, List<Object> args) {

    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public Text {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** The key with its arguments. */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /** Words that are not (yet) translated: read the same in every language. */
    public static Text literal(String words) {
        return new Text(null, List.of(String.valueOf(words)));
    }

    /** The words for a reader of {@code locale} (English for {@code null} and every language but Russian). */
    public String render(Locale locale) {
        if (key == null) {
            return args.get(0).toString();
        }
        Object[] rendered = args.stream().map(a -> fact(a, locale)).toArray();
        return Texts.render(key, locale, rendered);
    }

    /**
     * An argument as the reader writes it: a nested text rendered, a weekday named (capitalised), a date as
     * {@code 06.12.2026} for a Russian reader (ISO {@code 2026-12-06} in English, as the API always wrote it).
     */
    private static Object fact(Object arg, Locale locale) {
        Locale reader = Texts.supported(locale);
        return switch (arg) {
            case Text t -> t.render(reader);
            case DayOfWeek d -> {
                String name = d.getDisplayName(TextStyle.FULL_STANDALONE, reader);
                yield name.substring(0, 1).toUpperCase(reader) + name.substring(1);
            }
            case LocalDate d -> reader.equals(Texts.RUSSIAN) ? RUSSIAN_DATE.format(d) : d.toString();
            case null -> "";
            default -> arg;
        };
    }

    /** The words in English (logs, exception messages). */
    public String english() {
        return render(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }
}
