package org.switchboard.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * The UI's words in English and Russian ({@code vaadin-i18n/translations*.properties}). Unlike Vaadin's default
 * provider it never falls back to the server's own locale: an English reader on a Russian server reads English.
 */
@Component
public class Translations implements I18NProvider {

    static final String BUNDLE = "vaadin-i18n.translations";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale reader = locale == null ? Locale.ENGLISH : locale;
        try {
            String text = ResourceBundle.getBundle(BUNDLE, reader, NO_FALLBACK).getString(key);
            return params.length == 0 ? text : new MessageFormat(text, reader).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
