package org.switchboard.operators.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.base.ui.CrudLayout;
import org.switchboard.base.ui.EditorPanel;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractPreset;
import org.switchboard.operators.ContractService;
import org.switchboard.shared.Roles;

/**
 * Contracts: weekly hours, rest and consecutive-day rules, night and weekend limits, the overtime a substitution may
 * use; start from a preset.
 */
@Route("contracts")
@Menu(title = "menu.contracts", order = 20, icon = "vaadin:file-text-o")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class ContractsView extends VerticalLayout implements HasDynamicTitle {

    final CrudLayout<Contract> crud;
    final ComboBox<ContractPreset> preset = new ComboBox<>();
    final NumberField minHours = new NumberField();
    final NumberField maxHours = new NumberField();
    final NumberField overtime = new NumberField();

    public ContractsView(ContractService contracts, AuthenticationContext auth) {
        setSizeFull();
        setPadding(false);
        preset.setLabel(getTranslation("contracts.preset"));
        minHours.setLabel(getTranslation("contracts.minHours"));
        maxHours.setLabel(getTranslation("contracts.maxHours"));
        overtime.setLabel(getTranslation("contracts.overtime"));
        overtime.setHelperText(getTranslation("contracts.overtimeHelp"));
        Locale locale = getLocale();
        Grid<Contract> grid = new Grid<>(Contract.class, false);
        grid.addColumn(Contract::getName).setHeader(getTranslation("contracts.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(c -> hours(c.getMinMinutesPerWeek(), locale) + "–" + hours(c.getMaxMinutesPerWeek(), locale))
                .setHeader(getTranslation("contracts.hoursPerWeek")).setSortable(true)
                .setComparator(java.util.Comparator.comparing(Contract::getMaxMinutesPerWeek));
        grid.addColumn(Contract::getMaxConsecutiveDays).setHeader(getTranslation("contracts.col.maxDays")).setSortable(true);
        grid.addColumn(Contract::getMinConsecutiveDaysOff).setHeader(getTranslation("contracts.minDaysOff")).setSortable(true);
        grid.addColumn(c -> hours(c.getMinRestMinutes(), locale)).setHeader(getTranslation("contracts.col.minRest"));
        grid.addColumn(Contract::getMaxNightsInRow).setHeader(getTranslation("contracts.maxNights")).setSortable(true);
        grid.addColumn(Contract::getMaxWeekendsPerPeriod).setHeader(getTranslation("contracts.col.maxWeekends"));
        grid.addColumn(c -> hours(c.getMaxOvertimeMinutesPerWeek(), locale)).setHeader(getTranslation("contracts.col.overtime"))
                .setKey("overtime");

        EditorPanel<Contract> editor = new EditorPanel<>(Contract.class, contracts::save, Contract::getId)
                .withTitle(c -> c.getId() == null ? getTranslation("contracts.new") : c.getName())
                .withDelete(c -> contracts.delete(c.getId()))
                .withDeleteRefusal(c -> contracts.inUse(c.getId())
                        ? Optional.of(getTranslation("contracts.inUse"))
                        : Optional.empty());
        var binder = editor.binder();
        TextField name = new TextField(getTranslation("contracts.name"));
        IntegerField maxDays = new IntegerField(getTranslation("contracts.maxDays"));
        IntegerField minDaysOff = new IntegerField(getTranslation("contracts.minDaysOff"));
        NumberField minRest = new NumberField(getTranslation("contracts.minRest"));
        IntegerField maxNights = new IntegerField(getTranslation("contracts.maxNights"));
        maxNights.setHelperText(getTranslation("contracts.noNights"));
        NumberField restAfterNights = new NumberField(getTranslation("contracts.restAfterNights"));
        IntegerField maxWeekends = new IntegerField(getTranslation("contracts.maxWeekends"));
        binder.bind(name, "name");
        binder.forField(minHours).withConverter(HOURS).bind("minMinutesPerWeek");
        binder.forField(maxHours).withConverter(HOURS).bind("maxMinutesPerWeek");
        binder.bind(maxDays, "maxConsecutiveDays");
        binder.bind(minDaysOff, "minConsecutiveDaysOff");
        binder.forField(minRest).withConverter(HOURS).bind("minRestMinutes");
        binder.bind(maxNights, "maxNightsInRow");
        binder.forField(restAfterNights).withConverter(HOURS).bind("minRestAfterNightsMinutes");
        binder.bind(maxWeekends, "maxWeekendsPerPeriod");
        binder.forField(overtime).withConverter(HOURS).bind("maxOvertimeMinutesPerWeek");

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
        editor.form().add(minHours, maxHours, maxDays, minDaysOff, minRest, maxNights, restAfterNights, maxWeekends, overtime);

        crud = new CrudLayout<>(grid, editor, contracts::list, Contract::getName, getTranslation("contracts.new"), Contract::new,
                c -> contracts.get(c.getId()));
        crud.setEditable(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        preset.setVisible(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        add(crud);
    }

    /** Hours in the form, minutes in the record. */
    static final Converter<Double, Integer> HOURS = Converter.from(
            h -> h == null ? Result.ok(null) : Result.ok((int) Math.round(h * 60)),
            m -> m == null ? null : m / 60.0);

    /** Hours in the reader's number format (7,5 for a Russian reader). */
    static String hours(Integer minutes, Locale locale) {
        if (minutes == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(minutes / 60.0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.contracts");
    }
}
