package org.switchboard.absences.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.absences.AbsenceDecisions;
import org.switchboard.absences.Balances;
import org.switchboard.absences.AbsenceEntry;
import org.switchboard.absences.AbsenceFilter;
import org.switchboard.absences.AbsenceStatus;
import org.switchboard.absences.TimeOffRequests;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.Roles;

/**
 * "Approvals": the open requests (waitlisted ones apart), filtered by team and status; the chosen one's effect on
 * coverage and service level ({@link ImpactPanel}); Approve and Reject (with a reason) one by one or for the selected
 * rows. Managers and admins decide; planners read and enter sick leave and other absences here.
 */
@Route("approvals")
@Menu(title = "menu.approvals", order = 47, icon = "vaadin:check-square-o")
@StyleSheet("context://frontend-assets/absences.css")
@RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.PLANNER})
public class ApprovalsView extends VerticalLayout implements HasDynamicTitle {

    /** Which open requests the lists show. */
    enum Show { OPEN, REQUESTED, WAITLISTED }

    final ComboBox<Team> team = new ComboBox<>();
    final Select<Show> status = new Select<>();
    final Grid<AbsenceEntry> grid = new Grid<>();
    final Grid<AbsenceEntry> waitlist = new Grid<>();
    final H3 waitlistTitle = new H3();
    final Button approve = new Button();
    final Button reject = new Button();
    final Button approveSelected = new Button();
    final Button rejectSelected = new Button();
    final Button enter = new Button();
    final Decisions outcomes;
    final ImpactPanel impact = new ImpactPanel();
    /** The chosen requester's balance of the request's type and year. */
    final BalanceGrid balance = new BalanceGrid();
    final H3 balanceTitle = new H3();
    final Paragraph chooseHint = new Paragraph();
    final boolean decides = AbsenceTexts.decides();
    AbsenceEntry current;
    AbsenceEntryDialog entryDialog;
    private final TimeOffRequests requests;
    private final AbsenceDecisions decisions;
    private final Balances balances;

    public ApprovalsView(TimeOffRequests requests, AbsenceDecisions decisions, Balances balances, TeamService teams,
            OperatorService operators) {
        this.requests = requests;
        this.decisions = decisions;
        this.balances = balances;
        balance.setId("approvals-balance");
        balanceTitle.setId("approvals-balance-title");
        this.outcomes = new Decisions(decisions, this::refresh);
        setWidthFull();
        team.setLabel(getTranslation("approvals.filter.team"));
        team.setItems(teams.list());
        team.setItemLabelGenerator(Team::getName);
        team.setClearButtonVisible(true);
        team.setPlaceholder(getTranslation("approvals.filter.allTeams"));
        team.setId("approvals-team");
        team.addValueChangeListener(e -> refresh());
        status.setLabel(getTranslation("approvals.filter.status"));
        status.setItems(Show.values());
        status.setItemLabelGenerator(s -> getTranslation("approvals.filter.show." + s.name()));
        status.setValue(Show.OPEN);
        status.setWidth("18rem");
        status.setId("approvals-status");
        status.addValueChangeListener(e -> refresh());
        enter.setText(getTranslation("absences.entry.open"));
        enter.setId("absence-entry-button");
        enter.addClickListener(e -> {
            entryDialog = new AbsenceEntryDialog(requests, operators.list().stream().filter(o -> o.isActive()).toList(),
                    this::refresh);
            entryDialog.open();
        });
        HorizontalLayout filters = new HorizontalLayout(team, status, enter);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        columns(grid);
        grid.setId("approvals-grid");
        grid.setSelectionMode(decides ? Grid.SelectionMode.MULTI : Grid.SelectionMode.NONE);
        grid.addItemClickListener(e -> choose(e.getItem()));
        grid.setEmptyStateText(getTranslation("approvals.empty"));
        columns(waitlist);
        waitlist.setId("waitlist-grid");
        waitlist.addItemClickListener(e -> choose(e.getItem()));
        waitlist.setEmptyStateText(getTranslation("approvals.waitlist.empty"));
        waitlistTitle.setText(getTranslation("approvals.waitlist.title"));

        approve.setText(getTranslation("approvals.approve"));
        approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        approve.setId("approve-button");
        approve.addClickListener(e -> outcomes.approve(current));
        reject.setText(getTranslation("approvals.reject"));
        reject.addThemeVariants(ButtonVariant.ERROR);
        reject.setId("reject-button");
        reject.addClickListener(e -> outcomes.reject(current));
        approveSelected.setText(getTranslation("approvals.approveSelected"));
        approveSelected.setId("bulk-approve-button");
        approveSelected.addClickListener(e -> outcomes.approveAll(List.copyOf(grid.getSelectedItems())));
        rejectSelected.setText(getTranslation("approvals.rejectSelected"));
        rejectSelected.setId("bulk-reject-button");
        rejectSelected.addClickListener(e -> outcomes.rejectAll(List.copyOf(grid.getSelectedItems())));
        if (decides) {
            grid.addSelectionListener(e -> buttons());
        }
        for (Grid<AbsenceEntry> g : List.of(grid, waitlist)) {
            g.setPartNameGenerator(e -> current != null && e.id() == current.id() ? "ab-current" : null);
        }
        chooseHint.setText(getTranslation("approvals.impact.choose"));
        HorizontalLayout bulk = new HorizontalLayout(approveSelected, rejectSelected);
        HorizontalLayout one = new HorizontalLayout(approve, reject);
        bulk.setVisible(decides);
        one.setVisible(decides);
        Paragraph readOnly = new Paragraph(getTranslation("approvals.readOnly"));
        readOnly.setVisible(!decides);

        add(filters, readOnly, grid, bulk, outcomes, waitlistTitle, waitlist,
                new H3(getTranslation("approvals.impact.title")), chooseHint, one, balanceTitle, balance, impact);
        refresh();
        showBalance(null);
    }

    private void columns(Grid<AbsenceEntry> g) {
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.setAllRowsVisible(true);
        g.addColumn(e -> e.name() + " (" + e.employeeNumber() + ")").setHeader(getTranslation("absences.ui.operator"))
                .setKey("operator").setAutoWidth(true);
        g.addColumn(e -> AbsenceTexts.type(this, e.type())).setHeader(getTranslation("absences.ui.type"))
                .setKey("type").setAutoWidth(true);
        g.addColumn(e -> AbsenceTexts.when(this, e)).setHeader(getTranslation("absences.ui.when")).setKey("when")
                .setAutoWidth(true);
        g.addColumn(e -> AbsenceTexts.status(this, e.status())).setHeader(getTranslation("absences.ui.status"))
                .setKey("status").setAutoWidth(true);
        g.addColumn(e -> AbsenceTexts.dateTime(this, e.requestedAt(), e.zone()))
                .setHeader(getTranslation("absences.ui.requestedAt")).setKey("requested").setAutoWidth(true);
        g.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(getTranslation("absences.ui.note")).setKey("note")
                .setFlexGrow(1);
    }

    /** Shows the request's impact and makes it the one Approve and Reject act on. */
    void choose(AbsenceEntry entry) {
        current = entry;
        try {
            impact.show(entry == null ? null : decisions.impact(entry.id()));
        } catch (RuntimeException e) {
            impact.show(null);
            org.switchboard.base.ui.Notifications.error(AbsenceTexts.refusal(this, e));
        }
        showBalance(entry);
        // the chosen row is marked (part ab-current)
        grid.getDataProvider().refreshAll();
        waitlist.getDataProvider().refreshAll();
        buttons();
    }

    /** The requester's balance for the request's type in the year it starts (what is left if it is approved). */
    private void showBalance(AbsenceEntry entry) {
        boolean shown = entry != null;
        if (shown) {
            try {
                int year = entry.from().getYear();
                balance.show(balances.of(entry.employeeNumber(), year).stream().filter(b -> b.type() == entry.type())
                        .toList());
                balanceTitle.setText(getTranslation("approvals.balance.title", entry.name(), String.valueOf(year)));
            } catch (RuntimeException e) {
                shown = false;
            }
        }
        balance.setVisible(shown);
        balanceTitle.setVisible(shown);
    }

    private void buttons() {
        chooseHint.setVisible(current == null);
        approve.setEnabled(current != null && current.status() == AbsenceStatus.REQUESTED);
        reject.setEnabled(current != null && current.status().isActive() && current.status() != AbsenceStatus.APPROVED);
        boolean any = decides && !grid.getSelectedItems().isEmpty();
        approveSelected.setEnabled(any);
        rejectSelected.setEnabled(any);
    }

    void refresh() {
        Long teamId = team.getValue() == null ? null : team.getValue().getId();
        Show show = status.getValue() == null ? Show.OPEN : status.getValue();
        List<AbsenceEntry> requested = show == Show.WAITLISTED ? List.of()
                : requests.list(new AbsenceFilter(AbsenceStatus.REQUESTED, null, null, teamId, null));
        List<AbsenceEntry> waiting = show == Show.REQUESTED ? List.of()
                : requests.list(new AbsenceFilter(AbsenceStatus.WAITLISTED, null, null, teamId, null));
        if (decides) {
            grid.deselectAll();
        }
        grid.setItems(requested);
        grid.setVisible(show != Show.WAITLISTED);
        waitlist.setItems(waiting);
        waitlist.setVisible(show != Show.REQUESTED);
        waitlistTitle.setVisible(show != Show.REQUESTED);
        if (current != null) {
            Map<Long, AbsenceEntry> open = java.util.stream.Stream.concat(requested.stream(), waiting.stream())
                    .collect(Collectors.toMap(AbsenceEntry::id, Function.identity()));
            AbsenceEntry still = open.get(current.id());
            if (still == null) {
                current = null;
                impact.show(null);
            } else {
                current = still;
            }
        }
        buttons();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approvals.title");
    }
}
