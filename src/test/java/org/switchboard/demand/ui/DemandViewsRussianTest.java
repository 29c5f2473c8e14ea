package org.switchboard.demand.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.TestQueues;

/** A Russian reader reads the demand screens in Russian, with Russian dates, numbers and percentages. */
@SpringBootTest
@Transactional
@WithMockUser(username = "planner", roles = "PLANNER")
class DemandViewsRussianTest extends SpringBrowserlessTest {

    @Autowired
    QueueService queues;

    Queue queue;

    @BeforeEach
    void russian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        queue = queues.findByCode("RU-VIEW").orElseGet(() -> TestQueues.save(queues, "RU-VIEW", Direction.INBOUND,
                "Europe/Moscow", LocalTime.of(8, 0), LocalTime.of(20, 0)));
    }

    @Test
    void forecastInRussianWithAMondayFirstCalendar() {
        ForecastView view = navigate(ForecastView.class);
        assertThat(view.getPageTitle()).isEqualTo("Прогноз");
        assertThat(view.createForecast.getText()).isEqualTo("Построить прогноз");
        assertThat(view.bar.queue.getLabel()).isEqualTo("Очередь");
        assertThat(view.forecastFrom.getLabel()).isEqualTo("Первый день");
        assertThat(view.forecastFrom.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(view.forecastFrom.getI18n().getDateFormats()).containsExactly("dd.MM.yyyy");
        assertThat(view.bar.day.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        view.bar.queue.setValue(queue);
        view.bar.day.setValue(LocalDate.of(2026, 12, 7));
        assertThat(view.chart.series()).extracting(s -> s.label())
                .containsExactly("История", "Прогноз", "Скорректированный прогноз");
        // chart labels of a week: Russian day and month names, 24-hour times
        assertThat(view.bar.label(LocalDate.of(2026, 12, 7).atTime(18, 30).atZone(java.time.ZoneId.of("Europe/Moscow"))
                .toInstant())).isEqualTo("пн 7 дек. 18:30");
        assertThat(view.summary.getText()).startsWith("07.12.2026 – 13.12.2026: история").contains("ещё не импортирована");
    }

    @Test
    void requirementsInRussian() {
        RequirementsView view = navigate(RequirementsView.class);
        assertThat(view.getPageTitle()).isEqualTo("Потребность в персонале");
        view.bar.queue.setValue(queue);
        view.bar.day.setValue(LocalDate.of(2030, 1, 7));
        assertThat(view.chart.series()).extracting(s -> s.label())
                .containsExactly("Операторов на линии", "Позиций (с учётом потерь)");
        assertThat(view.summary.getText()).startsWith("На эти дни потребностей нет");
        assertThat(view.grid.getColumns().getFirst().getHeaderText()).isEqualTo("Интервал");
    }

    @Test
    void importInRussianWithTheDetectedLength() {
        HistoryImportView view = navigate(HistoryImportView.class);
        assertThat(view.importButton.getText()).isEqualTo("Импортировать");
        assertThat(view.fileInfo.getText()).startsWith("Выберите файл CSV");
        assertThat(view.upload.getI18n().getAddFiles().getOne()).isEqualTo("Выбрать файл…");
        view.load("ru.csv", "interval_start,queue,offered\n2026-03-03T08:00,RU-VIEW,1\n2026-03-03T08:15,RU-VIEW,1\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(view.fileInfo.getText()).isEqualTo(
                "ru.csv: строк 2, столбцы interval_start, queue, offered; прочитан как UTF-8 (только символы ASCII)");
        assertThat(view.intervalMinutes.getValue()).isEqualTo(15);
        assertThat(view.intervalMinutes.getHelperText()).isEqualTo("определено по файлу: 15 мин");
        assertThat(view.intervalMinutes.getLabel()).isEqualTo("Длина интервала");
        test(view.importButton).click();
        assertThat(view.result.getText()).startsWith("Импортирован ru.csv: прочитано строк 2")
                .endsWith("дни с 03.03.2026 по 03.03.2026.");
    }

    @Test
    void erlangInRussianWithPercentagesAsPercentages() {
        ErlangCalculatorView view = navigate(ErlangCalculatorView.class);
        assertThat(view.calculate.getText()).isEqualTo("Рассчитать");
        test(view.calculate).click();
        assertThat(view.answer.getText()).startsWith("Операторов на линии: 14, позиций в расписание: 20; уровень сервиса ")
                .matches(".*уровень сервиса \\d+,\\d %.*");
        view.serviceLevel.setValue(100.0);
        test(view.calculate).click();
        assertThat(view.serviceLevel.getErrorMessage()).startsWith("100 % недостижимо: пока звонки поступают");
        view.serviceLevel.setValue(80.0);
        view.shrinkage.setValue(92.5);
        test(view.calculate).click();
        assertThat(view.shrinkage.getErrorMessage()).isEqualTo("92,5 % — вне допустимого диапазона: введите от 0 % до 90 %");
        assertThat(view.answer.getText()).isEqualTo("Проверьте выделенные поля.");
    }

    @Test
    void queuesInRussian() {
        QueuesView queuesView = navigate(QueuesView.class);
        assertThat(queuesView.getPageTitle()).isEqualTo("Очереди");
        var grid = test(queuesView.crud.grid());
        int row = -1;
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).getCode().equals("RU-VIEW")) {
                row = i;
            }
        }
        assertThat(grid.getCellText(row, 2)).isEqualTo("Входящая");
        assertThat(grid.getCellText(row, 7)).startsWith("пн–");
        assertThat(grid.getCellText(row, 4)).endsWith(" с").contains(" за ");

    }
}
