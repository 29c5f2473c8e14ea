package org.switchboard.rostering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.switchboard.demand.Queue;
import org.switchboard.operators.Team;
import org.switchboard.rostering.CoverageAim;
import org.switchboard.rostering.NewRoster;

/** "New roster": first day, days (1–42), teams and queues (none chosen = all); hands a {@link NewRoster} on. */
final class NewRosterForm extends Details {

    final DatePicker start = new DatePicker();
    final IntegerField days = new IntegerField();
    final MultiSelectComboBox<Team> teams = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Queue> queues = new MultiSelectComboBox<>();
    final Select<CoverageAim> aim = new Select<>();
    final Button create = new Button();
    final Span error = new Span();

    NewRosterForm(List<Team> teamList, List<Queue> queueList, Consumer<NewRoster> onCreate) {
        setSummaryText(getTranslation("rosters.new"));
        setId("new-roster");
        start.setLabel(getTranslation("rosters.new.start"));
        start.setLocale(RosterTexts.locale(this));
        start.setValue(LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
        start.setRequired(true);
        start.setId("new-start");
        days.setLabel(getTranslation("rosters.new.days"));
        days.setHelperText(getTranslation("rosters.new.days.helper"));
        days.setMin(1);
        days.setMax(42);
        days.setValue(28);
        days.setStepButtonsVisible(true);
        days.setId("new-days");
        teams.setLabel(getTranslation("rosters.new.teams"));
        teams.setHelperText(getTranslation("rosters.new.teams.helper"));
        teams.setItems(teamList);
        teams.setItemLabelGenerator(Team::getName);
        teams.setId("new-teams");
        queues.setLabel(getTranslation("rosters.new.queues"));
        queues.setHelperText(getTranslation("rosters.new.queues.helper"));
        queues.setItems(queueList);
        queues.setItemLabelGenerator(q -> q.getCode() + " " + q.getName());
        queues.setId("new-queues");
        aim.setLabel(getTranslation("rosters.new.aim"));
        aim.setItems(CoverageAim.values());
        aim.setItemLabelGenerator(a -> getTranslation("rosters.new.aim." + a.name()));
        aim.setValue(CoverageAim.SERVICE_LEVEL);
        aim.setHelperText(getTranslation("rosters.new.aim.helper"));
        aim.setId("new-aim");
        create.setText(getTranslation("rosters.new.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-roster");
        create.addClickListener(e -> {
            clearErrors();
            onCreate.accept(request());
        });
        error.addClassName("sb-error");
        error.setId("new-error");
        FormLayout form = new FormLayout(start, days, teams, queues, aim);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 5));
        add(form, create, error);
    }

    NewRoster request() {
        return new NewRoster(start.getValue(), days.getValue(),
                teams.getSelectedItems().stream().map(Team::getId).toList(),
                queues.getSelectedItems().stream().map(Queue::getId).toList(), null, null, null, aim.getValue());
    }

    void clearErrors() {
        start.setInvalid(false);
        days.setInvalid(false);
        teams.setInvalid(false);
        queues.setInvalid(false);
        error.setText("");
    }

    /** Puts the service's reasons at their fields (startDate, days, teams, queues); the rest under the button. */
    void showErrors(Map<String, String> errors) {
        StringBuilder other = new StringBuilder();
        errors.forEach((field, reason) -> {
            switch (field) {
                case "startDate" -> invalid(start, reason);
                case "days" -> invalid(days, reason);
                case "teams" -> invalid(teams, reason);
                case "queues" -> invalid(queues, reason);
                default -> other.append(other.isEmpty() ? "" : "; ").append(reason);
            }
        });
        error.setText(other.toString());
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String reason) {
        field.setErrorMessage(reason);
        field.setInvalid(true);
    }
}
