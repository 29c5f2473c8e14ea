package org.switchboard.operators.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.switchboard.base.ui.DatePickers;
import org.switchboard.operators.AvailabilityEntry;
import org.switchboard.operators.SetBy;

/**
 * Recurring availability rows (an operator's own and a planner's override, marked) with a form that adds a row to the
 * rows of {@code editable} and a button per such row that removes it. Saving replaces the editable rows through the
 * given service call, which checks them (reasons shown in the reader's language).
 */
class AvailabilityEditor extends VerticalLayout {

    final Grid<AvailabilityEntry> grid = new Grid<>();
    final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>();
    final Checkbox notAvailable = new Checkbox();
    final TimePicker from = new TimePicker();
    final TimePicker until = new TimePicker();
    final DatePicker validFrom = new DatePicker();
    final DatePicker validTo = new DatePicker();
    final TextField note = new TextField();
    final Button add = new Button();
    private final SetBy editable;
    private final UnaryOperator<List<AvailabilityEntry>> save;
    private List<AvailabilityEntry> rows = List.of();

    /**
     * @param editable whose rows this editor changes (the operator's own, or the planner's override)
     * @param save replaces those rows and answers every row; null = read only
     */
    AvailabilityEditor(SetBy editable, UnaryOperator<List<AvailabilityEntry>> save) {
        this.editable = editable;
        this.save = save;
        setPadding(false);
        add(new H3(getTranslation("availability.recurring")));
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> AvailabilityTexts.days(e.days(), AvailabilityTexts.locale(this)))
                .setHeader(getTranslation("availability.days")).setAutoWidth(true);
        grid.addColumn(e -> AvailabilityTexts.hours(this, e)).setHeader(getTranslation("availability.hours")).setAutoWidth(true);
        grid.addColumn(e -> AvailabilityTexts.validity(this, e)).setHeader(getTranslation("availability.validity")).setAutoWidth(true);
        grid.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(getTranslation("availability.note"));
        grid.addColumn(e -> AvailabilityTexts.setBy(this, e.setBy())).setHeader(getTranslation("availability.setBy"))
                .setAutoWidth(true);
        if (save != null) {
            grid.addComponentColumn(e -> {
                Button remove = new Button(VaadinIcon.TRASH.create(), click -> remove(e));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("availability.remove"));
                remove.setVisible(e.setBy() == editable);
                return remove;
            }).setWidth("4rem").setFlexGrow(0);
        }
        grid.setEmptyStateText(getTranslation("availability.none"));
        add(grid);
        if (save != null) {
            add(form());
        }
    }

    private VerticalLayout form() {
        var l = AvailabilityTexts.locale(this);
        days.setLabel(getTranslation("availability.days"));
        days.setItems(DayOfWeek.values());
        days.setItemLabelGenerator(d -> AvailabilityTexts.day(d, l));
        notAvailable.setLabel(getTranslation("availability.notAvailable"));
        notAvailable.addValueChangeListener(e -> {
            from.setEnabled(!e.getValue());
            until.setEnabled(!e.getValue());
        });
        from.setLabel(getTranslation("availability.from"));
        until.setLabel(getTranslation("availability.until"));
        for (TimePicker t : List.of(from, until)) {
            t.setStep(Duration.ofMinutes(30));
            t.setLocale(l);
            t.setClearButtonVisible(true);
        }
        validFrom.setLabel(getTranslation("availability.validFromLabel"));
        validTo.setLabel(getTranslation("availability.validToLabel"));
        DatePickers.localize(validFrom, l);
        DatePickers.localize(validTo, l);
        validFrom.setClearButtonVisible(true);
        validTo.setClearButtonVisible(true);
        note.setLabel(getTranslation("availability.note"));
        note.setMaxLength(500);
        add.setText(getTranslation(editable == SetBy.PLANNER ? "availability.addOverride" : "availability.add"));
        add.setId("availability-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addRow());
        HorizontalLayout times = new HorizontalLayout(notAvailable, from, until, validFrom, validTo, note);
        times.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        times.setWrap(true);
        VerticalLayout form = new VerticalLayout(days, times, add);
        form.setPadding(false);
        return form;
    }

    void show(List<AvailabilityEntry> all) {
        rows = List.copyOf(all);
        grid.setItems(rows);
    }

    void addRow() {
        List<AvailabilityEntry> mine = new ArrayList<>(rows.stream().filter(r -> r.setBy() == editable).toList());
        boolean off = notAvailable.getValue();
        mine.add(AvailabilityEntry.of(days.getValue(), !off, off ? null : from.getValue(), off ? null : until.getValue(),
                validFrom.getValue(), validTo.getValue(), note.getValue()));
        if (store(mine)) {
            days.clear();
            notAvailable.clear();
            from.clear();
            until.clear();
            validFrom.clear();
            validTo.clear();
            note.clear();
        }
    }

    private void remove(AvailabilityEntry e) {
        store(rows.stream().filter(r -> r.setBy() == editable && !r.id().equals(e.id())).toList());
    }

    private boolean store(List<AvailabilityEntry> entries) {
        try {
            show(save.apply(entries));
            return true;
        } catch (RuntimeException ex) {
            AvailabilityTexts.error(ex);
            return false;
        }
    }
}
