package org.switchboard.demand;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Test helper: saves a queue open every day between two times, through the service like a planner would. */
public final class TestQueues {

    private TestQueues() {}

    /** A queue open {@code opens}–{@code closes} on all seven days (00:00–00:00 = around the clock). */
    public static Queue save(QueueService queues, String code, Direction direction, String zone, LocalTime opens,
            LocalTime closes) {
        Queue q = new Queue();
        q.setCode(code);
        q.setName("Test " + code);
        q.setDirection(direction);
        q.setTimeZone(zone);
        List<OpeningHours> hours = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            hours.add(new OpeningHours(d, opens, closes));
        }
        q.setOpeningHours(hours);
        return queues.save(q);
    }
}
