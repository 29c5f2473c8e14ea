package org.switchboard.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.switchboard.operators.AvailabilityEntry;
import org.switchboard.operators.AvailabilityService;
import org.switchboard.operators.NewWish;
import org.switchboard.operators.PreferredShift;
import org.switchboard.operators.WishPeriod;
import org.switchboard.operators.WishPeriods;
import org.switchboard.operators.WishService;
import org.switchboard.operators.WishType;

/**
 * The demo operators who choose their schedule: two part-time students on Borealis who never work before 14:00 on
 * weekdays (E1031, E1032), a parent on Borealis who works no evenings on weekdays (until 18:00, E1020), and a night
 * operator on Owls on the flexible contract who prefers nights for the premium (E1061); and one wish period of four
 * weeks from the next Monday at least three days ahead, open until 18:00 on the Saturday before, with a day-off wish
 * of each student. All set as planners' entries (the demo has no logins for them). Every restriction leaves the
 * contracts' hours reachable.
 */
final class DemoAvailability {

    private static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private DemoAvailability() {}

    static void seed(AvailabilityService availability, WishService wishes, WishPeriods periods, Clock clock,
            ZoneId zone) {
        for (String student : List.of("E1031", "E1032")) {
            availability.override(student, List.of(AvailabilityEntry.of(WEEKDAYS, true, LocalTime.of(14, 0), null,
                    null, null, "Student: lectures in the morning")));
        }
        availability.override("E1020", List.of(AvailabilityEntry.of(WEEKDAYS, true, null, LocalTime.of(18, 0), null,
                null, "Parent: picks the children up in the evening")));

        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate start = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        if (ChronoUnit.DAYS.between(today, start) < 3) {
            start = start.plusWeeks(1);
        }
        WishPeriod period = periods.create(start, start.plusDays(27),
                start.minusDays(2).atTime(18, 0).atZone(zone).toInstant());
        wishes.addFor("E1061", new NewWish(WishType.SHIFT_KIND, null, PreferredShift.NIGHT, period.id(),
                "Night premium"));
        wishes.addFor("E1031", new NewWish(WishType.DAY_OFF, start.plusDays(10), null, null, "Exam"));
        wishes.addFor("E1032", new NewWish(WishType.DAY_OFF, start.plusDays(18), null, null, null));
    }
}
