package org.switchboard.rostering;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.switchboard.base.ui.Translations;
import org.switchboard.rostering.solver.RosterWeights;

/**
 * The words of broken rules in the reader's language (bundle {@code vaadin-i18n/rules*.properties}): the sentence of
 * a {@link RuleBreach} from its key and figures, and the title of a rule. Dates, durations, shifts and shift kinds
 * among the figures are written for the reader (06.12.2026 and "9 ч 30 мин" in Russian).
 */
@Component
public class RuleTexts {

    /** Rule (constraint) name → the part of its message keys ({@code rule.breach.<id>}, {@code rule.name.<id>}). */
    static final Map<String, String> IDS = Map.ofEntries(
            Map.entry(RosterWeights.UNAVAILABLE, "unavailable"),
            Map.entry(RosterWeights.SKILL, "skill"),
            Map.entry(RosterWeights.NIGHT_ELIGIBLE, "nightEligible"),
            Map.entry(RosterWeights.MIN_REST, "minRest"),
            Map.entry(RosterWeights.MAX_WEEK_MINUTES, "maxWeekMinutes"),
            Map.entry(RosterWeights.MAX_PERIOD_MINUTES, "maxPeriodMinutes"),
            Map.entry(RosterWeights.MIN_PERIOD_MINUTES, "minPeriodMinutes"),
            Map.entry(RosterWeights.MAX_CONSECUTIVE_DAYS, "maxConsecutiveDays"),
            Map.entry(RosterWeights.MIN_DAYS_OFF, "minDaysOff"),
            Map.entry(RosterWeights.MAX_NIGHTS, "maxNights"),
            Map.entry(RosterWeights.REST_AFTER_NIGHTS, "restAfterNights"),
            Map.entry(RosterWeights.MAX_WEEKENDS, "maxWeekends"),
            Map.entry(RosterWeights.MAX_SHIFTS_OF_KIND, "maxShiftsOfKind"),
            Map.entry(RosterWeights.MIN_CONSECUTIVE_DAYS, "minConsecutiveDays"),
            Map.entry(RosterWeights.FORBIDDEN_SEQUENCE, "forbiddenSequence"),
            Map.entry(RosterWeights.MAX_SHIFTS_OF_TEMPLATE, "maxShiftsOfTemplate"),
            Map.entry(RosterWeights.TEMPLATE_ELIGIBLE, "templateEligible"),
            Map.entry(RosterWeights.USUAL_KIND_HARD, "usualKindHard"),
            Map.entry(RosterWeights.USUAL_KIND, "usualKind"),
            Map.entry(RosterWeights.PERIOD_STARTS, "periodStarts"),
            Map.entry(RosterWeights.UNDER_COVERAGE, "underCoverage"),
            Map.entry(RosterWeights.OVER_COVERAGE, "overCoverage"),
            Map.entry(RosterWeights.PREFERENCE, "preference"),
            Map.entry(RosterWeights.WISH_FAIRNESS, "wishFairness"),
            Map.entry(RosterWeights.NIGHT_FAIRNESS, "nightFairness"),
            Map.entry(RosterWeights.WEEKEND_FAIRNESS, "weekendFairness"),
            Map.entry(RosterWeights.FAIR_HOURS, "fairHours"),
            Map.entry(RosterWeights.STABLE_START, "stableStart"),
            Map.entry(RosterWeights.PUBLISHED_CHANGE, "publishedChange"));

    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Translations translations;

    public RuleTexts(Translations translations) {
        this.translations = translations;
    }

    /** The breach with its sentence in {@code locale}; an old row (no key) keeps its stored text. */
    public RuleBreach render(RuleBreach b, Locale locale) {
        if (b.key() == null) {
            return b;
        }
        return b.withText(sentence(b.key(), b.args(), locale));
    }

    public List<RuleBreach> render(List<RuleBreach> breaches, Locale locale) {
        return breaches.stream().map(b -> render(b, locale)).toList();
    }

    /** The sentence of a message key with typed figures (see {@link RuleBreach#args()}). */
    public String sentence(String key, List<String> args, Locale locale) {
        Object[] params = new Object[args.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = arg(args.get(i), locale);
        }
        return translations.getTranslation(key, locale, params);
    }

    /** A rule's title in {@code locale} (its constraint name when it has no title). */
    public String title(String rule, Locale locale) {
        String id = IDS.get(rule);
        return id == null ? rule : translations.getTranslation("rule.name." + id, locale);
    }

    /** The message key of a rule's breach sentence ({@code rule.breach.other} for a rule without one). */
    static String breachKey(String rule) {
        String id = IDS.get(rule);
        return id == null ? "rule.breach.other" : "rule.breach." + id;
    }

    private String arg(String a, Locale locale) {
        if (a == null) {
            return "";
        }
        int colon = a.indexOf(':');
        String type = colon < 0 ? "" : a.substring(0, colon);
        String value = colon < 0 ? a : a.substring(colon + 1);
        return switch (type) {
            case "date" -> date(LocalDate.parse(value), locale);
            case "min" -> duration(Long.parseLong(value), locale);
            case "kind" -> translations.getTranslation("rule.kind." + value.toLowerCase(Locale.ROOT), locale);
            case "shift" -> shift(value.split("\\|", -1), locale);
            default -> a;
        };
    }

    /** A date as the reader writes it (2026-12-07 in English, 07.12.2026 in Russian). */
    public String date(LocalDate date, Locale locale) {
        return (Translations.supported(locale) == Translations.RUSSIAN ? RUSSIAN_DATE : DateTimeFormatter.ISO_LOCAL_DATE)
                .format(date);
    }

    /** Minutes as hours and minutes ("9 h 30 min", "9 ч 30 мин"). */
    public String duration(long minutes, Locale locale) {
        long h = Math.abs(minutes) / 60;
        long m = Math.abs(minutes) % 60;
        String sign = minutes < 0 ? "-" : "";
        String text = m == 0 ? translations.getTranslation("rule.format.hours", locale, String.valueOf(h))
                : h == 0 ? translations.getTranslation("rule.format.minutes", locale, String.valueOf(m))
                : translations.getTranslation("rule.format.hoursMinutes", locale, String.valueOf(h), String.valueOf(m));
        return sign + text;
    }

    private String shift(String[] parts, Locale locale) {
        if (parts[0].equals("off")) {
            return parts.length > 1 && !parts[1].isEmpty()
                    ? translations.getTranslation("rule.format.dayOffOn", locale, date(LocalDate.parse(parts[1]), locale))
                    : translations.getTranslation("rule.format.dayOff", locale);
        }
        List<String> p = new ArrayList<>(List.of(parts));
        while (p.size() < 4) {
            p.add("");
        }
        return translations.getTranslation("rule.format.shift", locale, p.get(0),
                p.get(1).isEmpty() ? "" : date(LocalDate.parse(p.get(1)), locale), p.get(2), p.get(3));
    }
}
