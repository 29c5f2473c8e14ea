package org.switchboard.demand;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The hours a queue is open on one weekday, in the queue's local time. {@code closes} 00:00 means open until
 * midnight; a weekday without opening hours is closed.
 */
@Table("queue_opening_hours")
public record OpeningHours(Integer dayOfWeek, LocalTime opens, LocalTime closes) {

    public DayOfWeek day() {
        return DayOfWeek.of(dayOfWeek);
    }

    /** Whether weekday, opening and closing time are all given. */
    public boolean isComplete() {
        return dayOfWeek != null && dayOfWeek >= 1 && dayOfWeek <= 7 && opens != null && closes != null;
    }

    public boolean isValid() {
        return isComplete() && (closes.isAfter(opens) || closes.equals(LocalTime.MIDNIGHT));
    }

    public boolean roundTheClock() {
        return opens.equals(LocalTime.MIDNIGHT) && closes.equals(LocalTime.MIDNIGHT);
    }
}
