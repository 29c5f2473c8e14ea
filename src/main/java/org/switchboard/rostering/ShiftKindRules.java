package org.switchboard.rostering;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.switchboard.shared.ClockTime;

/**
 * How a shift's kind is derived. A shift is a <b>night</b> shift when at least {@code nightMinMinutes} of it
 * fall inside the night window (default 22:00–06:00 and 3 hours, as in the EU Working Time Directive's
 * definition of night work); otherwise it is an <b>evening</b> shift when it starts at or after
 * {@code eveningStart} (default 12:00), else a <b>day</b> shift.
 */
@ConfigurationProperties("switchboard.shifts")
public record ShiftKindRules(
        @DefaultValue("22:00") LocalTime nightStart,
        @DefaultValue("06:00") LocalTime nightEnd,
        @DefaultValue("180") int nightMinMinutes,
        @DefaultValue("12:00") LocalTime eveningStart) {

    public static final ShiftKindRules DEFAULT = new ShiftKindRules(LocalTime.of(22, 0), LocalTime.of(6, 0), 180, LocalTime.of(12, 0));

    public ShiftKind kindOf(LocalTime start, Duration length) {
        long night = nightMinutes(start, length);
        if (night >= Math.min(nightMinMinutes, length.toMinutes())) {
            return ShiftKind.NIGHT;
        }
        return start.isBefore(eveningStart) ? ShiftKind.DAY : ShiftKind.EVENING;
    }

    /** Minutes of the shift inside the night window (wall-clock time). */
    public long nightMinutes(LocalTime start, Duration length) {
        return ClockTime.overlapMinutes(start, length, nightStart, nightEnd);
    }

    /** "22:00–06:00" */
    public String nightWindowLabel() {
        return nightStart + "–" + nightEnd;
    }
}
