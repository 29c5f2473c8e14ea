package org.switchboard.swaps.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import org.switchboard.operators.Operator;
import org.switchboard.rostering.TradeShift;
import org.switchboard.shared.RuleViolationsException;
import org.switchboard.swaps.Swap;
import org.switchboard.swaps.Swaps;

/**
 * "Offer a shift": one of my upcoming published shifts, to a colleague against their shift (on the same date unless
 * another is chosen; a day they are off makes it one-sided) or to anyone eligible. The service checks the trade rules
 * and the roster's rules; what breaks is listed, one rule a line, in the reader's language.
 */
final class OfferForm extends Div {

    /** How far ahead the shifts to offer are listed without a team (else as far as the team's trades are open). */
    static final int DAYS = 60;

    final Select<TradeShift> shift = new Select<>();
    final ComboBox<Operator> colleague = new ComboBox<>();
    final DatePicker withDate = new DatePicker();
    final Button propose = new Button();
    final Button offer = new Button();
    final Div violations = new Div();
    final UnorderedList violationList = new UnorderedList();
    final Paragraph result = new Paragraph();
    private final Swaps swaps;
    private final Operator me;
    private final Runnable changed;

    OfferForm(Swaps swaps, Operator me, Runnable changed) {
        this.swaps = swaps;
        this.me = me;
        this.changed = changed;
        setWidthFull();
        shift.setLabel(getTranslation("swapui.offer.shift"));
        shift.setItemLabelGenerator(s -> SwapTexts.shift(this, s));
        shift.setEmptySelectionAllowed(false);
        shift.setWidth("20rem");
        shift.setId("swap-shift");
        colleague.setLabel(getTranslation("swapui.offer.colleague"));
        colleague.setHelperText(getTranslation("swapui.offer.colleague.helper"));
        colleague.setItems(swaps.colleagues());
        colleague.setItemLabelGenerator(o -> o.getEmployeeNumber() + " " + o.fullName());
        colleague.setClearButtonVisible(true);
        colleague.setWidth("18rem");
        colleague.setId("swap-colleague");
        withDate.setLabel(getTranslation("swapui.offer.withDate"));
        withDate.setHelperText(getTranslation("swapui.offer.withDate.helper"));
        withDate.setClearButtonVisible(true);
        withDate.setId("swap-with-date");
        propose.setText(getTranslation("swapui.offer.propose"));
        propose.addThemeVariants(ButtonVariant.PRIMARY);
        propose.setId("swap-propose");
        propose.addClickListener(e -> send(true));
        offer.setText(getTranslation("swapui.offer.anyone"));
        offer.setId("swap-offer");
        offer.addClickListener(e -> send(false));
        shift.addValueChangeListener(e -> {
            withDate.setValue(e.getValue() == null ? null : e.getValue().date());
            buttons();
        });
        colleague.addValueChangeListener(e -> buttons());
        violations.setId("swap-violations");
        violations.add(new Paragraph(getTranslation("swapui.offer.violations")), violationList);
        violations.getStyle().set("border", "1px solid var(--lumo-error-color-50pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "0 var(--lumo-space-m)")
                .set("color", "var(--lumo-error-text-color)");
        violations.setVisible(false);
        result.setId("swap-offer-result");
        HorizontalLayout fields = new HorizontalLayout(shift, colleague, withDate);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        HorizontalLayout buttons = new HorizontalLayout(propose, offer);
        add(new Paragraph(getTranslation("swapui.offer.help")), fields, buttons, violations, result);
        refresh();
    }

    /** My shifts to offer as they are now (a shift just traded away is gone), as far ahead as trades are open. */
    void refresh() {
        TradeShift chosen = shift.getValue();
        List<TradeShift> mine = swaps.myShifts(me.getTeamId() == null ? DAYS
                : swaps.rules(me.getTeamId()).openDaysAhead());
        shift.setItems(mine);
        shift.setValue(chosen == null ? null
                : mine.stream().filter(s -> s.date().equals(chosen.date())).findFirst().orElse(null));
        shift.setHelperText(mine.isEmpty() ? getTranslation("swapui.offer.noShifts") : null);
        buttons();
    }

    private void buttons() {
        propose.setEnabled(shift.getValue() != null && colleague.getValue() != null);
        offer.setEnabled(shift.getValue() != null);
    }

    void send(boolean toColleague) {
        TradeShift s = shift.getValue();
        if (s == null) {
            return;
        }
        violationList.removeAll();
        violations.setVisible(false);
        result.setText("");
        Operator with = toColleague ? colleague.getValue() : null;
        LocalDate on = with == null ? null : withDate.getValue();
        try {
            Swap done = swaps.propose(s.date(), with == null ? null : with.getEmployeeNumber(), on,
                    SwapTexts.locale(this));
            result.setText(getTranslation(with == null ? "swapui.offer.offered" : "swapui.offer.proposed",
                    String.valueOf(done.id()), SwapTexts.date(this, s.date()),
                    with == null ? "" : with.getEmployeeNumber() + " " + with.fullName()));
            changed.run();
        } catch (RuleViolationsException e) {
            SwapTexts.refusals(this, e).forEach(m -> violationList.add(new ListItem(m)));
            violations.setVisible(true);
        } catch (RuntimeException e) {
            List<String> messages = SwapTexts.refusals(this, e);
            result.setText(getTranslation("swapui.offer.notSent", String.join(" ", messages)));
            org.switchboard.base.ui.Notifications.error(String.join(" ", messages));
        }
    }

    String violationsText() {
        return violations.isVisible() ? violationList.getElement().getTextRecursively() : "";
    }
}
