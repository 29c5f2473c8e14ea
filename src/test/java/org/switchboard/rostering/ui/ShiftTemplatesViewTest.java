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

/** Shift templates screen: the derived kind, a night shift across midnight, break rules shown at the field. */
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
                case "E13", "E14", "P18" -> "Evening";
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
}
