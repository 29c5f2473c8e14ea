package org.switchboard.rostering;

import java.time.LocalDate;
import java.util.List;

/**
 * One broken rule: who (null for a queue's coverage), which day (null for the whole period, or the Monday of a week),
 * which rule, how bad, and the figures. Stored as these facts ({@code key} and {@code args}); {@code text} is the
 * sentence in the reader's language, filled in when read ({@link RuleTexts#render}). Rows stored before the facts were
 * kept have only {@code text} (English) and are shown as they are.
 *
 * @param rule the solver's constraint name (e.g. "Minimum rest between shifts")
 * @param text the sentence; null as stored, filled in when read
 * @param key the message key of the sentence (bundle {@code rules}), null in old rows
 * @param args the figures for the sentence, typed by prefix: {@code date:2026-12-07}, {@code min:570} (a duration in
 *        minutes), {@code shift:CODE|2026-12-07|08:00|17:00} or {@code shift:off|2026-12-07}, {@code kind:NIGHT};
 *        anything else is shown as it is
 */
public record RuleBreach(String employeeNumber, String operatorName, LocalDate date, String rule, String level,
        long penalty, String text, String key, List<String> args) {

    public RuleBreach {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The same breach with its sentence. */
    public RuleBreach withText(String sentence) {
        return new RuleBreach(employeeNumber, operatorName, date, rule, level, penalty, sentence, key, args);
    }
}
