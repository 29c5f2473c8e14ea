package org.switchboard.shared;

import java.time.Duration;
import java.time.LocalTime;

/** Arithmetic on wall-clock times of day, where a window may wrap past midnight (22:00–06:00). */
public final class ClockTime {

    public static final int MINUTES_PER_DAY = 24 * 60;

    private ClockTime() {}

    public static int minuteOfDay(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    /**
     * Minutes that the span starting at {@code start} and lasting {@code length} shares with the daily
     * window from {@code windowStart} to {@code windowEnd} (wrapping past midnight when end ≤ start; a
     * window with start == end covers the whole day). Wall-clock arithmetic: a span may run into the next
     * day(s) and meets the window every day it touches.
     */
    public static long overlapMinutes(LocalTime start, Duration length, LocalTime windowStart, LocalTime windowEnd) {
        long s = minuteOfDay(start);
        long e = s + length.toMinutes();
        long ws = minuteOfDay(windowStart);
        long we = minuteOfDay(windowEnd);
        if (we <= ws) {
            we += MINUTES_PER_DAY;
        }
        long total = 0;
        // the window recurs daily; check occurrences starting the day before through the days the span touches
        for (long dayOffset = -MINUTES_PER_DAY; dayOffset <= e; dayOffset += MINUTES_PER_DAY) {
            long from = Math.max(s, ws + dayOffset);
            long to = Math.min(e, we + dayOffset);
            if (to > from) {
                total += to - from;
            }
        }
        return total;
    }
}
