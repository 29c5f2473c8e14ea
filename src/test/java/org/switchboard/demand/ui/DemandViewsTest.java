package org.switchboard.demand.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.Direction;
import org.switchboard.demand.TestQueues;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.forecast.AdjustmentKind;
import org.springframework.beans.factory.annotation.Autowired;

/** The demand screens in a row: import a file, forecast, adjust, see requirements; the Erlang calculator. */
@SpringBootTest
@Transactional
class DemandViewsTest extends SpringBrowserlessTest {

    @Autowired
    QueueService queues;

    static byte[] history() {
        StringBuilder csv = new StringBuilder("when;line;calls;aht\n");
        LocalDate first = LocalDate.of(2026, 6, 1);
        for (int d = 0; d < 21; d++) {
            for (int s = 16; s < 40; s++) {
                csv.append(first.plusDays(d).atTime(s / 2, s % 2 * 30)).append(';').append("Moscow line").append(';')
                        .append(10 + (s % 7)).append(';').append("190,5").append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void importForecastAdjustAndSeeRequirements() {
        Queue q = TestQueues.save(queues, "VIEW-Q", Direction.INBOUND, "Europe/Moscow", LocalTime.of(8, 0), LocalTime.of(20, 0));

        HistoryImportView importView = navigate(HistoryImportView.class);
        importView.load("view-history.csv", history());
        assertThat(importView.fileInfo.getText()).contains("504 rows").contains("when, line, calls, aht");
        assertThat(importView.preview.getColumns()).hasSize(4);
        // no standard names: map the columns by hand, like a planner would
        importView.columns.get(org.switchboard.demand.history.HistoryField.START).setValue("when");
        importView.columns.get(org.switchboard.demand.history.HistoryField.QUEUE).setValue("line");
        importView.columns.get(org.switchboard.demand.history.HistoryField.OFFERED).setValue("calls");
        importView.columns.get(org.switchboard.demand.history.HistoryField.AHT).setValue("aht");
        // the file says "Moscow line": without a queue chosen for it the import is refused with line and column
        test(importView.importButton).click();
        assertThat(importView.result.getText()).startsWith("Nothing was imported");
        assertThat(test(importView.problems).getRow(0).toString()).contains("line 2, column line: No queue has the code \"Moscow line\"");
        importView.queueChoices.get("Moscow line").setValue("VIEW-Q");
        test(importView.importButton).click();
        assertThat(importView.result.getText()).contains("504 intervals written (VIEW-Q 504)");
        assertThat(test(importView.imports).getRow(0).fileName()).isEqualTo("view-history.csv");

        ForecastView forecast = navigate(ForecastView.class);
        forecast.bar.queue.setValue(q);
        assertThat(forecast.forecastFrom.getValue()).isEqualTo(LocalDate.of(2026, 6, 22));
        forecast.forecastWeeks.setValue(2);
        test(forecast.createForecast).click();
        assertThat(forecast.bar.day.getValue()).isEqualTo(LocalDate.of(2026, 6, 22));
        assertThat(forecast.chart.series()).extracting(s -> s.label())
                .containsExactly("History", "Forecast", "Adjusted forecast");
        assertThat(forecast.chart.configJson()).contains("\"Adjusted forecast\"");
        assertThat(forecast.summary.getText()).contains("forecast 2,184, adjusted 2,184"); // the history repeats daily

        forecast.adjustFrom.setValue(LocalDateTime.of(2026, 6, 23, 8, 0));
        forecast.adjustTo.setValue(LocalDateTime.of(2026, 6, 23, 20, 0));
        forecast.adjustKind.setValue(AdjustmentKind.SCALE);
        forecast.adjustAmount.setValue(25.0);
        test(forecast.addAdjustment).click();
        assertThat(forecast.adjustNote.isInvalid()).isTrue(); // a reason is required
        forecast.adjustNote.setValue("Tariff change letters");
        test(forecast.addAdjustment).click();
        assertThat(test(forecast.adjustments).size()).isEqualTo(1);
        assertThat(test(forecast.adjustments).getRow(0).describe()).isEqualTo("+25 %");

        RequirementsView reqs = navigate(RequirementsView.class);
        reqs.bar.queue.setValue(q);
        reqs.bar.span.setValue(QueuePeriodBar.DAY);
        reqs.bar.day.setValue(LocalDate.of(2026, 6, 23));
        assertThat(test(reqs.grid).size()).isEqualTo(48);
        assertThat(reqs.summary.getText()).contains("48 intervals");
        assertThat(reqs.chart.series()).extracting(s -> s.label()).containsExactly("Agents", "Positions (with shrinkage)");
        int busy = test(reqs.grid).getRow(20).agents();
        reqs.bar.day.setValue(LocalDate.of(2026, 6, 24));
        assertThat(test(reqs.grid).getRow(20).agents()).isLessThanOrEqualTo(busy);
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void calculatorAnswersAndShowsReasons() {
        ErlangCalculatorView view = navigate(ErlangCalculatorView.class);
        test(view.calculate).click();
        assertThat(view.answer.getText()).startsWith("14 agents on the phones, 20 positions to schedule");
        assertThat(test(view.around).size()).isEqualTo(6);
        view.shrinkage.setValue(120.0);
        view.aht.setValue(null);
        test(view.calculate).click();
        assertThat(view.aht.isInvalid()).isTrue();
        assertThat(view.aht.getErrorMessage()).isEqualTo("Required");
        view.aht.setValue(180.0);
        test(view.calculate).click();
        assertThat(view.shrinkage.isInvalid()).isTrue();
        assertThat(view.shrinkage.getErrorMessage()).isEqualTo("120 % is out of range: enter 0 % to 90 %");
        assertThat(view.around.isVisible()).isFalse();
        // 100 % is said as a percentage ("1.0 cannot be reached" before)
        view.shrinkage.setValue(30.0);
        view.serviceLevel.setValue(100.0);
        test(view.calculate).click();
        assertThat(view.serviceLevel.getErrorMessage()).isEqualTo("100 % cannot be reached: while calls arrive some callers "
                + "always wait longer than 20 s, whatever the number of agents. Use at most 99.9 %.");
    }
}
