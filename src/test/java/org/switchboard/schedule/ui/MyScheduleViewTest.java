package org.switchboard.schedule.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.schedule.ScheduleFixture.MOSCOW;
import static org.switchboard.schedule.ScheduleFixture.week;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.PublishedSchedule;
import org.switchboard.rostering.PublishedSchedule.PublishedShift;
import org.switchboard.rostering.RosterService;
import org.switchboard.schedule.ScheduleFixture;
import org.switchboard.security.UserAccountService;

/** My schedule as the demo operator (Anna Ivanova) sees it: the list by weeks, the month, the feed link; in English and Russian. */
@SpringBootTest
class MyScheduleViewTest extends SpringBrowserlessTest {

    @Autowired
    RosterService rosters;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PublishedSchedule published;

    ScheduleFixture.Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ScheduleFixture.ensure(rosters, operators, teams, accounts, published);
    }

    List<PublishedShift> anna(LocalDate from, LocalDate to) {
        return ScheduleFixture.shifts(published, fixture.anna().getId(), from, to);
    }

    static List<Component> byClass(Component root, String className) {
        return root.getChildren().flatMap(c -> c.getClassNames().contains(className) ? java.util.stream.Stream.of(c)
                : byClass(c, className).stream()).toList();
    }

    static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    @WithMockUser(username = ScheduleFixture.ANNA, roles = "OPERATOR")
    void listShowsFiveWeeksOfOwnShiftsAndPastWeeksOnRequest() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        MyScheduleView view = navigate(MyScheduleView.class);
        assertThat(view.getPageTitle()).isEqualTo("My schedule");
        assertThat(text(view.content)).contains("Anna Ivanova (E1001)", "Times in Europe/Moscow");
        ScheduleList list = view.list;
        LocalDate today = LocalDate.now(MOSCOW);
        assertThat(list.from()).isBetween(today.minusDays(6), today);

        list.show(week());
        List<PublishedShift> expected = anna(week(), week().plusWeeks(5).minusDays(1));
        List<Component> rows = byClass(list.weeks, "schedule-shift");
        assertThat(rows).hasSize(expected.size()).isNotEmpty();
        PublishedShift first = expected.getFirst();
        String start = first.start().atZone(MOSCOW).toLocalTime().toString();
        String end = first.end().atZone(MOSCOW).toLocalTime().toString();
        assertThat(text(rows.getFirst())).contains(start + "–" + end, first.templateName() + " (" + first.templateCode() + ")");
        assertThat(rows.getFirst().getElement().getAttribute("data-date")).isEqualTo(first.date().toString());
        if (first.mainBreak() != null) {
            assertThat(text(rows.getFirst())).contains("break " + first.mainBreak().start().atZone(MOSCOW).toLocalTime());
        }
        if (first.queueCode() != null) {
            assertThat(text(rows.getFirst())).contains(first.queueCode());
        }
        assertThat(text(list.weeks)).contains("Week ");

        // back: the weeks before (past weeks stay reachable), then forward again
        test(list.earlier).click();
        assertThat(list.from()).isEqualTo(week().minusWeeks(5));
        test(list.later).click();
        assertThat(list.from()).isEqualTo(week());
        test(list.thisWeek).click();
        assertThat(list.from()).isEqualTo(list.currentWeek());
    }

    @Test
    @WithMockUser(username = ScheduleFixture.ANNA, roles = "OPERATOR")
    void monthInRussianStartsOnMondayWithAChipPerShift() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        MyScheduleView view = navigate(MyScheduleView.class);
        assertThat(view.getPageTitle()).isEqualTo("Моё расписание");
        assertThat(text(view.content)).contains("Время: Europe/Moscow", "Список", "Месяц", "Подписка на календарь");
        view.tabs.setSelectedIndex(1);
        MonthCalendar month = view.month;
        assertThat(month.isVisible()).as("the Month tab is shown").isTrue();
        assertThat(view.list.isVisible()).isFalse();
        YearMonth m = YearMonth.from(week());
        month.show(m);
        assertThat(month.days().getFirst().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(month.days()).hasSizeBetween(28, 42).contains(m.atDay(1), m.atEndOfMonth());
        assertThat(month.days().size() % 7).isZero();
        assertThat(text(month.grid.getChildren().findFirst().orElseThrow())).isEqualTo("пн");
        assertThat(month.title.getText()).isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", Locale.forLanguageTag("ru")).format(m.atDay(1))
                        .substring(0, 1).toUpperCase() + java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy",
                        Locale.forLanguageTag("ru")).format(m.atDay(1)).substring(1));

        List<PublishedShift> shifts = anna(month.days().getFirst(), month.days().getLast());
        List<Component> chips = byClass(month.grid, "schedule-chip");
        assertThat(chips).hasSize(shifts.size()).isNotEmpty();
        for (PublishedShift s : shifts) {
            Component cell = byClass(month.grid, "schedule-day").stream()
                    .filter(c -> s.date().toString().equals(c.getElement().getAttribute("data-date"))).findFirst().orElseThrow();
            assertThat(text(cell)).contains(s.start().atZone(MOSCOW).toLocalTime() + "–" + s.end().atZone(MOSCOW).toLocalTime());
            assertThat(byClass(cell, "schedule-chip").getFirst().getClassNames())
                    .containsAnyOf("schedule-chip-day", "schedule-chip-evening", "schedule-chip-night");
        }

        test(month.next).click();
        assertThat(month.month()).isEqualTo(m.plusMonths(1));
        test(month.previous).click();
        test(month.previous).click();
        assertThat(month.month()).isEqualTo(m.minusMonths(1));
        test(month.current).click();
        assertThat(month.month()).isEqualTo(YearMonth.now(MOSCOW));

        // the list in Russian: dates as 07.12.2026
        view.tabs.setSelectedIndex(0);
        view.list.show(week());
        assertThat(text(view.list.weeks)).contains("Неделя " + week().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    }

    @Test
    @WithMockUser(username = ScheduleFixture.ANNA, roles = "OPERATOR")
    void theFeedLinkCanBeRenewed() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        MyScheduleView view = navigate(MyScheduleView.class);
        String url = view.feed.url.getValue();
        assertThat(url).matches(".*/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(navigate(MyScheduleView.class).feed.url.getValue()).as("the same link on the next visit").isEqualTo(url);
        view = navigate(MyScheduleView.class);
        test(view.feed.renew).click();
        assertThat(view.feed.confirm.isOpened()).isTrue();
        assertThat(view.feed.url.getValue()).as("nothing changes before confirming").isEqualTo(url);
        view.feed.renewNow();
        assertThat(view.feed.url.getValue()).isNotEqualTo(url).matches(".*/calendar/[A-Za-z0-9_-]{43}\\.ics");
    }

    @Test
    @WithMockUser(username = ScheduleFixture.UNLINKED_LOGIN, roles = "PLANNER")
    void aLoginWithoutOperatorRecordIsToldSo() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        MyScheduleView view = navigate(MyScheduleView.class);
        assertThat(text(view.content)).contains("not linked to an operator record");
        assertThat(view.list).isNull();
        assertThat(view.content.getChildren().filter(Div.class::isInstance)).isEmpty();
    }
}
