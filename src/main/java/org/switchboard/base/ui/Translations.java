package org.switchboard.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The UI's words in English and Russian: every {@code vaadin-i18n/<area>.properties} (English) with its
 * {@code vaadin-i18n/<area>_ru.properties} (Russian), one pair per area (base, demand, operators, rostering, schedule,
 * ...) so that areas never edit one shared file. A key lives in exactly one area; {@code TranslationsTest} checks that
 * every key exists in both languages and in one area only.
 *
 * <p>Unlike Vaadin's default provider it never falls back to the server's own locale: an English reader on a Russian
 * server reads English. Any Russian locale ({@code ru}, {@code ru-RU}) reads Russian; every other locale English.
 * Services use it too (REST answers in the request's {@code Accept-Language}), so it is a plain component.
 */
@Component
public class Translations implements I18NProvider {

    static final String FOLDER = "vaadin-i18n";
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final Map<String, String> english = new HashMap<>();
    private final Map<String, String> russian = new HashMap<>();

    public Translations() {
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
            throw new UncheckedIOException("Cannot read the UI texts in " + FOLDER, e);
        }
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Locale.ENGLISH, RUSSIAN);
    }

    /** The locale a reader reads: Russian for any Russian locale, else English. */
    public static Locale supported(Locale locale) {
        return locale != null && "ru".equals(locale.getLanguage()) ? RUSSIAN : Locale.ENGLISH;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale reader = supported(locale);
        String text = (reader == RUSSIAN ? russian : english).get(key);
        if (text == null) {
            return "!" + key;
        }
        return params == null || params.length == 0 ? text : new MessageFormat(text, reader).format(params);
    }

    /** Whether a key exists (in English). */
    public boolean has(String key) {
        return english.containsKey(key);
    }
}
