package org.switchboard.operators.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Locale;
import org.switchboard.operators.Grade;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.SortDirection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;

/** The operators screen without a browser: grid search and sort, edit form, validation next to fields, roles. */
@SpringBootTest
@Transactional
class OperatorsViewTest extends SpringBrowserlessTest {

    @Autowired
    OperatorService operators;

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerSearchesAndSortsTheGrid() {
        OperatorsView view = navigate(OperatorsView.class);
        Grid<Operator> grid = view.crud.grid();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(64);

        test(view.crud.search()).setValue("e1001");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).getFirstName()).isEqualTo("Anna");

        test(view.crud.search()).setValue("");
        test(grid).sortByColumn("employeeNumber", SortDirection.DESCENDING);
        String first = test(grid).getRow(0).getEmployeeNumber();
        test(grid).sortByColumn("employeeNumber", SortDirection.ASCENDING);
        assertThat(test(grid).getRow(0).getEmployeeNumber()).isEqualTo("E1001").isLessThan(first);

        test(view.teamFilter).selectItem("Owls (night)");
        assertThat(test(grid).size()).isEqualTo(16);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerEditsAnOperatorInTheForm() {
        OperatorsView view = navigate(OperatorsView.class);
        test(view.crud.search()).setValue("E1002");
        test(view.crud.grid()).select(0);
        assertThat(view.crud.editor().isVisible()).isTrue();
        assertThat(view.employeeNumber.getValue()).isEqualTo("E1002");

        test(view.lastName).setValue("Edited-Surname");
        test(view.crud.editor().saveButton()).click();

        assertThat(view.crud.editor().isVisible()).as("form closes after saving").isFalse();
        Operator saved = operators.list().stream().filter(o -> o.getEmployeeNumber().equals("E1002")).findFirst().orElseThrow();
        assertThat(saved.getLastName()).isEqualTo("Edited-Surname");
        assertThat(test(view.crud.grid()).getRow(0).getLastName()).isEqualTo("Edited-Surname");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void invalidInputShowsTheReasonNextToTheFieldAndSavesNothing() {
        OperatorsView view = navigate(OperatorsView.class);
        int before = operators.list().size();
        test(view.crud.addButton()).click();
        test(view.employeeNumber).setValue("E1001"); // taken
        test(view.firstName).setValue("Ivan");
        test(view.lastName).setValue("Petrov");
        test(view.team).selectItem("Aurora (day)");
        test(view.contract).selectItem("Full time 40 h");
        test(view.crud.editor().saveButton()).click();

        assertThat(view.crud.editor().isVisible()).isTrue();
        assertThat(view.skills.isInvalid()).isTrue();
        assertThat(view.skills.getErrorMessage()).isEqualTo("An active operator needs at least one skill");
        assertThat(view.employeeNumber.isInvalid()).isTrue();
        assertThat(view.employeeNumber.getErrorMessage()).isEqualTo("Another operator already has this employee number");
        assertThat(operators.list()).hasSize(before);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void deletingAsksFirst() {
        // an operator no roster plans (a demo operator may be planned in a roster another test published)
        org.switchboard.operators.Operator like = operators.list().stream()
                .filter(o -> o.getEmployeeNumber().equals("E1064")).findFirst().orElseThrow();
        org.switchboard.operators.Operator fresh = new org.switchboard.operators.Operator();
        fresh.setEmployeeNumber("E1999");
        fresh.setFirstName("Delete");
        fresh.setLastName("Me");
        fresh.setTeamId(like.getTeamId());
        fresh.setGrade(like.getGrade());
        fresh.setContractId(like.getContractId());
        fresh.setTimeZone(like.getTimeZone());
        fresh.setSkills(new java.util.ArrayList<>(like.getSkills()));
        operators.save(fresh);
        OperatorsView view = navigate(OperatorsView.class);
        int before = operators.list().size();
        test(view.crud.search()).setValue("E1999");
        test(view.crud.grid()).select(0);
        test(view.crud.editor().deleteButton()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(operators.list()).as("nothing deleted before confirming").hasSize(before);
        test(confirm).confirm();
        assertThat(operators.list()).hasSize(before - 1)
                .noneMatch(o -> o.getEmployeeNumber().equals("E1999"));
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void managerSeesOperatorsReadOnly() {
        OperatorsView view = navigate(OperatorsView.class);
        assertThat(view.crud.addButton().isVisible()).isFalse();
        test(view.crud.grid()).select(0);
        assertThat(view.crud.editor().saveButton().isVisible()).isFalse();
        assertThat(view.lastName.isReadOnly()).isTrue();
        // nothing on the form looks as if it could be changed: no delete, no skill steppers or remove buttons
        assertThat(view.crud.editor().deleteButton().isVisible()).isFalse();
        assertThat(view.crud.editor().cancelButton().getText()).isEqualTo("Close");
        assertThat(view.skills.getValue()).isNotEmpty();
        assertThat(view.skills.addButton().isVisible()).isFalse();
        assertThat(view.skills.removeButtons()).hasSize(view.skills.getValue().size())
                .noneMatch(b -> b.isVisible());
        List<IntegerField> steppers = find(IntegerField.class).all();
        assertThat(steppers).isNotEmpty().allMatch(IntegerField::isReadOnly);
        assertThat(view.active.isReadOnly()).isTrue();
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aPlannersSkillRowsCanBeChanged() {
        OperatorsView view = navigate(OperatorsView.class);
        test(view.crud.grid()).select(0);
        assertThat(view.skills.removeButtons()).isNotEmpty().allMatch(b -> b.isVisible());
        assertThat(find(IntegerField.class).all()).isNotEmpty().noneMatch(IntegerField::isReadOnly);
        assertThat(view.crud.editor().deleteButton().isVisible()).isTrue();
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void theFormSpeaksRussianToARussianReader() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        OperatorsView view = navigate(OperatorsView.class);
        assertThat(view.lastName.getLabel()).isEqualTo("Фамилия");
        assertThat(view.crud.addButton().getText()).isEqualTo("Новый оператор");
        test(view.crud.search()).setValue("E1001");
        test(view.crud.grid()).select(0);
        assertThat(view.crud.editor().saveButton().getText()).isEqualTo("Сохранить");
        assertThat(view.grade.getItemLabelGenerator().apply(Grade.SENIOR)).isEqualTo("Старший оператор");
        assertThat(view.getPageTitle()).isEqualTo("Операторы");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aRussianReaderReadsTheReasonsNextToTheFieldsInRussian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        OperatorsView view = navigate(OperatorsView.class);
        int before = operators.list().size();
        test(view.crud.addButton()).click();
        test(view.employeeNumber).setValue("E1001"); // taken
        test(view.lastName).setValue("Петров");
        test(view.team).selectItem("Aurora (day)");
        test(view.contract).selectItem("Full time 40 h");
        test(view.crud.editor().saveButton()).click();
        assertThat(view.firstName.isInvalid()).as("no first name: refused in the form").isTrue();
        assertThat(view.firstName.getErrorMessage()).isEqualTo("Введите имя");

        test(view.firstName).setValue("Иван");
        test(view.crud.editor().saveButton()).click();
        assertThat(view.crud.editor().isVisible()).isTrue();
        assertThat(view.employeeNumber.getErrorMessage()).isEqualTo("Этот табельный номер уже есть у другого оператора");
        assertThat(view.skills.getErrorMessage()).isEqualTo("Активному оператору нужен хотя бы один навык");
        assertThat(operators.list()).hasSize(before);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void anEnglishReaderReadsTheFormsReasonInEnglish() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        OperatorsView view = navigate(OperatorsView.class);
        test(view.crud.addButton()).click();
        test(view.employeeNumber).setValue("E-NEW-1");
        test(view.crud.editor().saveButton()).click();
        assertThat(view.firstName.isInvalid()).isTrue();
        assertThat(view.firstName.getErrorMessage()).isEqualTo("Enter the first name");
    }
}
