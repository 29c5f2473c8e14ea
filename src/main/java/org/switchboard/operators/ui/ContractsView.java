package org.switchboard.operators.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.base.ui.CrudLayout;
import org.switchboard.base.ui.EditorPanel;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractPreset;
import org.switchboard.operators.ContractService;
import org.switchboard.shared.Roles;

/** Contracts: weekly hours, rest and consecutive-day rules, night and weekend limits; start from a preset. */
@Route("contracts")
@PageTitle("Contracts")
@Menu(title = "Contracts", order = 20, icon = "vaadin:file-text-o")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class ContractsView extends VerticalLayout {

    final CrudLayout<Contract> crud;
    final ComboBox<ContractPreset> preset = new ComboBox<>("Fill from preset");
    final NumberField minHours = new NumberField("Min hours per week");
    final NumberField maxHours = new NumberField("Max hours per week");

    public ContractsView(ContractService contracts, AuthenticationContext auth) {
        setSizeFull();
        setPadding(false);
        Grid<Contract> grid = new Grid<>(Contract.class, false);
        grid.addColumn(Contract::getName).setHeader("Name").setSortable(true).setFlexGrow(2);
        grid.addColumn(c -> hours(c.getMinMinutesPerWeek()) + "–" + hours(c.getMaxMinutesPerWeek()))
                .setHeader("Hours per week").setSortable(true)
                .setComparator(java.util.Comparator.comparing(Contract::getMaxMinutesPerWeek));
        grid.addColumn(Contract::getMaxConsecutiveDays).setHeader("Max days in a row").setSortable(true);
        grid.addColumn(Contract::getMinConsecutiveDaysOff).setHeader("Min days off in a row").setSortable(true);
        grid.addColumn(c -> hours(c.getMinRestMinutes())).setHeader("Min rest (h)");
        grid.addColumn(Contract::getMaxNightsInRow).setHeader("Max nights in a row").setSortable(true);
        grid.addColumn(Contract::getMaxWeekendsPerPeriod).setHeader("Max weekends per period");

        EditorPanel<Contract> editor = new EditorPanel<>(Contract.class, contracts::save, Contract::getId)
                .withTitle(c -> c.getId() == null ? "New contract" : c.getName())
                .withDelete(c -> contracts.delete(c.getId()));
        var binder = editor.binder();
        TextField name = new TextField("Name");
        IntegerField maxDays = new IntegerField("Max working days in a row");
        IntegerField minDaysOff = new IntegerField("Min days off in a row");
        NumberField minRest = new NumberField("Min rest between shifts (h)");
        IntegerField maxNights = new IntegerField("Max nights in a row");
        maxNights.setHelperText("0 = no night shifts");
        NumberField restAfterNights = new NumberField("Min rest after nights (h)");
        IntegerField maxWeekends = new IntegerField("Max weekends worked per period");
        binder.bind(name, "name");
        binder.forField(minHours).withConverter(HOURS).bind("minMinutesPerWeek");
        binder.forField(maxHours).withConverter(HOURS).bind("maxMinutesPerWeek");
        binder.bind(maxDays, "maxConsecutiveDays");
        binder.bind(minDaysOff, "minConsecutiveDaysOff");
        binder.forField(minRest).withConverter(HOURS).bind("minRestMinutes");
        binder.bind(maxNights, "maxNightsInRow");
        binder.forField(restAfterNights).withConverter(HOURS).bind("minRestAfterNightsMinutes");
        binder.bind(maxWeekends, "maxWeekendsPerPeriod");

        preset.setItems(contracts.presets());
        preset.setItemLabelGenerator(ContractPreset::name);
        preset.setClearButtonVisible(true);
        preset.addValueChangeListener(e -> {
            if (e.getValue() != null && editor.bean() != null) {
                Contract scratch = new Contract();
                binder.writeBeanAsDraft(scratch, true);
                scratch.applyTerms(e.getValue());
                binder.readBean(scratch);
                preset.setHelperText(e.getValue().description());
            }
        });
        editor.form().add(preset, 2);
        editor.form().add(name, 2);
        editor.form().add(minHours, maxHours, maxDays, minDaysOff, minRest, maxNights, restAfterNights, maxWeekends);

        crud = new CrudLayout<>(grid, editor, contracts::list, Contract::getName, "New contract", Contract::new,
                c -> contracts.get(c.getId()));
        crud.setEditable(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        preset.setVisible(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        add(crud);
    }

    /** Hours in the form, minutes in the record. */
    static final Converter<Double, Integer> HOURS = Converter.from(
            h -> h == null ? Result.ok(null) : Result.ok((int) Math.round(h * 60)),
            m -> m == null ? null : m / 60.0);

    private static String hours(Integer minutes) {
        if (minutes == null) {
            return "";
        }
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format("%.1f", minutes / 60.0);
    }
}
