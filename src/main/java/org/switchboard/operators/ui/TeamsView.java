package org.switchboard.operators.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.stream.Collectors;
import org.switchboard.base.ui.CrudLayout;
import org.switchboard.base.ui.EditorPanel;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.Roles;

/** Teams operators belong to, with the kinds of shift each usually works (hard or weighted for the roster). */
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
        grid.addColumn(this::kindsLabel).setHeader(getTranslation("teams.usualKinds")).setKey("usualKinds");
        EditorPanel<Team> editor = new EditorPanel<>(Team.class, teams::save, Team::getId)
                .withTitle(t -> t.getId() == null ? getTranslation("teams.new") : t.getName())
                .withDelete(t -> teams.delete(t.getId()))
                .withDeleteRefusal(t -> teams.hasOperators(t.getId())
                        ? Optional.of(getTranslation("teams.hasOperators"))
                        : Optional.empty());
        TextField name = new TextField(getTranslation("teams.name"));
        editor.binder().bind(name, "name");
        CheckboxGroup<String> kinds = new CheckboxGroup<>(getTranslation("teams.usualKinds"));
        kinds.setItems(Team.SHIFT_KINDS);
        kinds.setItemLabelGenerator(k -> getTranslation("teams.kind." + k));
        kinds.setHelperText(getTranslation("teams.usualKinds.helper"));
        editor.binder().bind(kinds, "usualShiftKinds");
        Checkbox hard = new Checkbox(getTranslation("teams.usualKindsHard"));
        hard.setTooltipText(getTranslation("teams.usualKindsHard.helper"));
        editor.binder().bind(hard, "usualShiftKindsHard");
        editor.form().add(name, kinds, hard);
        crud = new CrudLayout<>(grid, editor, teams::list, Team::getName, getTranslation("teams.new"), Team::new,
                t -> teams.get(t.getId()));
        crud.setEditable(auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER));
        add(crud);
    }

    /** "Day (weighted)", "Evening, Night (hard)", or "any". */
    String kindsLabel(Team t) {
        if (t.getUsualShiftKinds().isEmpty()) {
            return getTranslation("teams.usualKinds.any");
        }
        return t.getUsualShiftKinds().stream().map(k -> getTranslation("teams.kind." + k)).collect(Collectors.joining(", "))
                + " (" + getTranslation(t.isUsualShiftKindsHard() ? "teams.usualKinds.hard" : "teams.usualKinds.weighted")
                + ")";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.teams");
    }
}
