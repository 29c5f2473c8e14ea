package org.switchboard.swaps.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import org.switchboard.swaps.Swap;
import org.switchboard.swaps.SwapKind;
import org.switchboard.swaps.SwapStatus;
import org.switchboard.swaps.SwapViews;

/**
 * A list of trades with the steps each row allows the reader, and the chosen row's history below it. Two ways to read
 * it: an operator's own ({@code myId} set: my shift, their shift, with whom; Accept and Decline when addressed to me,
 * Cancel when I offered it) or everyone's (offered shift, in exchange, from, to; Cancel of an open shift for planners
 * and managers, Approve and Reject for managers).
 */
final class SwapList extends Div {

    final Grid<SwapRow> grid = new Grid<>();
    final Div history = new Div();
    final H4 historyTitle = new H4();
    final UnorderedList steps = new UnorderedList();
    private final Long myId;
    private final boolean decides;
    private final boolean cancelsOpenShifts;
    private final SwapActions actions;

    SwapList(String gridId, Long myId, boolean decides, boolean cancelsOpenShifts, SwapActions actions) {
        this.myId = myId;
        this.decides = decides;
        this.cancelsOpenShifts = cancelsOpenShifts;
        this.actions = actions;
        setWidthFull();
        grid.setId(gridId);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("swapui.list.empty"));
        grid.addColumn(r -> r.id()).setHeader(getTranslation("swapui.col.id")).setKey("id").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> SwapTexts.kind(this, r.swap().kind())).setHeader(getTranslation("swapui.col.kind"))
                .setKey("kind").setAutoWidth(true);
        grid.addColumn(r -> SwapTexts.status(this, r.swap().status())).setHeader(getTranslation("swapui.col.status"))
                .setKey("status").setAutoWidth(true);
        if (myId != null) {
            grid.addColumn(this::myShift).setHeader(getTranslation("swapui.col.myShift")).setKey("mine")
                    .setAutoWidth(true);
            grid.addColumn(this::theirShift).setHeader(getTranslation("swapui.col.theirShift")).setKey("theirs")
                    .setAutoWidth(true);
            grid.addColumn(this::withWhom).setHeader(getTranslation("swapui.col.with")).setKey("with")
                    .setAutoWidth(true);
        } else {
            grid.addColumn(r -> SwapTexts.shift(this, r.trade().shift(), null))
                    .setHeader(getTranslation("swapui.col.offered")).setKey("offered").setAutoWidth(true);
            grid.addColumn(this::exchange).setHeader(getTranslation("swapui.col.exchange")).setKey("exchange")
                    .setAutoWidth(true);
            grid.addColumn(r -> r.trade().proposer() == null ? getTranslation("swapui.openShift")
                    : SwapTexts.party(r.trade().proposer())).setHeader(getTranslation("swapui.col.from"))
                    .setKey("from").setAutoWidth(true);
            grid.addColumn(this::to).setHeader(getTranslation("swapui.col.to")).setKey("to").setAutoWidth(true);
        }
        grid.addColumn(r -> r.trade().reason() == null ? "" : r.trade().reason())
                .setHeader(getTranslation("swapui.col.reason")).setKey("reason").setFlexGrow(1);
        grid.addComponentColumn(this::buttons).setHeader(getTranslation("swapui.col.actions")).setKey("actions")
                .setAutoWidth(true);
        grid.addItemClickListener(e -> showHistory(e.getItem()));
        history.setId(gridId + "-history");
        history.add(historyTitle, steps);
        history.setVisible(false);
        add(grid, history);
    }

    Long myId() {
        return myId;
    }

    void show(List<SwapRow> rows) {
        grid.setItems(rows);
        history.setVisible(false);
    }

    List<SwapRow> rows() {
        return grid.getListDataView().getItems().toList();
    }

    /** What the reader may do with the row now. */
    List<Step> allowed(SwapRow r) {
        Swap s = r.swap();
        if (!s.status().active()) {
            return List.of();
        }
        java.util.ArrayList<Step> out = new java.util.ArrayList<>();
        if (myId != null) {
            if (s.kind() == SwapKind.SWAP && s.status() == SwapStatus.PROPOSED && myId.equals(s.addresseeOperatorId())) {
                out.add(Step.ACCEPT);
                out.add(Step.DECLINE);
            }
            if (myId.equals(s.proposerOperatorId())) {
                out.add(Step.CANCEL);
            }
            return out;
        }
        if (decides && s.status() == SwapStatus.ACCEPTED) {
            out.add(Step.APPROVE);
        }
        if (decides) {
            out.add(Step.REJECT);
        }
        if (cancelsOpenShifts && s.kind() == SwapKind.OPEN_SHIFT) {
            out.add(Step.CANCEL);
        }
        return out;
    }

    /** The steps a row can offer, with their button texts and what they do. */
    enum Step {
        ACCEPT, DECLINE, CANCEL, APPROVE, REJECT;

        String key() {
            return "swapui.button." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    void perform(SwapRow r, Step step) {
        switch (step) {
            case ACCEPT -> actions.accept(r);
            case DECLINE -> actions.decline(r);
            case CANCEL -> actions.cancel(r);
            case APPROVE -> actions.approve(r);
            case REJECT -> actions.reject(r);
        }
    }

    private HorizontalLayout buttons(SwapRow r) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setSpacing(true);
        for (Step step : allowed(r)) {
            Button b = new Button(getTranslation(step.key()), e -> perform(r, step));
            b.addThemeVariants(ButtonVariant.SMALL);
            if (step == Step.ACCEPT || step == Step.APPROVE) {
                b.addThemeVariants(ButtonVariant.PRIMARY);
            }
            if (step == Step.REJECT || step == Step.DECLINE) {
                b.addThemeVariants(ButtonVariant.ERROR);
            }
            b.addClassName("swap-" + step.name().toLowerCase(java.util.Locale.ROOT));
            bar.add(b);
        }
        return bar;
    }

    /** The chosen trade's history, oldest first: "2026-12-07 10:15 MSK: proposed, by operator". */
    void showHistory(SwapRow r) {
        steps.removeAll();
        historyTitle.setText(getTranslation("swapui.history.title", String.valueOf(r.id())));
        for (SwapViews.Step step : r.trade().history()) {
            String who = step.bySystem() ? getTranslation("swapui.bySystem") : step.by();
            String line = getTranslation("swapui.history.step", SwapTexts.dateTime(this, step.at()),
                    SwapTexts.status(this, step.status()), who == null ? "" : who);
            if (step.reason() != null && !step.reason().isBlank()) {
                line += " – " + step.reason();
            }
            steps.add(new ListItem(line));
        }
        history.setVisible(true);
    }

    String historyText() {
        return history.getElement().getTextRecursively();
    }

    // --- how a row reads ----------------------------------------------------------------------------------------

    private boolean iProposed(SwapRow r) {
        return myId != null && myId.equals(r.swap().proposerOperatorId());
    }

    /** The shift I give: mine if I offered it; the one I give back in a swap addressed to me. */
    private String myShift(SwapRow r) {
        SwapViews.Trade t = r.trade();
        if (iProposed(r)) {
            return SwapTexts.shift(this, t.shift(), null);
        }
        if (r.swap().kind() == SwapKind.SWAP) {
            return SwapTexts.shift(this, t.withShift(), t.withDate());
        }
        return "—";
    }

    /** The shift I get. */
    private String theirShift(SwapRow r) {
        SwapViews.Trade t = r.trade();
        if (iProposed(r)) {
            return r.swap().kind() == SwapKind.SWAP ? SwapTexts.shift(this, t.withShift(), t.withDate()) : "—";
        }
        return SwapTexts.shift(this, t.shift(), null);
    }

    private String withWhom(SwapRow r) {
        SwapViews.Trade t = r.trade();
        if (!iProposed(r)) {
            return t.proposer() == null ? getTranslation("swapui.openShift") : SwapTexts.party(t.proposer());
        }
        if (t.with() != null) {
            return SwapTexts.party(t.with());
        }
        return t.taker() != null ? SwapTexts.party(t.taker()) : getTranslation("swapui.anyone");
    }

    private String exchange(SwapRow r) {
        SwapViews.Trade t = r.trade();
        return r.swap().kind() == SwapKind.SWAP ? SwapTexts.shift(this, t.withShift(), t.withDate()) : "—";
    }

    private String to(SwapRow r) {
        SwapViews.Trade t = r.trade();
        if (t.with() != null) {
            return SwapTexts.party(t.with());
        }
        return t.taker() != null ? SwapTexts.party(t.taker()) : getTranslation("swapui.anyone");
    }
}
