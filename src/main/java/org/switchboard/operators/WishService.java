package org.switchboard.operators;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.CurrentUser;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Violations;

/**
 * Operators' wishes for wish periods (see {@link WishPeriods}): days off and preferred shift kinds. An operator adds
 * and removes their own until the period's deadline; after it they are refused (409 with the deadline), while
 * planners (and admins) still change anyone's. Managers read.
 */
@Service
@Transactional
public class WishService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final AvailabilityStore store;
    private final OperatorService operators;
    private final AvailabilityService availability;
    private final CurrentUser user;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    WishService(AvailabilityStore store, OperatorService operators, AvailabilityService availability, CurrentUser user,
            org.springframework.context.ApplicationEventPublisher events, Optional<Clock> clock) {
        this.events = events;
        this.store = store;
        this.operators = operators;
        this.availability = availability;
        this.user = user;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The signed-in operator's wishes dated in [from, to] (null = open), with the periods that have not ended. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public MyWishes mine(LocalDate from, LocalDate to) {
        Operator me = me();
        return withPeriods(me, store.wishes(List.of(me.getId()), from, to));
    }

    /** Adds a wish of the signed-in operator; refused after the period's deadline. */
    @PreAuthorize(Roles.SIGNED_IN)
    public Wish addMine(NewWish wish) {
        Operator me = me();
        return add(me, wish, SetBy.OPERATOR);
    }

    /** Removes a wish of the signed-in operator (404 for anyone else's); refused after the period's deadline. */
    @PreAuthorize(Roles.SIGNED_IN)
    public void deleteMine(long id) {
        Operator me = me();
        // a wish a planner entered for the operator is the planner's to remove
        Wish w = store.wish(id).filter(x -> x.operatorId() == me.getId() && x.setBy() == SetBy.OPERATOR)
                .orElseThrow(() -> new NotFoundException("Wish", id));
        WishPeriod period = store.period(w.periodId()).orElseThrow();
        checkOpen(period, me.zone());
        store.deleteWish(id);
        events.publishEvent(new OperatorChanged(me.getId(), me.getTeamId()));
    }

    /** The wishes of the operator with this employee number, as {@link #mine} for them. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public MyWishes of(String employeeNumber, LocalDate from, LocalDate to) {
        Operator o = availability.byNumber(employeeNumber);
        return withPeriods(o, store.wishes(List.of(o.getId()), from, to));
    }

    /** A planner adds a wish for an operator, deadline or not. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public Wish addFor(String employeeNumber, NewWish wish) {
        return add(availability.byNumber(employeeNumber), wish, SetBy.PLANNER);
    }

    /** A planner removes an operator's wish, deadline or not. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void deleteFor(String employeeNumber, long id) {
        Operator o = availability.byNumber(employeeNumber);
        store.wish(id).filter(x -> x.operatorId() == o.getId()).orElseThrow(() -> new NotFoundException("Wish", id));
        store.deleteWish(id);
        events.publishEvent(new OperatorChanged(o.getId(), o.getTeamId()));
    }

    /** The wishes of the operators (null = all) dated in [from, to], or for a whole period overlapping it. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<Wish> wishes(Collection<Long> operatorIds, LocalDate from, LocalDate to) {
        return store.wishes(operatorIds, from, to);
    }

    private Wish add(Operator o, NewWish w, SetBy setBy) {
        Violations v = Violations.none();
        v.check(w == null || w.type() == null, "type", Text.of("error.wish.type"));
        v.throwIfAny();
        v.check(w.type() == WishType.DAY_OFF && w.date() == null, "date", Text.of("error.wish.date"));
        v.check(w.type() == WishType.DAY_OFF && w.kind() != null, "kind", Text.of("error.wish.kindOnDayOff"));
        v.check(w.type() == WishType.SHIFT_KIND && w.kind() == null, "kind", Text.of("error.wish.kind"));
        v.check(w.note() != null && w.note().length() > 500, "note", Text.of("error.common.maxChars", 0, 500));
        v.throwIfAny();
        WishPeriod period = period(w);
        if (setBy == SetBy.OPERATOR) {
            checkOpen(period, o.zone());
        }
        if (store.wishExists(o.getId(), period.id(), w.type(), w.date(), w.kind())) {
            throw new ConflictException(Text.of("error.wish.duplicate"));
        }
        long id = store.insertWish(o.getId(), period.id(), w, setBy, user.name(), clock.instant());
        // drafts planning the operator were solved without the wish
        events.publishEvent(new OperatorChanged(o.getId(), o.getTeamId()));
        return store.wish(id).orElseThrow();
    }

    /** The period of a new wish: the one holding its date, else the one named, else the only open one. */
    private WishPeriod period(NewWish w) {
        List<WishPeriod> periods = store.periods();
        if (w.date() != null) {
            WishPeriod p = periods.stream().filter(x -> x.contains(w.date())).findFirst().orElseThrow(
                    () -> ValidationFailedException.of("date", Text.of("error.wish.noPeriod", w.date())));
            if (w.periodId() != null && w.periodId() != p.id()) {
                throw ValidationFailedException.of("periodId", Text.of("error.wish.otherPeriod", w.date()));
            }
            return p;
        }
        if (w.periodId() != null) {
            return periods.stream().filter(x -> x.id() == w.periodId()).findFirst()
                    .orElseThrow(() -> new NotFoundException("Wish period", w.periodId()));
        }
        Instant now = clock.instant();
        List<WishPeriod> open = periods.stream().filter(p -> p.openAt(now)).toList();
        if (open.size() != 1) {
            throw ValidationFailedException.of("periodId", Text.of("error.wish.whichPeriod"));
        }
        return open.getFirst();
    }

    /** 409 once the period's deadline has passed (the deadline in the operator's zone). */
    private void checkOpen(WishPeriod period, ZoneId zone) {
        if (!period.openAt(clock.instant())) {
            var at = period.deadline().atZone(zone);
            throw new ConflictException(Text.of("error.wish.closed", period.startDate(), period.endDate(),
                    at.toLocalDate(), TIME.format(at)));
        }
    }

    private MyWishes withPeriods(Operator o, List<Wish> wishes) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, o.zone());
        List<MyWishes.Period> periods = store.periods().stream().filter(p -> !p.endDate().isBefore(today))
                .map(p -> new MyWishes.Period(p, p.openAt(now))).toList();
        return new MyWishes(wishes, periods);
    }

    private Operator me() {
        return operators.mine().orElseThrow(AvailabilityService::notLinked);
    }
}
