package org.switchboard.absences.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.switchboard.absences.AbsenceType;
import org.switchboard.absences.NewAbsence;
import org.switchboard.absences.TimeOffRequests;
import org.switchboard.base.ui.DatePickers;

/**
 * The fields the two absence forms share (an operator's request on Time off, a planner's or manager's entry): the
 * kind, whole days or a time span, the first and last day or the date and times, and a note; ids are the form's
 * prefix and the field's name ({@code time-off-from}, {@code absence-entry-from}, …). The forms lay them out.
 */
final class AbsenceFields {

    final ComboBox<AbsenceType> type = new ComboBox<>();
    final RadioButtonGroup<Boolean> wholeDays = new RadioButtonGroup<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final DatePicker day = new DatePicker();
    final TimePicker startTime = new TimePicker();
    final TimePicker endTime = new TimePicker();
    final TextArea note = new TextArea();

    /**
     * @param owner the form (for its words and locale)
     * @param idPrefix e.g. {@code time-off}
     */
    AbsenceFields(Component owner, String idPrefix, List<AbsenceType> types, AbsenceType initial) {
        Locale locale = AbsenceTexts.locale(owner);
        type.setLabel(owner.getTranslation("timeoff.form.type"));
        type.setItems(types);
        type.setItemLabelGenerator(t -> AbsenceTexts.type(owner, t));
        type.setValue(initial);
        type.setId(idPrefix + "-type");
        wholeDays.setLabel(owner.getTranslation("timeoff.form.kind"));
        wholeDays.setItems(true, false);
        wholeDays.setItemLabelGenerator(w -> owner.getTranslation(w ? "timeoff.form.wholeDays" : "timeoff.form.span"));
        wholeDays.setValue(true);
        wholeDays.setId(idPrefix + "-mode");
        wholeDays.addValueChangeListener(e -> showMode());
        for (DatePicker p : List.of(from, to, day)) {
            DatePickers.localize(p, locale);
        }
        from.setLabel(owner.getTranslation("timeoff.form.from"));
        from.setId(idPrefix + "-from");
        // the last day follows a first day chosen after it
        from.addValueChangeListener(e -> {
            if (e.getValue() != null && (to.getValue() == null || to.getValue().isBefore(e.getValue()))) {
                to.setValue(e.getValue());
            }
        });
        to.setLabel(owner.getTranslation("timeoff.form.to"));
        to.setId(idPrefix + "-to");
        day.setLabel(owner.getTranslation("timeoff.form.date"));
        day.setId(idPrefix + "-date");
        startTime.setLabel(owner.getTranslation("timeoff.form.startTime"));
        startTime.setId(idPrefix + "-start");
        endTime.setLabel(owner.getTranslation("timeoff.form.endTime"));
        endTime.setId(idPrefix + "-end");
        for (TimePicker t : List.of(startTime, endTime)) {
            t.setLocale(locale);
            t.setStep(Duration.ofMinutes(30));
        }
        note.setLabel(owner.getTranslation("timeoff.form.note"));
        note.setMaxLength(TimeOffRequests.MAX_NOTE);
        note.setId(idPrefix + "-note");
        showMode();
    }

    /** Whole days (else a time span on one date). */
    boolean days() {
        return !Boolean.FALSE.equals(wholeDays.getValue());
    }

    /** Shows the fields of the chosen way: the first and last day, or the date and times. */
    void showMode() {
        boolean days = days();
        from.setVisible(days);
        to.setVisible(days);
        day.setVisible(!days);
        startTime.setVisible(!days);
        endTime.setVisible(!days);
    }

    /** The first and last chosen date, or nulls. */
    LocalDate[] chosen() {
        if (days()) {
            return new LocalDate[] {from.getValue(), to.getValue() == null ? from.getValue() : to.getValue()};
        }
        return new LocalDate[] {day.getValue(), day.getValue()};
    }

    /** The request as the fields have it (the service checks it). */
    NewAbsence request() {
        String text = note.getValue() == null || note.getValue().isBlank() ? null : note.getValue();
        return days() ? NewAbsence.days(type.getValue(), from.getValue(), to.getValue(), text)
                : span(type.getValue(), day.getValue(), startTime.getValue(), endTime.getValue(), text);
    }

    /** A time span on date {@code d}: an end at or before the start is on the next day (a night). */
    static NewAbsence span(AbsenceType type, LocalDate d, LocalTime s, LocalTime e, String note) {
        LocalDateTime start = d == null || s == null ? null : d.atTime(s);
        LocalDateTime end = d == null || e == null ? null : s != null && !e.isAfter(s) ? d.plusDays(1).atTime(e) : d.atTime(e);
        if (start == null && end == null) {
            // still a span, so that the service names the missing times
            start = d == null ? LocalDate.now().atStartOfDay() : d.atStartOfDay();
        }
        return NewAbsence.span(type, start, end, note);
    }

    /** The field a service error names ({@code from}, {@code end}, …), or null. */
    HasValidation field(String name) {
        return switch (name) {
            case "type" -> type;
            case "from" -> days() ? from : day;
            case "to" -> to;
            case "start" -> startTime.getValue() == null ? startTime : day;
            case "end" -> endTime;
            case "note" -> note;
            default -> null;
        };
    }

    /** Marks the fields a service's errors name; unknown names are left to the form's message. */
    void markErrors(java.util.Map<String, String> errors) {
        errors.forEach((name, message) -> {
            HasValidation f = field(name);
            if (f != null) {
                f.setErrorMessage(message);
                f.setInvalid(true);
            }
        });
    }

    void clearErrors() {
        for (HasValidation f : List.<HasValidation>of(type, from, to, day, startTime, endTime, note)) {
            f.setInvalid(false);
        }
    }
}
