package org.switchboard.rostering.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.ValidationFailedException;

/**
 * Every roster with its period, teams, queues, state, score and covered share; planners and admins create one here.
 * A click on a row opens its schedule board. Managers read only.
 */
@Route("rosters")
@Menu(title = "menu.rosters", order = 45, icon = "vaadin:calendar-user")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class RostersView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Roster> grid = new Grid<>(Roster.class, false);
    final NewRosterForm form;
    private final RosterService rosters;
    private final Map<Long, String> teamNames;
    private final Map<Long, String> queueCodes;

    public RostersView(RosterService rosters, TeamService teams, QueueService queues, AuthenticationContext auth) {
        this.rosters = rosters;
        setSizeFull();
        teamNames = teams.list().stream().collect(Collectors.toMap(Team::getId, Team::getName));
        queueCodes = queues.list().stream().collect(Collectors.toMap(Queue::getId, Queue::getCode));
        Locale l = RosterTexts.locale(this);
        grid.setId("rosters");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Roster::id).setHeader("#").setKey("id").setWidth("5rem").setFlexGrow(0);
        grid.addColumn(r -> RosterTexts.period(this, r)).setHeader(getTranslation("rosters.column.period"))
                .setKey("period").setAutoWidth(true).setComparator(Comparator.comparing(Roster::startDate));
        grid.addColumn(r -> names(r.teamIds(), teamNames, "rosters.all.teams")).setHeader(getTranslation("rosters.column.teams"))
                .setKey("teams").setFlexGrow(2);
        grid.addColumn(r -> names(r.queueIds(), queueCodes, "rosters.all.queues"))
                .setHeader(getTranslation("rosters.column.queues")).setKey("queues").setFlexGrow(1);
        grid.addColumn(r -> RosterTexts.state(this, r.state(), rosters.isSolving(r.id()))
                        + (r.stale() ? " · " + getTranslation("rosters.stale") : ""))
                .setHeader(getTranslation("rosters.column.state")).setKey("state").setAutoWidth(true);
        grid.addColumn(r -> RosterTexts.score(this, r.hard(), r.medium(), r.soft()))
                .setHeader(getTranslation("rosters.column.score")).setKey("score").setAutoWidth(true);
        grid.addColumn(r -> r.coveredShare() == null && r.score() != null ? getTranslation("coverage.nodemand")
                        : RosterTexts.percent(r.coveredShare(), l)).setHeader(getTranslation("rosters.column.covered"))
                .setKey("covered").setAutoWidth(true);
        grid.addColumn(r -> r.serviceLevel() == null ? "" : RosterTexts.percent(r.serviceLevel(), l))
                .setHeader(getTranslation("rosters.column.serviceLevel")).setKey("serviceLevel").setAutoWidth(true)
                .setTooltipGenerator(r -> getTranslation("rosters.column.serviceLevel.tip"));
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setSizeFull();
        form = new NewRosterForm(teams.list(), queues.list(), this::create);
        form.setVisible(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        add(form, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.rosters");
    }

    void refresh() {
        grid.setItems(rosters.list().stream().sorted(Comparator.comparing(Roster::id).reversed()).toList());
    }

    private void create(org.switchboard.rostering.NewRoster request) {
        try {
            Roster r = rosters.create(request);
            refresh();
            Notification n = Notification.show(getTranslation("rosters.created", r.id()), 3000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            open(r);
        } catch (ValidationFailedException e) {
            form.showErrors(e.fieldErrors(getLocale()));
        }
    }

    void open(Roster r) {
        UI.getCurrent().navigate(RosterBoardView.class, RosterBoardView.params(r.id()));
    }

    private String names(java.util.List<Long> ids, Map<Long, String> names, String allKey) {
        if (ids.isEmpty()) {
            return getTranslation(allKey);
        }
        return ids.stream().map(id -> names.getOrDefault(id, "#" + id)).collect(Collectors.joining(", "));
    }

    /** Shows a refused action (conflict, not found, wrong input) as an error notification. */
    static void error(RuntimeException e) {
        if (!(e instanceof ConflictException || e instanceof ValidationFailedException || e instanceof NotFoundException
                || e instanceof IllegalArgumentException)) {
            throw e;
        }
        // the reason in the reader's language (services keep it as a message key and its facts)
        java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent() == null ? java.util.Locale.ENGLISH
                : com.vaadin.flow.component.UI.getCurrent().getLocale();
        String text = e instanceof ValidationFailedException v && !v.fieldErrors().isEmpty()
                ? String.join("; ", v.fieldErrors(locale).values())
                : e instanceof org.switchboard.shared.KeyedException k ? k.message(locale) : e.getMessage();
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
