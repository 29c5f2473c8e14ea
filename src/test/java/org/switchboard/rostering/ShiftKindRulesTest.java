package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.shared.ClockTime;

/** Day / evening / night classification and shifts across midnight and daylight-saving changes. */
class ShiftKindRulesTest {

    private final ShiftKindRules rules = ShiftKindRules.DEFAULT;

    @ParameterizedTest(name = "{0} for {1} min is {2}")
    @CsvSource({
        "08:00, 540, DAY",
        "07:00, 540, DAY",
        "11:45, 480, DAY",
        "12:00, 540, EVENING",
        "14:00, 540, EVENING",   // ends 23:00: one hour of night is not a night shift
        "18:00, 240, EVENING",
        "20:00, 300, NIGHT",     // 20:00-01:00: exactly 3 h at night
        "22:00, 540, NIGHT",     // 22:00-07:00, belongs to its start day
        "21:00, 480, NIGHT",     // 21:00-05:00: 7 h at night
        "23:00, 120, NIGHT",     // short shift wholly at night
        "03:00, 480, NIGHT",     // 03:00-11:00: 3 h at night
        "04:00, 480, DAY",       // 04:00-12:00: 2 h at night
    })
    void classifiesShifts(String start, int minutes, ShiftKind expected) {
        assertThat(rules.kindOf(LocalTime.parse(start), Duration.ofMinutes(minutes))).isEqualTo(expected);
    }

    @Test
    void nightWindowIsConfigurable() {
        ShiftKindRules russian = new ShiftKindRules(LocalTime.of(22, 0), LocalTime.of(6, 0), 120, LocalTime.of(12, 0));
        assertThat(russian.kindOf(LocalTime.of(14, 0), Duration.ofHours(10))).isEqualTo(ShiftKind.NIGHT); // 22-24 = 2 h
        assertThat(rules.kindOf(LocalTime.of(14, 0), Duration.ofHours(10))).isEqualTo(ShiftKind.EVENING);
    }

    @Test
    void overlapCountsEveryNightTheSpanTouches() {
        assertThat(ClockTime.overlapMinutes(LocalTime.of(22, 0), Duration.ofHours(9), LocalTime.of(22, 0), LocalTime.of(6, 0)))
                .isEqualTo(8 * 60);
        assertThat(ClockTime.overlapMinutes(LocalTime.of(5, 0), Duration.ofHours(18), LocalTime.of(22, 0), LocalTime.of(6, 0)))
                .isEqualTo(60 + 60);
        assertThat(ClockTime.overlapMinutes(LocalTime.of(9, 0), Duration.ofHours(8), LocalTime.of(22, 0), LocalTime.of(6, 0)))
                .isZero();
    }

    @Test
    void nightShiftBelongsToItsStartDayAndEndsNextMorning() {
        ShiftTemplate night = template(LocalTime.of(22, 0), 9 * 60);
        assertThat(night.endsNextDay()).isTrue();
        assertThat(night.timeLabel()).isEqualTo("22:00–07:00 (+1)");
        ZonedDateTime[] span = night.spanOn(LocalDate.of(2026, 12, 31), ZoneId.of("Europe/Moscow"));
        assertThat(span[0].toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(span[1].toLocalDateTime()).isEqualTo(LocalDate.of(2027, 1, 1).atTime(7, 0));
        assertThat(Duration.between(span[0], span[1])).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void nightShiftAcrossDaylightSavingChangesKeepsItsWallClockTimes() {
        ShiftTemplate night = template(LocalTime.of(22, 0), 9 * 60);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // clocks go forward 02:00 -> 03:00 on 29 March 2026: the night is one hour shorter
        ZonedDateTime[] spring = night.spanOn(LocalDate.of(2026, 3, 28), berlin);
        assertThat(spring[1].toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        assertThat(Duration.between(spring[0], spring[1])).isEqualTo(Duration.ofHours(8));
        // clocks go back 03:00 -> 02:00 on 25 October 2026: the night is one hour longer
        ZonedDateTime[] autumn = night.spanOn(LocalDate.of(2026, 10, 24), berlin);
        assertThat(autumn[1].toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        assertThat(Duration.between(autumn[0], autumn[1])).isEqualTo(Duration.ofHours(10));
        // a shift starting inside the gap is moved forward by the gap, as ZonedDateTime resolves it
        ShiftTemplate early = template(LocalTime.of(2, 30), 4 * 60);
        ZonedDateTime[] gap = early.spanOn(LocalDate.of(2026, 3, 29), berlin);
        assertThat(gap[0].toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(List.of(gap[1].toLocalTime())).containsExactly(LocalTime.of(6, 30));
    }

    @Test
    void paidMinutesLeaveOutUnpaidBreaks() {
        ShiftTemplate day = template(LocalTime.of(8, 0), 9 * 60);
        day.setBreaks(List.of(new ShiftBreak(240, 60, false), new ShiftBreak(120, 15, true)));
        assertThat(day.paidMinutes()).isEqualTo(8 * 60);
        assertThat(day.getBreaks()).extracting(ShiftBreak::offsetMinutes).containsExactly(120, 240);
    }

    static ShiftTemplate template(LocalTime start, int minutes) {
        ShiftTemplate t = new ShiftTemplate();
        t.setCode("T");
        t.setName("Test");
        t.setStartTime(start);
        t.setLengthMinutes(minutes);
        return t;
    }
}
