package org.switchboard.swaps.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;

/**
 * "Offers you can take": the give-aways and open shifts the signed-in operator may take now (the service shows each
 * viewer only what breaks no rule for them), each with Accept.
 */
final class OpenOffers extends Grid<SwapRow> {

    private final SwapActions actions;

    OpenOffers(SwapActions actions) {
        this.actions = actions;
        setId("swap-open-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        setEmptyStateText(getTranslation("swapui.open.empty"));
        addColumn(r -> SwapTexts.kind(this, r.swap().kind())).setHeader(getTranslation("swapui.col.kind"))
                .setKey("kind").setAutoWidth(true);
        addColumn(r -> SwapTexts.date(this, r.trade().shift().date())).setHeader(getTranslation("swapui.col.date"))
                .setKey("date").setAutoWidth(true);
        addColumn(r -> SwapTexts.times(r.trade().shift().start(), r.trade().shift().end()))
                .setHeader(getTranslation("swapui.col.time")).setKey("time").setAutoWidth(true);
        addColumn(r -> r.trade().shift().queue() == null ? "" : r.trade().shift().queue())
                .setHeader(getTranslation("swapui.col.queue")).setKey("queue").setAutoWidth(true);
        addColumn(r -> r.trade().proposer() == null ? getTranslation("swapui.openShift")
                : SwapTexts.party(r.trade().proposer())).setHeader(getTranslation("swapui.col.from")).setKey("from")
                .setFlexGrow(1);
        addComponentColumn(r -> {
            Button b = new Button(getTranslation("swapui.button.accept"), e -> actions.accept(r));
            b.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
            b.addClassName("swap-accept");
            return b;
        }).setHeader(getTranslation("swapui.col.actions")).setKey("actions").setAutoWidth(true);
    }

    void show(List<SwapRow> rows) {
        setItems(rows);
    }
}
