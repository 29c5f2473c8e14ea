package org.switchboard.rostering;

import java.time.LocalTime;

/**
 * A planner's edit of one operator's day in a draft roster: a shift (template, start, queue) or a day off.
 *
 * @param shiftTemplate the template's code (ignored for a day off)
 * @param start the local start time; one of the template's starts (null: its only start)
 * @param queue the queue's code; null = the operator's best skill among the roster's queues
 */
public record DayEdit(String shiftTemplate, LocalTime start, String queue, boolean dayOff) {

    public static DayEdit off() {
        return new DayEdit(null, null, null, true);
    }
}
