package org.switchboard.absences.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import org.switchboard.absences.AbsenceFilter;
import org.switchboard.absences.AbsenceStatus;
import org.switchboard.absences.TimeOffRequests;
import org.switchboard.base.ui.DatePickers;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.Roles;

/**
 * "Absences": every operator's absences (requests, sick leave, decided and cancelled ones) filtered by team, status,
 * employee and dates, with Cancel for those not yet started and the entry of sick leave and other absences for an
 * operator. Planners, managers and admins.
 */
@Route("absences")
@Menu(title = "menu.absences", order = 48, icon = "vaadin:calendar-briefcase")
@StyleSheet("context://frontend-assets/absences.css")
@RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.PLANNER})
public class AbsencesView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<Team> team = new ComboBox<>();
    final ComboBox<AbsenceStatus> status = new ComboBox<>();
    final TextField employee = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Button enter = new Button();
    final RequestList list;
    AbsenceEntryDialog entryDialog;
    private final TimeOffRequests requests;

    public AbsencesView(TimeOffRequests requests, TeamService teams, OperatorService operators) {
        this.requests = requests;
        setWidthFull();
        team.setLabel(getTranslation("approvals.filter.team"));
        team.setItems(teams.list());
        team.setItemLabelGenerator(Team::getName);
        team.setClearButtonVisible(true);
        team.setPlaceholder(getTranslation("approvals.filter.allTeams"));
        team.setId("absences-team");
        status.setLabel(getTranslation("absences.ui.status"));
        status.setItems(AbsenceStatus.values());
        status.setItemLabelGenerator(s -> AbsenceTexts.status(this, s));
        status.setClearButtonVisible(true);
        status.setPlaceholder(getTranslation("absences.filter.anyStatus"));
        status.setId("absences-status");
        employee.setLabel(getTranslation("absences.filter.employee"));
        employee.setPlaceholder("E1001");
        employee.setValueChangeMode(ValueChangeMode.LAZY);
        employee.setClearButtonVisible(true);
        employee.setId("absences-employee");
        DatePickers.localize(from, AbsenceTexts.locale(this));
        DatePickers.localize(to, AbsenceTexts.locale(this));
        from.setLabel(getTranslation("absences.filter.from"));
        from.setValue(LocalDate.now().minusDays(30));
        from.setClearButtonVisible(true);
        from.setId("absences-from");
        to.setLabel(getTranslation("absences.filter.to"));
        to.setClearButtonVisible(true);
        to.setId("absences-to");
        enter.setText(getTranslation("absences.entry.open"));
        enter.setId("absence-entry-button");
        enter.addClickListener(e -> {
            entryDialog = new AbsenceEntryDialog(requests, operators.list().stream().filter(o -> o.isActive()).toList(),
                    this::refresh);
            entryDialog.open();
        });
        list = new RequestList(requests, true, this::refresh);
        list.setId("absences-grid");
        list.setHeight("36rem");
        HorizontalLayout filters = new HorizontalLayout(team, status, employee, from, to, enter);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters, list);
        team.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        employee.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        refresh();
    }

    void refresh() {
        String number = employee.getValue() == null || employee.getValue().isBlank() ? null : employee.getValue().trim();
        list.show(requests.list(new AbsenceFilter(status.getValue(), from.getValue(), to.getValue(),
                team.getValue() == null ? null : team.getValue().getId(), number)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("absences.title");
    }
}
