package org.switchboard.demand.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Staffing requirements")
@Menu(title = "menu.requirements", order = 53, icon = "vaadin:chart")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class RequirementsView extends VerticalLayout {

    final QueuePeriodBar bar;
    final ChartJs chart = new ChartJs();
    final Grid<StaffingRequirement> grid = new Grid<>();
    final Paragraph summary = new Paragraph();
    private final RequirementService requirements;

    public RequirementsView(QueueService queues, RequirementService requirements) {
        this.requirements = requirements;
        setWidthFull();
        bar = new QueuePeriodBar(queues.list(), this::refresh);
        chart.setId("requirements-chart");
        chart.yTitle("operators");
        summary.setId("summary");
        grid.addColumn(r -> bar.label(r.start())).setHeader("Interval").setAutoWidth(true);
        grid.addColumn(r -> String.format(Locale.ROOT, "%.1f", r.calls())).setHeader("Calls");
        grid.addColumn(r -> String.format(Locale.ROOT, "%.0f s", r.ahtSeconds())).setHeader("AHT");
        grid.addColumn(StaffingRequirement::agents).setHeader("Agents");
        grid.addColumn(StaffingRequirement::positions).setHeader("Positions");
        grid.addColumn(r -> ErlangCalculatorView.pct(r.serviceLevel())).setHeader("Service level");
        grid.addColumn(r -> ErlangCalculatorView.pct(r.occupancy())).setHeader("Occupancy");
        grid.addColumn(r -> String.format(Locale.ROOT, "%.1f s", r.asaSeconds())).setHeader("ASA");
        grid.setId("requirements");
        add(new H2("Staffing requirements"),
                new Paragraph("Operators each interval needs, from the adjusted forecast and the queue's targets "
                        + "(Erlang C, or Erlang A with a patience; occupancy cap; then shrinkage). Recomputed when the "
                        + "forecast, an adjustment or the queue's targets change."),
                bar, summary, chart, grid);
        grid.setHeight("24em");
        grid.getStyle().set("flex", "none");
        if (!queues.list().isEmpty()) {
            bar.queue.setValue(queues.list().get(0));
        }
        bar.day.setValue(bar.today());
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
                .add("Agents", rows.stream().map(r -> (double) r.agents()).toList(), "#1676f3", ChartJs.Style.STEPPED)
                .add("Positions (with shrinkage)", rows.stream().map(r -> (double) r.positions()).toList(), "#e8710a",
                        ChartJs.Style.STEPPED)
                .update();
        if (rows.isEmpty()) {
            summary.setText("No requirements for these days: create a forecast for the queue first (Forecast screen).");
        } else {
            int peak = rows.stream().mapToInt(StaffingRequirement::positions).max().orElse(0);
            double hours = rows.stream().mapToDouble(r -> r.positions() * r.intervalMinutes() / 60.0).sum();
            double calls = rows.stream().mapToDouble(StaffingRequirement::calls).sum();
            summary.setText(String.format(Locale.ROOT, "%d intervals, %.0f calls, peak %d positions, %.1f position-hours.",
                    rows.size(), calls, peak, hours));
        }
    }
}
