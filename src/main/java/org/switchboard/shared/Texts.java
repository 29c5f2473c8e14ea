package org.switchboard.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The application's words in English and Russian: every {@code vaadin-i18n/<area>.properties} (English) with its
 * {@code vaadin-i18n/<area>_ru.properties} (Russian). Plain Java so that exceptions and services of every module can
 * render a message key in the reader's language; the UI's {@code Translations} reads through it.
 *
 * <p>Any Russian locale ({@code ru}, {@code ru-RU}) reads Russian; every other locale (and none) English. A text with
 * placeholders ({0}) is a {@link MessageFormat} pattern (quotes doubled), one without is taken as it stands, arguments or not.
 */
public final class Texts {

    public static final String FOLDER = "vaadin-i18n";
    /** ru-RU, not plain ru: plain ru has Sunday as its first day of the week in Java, Russia starts on Monday. */
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private static final Texts BUNDLES = new Texts();

    private final Map<String, String> english = new HashMap<>();
    private final Map<String, String> russian = new HashMap<>();

    private Texts() {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + FOLDER + "/*.properties")) {
                String name = r.getFilename();
                if (name == null) {
                    continue;
                }
                Properties p = new Properties();
                try (InputStream in = r.getInputStream()) {
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                Map<String, String> into = name.endsWith("_ru.properties") ? russian : english;
                p.forEach((k, v) -> into.put(k.toString(), v.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the texts in " + FOLDER, e);
        }
    }

    /** The locale a reader reads: Russian for any Russian locale, else English. */
    public static Locale supported(Locale locale) {
        return locale != null && "ru".equals(locale.getLanguage()) ? RUSSIAN : Locale.ENGLISH;
    }

    /** {@code key} in the reader's language with {@code args} filled in; {@code !key} when the key is unknown. */
    public static String render(String key, Locale locale, Object... args) {
        Locale reader = supported(locale);
        String text = (reader == RUSSIAN ? BUNDLES.russian : BUNDLES.english).get(key);
        if (text == null) {
            return "!" + key;
        }
        return args == null || args.length == 0 || text.indexOf('{') < 0 ? text
                : new MessageFormat(text, reader).format(args);
    }

    /** Whether a key exists (in English). */
    public static boolean has(String key) {
        return BUNDLES.english.containsKey(key);
    }
}
