package org.switchboard.operators.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;

/** A delete that cannot succeed says why before any "this cannot be undone"; one that can asks first. */
@SpringBootTest
@Transactional
class TeamsViewTest extends SpringBrowserlessTest {

    @Autowired
    TeamService teams;

    @Autowired
    ContractService contracts;

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aTeamWithOperatorsSaysWhyItCannotBeDeletedWithoutAskingFirst() {
        TeamsView view = navigate(TeamsView.class);
        test(view.crud.search()).setValue("Owls");
        test(view.crud.grid()).select(0);
        assertThat(view.crud.editor().deleteButton().getTooltip().getText()).contains("still has operators");

        test(view.crud.editor().deleteButton()).click();

        assertThat(find(ConfirmDialog.class).all()).as("no 'cannot be undone' question").isEmpty();
        assertThat(view.crud.editor().globalError()).isEqualTo(
                "The team still has operators: move them to another team first, then it can be deleted.");
        assertThat(teams.list()).extracting(Team::getName).contains("Owls (night)");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void anEmptyTeamIsDeletedAfterConfirming() {
        Team empty = new Team();
        empty.setName("Empty team");
        teams.save(empty);
        TeamsView view = navigate(TeamsView.class);
        test(view.crud.search()).setValue("Empty team");
        test(view.crud.grid()).select(0);
        assertThat(view.crud.editor().deleteButton().getTooltip()).matches(t -> t == null || t.getText() == null);
        test(view.crud.editor().deleteButton()).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(teams.list()).extracting(Team::getName).doesNotContain("Empty team");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aContractInUseSaysWhyInRussianToo() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        ContractsView view = navigate(ContractsView.class);
        test(view.crud.search()).setValue("Full time 40 h");
        test(view.crud.grid()).select(0);
        test(view.crud.editor().deleteButton()).click();
        assertThat(find(ConfirmDialog.class).all()).isEmpty();
        assertThat(view.crud.editor().globalError()).startsWith("Этот договор ещё есть у операторов");
        assertThat(contracts.list()).isNotEmpty();
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aPlannerSetsATeamsUsualShiftKinds() {
        TeamsView view = navigate(TeamsView.class);
        test(view.crud.search()).setValue("Comet");
        var grid = test(view.crud.grid());
        assertThat(grid.getCellText(0, grid.getColumnPosition("usualKinds"))).isEqualTo("Evening (weighted)");
        grid.select(0);
        org.switchboard.base.ui.EditorFields.set(view.crud.editor(), "usualShiftKinds", java.util.Set.of("EVENING", "NIGHT"));
        org.switchboard.base.ui.EditorFields.set(view.crud.editor(), "usualShiftKindsHard", true);
        test(view.crud.editor().saveButton()).click();
        Team comet = teams.list().stream().filter(t -> t.getName().startsWith("Comet")).findFirst().orElseThrow();
        assertThat(comet.getUsualShiftKinds()).containsExactly("EVENING", "NIGHT");
        assertThat(comet.isUsualShiftKindsHard()).isTrue();
        assertThat(view.kindsLabel(comet)).isEqualTo("Evening, Night (hard)");
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        assertThat(navigate(TeamsView.class).kindsLabel(comet)).isEqualTo("Вечерняя, Ночная (жёстко)");
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void aManagerReadsTeamsWithoutNewSaveOrDelete() {
        TeamsView view = navigate(TeamsView.class);
        assertThat(view.crud.addButton().isVisible()).isFalse();
        test(view.crud.grid()).select(0);
        assertThat(view.crud.editor().saveButton().isVisible()).isFalse();
        assertThat(view.crud.editor().deleteButton().isVisible()).isFalse();
    }
}
