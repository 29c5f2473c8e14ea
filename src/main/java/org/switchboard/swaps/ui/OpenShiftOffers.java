package org.switchboard.swaps.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import org.switchboard.rostering.TradeShift;
import org.switchboard.swaps.Swap;
import org.switchboard.swaps.Swaps;

/**
 * "Open shifts to offer" (planners and admins): the shifts an absence left uncovered, still open and not started, each
 * with "Offer to operators": the eligible operators then see it among the offers they can take.
 */
final class OpenShiftOffers extends Grid<TradeShift> {

    private final Swaps swaps;
    private final Outcome outcome;
    private final Runnable changed;

    OpenShiftOffers(Swaps swaps, Outcome outcome, Runnable changed) {
        this.swaps = swaps;
        this.outcome = outcome;
        this.changed = changed;
        setId("swap-openshift-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        setEmptyStateText(getTranslation("swapui.openShifts.empty"));
        addColumn(s -> SwapTexts.date(this, s.date())).setHeader(getTranslation("swapui.col.date")).setKey("date")
                .setAutoWidth(true);
        addColumn(s -> SwapTexts.times(s.localStart(), s.localEnd())).setHeader(getTranslation("swapui.col.time"))
                .setKey("time").setAutoWidth(true);
        addColumn(TradeShift::templateCode).setHeader(getTranslation("swapui.col.template")).setKey("template")
                .setAutoWidth(true);
        addColumn(s -> s.queueCode() == null ? "" : s.queueCode()).setHeader(getTranslation("swapui.col.queue"))
                .setKey("queue").setFlexGrow(1);
        addComponentColumn(s -> {
            Button b = new Button(getTranslation("swapui.button.offerOpenShift"), e -> offer(s));
            b.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
            b.addClassName("swap-offer-open-shift");
            return b;
        }).setHeader(getTranslation("swapui.col.actions")).setKey("actions").setAutoWidth(true);
    }

    void show(List<TradeShift> shifts) {
        setItems(shifts);
    }

    void offer(TradeShift s) {
        try {
            Swap done = swaps.offerOpenShift(s.openShiftId(), SwapTexts.locale(this));
            outcome.done(getTranslation("swapui.openShifts.offered", String.valueOf(done.id()),
                    SwapTexts.shift(this, s)));
        } catch (RuntimeException e) {
            outcome.refused(getTranslation("swapui.openShifts.notOffered", SwapTexts.shift(this, s)),
                    SwapTexts.refusals(this, e));
        }
        changed.run();
    }
}
