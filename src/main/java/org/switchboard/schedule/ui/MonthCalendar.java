package org.switchboard.schedule.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.schedule.MySchedule;
import org.switchboard.schedule.ScheduleOwner;
import org.switchboard.schedule.ScheduledShift;

/**
 * A month of the operator's published shifts: weeks in rows from the reader's first day of week (Monday in Russian),
 * a chip per shift coloured by day, evening or night, previous and next month.
 */
class MonthCalendar extends VerticalLayout {

    final Button previous = new Button();
    final Button current = new Button();
    final Button next = new Button();
    final H3 title = new H3();
    final Div grid = new Div();
    final Paragraph empty = new Paragraph();

    private final MySchedule schedule;
    private final ScheduleOwner owner;
    private YearMonth month;

    MonthCalendar(MySchedule schedule, ScheduleOwner owner) {
        this.schedule = schedule;
        this.owner = owner;
        setPadding(false);
        previous.setIcon(VaadinIcon.ANGLE_LEFT.create());
        previous.setAriaLabel(getTranslation("schedule.month.previous"));
        previous.setTooltipText(getTranslation("schedule.month.previous"));
        next.setIcon(VaadinIcon.ANGLE_RIGHT.create());
        next.setAriaLabel(getTranslation("schedule.month.next"));
        next.setTooltipText(getTranslation("schedule.month.next"));
        current.setText(getTranslation("schedule.month.current"));
        for (Button b : List.of(previous, current, next)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        previous.addClickListener(e -> show(month.minusMonths(1)));
        next.addClickListener(e -> show(month.plusMonths(1)));
        current.addClickListener(e -> show(YearMonth.from(schedule.today(owner.zone()))));
        title.getStyle().set("margin", "0").set("min-width", "12rem").set("text-align", "center");
        HorizontalLayout bar = new HorizontalLayout(previous, title, next, current);
        bar.setAlignItems(Alignment.CENTER);
        grid.setId("schedule-month");
        grid.setWidthFull();
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(7, minmax(0, 1fr))")
                .set("gap", "2px");
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(bar, grid, empty);
        show(YearMonth.from(schedule.today(owner.zone())));
    }

    YearMonth month() {
        return month;
    }

    /** The cells' dates: whole weeks from the reader's first day of week covering the month. */
    List<LocalDate> days() {
        DayOfWeek first = ScheduleFormat.firstDayOfWeek(getLocale());
        LocalDate start = month.atDay(1).with(TemporalAdjusters.previousOrSame(first));
        LocalDate end = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(first.minus(1)));
        return start.datesUntil(end.plusDays(1)).toList();
    }

    void show(YearMonth m) {
        month = m;
        ScheduleFormat f = new ScheduleFormat(getLocale());
        title.setText(f.month(m.atDay(1)));
        List<LocalDate> days = days();
        Map<LocalDate, List<ScheduledShift>> byDate = new HashMap<>();
        List<ScheduledShift> shifts = schedule.shifts(days.getFirst(), days.getLast());
        shifts.forEach(s -> byDate.computeIfAbsent(s.date(), k -> new java.util.ArrayList<>()).add(s));
        grid.removeAll();
        for (int i = 0; i < 7; i++) {
            Span head = new Span(f.weekday(days.get(i)));
            head.getStyle().set("font-weight", "600").set("text-align", "center")
                    .set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            grid.add(head);
        }
        LocalDate today = schedule.today(owner.zone());
        for (LocalDate d : days) {
            grid.add(cell(d, byDate.getOrDefault(d, List.of()), f, d.equals(today)));
        }
        boolean none = shifts.stream().noneMatch(s -> YearMonth.from(s.date()).equals(m));
        empty.setText(none ? getTranslation("schedule.month.empty") : "");
        empty.setVisible(none);
    }

    private Div cell(LocalDate d, List<ScheduledShift> shifts, ScheduleFormat f, boolean today) {
        Div cell = new Div();
        cell.addClassName("schedule-day");
        cell.getElement().setAttribute("data-date", d.toString());
        cell.getStyle().set("min-height", "4.5rem").set("padding", "2px 4px")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-s)");
        if (!YearMonth.from(d).equals(month)) {
            cell.getStyle().set("opacity", "0.45");
        }
        Span number = new Span(String.valueOf(d.getDayOfMonth()));
        number.getStyle().set("font-size", "var(--lumo-font-size-s)");
        if (today) {
            number.getStyle().set("font-weight", "700").set("color", "var(--lumo-primary-text-color)");
            cell.getStyle().set("border-color", "var(--lumo-primary-color)");
        }
        cell.add(number);
        for (ScheduledShift s : shifts) {
            Div chip = new Div(new Span(f.span(s.start(), s.end())));
            chip.addClassName("schedule-chip");
            chip.addClassName("schedule-chip-" + s.kind().name().toLowerCase(java.util.Locale.ROOT));
            String[] colours = ScheduleFormat.colours(s.kind());
            chip.getStyle().set("background", colours[0]).set("color", colours[1]).set("border-radius", "4px")
                    .set("padding", "1px 4px").set("margin-top", "2px").set("font-size", "var(--lumo-font-size-xs)")
                    .set("overflow", "hidden").set("white-space", "nowrap").set("text-overflow", "ellipsis");
            String queue = s.queueCode() == null ? "" : " " + s.queueCode();
            chip.add(new Span(queue));
            chip.setTitle(s.templateName() + " · " + getTranslation("schedule.kind." + s.kind()) + queue + " · "
                    + (ScheduleFormat.hasBreak(s) ? getTranslation("schedule.shift.break", f.span(s.breakStart(), s.breakEnd()))
                    : getTranslation("schedule.noBreak")));
            cell.add(chip);
        }
        return cell;
    }
}
