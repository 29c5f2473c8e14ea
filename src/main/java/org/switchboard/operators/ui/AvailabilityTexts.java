package org.switchboard.operators.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.base.ui.Translations;
import org.switchboard.operators.AvailabilityEntry;
import org.switchboard.operators.PreferredShift;
import org.switchboard.operators.SetBy;
import org.switchboard.operators.Wish;
import org.switchboard.operators.WishPeriod;
import org.switchboard.operators.WishType;
import org.switchboard.shared.KeyedException;
import org.switchboard.shared.ValidationFailedException;

/** Availability rows, wishes and wish periods in the reader's words (dates 07.12.2026 in Russian, ISO in English). */
final class AvailabilityTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private AvailabilityTexts() {}

    static Locale locale(Component c) {
        return org.switchboard.base.ui.Languages.of(c);
    }

    static String date(LocalDate d, Locale l) {
        return d == null ? "" : l.equals(Translations.RUSSIAN) ? RUSSIAN_DATE.format(d) : d.toString();
    }

    static String time(LocalTime t) {
        return t == null ? "" : TIME.format(t);
    }

    /** "Mon, Tue, Fri" / "Пн, Вт, Пт", Monday first. */
    static String days(Set<DayOfWeek> days, Locale l) {
        return days.stream().sorted().map(d -> day(d, l)).collect(Collectors.joining(", "));
    }

    static String day(DayOfWeek d, Locale l) {
        String s = d.getDisplayName(TextStyle.SHORT_STANDALONE, l);
        return s.substring(0, 1).toUpperCase(l) + s.substring(1);
    }

    /** "not available", "from 14:00", "until 18:00", "09:00 to 18:00". */
    static String hours(Component c, AvailabilityEntry e) {
        if (!e.available()) {
            return c.getTranslation("availability.notAvailable");
        }
        if (e.from() != null && e.until() != null) {
            return c.getTranslation("availability.between", time(e.from()), time(e.until()));
        }
        return e.from() != null ? c.getTranslation("availability.fromTime", time(e.from()))
                : c.getTranslation("availability.untilTime", time(e.until()));
    }

    static String validity(Component c, AvailabilityEntry e) {
        Locale l = locale(c);
        if (e.validFrom() == null && e.validTo() == null) {
            return c.getTranslation("availability.always");
        }
        if (e.validTo() == null) {
            return c.getTranslation("availability.validFrom", date(e.validFrom(), l));
        }
        if (e.validFrom() == null) {
            return c.getTranslation("availability.validTo", date(e.validTo(), l));
        }
        return c.getTranslation("availability.validBetween", date(e.validFrom(), l), date(e.validTo(), l));
    }

    static String setBy(Component c, SetBy s) {
        return c.getTranslation("availability.setBy." + (s == null ? SetBy.OPERATOR : s).name());
    }

    static String kind(Component c, PreferredShift k) {
        return c.getTranslation("wishes.kind." + k.name());
    }

    /** "Day off on 07.12.2026", "Night shift on ...", "Night shifts for the whole period". */
    static String wish(Component c, Wish w) {
        Locale l = locale(c);
        if (w.type() == WishType.DAY_OFF) {
            return c.getTranslation("wishes.dayOff", date(w.date(), l));
        }
        return w.wholePeriod() ? c.getTranslation("wishes.kindPeriod", kind(c, w.kind()))
                : c.getTranslation("wishes.kindOn", kind(c, w.kind()), date(w.date(), l));
    }

    /** "07.12.2026 to 03.01.2027, wishes until 03.12.2026 18:00 (open)". */
    static String period(Component c, WishPeriod p, boolean open, ZoneId zone) {
        Locale l = locale(c);
        var deadline = p.deadline().atZone(zone);
        return c.getTranslation(open ? "wishes.period.open" : "wishes.period.closed", date(p.startDate(), l),
                date(p.endDate(), l), date(deadline.toLocalDate(), l), TIME.format(deadline));
    }

    /** Shows a refusal from a service (wrong input, a closed period, a missing record) in the reader's language. */
    static void error(RuntimeException e) {
        if (!(e instanceof KeyedException || e instanceof ValidationFailedException)) {
            throw e;
        }
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.ENGLISH : ui.getLocale();
        String text = e instanceof ValidationFailedException v && !v.fieldErrors().isEmpty()
                ? String.join("; ", v.fieldErrors(locale).values())
                : e instanceof KeyedException k ? k.message(locale) : e.getMessage();
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
