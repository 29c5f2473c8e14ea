package org.switchboard.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The UI's languages and switching between them at once (the open screen is built again in the new language). */
public final class Languages {

    /** The languages the UI is written in, in the switcher's order. */
    public static final List<Locale> ALL = List.of(Locale.ENGLISH, Translations.RUSSIAN);

    private Languages() {}

    /** A language's name in that language itself (what a reader looks for in a switcher). */
    public static String nameOf(Locale locale) {
        return Translations.supported(locale) == Translations.RUSSIAN ? "Русский" : "English";
    }

    /** Dates as a reader of {@code locale} writes them: 06.12.2026 in Russian, 2026-12-06 otherwise. */
    public static DateTimeFormatter date(Locale locale) {
        return DateTimeFormatter.ofPattern(russian(locale) ? "dd.MM.yyyy" : "yyyy-MM-dd", Translations.supported(locale));
    }

    /** Date and 24-hour time with the zone: 06.12.2026 14:30 MSK in Russian, 2026-12-06 14:30 MSK otherwise. */
    public static DateTimeFormatter dateTime(Locale locale) {
        return DateTimeFormatter.ofPattern(russian(locale) ? "dd.MM.yyyy HH:mm z" : "yyyy-MM-dd HH:mm z",
                Translations.supported(locale));
    }

    /** The reader's language on the component's screen (English when it cannot tell). */
    public static Locale of(com.vaadin.flow.component.Component c) {
        UI ui = c.getUI().orElse(UI.getCurrent());
        return Translations.supported(ui == null ? null : ui.getLocale());
    }

    /** A share as a percentage in the reader's writing, one decimal at most ("80,5 %" / "80.5%"); "—" for none. */
    public static String percent(Double share, Locale locale) {
        if (share == null) {
            return "—";
        }
        java.text.NumberFormat f = java.text.NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    private static boolean russian(Locale locale) {
        return Translations.supported(locale) == Translations.RUSSIAN;
    }

    /** Shows the session (every open tab) in {@code locale} from now on, without a reload. */
    public static void apply(UI ui, Locale locale) {
        Locale supported = Translations.supported(locale);
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(supported); // sets every UI of the session, this one included
        }
        ui.setLocale(supported);
    }
}
