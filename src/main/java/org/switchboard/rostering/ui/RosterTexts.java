package org.switchboard.rostering.ui;

import com.vaadin.flow.component.Component;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.WeekFields;
import java.util.Locale;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterState;
import org.switchboard.rostering.ShiftKind;

/** Locale-aware words and figures of the roster screens (dates, times, shares, states, shift kinds). */
final class RosterTexts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private RosterTexts() {}

    static Locale locale(Component c) {
        com.vaadin.flow.component.UI ui = c.getUI().orElse(com.vaadin.flow.component.UI.getCurrent());
        Locale l = ui == null ? null : ui.getLocale();
        return l == null ? Locale.ENGLISH : l;
    }

    static boolean russian(Locale l) {
        return "ru".equals(l.getLanguage());
    }

    /** 07.12.2026 in Russian, 12/7/26 in English. */
    static String date(LocalDate d, Locale l) {
        return d == null ? "" : d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(l));
    }

    /** A day column's header: "пн 07.12" / "Mon 12/7". */
    static String dayHeader(LocalDate d, Locale l) {
        return d.format(DateTimeFormatter.ofPattern(russian(l) ? "EE dd.MM" : "EEE M/d", l));
    }

    static String time(LocalTime t) {
        return t == null ? "" : t.format(TIME);
    }

    /** The first day of the week {@code d} is in, as readers of the locale count weeks (Monday in Russia). */
    static LocalDate weekStart(LocalDate d, Locale l) {
        return d.with(WeekFields.of(russian(l) ? Locale.forLanguageTag("ru-RU") : Locale.UK).dayOfWeek(), 1);
    }

    static String percent(Double share, Locale l) {
        return org.switchboard.base.ui.Languages.percent(share, l);
    }

    static String number(double value, Locale l) {
        NumberFormat f = NumberFormat.getNumberInstance(l);
        f.setMaximumFractionDigits(1);
        return f.format(value);
    }

    /** "07.12.2026 – 03.01.2027 (28 days)" */
    static String period(Component c, Roster r) {
        Locale l = locale(c);
        return c.getTranslation("rosters.period", date(r.startDate(), l), date(r.endDate(), l), r.days());
    }

    /** Draft, solving, published or superseded. */
    static String state(Component c, RosterState state, boolean solving) {
        return c.getTranslation("rosters.state." + (solving ? "solving" : state.name().toLowerCase(Locale.ROOT)));
    }

    /** "0 hard, −12 medium, −3,400 soft", or a dash before the first evaluation. */
    static String score(Component c, Integer hard, Long medium, Long soft) {
        if (hard == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getIntegerInstance(locale(c));
        return c.getTranslation("rosters.score", f.format(hard), f.format(medium == null ? 0 : medium),
                f.format(soft == null ? 0 : soft));
    }

    /** A symbol per kind, told apart without colour (and in print): sun, half moon, moon. */
    static String symbol(ShiftKind kind) {
        return switch (kind) {
            case DAY -> "☀";
            case EVENING -> "◐";
            case NIGHT -> "☾";
        };
    }

    static String kindName(Component c, ShiftKind kind) {
        return c.getTranslation("board.kind." + kind.name().toLowerCase(Locale.ROOT));
    }

    /** CSS class of a kind: sb-day, sb-evening, sb-night. */
    static String kindClass(ShiftKind kind) {
        return "sb-" + kind.name().toLowerCase(Locale.ROOT);
    }
}
