package org.switchboard.swaps.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import org.switchboard.rostering.ShiftTrades;
import org.switchboard.shared.RuleViolation;
import org.switchboard.swaps.Swaps;

/**
 * "Waiting for approval" (managers and admins): the accepted trades, oldest first, with Approve and Reject (a reason
 * is required); choosing a row shows what approving it would do now: the rules it breaks, the overtime it brings and
 * the projected service level of the affected intervals before and after.
 */
final class WaitingPanel extends Div {

    final Grid<SwapRow> grid = new Grid<>();
    final Div check = new Div();
    final H4 checkTitle = new H4();
    final UnorderedList checkViolations = new UnorderedList();
    final Paragraph checkOk = new Paragraph();
    final Paragraph overtime = new Paragraph();
    final Paragraph serviceLevel = new Paragraph();
    SwapRow current;
    private final Swaps swaps;
    private final SwapActions actions;

    WaitingPanel(Swaps swaps, SwapActions actions) {
        this.swaps = swaps;
        this.actions = actions;
        setWidthFull();
        grid.setId("swap-waiting-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("swapui.waiting.empty"));
        grid.addColumn(SwapRow::id).setHeader(getTranslation("swapui.col.id")).setKey("id").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> SwapTexts.kind(this, r.swap().kind())).setHeader(getTranslation("swapui.col.kind"))
                .setKey("kind").setAutoWidth(true);
        grid.addColumn(r -> SwapTexts.shift(this, r.trade().shift(), null))
                .setHeader(getTranslation("swapui.col.offered")).setKey("offered").setAutoWidth(true);
        grid.addColumn(r -> r.trade().proposer() == null ? getTranslation("swapui.openShift")
                : SwapTexts.party(r.trade().proposer())).setHeader(getTranslation("swapui.col.from")).setKey("from")
                .setAutoWidth(true);
        grid.addColumn(r -> r.trade().withShift() == null && r.trade().withDate() == null ? "—"
                : SwapTexts.shift(this, r.trade().withShift(), r.trade().withDate()))
                .setHeader(getTranslation("swapui.col.exchange")).setKey("exchange").setAutoWidth(true);
        grid.addColumn(r -> SwapTexts.party(r.trade().taker() != null ? r.trade().taker() : r.trade().with()))
                .setHeader(getTranslation("swapui.col.to")).setKey("to").setAutoWidth(true);
        grid.addColumn(r -> waitReason(r)).setHeader(getTranslation("swapui.col.reason")).setKey("reason")
                .setFlexGrow(1);
        grid.addComponentColumn(r -> {
            Button approve = new Button(getTranslation("swapui.button.approve"), e -> actions.approve(r));
            approve.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
            approve.addClassName("swap-approve");
            Button reject = new Button(getTranslation("swapui.button.reject"), e -> actions.reject(r));
            reject.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
            reject.addClassName("swap-reject");
            return new HorizontalLayout(approve, reject);
        }).setHeader(getTranslation("swapui.col.actions")).setKey("actions").setAutoWidth(true);
        grid.addItemClickListener(e -> choose(e.getItem()));
        check.setId("swap-check");
        checkOk.setText(getTranslation("swapui.check.ok"));
        check.add(checkTitle, checkViolations, checkOk, overtime, serviceLevel);
        check.setVisible(false);
        add(grid, check);
    }

    void show(List<SwapRow> rows) {
        grid.setItems(rows);
        if (current != null) {
            current = rows.stream().filter(r -> r.id() == current.id()).findFirst().orElse(null);
        }
        if (current == null) {
            check.setVisible(false);
        }
    }

    /** Why it waits: the last step's words ("Taking the shift means overtime: a manager decides."). */
    private static String waitReason(SwapRow r) {
        var history = r.trade().history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).reason() != null) {
                return history.get(i).reason();
            }
        }
        return r.trade().reason() == null ? "" : r.trade().reason();
    }

    /** Shows what approving the trade would do now. */
    void choose(SwapRow r) {
        current = r;
        checkViolations.removeAll();
        checkTitle.setText(getTranslation("swapui.check.title", String.valueOf(r.id())));
        try {
            ShiftTrades.Check c = swaps.check(r.id(), SwapTexts.locale(this));
            for (RuleViolation v : c.violations()) {
                checkViolations.add(new ListItem(v.message()));
            }
            checkViolations.setVisible(!c.ok());
            checkOk.setVisible(c.ok());
            overtime.setText(getTranslation("swapui.check.overtime", c.overtimeMinutes()));
            serviceLevel.setText(getTranslation("swapui.check.serviceLevel",
                    SwapTexts.percent(this, c.serviceLevelBefore()), SwapTexts.percent(this, c.serviceLevelAfter())));
            check.setVisible(true);
        } catch (RuntimeException e) {
            check.setVisible(false);
            org.switchboard.base.ui.Notifications.error(SwapTexts.refusal(this, e));
        }
    }

    String checkText() {
        return check.isVisible() ? check.getElement().getTextRecursively() : "";
    }
}
