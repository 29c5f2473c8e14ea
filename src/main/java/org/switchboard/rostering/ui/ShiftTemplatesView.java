package org.switchboard.rostering.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.switchboard.base.ui.CrudLayout;
import org.switchboard.base.ui.EditorPanel;
import org.switchboard.base.ui.ListField;
import org.switchboard.base.ui.TextFields;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.ShiftBreak;
import org.switchboard.rostering.ShiftKind;
import org.switchboard.rostering.ShiftKindRules;
import org.switchboard.rostering.ShiftTemplate;
import org.switchboard.rostering.ShiftTemplateService;
import org.switchboard.shared.Roles;

/**
 * Shift templates: start (or a start window: latest start and step), length and breaks (fixed, or floating in a
 * window); the day / evening / night kind is derived per start. A template may be limited to some contracts and/or
 * teams (empty: everyone).
 */
@Route("shift-templates")
@Menu(title = "menu.shiftTemplates", order = 40, icon = "vaadin:clock")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class ShiftTemplatesView extends VerticalLayout implements HasDynamicTitle {

    final CrudLayout<ShiftTemplate> crud;

    public ShiftTemplatesView(ShiftTemplateService templates, ContractService contractService, TeamService teamService,
            AuthenticationContext auth) {
        setSizeFull();
        setPadding(false);
        ShiftKindRules rules = templates.rules();
        List<Contract> contractList = contractService.list();
        List<Team> teamList = teamService.list();
        Grid<ShiftTemplate> grid = new Grid<>(ShiftTemplate.class, false);
        grid.addColumn(ShiftTemplate::getCode).setHeader(getTranslation("templates.code")).setSortable(true).setAutoWidth(true);
        grid.addColumn(ShiftTemplate::getName).setHeader(getTranslation("templates.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(this::timeLabel).setHeader(getTranslation("templates.time")).setSortable(true)
                .setComparator(Comparator.comparing(ShiftTemplate::getStartTime));
        grid.addColumn(t -> hours(t.getLengthMinutes())).setHeader(getTranslation("templates.lengthHours")).setSortable(true)
                .setComparator(Comparator.comparing(ShiftTemplate::getLengthMinutes));
        grid.addColumn(this::breaksLabel).setHeader(getTranslation("templates.breaks")).setFlexGrow(2);
        grid.addColumn(t -> hours(t.paidMinutes())).setHeader(getTranslation("templates.paidHours"));
        grid.addColumn(t -> t.kinds(rules).stream().map(k -> getTranslation("templates.kind." + k.name()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("templates.kind")).setKey("kind").setSortable(true)
                .setComparator(Comparator.comparing(t -> t.kind(rules)));
        grid.addColumn(t -> eligibilityLabel(t, contractList, teamList)).setHeader(getTranslation("templates.for"))
                .setKey("for").setFlexGrow(2);
        grid.addColumn(t -> t.isActive() ? "" : getTranslation("templates.inactive")).setHeader(getTranslation("templates.status"));

        EditorPanel<ShiftTemplate> editor = new EditorPanel<>(ShiftTemplate.class, templates::save, ShiftTemplate::getId)
                .withTitle(t -> t.getId() == null ? getTranslation("templates.new") : t.getCode() + " " + t.getName())
                .withDelete(t -> templates.delete(t.getId()));
        TextField code = new TextField(getTranslation("templates.code"));
        TextField name = new TextField(getTranslation("templates.name"));
        TimePicker start = new TimePicker(getTranslation("templates.start"));
        // 24-hour times in both languages (English as in the UK)
        java.util.Locale timeLocale = "ru".equals(getLocale().getLanguage()) ? java.util.Locale.forLanguageTag("ru-RU")
                : java.util.Locale.UK;
        start.setLocale(timeLocale);
        start.setStep(Duration.ofMinutes(15));
        start.setHelperText(getTranslation("templates.start.helper"));
        TimePicker latestStart = new TimePicker(getTranslation("templates.latestStart"));
        latestStart.setLocale(timeLocale);
        latestStart.setStep(Duration.ofMinutes(15));
        latestStart.setClearButtonVisible(true);
        latestStart.setHelperText(getTranslation("templates.latestStart.helper"));
        IntegerField startStep = new IntegerField(getTranslation("templates.step"));
        startStep.setHelperText(getTranslation("templates.step.helper"));
        startStep.setMin(5);
        NumberField length = new NumberField(getTranslation("templates.length"));
        length.setStep(0.25);
        length.setHelperText(getTranslation("templates.length.helper"));
        Checkbox active = new Checkbox(getTranslation("templates.active"));
        ListField<ShiftBreak> breaks = new ListField<>(getTranslation("templates.breaks.label"),
                getTranslation("templates.breaks.add"), this::breakRow);
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
        MultiSelectComboBox<Contract> contracts = new MultiSelectComboBox<>(getTranslation("templates.contracts"));
        contracts.setItems(contractList);
        contracts.setItemLabelGenerator(Contract::getName);
        contracts.setHelperText(getTranslation("templates.contracts.helper"));
        binder.forField(contracts).withConverter(Converter.<java.util.Set<Contract>, java.util.Set<Long>>from(
                        set -> Result.ok(set.stream().map(Contract::getId).collect(Collectors.toSet())),
                        ids -> contractList.stream().filter(c -> ids.contains(c.getId())).collect(Collectors.toSet())))
                .bind(ShiftTemplate::getContractIds, ShiftTemplate::setContractIds);
        MultiSelectComboBox<Team> teams = new MultiSelectComboBox<>(getTranslation("templates.teams"));
        teams.setItems(teamList);
        teams.setItemLabelGenerator(Team::getName);
        teams.setHelperText(getTranslation("templates.teams.helper"));
        binder.forField(teams).withConverter(Converter.<java.util.Set<Team>, java.util.Set<Long>>from(
                        set -> Result.ok(set.stream().map(Team::getId).collect(Collectors.toSet())),
                        ids -> teamList.stream().filter(t -> ids.contains(t.getId())).collect(Collectors.toSet())))
                .bind(ShiftTemplate::getTeamIds, ShiftTemplate::setTeamIds);
        editor.form().add(code, name, start, latestStart, startStep, length, active);
        editor.form().add(contracts, teams);
        editor.form().add(breaks, 2);
        editor.form().add(new Paragraph(getTranslation("templates.kinds.help", rules.nightWindowLabel(),
                number(rules.nightMinMinutes() / 60.0), rules.eveningStart().toString())), 2);

        crud = new CrudLayout<>(grid, editor, templates::list, t -> t.getCode() + " " + t.getName(),
                getTranslation("templates.new"), ShiftTemplate::new, t -> templates.get(t.getId()));
        crud.setEditable(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        add(crud);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("templates.title");
    }

    /** "09:00–17:00", "21:00–07:00 (+1)", with a start window "11:00–19:00 … 14:00–22:00, every 60 min". */
    String timeLabel(ShiftTemplate t) {
        if (!t.hasStartWindow()) {
            return t.timeLabel(); // times only
        }
        List<LocalTime> starts = t.startTimes();
        return getTranslation("templates.time.window", span(t, starts.getFirst()), span(t, starts.getLast()),
                t.getStartStepMinutes());
    }

    /** "Full time 40 h, Part time 30 h · Aurora (day)", or "everyone" for a template without limits. */
    String eligibilityLabel(ShiftTemplate t, List<Contract> contracts, List<Team> teams) {
        String c = contracts.stream().filter(x -> t.getContractIds().contains(x.getId())).map(Contract::getName)
                .collect(Collectors.joining(", "));
        String g = teams.stream().filter(x -> t.getTeamIds().contains(x.getId())).map(Team::getName)
                .collect(Collectors.joining(", "));
        if (c.isEmpty() && g.isEmpty()) {
            return getTranslation("templates.for.everyone");
        }
        return c.isEmpty() ? g : g.isEmpty() ? c : c + " · " + g;
    }

    private static String span(ShiftTemplate t, LocalTime start) {
        boolean nextDay = start.toSecondOfDay() / 60 + t.getLengthMinutes() > 24 * 60;
        return start + "–" + start.plusMinutes(t.getLengthMinutes()) + (nextDay ? " (+1)" : "");
    }

    /**
     * "12:00–13:00", a floating break "60 min in 10:00–14:00" (the window from its earliest start to its latest end);
     * with a start window the clock times depend on the start, so offsets: "+4:00–+5:00", "60 min in +3:00–+6:00".
     */
    String breaksLabel(ShiftTemplate t) {
        boolean relative = t.hasStartWindow();
        return t.getBreaks().stream()
                .map(b -> (b.isFloating()
                                ? getTranslation("templates.break.floating", b.lengthMinutes(),
                                        at(t, b.offsetMinutes(), relative) + "–" + at(t, b.latestEndOffsetMinutes(), relative))
                                : at(t, b.offsetMinutes(), relative) + "–" + at(t, b.endOffsetMinutes(), relative))
                        + (b.paid() ? " " + getTranslation("templates.break.paid") : ""))
                .collect(Collectors.joining(", "));
    }

    private static String at(ShiftTemplate t, int offsetMinutes, boolean relative) {
        return relative ? String.format("+%d:%02d", offsetMinutes / 60, offsetMinutes % 60)
                : t.getStartTime().plusMinutes(offsetMinutes).toString();
    }

    private String hours(int minutes) {
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : number(minutes / 60.0);
    }

    /** Up to two decimals in the reader's format: 7.5 / 7,5. */
    private String number(double value) {
        NumberFormat f = NumberFormat.getNumberInstance(getLocale());
        f.setMaximumFractionDigits(2);
        f.setGroupingUsed(false);
        return f.format(value);
    }

    private ListField.Row<ShiftBreak> breakRow(ShiftBreak value, Runnable changed) {
        IntegerField offset = new IntegerField();
        offset.setAriaLabel(getTranslation("templates.break.after"));
        offset.setPlaceholder(getTranslation("templates.break.after.placeholder"));
        offset.setWidth("7rem");
        IntegerField latest = new IntegerField();
        latest.setAriaLabel(getTranslation("templates.break.latest"));
        latest.setPlaceholder(getTranslation("templates.break.latest.placeholder"));
        latest.setWidth("7rem");
        IntegerField length = new IntegerField();
        length.setAriaLabel(getTranslation("templates.break.length"));
        length.setPlaceholder(getTranslation("templates.break.length.placeholder"));
        length.setWidth("7rem");
        Checkbox paid = new Checkbox(getTranslation("templates.break.paid"));
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
