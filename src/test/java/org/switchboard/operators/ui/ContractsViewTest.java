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

/** Contracts screen: start from a labour-law preset, and the min-above-max rule shown at the field. */
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
}
