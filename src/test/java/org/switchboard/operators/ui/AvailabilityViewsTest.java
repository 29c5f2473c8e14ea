package org.switchboard.operators.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.SetBy;
import org.switchboard.operators.WishPeriods;
import org.switchboard.operators.WishType;
import org.switchboard.shared.SystemAuthentication;

/** "My availability" for the demo operator and "Availability and wishes" for planners and managers. Rolled back. */
@SpringBootTest
@Transactional
class AvailabilityViewsTest extends SpringBrowserlessTest {

    static final LocalDate START = LocalDate.of(2031, 9, 1);

    @Autowired
    WishPeriods periods;
    @Autowired
    OperatorService operators;

    void openPeriod() {
        SystemAuthentication.runAsSystem(() -> periods.create(START, START.plusDays(27),
                Instant.now().plus(2, ChronoUnit.DAYS)));
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void operatorStatesAvailabilityAndAWish() {
        openPeriod();
        MyAvailabilityView view = navigate(MyAvailabilityView.class);
        AvailabilityEditor editor = view.availability;
        test(editor.days).selectItem("Mon");
        test(editor.days).selectItem("Tue");
        editor.from.setValue(LocalTime.of(14, 0));
        test(editor.add).click();
        assertThat(test(editor.grid).size()).isEqualTo(1);
        assertThat(editor.grid.getListDataView().getItem(0).setBy()).isEqualTo(SetBy.OPERATOR);
        assertThat(test(editor.grid).getCellText(0, 1)).isEqualTo("from 14:00");

        // until before from: refused, nothing added
        editor.days.setValue(Set.of(DayOfWeek.FRIDAY));
        editor.from.setValue(LocalTime.of(18, 0));
        editor.until.setValue(LocalTime.of(9, 0));
        test(editor.add).click();
        assertThat(test(editor.grid).size()).isEqualTo(1);

        WishesPanel wishes = view.wishes;
        assertThat(wishes.periods.getElement().getTextRecursively()).contains("wishes until");
        wishes.type.setValue(WishType.DAY_OFF);
        wishes.date.setValue(START.plusDays(3));
        test(wishes.add).click();
        assertThat(test(wishes.grid).size()).isEqualTo(1);
        assertThat(test(wishes.grid).getCellText(0, 0)).isEqualTo("Day off on " + START.plusDays(3));
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void russianOperatorReadsRussian() {
        openPeriod();
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        MyAvailabilityView view = navigate(MyAvailabilityView.class);
        assertThat(view.content.getElement().getTextRecursively()).contains("Постоянная доступность", "Пожелания",
                "пожелания принимаются до");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerOverridesAnOperatorsAvailability() {
        AvailabilityView view = navigate(AvailabilityView.class);
        assertThat(test(view.operators).size()).isGreaterThanOrEqualTo(64);
        view.open(operators.list().stream().filter(o -> o.getEmployeeNumber().equals("E1002")).findFirst().orElseThrow());
        AvailabilityEditor editor = view.availability;
        editor.days.setValue(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        editor.notAvailable.setValue(true);
        test(editor.add).click();
        assertThat(editor.grid.getListDataView().getItems()).anyMatch(e -> e.setBy() == SetBy.PLANNER && !e.available());

        view.periodStart.setValue(START);
        view.periodEnd.setValue(START.plusDays(27));
        view.deadlineDate.setValue(START.minusDays(7));
        test(view.addPeriod).click();
        assertThat(view.periods.getListDataView().getItems()).anyMatch(p -> p.startDate().equals(START));
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void managersRead() {
        AvailabilityView view = navigate(AvailabilityView.class);
        assertThat(view.addPeriod.isAttached()).isFalse();
        view.open(operators.list().getFirst());
        assertThat(view.availability.add.isAttached()).isFalse();
    }
}
