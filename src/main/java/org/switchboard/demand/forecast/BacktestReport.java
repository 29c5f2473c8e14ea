package org.switchboard.demand.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * Backtest of the product's method against seasonal-naive: trained on the history before {@code firstDay},
 * forecast {@code firstDay}..{@code lastDay} and compared with what came in.
 *
 * @param queues one line per queue
 * @param total all queues together (WAPE over every interval of every queue)
 * @param skipped queues left out: less than a week of history before the days held out
 */
public record BacktestReport(LocalDate firstDay, LocalDate lastDay, int intervalMinutes, List<Line> queues,
        Line total, List<String> skipped) {

    /** Accuracy of both methods for one queue (or the total). */
    public record Line(String queue, double actualCalls, Accuracy product, Accuracy seasonalNaive) {

        public boolean productBetter() {
            return product.wape() < seasonalNaive.wape();
        }
    }
}
