package org.switchboard.swaps.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.swaps.Swap;
import org.switchboard.swaps.SwapViews;

/** A trade as the screens list it: the stored facts (who is involved, by id) and how it reads ({@link SwapViews.Trade}). */
record SwapRow(Swap swap, SwapViews.Trade trade) {

    long id() {
        return swap.id();
    }

    static List<SwapRow> of(SwapViews views, List<Swap> swaps, Locale locale) {
        if (swaps.isEmpty()) {
            return List.of();
        }
        List<SwapViews.Trade> trades = views.trades(swaps, locale);
        List<SwapRow> out = new ArrayList<>(swaps.size());
        for (int i = 0; i < swaps.size(); i++) {
            out.add(new SwapRow(swaps.get(i), trades.get(i)));
        }
        return out;
    }
}
