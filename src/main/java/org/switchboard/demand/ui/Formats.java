package org.switchboard.demand.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.switchboard.base.ui.Translations;

/**
 * Dates, times, numbers and percentages of the demand screens in the reader's locale: a Russian reader sees
 * 06.12.2026, «пн 6 дек. 08:00», 1 234,5 and 80,0 %; an English reader 6 Dec 2026, "Mon 6 Dec 08:00", 1,234.5 and
 * 80.0 %. Times are 24-hour in both. Date pickers start the week on Monday (and read dd.MM.yyyy in Russian).
 */
final class Formats {

    private Formats() {}

    /** The locale the reader reads (Russian for any Russian locale, else English). */
    public static Locale reader(Locale locale) {
        return Translations.supported(locale);
    }

    static boolean russian(Locale locale) {
        return reader(locale) == Translations.RUSSIAN;
    }

    public static DateTimeFormatter date(Locale locale) {
        return russian(locale) ? DateTimeFormatter.ofPattern("dd.MM.yyyy", Translations.RUSSIAN)
                : DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    }

    public static DateTimeFormatter dateTime(Locale locale) {
        return russian(locale) ? DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Translations.RUSSIAN)
                : DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    }

    /** Weekday, day, month and time: a chart label of a week view. */
    public static DateTimeFormatter dayTime(Locale locale) {
        return DateTimeFormatter.ofPattern("EEE d MMM HH:mm", reader(locale));
    }

    public static String date(LocalDate day, Locale locale) {
        return day == null ? "" : date(locale).format(day);
    }

    /** A weekday's short name: Mon / пн. */
    public static String day(DayOfWeek day, Locale locale) {
        return day.getDisplayName(TextStyle.SHORT, reader(locale));
    }

    /** A number with the given fraction digits and the locale's grouping: 1,234.5 / 1 234,5. */
    public static String number(double value, int fractionDigits, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(reader(locale));
        f.setMinimumFractionDigits(fractionDigits);
        f.setMaximumFractionDigits(fractionDigits);
        return f.format(value);
    }

    /** A fraction of 1 as a percentage with one decimal: 0.8 → 80.0 % / 80,0 %. */
    public static String percent(double fraction, Locale locale) {
        return number(fraction * 100, 1, locale) + " %";
    }

    /** A value entered in percent (80, 99.9) as the reader writes it: "80 %", "99,9 %". */
    public static String enteredPercent(double percent, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(reader(locale));
        f.setMaximumFractionDigits(3);
        return f.format(percent) + " %";
    }

    /** The locale for time pickers: 24-hour times in both languages (English as in the UK). */
    public static Locale timeLocale(Locale locale) {
        return russian(locale) ? Locale.forLanguageTag("ru-RU") : Locale.UK;
    }

    /** A date picker in the reader's format, the week starting on Monday. */
    public static void localize(DatePicker picker, Locale locale) {
        picker.setLocale(russian(locale) ? Locale.forLanguageTag("ru-RU") : Locale.UK);
        picker.setI18n(datePickerI18n(locale));
    }

    public static void localize(DateTimePicker picker, Locale locale) {
        picker.setLocale(russian(locale) ? Locale.forLanguageTag("ru-RU") : Locale.UK);
        picker.setDatePickerI18n(datePickerI18n(locale));
    }

    static DatePicker.DatePickerI18n datePickerI18n(Locale locale) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n().setFirstDayOfWeek(1);
        if (russian(locale)) {
            i18n.setDateFormat("dd.MM.yyyy")
                    .setMonthNames(List.of("Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август",
                            "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"))
                    .setWeekdays(List.of("воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"))
                    .setWeekdaysShort(List.of("вс", "пн", "вт", "ср", "чт", "пт", "сб"))
                    .setToday("Сегодня").setCancel("Отмена");
        }
        return i18n;
    }
}
