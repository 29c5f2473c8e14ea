package org.switchboard.absences.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.switchboard.absences.AbsenceEntry;
import org.switchboard.absences.AbsenceImpact;
import org.switchboard.absences.ImpactReport;
import org.switchboard.base.ui.ChartJs;

/**
 * A request's effect on coverage for the manager deciding it: per affected queue-day, the operators required and
 * scheduled before and after the absence per interval (chart), the projected service level before and after against
 * the queue's target (chart and a table of every queue-day, a fall below target marked by word and symbol), and the
 * other absences of the team already approved at that time.
 */
final class ImpactPanel extends Div {

    final Paragraph summary = new Paragraph();
    final Paragraph noImpact = new Paragraph();
    final ComboBox<AbsenceImpact.QueueDay> queueDay = new ComboBox<>();
    final ChartJs chart = new ChartJs();
    final ChartJs serviceLevel = new ChartJs();
    final Grid<AbsenceImpact.QueueDay> days = new Grid<>();
    final UnorderedList others = new UnorderedList();
    final Paragraph noOthers = new Paragraph();
    private final Div figures = new Div();
    private ImpactReport shown;

    ImpactPanel() {
        setId("impact");
        setWidthFull();
        summary.setId("impact-summary");
        noImpact.setId("impact-none");
        noImpact.setText(getTranslation("approvals.impact.none"));
        queueDay.setLabel(getTranslation("approvals.impact.queueDay"));
        queueDay.setItemLabelGenerator(this::label);
        queueDay.setWidth("22rem");
        queueDay.setId("impact-day");
        queueDay.addValueChangeListener(e -> draw(e.getValue()));
        chart.setId("impact-chart");
        chart.yTitle(getTranslation("approvals.impact.axis.operators"));
        chart.setHeight("280px");
        chart.setMinHeight("280px");
        serviceLevel.setId("impact-sl-chart");
        serviceLevel.yTitle(getTranslation("approvals.impact.axis.sl"));
        serviceLevel.setHeight("220px");
        serviceLevel.setMinHeight("220px");
        days.setId("impact-days");
        days.addThemeVariants(GridVariant.LUMO_COMPACT);
        days.setAllRowsVisible(true);
        days.addColumn(d -> AbsenceTexts.date(this, d.date())).setHeader(getTranslation("approvals.impact.date"))
                .setKey("date").setAutoWidth(true);
        days.addColumn(AbsenceImpact.QueueDay::queueCode).setHeader(getTranslation("approvals.impact.queue"))
                .setKey("queue").setAutoWidth(true);
        days.addColumn(d -> AbsenceTexts.percent(this, d.serviceLevelBefore()))
                .setHeader(getTranslation("approvals.impact.slBefore")).setKey("before");
        days.addColumn(d -> AbsenceTexts.percent(this, d.serviceLevelAfter()))
                .setHeader(getTranslation("approvals.impact.slAfter")).setKey("after");
        days.addColumn(d -> AbsenceTexts.percent(this, d.targetServiceLevel()))
                .setHeader(getTranslation("approvals.impact.target")).setKey("target");
        days.addComponentColumn(this::verdict).setHeader(getTranslation("approvals.impact.verdict")).setKey("verdict")
                .setAutoWidth(true);
        days.addItemClickListener(e -> queueDay.setValue(e.getItem()));
        others.setId("impact-others");
        noOthers.setText(getTranslation("approvals.impact.noOthers"));
        figures.add(queueDay, chart, new H4(getTranslation("approvals.impact.slTitle")), serviceLevel, days);
        add(summary, noImpact, figures, new H4(getTranslation("approvals.impact.othersTitle")), noOthers, others);
        show(null);
    }

    private String label(AbsenceImpact.QueueDay d) {
        return AbsenceTexts.date(this, d.date()) + " · " + d.queueCode();
    }

    /** Below target after the absence: "✕ below target"; else "✓ at or above target"; no target or calls: a dash. */
    static boolean below(AbsenceImpact.QueueDay d) {
        return d.targetServiceLevel() != null && d.serviceLevelAfter() != null
                && d.serviceLevelAfter() < d.targetServiceLevel();
    }

    private Span verdict(AbsenceImpact.QueueDay d) {
        if (d.targetServiceLevel() == null || d.serviceLevelAfter() == null) {
            return new Span("—");
        }
        Span s = new Span(below(d) ? "✕ " + getTranslation("approvals.impact.below")
                : "✓ " + getTranslation("approvals.impact.above"));
        if (below(d)) {
            s.addClassName("ab-below");
        }
        return s;
    }

    /** Shows the report (null: nothing chosen). */
    void show(ImpactReport report) {
        shown = report;
        setVisible(report != null);
        if (report == null) {
            return;
        }
        AbsenceEntry a = report.absence();
        summary.setText(getTranslation("approvals.impact.summary", a.name(), a.employeeNumber(),
                AbsenceTexts.type(this, a.type()), AbsenceTexts.when(this, a), AbsenceTexts.status(this, a.status())));
        List<AbsenceImpact.QueueDay> list = report.impact().days();
        noImpact.setVisible(list.isEmpty());
        figures.setVisible(!list.isEmpty());
        days.setItems(list);
        queueDay.setItems(list);
        queueDay.setValue(list.isEmpty() ? null : list.stream().filter(ImpactPanel::below).findFirst()
                .orElse(list.getFirst()));
        others.removeAll();
        for (AbsenceEntry o : report.otherAbsences()) {
            others.add(new ListItem(getTranslation("approvals.impact.other", o.name(), o.employeeNumber(),
                    AbsenceTexts.type(this, o.type()), AbsenceTexts.when(this, o))));
        }
        noOthers.setVisible(report.otherAbsences().isEmpty());
    }

    ImpactReport shown() {
        return shown;
    }

    private void draw(AbsenceImpact.QueueDay d) {
        chart.clear();
        serviceLevel.clear();
        if (d == null) {
            chart.update();
            serviceLevel.update();
            return;
        }
        List<AbsenceImpact.Interval> rows = d.intervals();
        List<String> labels = rows.stream().map(i -> AbsenceTexts.TIME.format(i.time())).toList();
        chart.labels(labels)
                .add(getTranslation("approvals.impact.required"), rows.stream().map(i -> (double) i.required()).toList(),
                        "#202124", ChartJs.Style.STEPPED)
                .add(getTranslation("approvals.impact.before"), rows.stream()
                        .map(AbsenceImpact.Interval::scheduledBefore).toList(), "#1676f3", ChartJs.Style.STEPPED)
                .add(getTranslation("approvals.impact.after"), rows.stream()
                        .map(AbsenceImpact.Interval::scheduledAfter).toList(), "#d93025", ChartJs.Style.STEPPED_DASHED)
                .update();
        serviceLevel.labels(labels)
                .add(getTranslation("approvals.impact.slBefore"), rows.stream()
                        .map(i -> i.serviceLevelBefore() == null ? null : i.serviceLevelBefore() * 100).toList(),
                        "#188038", ChartJs.Style.LINE)
                .add(getTranslation("approvals.impact.slAfter"), rows.stream()
                        .map(i -> i.serviceLevelAfter() == null ? null : i.serviceLevelAfter() * 100).toList(),
                        "#d93025", ChartJs.Style.DASHED);
        if (d.targetServiceLevel() != null) {
            double target = d.targetServiceLevel() * 100;
            serviceLevel.add(getTranslation("approvals.impact.target"), rows.stream().map(i -> target).toList(),
                    "#e8710a", ChartJs.Style.STEPPED);
        }
        serviceLevel.update();
    }
}
