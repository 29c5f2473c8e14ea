package org.switchboard.rostering.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.switchboard.base.ui.ChartJs;
import org.switchboard.demand.Queue;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterCoverage;
import org.switchboard.rostering.RosterService;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;

/**
 * Coverage and service level of one roster: for a day and queue, required vs scheduled operators per interval (under-
 * and over-staffing as red and blue areas) and the projected service level against the queue's target; below, a week
 * heat map of scheduled − required. Computed by {@link RosterCoverage}.
 */
@Route("rosters/:id/coverage")
@StyleSheet("context://frontend-assets/rosters.css")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class RosterCoverageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final DatePicker day = new DatePicker();
    final ComboBox<Queue> queue = new ComboBox<>();
    final ChartJs staffing = new ChartJs();
    final ChartJs serviceLevel = new ChartJs();
    final Paragraph summary = new Paragraph();
    /** The whole roster: covered share and projected service level (call-weighted over every inbound interval). */
    final Paragraph whole = new Paragraph();
    final CoverageHeatMap heatMap = new CoverageHeatMap();
    final H2 title = new H2();
    private final RosterService rosters;
    private final RosterCoverage coverage;
    private long id;
    private Roster roster;
    RosterCoverage.Day shown;

    public RosterCoverageView(RosterService rosters, RosterCoverage coverage) {
        this.rosters = rosters;
        this.coverage = coverage;
        setWidthFull();
        day.setLabel(getTranslation("coverage.day"));
        day.setLocale(RosterTexts.locale(this));
        day.setId("coverage-day");
        queue.setLabel(getTranslation("coverage.queue"));
        queue.setItemLabelGenerator(q -> q.getCode() + " " + q.getName());
        queue.setId("coverage-queue");
        queue.setWidth("22rem");
        staffing.setId("coverage-chart");
        staffing.yTitle(getTranslation("coverage.axis.operators"));
        serviceLevel.setId("service-level-chart");
        serviceLevel.yTitle(getTranslation("coverage.axis.sl"));
        serviceLevel.setHeight("240px");
        serviceLevel.setMinHeight("240px");
        summary.setId("coverage-summary");
        whole.setId("coverage-roster");
        day.addValueChangeListener(e -> refresh());
        queue.addValueChangeListener(e -> refresh());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(-1L);
        try {
            roster = rosters.get(id);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        removeAll();
        title.setText(getTranslation("coverage.title", id, RosterTexts.period(this, roster)));
        Anchor back = new Anchor(RouteConfiguration.forSessionScope().getUrl(RosterBoardView.class,
                RosterBoardView.params(id)), getTranslation("coverage.back"));
        back.setId("back-to-board");
        HorizontalLayout bar = new HorizontalLayout(day, queue, back);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        Locale l = RosterTexts.locale(this);
        whole.setText(getTranslation("coverage.roster", RosterTexts.percent(roster.coveredShare(), l),
                roster.serviceLevel() == null ? getTranslation("coverage.roster.noLevel")
                        : RosterTexts.percent(roster.serviceLevel(), l)));
        add(title, whole, bar, summary, staffing, new H3(getTranslation("coverage.sl.title")), serviceLevel,
                new H3(getTranslation("coverage.heat.title")), new Paragraph(getTranslation("coverage.heat.legend")),
                heatMap);
        List<Queue> list = coverage.queues(id);
        queue.setItems(list);
        day.setMin(roster.startDate());
        day.setMax(roster.endDate());
        day.setValue(roster.startDate());
        if (!list.isEmpty()) {
            queue.setValue(list.getFirst());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("coverage.page", id);
    }

    void refresh() {
        if (roster == null || day.getValue() == null || queue.getValue() == null) {
            return;
        }
        Locale l = RosterTexts.locale(this);
        long queueId = queue.getValue().getId();
        shown = coverage.day(id, queueId, day.getValue());
        List<RosterCoverage.Interval> rows = shown.intervals();
        List<String> labels = rows.stream().map(i -> RosterTexts.time(i.time())).toList();
        staffing.clear().labels(labels)
                .add(getTranslation("coverage.required"), rows.stream().map(i -> (double) i.required()).toList(),
                        "#202124", ChartJs.Style.STEPPED)
                .add(getTranslation("coverage.scheduled"), rows.stream().map(RosterCoverage.Interval::scheduled).toList(),
                        "#1676f3", ChartJs.Style.STEPPED)
                .add(getTranslation("coverage.under"), rows.stream().map(i -> Math.max(0, -i.gap())).toList(),
                        "#d93025", ChartJs.Style.AREA)
                .add(getTranslation("coverage.over"), rows.stream().map(i -> Math.max(0, i.gap())).toList(),
                        "#8ab4f8", ChartJs.Style.AREA)
                .update();
        Double target = shown.targetServiceLevel();
        serviceLevel.clear().labels(labels)
                .add(getTranslation("coverage.sl.projected"), rows.stream()
                        .map(i -> i.serviceLevel() == null ? null : i.serviceLevel() * 100).toList(), "#188038",
                        ChartJs.Style.LINE);
        if (target != null) {
            serviceLevel.add(getTranslation("coverage.sl.target"), rows.stream().map(i -> target * 100).toList(),
                    "#e8710a", ChartJs.Style.DASHED);
        }
        serviceLevel.update();
        if (shown.noDemand()) {
            summary.setText(getTranslation("coverage.nodemand.day", queue.getValue().getCode(),
                    RosterTexts.date(day.getValue(), l)));
        } else {
            long under = rows.stream().filter(i -> i.gap() <= -0.5).count();
            long over = rows.stream().filter(i -> i.gap() >= 0.5).count();
            summary.setText(getTranslation("coverage.summary", RosterTexts.percent(shown.coveredShare(), l), under, over,
                    rows.size()));
        }
        LocalDate from = RosterTexts.weekStart(day.getValue(), l);
        heatMap.show(coverage.days(id, queueId, from, 7), l);
    }
}
