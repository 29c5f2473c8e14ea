package org.switchboard.demand.ui;

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
import org.switchboard.demand.OpeningHours;

/** Queues screen: opening hours that close before they open are refused with the reason at the field. */
@SpringBootTest
@Transactional
class QueuesViewTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void openingHoursAreCheckedAndShownAtTheField() {
        QueuesView view = navigate(QueuesView.class);
        test(view.crud.addButton()).click();
        var editor = view.crud.editor();
        EditorFields.set(editor, "code", "loans");
        EditorFields.set(editor, "name", "Loans");
        CustomField<List<OpeningHours>> hours = EditorFields.field(editor, "openingHours");
        hours.setValue(List.of(new OpeningHours(1, LocalTime.of(20, 0), LocalTime.of(8, 0))));

        test(view.crud.editor().saveButton()).click();
        assertThat(hours.isInvalid()).isTrue();
        assertThat(hours.getErrorMessage()).contains("Monday: the closing time must be after the opening time");

        hours.setValue(List.of(new OpeningHours(1, LocalTime.of(8, 0), LocalTime.MIDNIGHT)));
        test(view.crud.editor().saveButton()).click();
        assertThat(view.crud.editor().isVisible()).isFalse();
        view.crud.search().setValue("LOANS");
        assertThat(test(view.crud.grid()).getRow(0).openingHoursLabel()).isEqualTo("Mon 08:00–24:00");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aRussianReaderReadsTheReasonAtTheFieldInRussian() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        QueuesView view = navigate(QueuesView.class);
        test(view.crud.addButton()).click();
        var editor = view.crud.editor();
        EditorFields.set(editor, "code", "loans");
        EditorFields.set(editor, "name", "Кредиты");
        CustomField<List<OpeningHours>> hours = EditorFields.field(editor, "openingHours");
        hours.setValue(List.of(new OpeningHours(1, LocalTime.of(20, 0), LocalTime.of(8, 0))));
        test(view.crud.editor().saveButton()).click();
        assertThat(hours.isInvalid()).isTrue();
        assertThat(hours.getErrorMessage()).isEqualTo("Понедельник: время закрытия должно быть позже открытия (00:00 — полночь)");
    }
}
