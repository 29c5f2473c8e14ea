package org.switchboard.schedule;

import java.time.ZoneId;

/** The operator whose schedule is shown: the one linked to the signed-in user. */
public record ScheduleOwner(long operatorId, String employeeNumber, String name, ZoneId zone) {
}
