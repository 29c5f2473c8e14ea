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

/**
 * Choose a queue and a day or a week (Monday to Sunday) of its local time; previous and next step through. Labels,
 * the date picker and chart labels follow the reader's locale.
 */
class QueuePeriodBar extends HorizontalLayout {

    /** The spans (values of {@link #span}; shown translated). */
    static final String DAY = "Day";
    static final String WEEK = "Week";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    final ComboBox<Queue> queue = new ComboBox<>(getTranslation("demand.bar.queue"));
    final DatePicker day = new DatePicker(getTranslation("demand.bar.day"));
    private final DateTimeFormatter dayTime = Formats.dayTime(getLocale());
    final Select<String> span = new Select<>();
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());

    QueuePeriodBar(List<Queue> queues, Runnable onChange) {
        queue.setItems(queues);
        queue.setItemLabelGenerator(q -> q.getCode() + " " + q.getName());
        queue.setId("queue");
        queue.setWidth("18em");
        day.setId("day");
        Formats.localize(day, getLocale());
        span.setLabel(getTranslation("demand.bar.show"));
        span.setItems(DAY, WEEK);
        span.setItemLabelGenerator(v -> getTranslation(DAY.equals(v) ? "demand.bar.span.day" : "demand.bar.span.week"));
        span.setValue(WEEK);
        span.setId("span");
        previous.addThemeVariants(ButtonVariant.LUMO_ICON);
        next.addThemeVariants(ButtonVariant.LUMO_ICON);
        previous.setAriaLabel(getTranslation("demand.bar.previous"));
        next.setAriaLabel(getTranslation("demand.bar.next"));
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
        return start.atZone(zone()).format(days() == 1 ? TIME : dayTime);
    }
}
