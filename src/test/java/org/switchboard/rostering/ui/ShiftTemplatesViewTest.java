package org.switchboard.rostering.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.customfield.CustomField;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.base.ui.EditorFields;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.rostering.ShiftBreak;
import org.switchboard.rostering.ShiftTemplate;

/**
 * Shift templates screen: the derived kind, a night shift across midnight, break rules shown at the field, a start
 * window with a floating break.
 */
@SpringBootTest
@Transactional
class ShiftTemplatesViewTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void gridShowsKindsAndANightShiftEndingNextDay() {
        ShiftTemplatesView view = navigate(ShiftTemplatesView.class);
        var grid = test(view.crud.grid());
        int kind = grid.getColumnPosition("kind");
        for (int row = 0; row < grid.size(); row++) {
            ShiftTemplate t = grid.getRow(row);
            String expected = switch (t.getCode()) {
                case "N22" -> "Night";
                case "E12", "P18" -> "Evening";
                default -> "Day";
            };
            assertThat(grid.getCellText(row, kind)).as(t.getCode()).isEqualTo(expected);
        }
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerCreatesANightShiftAndSeesBreakErrorsAtTheField() {
        ShiftTemplatesView view = navigate(ShiftTemplatesView.class);
        test(view.crud.addButton()).click();
        var editor = view.crud.editor();
        EditorFields.set(editor, "code", "N21");
        EditorFields.set(editor, "name", "Long night");
        EditorFields.set(editor, "startTime", LocalTime.of(21, 0));
        EditorFields.set(editor, "lengthMinutes", 10.0);
        CustomField<List<ShiftBreak>> breaks = EditorFields.field(editor, "breaks");
        breaks.setValue(List.of(new ShiftBreak(300, 60, false), new ShiftBreak(320, 30, false)));

        test(view.crud.editor().saveButton()).click();
        assertThat(breaks.isInvalid()).isTrue();
        assertThat(breaks.getErrorMessage()).isEqualTo("Breaks must not overlap");

        breaks.setValue(List.of(new ShiftBreak(300, 60, false)));
        test(view.crud.editor().saveButton()).click();
        assertThat(view.crud.editor().isVisible()).isFalse();
        view.crud.search().setValue("N21");
        assertThat(test(view.crud.grid()).size()).isEqualTo(1);
        assertThat(test(view.crud.grid()).getCellText(0, test(view.crud.grid()).getColumnPosition("kind"))).isEqualTo("Night");
        assertThat(test(view.crud.grid()).getRow(0).timeLabel()).isEqualTo("21:00–07:00 (+1)");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerGivesAShiftAStartWindowAndAFloatingBreak() {
        ShiftTemplatesView view = navigate(ShiftTemplatesView.class);
        test(view.crud.addButton()).click();
        var editor = view.crud.editor();
        EditorFields.set(editor, "code", "W11");
        EditorFields.set(editor, "name", "Late day window");
        EditorFields.set(editor, "startTime", LocalTime.of(11, 0));
        EditorFields.set(editor, "latestStartTime", LocalTime.of(14, 0));
        EditorFields.set(editor, "startStepMinutes", 45);
        EditorFields.set(editor, "lengthMinutes", 8.0);
        CustomField<List<ShiftBreak>> breaks = EditorFields.field(editor, "breaks");
        breaks.setValue(List.of(new ShiftBreak(180, 30, false, 270)));

        test(view.crud.editor().saveButton()).click();
        var step = EditorFields.<Integer, com.vaadin.flow.component.textfield.IntegerField>field(editor, "startStepMinutes");
        assertThat(step.isInvalid()).isTrue();
        assertThat(step.getErrorMessage()).isEqualTo("Use a step of 5, 10, 15, 20 or 30 minutes or whole hours");

        EditorFields.set(editor, "startStepMinutes", 60);
        test(view.crud.editor().saveButton()).click();
        assertThat(view.crud.editor().isVisible()).isFalse();
        view.crud.search().setValue("W11");
        var grid = test(view.crud.grid());
        assertThat(grid.size()).isEqualTo(1);
        // 11:00 is a day shift, 12:00 to 14:00 evening shifts
        assertThat(grid.getCellText(0, grid.getColumnPosition("kind"))).isEqualTo("Day, Evening");
        ShiftTemplate saved = grid.getRow(0);
        assertThat(saved.timeLabel()).isEqualTo("11:00–19:00 … 14:00–22:00, every 60 min");
        assertThat(view.breaksLabel(saved)).isEqualTo("30 min in +3:00–+5:00");
        assertThat(saved.getBreaks()).containsExactly(new ShiftBreak(180, 30, false, 270));
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerLimitsATemplateToAContract() {
        ShiftTemplatesView view = navigate(ShiftTemplatesView.class);
        // the demo's part-time shifts are for the part-time contracts
        view.crud.search().setValue("P08");
        var grid = test(view.crud.grid());
        assertThat(grid.getCellText(0, grid.getColumnPosition("for"))).isEqualTo("Part time 20 h, Part time 30 h");
        view.crud.search().setValue("N22");
        assertThat(grid.getCellText(0, grid.getColumnPosition("for"))).isEqualTo("everyone");

        test(view.crud.addButton()).click();
        var editor = view.crud.editor();
        EditorFields.set(editor, "code", "T4");
        EditorFields.set(editor, "name", "Four hours");
        EditorFields.set(editor, "startTime", LocalTime.of(16, 0));
        EditorFields.set(editor, "lengthMinutes", 4.0);
        @SuppressWarnings("unchecked")
        var contracts = (com.vaadin.flow.component.combobox.MultiSelectComboBox<org.switchboard.operators.Contract>)
                find(com.vaadin.flow.component.combobox.MultiSelectComboBox.class).all().stream()
                        .filter(c -> "Contracts".equals(c.getLabel())).findFirst().orElseThrow();
        var twenty = contracts.getListDataView().getItems().filter(c -> c.getName().equals("Part time 20 h"))
                .findFirst().orElseThrow();
        contracts.setValue(java.util.Set.of(twenty));
        test(editor.saveButton()).click();
        assertThat(editor.isVisible()).isFalse();
        view.crud.search().setValue("T4");
        assertThat(grid.getCellText(0, grid.getColumnPosition("for"))).isEqualTo("Part time 20 h");
        assertThat(grid.getRow(0).getContractIds()).containsExactly(twenty.getId());
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aRussianReaderReadsRussian() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru-RU"));
        ShiftTemplatesView view = navigate(ShiftTemplatesView.class);
        assertThat(view.getPageTitle()).isEqualTo("Шаблоны смен");
        var grid = test(view.crud.grid());
        int kind = grid.getColumnPosition("kind");
        assertThat(grid.size()).isPositive();
        for (int row = 0; row < grid.size(); row++) {
            String expected = switch (grid.getRow(row).getCode()) {
                case "N22" -> "Ночная";
                case "E12", "P18" -> "Вечерняя";
                default -> "Дневная";
            };
            assertThat(grid.getCellText(row, kind)).isEqualTo(expected);
        }
        assertThat(view.crud.addButton().getText()).isEqualTo("Новый шаблон смены");
    }
}
