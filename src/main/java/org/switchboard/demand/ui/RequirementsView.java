package org.switchboard.demand.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.switchboard.base.ui.ChartJs;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.forecast.LocalGrid;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.shared.Roles;

/** Required operators per interval of a queue: chart and table of agents and positions. */
@Route("demand/requirements")
@Menu(title = "menu.requirements", order = 53, icon = "vaadin:chart")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class RequirementsView extends VerticalLayout implements HasDynamicTitle {

    final QueuePeriodBar bar;
    final ChartJs chart = new ChartJs();
    final Grid<StaffingRequirement> grid = new Grid<>();
    final Paragraph summary = new Paragraph();
    private final RequirementService requirements;

    public RequirementsView(QueueService queues, RequirementService requirements) {
        this.requirements = requirements;
        Locale locale = getLocale();
        setWidthFull();
        bar = new QueuePeriodBar(queues.list(), this::refresh);
        chart.setId("requirements-chart");
        chart.yTitle(getTranslation("requirements.chart.y"));
        summary.setId("summary");
        grid.addColumn(r -> bar.label(r.start())).setHeader(getTranslation("requirements.interval")).setAutoWidth(true);
        grid.addColumn(r -> Formats.number(r.calls(), 1, locale)).setHeader(getTranslation("requirements.calls"));
        grid.addColumn(r -> getTranslation("demand.seconds", Formats.number(r.ahtSeconds(), 0, locale)))
                .setHeader(getTranslation("requirements.aht"));
        grid.addColumn(StaffingRequirement::agents).setHeader(getTranslation("requirements.agents"));
        grid.addColumn(StaffingRequirement::positions).setHeader(getTranslation("requirements.positions"));
        grid.addColumn(r -> Formats.percent(r.serviceLevel(), locale)).setHeader(getTranslation("requirements.serviceLevel"));
        grid.addColumn(r -> Formats.percent(r.occupancy(), locale)).setHeader(getTranslation("requirements.occupancy"));
        grid.addColumn(r -> getTranslation("demand.seconds", Formats.number(r.asaSeconds(), 1, locale)))
                .setHeader(getTranslation("requirements.asa"));
        grid.setId("requirements");
        add(new H2(getTranslation("requirements.title")), new Paragraph(getTranslation("requirements.help")),
                bar, summary, chart, grid);
        grid.setHeight("24em");
        grid.getStyle().set("flex", "none");
        if (!queues.list().isEmpty()) {
            bar.queue.setValue(queues.list().get(0));
        }
        bar.day.setValue(bar.today());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("requirements.title");
    }

    void refresh() {
        if (!bar.ready()) {
            return;
        }
        var zone = bar.zone();
        List<StaffingRequirement> rows = requirements.requirements(bar.queue.getValue().getId(),
                LocalGrid.startOfDay(bar.firstDay(), zone), LocalGrid.startOfDay(bar.lastDay().plusDays(1), zone));
        grid.setItems(rows);
        chart.clear()
                .labels(rows.stream().map(r -> bar.label(r.start())).toList())
                .add(getTranslation("requirements.series.agents"), rows.stream().map(r -> (double) r.agents()).toList(),
                        "#1676f3", ChartJs.Style.STEPPED)
                .add(getTranslation("requirements.series.positions"), rows.stream().map(r -> (double) r.positions()).toList(),
                        "#e8710a", ChartJs.Style.STEPPED)
                .update();
        if (rows.isEmpty()) {
            summary.setText(getTranslation("requirements.none"));
        } else {
            int peak = rows.stream().mapToInt(StaffingRequirement::positions).max().orElse(0);
            double hours = rows.stream().mapToDouble(r -> r.positions() * r.intervalMinutes() / 60.0).sum();
            double calls = rows.stream().mapToDouble(StaffingRequirement::calls).sum();
            Locale locale = getLocale();
            summary.setText(getTranslation("requirements.summary", rows.size(), Formats.number(calls, 0, locale), peak,
                    Formats.number(hours, 1, locale)));
        }
    }
}
