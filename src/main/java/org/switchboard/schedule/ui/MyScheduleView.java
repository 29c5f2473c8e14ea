package org.switchboard.schedule.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.switchboard.schedule.CalendarFeeds;
import org.switchboard.schedule.MySchedule;
import org.switchboard.schedule.ScheduleOwner;

/**
 * "My schedule": the signed-in operator's published shifts as a list (week by week) and as a month calendar, in the
 * site's time zone, and the personal calendar feed. Open to every signed-in user: one without an operator record is
 * told so.
 */
@Route("my-schedule")
@Menu(title = "menu.mySchedule", order = 4, icon = "vaadin:calendar-user")
@PermitAll
public class MyScheduleView extends VerticalLayout implements HasDynamicTitle {

    final Div content = new Div();
    Tabs tabs;
    ScheduleList list;
    MonthCalendar month;
    FeedPanel feed;

    public MyScheduleView(MySchedule schedule, CalendarFeeds feeds) {
        setMaxWidth("72rem");
        content.setId("my-schedule");
        content.setWidthFull();
        add(content);
        schedule.owner().ifPresentOrElse(owner -> show(owner, schedule, feeds),
                () -> content.add(new Paragraph(getTranslation("schedule.notLinked"))));
    }

    private void show(ScheduleOwner owner, MySchedule schedule, CalendarFeeds feeds) {
        H2 heading = new H2(getTranslation("schedule.heading", owner.name(), owner.employeeNumber()));
        heading.getStyle().set("margin-bottom", "0");
        Paragraph zone = new Paragraph(getTranslation("schedule.zone", owner.zone().getId()));
        zone.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");
        list = new ScheduleList(schedule, owner);
        month = new MonthCalendar(schedule, owner);
        // both views stay in the page (the month keeps its month when switching), one visible at a time
        tabs = new Tabs(new Tab(getTranslation("schedule.tab.list")), new Tab(getTranslation("schedule.tab.month")));
        month.setVisible(false);
        tabs.addSelectedChangeListener(e -> {
            list.setVisible(tabs.getSelectedIndex() == 0);
            month.setVisible(tabs.getSelectedIndex() == 1);
        });
        feed = new FeedPanel(feeds);
        content.add(heading, zone, tabs, list, month, feed);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schedule.title");
    }
}
