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
    void everyKeyExistsInBothLanguages() throws Exception {
        Properties english = bundle("translations.properties");
        Properties russian = bundle("translations_ru.properties");
        assertThat(english).isNotEmpty();
        assertThat(russian.keySet()).as("keys missing in Russian or English").containsExactlyInAnyOrderElementsOf(english.keySet());
        russian.forEach((key, text) -> assertThat(text.toString()).as("Russian text of " + key).matches("(?s).*[А-Яа-яЁё].*"));
    }
}
