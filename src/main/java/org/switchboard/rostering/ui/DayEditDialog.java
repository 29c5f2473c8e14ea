package org.switchboard.rostering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.switchboard.demand.Queue;
import org.switchboard.rostering.DayEdit;
import org.switchboard.rostering.RosterEdits;
import org.switchboard.rostering.ShiftTemplate;
import org.switchboard.shared.RuleViolation;
import org.switchboard.shared.RuleViolationsException;

/**
 * Edits one operator's day of a draft: a shift (template, start, queue) or a day off. "Check" asks the solver's own
 * rules ({@link RosterEdits#check}) without saving; "Save" stores the day pinned unless it breaks a hard rule, which is
 * then shown in words with "Save anyway"; "Unpin" hands a pinned day back to the solver.
 */
final class DayEditDialog extends Dialog {

    final ComboBox<ShiftTemplate> template = new ComboBox<>();
    final ComboBox<LocalTime> start = new ComboBox<>();
    final ComboBox<Queue> queue = new ComboBox<>();
    final Checkbox dayOff = new Checkbox();
    final Div result = new Div();
    final Button check = new Button();
    final Button save = new Button();
    final Button force = new Button();
    final Button unpin = new Button();
    private final RosterEdits edits;
    private final long rosterId;
    private final String employeeNumber;
    private final LocalDate date;
    private final Runnable saved;

    DayEditDialog(RosterEdits edits, long rosterId, BoardModel.Row row, LocalDate date, List<ShiftTemplate> templates,
            List<Queue> queues, boolean pinned, Runnable saved) {
        this.edits = edits;
        this.rosterId = rosterId;
        this.employeeNumber = row.employeeNumber;
        this.date = date;
        this.saved = saved;
        Locale l = RosterTexts.locale(this);
        setHeaderTitle(getTranslation("board.edit.title", row.name, RosterTexts.date(date, l)));
        setId("day-edit");
        template.setLabel(getTranslation("board.edit.template"));
        template.setItems(templates);
        template.setItemLabelGenerator(t -> t.getCode() + " " + t.getName() + " (" + t.timeLabel() + ")");
        template.setId("edit-template");
        start.setLabel(getTranslation("board.edit.start"));
        start.setItemLabelGenerator(RosterTexts::time);
        start.setId("edit-start");
        queue.setLabel(getTranslation("board.edit.queue"));
        queue.setItems(queues);
        queue.setItemLabelGenerator(q -> q.getCode() + " " + q.getName());
        queue.setClearButtonVisible(true);
        queue.setHelperText(getTranslation("board.edit.queue.helper"));
        queue.setId("edit-queue");
        dayOff.setLabel(getTranslation("board.edit.dayoff"));
        dayOff.setId("edit-dayoff");
        template.addValueChangeListener(e -> {
            List<LocalTime> starts = e.getValue() == null ? List.of() : e.getValue().startTimes();
            start.setItems(starts);
            start.setValue(starts.isEmpty() ? null : starts.getFirst());
        });
        dayOff.addValueChangeListener(e -> {
            template.setEnabled(!e.getValue());
            start.setEnabled(!e.getValue());
            queue.setEnabled(!e.getValue());
        });
        BoardModel.Cell cell = row.cell(date);
        if (cell == null) {
            dayOff.setValue(true);
        } else {
            templates.stream().filter(t -> t.getCode().equals(cell.template())).findFirst().ifPresent(template::setValue);
            start.setValue(cell.start());
            queues.stream().filter(q -> q.getCode().equals(cell.queue())).findFirst().ifPresent(queue::setValue);
        }
        result.setId("edit-result");
        FormLayout form = new FormLayout(dayOff, template, start, queue);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, result);
        check.setText(getTranslation("board.edit.check"));
        check.setId("edit-check");
        check.addClickListener(e -> check());
        save.setText(getTranslation("board.edit.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("edit-save");
        save.addClickListener(e -> save(false));
        force.setText(getTranslation("board.edit.force"));
        force.addThemeVariants(ButtonVariant.LUMO_ERROR);
        force.setId("edit-force");
        force.setVisible(false);
        force.addClickListener(e -> save(true));
        unpin.setText(getTranslation("board.edit.unpin"));
        unpin.setId("edit-unpin");
        unpin.setVisible(pinned);
        unpin.addClickListener(e -> unpin());
        Button cancel = new Button(getTranslation("board.cancel"), e -> close());
        getFooter().add(unpin, cancel, check, force, save);
    }

    DayEdit edit() {
        if (dayOff.getValue()) {
            return DayEdit.off();
        }
        return new DayEdit(template.getValue() == null ? null : template.getValue().getCode(), start.getValue(),
                queue.getValue() == null ? null : queue.getValue().getCode(), false);
    }

    void check() {
        try {
            List<RuleViolation> v = edits.check(rosterId, employeeNumber, date, edit(), RosterTexts.locale(this));
            show(v);
        } catch (RuntimeException e) {
            RostersView.error(e);
        }
    }

    void save(boolean forced) {
        try {
            edits.edit(rosterId, employeeNumber, date, edit(), forced, RosterTexts.locale(this));
            close();
            saved.run();
        } catch (RuleViolationsException e) {
            show(e.violations());
            force.setVisible(true);
        } catch (RuntimeException e) {
            RostersView.error(e);
        }
    }

    void unpin() {
        try {
            edits.unpin(rosterId, employeeNumber, date, RosterTexts.locale(this));
            close();
            saved.run();
        } catch (RuntimeException e) {
            RostersView.error(e);
        }
    }

    /** The broken hard rules in words, or that none is broken. */
    private void show(List<RuleViolation> violations) {
        result.removeAll();
        if (violations.isEmpty()) {
            result.add(new Paragraph(getTranslation("board.edit.ok")));
            result.removeClassName("sb-error");
            return;
        }
        result.addClassName("sb-error");
        result.add(new Paragraph(getTranslation("board.edit.broken")));
        UnorderedList list = new UnorderedList();
        violations.forEach(v -> list.add(new ListItem(v.message())));
        result.add(list);
    }
}
