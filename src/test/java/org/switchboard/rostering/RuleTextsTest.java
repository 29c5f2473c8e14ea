package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.switchboard.base.ui.Translations;
import org.switchboard.rostering.solver.RosterWeights;

/** Broken rules in words: every rule has a title and a sentence, figures are written for the reader, old rows stay. */
class RuleTextsTest {

    final Translations translations = new Translations();
    final RuleTexts texts = new RuleTexts(translations);
    static final Locale RU = Locale.forLanguageTag("ru-RU");

    @Test
    void everyRuleHasATitleAndASentence() {
        for (String id : RuleTexts.IDS.values()) {
            assertThat(translations.has("rule.name." + id)).as(id).isTrue();
            assertThat(translations.has("rule.breach." + id)).as(id).isTrue();
        }
        assertThat(translations.has("rule.breach.underCoverage.peak")).isTrue();
        assertThat(translations.has("rule.breach.overCoverage.peak")).isTrue();
        assertThat(texts.title(RosterWeights.MIN_REST, RU)).isEqualTo("Минимальный отдых между сменами");
        assertThat(texts.title("Some rule of a plugin", RU)).isEqualTo("Some rule of a plugin");
    }

    @Test
    void figuresAreWrittenForTheReader() {
        RuleBreach rest = new RuleBreach("E1001", "Anna", LocalDate.of(2026, 12, 8), RosterWeights.MIN_REST, "hard", 1,
                null, RuleTexts.breachKey(RosterWeights.MIN_REST), List.of("min:570", "shift:E12|2026-12-08|14:00|23:00",
                "shift:D07|2026-12-09|08:30|17:30", "min:660"));
        assertThat(texts.render(rest, Locale.ENGLISH).text()).isEqualTo("Only 9 h 30 min rest between E12 on 2026-12-08 "
                + "(14:00–23:00) and D07 on 2026-12-09 (08:30–17:30); the contract requires 11 h");
        assertThat(texts.render(rest, RU).text()).isEqualTo("Всего 9 ч 30 мин отдыха между E12 08.12.2026 (14:00–23:00) "
                + "и D07 09.12.2026 (08:30–17:30); по договору нужно 11 ч");
        RuleBreach change = new RuleBreach("E1001", null, LocalDate.of(2026, 12, 8), RosterWeights.PUBLISHED_CHANGE,
                "soft", 1, null, RuleTexts.breachKey(RosterWeights.PUBLISHED_CHANGE), List.of("shift:off|2026-12-08"));
        assertThat(texts.render(change, RU).text()).endsWith("теперь выходной 08.12.2026");
        RuleBreach kind = new RuleBreach("E1001", null, null, RosterWeights.MAX_SHIFTS_OF_KIND, "hard", 1, null,
                RuleTexts.breachKey(RosterWeights.MAX_SHIFTS_OF_KIND), List.of("9", "kind:NIGHT", "6"));
        assertThat(texts.render(kind, Locale.ENGLISH).text()).isEqualTo("Works 9 night shifts; at most 6");
        assertThat(texts.render(kind, RU).text()).isEqualTo("Смены «ночные»: 9, а можно не больше 6");
        assertThat(texts.duration(45, RU)).isEqualTo("45 мин");
    }

    @Test
    void rowsStoredBeforeTheFactsKeepTheirText() {
        RuleBreach old = new RuleBreach("E1001", "Anna", LocalDate.of(2026, 12, 8), RosterWeights.MIN_REST, "hard", 1,
                "Only 9 h rest between ...", null, null);
        assertThat(texts.render(old, RU).text()).isEqualTo("Only 9 h rest between ...");
    }
}
