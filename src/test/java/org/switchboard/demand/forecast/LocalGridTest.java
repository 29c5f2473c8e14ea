package org.switchboard.demand.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local grid across both daylight-saving changes and an ordinary midnight. */
class LocalGridTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void springDayHas46HalfHoursAndNo0200() {
        List<LocalGrid.Slot> slots = LocalGrid.slotsOf(LocalDate.of(2026, 3, 29), BERLIN, 30);
        assertThat(slots).hasSize(46);
        assertThat(slots).extracting(LocalGrid.Slot::slot).doesNotContain(4, 5).startsWith(0, 1, 2, 3, 6, 7);
    }

    @Test
    void autumnDayHas50HalfHoursWithTheRepeatedHourTwice() {
        List<LocalGrid.Slot> slots = LocalGrid.slotsOf(LocalDate.of(2026, 10, 25), BERLIN, 30);
        assertThat(slots).hasSize(50);
        assertThat(slots).extracting(LocalGrid.Slot::slot).startsWith(0, 1, 2, 3, 4, 5, 4, 5, 6);
        assertThat(slots.get(4).start()).isEqualTo(LocalDateTime.of(2026, 10, 25, 2, 0).toInstant(ZoneOffset.ofHours(2)));
        assertThat(slots.get(6).start()).isEqualTo(LocalDateTime.of(2026, 10, 25, 2, 0).toInstant(ZoneOffset.ofHours(1)));
    }

    @Test
    void ordinaryDayEndsAtLocalMidnightAndTheNightBelongsToTheNextDay() {
        List<LocalGrid.Slot> slots = LocalGrid.slotsOf(LocalDate.of(2026, 11, 30), BERLIN, 15);
        assertThat(slots).hasSize(96);
        assertThat(slots.get(95).start().plusSeconds(900)).isEqualTo(LocalGrid.startOfDay(LocalDate.of(2026, 12, 1), BERLIN));
    }

    @Test
    void historyOfTheRepeatedHourIsAveragedIntoItsSlotAndOtherDaysStaySeparate() {
        LocalGrid.Builder grid = new LocalGrid.Builder(LocalDate.of(2026, 10, 24), 2, 30, BERLIN);
        List<LocalGrid.Slot> autumn = LocalGrid.slotsOf(LocalDate.of(2026, 10, 25), BERLIN, 30);
        grid.add(autumn.get(4).start(), 10, 10, 200.0); // 02:00 CEST
        grid.add(autumn.get(6).start(), 20, 20, 300.0); // 02:00 CET
        grid.add(LocalDateTime.of(2026, 10, 24, 23, 30).atZone(BERLIN).toInstant(), 7, null, null);
        IntervalSeries s = grid.build();
        assertThat(s.calls()[48 + 4]).isEqualTo(15.0);
        assertThat(s.ahtSeconds()[48 + 4]).isCloseTo(266.67, org.assertj.core.api.Assertions.within(0.01));
        assertThat(s.calls()[47]).isEqualTo(7.0);
        assertThat(Double.isNaN(s.ahtSeconds()[47])).isTrue();
    }
}
