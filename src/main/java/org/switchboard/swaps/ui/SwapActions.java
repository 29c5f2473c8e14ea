package org.switchboard.swaps.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.function.Function;
import org.switchboard.swaps.Swap;
import org.switchboard.swaps.SwapStatus;
import org.switchboard.swaps.SwapViews;
import org.switchboard.swaps.Swaps;

/**
 * Carries out the steps of the board on one trade (accept, decline, cancel, approve, reject with a reason) through
 * {@link Swaps}, tells the reader what became of it in {@link Outcome} (a refusal in plain words: the rules it breaks,
 * a 409 when someone else was quicker or it expired) and refreshes the board.
 */
final class SwapActions {

    SwapRejectDialog rejectDialog;
    private final Component owner;
    private final Swaps swaps;
    private final SwapViews views;
    private final Outcome outcome;
    private final Runnable changed;

    SwapActions(Component owner, Swaps swaps, SwapViews views, Outcome outcome, Runnable changed) {
        this.owner = owner;
        this.swaps = swaps;
        this.views = views;
        this.outcome = outcome;
        this.changed = changed;
    }

    void accept(SwapRow row) {
        run(row, "swapui.do.accept", s -> swaps.accept(s, SwapTexts.locale(owner)), true);
    }

    void decline(SwapRow row) {
        run(row, "swapui.do.decline", s -> swaps.decline(s, SwapTexts.locale(owner)), false);
    }

    void cancel(SwapRow row) {
        run(row, "swapui.do.cancel", s -> swaps.cancel(s, SwapTexts.locale(owner)), false);
    }

    void approve(SwapRow row) {
        run(row, "swapui.do.approve", s -> swaps.approve(s, SwapTexts.locale(owner)), false);
    }

    /** Asks for the reason (required), then rejects. */
    void reject(SwapRow row) {
        rejectDialog = new SwapRejectDialog(owner.getTranslation("swapui.reject.what", String.valueOf(row.id()),
                SwapTexts.kind(owner, row.swap().kind()), SwapTexts.shift(owner, row.trade().shift(), null)),
                reason -> run(row, "swapui.do.reject", s -> swaps.reject(s, reason, SwapTexts.locale(owner)), false));
        rejectDialog.open();
    }

    private void run(SwapRow row, String actionKey, Function<Long, Swap> step, boolean accepting) {
        String what = owner.getTranslation(actionKey, String.valueOf(row.id()));
        try {
            Swap done = step.apply(row.id());
            outcome.done(result(done, accepting));
        } catch (RuntimeException e) {
            outcome.refused(owner.getTranslation("swapui.refused", what), SwapTexts.refusals(owner, e));
        }
        changed.run();
    }

    /** "Swap 12: approved automatically – the shift is yours." or "… waiting for a manager: <why>". */
    private String result(Swap done, boolean accepting) {
        String id = String.valueOf(done.id());
        if (accepting && done.status() == SwapStatus.APPROVED) {
            return owner.getTranslation("swapui.result.autoApproved", id);
        }
        if (accepting && done.status() == SwapStatus.ACCEPTED) {
            List<SwapViews.Step> history = views.trade(done, SwapTexts.locale(owner)).history();
            String why = history.isEmpty() || history.getLast().reason() == null ? "" : history.getLast().reason();
            return owner.getTranslation("swapui.result.waiting", id, why).strip();
        }
        return owner.getTranslation("swapui.result.status", id, SwapTexts.status(owner, done.status()));
    }
}
