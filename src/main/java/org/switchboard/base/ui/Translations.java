package org.switchboard.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.switchboard.shared.Texts;

/**
 * The UI's words in English and Russian: every {@code vaadin-i18n/<area>.properties} (English) with its
 * {@code vaadin-i18n/<area>_ru.properties} (Russian), one pair per area (base, demand, operators, rostering, schedule,
 * ...) so that areas never edit one shared file. A key lives in exactly one area; {@code TranslationsTest} checks that
 * every key exists in both languages and in one area only.
 *
 * <p>Unlike Vaadin's default provider it never falls back to the server's own locale: an English reader on a Russian
 * server reads English. Any Russian locale ({@code ru}, {@code ru-RU}) reads Russian; every other locale English.
 * Services use it too (REST answers in the request's {@code Accept-Language}), so it is a plain component; the
 * bundles themselves are read by {@link Texts} (shared), which exceptions use to render their message keys.
 */
@Component
public class Translations implements I18NProvider {

    static final String FOLDER = Texts.FOLDER;
    public static final Locale RUSSIAN = Texts.RUSSIAN;

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Locale.ENGLISH, RUSSIAN);
    }

    /** The locale a reader reads: Russian for any Russian locale, else English. */
    public static Locale supported(Locale locale) {
        return Texts.supported(locale);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Texts.render(key, locale, params);
    }

    /** Whether a key exists (in English). */
    public boolean has(String key) {
        return Texts.has(key);
    }
}
