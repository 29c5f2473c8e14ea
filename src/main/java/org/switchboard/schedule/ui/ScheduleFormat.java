package org.switchboard.schedule.ui;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.switchboard.rostering.ShiftKind;
import org.switchboard.schedule.ScheduledShift;

/** Dates and times of the schedule screens in the reader's locale (a Russian reader: 07.12.2026, 24-hour times). */
final class ScheduleFormat {

    private final DateTimeFormatter date;
    private final DateTimeFormatter weekday;
    private final DateTimeFormatter month;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");

    ScheduleFormat(Locale locale) {
        Locale l = locale == null ? Locale.ENGLISH : locale;
        // a Russian reader's short date has the four-digit year (dd.MM.yyyy)
        this.date = "ru".equals(l.getLanguage()) ? DateTimeFormatter.ofPattern("dd.MM.yyyy", l)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l);
        this.weekday = DateTimeFormatter.ofPattern("EEE", l);
        this.month = DateTimeFormatter.ofPattern("LLLL yyyy", l);
    }

    /**
     * The reader's first day of the week. The UI's Russian is the bare language "ru" (the language switcher, the
     * profile), whose week data would start on Sunday; a Russian reader's week starts on Monday (ru-RU).
     */
    static java.time.DayOfWeek firstDayOfWeek(Locale locale) {
        Locale l = locale == null ? Locale.ENGLISH : locale;
        if ("ru".equals(l.getLanguage()) && l.getCountry().isEmpty()) {
            l = Locale.forLanguageTag("ru-RU");
        }
        return java.time.temporal.WeekFields.of(l).getFirstDayOfWeek();
    }

    String date(LocalDate d) {
        return date.format(d);
    }

    /** "Mon, Dec 7, 2026" / "пн, 07.12.2026" */
    String dayAndDate(LocalDate d) {
        return weekday.format(d) + ", " + date.format(d);
    }

    String time(ZonedDateTime t) {
        return time.format(t);
    }

    /** "08:00–17:00" */
    String span(ZonedDateTime from, ZonedDateTime to) {
        return time(from) + "–" + time(to);
    }

    String month(LocalDate firstOfMonth) {
        String text = month.format(firstOfMonth);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    String weekday(LocalDate d) {
        return weekday.format(d);
    }

    /** Background and text colours of a shift's chip: day light, evening warm, night dark. */
    static String[] colours(ShiftKind kind) {
        return switch (kind == null ? ShiftKind.DAY : kind) {
            case DAY -> new String[] {"#e3f2fd", "#0d47a1"};
            case EVENING -> new String[] {"#fff3e0", "#e65100"};
            case NIGHT -> new String[] {"#283593", "#ffffff"};
        };
    }

    static boolean hasBreak(ScheduledShift s) {
        return s.breakStart() != null && s.breakEnd() != null;
    }
}
