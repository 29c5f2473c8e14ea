package org.switchboard.absences.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.switchboard.absences.AbsenceType;
import org.switchboard.absences.NewAbsence;
import org.switchboard.absences.RequestOutcome;
import org.switchboard.absences.TimeOffRequests;
import org.switchboard.base.ui.DatePickers;
import org.switchboard.operators.Operator;
import org.switchboard.shared.ValidationFailedException;

/**
 * A planner or manager enters an absence for an operator picked by name or employee number: sick leave (the default)
 * or another kind, whole days or a time span. Sick leave and other unplanned absences take effect at once; a planned
 * kind (vacation, ...) entered here goes the usual way (balance, team's places, approval).
 */
final class AbsenceEntryDialog extends Dialog {

    final ComboBox<Operator> operator = new ComboBox<>();
    final ComboBox<AbsenceType> type = new ComboBox<>();
    final RadioButtonGroup<Boolean> wholeDays = new RadioButtonGroup<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final DatePicker day = new DatePicker();
    final TimePicker startTime = new TimePicker();
    final TimePicker endTime = new TimePicker();
    final TextArea note = new TextArea();
    final Paragraph result = new Paragraph();
    final Button save = new Button();
    final Button close = new Button();
    private final TimeOffRequests requests;
    private final Runnable saved;

    AbsenceEntryDialog(TimeOffRequests requests, List<Operator> operators, Runnable saved) {
        this.requests = requests;
        this.saved = saved;
        setId("absence-entry");
        setHeaderTitle(getTranslation("absences.entry.title"));
        operator.setLabel(getTranslation("absences.entry.operator"));
        operator.setItems(operators.stream().sorted(Comparator.comparing(Operator::getEmployeeNumber)).toList());
        operator.setItemLabelGenerator(o -> o.getEmployeeNumber() + " " + o.fullName());
        operator.setPlaceholder(getTranslation("absences.entry.operator.placeholder"));
        operator.setRequired(true);
        operator.setId("absence-entry-operator");
        type.setLabel(getTranslation("timeoff.form.type"));
        type.setItems(AbsenceType.values());
        type.setItemLabelGenerator(t -> AbsenceTexts.type(this, t));
        type.setValue(AbsenceType.SICK);
        type.setId("absence-entry-type");
        type.addValueChangeListener(e -> hint());
        wholeDays.setLabel(getTranslation("timeoff.form.kind"));
        wholeDays.setItems(true, false);
        wholeDays.setItemLabelGenerator(w -> getTranslation(w ? "timeoff.form.wholeDays" : "timeoff.form.span"));
        wholeDays.setValue(true);
        wholeDays.setId("absence-entry-mode");
        wholeDays.addValueChangeListener(e -> showMode());
        for (DatePicker p : List.of(from, to, day)) {
            DatePickers.localize(p, AbsenceTexts.locale(this));
        }
        from.setLabel(getTranslation("timeoff.form.from"));
        from.setId("absence-entry-from");
        from.addValueChangeListener(e -> {
            if (e.getValue() != null && (to.getValue() == null || to.getValue().isBefore(e.getValue()))) {
                to.setValue(e.getValue());
            }
        });
        to.setLabel(getTranslation("timeoff.form.to"));
        to.setId("absence-entry-to");
        day.setLabel(getTranslation("timeoff.form.date"));
        day.setId("absence-entry-date");
        startTime.setLabel(getTranslation("timeoff.form.startTime"));
        startTime.setId("absence-entry-start");
        endTime.setLabel(getTranslation("timeoff.form.endTime"));
        endTime.setId("absence-entry-end");
        for (TimePicker t : List.of(startTime, endTime)) {
            t.setLocale(AbsenceTexts.locale(this));
            t.setStep(Duration.ofMinutes(30));
        }
        note.setLabel(getTranslation("timeoff.form.note"));
        note.setMaxLength(TimeOffRequests.MAX_NOTE);
        note.setId("absence-entry-note");
        result.setId("absence-entry-result");
        save.setText(getTranslation("absences.entry.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("absence-entry-save");
        save.addClickListener(e -> save());
        close.setText(getTranslation("absences.entry.close"));
        close.setId("absence-entry-close");
        close.addClickListener(e -> close());
        FormLayout form = new FormLayout(operator, type, wholeDays, from, to, day, startTime, endTime, note);
        form.setColspan(operator, 2);
        form.setColspan(note, 2);
        form.setMaxWidth("40rem");
        add(form, result);
        getFooter().add(close, save);
        showMode();
        hint();
    }

    private boolean days() {
        return !Boolean.FALSE.equals(wholeDays.getValue());
    }

    private void showMode() {
        from.setVisible(days());
        to.setVisible(days());
        day.setVisible(!days());
        startTime.setVisible(!days());
        endTime.setVisible(!days());
    }

    private void hint() {
        result.removeClassNames("ab-refusal", "ab-success");
        result.setText(type.getValue() != null && TimeOffRequests.unplanned(type.getValue())
                ? getTranslation("absences.entry.atOnce") : getTranslation("absences.entry.planned"));
    }

    NewAbsence request() {
        String number = operator.getValue() == null ? null : operator.getValue().getEmployeeNumber();
        String text = note.getValue() == null || note.getValue().isBlank() ? null : note.getValue();
        NewAbsence a = days() ? NewAbsence.days(type.getValue(), from.getValue(), to.getValue(), text)
                : TimeOffForm.span(type.getValue(), day.getValue(), startTime.getValue(), endTime.getValue(), text);
        return a.forEmployee(number);
    }

    void save() {
        for (HasValidation f : List.<HasValidation>of(operator, type, from, to, day, startTime, endTime, note)) {
            f.setInvalid(false);
        }
        if (operator.getValue() == null) {
            operator.setErrorMessage(getTranslation("absences.entry.operator.missing"));
            operator.setInvalid(true);
            return;
        }
        result.removeClassNames("ab-refusal", "ab-success");
        try {
            RequestOutcome done = requests.request(request());
            result.setText(getTranslation("absences.entry.saved", operator.getValue().getFirstName() + " " + operator.getValue().getLastName(),
                    AbsenceTexts.status(this, done.status())));
            result.addClassName("ab-success");
            saved.run();
        } catch (ValidationFailedException e) {
            Map<String, String> errors = e.fieldErrors(AbsenceTexts.locale(this));
            errors.forEach((field, message) -> {
                HasValidation f = switch (field) {
                    case "type" -> type;
                    case "from" -> from;
                    case "to" -> to;
                    case "start" -> startTime.getValue() == null ? startTime : day;
                    case "end" -> endTime;
                    case "note" -> note;
                    default -> null;
                };
                if (f != null) {
                    f.setErrorMessage(message);
                    f.setInvalid(true);
                }
            });
            result.setText(getTranslation("timeoff.refused", String.join(" ", errors.values())));
            result.addClassName("ab-refusal");
        } catch (RuntimeException e) {
            result.setText(getTranslation("timeoff.refused", AbsenceTexts.refusal(this, e)));
            result.addClassName("ab-refusal");
        }
    }
}
