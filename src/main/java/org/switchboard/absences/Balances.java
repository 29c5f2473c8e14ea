package org.switchboard.absences;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.Operator;
import org.switchboard.shared.Roles;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Text;

/**
 * Balances per absence type and year: the operator their own, planners, managers and admins anyone's. See
 * {@link Balance} for what is counted.
 */
@Service
@Transactional(readOnly = true)
public class Balances {

    private final BalanceCalculator calculator;
    private final Staff staff;
    private final Clock clock;

    Balances(BalanceCalculator calculator, Staff staff, Optional<Clock> clock) {
        this.calculator = calculator;
        this.staff = staff;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The signed-in operator's balances of every type in the year (null: this year at the site). */
    @PreAuthorize(Roles.SIGNED_IN)
    public List<Balance> mine(Integer year) {
        return of(staff.mineOrThrow(), year);
    }

    /** The operator's balances of every type in the year (null: this year at the site). */
    @PreAuthorize(Caller.SEE_ALL)
    public List<Balance> of(String employeeNumber, Integer year) {
        return of(staff.byNumber(employeeNumber), year);
    }

    private List<Balance> of(Operator o, Integer year) {
        if (year != null && (year < 1 || year > 9999)) {
            // a year such as 100000 failed in the database (500); 0 or -5 were answered as if they were years
            throw ValidationFailedException.of("year", Text.of("error.absence.year", String.valueOf(year)));
        }
        int y = year == null ? LocalDate.now(clock.withZone(o.zone())).getYear() : year;
        return Arrays.stream(AbsenceType.values()).map(t -> calculator.balance(o, t, y)).toList();
    }
}
