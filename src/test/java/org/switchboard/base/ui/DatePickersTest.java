package org.switchboard.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Dates as the reader writes them: 06.12.2026 and Monday first for a Russian reader. */
@SpringBootTest
class DatePickersTest extends SpringBrowserlessTest {

    @Test
    void aRussianReaderGetsRussianWordsMondayFirstAndDayMonthYear() {
        DatePicker picker = DatePickers.localize(new DatePicker(), Locale.forLanguageTag("ru-RU"));
        DatePicker.DatePickerI18n i18n = picker.getI18n();
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(i18n.getDateFormats()).containsExactly("dd.MM.yyyy");
        assertThat(i18n.getMonthNames()).startsWith("Январь", "Февраль");
        assertThat(i18n.getWeekdaysShort()).startsWith("Вс", "Пн");
        assertThat(i18n.getToday()).isEqualTo("Сегодня");
        assertThat(picker.getLocale().getLanguage()).isEqualTo("ru");
    }

    @Test
    void anEnglishReaderGetsMondayFirstWithEnglishWords() {
        DatePicker picker = DatePickers.localize(new DatePicker(), Locale.US);
        assertThat(picker.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(picker.getI18n().getMonthNames()).isNull();
        assertThat(picker.getLocale().getLanguage()).isEqualTo("en");
    }

    @Test
    void datesAndTimesInTheReadersFormat() {
        ZonedDateTime t = ZonedDateTime.of(LocalDate.of(2026, 12, 6).atTime(14, 30), ZoneId.of("Europe/Moscow"));
        assertThat(Languages.date(Translations.RUSSIAN).format(t)).isEqualTo("06.12.2026");
        assertThat(Languages.dateTime(Translations.RUSSIAN).format(t)).startsWith("06.12.2026 14:30 ");
        assertThat(Languages.date(Locale.ENGLISH).format(t)).isEqualTo("2026-12-06");
    }
}
