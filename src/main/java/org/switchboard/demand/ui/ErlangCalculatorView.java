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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.demand.staffing.ErlangQuery;
import org.switchboard.demand.staffing.StaffingLimits;
import org.switchboard.demand.staffing.StaffingResult;
import org.switchboard.demand.staffing.StaffingService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.ValidationFailedException;

/**
 * What-if Erlang C / Erlang A for one interval, with the figures around the answer. The service checks the question;
 * its reasons (English, for the API) are shown here in the reader's words, percentages as percentages ("100 % cannot
 * be reached").
 */
@Route("demand/erlang")
@Menu(title = "menu.erlang", order = 54, icon = "vaadin:calc")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class ErlangCalculatorView extends VerticalLayout implements HasDynamicTitle {

    final NumberField calls = number(getTranslation("erlang.calls"), 100.0, "calls");
    final IntegerField interval = new IntegerField(getTranslation("erlang.interval"));
    final NumberField aht = number(getTranslation("erlang.aht"), 180.0, "aht");
    final NumberField serviceLevel = number(getTranslation("erlang.serviceLevel"), 80.0, "sl");
    final NumberField answerWithin = number(getTranslation("erlang.answerWithin"), 20.0, "within");
    final NumberField asa = number(getTranslation("erlang.asa"), null, "asa");
    final NumberField occupancy = number(getTranslation("erlang.occupancy"), null, "occupancy");
    final NumberField shrinkage = number(getTranslation("erlang.shrinkage"), 30.0, "shrinkage");
    final NumberField patience = number(getTranslation("erlang.patience"), null, "patience");
    final NumberField abandonment = number(getTranslation("erlang.abandonment"), null, "abandon");
    final Button calculate = new Button(getTranslation("erlang.calculate"));
    final Paragraph answer = new Paragraph();
    final Grid<Row> around = new Grid<>();

    private final StaffingService staffing;

    /** Figures with a given number of agents, for the table around the answer. */
    record Row(int agents, StaffingResult result) {}

    public ErlangCalculatorView(StaffingService staffing) {
        this.staffing = staffing;
        interval.setValue(30);
        interval.setId("interval");
        asa.setHelperText(getTranslation("erlang.optional"));
        occupancy.setHelperText(getTranslation("erlang.occupancy.helper"));
        patience.setHelperText(getTranslation("erlang.patience.helper"));
        abandonment.setHelperText(getTranslation("erlang.abandonment.helper"));
        FormLayout form = new FormLayout(calls, interval, aht, serviceLevel, answerWithin, asa, occupancy, shrinkage,
                patience, abandonment);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        calculate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        calculate.setId("calculate");
        calculate.addClickListener(e -> calculate());
        calculate.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        answer.setId("answer");
        around.addColumn(Row::agents).setHeader(getTranslation("erlang.col.agents"));
        around.addColumn(r -> pct(r.result().serviceLevel())).setHeader(getTranslation("erlang.col.serviceLevel"));
        around.addColumn(r -> pct(r.result().occupancy())).setHeader(getTranslation("erlang.col.occupancy"));
        around.addColumn(r -> pct(r.result().probabilityOfWaiting())).setHeader(getTranslation("erlang.col.wait"));
        around.addColumn(r -> asaLabel(r.result().asaSeconds())).setHeader(getTranslation("erlang.col.asa"));
        around.addColumn(r -> pct(r.result().abandonmentProbability())).setHeader(getTranslation("erlang.col.abandoned"));
        around.setAllRowsVisible(true);
        around.setVisible(false);
        add(new H2(getTranslation("erlang.title")), new Paragraph(getTranslation("erlang.help")),
                form, calculate, answer, around);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("erlang.title");
    }

    private String asaLabel(double seconds) {
        return Double.isFinite(seconds) ? getTranslation("demand.seconds", Formats.number(seconds, 1, getLocale()))
                : getTranslation("erlang.unbounded");
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
            answer.setText(getTranslation("erlang.answer", r.agents(), r.positions(), pct(r.serviceLevel()),
                    pct(r.occupancy()), pct(r.probabilityOfWaiting()), asaLabel(r.asaSeconds()),
                    query.patienceSeconds() == null ? "" : getTranslation("erlang.answer.abandoned",
                            pct(r.abandonmentProbability()))));
            List<Row> rows = new ArrayList<>();
            for (int n = Math.max(1, r.agents() - 2); n <= r.agents() + 3; n++) {
                rows.add(new Row(n, staffing.evaluate(query, n)));
            }
            around.setItems(rows);
            around.setVisible(true);
        } catch (ValidationFailedException e) {
            answer.setText(getTranslation("demand.checkFields"));
            around.setVisible(false);
            for (Map.Entry<String, String> err : e.fieldErrors(getLocale()).entrySet()) {
                String reason = reason(err.getKey(), err.getValue());
                switch (err.getKey()) {
                    case "callsPerInterval" -> invalid(calls, reason);
                    case "intervalMinutes" -> {
                        interval.setInvalid(true);
                        interval.setErrorMessage(reason);
                    }
                    case "ahtSeconds" -> invalid(aht, reason);
                    case "serviceLevelTarget" -> invalid(serviceLevel, reason);
                    case "answerWithinSeconds" -> invalid(answerWithin, reason);
                    case "asaTargetSeconds" -> invalid(asa, reason);
                    case "maxOccupancy" -> invalid(occupancy, reason);
                    case "shrinkage" -> invalid(shrinkage, reason);
                    case "patienceSeconds" -> invalid(patience, reason);
                    case "abandonmentTarget" -> invalid(abandonment, reason);
                    default -> answer.setText(reason);
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

    /**
     * The service's reason for a field (English, for the API) in the reader's words, from the field and the value
     * entered: a missing value, a value out of the range of {@link StaffingLimits}, or a target that cannot be reached.
     * Percent fields say percentages: "100 % cannot be reached", "120 % is out of range: enter 0 % to 90 %".
     */
    String reason(String field, String english) {
        Locale locale = getLocale();
        if ("Required".equals(english)) {
            return getTranslation("demand.required");
        }
        if (english.contains("cannot be reached")) {
            return switch (field) {
                case "serviceLevelTarget" -> getTranslation("erlang.unreachable.serviceLevel", entered(serviceLevel),
                        Formats.number(answerWithin.getValue() == null ? 0 : answerWithin.getValue(), 0, locale));
                case "abandonmentTarget" -> getTranslation("erlang.unreachable.abandonment", entered(abandonment));
                default -> getTranslation("erlang.unreachable");
            };
        }
        return switch (field) {
            case "callsPerInterval" -> english.contains("Erlang")
                    ? getTranslation("erlang.range.load", Formats.number(StaffingLimits.MAX_TRAFFIC_ERLANGS, 0, locale))
                    : getTranslation("erlang.range.calls", Formats.number(StaffingLimits.MAX_CALLS_PER_INTERVAL, 0, locale));
            case "intervalMinutes" -> getTranslation("erlang.range.interval", StaffingLimits.MIN_INTERVAL_MINUTES,
                    StaffingLimits.MAX_INTERVAL_MINUTES);
            case "ahtSeconds" -> getTranslation("erlang.range.seconds", Formats.number(StaffingLimits.MIN_AHT_SECONDS, 0, locale),
                    Formats.number(StaffingLimits.MAX_AHT_SECONDS, 0, locale));
            case "answerWithinSeconds" -> getTranslation("erlang.range.seconds", 0, StaffingLimits.MAX_ANSWER_WITHIN_SECONDS);
            case "asaTargetSeconds" -> getTranslation("erlang.range.seconds", StaffingLimits.MIN_ASA_TARGET_SECONDS,
                    StaffingLimits.MAX_ASA_TARGET_SECONDS);
            case "patienceSeconds" -> getTranslation("erlang.range.patience", StaffingLimits.MIN_PATIENCE_SECONDS,
                    StaffingLimits.MAX_PATIENCE_SECONDS);
            case "serviceLevelTarget" -> getTranslation("erlang.range.serviceLevel", entered(serviceLevel),
                    Formats.enteredPercent(StaffingLimits.MIN_SERVICE_LEVEL * 100, locale));
            case "maxOccupancy" -> range(occupancy, StaffingLimits.MIN_MAX_OCCUPANCY, StaffingLimits.MAX_MAX_OCCUPANCY);
            case "shrinkage" -> range(shrinkage, 0, StaffingLimits.MAX_SHRINKAGE);
            case "abandonmentTarget" -> range(abandonment, 0, StaffingLimits.MAX_ABANDONMENT);
            default -> english;
        };
    }

    private String range(NumberField field, double min, double max) {
        return getTranslation("erlang.range.percent", entered(field), Formats.enteredPercent(min * 100, getLocale()),
                Formats.enteredPercent(max * 100, getLocale()));
    }

    private String entered(NumberField field) {
        return field.getValue() == null ? "" : Formats.enteredPercent(field.getValue(), getLocale());
    }

    private static void invalid(NumberField f, String reason) {
        f.setInvalid(true);
        f.setErrorMessage(reason);
    }

    private String pct(double fraction) {
        return Formats.percent(fraction, getLocale());
    }

}
