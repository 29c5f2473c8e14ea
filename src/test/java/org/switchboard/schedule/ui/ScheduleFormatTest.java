package org.switchboard.schedule.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScheduleFormatTest {

    @Test
    void aRussianWeekStartsOnMondayAlsoForTheBareLanguageTheSwitcherSets() {
        assertThat(ScheduleFormat.firstDayOfWeek(Locale.forLanguageTag("ru"))).isEqualTo(DayOfWeek.MONDAY);
        assertThat(ScheduleFormat.firstDayOfWeek(Locale.forLanguageTag("ru-RU"))).isEqualTo(DayOfWeek.MONDAY);
        assertThat(ScheduleFormat.firstDayOfWeek(Locale.US)).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(ScheduleFormat.firstDayOfWeek(Locale.UK)).isEqualTo(DayOfWeek.MONDAY);
    }
}
