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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
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
@Menu(title = "menu.queues", order = 30, icon = "vaadin:phone")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class QueuesView extends VerticalLayout implements HasDynamicTitle {

    final CrudLayout<Queue> crud;

    public QueuesView(QueueService queues, AuthenticationContext auth) {
        setSizeFull();
        setPadding(false);
        Locale locale = getLocale();
        Grid<Queue> grid = new Grid<>(Queue.class, false);
        grid.addColumn(Queue::getCode).setHeader(getTranslation("queues.code")).setSortable(true).setAutoWidth(true);
        grid.addColumn(Queue::getName).setHeader(getTranslation("queues.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(q -> direction(q.getDirection())).setHeader(getTranslation("queues.direction")).setSortable(true);
        grid.addColumn(q -> q.getLanguage() == null ? "" : q.getLanguage()).setHeader(getTranslation("queues.language"))
                .setSortable(true);
        grid.addColumn(this::serviceLevel).setHeader(getTranslation("queues.serviceLevel"));
        grid.addColumn(q -> percent(q.getMaxOccupancyPercent())).setHeader(getTranslation("queues.maxOccupancy"))
                .setSortable(true)
                .setComparator(java.util.Comparator.comparing(Queue::getMaxOccupancyPercent, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        grid.addColumn(q -> percent(q.getShrinkagePercent())).setHeader(getTranslation("queues.shrinkage"))
                .setSortable(true)
                .setComparator(java.util.Comparator.comparing(Queue::getShrinkagePercent, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        grid.addColumn(q -> q.getOpeningHours().isEmpty() ? getTranslation("queues.closed") : q.openingHoursLabel(locale))
                .setHeader(getTranslation("queues.open")).setFlexGrow(2);
        grid.addColumn(q -> q.isActive() ? "" : getTranslation("queues.inactive")).setHeader(getTranslation("queues.status"));

        EditorPanel<Queue> editor = new EditorPanel<>(Queue.class, queues::save, Queue::getId)
                .withTitle(q -> q.getId() == null ? getTranslation("queues.new") : q.getCode() + " " + q.getName())
                .withDelete(q -> queues.delete(q.getId()));
        var binder = editor.binder();
        TextField code = new TextField(getTranslation("queues.code"));
        TextField name = new TextField(getTranslation("queues.name"));
        Select<Direction> direction = new Select<>();
        direction.setLabel(getTranslation("queues.direction"));
        direction.setItems(Direction.values());
        direction.setItemLabelGenerator(this::direction);
        TextField language = new TextField(getTranslation("queues.language"));
        language.setHelperText(getTranslation("queues.language.helper"));
        ComboBox<String> zone = new ComboBox<>(getTranslation("queues.zone"), TimeZones.regionIds());
        NumberField sl = new NumberField(getTranslation("queues.sl"));
        IntegerField within = new IntegerField(getTranslation("queues.within"));
        IntegerField asa = new IntegerField(getTranslation("queues.asa"));
        asa.setHelperText(getTranslation("queues.optional"));
        NumberField abandon = new NumberField(getTranslation("queues.abandon"));
        abandon.setHelperText(getTranslation("queues.optional"));
        NumberField occupancy = new NumberField(getTranslation("queues.maxOccupancy"));
        NumberField shrinkage = new NumberField(getTranslation("queues.shrinkage"));
        shrinkage.setHelperText(getTranslation("queues.shrinkage.helper"));
        Checkbox active = new Checkbox(getTranslation("queues.active"));
        ListField<OpeningHours> hours = new ListField<>(getTranslation("queues.hours"), getTranslation("queues.hours.add"),
                (value, changed) -> hoursRow(value, changed, locale));
        binder.forField(code).withConverter(TextFields.UPPER_CASE).bind("code");
        binder.bind(name, "name");
        binder.bind(direction, "direction");
        binder.bind(language, "language");
        binder.bind(zone, "timeZone");
        binder.bind(sl, "serviceLevelPercent");
        binder.bind(within, "answerWithinSeconds");
        binder.bind(asa, "asaTargetSeconds");
        binder.bind(abandon, "abandonTargetPercent");
        IntegerField patience = new IntegerField(getTranslation("queues.patience"));
        patience.setHelperText(getTranslation("queues.patience.helper"));
        binder.bind(patience, "patienceSeconds");
        binder.bind(occupancy, "maxOccupancyPercent");
        binder.bind(shrinkage, "shrinkagePercent");
        binder.bind(active, "active");
        binder.bind(hours, "openingHours");
        editor.form().add(code, name, direction, language, zone, sl, within, asa, abandon, patience, occupancy, shrinkage, active);
        editor.form().add(hours, 2);

        crud = new CrudLayout<>(grid, editor, queues::list, q -> q.getCode() + " " + q.getName(),
                getTranslation("queues.new"), QueuesView::newQueue, q -> queues.get(q.getId()));
        crud.setEditable(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        add(crud);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("queues.title");
    }

    private String direction(Direction d) {
        return getTranslation(d == Direction.INBOUND ? "queues.inbound" : "queues.outbound");
    }

    /** "80 % in 20 s" in the reader's words and number format. */
    String serviceLevel(Queue q) {
        return q.getServiceLevelPercent() == null ? "" : getTranslation("queues.serviceLevel.label",
                Formats.enteredPercent(q.getServiceLevelPercent(), getLocale()), q.getAnswerWithinSeconds());
    }

    private String percent(Double value) {
        return value == null ? "" : Formats.enteredPercent(value, getLocale());
    }

    private static Queue newQueue() {
        Queue q = new Queue();
        q.setOpeningHours(java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(d -> new OpeningHours(d, LocalTime.of(8, 0), LocalTime.of(20, 0)))
                .toList());
        return q;
    }

    private ListField.Row<OpeningHours> hoursRow(OpeningHours value, Runnable changed, Locale locale) {
        Select<DayOfWeek> day = new Select<>();
        day.setItems(DayOfWeek.values());
        day.setItemLabelGenerator(d -> Formats.day(d, locale));
        day.setWidth("6rem");
        TimePicker opens = new TimePicker();
        TimePicker closes = new TimePicker();
        for (TimePicker t : new TimePicker[] {opens, closes}) {
            t.setStep(Duration.ofMinutes(15));
            t.setWidth("7rem");
            t.setLocale(Formats.timeLocale(locale)); // 24-hour times in both languages
        }
        opens.setAriaLabel(getTranslation("queues.opens"));
        closes.setAriaLabel(getTranslation("queues.closes"));
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
