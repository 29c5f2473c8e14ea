package org.switchboard.demand.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.base.ui.ChartJs;
import org.switchboard.base.ui.Notifications;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.forecast.AdjustmentKind;
import org.switchboard.demand.forecast.BacktestReport;
import org.switchboard.demand.forecast.ForecastAdjustment;
import org.switchboard.demand.forecast.ForecastPoint;
import org.switchboard.demand.forecast.ForecastService;
import org.switchboard.demand.forecast.LocalGrid;
import org.switchboard.demand.history.CallHistoryService;
import org.switchboard.demand.staffing.OutboundWorkload;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.ValidationFailedException;

/**
 * Forecast of a queue: history, forecast and adjusted forecast per interval on a chart; creating a
 * forecast; the planner's adjustments; a backtest against seasonal-naive; the workload of outbound queues.
 */
@Route("demand/forecast")
@PageTitle("Forecast")
@Menu(title = "menu.forecast", order = 52, icon = "vaadin:trending-up")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class ForecastView extends VerticalLayout {

    final QueuePeriodBar bar;
    final ChartJs chart = new ChartJs();
    final Paragraph summary = new Paragraph();

    final DatePicker forecastFrom = new DatePicker("First day");
    final IntegerField forecastWeeks = new IntegerField("Weeks");
    final Button createForecast = new Button("Create forecast");

    final DateTimePicker adjustFrom = new DateTimePicker("From");
    final DateTimePicker adjustTo = new DateTimePicker("To");
    final Select<AdjustmentKind> adjustKind = new Select<>();
    final NumberField adjustAmount = new NumberField("Amount");
    final TextField adjustNote = new TextField("Reason");
    final Button addAdjustment = new Button("Add adjustment");
    final Grid<ForecastAdjustment> adjustments = new Grid<>();

    final IntegerField backtestDays = new IntegerField("Hold out days");
    final Button runBacktest = new Button("Backtest");
    final Grid<BacktestReport.Line> backtest = new Grid<>();
    final Paragraph backtestSummary = new Paragraph();

    final IntegerField workloadCalls = new IntegerField("Calls to make per day");
    final IntegerField workloadAht = new IntegerField("AHT (seconds)");
    final Button saveWorkload = new Button("Save workload");

    final VerticalLayout inboundPanel = new VerticalLayout();
    final HorizontalLayout outboundPanel = new HorizontalLayout();

    private final ForecastService forecasts;
    private final RequirementService requirements;
    private final CallHistoryService history;
    private final List<Queue> queueList;
    private Long shownQueue;

    public ForecastView(QueueService queues, ForecastService forecasts, RequirementService requirements,
            CallHistoryService history, AuthenticationContext auth) {
        this.forecasts = forecasts;
        this.requirements = requirements;
        this.history = history;
        this.queueList = queues.list();
        boolean planner = auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER);
        setWidthFull();
        bar = new QueuePeriodBar(queueList, this::refresh);
        chart.setId("forecast-chart");
        chart.yTitle("calls per interval");
        summary.setId("forecast-summary");

        forecastFrom.setId("forecast-from");
        forecastWeeks.setId("forecast-weeks");
        forecastWeeks.setValue(4);
        forecastWeeks.setMin(1);
        forecastWeeks.setMax(52);
        forecastWeeks.setStepButtonsVisible(true);
        createForecast.setId("create-forecast");
        createForecast.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createForecast.addClickListener(e -> createForecast());
        HorizontalLayout create = row(forecastFrom, forecastWeeks, createForecast);

        adjustFrom.setId("adjust-from");
        adjustTo.setId("adjust-to");
        adjustKind.setLabel("Change");
        adjustKind.setItems(AdjustmentKind.values());
        adjustKind.setItemLabelGenerator(k -> k == AdjustmentKind.SCALE ? "Scale by %" : "Set calls per interval");
        adjustKind.setValue(AdjustmentKind.SCALE);
        adjustKind.setId("adjust-kind");
        adjustAmount.setId("adjust-amount");
        adjustAmount.setHelperText("+20 = 20 % more; −30 = 30 % fewer");
        adjustKind.addValueChangeListener(e -> adjustAmount.setHelperText(e.getValue() == AdjustmentKind.SCALE
                ? "+20 = 20 % more; −30 = 30 % fewer" : "calls in each interval of the span"));
        adjustNote.setId("adjust-note");
        adjustNote.setPlaceholder("bank holiday, TV campaign …");
        addAdjustment.setId("add-adjustment");
        addAdjustment.addClickListener(e -> addAdjustment());
        adjustments.addColumn(a -> a.startsAt().atZone(bar.zone()).format(QueuePeriodBar.DAY_TIME)).setHeader("From").setAutoWidth(true);
        adjustments.addColumn(a -> a.endsAt().atZone(bar.zone()).format(QueuePeriodBar.DAY_TIME)).setHeader("To").setAutoWidth(true);
        adjustments.addColumn(ForecastAdjustment::describe).setHeader("Change").setAutoWidth(true);
        adjustments.addColumn(ForecastAdjustment::note).setHeader("Reason").setFlexGrow(2);
        adjustments.addColumn(ForecastAdjustment::createdBy).setHeader("By");
        if (planner) {
            adjustments.addComponentColumn(a -> {
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                    forecasts.deleteAdjustment(a.id());
                    Notifications.success("Adjustment removed; requirements recomputed");
                    refresh();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                delete.setAriaLabel("Delete adjustment");
                return delete;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        adjustments.setAllRowsVisible(true);
        adjustments.setId("adjustments");
        HorizontalLayout adjust = row(adjustFrom, adjustTo, adjustKind, adjustAmount, adjustNote, addAdjustment);

        backtestDays.setValue(7);
        backtestDays.setId("backtest-days");
        runBacktest.setId("run-backtest");
        runBacktest.addClickListener(e -> runBacktest());
        backtest.addColumn(BacktestReport.Line::queue).setHeader("Queue");
        backtest.addColumn(l -> String.format(Locale.ROOT, "%.0f", l.actualCalls())).setHeader("Actual calls");
        backtest.addColumn(l -> ErlangCalculatorView.pct(l.product().wape())).setHeader("WAPE (Switchboard)");
        backtest.addColumn(l -> ErlangCalculatorView.pct(l.product().bias())).setHeader("Bias (Switchboard)");
        backtest.addColumn(l -> ErlangCalculatorView.pct(l.seasonalNaive().wape())).setHeader("WAPE (seasonal-naive)");
        backtest.addColumn(l -> ErlangCalculatorView.pct(l.seasonalNaive().bias())).setHeader("Bias (seasonal-naive)");
        backtest.setAllRowsVisible(true);
        backtest.setVisible(false);
        backtest.setId("backtest");
        backtestSummary.setId("backtest-summary");

        workloadCalls.setId("workload-calls");
        workloadAht.setId("workload-aht");
        saveWorkload.setId("save-workload");
        saveWorkload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveWorkload.addClickListener(e -> saveWorkload());
        outboundPanel.add(workloadCalls, workloadAht, saveWorkload);
        outboundPanel.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        Details createDetails = new Details("Create a forecast", new Paragraph(
                "Forecasts calls and AHT per interval from all history before the first day (weekday × time-of-day "
                        + "pattern with a damped level; see docs). Replaces the forecast of those days; requirements follow."),
                create);
        createDetails.setOpened(true);
        Details adjustDetails = new Details("Adjustments", adjust, adjustments);
        adjustDetails.setOpened(true);
        Details backtestDetails = new Details("Backtest", new Paragraph(
                "Hides the last days of every inbound queue's history, forecasts them from the rest, and compares "
                        + "with what came in, against the seasonal-naive baseline (same interval a week earlier)."),
                row(backtestDays, runBacktest), backtestSummary, backtest);
        inboundPanel.setPadding(false);
        inboundPanel.add(createDetails, adjustDetails);
        createDetails.setVisible(planner);
        adjust.setVisible(planner);
        outboundPanel.setVisible(false);
        saveWorkload.setVisible(planner);
        add(new H2("Forecast"), bar, summary, chart, outboundPanel, inboundPanel, backtestDetails);
        if (!queueList.isEmpty()) {
            bar.queue.setValue(queueList.get(0));
        }
        bar.day.setValue(bar.today());
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    void refresh() {
        if (!bar.ready()) {
            return;
        }
        Queue q = bar.queue.getValue();
        boolean outbound = q.getDirection() == Direction.OUTBOUND;
        outboundPanel.setVisible(outbound);
        inboundPanel.setVisible(!outbound);
        if (outbound) {
            OutboundWorkload w = requirements.workload(q.getId()).orElse(null);
            workloadCalls.setValue(w == null ? null : w.callsPerDay());
            workloadAht.setValue(w == null ? null : w.ahtSeconds());
            chart.clear().update();
            summary.setText("Outbound queue: its requirements come from the calls to make per day, spread over the "
                    + "opening hours where inbound needs the fewest operators (see Requirements).");
            return;
        }
        ZoneId zone = bar.zone();
        List<ForecastPoint> points = forecasts.points(q.getId(), bar.firstDay(), bar.lastDay());
        chart.clear()
                .labels(points.stream().map(p -> bar.label(p.start())).toList())
                .add("History", points.stream().map(ForecastPoint::history).toList(), "#6b7785", ChartJs.Style.LINE)
                .add("Forecast", points.stream().map(ForecastPoint::forecast).toList(), "#1676f3", ChartJs.Style.DASHED)
                .add("Adjusted forecast", points.stream().map(ForecastPoint::adjusted).toList(), "#e8710a", ChartJs.Style.LINE)
                .update();
        double h = points.stream().filter(p -> p.history() != null).mapToDouble(ForecastPoint::history).sum();
        double f = points.stream().filter(p -> p.forecast() != null).mapToDouble(ForecastPoint::forecast).sum();
        double a = points.stream().filter(p -> p.adjusted() != null).mapToDouble(ForecastPoint::adjusted).sum();
        var coverage = history.mainCoverage(q.getId());
        summary.setText(String.format(Locale.ROOT, "%s – %s: history %.0f calls, forecast %.0f, adjusted %.0f. %s",
                bar.firstDay(), bar.lastDay(), h, f, a, coverage.map(c -> "History of " + q.getCode() + ": "
                        + c.first().atZone(zone).toLocalDate() + " to " + c.last().atZone(zone).toLocalDate() + ", "
                        + c.intervalMinutes() + "-minute intervals.").orElse("No history imported for " + q.getCode() + " yet.")));
        if (!q.getId().equals(shownQueue)) {
            shownQueue = q.getId();
            // a new forecast starts by default the day after the queue's history ends
            forecastFrom.setValue(coverage.map(c -> c.last().atZone(zone).toLocalDate().plusDays(1)).orElse(LocalDate.now()));
        }
        adjustments.setItems(forecasts.adjustments(q.getId(), LocalGrid.startOfDay(bar.firstDay(), zone),
                LocalGrid.startOfDay(bar.lastDay().plusDays(1), zone)));
    }

    void createForecast() {
        forecastFrom.setInvalid(false);
        forecastWeeks.setInvalid(false);
        try {
            Integer weeks = forecastWeeks.getValue();
            var run = forecasts.forecast(bar.queue.getValue().getId(), forecastFrom.getValue(), weeks == null ? 0 : weeks * 7);
            Notifications.success(String.format(Locale.ROOT, "Forecast %s to %s: %.0f calls in %d intervals; requirements updated",
                    run.firstDay(), run.firstDay().plusDays(run.days() - 1), run.calls(), run.intervals()));
            bar.day.setValue(run.firstDay());
            refresh();
        } catch (ValidationFailedException e) {
            show(e, Map.of("firstDay", forecastFrom, "days", forecastWeeks));
        }
    }

    void addAdjustment() {
        for (var f : List.of(adjustFrom, adjustTo)) {
            f.setInvalid(false);
        }
        adjustAmount.setInvalid(false);
        adjustNote.setInvalid(false);
        try {
            forecasts.adjust(bar.queue.getValue().getId(), adjustFrom.getValue(), adjustTo.getValue(),
                    adjustKind.getValue(), adjustAmount.getValue(), adjustNote.getValue());
            Notifications.success("Adjustment added; requirements recomputed");
            adjustAmount.clear();
            adjustNote.clear();
            refresh();
        } catch (ValidationFailedException e) {
            show(e, Map.of("from", adjustFrom, "to", adjustTo, "amount", adjustAmount, "note", adjustNote));
        }
    }

    void runBacktest() {
        try {
            int minutes = history.mainCoverage(bar.queue.getValue().getId()).map(c -> c.intervalMinutes()).orElse(30);
            List<Long> inbound = queueList.stream().filter(q -> q.getDirection() == Direction.INBOUND)
                    .filter(q -> history.coverage(q.getId()).stream().anyMatch(c -> c.intervalMinutes() == minutes))
                    .map(Queue::getId).toList();
            Integer days = backtestDays.getValue();
            BacktestReport report = forecasts.backtest(inbound, minutes, null, days == null ? 0 : days);
            backtest.setItems(java.util.stream.Stream.concat(report.queues().stream(), java.util.stream.Stream.of(report.total())).toList());
            backtest.setVisible(true);
            backtestSummary.setText(String.format(Locale.ROOT, "%s to %s, %d-minute intervals: total WAPE %s with Switchboard's method, %s with seasonal-naive.%s",
                    report.firstDay(), report.lastDay(), minutes, ErlangCalculatorView.pct(report.total().product().wape()),
                    ErlangCalculatorView.pct(report.total().seasonalNaive().wape()),
                    report.skipped().isEmpty() ? "" : " Left out (less than a week of history before the days held out): "
                            + String.join(", ", report.skipped()) + "."));
        } catch (ValidationFailedException e) {
            backtest.setVisible(false);
            backtestSummary.setText(String.join("; ", e.fieldErrors().values()));
        }
    }

    void saveWorkload() {
        workloadCalls.setInvalid(false);
        workloadAht.setInvalid(false);
        try {
            requirements.setWorkload(bar.queue.getValue().getId(), workloadCalls.getValue(), workloadAht.getValue());
            Notifications.success("Workload saved; requirements recomputed");
        } catch (ValidationFailedException e) {
            show(e, Map.of("callsPerDay", workloadCalls, "ahtSeconds", workloadAht));
        }
    }

    private void show(ValidationFailedException e, Map<String, ? extends com.vaadin.flow.component.HasValidation> fields) {
        StringBuilder other = new StringBuilder();
        e.fieldErrors().forEach((field, reason) -> {
            var f = fields.get(field);
            if (f != null) {
                f.setInvalid(true);
                f.setErrorMessage(reason);
            } else {
                other.append(other.isEmpty() ? "" : " ").append(reason);
            }
        });
        summary.setText(other.isEmpty() ? "Check the highlighted fields." : other.toString());
    }
}
