package org.switchboard.operators.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.switchboard.base.ui.EditorFields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;

/**
 * Contracts screen: start from a labour-law preset, the min-above-max rule shown at the field, and the overtime
 * allowance (from the preset, checked 0 to 20 h, stored in minutes, shown in the grid).
 */
@SpringBootTest
@Transactional
class ContractsViewTest extends SpringBrowserlessTest {

    @Autowired
    ContractService contracts;

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerCreatesAContractFromAPreset() {
        ContractsView view = navigate(ContractsView.class);
        test(view.crud.addButton()).click();
        test(view.preset).selectItem("EU Working Time Directive: 48 h");
        EditorFields.set(view.crud.editor(), "name", "EU 48 h call center");
        assertThat(view.maxHours.getValue()).isEqualTo(48.0);

        view.minHours.setValue(50.0);
        test(view.crud.editor().saveButton()).click();
        assertThat(view.minHours.isInvalid()).isTrue();
        assertThat(view.minHours.getErrorMessage()).isEqualTo("The minimum cannot exceed the maximum hours per week");

        view.minHours.setValue(30.0);
        test(view.crud.editor().saveButton()).click();
        Contract saved = contracts.list().stream().filter(c -> c.getName().equals("EU 48 h call center")).findFirst().orElseThrow();
        assertThat(saved.getMaxMinutesPerWeek()).isEqualTo(48 * 60);
        assertThat(saved.getMinMinutesPerWeek()).isEqualTo(30 * 60);
        assertThat(saved.getMinRestMinutes()).isEqualTo(11 * 60);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void overtimeAllowanceComesFromThePresetIsCheckedAndRoundTrips() {
        ContractsView view = navigate(ContractsView.class);
        test(view.crud.addButton()).click();
        test(view.preset).selectItem("EU Working Time Directive: 40 h");
        EditorFields.set(view.crud.editor(), "name", "EU 40 h with overtime");
        assertThat(view.overtime.getValue()).isEqualTo(8.0);
        test(view.preset).selectItem("Russian Labour Code: full time 40 h");
        assertThat(view.overtime.getValue()).as("120 h a year: 4 h a week").isEqualTo(4.0);

        view.overtime.setValue(21.0);
        test(view.crud.editor().saveButton()).click();
        assertThat(view.overtime.isInvalid()).isTrue();
        assertThat(view.overtime.getErrorMessage()).isEqualTo("Use 0 to 20 hours");

        view.overtime.setValue(6.5);
        test(view.crud.editor().saveButton()).click();
        Contract saved = contracts.list().stream().filter(c -> c.getName().equals("EU 40 h with overtime")).findFirst()
                .orElseThrow();
        assertThat(saved.getMaxOvertimeMinutesPerWeek()).isEqualTo(6 * 60 + 30);

        // read back: the grid's column and the form
        var grid = test(view.crud.grid());
        int row = -1;
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).getName().equals("EU 40 h with overtime")) {
                row = i;
            }
        }
        assertThat(row).isNotNegative();
        int column = view.crud.grid().getColumns().indexOf(view.crud.grid().getColumnByKey("overtime"));
        assertThat(grid.getCellText(row, column)).isEqualTo("6.5");
        grid.select(row);
        assertThat(view.overtime.getValue()).isEqualTo(6.5);

        // a contract without the field set stays at none
        Contract plain = new Contract("No overtime");
        assertThat(contracts.save(plain).getMaxOvertimeMinutesPerWeek()).isZero();
    }
}
