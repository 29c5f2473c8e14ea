package org.switchboard.rostering.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.switchboard.base.ui.CrudLayout;
import org.switchboard.base.ui.EditorPanel;
import org.switchboard.base.ui.ListField;
import org.switchboard.base.ui.TextFields;
import org.switchboard.rostering.ShiftBreak;
import org.switchboard.rostering.ShiftKind;
import org.switchboard.rostering.ShiftKindRules;
import org.switchboard.rostering.ShiftTemplate;
import org.switchboard.rostering.ShiftTemplateService;
import org.switchboard.shared.Roles;

/**
 * Shift templates: start (or a start window: latest start and step), length and breaks (fixed, or floating in a
 * window); the day / evening / night kind is derived per start.
 */
@Route("shift-templates")
@PageTitle("Shift templates")
@Menu(title = "menu.shiftTemplates", order = 40, icon = "vaadin:clock")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class ShiftTemplatesView extends VerticalLayout {

    final CrudLayout<ShiftTemplate> crud;

    public ShiftTemplatesView(ShiftTemplateService templates, AuthenticationContext auth) {
        setSizeFull();
        setPadding(false);
        ShiftKindRules rules = templates.rules();
        Grid<ShiftTemplate> grid = new Grid<>(ShiftTemplate.class, false);
        grid.addColumn(ShiftTemplate::getCode).setHeader("Code").setSortable(true).setAutoWidth(true);
        grid.addColumn(ShiftTemplate::getName).setHeader("Name").setSortable(true).setFlexGrow(2);
        grid.addColumn(ShiftTemplate::timeLabel).setHeader("Time").setSortable(true)
                .setComparator(Comparator.comparing(ShiftTemplate::getStartTime));
        grid.addColumn(t -> hours(t.getLengthMinutes())).setHeader("Length (h)").setSortable(true)
                .setComparator(Comparator.comparing(ShiftTemplate::getLengthMinutes));
        grid.addColumn(ShiftTemplatesView::breaksLabel).setHeader("Breaks").setFlexGrow(2);
        grid.addColumn(t -> hours(t.paidMinutes())).setHeader("Paid (h)");
        grid.addColumn(t -> t.kinds(rules).stream().map(ShiftKind::label).collect(Collectors.joining(", ")))
                .setHeader("Kind").setKey("kind").setSortable(true)
                .setComparator(Comparator.comparing(t -> t.kind(rules)));
        grid.addColumn(t -> t.isActive() ? "" : "inactive").setHeader("Status");

        EditorPanel<ShiftTemplate> editor = new EditorPanel<>(ShiftTemplate.class, templates::save, ShiftTemplate::getId)
                .withTitle(t -> t.getId() == null ? "New shift template" : t.getCode() + " " + t.getName())
                .withDelete(t -> templates.delete(t.getId()));
        TextField code = new TextField("Code");
        TextField name = new TextField("Name");
        TimePicker start = new TimePicker("Start");
        start.setStep(Duration.ofMinutes(15));
        start.setHelperText("the earliest start of a window");
        TimePicker latestStart = new TimePicker("Latest start");
        latestStart.setStep(Duration.ofMinutes(15));
        latestStart.setClearButtonVisible(true);
        latestStart.setHelperText("empty: starts only at the start");
        IntegerField startStep = new IntegerField("Every (minutes)");
        startStep.setHelperText("between two starts of the window, e.g. 30 or 60");
        startStep.setMin(5);
        NumberField length = new NumberField("Length (hours)");
        length.setStep(0.25);
        length.setHelperText("including breaks");
        Checkbox active = new Checkbox("Active");
        ListField<ShiftBreak> breaks = new ListField<>(
                "Breaks (minutes after the start; a latest start lets the roster place the break in that window)",
                "Add break", ShiftTemplatesView::breakRow);
        var binder = editor.binder();
        binder.forField(code).withConverter(TextFields.UPPER_CASE).bind("code");
        binder.bind(name, "name");
        binder.bind(start, "startTime");
        binder.bind(latestStart, "latestStartTime");
        binder.bind(startStep, "startStepMinutes");
        binder.forField(length).withConverter(Converter.<Double, Integer>from(
                        h -> h == null ? Result.ok(null) : Result.ok((int) Math.round(h * 60)),
                        m -> m == null ? null : m / 60.0))
                .bind("lengthMinutes");
        binder.bind(active, "active");
        binder.bind(breaks, "breaks");
        editor.form().add(code, name, start, latestStart, startStep, length, active);
        editor.form().add(breaks, 2);
        editor.form().add(new Paragraph("Night window " + rules.nightWindowLabel() + ": a shift with at least "
                + rules.nightMinMinutes() / 60.0 + " h in it is a night shift; otherwise a shift starting at "
                + rules.eveningStart() + " or later is an evening shift. Each start of a window has its own kind."), 2);

        crud = new CrudLayout<>(grid, editor, templates::list, t -> t.getCode() + " " + t.getName(),
                "New shift template", ShiftTemplate::new, t -> templates.get(t.getId()));
        crud.setEditable(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        add(crud);
    }

    /**
     * "12:00–13:00", a floating break "60 min in 10:00–14:00" (the window from its earliest start to its latest end);
     * with a start window the clock times depend on the start, so offsets: "+4:00–+5:00", "60 min in +3:00–+6:00".
     */
    static String breaksLabel(ShiftTemplate t) {
        boolean relative = t.hasStartWindow();
        return t.getBreaks().stream()
                .map(b -> (b.isFloating()
                                ? b.lengthMinutes() + " min in " + at(t, b.offsetMinutes(), relative) + "–"
                                        + at(t, b.latestEndOffsetMinutes(), relative)
                                : at(t, b.offsetMinutes(), relative) + "–" + at(t, b.endOffsetMinutes(), relative))
                        + (b.paid() ? " paid" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String at(ShiftTemplate t, int offsetMinutes, boolean relative) {
        return relative ? String.format("+%d:%02d", offsetMinutes / 60, offsetMinutes % 60)
                : t.getStartTime().plusMinutes(offsetMinutes).toString();
    }

    private static String hours(int minutes) {
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format("%.2f", minutes / 60.0);
    }

    private static ListField.Row<ShiftBreak> breakRow(ShiftBreak value, Runnable changed) {
        IntegerField offset = new IntegerField();
        offset.setAriaLabel("Starts after (minutes)");
        offset.setPlaceholder("after min");
        offset.setWidth("7rem");
        IntegerField latest = new IntegerField();
        latest.setAriaLabel("Latest start after (minutes), empty for a fixed break");
        latest.setPlaceholder("latest");
        latest.setWidth("7rem");
        IntegerField length = new IntegerField();
        length.setAriaLabel("Length (minutes)");
        length.setPlaceholder("length min");
        length.setWidth("7rem");
        Checkbox paid = new Checkbox("paid");
        if (value != null) {
            offset.setValue(value.offsetMinutes());
            latest.setValue(value.latestOffsetMinutes());
            length.setValue(value.lengthMinutes());
            paid.setValue(value.paid());
        } else {
            length.setValue(30);
        }
        offset.addValueChangeListener(e -> changed.run());
        latest.addValueChangeListener(e -> changed.run());
        length.addValueChangeListener(e -> changed.run());
        paid.addValueChangeListener(e -> changed.run());
        return new ListField.Row<>() {
            @Override
            public Component[] components() {
                return new Component[] {offset, latest, length, paid};
            }

            @Override
            public ShiftBreak value() {
                return new ShiftBreak(offset.getValue(), length.getValue(), paid.getValue(), latest.getValue());
            }
        };
    }
}
