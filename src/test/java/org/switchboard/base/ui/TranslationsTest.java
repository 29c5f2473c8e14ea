package org.switchboard.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the UI exists in English and in Russian: a key in one bundle only fails the build. */
class TranslationsTest {

    static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void anEnglishReaderReadsEnglishOnARussianServer() {
        java.util.Locale server = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ru-RU"));
            Translations translations = new Translations();
            assertThat(translations.getTranslation("users.unlock", java.util.Locale.US)).isEqualTo("Unlock");
            assertThat(translations.getTranslation("users.unlock", java.util.Locale.forLanguageTag("ru")))
                    .isEqualTo("Разблокировать");
            assertThat(translations.getTranslation("import.refused", java.util.Locale.ENGLISH, "a.csv is empty"))
                    .isEqualTo("Nothing was imported: a.csv is empty.");
            assertThat(translations.getTranslation("no.such.key", java.util.Locale.ENGLISH)).isEqualTo("!no.such.key");
        } finally {
            java.util.Locale.setDefault(server);
        }
    }

    @Test
    void everyKeyExistsInBothLanguages() throws Exception {
        Properties english = bundle("translations.properties");
        Properties russian = bundle("translations_ru.properties");
        assertThat(english).isNotEmpty();
        assertThat(russian.keySet()).as("keys missing in Russian or English").containsExactlyInAnyOrderElementsOf(english.keySet());
        russian.forEach((key, text) -> assertThat(text.toString()).as("Russian text of " + key).matches("(?s).*[А-Яа-яЁё].*"));
    }
}
