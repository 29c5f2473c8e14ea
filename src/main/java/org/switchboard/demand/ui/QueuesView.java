package org.switchboard.demand.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import org.switchboard.base.ui.CrudLayout;
import org.switchboard.base.ui.EditorPanel;
import org.switchboard.base.ui.ListField;
import org.switchboard.base.ui.TextFields;
import org.switchboard.demand.Direction;
import org.switchboard.demand.OpeningHours;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.TimeZones;

/** Queues (skills): code, name, service targets, opening hours, inbound or outbound. */
@Route("queues")
@PageTitle("Queues")
@Menu(title = "menu.queues", order = 30, icon = "vaadin:phone")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class QueuesView extends VerticalLayout {

    final CrudLayout<Queue> crud;

    public QueuesView(QueueService queues, AuthenticationContext auth) {
        setSizeFull();
        setPadding(false);
        Grid<Queue> grid = new Grid<>(Queue.class, false);
        grid.addColumn(Queue::getCode).setHeader("Code").setSortable(true).setAutoWidth(true);
        grid.addColumn(Queue::getName).setHeader("Name").setSortable(true).setFlexGrow(2);
        grid.addColumn(q -> q.getDirection().label()).setHeader("Direction").setSortable(true);
        grid.addColumn(q -> q.getLanguage() == null ? "" : q.getLanguage()).setHeader("Language").setSortable(true);
        grid.addColumn(Queue::serviceLevelLabel).setHeader("Service level");
        grid.addColumn(Queue::getMaxOccupancyPercent).setHeader("Max occupancy %").setSortable(true);
        grid.addColumn(Queue::getShrinkagePercent).setHeader("Shrinkage %").setSortable(true);
        grid.addColumn(Queue::openingHoursLabel).setHeader("Open").setFlexGrow(2);
        grid.addColumn(q -> q.isActive() ? "" : "inactive").setHeader("Status");

        EditorPanel<Queue> editor = new EditorPanel<>(Queue.class, queues::save, Queue::getId)
                .withTitle(q -> q.getId() == null ? "New queue" : q.getCode() + " " + q.getName())
                .withDelete(q -> queues.delete(q.getId()));
        var binder = editor.binder();
        TextField code = new TextField("Code");
        TextField name = new TextField("Name");
        Select<Direction> direction = new Select<>();
        direction.setLabel("Direction");
        direction.setItems(Direction.values());
        direction.setItemLabelGenerator(Direction::label);
        TextField language = new TextField("Language");
        language.setHelperText("e.g. ru, en");
        ComboBox<String> zone = new ComboBox<>("Time zone", TimeZones.regionIds());
        NumberField sl = new NumberField("Service level %");
        IntegerField within = new IntegerField("Answered within (s)");
        IntegerField asa = new IntegerField("ASA target (s)");
        asa.setHelperText("optional");
        NumberField abandon = new NumberField("Max abandoned %");
        abandon.setHelperText("optional");
        NumberField occupancy = new NumberField("Max occupancy %");
        NumberField shrinkage = new NumberField("Shrinkage %");
        shrinkage.setHelperText("breaks, meetings, training, absence");
        Checkbox active = new Checkbox("Active");
        ListField<OpeningHours> hours = new ListField<>("Opening hours (site time; 00:00–00:00 = all day)",
                "Add day", QueuesView::hoursRow);
        binder.forField(code).withConverter(TextFields.UPPER_CASE).bind("code");
        binder.bind(name, "name");
        binder.bind(direction, "direction");
        binder.bind(language, "language");
        binder.bind(zone, "timeZone");
        binder.bind(sl, "serviceLevelPercent");
        binder.bind(within, "answerWithinSeconds");
        binder.bind(asa, "asaTargetSeconds");
        binder.bind(abandon, "abandonTargetPercent");
        IntegerField patience = new IntegerField("Average patience (s)");
        patience.setHelperText("optional: set, staffing uses Erlang A with abandonment");
        binder.bind(patience, "patienceSeconds");
        binder.bind(occupancy, "maxOccupancyPercent");
        binder.bind(shrinkage, "shrinkagePercent");
        binder.bind(active, "active");
        binder.bind(hours, "openingHours");
        editor.form().add(code, name, direction, language, zone, sl, within, asa, abandon, patience, occupancy, shrinkage, active);
        editor.form().add(hours, 2);

        crud = new CrudLayout<>(grid, editor, queues::list, q -> q.getCode() + " " + q.getName(), "New queue",
                QueuesView::newQueue, q -> queues.get(q.getId()));
        crud.setEditable(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        add(crud);
    }

    private static Queue newQueue() {
        Queue q = new Queue();
        q.setOpeningHours(java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(d -> new OpeningHours(d, LocalTime.of(8, 0), LocalTime.of(20, 0)))
                .toList());
        return q;
    }

    private static ListField.Row<OpeningHours> hoursRow(OpeningHours value, Runnable changed) {
        Select<DayOfWeek> day = new Select<>();
        day.setItems(DayOfWeek.values());
        day.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        day.setWidth("6rem");
        TimePicker opens = new TimePicker();
        TimePicker closes = new TimePicker();
        for (TimePicker t : new TimePicker[] {opens, closes}) {
            t.setStep(Duration.ofMinutes(15));
            t.setWidth("7rem");
        }
        opens.setAriaLabel("Opens");
        closes.setAriaLabel("Closes");
        if (value != null) {
            day.setValue(value.day());
            opens.setValue(value.opens());
            closes.setValue(value.closes());
        }
        day.addValueChangeListener(e -> changed.run());
        opens.addValueChangeListener(e -> changed.run());
        closes.addValueChangeListener(e -> changed.run());
        return new ListField.Row<>() {
            @Override
            public Component[] components() {
                return new Component[] {day, opens, closes};
            }

            @Override
            public OpeningHours value() {
                return new OpeningHours(day.getValue() == null ? null : day.getValue().getValue(), opens.getValue(),
                        closes.getValue());
            }
        };
    }
}
