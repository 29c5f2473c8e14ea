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
    OptionalInt spareOperators(long teamId, LocalDate date);
}
