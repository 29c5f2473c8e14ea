package org.switchboard.absences.ui;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.switchboard.absences.AbsenceType;
import org.switchboard.absences.NewAbsence;
import org.switchboard.absences.RequestOutcome;
import org.switchboard.absences.TimeOffRequests;
import org.switchboard.operators.Operator;
import org.switchboard.shared.ValidationFailedException;

/**
 * A planner or manager enters an absence for an operator picked by name or employee number: sick leave (the default)
 * or another kind, whole days or a time span. Sick leave and other unplanned absences take effect at once; a planned
 * kind (vacation, ...) entered here goes the usual way (balance, team's places, approval).
 */
final class AbsenceEntryDialog extends Dialog {

    final ComboBox<Operator> operator = new ComboBox<>();
    final AbsenceFields fields;
    final ComboBox<AbsenceType> type;
    final RadioButtonGroup<Boolean> wholeDays;
    final DatePicker from;
    final DatePicker to;
    final DatePicker day;
    final TimePicker startTime;
    final TimePicker endTime;
    final TextArea note;
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
        fields = new AbsenceFields(this, "absence-entry", List.of(AbsenceType.values()), AbsenceType.SICK);
        type = fields.type;
        wholeDays = fields.wholeDays;
        from = fields.from;
        to = fields.to;
        day = fields.day;
        startTime = fields.startTime;
        endTime = fields.endTime;
        note = fields.note;
        type.addValueChangeListener(e -> hint());
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
        hint();
    }

    private void hint() {
        result.removeClassNames("ab-refusal", "ab-success");
        result.setText(type.getValue() != null && TimeOffRequests.unplanned(type.getValue())
                ? getTranslation("absences.entry.atOnce") : getTranslation("absences.entry.planned"));
    }

    NewAbsence request() {
        return fields.request().forEmployee(operator.getValue() == null ? null : operator.getValue().getEmployeeNumber());
    }

    void save() {
        operator.setInvalid(false);
        fields.clearErrors();
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
            fields.markErrors(errors);
            result.setText(getTranslation("timeoff.refused", String.join(" ", errors.values())));
            result.addClassName("ab-refusal");
        } catch (RuntimeException e) {
            result.setText(getTranslation("timeoff.refused", AbsenceTexts.refusal(this, e)));
            result.addClassName("ab-refusal");
        }
    }
}
