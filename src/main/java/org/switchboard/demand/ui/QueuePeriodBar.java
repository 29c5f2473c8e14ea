package org.switchboard.demand.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.switchboard.demand.Queue;

/** Choose a queue and a day or a week (Monday to Sunday) of its local time; previous and next step through. */
class QueuePeriodBar extends HorizontalLayout {

    static final String DAY = "Day";
    static final String WEEK = "Week";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH);

    final ComboBox<Queue> queue = new ComboBox<>("Queue");
    final DatePicker day = new DatePicker("Day");
    final Select<String> span = new Select<>();
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());

    QueuePeriodBar(List<Queue> queues, Runnable onChange) {
        queue.setItems(queues);
        queue.setItemLabelGenerator(q -> q.getCode() + " " + q.getName());
        queue.setId("queue");
        queue.setWidth("18em");
        day.setId("day");
        span.setLabel("Show");
        span.setItems(DAY, WEEK);
        span.setValue(WEEK);
        span.setId("span");
        previous.addThemeVariants(ButtonVariant.LUMO_ICON);
        next.addThemeVariants(ButtonVariant.LUMO_ICON);
        previous.setAriaLabel("Previous");
        next.setAriaLabel("Next");
        previous.addClickListener(e -> day.setValue(day.getValue() == null ? today() : day.getValue().minusDays(days())));
        next.addClickListener(e -> day.setValue(day.getValue() == null ? today() : day.getValue().plusDays(days())));
        queue.addValueChangeListener(e -> onChange.run());
        day.addValueChangeListener(e -> onChange.run());
        span.addValueChangeListener(e -> onChange.run());
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(queue, day, span, previous, next);
    }

    /** Today in the chosen queue's time zone (the server's when none is chosen). */
    LocalDate today() {
        return queue.getValue() == null ? LocalDate.now() : LocalDate.now(zone());
    }

    int days() {
        return WEEK.equals(span.getValue()) ? 7 : 1;
    }

    boolean ready() {
        return queue.getValue() != null && day.getValue() != null;
    }

    LocalDate firstDay() {
        return WEEK.equals(span.getValue())
                ? day.getValue().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.getValue();
    }

    LocalDate lastDay() {
        return firstDay().plusDays(days() - 1);
    }

    ZoneId zone() {
        return ZoneId.of(queue.getValue().getTimeZone());
    }

    /** Chart label of an interval start: the time on a day view, day and time on a week view. */
    String label(java.time.Instant start) {
        return start.atZone(zone()).format(days() == 1 ? TIME : DAY_TIME);
    }
}
