package org.switchboard.demand.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.demand.staffing.ErlangQuery;
import org.switchboard.demand.staffing.StaffingResult;
import org.switchboard.demand.staffing.StaffingService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.ValidationFailedException;

/** What-if Erlang C / Erlang A for one interval, with the figures around the answer. */
@Route("demand/erlang")
@PageTitle("Erlang calculator")
@Menu(title = "menu.erlang", order = 54, icon = "vaadin:calc")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class ErlangCalculatorView extends VerticalLayout {

    final NumberField calls = number("Calls per interval", 100.0, "calls");
    final IntegerField interval = new IntegerField("Interval (minutes)");
    final NumberField aht = number("AHT (seconds)", 180.0, "aht");
    final NumberField serviceLevel = number("Service level target %", 80.0, "sl");
    final NumberField answerWithin = number("Answered within (seconds)", 20.0, "within");
    final NumberField asa = number("ASA target (seconds)", null, "asa");
    final NumberField occupancy = number("Max occupancy %", null, "occupancy");
    final NumberField shrinkage = number("Shrinkage %", 30.0, "shrinkage");
    final NumberField patience = number("Average patience (seconds)", null, "patience");
    final NumberField abandonment = number("Max abandoned %", null, "abandon");
    final Button calculate = new Button("Calculate");
    final Paragraph answer = new Paragraph();
    final Grid<Row> around = new Grid<>();

    private final StaffingService staffing;

    /** Figures with a given number of agents, for the table around the answer. */
    record Row(int agents, StaffingResult result) {}

    public ErlangCalculatorView(StaffingService staffing) {
        this.staffing = staffing;
        interval.setValue(30);
        interval.setId("interval");
        asa.setHelperText("optional");
        occupancy.setHelperText("optional cap, e.g. 85");
        patience.setHelperText("optional: set, Erlang A with abandonment");
        abandonment.setHelperText("optional, with patience");
        FormLayout form = new FormLayout(calls, interval, aht, serviceLevel, answerWithin, asa, occupancy, shrinkage,
                patience, abandonment);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        calculate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        calculate.setId("calculate");
        calculate.addClickListener(e -> calculate());
        calculate.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        answer.setId("answer");
        around.addColumn(Row::agents).setHeader("Agents");
        around.addColumn(r -> pct(r.result().serviceLevel())).setHeader("Service level");
        around.addColumn(r -> pct(r.result().occupancy())).setHeader("Occupancy");
        around.addColumn(r -> pct(r.result().probabilityOfWaiting())).setHeader("P(wait)");
        around.addColumn(r -> Double.isFinite(r.result().asaSeconds())
                ? String.format(Locale.ROOT, "%.1f s", r.result().asaSeconds()) : "unbounded").setHeader("ASA");
        around.addColumn(r -> pct(r.result().abandonmentProbability())).setHeader("Abandoned");
        around.setAllRowsVisible(true);
        around.setVisible(false);
        add(new H2("Erlang calculator"),
                new Paragraph("Operators needed for one interval: Erlang C, or Erlang A when callers' patience is given. "
                        + "Agents are on the phones; positions add shrinkage (breaks, training, absence)."),
                form, calculate, answer, around);
    }

    static NumberField number(String label, Double value, String id) {
        NumberField f = new NumberField(label);
        f.setValue(value);
        f.setId(id);
        return f;
    }

    void calculate() {
        for (var f : List.of(calls, aht, serviceLevel, answerWithin, asa, occupancy, shrinkage, patience, abandonment)) {
            f.setInvalid(false);
        }
        interval.setInvalid(false);
        ErlangQuery query = query();
        try {
            StaffingResult r = staffing.whatIf(query);
            answer.setText(String.format(Locale.ROOT,
                    "%d agents on the phones, %d positions to schedule: service level %s, occupancy %s, "
                            + "P(wait) %s, ASA %s%s.",
                    r.agents(), r.positions(), pct(r.serviceLevel()), pct(r.occupancy()), pct(r.probabilityOfWaiting()),
                    String.format(Locale.ROOT, "%.1f s", r.asaSeconds()),
                    query.patienceSeconds() == null ? "" : ", abandoned " + pct(r.abandonmentProbability())));
            List<Row> rows = new ArrayList<>();
            for (int n = Math.max(1, r.agents() - 2); n <= r.agents() + 3; n++) {
                rows.add(new Row(n, staffing.evaluate(query, n)));
            }
            around.setItems(rows);
            around.setVisible(true);
        } catch (ValidationFailedException e) {
            answer.setText("Check the highlighted fields.");
            around.setVisible(false);
            for (Map.Entry<String, String> err : e.fieldErrors().entrySet()) {
                switch (err.getKey()) {
                    case "callsPerInterval" -> invalid(calls, err.getValue());
                    case "intervalMinutes" -> {
                        interval.setInvalid(true);
                        interval.setErrorMessage(err.getValue());
                    }
                    case "ahtSeconds" -> invalid(aht, err.getValue());
                    case "serviceLevelTarget" -> invalid(serviceLevel, percent(err.getValue()));
                    case "answerWithinSeconds" -> invalid(answerWithin, err.getValue());
                    case "asaTargetSeconds" -> invalid(asa, err.getValue());
                    case "maxOccupancy" -> invalid(occupancy, percent(err.getValue()));
                    case "shrinkage" -> invalid(shrinkage, percent(err.getValue()));
                    case "patienceSeconds" -> invalid(patience, err.getValue());
                    case "abandonmentTarget" -> invalid(abandonment, percent(err.getValue()));
                    default -> answer.setText(err.getValue());
                }
            }
        }
    }

    ErlangQuery query() {
        return new ErlangQuery(calls.getValue(), interval.getValue() == null ? null : interval.getValue().doubleValue(),
                aht.getValue(), fraction(serviceLevel),
                answerWithin.getValue(), fraction(occupancy), fraction(shrinkage), patience.getValue(), asa.getValue(),
                fraction(abandonment));
    }

    private static Double fraction(NumberField percent) {
        return percent.getValue() == null ? null : percent.getValue() / 100;
    }

    /** The service speaks in fractions; these fields in percent: "must be from 0 to 0.9" is "… 0 % to 90 %". */
    static String percent(String reason) {
        if (!reason.startsWith("must be from ")) {
            return reason;
        }
        return java.util.regex.Pattern.compile("\\d+(\\.\\d+)?").matcher(reason).replaceAll(m -> {
            var value = new java.math.BigDecimal(m.group()).movePointRight(2).stripTrailingZeros();
            return value.toPlainString() + " %";
        });
    }

    private static void invalid(NumberField f, String reason) {
        f.setInvalid(true);
        f.setErrorMessage(reason);
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

}
