package org.switchboard.demand.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.switchboard.shared.Text;
import org.switchboard.shared.Violations;

/**
 * Local days {@code from} to {@code to} (both included) of a queue's site, as the demand API reads them: at most
 * {@link ForecastService#MAX_DAYS} days, the last not before the first.
 */
public record DayRange(LocalDate from, LocalDate to) {

    static final int MIN_YEAR = 1000;
    static final int MAX_YEAR = 9999;

    /**
     * The range of two days of a request.
     *
     * @throws org.switchboard.shared.ValidationFailedException on {@code to} when it is before {@code from} or the
     *     range is longer than {@link ForecastService#MAX_DAYS} days
     */
    public static DayRange of(LocalDate from, LocalDate to) {
        Violations v = Violations.none();
        v.check(from.getYear() < MIN_YEAR || from.getYear() > MAX_YEAR, "from", Text.of("error.range.years", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)));
        v.check(to.getYear() < MIN_YEAR || to.getYear() > MAX_YEAR, "to", Text.of("error.range.years", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)));
        v.check(!v.has("to") && to.isBefore(from), "to", Text.of("error.range.order"));
        v.check(!v.has("to") && !v.has("from") && ChronoUnit.DAYS.between(from, to) + 1 > ForecastService.MAX_DAYS, "to",
                Text.of("error.range.days", String.valueOf(ForecastService.MAX_DAYS)));
        v.throwIfAny();
        return new DayRange(from, to);
    }

    /** The start of the first day in the zone. */
    public Instant start(ZoneId zone) {
        return LocalGrid.startOfDay(from, zone);
    }

    /** The start of the day after the last, in the zone (the range's exclusive end). */
    public Instant end(ZoneId zone) {
        return LocalGrid.startOfDay(to.plusDays(1), zone);
    }
}
