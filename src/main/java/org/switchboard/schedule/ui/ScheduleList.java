package org.switchboard.schedule.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.switchboard.schedule.MySchedule;
import org.switchboard.schedule.ScheduleOwner;
import org.switchboard.schedule.ScheduledShift;

/**
 * The operator's published shifts as a list, week by week (the reader's first day of week): this week and the next
 * four by default; earlier and later weeks a click away, so past weeks stay visible.
 */
class ScheduleList extends VerticalLayout {

    static final int WEEKS = MySchedule.DEFAULT_WEEKS;

    final Button earlier = new Button();
    final Button thisWeek = new Button();
    final Button later = new Button();
    final Div weeks = new Div();

    private final MySchedule schedule;
    private final ScheduleOwner owner;
    private LocalDate from;

    ScheduleList(MySchedule schedule, ScheduleOwner owner) {
        this.schedule = schedule;
        this.owner = owner;
        setPadding(false);
        earlier.setText(getTranslation("schedule.list.earlier"));
        earlier.setIcon(VaadinIcon.ANGLE_LEFT.create());
        thisWeek.setText(getTranslation("schedule.list.thisWeek"));
        later.setText(getTranslation("schedule.list.later"));
        later.setIcon(VaadinIcon.ANGLE_RIGHT.create());
        later.setIconAfterText(true);
        for (Button b : List.of(earlier, thisWeek, later)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        earlier.addClickListener(e -> show(from.minusWeeks(WEEKS)));
        later.addClickListener(e -> show(from.plusWeeks(WEEKS)));
        thisWeek.addClickListener(e -> show(currentWeek()));
        weeks.setId("schedule-list");
        weeks.setWidthFull();
        add(new HorizontalLayout(earlier, thisWeek, later), weeks);
        show(currentWeek());
    }

    LocalDate currentWeek() {
        return schedule.today(owner.zone()).with(TemporalAdjusters.previousOrSame(firstDayOfWeek()));
    }

    LocalDate from() {
        return from;
    }

    private java.time.DayOfWeek firstDayOfWeek() {
        return ScheduleFormat.firstDayOfWeek(getLocale());
    }

    /** Shows {@value #WEEKS} weeks from the week starting on {@code first}. */
    void show(LocalDate first) {
        from = first;
        LocalDate to = first.plusWeeks(WEEKS).minusDays(1);
        List<ScheduledShift> shifts = schedule.shifts(first, to);
        ScheduleFormat f = new ScheduleFormat(getLocale());
        weeks.removeAll();
        if (shifts.isEmpty()) {
            weeks.add(new Paragraph(getTranslation("schedule.list.empty")));
        }
        for (int w = 0; w < WEEKS; w++) {
            LocalDate start = first.plusWeeks(w);
            LocalDate end = start.plusDays(6);
            H4 title = new H4(getTranslation("schedule.list.week", f.date(start), f.date(end)));
            title.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs)");
            weeks.add(title);
            List<ScheduledShift> week = shifts.stream()
                    .filter(s -> !s.date().isBefore(start) && !s.date().isAfter(end)).toList();
            if (week.isEmpty() && !shifts.isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("schedule.list.weekEmpty"));
                none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
                weeks.add(none);
            }
            week.forEach(s -> weeks.add(row(s, f)));
        }
    }

    private Div row(ScheduledShift s, ScheduleFormat f) {
        Div row = new Div();
        row.addClassName("schedule-shift");
        row.getElement().setAttribute("data-date", s.date().toString());
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("margin", "2px 0")
                .set("border-radius", "var(--lumo-border-radius-m)");
        String[] colours = ScheduleFormat.colours(s.kind());
        row.getStyle().set("background", colours[0]).set("color", colours[1]);
        Span day = new Span(f.dayAndDate(s.date()));
        day.setMinWidth("10rem");
        Span time = new Span(f.span(s.start(), s.end()));
        time.getStyle().set("font-weight", "600");
        time.setMinWidth("7rem");
        String queueText = s.queueCode() == null ? getTranslation("schedule.noQueue")
                : s.queueCode() + (s.queueName() == null ? "" : " " + s.queueName());
        Span queue = new Span(queueText);
        Span template = new Span(s.templateName() + " (" + s.templateCode() + ") · "
                + getTranslation("schedule.kind." + s.kind()));
        Span brk = new Span(ScheduleFormat.hasBreak(s)
                ? getTranslation("schedule.shift.break", f.span(s.breakStart(), s.breakEnd()))
                : getTranslation("schedule.noBreak"));
        row.add(day, time, queue, template, brk);
        return row;
    }
}
