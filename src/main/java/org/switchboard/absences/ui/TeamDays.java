package org.switchboard.absences.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.switchboard.absences.DayState;
import org.switchboard.absences.DayStatus;

/**
 * A team's days as boxes: open, tight (one place left) or full, each by colour AND a symbol and word (✓ open,
 * ! tight, ✕ full) with the places used of the limit; the days a request asks for are outlined. With its legend.
 */
final class TeamDays extends Div {

    final Div days = new Div();
    private List<DayStatus> shown = List.of();

    TeamDays() {
        days.addClassName("ab-days");
        days.setId("team-days");
        add(days);
    }

    static String symbol(DayState state) {
        return switch (state) {
            case OPEN -> "✓";
            case TIGHT -> "!";
            case FULL -> "✕";
        };
    }

    static String cssClass(DayState state) {
        return "ab-" + state.name().toLowerCase(Locale.ROOT);
    }

    /** One day box (also used by the legend). */
    Div box(String head, DayState state, String detail) {
        Div box = new Div();
        box.addClassNames("ab-day", cssClass(state));
        Span symbol = new Span(symbol(state));
        symbol.addClassName("ab-symbol");
        symbol.getElement().setAttribute("aria-hidden", "true");
        if (head != null) {
            box.add(new Span(head));
        }
        box.add(symbol, new Span(getTranslation("absence.dayState." + state.name())));
        if (detail != null) {
            box.add(new Span(detail));
        }
        return box;
    }

    /** The legend: what the three kinds of day mean. */
    Div legend() {
        Div legend = new Div();
        legend.addClassName("ab-legend");
        legend.setId("team-days-legend");
        legend.add(new Span(getTranslation("timeoff.days.legend")));
        for (DayState s : DayState.values()) {
            legend.add(box(null, s, null));
        }
        return legend;
    }

    /** Shows the days, outlining those from {@code chosenFrom} to {@code chosenTo} (either may be null). */
    void show(List<DayStatus> list, LocalDate chosenFrom, LocalDate chosenTo) {
        shown = List.copyOf(list);
        days.removeAll();
        for (DayStatus d : list) {
            Div box = box(AbsenceTexts.shortDay(this, d.date()), d.state(),
                    getTranslation("timeoff.days.used", d.used(), d.limit()));
            box.getElement().setAttribute("data-date", d.date().toString());
            box.getElement().setAttribute("title", getTranslation("timeoff.days.title",
                    AbsenceTexts.date(this, d.date()), getTranslation("absence.dayState." + d.state().name()),
                    d.used(), d.limit()));
            if (days.getComponentCount() == 0) {
                box.getStyle().set("grid-column-start", String.valueOf(d.date().getDayOfWeek().getValue()));
            }
            if (chosenFrom != null && chosenTo != null && !d.date().isBefore(chosenFrom) && !d.date().isAfter(chosenTo)) {
                box.addClassName("ab-chosen");
            }
            days.add(box);
        }
    }

    List<DayStatus> shown() {
        return shown;
    }
}
