package org.switchboard.absences;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.switchboard.absences.AllowanceStore.Allowance;
import org.switchboard.operators.Operator;
import org.switchboard.shared.Text;

/**
 * Balances without a role check (the services check): allowance + carried over − taken − pending per operator, type
 * and year. Whole-day absences count their dates; a time span counts each date it touches. A request across New
 * Year is counted in each year for that year's part.
 */
@Component
class BalanceCalculator {

    /** The rule name of a refusal for lack of balance (stable, like the solver's rule names). */
    static final String RULE = "Allowance";

    private final AllowanceStore allowances;
    private final AbsenceStore store;

    private final java.time.Clock clock;

    BalanceCalculator(AllowanceStore allowances, AbsenceStore store, java.util.Optional<java.time.Clock> clock) {
        this.clock = clock.orElse(java.time.Clock.systemUTC());
        this.allowances = allowances;
        this.store = store;
    }

    Balance balance(Operator o, AbsenceType type, int year) {
        Optional<Allowance> allowance = allowances.find(type, o.getContractId());
        DayCounting counting = allowance.map(Allowance::counting).orElse(DayCounting.CALENDAR);
        int[] used = used(o.getId(), type, year, counting);
        if (allowance.isEmpty()) {
            return new Balance(type, year, null, counting, null, used[0], used[1], null);
        }
        Allowance a = allowance.get();
        int carried = carried(o.getId(), a, year);
        return new Balance(type, year, a.daysPerYear(), counting, carried, used[0], used[1],
                a.daysPerYear() + carried - used[0] - used[1]);
    }

    /** Days carried into {@code year}: the previous year's unused days (capped), none into the allowance's first year. */
    private int carried(long operatorId, Allowance a, int year) {
        if (!a.carryOver() || year <= a.firstYear()) {
            return 0;
        }
        int previous = year - 1;
        int[] used = used(operatorId, a.type(), previous, a.counting());
        int unused = Math.max(0, a.daysPerYear() + carried(operatorId, a, previous) - used[0] - used[1]);
        return a.carryOverCap() == null ? unused : Math.min(unused, a.carryOverCap());
    }

    /**
     * {approved days, requested and waitlisted days} of the type in the year. A waitlisted request whose start has
     * passed reserves nothing any more (it can no longer move up, nor be cancelled); a requested one still does (a
     * manager may approve it late).
     */
    private int[] used(long operatorId, AbsenceType type, int year, DayCounting counting) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        int taken = 0;
        int pending = 0;
        for (AbsenceStore.Stored s : store.list(List.of(operatorId), null, first, last)) {
            if (s.type() != type || !s.status().isActive()) {
                continue;
            }
            int days = count(s.from(), s.to(), counting, year);
            if (s.status() == AbsenceStatus.APPROVED) {
                taken += days;
            } else if (s.status() == AbsenceStatus.REQUESTED || s.startsAt().isAfter(clock.instant())) {
                pending += days;
            }
        }
        return new int[] {taken, pending};
    }

    /** The days of [from, to] inside the year, as the counting counts them. */
    static int count(LocalDate from, LocalDate to, DayCounting counting, int year) {
        LocalDate first = from.getYear() < year ? LocalDate.of(year, 1, 1) : from;
        LocalDate last = to.getYear() > year ? LocalDate.of(year, 12, 31) : to;
        int n = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (counting == DayCounting.CALENDAR
                    || (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The reasons a new absence of the type over [from, to] exceeds the operator's balance, one per year it does
     * (none: it fits or the type is unlimited).
     */
    List<Text> exceeded(Operator o, AbsenceType type, LocalDate from, LocalDate to) {
        List<Text> reasons = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            Balance b = balance(o, type, year);
            if (b.unlimited()) {
                return reasons;
            }
            int need = count(from, to, b.counting(), year);
            if (need > b.remaining()) {
                reasons.add(Text.of(b.counting() == DayCounting.WORKING ? "error.absence.balanceWorking"
                        : "error.absence.balance", Text.of("absence.type." + type), Math.max(0, b.remaining()),
                        String.valueOf(year), need));
            }
        }
        return reasons;
    }
}
