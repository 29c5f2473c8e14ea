package org.switchboard.notifications.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.notifications.NotificationFixture.VIEWER;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.switchboard.base.ui.HomeView;
import org.switchboard.base.ui.Translations;
import org.switchboard.notifications.NotificationFixture;
import org.switchboard.notifications.Notifications;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.ShiftsChanged;
import org.switchboard.rostering.ShiftsChanged.Change;
import org.switchboard.rostering.ShiftsChanged.ChangedDay;
import org.switchboard.schedule.ui.MyScheduleView;
import org.switchboard.security.UserAccountService;

/** The bell in the header and the notifications screen, as the operator Vera (login notify-viewer) sees them. */
@SpringBootTest
class NotificationsViewTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Notifications notifications;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    UserAccountService accounts;

    LocalDate day;

    @BeforeEach
    void setUp() {
        NotificationFixture.People people = NotificationFixture.ensure(operators, teams, accounts);
        day = NotificationFixture.day();
        NotificationFixture.publish(transactions, events, new ShiftsChanged(NotificationFixture.nextId(), null, List.of(
                new ChangedDay(people.vera().getId(), day, Change.REMOVED, "08:00", "17:00", "RU-GEN"),
                new ChangedDay(people.vera().getId(), day.plusDays(1), Change.ASSIGNED, "10:00", "19:00", "RU-GEN"))));
        NotificationFixture.awaitOne(notifications, VIEWER, t -> t.contains(day.plusDays(1).toString()));
        NotificationFixture.awaitOne(notifications, VIEWER, t -> t.contains(day.toString() + ","));
    }

    NotificationBell bell() {
        return find(NotificationBell.class).single();
    }

    List<HorizontalLayout> rows(NotificationsView view) {
        return view.list.getChildren().map(HorizontalLayout.class::cast).toList();
    }

    static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    @WithMockUser(username = VIEWER, roles = "OPERATOR")
    void theBellCountsAndTheScreenListsNewestFirstWithUnreadMarked() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(HomeView.class);
        long unread = NotificationFixture.as(VIEWER, notifications::unreadCount);
        assertThat(unread).isGreaterThanOrEqualTo(2);
        assertThat(bell().badge.isVisible()).isTrue();
        assertThat(bell().badge.getText()).isEqualTo(String.valueOf(unread));
        assertThat(bell().button.getAriaLabel().orElse("")).contains("Notifications: " + unread + " unread");

        test(bell().button).click();
        NotificationsView view = find(NotificationsView.class).single();
        assertThat(view.getPageTitle()).isEqualTo("Notifications");
        List<HorizontalLayout> rows = rows(view);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        // both made by one event: either may come first, both before any older one
        assertThat(List.of(text(rows.get(0)), text(rows.get(1)))).anyMatch(t -> t.startsWith(
                "Your shift on " + day + ", 08:00–17:00, was taken off (absence)."))
                .anyMatch(t -> t.startsWith("You were put on a shift on " + day.plusDays(1) + ", 10:00–19:00, queue RU-GEN."));
        assertThat(rows.get(0).hasClassName("unread")).isTrue();

        // a click marks it read and opens My schedule; the bell counts one less
        test(rows.get(0)).click();
        assertThat(find(MyScheduleView.class).all()).hasSize(1);
        assertThat(NotificationFixture.as(VIEWER, notifications::unreadCount)).isEqualTo(unread - 1);
        assertThat(bell().badge.getText()).isEqualTo(String.valueOf(unread - 1));

        view = navigate(NotificationsView.class);
        assertThat(rows(view).get(0).hasClassName("unread")).isFalse();
        assertThat(view.markAll.isEnabled()).isTrue();
        test(view.markAll).click();
        assertThat(rows(view)).noneMatch(r -> r.hasClassName("unread"));
        assertThat(view.markAll.isEnabled()).isFalse();
        assertThat(bell().badge.isVisible()).as("counted again without a navigation").isFalse();
        assertThat(bell().button.getAriaLabel().orElse("")).isEqualTo("Notifications: none unread");
    }

    @Test
    @WithMockUser(username = VIEWER, roles = "OPERATOR")
    void russianReaderReadsRussian() {
        UI.getCurrent().setLocale(Translations.RUSSIAN);
        NotificationsView view = navigate(NotificationsView.class);
        String ru = String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
        assertThat(view.getPageTitle()).isEqualTo("Уведомления");
        assertThat(view.markAll.getText()).isEqualTo("Отметить все как прочитанные");
        assertThat(rows(view)).extracting(NotificationsViewTest::text)
                .anyMatch(t -> t.startsWith("Ваша смена " + ru + ", 08:00–17:00, снята (отсутствие)."));
        assertThat(bell().button.getAriaLabel().orElse("")).startsWith("Непрочитанных уведомлений: ");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aUserWithoutNotificationsIsToldSo() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        NotificationsView view = navigate(NotificationsView.class);
        NotificationFixture.as("planner", notifications::markAllRead);
        view.reload();
        if (view.shown.isEmpty()) {
            assertThat(view.empty.isVisible()).isTrue();
            assertThat(view.empty.getText()).isEqualTo("No notifications yet.");
        }
        assertThat(view.markAll.isEnabled()).isFalse();
        assertThat(bell().badge.isVisible()).isFalse();
    }
}
