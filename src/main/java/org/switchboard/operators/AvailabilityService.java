package org.switchboard.operators;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.CurrentUser;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.RequestDates;
import org.switchboard.shared.Text;
import org.switchboard.shared.Violations;

/**
 * Operators' recurring availability (see {@link AvailabilityEntry}). An operator keeps their own rows; a planner (or
 * admin) keeps override rows for any operator, stored apart ({@link SetBy#PLANNER}): on a date where one of the
 * planner's rows applies, only the planner's rows count, so the override wins and both stay visible. Managers read.
 * Rows that apply to one date all restrict it: the latest "from", the earliest "until", not available if any says so.
 */
@Service
@Transactional
public class AvailabilityService {

    private final AvailabilityStore store;
    private final OperatorService operators;
    private final OperatorRepository repository;
    private final CurrentUser user;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    AvailabilityService(AvailabilityStore store, OperatorService operators, OperatorRepository repository,
            CurrentUser user, org.springframework.context.ApplicationEventPublisher events, Optional<Clock> clock) {
        this.events = events;
        this.store = store;
        this.operators = operators;
        this.repository = repository;
        this.user = user;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The signed-in operator's rows, their own and a planner's. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<AvailabilityEntry> mine() {
        return rows(me().getId());
    }

    /** Replaces the signed-in operator's own rows (a planner's override rows stay). */
    @PreAuthorize(Roles.SIGNED_IN)
    public List<AvailabilityEntry> replaceMine(List<AvailabilityEntry> entries) {
        Operator me = me();
        check(entries);
        store.replaceAvailability(me.getId(), SetBy.OPERATOR, entries, user.name(), clock.instant());
        // a draft planning the operator was solved without it
        events.publishEvent(new OperatorChanged(me.getId(), me.getTeamId()));
        return rows(me.getId());
    }

    /** Every row of the operator with this employee number. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<AvailabilityEntry> of(String employeeNumber) {
        return rows(byNumber(employeeNumber).getId());
    }

    /** Replaces the planner's override rows of the operator (the operator's own rows stay). */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public List<AvailabilityEntry> override(String employeeNumber, List<AvailabilityEntry> entries) {
        Operator o = byNumber(employeeNumber);
        check(entries);
        store.replaceAvailability(o.getId(), SetBy.PLANNER, entries, user.name(), clock.instant());
        events.publishEvent(new OperatorChanged(o.getId(), o.getTeamId()));
        return rows(o.getId());
    }

    /** Every operator's rows (for the planner's overview), by operator id. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Map<Long, List<AvailabilityEntry>> all() {
        return store.availability(null);
    }

    /**
     * What the availability leaves of each date from {@code from} to {@code to} (inclusive) for the operators: only
     * dates with a restriction, by operator and date (see the class comment for overrides and several rows).
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<DayAvailability> effective(Collection<Long> operatorIds, LocalDate from, LocalDate to) {
        List<DayAvailability> out = new ArrayList<>();
        store.availability(operatorIds).forEach((operatorId, rows) -> {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                DayAvailability day = effective(operatorId, rows, d);
                if (day != null) {
                    out.add(day);
                }
            }
        });
        return out;
    }

    /** The restriction of one date, or null when none applies. */
    static DayAvailability effective(long operatorId, List<AvailabilityEntry> rows, LocalDate date) {
        List<AvailabilityEntry> planner = rows.stream().filter(r -> r.setBy() == SetBy.PLANNER && r.appliesOn(date)).toList();
        List<AvailabilityEntry> applying = !planner.isEmpty() ? planner
                : rows.stream().filter(r -> r.setBy() != SetBy.PLANNER && r.appliesOn(date)).toList();
        if (applying.isEmpty()) {
            return null;
        }
        SetBy source = planner.isEmpty() ? SetBy.OPERATOR : SetBy.PLANNER;
        boolean available = applying.stream().allMatch(AvailabilityEntry::available);
        LocalTime from = null;
        LocalTime until = null;
        for (AvailabilityEntry r : applying) {
            from = r.from() != null && (from == null || r.from().isAfter(from)) ? r.from() : from;
            until = r.until() != null && (until == null || r.until().isBefore(until)) ? r.until() : until;
        }
        if (!available || (from != null && until != null && !until.isAfter(from))) {
            return new DayAvailability(operatorId, date, false, null, null, source);
        }
        return new DayAvailability(operatorId, date, true, from, until, source);
    }

    /** 400 with a reason per broken row field ({@code [index].field}). */
    static void check(List<AvailabilityEntry> entries) {
        Violations v = Violations.none();
        v.check(entries == null, "", Text.of("error.availability.missing"));
        v.throwIfAny();
        for (int i = 0; i < entries.size(); i++) {
            AvailabilityEntry e = entries.get(i);
            String at = "[" + i + "].";
            if (e == null) {
                v.check(true, "[" + i + "]", Text.of("error.availability.missing"));
                continue;
            }
            v.check(e.days().isEmpty(), at + "days", Text.of("error.availability.days"));
            v.check(!e.available() && (e.from() != null || e.until() != null), at + "from",
                    Text.of("error.availability.timesWhenUnavailable"));
            v.check(e.available() && e.from() == null && e.until() == null, at + "from",
                    Text.of("error.availability.noLimit"));
            v.check(e.from() != null && e.until() != null && !e.until().isAfter(e.from()), at + "until",
                    Text.of("error.availability.order", e.until(), e.from()));
            // a date such as +999999999-12-31 failed on writing (500) or was stored
            v.check(!RequestDates.inRange(e.validFrom()), at + "validFrom", Text.of("error.availability.notDate",
                    String.valueOf(e.validFrom())));
            v.check(!RequestDates.inRange(e.validTo()), at + "validTo", Text.of("error.availability.notDate",
                    String.valueOf(e.validTo())));
            v.check(e.validFrom() != null && e.validTo() != null && e.validTo().isBefore(e.validFrom()), at + "validTo",
                    Text.of("error.availability.validity", e.validTo(), e.validFrom()));
            v.check(e.note() != null && e.note().length() > 500, at + "note", Text.of("error.common.maxChars", 0, 500));
        }
        v.throwIfAny();
    }

    private List<AvailabilityEntry> rows(long operatorId) {
        return store.availability(List.of(operatorId)).getOrDefault(operatorId, List.of());
    }

    private Operator me() {
        return operators.mine().orElseThrow(AvailabilityService::notLinked);
    }

    /** The operator with this employee number (404 when there is none). */
    Operator byNumber(String employeeNumber) {
        return repository.findByEmployeeNumber(employeeNumber == null ? "" : employeeNumber.trim())
                .orElseThrow(() -> new NotFoundException("Operator", employeeNumber));
    }

    /** The signed-in user has no operator record: 404 with this reason. */
    static NotFoundException notLinked() {
        return new NotFoundException(Text.of("error.availability.notLinked"));
    }
}
