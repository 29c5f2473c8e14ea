package org.switchboard.absences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * What an absence does to coverage, asked by this module and answered by module rostering (which knows the published
 * schedule, the requirements and the Erlang projection). Without an implementation (a context without rostering)
 * absences have no impact to show and no default allotment.
 */
public interface CoverageEffects {

    /**
     * The coverage of the queues the operator works on, for every interval of the published schedule that the
     * operator's shifts in [start, end) touch: required, scheduled before and after taking the operator's shifts away,
     * and the projected service level before and after.
     */
    AbsenceImpact impact(long operatorId, Instant start, Instant end);

    /**
     * How many operators of the team could be away on the date without the team's queues falling below their
     * requirement in the published (or else latest draft) roster; empty when no roster covers the date.
     */
    default OptionalInt spareOperators(long teamId, LocalDate date) {
        Integer spare = spareOperators(teamId, date, date).get(date);
        return spare == null ? OptionalInt.empty() : OptionalInt.of(spare);
    }

    /**
     * {@link #spareOperators(long, LocalDate)} for every date of [from, to] at once (the rosters are read once); the
     * dates no roster covers are left out.
     */
    java.util.Map<LocalDate, Integer> spareOperators(long teamId, LocalDate from, LocalDate to);
}
