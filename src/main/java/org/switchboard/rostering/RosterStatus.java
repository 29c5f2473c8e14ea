package org.switchboard.rostering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A roster's progress: while solving the live best score, otherwise the score of the stored assignments.
 *
 * @param solverStatus NOT_SOLVING, SOLVING_SCHEDULED (waiting for a free solver) or SOLVING_ACTIVE
 * @param score e.g. "0hard/-12medium/-3400soft"; null before the first evaluation
 * @param coveredShare covered required operator-intervals / required ones; null when nothing is required (no demand)
 * @param stale a draft whose inputs (requirements, operators, contracts) changed since its last solve began
 * @param requiredOperatorIntervals the operator-intervals the period requires (0 = no demand: forecast the period
 *        first); -1 when not known (a roster stored before this was kept and not saved since)
 * @param solveNode the instance (Quartz instance id) that runs or ran the last solve; null while it waits
 * @param solveAttempts the runs the last solve took: 1, or more when another instance took it over after one died
 * @param solveOutcome how the last solve ended: finished (its time), stopped, failed or abandoned (its instance died
 *        with too little time left to take it over); null while solving or before any
 * @param serviceLevel the projected share of the forecast inbound calls answered within the target time, call-weighted
 *        (see {@link Roster#serviceLevel()}); null when not known
 * @param coverageAim what the roster's coverage rule weighs a missing operator by
 */
public record RosterStatus(long id, RosterState state, boolean solving, String solverStatus, String score,
        Integer hard, Long medium, Long soft, List<Roster.ConstraintTotal> constraints, Double coveredShare,
        LocalDate startDate, int days, String zone, Instant solveStartedAt, Instant solveEndedAt, Integer solveSeconds,
        Instant publishedAt, boolean stale, long requiredOperatorIntervals, String solveNode, int solveAttempts,
        String solveOutcome, Double serviceLevel, CoverageAim coverageAim) {
}
