package org.switchboard.absences.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.switchboard.absences.DayStatus;

/**
 * The coming weeks of a team as a calendar (one row a week, Monday to Sunday): per day the places used of the limit,
 * open / tight / full by colour, symbol and word, and the limit as a field: a number sets the limit for that date, an
 * empty field gives the date back to the team's rule (a date with its own limit is shown in bold).
 */
final class LimitCalendar extends Grid<List<DayStatus>> {

    final Map<LocalDate, IntegerField> fields = new HashMap<>();
    private final BiConsumer<LocalDate, Integer> changed;
    private final TeamDays boxes = new TeamDays();
    private boolean editable;

    LimitCalendar(BiConsumer<LocalDate, Integer> changed) {
        this.changed = changed;
        setId("rules-calendar");
        addThemeVariants(GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        setSelectionMode(SelectionMode.NONE);
        for (DayOfWeek d : DayOfWeek.values()) {
            int index = d.getValue() - 1;
            addComponentColumn(week -> cell(week, index))
                    .setHeader(d.getDisplayName(TextStyle.SHORT_STANDALONE, AbsenceTexts.locale(this)))
                    .setKey(d.name().toLowerCase(java.util.Locale.ROOT)).setFlexGrow(1);
        }
    }

    private Component cell(List<DayStatus> week, int index) {
        DayStatus d = week.get(index);
        if (d == null) {
            return new Span();
        }
        Div cell = boxes.box(AbsenceTexts.shortDay(this, d.date()), d.state(),
                getTranslation("timeoff.days.used", d.used(), d.limit()));
        IntegerField limit = new IntegerField();
        limit.addThemeVariants(TextFieldVariant.SMALL);
        limit.setMin(0);
        limit.setWidth("4.2rem");
        limit.setId("rules-limit-" + d.date());
        limit.setAriaLabel(getTranslation("absenceRules.calendar.limitFor", AbsenceTexts.date(this, d.date())));
        limit.setPlaceholder(String.valueOf(d.limit()));
        if (d.source() == DayStatus.LimitSource.OVERRIDE) {
            limit.setValue(d.limit());
            cell.addClassName("ab-override");
        }
        limit.setReadOnly(!editable);
        limit.addValueChangeListener(e -> changed.accept(d.date(), e.getValue()));
        fields.put(d.date(), limit);
        cell.add(limit);
        cell.getElement().setAttribute("data-date", d.date().toString());
        return cell;
    }

    /** Shows the days (Monday-first weeks; days outside the list left empty). */
    void show(List<DayStatus> days, boolean editable) {
        this.editable = editable;
        fields.clear();
        List<List<DayStatus>> weeks = new ArrayList<>();
        List<DayStatus> week = null;
        for (DayStatus d : days) {
            if (week == null || d.date().getDayOfWeek() == DayOfWeek.MONDAY) {
                week = new ArrayList<>(java.util.Collections.nCopies(7, null));
                weeks.add(week);
            }
            week.set(d.date().getDayOfWeek().getValue() - 1, d);
        }
        setItems(weeks);
    }
}
