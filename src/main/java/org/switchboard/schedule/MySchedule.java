package org.switchboard.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.rostering.PublishedSchedule;
import org.switchboard.rostering.PublishedSchedule.Break;
import org.switchboard.rostering.PublishedSchedule.PublishedShift;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * The signed-in user's own published shifts: any signed-in user linked to an operator record reads that operator's
 * shifts, and nobody else's. Times are in the operator's time zone (the site's).
 */
@Service
public class MySchedule {

    /** The longest range one request may ask for. */
    public static final int MAX_DAYS = 366;
    /** The default range: this week and the next four. */
    public static final int DEFAULT_WEEKS = 5;

    private final OperatorService operators;
    private final PublishedSchedule published;
    private final Clock clock;

    MySchedule(OperatorService operators, PublishedSchedule published, Optional<Clock> clock) {
        this.operators = operators;
        this.published = published;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The operator linked to the signed-in user, if any. */
    @PreAuthorize(Roles.SIGNED_IN)
    public Optional<ScheduleOwner> owner() {
        return operators.mine().map(MySchedule::owner);
    }

    /** The signed-in user's published shifts dated from {@code from} to {@code to} (inclusive). */
    @PreAuthorize(Roles.SIGNED_IN)
    public List<ScheduledShift> shifts(LocalDate from, LocalDate to) {
        checkRange(from, to);
        ScheduleOwner me = owner().orElseThrow(MySchedule::notLinked);
        return shiftsOf(me, from, to);
    }

    /** Today in the given zone. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The Monday of this week in the zone (ISO weeks: the API's default range starts there). */
    public LocalDate thisMonday(ZoneId zone) {
        return today(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static NotLinked notLinked() {
        return new NotLinked();
    }

    /** The signed-in user has no operator record (answered 404 by the API, with this reason). */
    static final class NotLinked extends NotFoundException {
        NotLinked() {
            super(Text.of("error.schedule.notLinked"));
        }
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw ValidationFailedException.of(from == null ? "from" : "to", Text.of("error.schedule.dateMissing"));
        }
        if (to.isBefore(from)) {
            throw ValidationFailedException.of("to", Text.of("error.schedule.order", to, from));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw ValidationFailedException.of("to", Text.of("error.schedule.tooLong", String.valueOf(MAX_DAYS), String.valueOf(days)));
        }
    }

    /** The owner's shifts without a role check (the feed, which its token authorises). */
    List<ScheduledShift> shiftsOf(ScheduleOwner owner, LocalDate from, LocalDate to) {
        ZoneId zone = owner.zone();
        return published.shifts(owner.operatorId(), from, to).stream().map(s -> shift(s, zone)).toList();
    }

    private ScheduledShift shift(PublishedShift s, ZoneId zone) {
        Break b = s.mainBreak();
        return new ScheduledShift(s.date(), s.start().atZone(zone), s.end().atZone(zone), s.queueCode(), s.queueName(),
                s.templateCode(), s.templateName(), b == null ? null : b.start().atZone(zone),
                b == null ? null : b.end().atZone(zone), published.kindOf(s, zone), s.paidMinutes());
    }

    static ScheduleOwner owner(Operator o) {
        return new ScheduleOwner(o.getId(), o.getEmployeeNumber(), o.getFirstName() + " " + o.getLastName(), o.zone());
    }
}
