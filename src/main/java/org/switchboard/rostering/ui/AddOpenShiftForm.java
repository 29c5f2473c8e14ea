package org.switchboard.rostering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.switchboard.base.ui.DatePickers;
import org.switchboard.base.ui.Notifications;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.RosterState;
import org.switchboard.rostering.ShiftTemplate;
import org.switchboard.rostering.ShiftTemplateService;
import org.switchboard.rostering.Substitution;
import org.switchboard.shared.KeyedException;
import org.switchboard.shared.ValidationFailedException;

/**
 * A planner adds an open shift to a published roster (extra work nobody is planned for yet): roster, date, shift
 * template and start, queue. It is then listed with the others, with its substitutes, and may be offered to the
 * operators on the swap board.
 */
class AddOpenShiftForm extends HorizontalLayout {

    final Select<Roster> roster = new Select<>();
    final DatePicker date = new DatePicker();
    final Select<ShiftTemplate> template = new Select<>();
    final Select<LocalTime> start = new Select<>();
    final Select<String> queue = new Select<>();
    final Button add = new Button();

    AddOpenShiftForm(Substitution substitution, RosterService rosters, ShiftTemplateService templates, Runnable added) {
        setId("add-open-shift");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        Locale l = RosterTexts.locale(this);
        roster.setLabel(getTranslation("openShifts.add.roster"));
        roster.setItems(rosters.list().stream().filter(r -> r.state() == RosterState.PUBLISHED).toList());
        roster.setItemLabelGenerator(r -> "#" + r.id() + " " + r.startDate() + " – " + r.endDate());
        roster.setId("add-open-shift-roster");
        date.setLabel(getTranslation("openShifts.add.date"));
        DatePickers.localize(date, l);
        date.setId("add-open-shift-date");
        template.setLabel(getTranslation("openShifts.add.template"));
        template.setItems(templates.list().stream().filter(ShiftTemplate::isActive).toList());
        template.setItemLabelGenerator(t -> t.getCode() + " " + t.getName());
        template.setId("add-open-shift-template");
        start.setLabel(getTranslation("openShifts.add.start"));
        start.setItemLabelGenerator(RosterTexts::time);
        start.setId("add-open-shift-start");
        template.addValueChangeListener(e -> {
            List<LocalTime> starts = e.getValue() == null ? List.of() : e.getValue().startTimes();
            start.setItems(starts);
            start.setValue(starts.isEmpty() ? null : starts.getFirst());
        });
        queue.setLabel(getTranslation("openShifts.add.queue"));
        queue.setItems(rosters.queueCodes().values().stream().sorted().toList());
        queue.setId("add-open-shift-queue");
        add.setText(getTranslation("openShifts.add.button"));
        add.setId("add-open-shift-button");
        add.addClickListener(e -> {
            try {
                Substitution.OpenShiftView v = substitution.addOpenShift(roster.getValue() == null ? -1
                        : roster.getValue().id(), date.getValue(), template.getValue() == null ? null
                        : template.getValue().getCode(), start.getValue(), queue.getValue());
                Notifications.success(getTranslation("openShifts.add.done", v.date(), RosterTexts.time(v.start())));
                added.run();
            } catch (KeyedException ex) {
                error(ex.message(RosterTexts.locale(this)));
            } catch (ValidationFailedException ex) {
                error(String.join(" ", ex.fieldErrors(RosterTexts.locale(this)).values()));
            }
        });
        add(roster, date, template, start, queue, add);
    }

    private static void error(String message) {
        Notifications.error(message);
    }
}
