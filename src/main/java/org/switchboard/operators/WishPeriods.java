package org.switchboard.operators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.CurrentUser;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.Violations;

/**
 * Wish periods: planners (and admins) set a period's dates and the deadline until which operators may state their
 * wishes for it; managers read. Periods do not overlap (checked here, and by an exclusion constraint in the
 * database). Deleting a period deletes its wishes.
 */
@Service
@Transactional
public class WishPeriods {

    /** The longest period (as a roster: six weeks). */
    public static final int MAX_DAYS = 42;

    private final AvailabilityStore store;
    private final CurrentUser user;

    WishPeriods(AvailabilityStore store, CurrentUser user) {
        this.store = store;
        this.user = user;
    }

    /** Every period, first first. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<WishPeriod> list() {
        return store.periods();
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public WishPeriod create(LocalDate start, LocalDate end, Instant deadline) {
        check(null, start, end, deadline);
        return store.period(store.insertPeriod(start, end, deadline, user.name())).orElseThrow();
    }

    /** Changes a period's dates or deadline (e.g. reopens it for late wishes). */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public WishPeriod update(long id, LocalDate start, LocalDate end, Instant deadline) {
        store.period(id).orElseThrow(() -> new NotFoundException("Wish period", id));
        check(id, start, end, deadline);
        store.updatePeriod(id, start, end, deadline);
        return store.period(id).orElseThrow();
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void delete(long id) {
        if (store.deletePeriod(id) == 0) {
            throw new NotFoundException("Wish period", id);
        }
    }

    private void check(Long id, LocalDate start, LocalDate end, Instant deadline) {
        Violations.none()
                .check(start == null, "startDate", Text.of("error.wishPeriod.startDate"))
                .check(end == null, "endDate", Text.of("error.wishPeriod.endDate"))
                .check(deadline == null, "deadline", Text.of("error.wishPeriod.deadline"))
                .check(start != null && end != null && end.isBefore(start), "endDate",
                        Text.of("error.wishPeriod.order", end, start))
                .check(start != null && end != null && ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS, "endDate",
                        Text.of("error.wishPeriod.tooLong", MAX_DAYS))
                .throwIfAny();
        for (WishPeriod p : store.periods()) {
            if ((id == null || p.id() != id) && !p.startDate().isAfter(end) && !p.endDate().isBefore(start)) {
                throw new ConflictException(Text.of("error.wishPeriod.overlap", p.startDate(), p.endDate()));
            }
        }
    }
}
