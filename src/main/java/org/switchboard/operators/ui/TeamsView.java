package org.switchboard.operators.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.switchboard.base.ui.CrudLayout;
import org.switchboard.base.ui.EditorPanel;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.Roles;

/** Teams operators belong to. */
@Route("teams")
@Menu(title = "menu.teams", order = 15, icon = "vaadin:group")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class TeamsView extends VerticalLayout implements HasDynamicTitle {

    final CrudLayout<Team> crud;

    public TeamsView(TeamService teams, AuthenticationContext auth) {
        setSizeFull();
        setPadding(false);
        Grid<Team> grid = new Grid<>(Team.class, false);
        grid.addColumn(Team::getName).setHeader(getTranslation("teams.name")).setSortable(true);
        EditorPanel<Team> editor = new EditorPanel<>(Team.class, teams::save, Team::getId)
                .withTitle(t -> t.getId() == null ? getTranslation("teams.new") : t.getName())
                .withDelete(t -> teams.delete(t.getId()))
                .withDeleteRefusal(t -> teams.hasOperators(t.getId())
                        ? Optional.of(getTranslation("teams.hasOperators"))
                        : Optional.empty());
        TextField name = new TextField(getTranslation("teams.name"));
        editor.binder().bind(name, "name");
        editor.form().add(name);
        crud = new CrudLayout<>(grid, editor, teams::list, Team::getName, getTranslation("teams.new"), Team::new,
                t -> teams.get(t.getId()));
        crud.setEditable(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        add(crud);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.teams");
    }
}
