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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "menu.forecast", order = 52, icon = "vaadin:trending-up")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class ForecastView extends VerticalLayout implements HasDynamicTitle {

    final QueuePeriodBar bar;
    final ChartJs chart = new ChartJs();
    final Paragraph summary = new Paragraph();

    final DatePicker forecastFrom = new DatePicker(getTranslation("forecast.firstDay"));
    final IntegerField forecastWeeks = new IntegerField(getTranslation("forecast.weeks"));
    final Button createForecast = new Button(getTranslation("forecast.create"));

    final DateTimePicker adjustFrom = new DateTimePicker(getTranslation("forecast.adjust.from"));
    final DateTimePicker adjustTo = new DateTimePicker(getTranslation("forecast.adjust.to"));
    final Select<AdjustmentKind> adjustKind = new Select<>();
    final NumberField adjustAmount = new NumberField(getTranslation("forecast.adjust.amount"));
    final TextField adjustNote = new TextField(getTranslation("forecast.adjust.reason"));
    final Button addAdjustment = new Button(getTranslation("forecast.adjust.add"));
    final Grid<ForecastAdjustment> adjustments = new Grid<>();

    final IntegerField backtestDays = new IntegerField(getTranslation("forecast.backtest.days"));
    final Button runBacktest = new Button(getTranslation("forecast.backtest.run"));
    final Grid<BacktestReport.Line> backtest = new Grid<>();
    final Paragraph backtestSummary = new Paragraph();

    final IntegerField workloadCalls = new IntegerField(getTranslation("forecast.workload.calls"));
    final IntegerField workloadAht = new IntegerField(getTranslation("forecast.workload.aht"));
    final Button saveWorkload = new Button(getTranslation("forecast.workload.save"));

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
        Locale locale = getLocale();
        setWidthFull();
        bar = new QueuePeriodBar(queueList, this::refresh);
        chart.setId("forecast-chart");
        chart.yTitle(getTranslation("forecast.chart.y"));
        Formats.localize(forecastFrom, locale);
        Formats.localize(adjustFrom, locale);
        Formats.localize(adjustTo, locale);
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
        adjustKind.setLabel(getTranslation("forecast.adjust.change"));
        adjustKind.setItems(AdjustmentKind.values());
        adjustKind.setItemLabelGenerator(k -> getTranslation(k == AdjustmentKind.SCALE ? "forecast.adjust.scale" : "forecast.adjust.set"));
        adjustKind.setValue(AdjustmentKind.SCALE);
        adjustKind.setId("adjust-kind");
        adjustAmount.setId("adjust-amount");
        adjustAmount.setHelperText(getTranslation("forecast.adjust.scale.helper"));
        adjustKind.addValueChangeListener(e -> adjustAmount.setHelperText(getTranslation(e.getValue() == AdjustmentKind.SCALE
                ? "forecast.adjust.scale.helper" : "forecast.adjust.set.helper")));
        adjustNote.setId("adjust-note");
        adjustNote.setPlaceholder(getTranslation("forecast.adjust.reason.placeholder"));
        addAdjustment.setId("add-adjustment");
        addAdjustment.addClickListener(e -> addAdjustment());
        adjustments.addColumn(a -> a.startsAt().atZone(bar.zone()).format(Formats.dayTime(locale)))
                .setHeader(getTranslation("forecast.adjust.from")).setAutoWidth(true);
        adjustments.addColumn(a -> a.endsAt().atZone(bar.zone()).format(Formats.dayTime(locale)))
                .setHeader(getTranslation("forecast.adjust.to")).setAutoWidth(true);
        adjustments.addColumn(this::describe).setHeader(getTranslation("forecast.adjust.change")).setAutoWidth(true);
        adjustments.addColumn(ForecastAdjustment::note).setHeader(getTranslation("forecast.adjust.reason")).setFlexGrow(2);
        adjustments.addColumn(ForecastAdjustment::createdBy).setHeader(getTranslation("forecast.adjust.by"));
        if (planner) {
            adjustments.addComponentColumn(a -> {
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                    forecasts.deleteAdjustment(a.id());
                    Notifications.success(getTranslation("forecast.adjust.removed"));
                    refresh();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                delete.setAriaLabel(getTranslation("forecast.adjust.delete"));
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
        backtest.addColumn(BacktestReport.Line::queue).setHeader(getTranslation("forecast.backtest.queue"));
        backtest.addColumn(l -> Formats.number(l.actualCalls(), 0, locale)).setHeader(getTranslation("forecast.backtest.actual"));
        backtest.addColumn(l -> Formats.percent(l.product().wape(), locale)).setHeader(getTranslation("forecast.backtest.wape.product"));
        backtest.addColumn(l -> Formats.percent(l.product().bias(), locale)).setHeader(getTranslation("forecast.backtest.bias.product"));
        backtest.addColumn(l -> Formats.percent(l.seasonalNaive().wape(), locale)).setHeader(getTranslation("forecast.backtest.wape.naive"));
        backtest.addColumn(l -> Formats.percent(l.seasonalNaive().bias(), locale)).setHeader(getTranslation("forecast.backtest.bias.naive"));
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

        Details createDetails = new Details(getTranslation("forecast.create.title"),
                new Paragraph(getTranslation("forecast.create.help")), create);
        createDetails.setOpened(true);
        Details adjustDetails = new Details(getTranslation("forecast.adjust.title"), adjust, adjustments);
        adjustDetails.setOpened(true);
        Details backtestDetails = new Details(getTranslation("forecast.backtest.title"),
                new Paragraph(getTranslation("forecast.backtest.help")),
                row(backtestDays, runBacktest), backtestSummary, backtest);
        inboundPanel.setPadding(false);
        inboundPanel.add(createDetails, adjustDetails);
        createDetails.setVisible(planner);
        adjust.setVisible(planner);
        outboundPanel.setVisible(false);
        saveWorkload.setVisible(planner);
        add(new H2(getTranslation("forecast.title")), bar, summary, chart, outboundPanel, inboundPanel, backtestDetails);
        if (!queueList.isEmpty()) {
            bar.queue.setValue(queueList.get(0));
        }
        bar.day.setValue(bar.today());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forecast.title");
    }

    /** An adjustment's change in the reader's words: "+25 %", "= 40 calls per interval". */
    String describe(ForecastAdjustment a) {
        String amount = Formats.number(a.amount(), a.amount() == Math.rint(a.amount()) ? 0 : 1, getLocale());
        return a.kind() == AdjustmentKind.SCALE ? (a.amount() >= 0 ? "+" : "") + amount + " %"
                : getTranslation("forecast.adjust.set.describe", amount);
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
            summary.setText(getTranslation("forecast.outbound"));
            return;
        }
        ZoneId zone = bar.zone();
        List<ForecastPoint> points = forecasts.points(q.getId(), bar.firstDay(), bar.lastDay());
        chart.clear()
                .labels(points.stream().map(p -> bar.label(p.start())).toList())
                .add(getTranslation("forecast.series.history"), points.stream().map(ForecastPoint::history).toList(), "#6b7785",
                        ChartJs.Style.LINE)
                .add(getTranslation("forecast.series.forecast"), points.stream().map(ForecastPoint::forecast).toList(), "#1676f3",
                        ChartJs.Style.DASHED)
                .add(getTranslation("forecast.series.adjusted"), points.stream().map(ForecastPoint::adjusted).toList(), "#e8710a",
                        ChartJs.Style.LINE)
                .update();
        double h = points.stream().filter(p -> p.history() != null).mapToDouble(ForecastPoint::history).sum();
        double f = points.stream().filter(p -> p.forecast() != null).mapToDouble(ForecastPoint::forecast).sum();
        double a = points.stream().filter(p -> p.adjusted() != null).mapToDouble(ForecastPoint::adjusted).sum();
        var coverage = history.mainCoverage(q.getId());
        Locale locale = getLocale();
        summary.setText(getTranslation("forecast.summary", Formats.date(bar.firstDay(), locale),
                Formats.date(bar.lastDay(), locale), Formats.number(h, 0, locale), Formats.number(f, 0, locale),
                Formats.number(a, 0, locale), coverage.map(c -> getTranslation("forecast.summary.history", q.getCode(),
                        Formats.date(c.first().atZone(zone).toLocalDate(), locale),
                        Formats.date(c.last().atZone(zone).toLocalDate(), locale), c.intervalMinutes()))
                        .orElse(getTranslation("forecast.summary.noHistory", q.getCode()))));
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
            Notifications.success(getTranslation("forecast.created", Formats.date(run.firstDay(), getLocale()),
                    Formats.date(run.firstDay().plusDays(run.days() - 1), getLocale()),
                    Formats.number(run.calls(), 0, getLocale()), run.intervals()));
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
            Notifications.success(getTranslation("forecast.adjust.added"));
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
            Locale locale = getLocale();
            backtestSummary.setText(getTranslation("forecast.backtest.summary", Formats.date(report.firstDay(), locale),
                    Formats.date(report.lastDay(), locale), minutes, Formats.percent(report.total().product().wape(), locale),
                    Formats.percent(report.total().seasonalNaive().wape(), locale))
                    + (report.skipped().isEmpty() ? "" : " " + getTranslation("forecast.backtest.skipped",
                            String.join(", ", report.skipped()))));
        } catch (ValidationFailedException e) {
            backtest.setVisible(false);
            backtestSummary.setText(String.join("; ", e.fieldErrors(getLocale()).values()));
        }
    }

    void saveWorkload() {
        workloadCalls.setInvalid(false);
        workloadAht.setInvalid(false);
        try {
            requirements.setWorkload(bar.queue.getValue().getId(), workloadCalls.getValue(), workloadAht.getValue());
            Notifications.success(getTranslation("forecast.workload.saved"));
        } catch (ValidationFailedException e) {
            show(e, Map.of("callsPerDay", workloadCalls, "ahtSeconds", workloadAht));
        }
    }

    private void show(ValidationFailedException e, Map<String, ? extends com.vaadin.flow.component.HasValidation> fields) {
        StringBuilder other = new StringBuilder();
        e.fieldErrors(getLocale()).forEach((field, reason) -> {
            var f = fields.get(field);
            if (f != null) {
                f.setInvalid(true);
                f.setErrorMessage(reason);
            } else {
                other.append(other.isEmpty() ? "" : " ").append(reason);
            }
        });
        summary.setText(other.isEmpty() ? getTranslation("demand.checkFields") : other.toString());
    }
}
