package org.switchboard.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text of the UI exists in English and in Russian: a key in one language only, or in two areas, fails the build.
 */
class TranslationsTest {

    static Properties load(Resource r) throws Exception {
        Properties p = new Properties();
        try (InputStream in = r.getInputStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void anEnglishReaderReadsEnglishOnARussianServer() {
        Locale server = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ru-RU"));
            Translations translations = new Translations();
            assertThat(translations.getTranslation("users.unlock", Locale.US)).isEqualTo("Unlock");
            assertThat(translations.getTranslation("users.unlock", Locale.forLanguageTag("ru"))).isEqualTo("Разблокировать");
            assertThat(translations.getTranslation("users.unlock", Locale.forLanguageTag("ru-RU"))).isEqualTo("Разблокировать");
            assertThat(translations.getTranslation("users.unlock", Locale.GERMAN)).isEqualTo("Unlock");
            assertThat(translations.getTranslation("import.refused", Locale.ENGLISH, "a.csv is empty"))
                    .isEqualTo("Nothing was imported: a.csv is empty.");
            assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key");
        } finally {
            Locale.setDefault(server);
        }
    }

    @Test
    void everyKeyExistsInBothLanguagesAndInOneAreaOnly() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + Translations.FOLDER + "/*.properties");
        assertThat(files).isNotEmpty();
        Map<String, String> areaOfKey = new HashMap<>();
        int areas = 0;
        for (Resource file : files) {
            String name = file.getFilename();
            if (name.endsWith("_ru.properties")) {
                continue;
            }
            areas++;
            String area = name.substring(0, name.length() - ".properties".length());
            Resource ru = file.createRelative(area + "_ru.properties");
            assertThat(ru.exists()).as(area + "_ru.properties next to " + name).isTrue();
            Properties english = load(file);
            Properties russian = load(ru);
            assertThat(english).as(name).isNotEmpty();
            assertThat(russian.keySet()).as("keys of area " + area + " missing in Russian or in English")
                    .containsExactlyInAnyOrderElementsOf(english.keySet());
            for (Object key : english.keySet()) {
                String before = areaOfKey.put(key.toString(), area);
                assertThat(before).as("key " + key + " in areas " + before + " and " + area).isNull();
            }
            // Russian text is Russian (a text without any letters, such as "{0} %", is the same in both)
            russian.forEach((key, text) -> assertThat(text.toString().replaceAll("\\{[^}]*}", ""))
                    .as("Russian text of " + key).matches("(?s)(.*[А-Яа-яЁё].*|[^A-Za-z]*)"));
        }
        assertThat(areas).isGreaterThanOrEqualTo(1);
    }

    @Test
    void apostrophesFollowTheRuleOfTheirText() throws Exception {
        // a text with placeholders is a MessageFormat pattern, where one apostrophe starts a quote and '' is one; a text
        // without placeholders is shown as it stands, so '' there would show two
        for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + Translations.FOLDER + "/*.properties")) {
            load(file).forEach((key, value) -> {
                String text = value.toString();
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(text.replace("''", "")).as(file.getFilename() + " " + key + " (a pattern)")
                            .doesNotContain("'");
                } else {
                    assertThat(text).as(file.getFilename() + " " + key + " (as it stands)").doesNotContain("''");
                }
            });
        }
    }
}
