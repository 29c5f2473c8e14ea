package org.switchboard.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Date pickers in the reader's language: a Russian reader gets Russian month and day names, 06.12.2026 and Monday as
 * the first day of the week; an English reader the picker's English words with Monday first as well (the site's
 * weeks, rosters and reports run Monday to Sunday).
 */
public final class DatePickers {

    private DatePickers() {}

    /** Sets the picker's locale, first day of week and, for Russian, its words and the dd.MM.yyyy format. */
    public static DatePicker localize(DatePicker picker, Locale uiLocale) {
        Locale locale = Translations.supported(uiLocale);
        boolean russian = locale == Translations.RUSSIAN;
        picker.setLocale(russian ? Locale.forLanguageTag("ru-RU") : Locale.UK);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setFirstDayOfWeek(1);
        if (russian) {
            i18n.setMonthNames(Arrays.stream(Month.values())
                    .map(m -> capitalized(m.getDisplayName(TextStyle.FULL_STANDALONE, locale))).toList());
            List<DayOfWeek> sundayFirst = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
            i18n.setWeekdays(sundayFirst.stream().map(d -> capitalized(d.getDisplayName(TextStyle.FULL_STANDALONE, locale))).toList());
            i18n.setWeekdaysShort(sundayFirst.stream().map(d -> capitalized(d.getDisplayName(TextStyle.SHORT_STANDALONE, locale))).toList());
            i18n.setToday(I18NProvider.translate(locale, "picker.today"));
            i18n.setCancel(I18NProvider.translate(locale, "picker.cancel"));
            i18n.setDateFormat("dd.MM.yyyy");
        }
        picker.setI18n(i18n);
        return picker;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
